"""schema.org JSON-LD import from JSON documents and HTML pages."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord
from cultuurhub.ingest.jsonld import JsonLdReader

PAGE = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "events"
    / "theater-malpertuis-voorstelling.html"
).read_bytes()


def read(data: bytes, reader: JsonLdReader | None = None) -> list:
    return list((reader or JsonLdReader()).read(data, "page.html", Limits()))


def test_theatre_page_with_several_scripts() -> None:
    items = read(PAGE)
    found = {item.source_id: item for item in items if isinstance(item, SourceRecord)}
    organizer = found["https://www.malpertuis.example/#organisatie"]
    assert organizer.type == "organizer" and organizer.document["contactPoint"]["email"] == [
        "info@malpertuis.example"
    ]
    play = found["https://www.malpertuis.example/programma/nachtwacht#event"].document
    assert play["terms"][0]["label"] == "Theatervoorstelling"
    assert play["calendarType"] == "multiple" and len(play["subEvent"]) == 2
    assert [p["category"] for p in play["priceInfo"]] == ["base", "tariff"]
    assert play["priceInfo"][1]["price"] == 12.0
    assert play["bookingInfo"] == {"url": "https://tickets.malpertuis.example/nachtwacht"}
    assert play["location"]["geo"]["latitude"] == 50.9993
    assert play["attendanceMode"] == "offline"
    cancelled = found["https://www.malpertuis.example/programma/wouter-hamel#event"].document
    assert cancelled["status"]["type"] == "Unavailable"
    assert cancelled["startDate"] == "2026-12-05T20:15:00+01:00"
    assert cancelled["location"]["address"]["nl"]["postalCode"] == "8700"


def test_page_findings_generic_event_and_broken_script() -> None:
    problems = [item for item in read(PAGE) if isinstance(item, Finding)]
    assert [p.severity for p in problems] == [Severity.ERROR, Severity.ERROR]
    assert "TheaterEvent" in problems[0].message_nl
    assert problems[1].line == 76


def test_default_type_and_online_event() -> None:
    items = read(PAGE, JsonLdReader(default_type="Lezing of congres"))
    debate = next(i for i in items if isinstance(i, SourceRecord) and "debat" in i.source_id)
    assert debate.document["onlineUrl"] == "https://live.malpertuis.example/debat"
    assert debate.document["status"]["type"] == "TemporarilyUnavailable"
    assert debate.document["attendanceMode"] == "online"


def test_plain_json_array_and_place() -> None:
    data = b"""[{"@context": "https://schema.org", "@type": "Museum", "name": "MSK Gent",
      "address": "Fernand Scribedreef 1, 9000 Gent"},
      {"@type": "DanceEvent", "name": "Rosas", "startDate": "2026-10-12",
       "location": "De Singel, Desguinlei 25, 2018 Antwerpen"}]"""
    museum, dance = [item for item in read(data) if isinstance(item, SourceRecord)]
    assert museum.type == "place" and museum.document["terms"][0]["label"] == "Museum of galerij"
    assert museum.document["address"]["nl"]["addressLocality"] == "Gent"
    assert dance.document["endDate"] == "2026-10-12T23:59:59+02:00"


def test_page_without_json_ld_warns() -> None:
    (finding,) = read(b"<html><body><p>Geen data</p></body></html>")
    assert finding.severity is Severity.WARNING


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=10),
        st.sampled_from(["TheaterEvent", "Place", "2026-10-12T20:00", "EUR", "12,50"]),
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "name",
                    "startDate",
                    "endDate",
                    "location",
                    "offers",
                    "price",
                    "@graph",
                    "subEvent",
                    "address",
                    "image",
                    "eventStatus",
                    "organizer",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_never_crashes_on_odd_json(value: object) -> None:
    import json

    items = read(json.dumps(value).encode())
    assert all(isinstance(item, SourceRecord | Finding) for item in items)


def test_cancelled_and_sold_out_however_the_site_writes_them() -> None:
    import orjson

    place = "De Singel, Desguinlei 25, 2018 Antwerpen"
    cancelled = "https://schema.org/EventCancelled"
    sold_out = {"price": "20", "priceCurrency": "EUR", "availability": "https://schema.org/SoldOut"}
    series = [{"startDate": "2026-12-11T20:00"},
              {"startDate": "2026-12-12T20:00", "eventStatus": cancelled}]  # fmt: skip
    changes: list[dict[str, object]] = [
        {"eventStatus": "schema:EventCancelled"},
        {"eventStatus": {"@id": cancelled}},
        {"offers": sold_out},
        {"subEvent": series},
    ]
    nodes = [
        {"@context": "https://schema.org", "@type": "TheaterEvent", "name": "Macbeth",
         "startDate": "2026-12-11T20:00", "location": place, "url": f"https://example.be/{n}",
         **change}
        for n, change in enumerate(changes)
    ]  # fmt: skip
    short, linked, sold, dates = [
        item.document for item in read(orjson.dumps(nodes)) if isinstance(item, SourceRecord)
    ]
    assert short["status"]["type"] == linked["status"]["type"] == "Unavailable"
    assert sold["bookingAvailability"] == {"type": "Unavailable"}
    assert [sub["bookingAvailability"]["type"] for sub in sold["subEvent"]] == ["Unavailable"]
    assert [sub["status"]["type"] for sub in dates["subEvent"]] == ["Available", "Unavailable"]


def test_a_page_with_an_event_per_performance_gives_one_event_with_every_date() -> None:
    def performance(day: int, **extra: object) -> str:
        fields = {"@type": "TheaterEvent", "name": "Hamlet", "url": "https://theater.example/hamlet",
                  "startDate": f"2026-12-{day}T20:00", "endDate": f"2026-12-{day}T22:30",
                  "location": "De Singel, Desguinlei 25, 2018 Antwerpen", **extra}  # fmt: skip
        import orjson

        return orjson.dumps({"@context": "https://schema.org", **fields}).decode()

    scripts = (performance(11), performance(12, eventStatus="EventCancelled"), performance(13))
    page = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts).encode()
    [event] = [item for item in read(page) if isinstance(item, SourceRecord)]
    document = event.document
    assert document["calendarType"] == "multiple" and "status" not in document
    assert [(sub["startDate"][:10], sub["status"]["type"]) for sub in document["subEvent"]] == [
        ("2026-12-11", "Available"), ("2026-12-12", "Unavailable"), ("2026-12-13", "Available"),
    ]  # fmt: skip
    assert document["endDate"].startswith("2026-12-13T22:30")


def test_events_read_before_the_record_limit_are_kept() -> None:
    import orjson

    place = "De Singel, Desguinlei 25, 2018 Antwerpen"
    nodes = [{"@context": "https://schema.org", "@type": "TheaterEvent", "name": f"Stuk {n}",
              "url": f"https://theater.example/{n}", "startDate": "2026-12-11T20:00",
              "location": place} for n in range(5)]  # fmt: skip
    items = list(JsonLdReader().read(orjson.dumps(nodes), "a.jsonld", Limits(max_records=3)))
    assert len([i for i in items if isinstance(i, SourceRecord)]) == 3
    assert any(isinstance(i, Finding) and "3" in i.message_nl for i in items)
