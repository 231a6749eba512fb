"""schema.org JSON-LD: statuses, attendance, offers, and no way to break out of the script."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import orjson

from cultuurhub.model import Event, RecordType, parse_record
from cultuurhub.web.event_page import EventSources
from cultuurhub.web.structured_data import event_jsonld, script_json

EVENT: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Slotconcert </script><script>alert(1)</script>"},
    "calendarType": "multiple",
    "subEvent": [
        {"startDate": "2026-12-12T20:00:00+01:00", "endDate": "2026-12-12T22:00:00+01:00"},
        {"startDate": "2026-12-13T15:00:00+01:00", "endDate": "2026-12-13T17:00:00+01:00",
         "status": {"type": "Unavailable"}},
    ],
    "terms": [{"id": "0.50.4.0.0", "domain": "eventtype"}],
    "attendanceMode": "mixed",
    "onlineUrl": "https://stream.example.be/slot",
    "location": {"name": {"nl": "Kerk"}, "address": {"nl": {
        "streetAddress": "Markt 1", "postalCode": "9000", "addressLocality": "Gent",
        "addressCountry": "BE"}}},
    "priceInfo": [
        {"category": "base", "price": 12, "priceCurrency": "EUR"},
        {"category": "tariff", "name": {"nl": "Kinderen"}, "price": 0, "priceCurrency": "EUR"},
    ],
    "bookingInfo": {"url": "https://tickets.example.be/slot"},
}  # fmt: skip


def _event() -> Event:
    event = parse_record(RecordType.EVENT, EVENT)
    assert isinstance(event, Event)
    return event


def test_event_jsonld_has_dates_status_location_and_offers() -> None:
    data = event_jsonld(EventSources(uuid4(), _event()), "https://hub.example/activiteiten/x")
    assert data["@type"] == "Event" and data["startDate"].startswith("2026-12-12T20:00")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert [sub["eventStatus"] for sub in data["subEvent"]] == [
        "https://schema.org/EventScheduled", "https://schema.org/EventCancelled",
    ]  # fmt: skip
    physical, virtual = data["location"]
    assert physical["address"]["addressLocality"] == "Gent"
    assert virtual == {"@type": "VirtualLocation", "url": "https://stream.example.be/slot"}
    assert [offer["price"] for offer in data["offers"]] == ["12.00", "0.00"]
    assert data["offers"][0]["url"] == "https://tickets.example.be/slot"
    assert data["isAccessibleForFree"] is True


def test_the_script_cannot_be_closed_from_the_data() -> None:
    text = script_json(event_jsonld(EventSources(uuid4(), _event()), "https://hub.example/x"))
    assert "</script>" not in text and "<\\/script>" in text
    assert orjson.loads(text)["name"].startswith("Slotconcert </script>")
