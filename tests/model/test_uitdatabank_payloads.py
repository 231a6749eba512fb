"""Every UiTdatabank example and Entry payload in ../shared/data: accepted or rejected, and why.

Payloads are read straight from ../shared/data (licence unclear: not copied into the repo).
``%{...}`` placeholders are test templates of udb3-backend; they are filled in here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cultuurhub.model import InvalidRecord, RecordType, index_columns, parse_record, to_document
from tests.conftest import shared_data

BASE_URL = "https://io-test.uitdatabank.be"
UUID = "6a3c2f5e-8d1b-4c7a-9e2f-1b2c3d4e5f60"
PLACEHOLDERS = {
    "baseUrl": BASE_URL,
    "placeUrl": f"{BASE_URL}/places/{UUID}",
    "organizerUrl": f"{BASE_URL}/organizers/{UUID}",
    "startDate": "2026-06-01T10:00:00+02:00",
    "endDate": "2026-06-01T18:00:00+02:00",
    "childcareStart": "08:30",
    "childcareEnd": "18:30",
    "variableTypicalAgeRange": "8-12",
    "name": "cultuurhub-test",
    "url": "cultuurhub-test",
    "labelname": "cultuurhub-test",
    "country_place": "BE",
    "city_place": "Leuven",
    "zip_place": "3000",
    "street_place": "Bondgenotenlaan 1",
}

# file -> (fields that must be named, why the payload is invalid)
REJECTED: dict[str, tuple[list[str], str]] = {
    "attendance-mode__event-with-attendance-mode-mixed-and-online-location.json": (
        ["location"],
        "mixed attendance needs a real place, not the online (nil UUID) location",
    ),
    "attendance-mode__event-with-attendance-mode-offline-and-online-location.json": (
        ["location"],
        "offline attendance needs a real place, not the online location",
    ),
    "attendance-mode__event-with-attendance-mode-online-and-real-location.json": (
        ["location"],
        "online attendance takes the online location, not a physical place",
    ),
    "departure-places__event-with-21-departure-places.json": (
        ["departurePlaces"],
        "at most 20 departure places",
    ),
    "event-with-age-and-birthdate-range.json": (
        ["birthdateRange"],
        "typicalAgeRange and birthdateRange cannot be combined (cannot-combine problem type)",
    ),
    "price-info__event-without-base-tariff.json": (["priceInfo"], "no base price"),
    "price-info__event-without-main-language.json": (
        ["priceInfo[0].name"],
        "tariff names lack the main language (nl)",
    ),
    "place-with-duplicate-tariff-names.json": (
        ["priceInfo[2].name"],
        "two tariffs named 'Kinderen'",
    ),
    "labels__organizer-with-duplicate-label-in-labels-and-hiddenLabels.json": (
        ["hiddenLabels[0]"],
        "the same label is both visible and hidden",
    ),
    "organizer-with-invalid-images.json": (
        ["images[0].@id", "images[2].id"],
        "image references that are not image URIs or UUIDs",
    ),
}
# Accepted although their names sound wrong, because the problem is not in the payload:
# - *-non-existing-organizer, organizer-with-non-existing-images: references to records that
#   do not exist: a referential check for the store, not a model error;
# - labels__*-wrong-visible-label / -wrong-invisible-label: whether 'public-invisible' is a
#   hidden label is state of UiTdatabank's label registry (which moves such labels), not of
#   the payload;
# - event-with-single-calendar-but-missing-sub-event: startDate/endDate become its sub-event;
# - event-with-multiple-calendar-but-only-one-sub-event: stored as a single calendar.

KINDS = {"events": RecordType.EVENT, "places": RecordType.PLACE, "organizers": RecordType.ORGANIZER}
PAYLOADS = [
    (kind, name)
    for kind in KINDS
    for name in sorted(
        p.name
        for p in (Path(__file__).resolve().parents[3] / "shared/data/uitdatabank/entry-payloads")
        .joinpath(kind)
        .glob("*.json")
    )
] or [("events", "absent.json")]


def _filled(text: str) -> str:
    def value(match: re.Match[str]) -> str:
        return PLACEHOLDERS.get(match.group(1), UUID)

    return re.sub(r"%\{(\w+)\}", value, text)


def _payload(kind: str, name: str) -> dict[str, Any]:
    folder = shared_data(f"uitdatabank/entry-payloads/{kind}")
    loaded: dict[str, Any] = json.loads(_filled((folder / name).read_text("utf-8")))
    return loaded


@pytest.mark.parametrize(("kind", "name"), PAYLOADS)
def test_entry_payload(kind: str, name: str) -> None:
    payload = _payload(kind, name)
    if name not in REJECTED:
        record = parse_record(KINDS[kind], payload)
        assert parse_record(KINDS[kind], to_document(record)) == record
        return
    fields, _reason = REJECTED[name]
    with pytest.raises(InvalidRecord) as raised:
        parse_record(KINDS[kind], payload)
    assert raised.value.fields == fields
    assert all(problem.message_nl and problem.message_en for problem in raised.value.problems)


def test_every_rejection_names_an_existing_file() -> None:
    names = {name for _kind, name in PAYLOADS}
    assert set(REJECTED) <= names


@pytest.mark.parametrize("kind", ["event", "place", "organizer"])
def test_read_model_example(kind: str) -> None:
    document = json.loads(
        shared_data(f"uitdatabank/examples/{kind}-with-read-example.json").read_text("utf-8")
    )
    record = parse_record(kind, document["examples"][0])
    assert parse_record(kind, to_document(record)) == record
    assert index_columns(record)["name"]


def test_legacy_event_is_modernised() -> None:
    record = parse_record("event", _payload("events", "legacy__event-with-single-calendar.json"))
    document = to_document(record)
    assert document["name"] == {"nl": "Single calendar event"}
    assert [term["domain"] for term in document["terms"]] == ["eventtype", "theme"]
    assert document["calendarType"] == "single"
    assert document["subEvent"][0]["bookingAvailability"] == {"type": "Unavailable"}
    columns = index_columns(record)
    assert columns["postal_code"] == "3271"
    assert columns["municipality_nis"] == "24134"  # Scherpenheuvel-Zichem
    assert columns["start_at"] is not None and columns["start_at"].tzinfo is not None
