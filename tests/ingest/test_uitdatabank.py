"""UiTdatabank documents and Entry API payloads, including legacy shapes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.ingest.base import Finding, Limits, SourceRecord
from cultuurhub.ingest.uitdatabank import STREAM_FROM, UitdatabankReader
from tests.conftest import shared_data

KINDS = {"events": "event", "places": "place", "organizers": "organizer"}


def read(data: bytes) -> list:
    return list(UitdatabankReader().read(data, "u.json", Limits()))


@pytest.mark.parametrize("folder", sorted(KINDS))
def test_every_entry_payload_is_read_with_its_type(folder: str) -> None:
    paths = sorted(shared_data(f"uitdatabank/entry-payloads/{folder}").glob("*.json"))
    assert paths
    for path in paths:
        if "workflow-status-deleted" in path.name:  # a deletion, below
            continue
        (record,) = read(path.read_bytes())
        assert isinstance(record, SourceRecord), path.name
        assert record.type == KINDS[folder], path.name
        assert isinstance(record.document["name"], dict), path.name
        if record.type != "organizer":
            assert record.document["calendarType"] in {
                "single",
                "multiple",
                "periodic",
                "permanent",
            }


@pytest.mark.parametrize("kind", ["event", "place", "organizer"])
def test_read_examples(kind: str) -> None:
    path = shared_data(f"uitdatabank/examples/{kind}-with-read-example.json")
    records = read(path.read_bytes())
    assert records and all(isinstance(r, SourceRecord) and r.type == kind for r in records)
    assert records[0].source_id.startswith("https://io-test.uitdatabank.be/")


def test_legacy_shapes_are_rewritten() -> None:
    folder = shared_data("uitdatabank/entry-payloads/events")
    (single,) = read(
        (folder / "legacy__event-missing-calendar-type-but-single-time-span.json").read_bytes()
    )
    document = single.document
    assert document["calendarType"] == "single" and len(document["subEvent"]) == 1
    assert document["name"] == {"nl": "Single calendar event"}
    assert {t["domain"] for t in document["terms"]} == {"eventtype", "theme"}
    assert document["location"]["address"]["nl"]["postalCode"] == "3271"
    (string_location,) = read(
        (folder / "legacy__event-with-referenced-location-as-string.json").read_bytes()
    )
    assert string_location.document["location"] == {"@id": "%{placeId}"}
    assert string_location.document["calendarType"] == "multiple"


def test_periodic_place_and_organizer_website() -> None:
    places = shared_data("uitdatabank/entry-payloads/places")
    (place,) = read((places / "legacy__create-periodic-place.json").read_bytes())
    assert place.document["calendarType"] == "periodic"
    assert place.document["address"]["nl"]["addressLocality"] == "Scherpenheuvel-Zichem"
    organizers = shared_data("uitdatabank/entry-payloads/organizers")
    (organizer,) = read(
        (organizers / "legacy__create-organizer-with-required-properties.json").read_bytes()
    )
    assert organizer.document["url"] == "https://www.%{name}.be"


EVENT = {
    "@id": "https://io.uitdatabank.be/events/1",
    "name": {"nl": "A"},
    "calendarType": "permanent",
    "location": {"@id": "https://io.uitdatabank.be/places/2"},
}


def test_array_and_json_lines() -> None:
    event = EVENT
    place = {"@id": "https://io.uitdatabank.be/places/2", "name": {"nl": "B"}}
    assert [r.type for r in read(json.dumps([event, place]).encode())] == ["event", "place"]
    lines = f"{json.dumps(event)}\n\n{{broken\n{json.dumps(place)}\n".encode()
    items = read(lines)
    assert [type(i).__name__ for i in items] == ["SourceRecord", "Finding", "SourceRecord"]
    assert isinstance(items[1], Finding) and items[1].line == 3
    assert items[2].location == "u.json:4"


@pytest.mark.parametrize("stream_from", [STREAM_FROM, 0], ids=["whole", "streamed"])
def test_every_encoding_gives_the_same_records_and_only_cp1252_a_warning(stream_from: int) -> None:
    # UTF-8 is parsed from the bytes directly (a large array one document at a time); a BOM,
    # UTF-16 or cp1252 goes through decoding; the "é" of the padded file straddles the point
    # where the streamed path's UTF-8 check reads its second megabyte
    event = {**EVENT, "name": {"nl": "Café-concert met Zoë"}}
    text = json.dumps([event], ensure_ascii=False)
    padding = " " * ((1 << 20) - len(text.encode()[: text.encode().index("é".encode())]) - 1)
    encoded = {
        "utf-8": text.encode(),
        "utf-8, é across a megabyte": (padding + text).encode(),
        "utf-8 with BOM": b"\xef\xbb\xbf" + text.encode(),
        "utf-16": text.encode("utf-16"),
        "cp1252": text.encode("cp1252"),
    }
    assert encoded["utf-8, é across a megabyte"][(1 << 20) - 1 : (1 << 20) + 1] == "é".encode()
    for encoding, data in encoded.items():
        items = list(UitdatabankReader(stream_from).read(data, "u.json", Limits()))
        records = [item for item in items if isinstance(item, SourceRecord)]
        assert [r.document["name"]["nl"] for r in records] == ["Café-concert met Zoë"], encoding
        warnings = [item for item in items if isinstance(item, Finding)]
        assert len(warnings) == (encoding == "cp1252"), encoding


def _streamed_and_whole(data: bytes) -> tuple[list, list]:
    streamed = list(UitdatabankReader(stream_from=0).read(data, "u.json", Limits()))
    return streamed, read(data)


def test_a_large_array_is_read_one_document_at_a_time_with_the_same_records() -> None:
    documents = [
        {
            "@id": f"https://io.uitdatabank.be/events/{n}",
            "name": {"nl": f"Voorstelling {n} — café", "fr": "Spectacle"},
            "calendarType": "single",
            "startDate": "2026-10-12T20:00:00+02:00",
            "priceInfo": [{"category": "base", "price": 12.5 + n, "priceCurrency": "EUR"}],
            "typicalAgeRange": "12-",
            "location": {"@id": "https://io.uitdatabank.be/places/2"},
            "type": {"id": "0.50.4.0.0", "label": "Concert"},  # a legacy shape, rewritten
        }
        for n in range(5)
    ]
    streamed, whole = _streamed_and_whole(json.dumps(documents, ensure_ascii=False).encode())
    assert len(streamed) == 5 and streamed == whole


def test_every_entry_payload_streamed_gives_the_same_records() -> None:
    paths = sorted(shared_data("uitdatabank/entry-payloads").glob("*/*.json"))
    documents = [json.loads(path.read_bytes()) for path in paths]
    streamed, whole = _streamed_and_whole(json.dumps(documents).encode())
    records = [item for item in streamed if isinstance(item, SourceRecord)]
    assert len(records) == len(paths) and streamed == whole


def test_a_large_array_that_breaks_off_keeps_what_came_before_and_says_so() -> None:
    first = {"@id": "https://io.uitdatabank.be/places/1", "name": {"nl": "Zaal"}}
    second = {"@id": "https://io.uitdatabank.be/places/2", "name": {"nl": "Tweede zaal"}}
    data = json.dumps([first, second]).encode()[:-30]  # an upload cut short
    items = list(UitdatabankReader(stream_from=0).read(data, "u.json", Limits()))
    assert [type(item).__name__ for item in items] == ["SourceRecord", "Finding"]
    assert isinstance(items[1], Finding) and "geen geldige JSON" in items[1].message_nl


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_the_streaming_reader_never_crashes(tail: bytes) -> None:
    for item in UitdatabankReader(stream_from=0).read(b"[" + tail, "u.json", Limits()):
        assert isinstance(item, SourceRecord | Finding)


def test_a_document_with_workflow_status_deleted_deletes_and_says_so() -> None:
    path = shared_data("uitdatabank/entry-payloads/events/event-with-workflow-status-deleted.json")
    warning, record = read(path.read_bytes())
    assert isinstance(record, SourceRecord) and record.deleted and record.document == {}
    assert isinstance(warning, Finding) and warning.field == "workflowStatus"
    assert "DELETED" in warning.message_nl and warning.record == record.source_id
