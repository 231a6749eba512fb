"""What the write API's OpenAPI shows: request examples per record type and problem shapes.

Every example here is stored by the test suite through the real API, so the documentation
cannot drift from what the hub accepts.
"""

from __future__ import annotations

from typing import Any

from cultuurhub.api.problems import PROBLEM_MEDIA_TYPE
from cultuurhub.model import RecordType

_PLACE_URI = "https://io.uitdatabank.be/places/6a3c2f5e-8d1b-4c7a-9e2f-1b2c3d4e5f60"
_ORGANIZER_URI = "https://io.uitdatabank.be/organizers/5cf42d51-3a4f-46f0-a8af-1cf672be8c84"

EVENT: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Het Collectief speelt Ravel", "en": "Het Collectief plays Ravel"},
    "description": {
        "nl": "Het Collectief brengt de kamermuziek van Maurice Ravel: het Pianotrio, de "
        "Sonatine en Introduction et Allegro, met een inleiding door de musici om 19.15 uur."
    },
    "terms": [
        {"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"},
        {"id": "1.8.1.0.0", "label": "Klassieke muziek", "domain": "theme"},
    ],
    "location": {"@id": _PLACE_URI},
    "organizer": {"@id": _ORGANIZER_URI},
    "calendarType": "single",
    "startDate": "2026-12-12T20:00:00+01:00",
    "endDate": "2026-12-12T22:00:00+01:00",
    "priceInfo": [
        {"category": "base", "name": {"nl": "Basistarief"}, "price": 22.0, "priceCurrency": "EUR"},
        {"category": "tariff", "name": {"nl": "-26 jaar"}, "price": 11.0, "priceCurrency": "EUR"},
    ],
    "bookingInfo": {"url": "https://www.debijloke.be/nl/concerten", "phone": "+32 9 269 92 92"},
    "typicalAgeRange": "12-",
    "image": "https://images.example.be/ravel.jpg",
    "labels": ["kamermuziek"],
}
# An older UiTdatabank Entry API body: name as text, type and theme objects, a nested calendar.
LEGACY_EVENT: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": "Jazz in Den Hemel",
    "type": {"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"},
    "theme": {"id": "1.8.2.0.0", "label": "Jazz en blues", "domain": "theme"},
    "location": {"id": "6a3c2f5e-8d1b-4c7a-9e2f-1b2c3d4e5f60"},
    "calendar": {
        "calendarType": "single",
        "timeSpans": [{"start": "2026-05-05T18:00:00.000Z", "end": "2026-05-05T21:00:00.000Z"}],
    },
}
PLACE: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Molenhuis", "en": "Mill House"},
    "terms": [{"id": "Yf4aZBfsUEu2NsQqsprngw"}],
    "calendarType": "permanent",
    "address": {
        "nl": {
            "addressCountry": "BE",
            "addressLocality": "Diest",
            "postalCode": "3290",
            "streetAddress": "Dorpsstraat 45",
        }
    },
    "description": {"nl": "Een gerestaureerde watermolen met een kleine zaal voor 80 mensen."},
    "contactPoint": {"email": ["info@molenhuis.be"], "url": ["https://www.molenhuis.be"]},
}
ORGANIZER: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Cultuurcentrum De Schakel"},
    "url": "https://www.deschakel.be",
    "contactPoint": {"email": ["info@deschakel.be"]},
}
OBJECT: dict[str, Any] = {
    "@type": "HeritageObject",
    "mainLanguage": "nl",
    "title": {"nl": "De Madonna met kanunnik Joris van der Paele"},
    "objectNumber": "0000.GRO0161.I",
    "objectType": [
        {"@id": "http://vocab.getty.edu/aat/300033618", "prefLabel": {"nl": "schilderij"}}
    ],
    "creators": [{"role": "schilder", "agent": {"@type": "Person", "name": "Jan van Eyck"}}],
    "productionDate": {"edtf": "1434/1436", "display": "1434-1436"},
    "rights": "http://creativecommons.org/publicdomain/mark/1.0/",
}
EXAMPLES: dict[RecordType, dict[str, dict[str, Any]]] = {
    RecordType.EVENT: {
        "concert": {"summary": "A concert (current Entry API shape)", "value": EVENT},
        "legacy": {"summary": "An older Entry API body, brought up to date", "value": LEGACY_EVENT},
    },
    RecordType.PLACE: {"place": {"summary": "A place open all year", "value": PLACE}},
    RecordType.ORGANIZER: {"organizer": {"summary": "A cultural centre", "value": ORGANIZER}},
    RecordType.OBJECT: {"painting": {"summary": "A painting (EDM/LIDO core)", "value": OBJECT}},
}

_FIELD_PROBLEM = {
    "type": "object",
    "properties": {
        "field": {"type": "string", "description": "Dotted path with wire names."},
        "pointer": {"type": "string", "description": "JSON Pointer into the request body."},
        "message_nl": {"type": "string"},
        "message_en": {"type": "string"},
    },
}
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "Dutch first, English beside."},
        "errors": {"type": "array", "items": _FIELD_PROBLEM},
    },
    "required": ["type", "title", "status", "detail"],
}
_INVALID_EXAMPLE = {
    "type": "about:blank",
    "title": "Unprocessable Content",
    "status": 422,
    "detail": "Het record heeft 1 probleem. / The record has 1 problem.",
    "errors": [
        {
            "field": "priceInfo",
            "pointer": "#/priceInfo",
            "message_nl": "Geef precies één basistarief (category base).",
            "message_en": "Give exactly one base price (category base).",
        }
    ],
}
_PROBLEMS = {
    400: "The body is not JSON.",
    401: "No API key, or an unknown or revoked one.",
    403: "This key may not do this: another organisation's record, or no write scope.",
    404: "No such record of this type (or not one this key may read).",
    409: "The workflow does not allow this change (it only moves forward).",
    410: "The record was deleted.",
    412: "`If-Match` names an older version: read the record again and retry.",
    415: "The body is not JSON (`application/json` or `application/ld+json`).",
    422: "The record does not satisfy the model; `errors` names every field.",
}


IDEMPOTENCY_PARAMETER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
    "description": "Any unique value (a UUID, say) that makes a retry safe: the same request "
    "with the same key within 24 hours gets the first answer again (`Idempotent-Replayed: "
    "true`) and creates nothing new; the key with another body gets 422.",
}

IDEMPOTENCY_RUNNING: dict[str, Any] = {
    "description": "A request with this `Idempotency-Key` is still running; retry after "
    "`Retry-After` seconds (problem details)",
    "content": {PROBLEM_MEDIA_TYPE: {"schema": PROBLEM_SCHEMA}},
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return OpenAPI responses for these problem statuses."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        content: dict[str, Any] = {"schema": PROBLEM_SCHEMA}
        if status == 422:
            content["example"] = _INVALID_EXAMPLE
        responses[status] = {
            "description": f"{_PROBLEMS[status]} (problem details)",
            "content": {PROBLEM_MEDIA_TYPE: content},
        }
    return responses


WRITTEN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "url": {"type": "string", "format": "uri"},
        "version": {"type": "integer"},
        "seq": {"type": ["integer", "null"], "description": "Change sequence number; null: "
                "nothing changed."},
        "outcome": {"type": "string", "enum": ["created", "updated", "unchanged"]},
        "quality": {
            "type": "object",
            "properties": {
                "score": {"type": "integer", "minimum": 0, "maximum": 100},
                "advice": {"type": "array", "items": {"type": "object"}},
            },
        },
    },
    "required": ["id", "url", "version", "outcome", "quality"],
}  # fmt: skip


def request_body(record_type: RecordType) -> dict[str, Any]:
    """Return the OpenAPI request body of a create or replace: the record, with examples."""
    schema = {
        "type": "object",
        "description": f"A {record_type.value} in its wire shape; the full JSON Schema is "
        f"published at `/schemas/{record_type.value}.json`.",
    }
    media = {"schema": schema, "examples": EXAMPLES[record_type]}
    return {
        "required": True,
        "content": {"application/json": media, "application/ld+json": media},
    }


MERGE_PATCH_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/merge-patch+json": {
            "schema": {
                "type": "object",
                "description": "The fields that change, in the record's wire shape (RFC 7396): "
                "objects are merged key by key, null removes a field, arrays are replaced whole.",
            },
            "examples": {
                "new_title_no_age": {
                    "summary": "Another Dutch title; no age range any more",
                    "value": {
                        "name": {"nl": "Het Collectief speelt Ravel en Debussy"},
                        "typicalAgeRange": None,
                    },
                },
                "sold_out": {
                    "summary": "The event is sold out",
                    "value": {"bookingAvailability": {"type": "Unavailable"}},
                },
            },
        },
        "application/json-patch+json": {
            "schema": {
                "type": "array",
                "items": {"type": "object"},
                "description": "JSON Patch operations (RFC 6902): add, remove, replace, move, "
                "copy and test, with JSON Pointer paths into the record's wire shape.",
            },
            "examples": {
                "checked_title": {
                    "summary": "Change the Dutch title only if it is still the old one",
                    "value": [
                        {"op": "test", "path": "/name/nl", "value": "Het Collectief speelt Ravel"},
                        {
                            "op": "replace",
                            "path": "/name/nl",
                            "value": "Het Collectief speelt Ravel en Debussy",
                        },
                    ],
                },
            },
        },
    },
}


WORKFLOW_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {
                    "workflowStatus": {
                        "type": "string",
                        "enum": ["DRAFT", "READY_FOR_VALIDATION", "APPROVED", "REJECTED",
                                 "DELETED"],
                    }
                },
                "required": ["workflowStatus"],
            },
            "examples": {
                "publish": {"summary": "Publish a draft",
                            "value": {"workflowStatus": "READY_FOR_VALIDATION"}},
                "approve": {"summary": "Approve", "value": {"workflowStatus": "APPROVED"}},
            },
        }
    },
}  # fmt: skip
