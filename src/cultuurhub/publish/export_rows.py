"""How a record fills the flat columns of its type (see ``export_columns.py``).

The builders read the stored wire document defensively (a field that is absent or of an odd
shape gives an empty cell, never an error), with the records it points to (an event's place and
organiser, an object's holder) when they were read with its page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from cultuurhub.formats.uitdatabank_wire import moment_of
from cultuurhub.model import RecordType, taxonomy
from cultuurhub.model.text import LANGUAGES, Language
from cultuurhub.store import ExportRow, RelatedRecord, id_from_uri


@dataclass(frozen=True, slots=True)
class ExportedRecord:
    """A record on its way out, with the records it points to that were read with its page."""

    row: ExportRow
    related: Mapping[UUID, RelatedRecord]
    base_url: str

    @property
    def document(self) -> dict[str, Any]:
        """The record's JSON document."""
        return self.row.document

    @property
    def main_language(self) -> Language:
        """The record's main language (Dutch when it names none)."""
        found = self.row.document.get("mainLanguage")
        return found if found in LANGUAGES else "nl"


def flat_row(record: ExportedRecord) -> dict[str, Any]:
    """Return a record's values for its type's columns, typed (see ``ColumnKind``)."""
    return _BUILDERS[RecordType(record.row.type)](record)


# --- shared parts ---------------------------------------------------------------------------


def _text_in(text: object, language: Language) -> str | None:
    if not isinstance(text, dict) or not text:
        return None
    found = text.get(language) or text.get("nl") or next(iter(text.values()))
    return found if isinstance(found, str) else None


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _first(values: object) -> Any:
    return values[0] if isinstance(values, list) and values else None


def _list(values: object) -> list[str]:
    return [str(value) for value in values] if isinstance(values, list) else []


def _identity(record: ExportedRecord, path: str) -> dict[str, Any]:
    row = record.row
    return {
        "id": str(row.id),
        "uri": f"{record.base_url}/{path}/{row.id}",
        "owner_id": str(row.owner),
    }


def _names(record: ExportedRecord, key: str = "name") -> dict[str, Any]:
    document, language = record.document, record.main_language
    names = document.get(key)
    names = names if isinstance(names, dict) else {}
    values: dict[str, Any] = {f"{key}_{code}": names.get(code) for code in LANGUAGES}
    values["main_language"] = language
    values["description_nl"] = _text_in(document.get("description"), "nl")
    return values


def _facts(record: ExportedRecord) -> dict[str, Any]:
    row = record.row
    return {
        "labels": _list(row.document.get("labels")),
        "created": row.created,
        "modified": row.modified,
        "workflow_status": row.workflow_status,
        "visibility": row.visibility,
    }


def _address(
    address: object, language: Language, geo: object, municipality_nis: object
) -> dict[str, Any]:
    line = _address_in(address, language)
    coordinates = geo if isinstance(geo, dict) else {}
    return {
        "street_address": line.get("streetAddress"),
        "postal_code": line.get("postalCode"),
        "locality": line.get("addressLocality"),
        "country": line.get("addressCountry"),
        "municipality_nis": municipality_nis if isinstance(municipality_nis, str) else None,
        "latitude": _number(coordinates.get("latitude")),
        "longitude": _number(coordinates.get("longitude")),
    }


def _address_in(address: object, language: Language) -> dict[str, Any]:
    if not isinstance(address, dict) or not address:
        return {}
    found = address.get(language) or next(iter(address.values()))
    return found if isinstance(found, dict) else {}


def _terms(document: dict[str, Any], domain: str) -> list[dict[str, Any]]:
    terms = document.get("terms")
    return [t for t in terms if isinstance(t, dict) and t.get("domain") == domain] if terms else []


def _term_label(term: dict[str, Any]) -> str | None:
    label = term.get("label")
    if isinstance(label, str):
        return label
    known = taxonomy().term(str(term.get("id")))
    return None if known is None else known.label


def _type(document: dict[str, Any]) -> dict[str, Any]:
    chosen = _first(_terms(document, "eventtype")) or {}
    return {"type_id": chosen.get("id"), "type_label": _term_label(chosen) if chosen else None}


def _calendar(document: dict[str, Any]) -> dict[str, Any]:
    occurrences = [o for o in document.get("subEvent") or [] if isinstance(o, dict)]
    starts = [m for o in occurrences if (m := moment_of(o.get("startDate")))]
    ends = [m for o in occurrences if (m := moment_of(o.get("endDate")))]
    return {
        "calendar_type": document.get("calendarType"),
        "start": moment_of(document.get("startDate")) or min(starts, default=None),
        "end": moment_of(document.get("endDate")) or max(ends, default=None),
    }


def _price(document: dict[str, Any]) -> dict[str, Any]:
    lines = document.get("priceInfo") or []
    base = next((p for p in lines if isinstance(p, dict) and p.get("category") == "base"), None)
    price = _number(base.get("price")) if base else None
    return {"price_base": price, "free": None if price is None else price == 0}


def _age(value: object) -> dict[str, Any]:
    low, _, high = value.partition("-") if isinstance(value, str) else ("", "", "")
    return {
        "age_min": int(low) if low.isdigit() else None,
        "age_max": int(high) if high.isdigit() else None,
    }


def _reference(
    record: ExportedRecord, reference: object, prefix: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the id and name columns of a reference, and the document it points to (or {})."""
    embedded = reference if isinstance(reference, dict) else {}
    record_id = id_from_uri(embedded.get("@id"))
    found = record.related.get(record_id) if record_id is not None else None
    target = found.document if found is not None else embedded
    name = target.get("name")
    columns = {
        f"{prefix}_id": None if record_id is None else str(record_id),
        f"{prefix}_name": name if isinstance(name, str) else _text_in(name, record.main_language),
    }
    return columns, target


def _image(document: dict[str, Any]) -> str | None:
    image = document.get("image") or document.get("mainImage")
    return image if isinstance(image, str) else None


# --- per record type ------------------------------------------------------------------------


def _event_row(record: ExportedRecord) -> dict[str, Any]:
    document = record.document
    themes = _terms(document, "theme")
    place, place_document = _reference(record, document.get("location"), "place")
    organizer, _ = _reference(record, document.get("organizer"), "organizer")
    address = _address(
        place_document.get("address"),
        record.main_language,
        place_document.get("geo"),
        place_document.get("municipalityNis"),
    )
    return {
        **_identity(record, "events"), **_names(record), **_type(document),
        "theme_ids": [str(t.get("id")) for t in themes],
        "theme_labels": [label for t in themes if (label := _term_label(t))],
        **_calendar(document),
        "occurrences": len(document.get("subEvent") or []),
        "status": (document.get("status") or {}).get("type"),
        "booking_availability": (document.get("bookingAvailability") or {}).get("type"),
        **place, **address, **organizer, **_price(document),
        **_age(document.get("typicalAgeRange")),
        "audience": (document.get("audience") or {}).get("audienceType"),
        "attendance_mode": document.get("attendanceMode"),
        "online_url": document.get("onlineUrl"),
        "image_url": _image(document),
        "booking_url": (document.get("bookingInfo") or {}).get("url"),
        **_facts(record),
    }  # fmt: skip


def _place_row(record: ExportedRecord) -> dict[str, Any]:
    document = record.document
    organizer, _ = _reference(record, document.get("organizer"), "organizer")
    facilities = _terms(document, "facility")
    return {
        **_identity(record, "places"), **_names(record), **_type(document),
        "facility_labels": [label for t in facilities if (label := _term_label(t))],
        **_calendar(document),
        "status": (document.get("status") or {}).get("type"),
        **_address(
            document.get("address"), record.main_language,
            document.get("geo"), document.get("municipalityNis"),
        ),
        "capacity": _integer(document.get("capacity")),
        **organizer, **_price(document),
        "image_url": _image(document),
        "website": _first((document.get("contactPoint") or {}).get("url")),
        **_facts(record),
    }  # fmt: skip


def _organizer_row(record: ExportedRecord) -> dict[str, Any]:
    document = record.document
    contact = document.get("contactPoint") or {}
    return {
        **_identity(record, "organizers"), **_names(record),
        "kind": document.get("kind"),
        "website": document.get("url"),
        "email": _first(contact.get("email")),
        "phone": _first(contact.get("phone")),
        **_address(
            document.get("address"), record.main_language,
            document.get("geo"), document.get("municipalityNis"),
        ),
        "image_url": _image(document),
        **_facts(record),
    }  # fmt: skip


def _labels_of(concepts: object) -> list[str]:
    if not isinstance(concepts, list):
        return []
    return [
        label
        for concept in concepts
        if isinstance(concept, dict) and (label := _text_in(concept.get("prefLabel"), "nl"))
    ]


def _object_row(record: ExportedRecord) -> dict[str, Any]:
    document = record.document
    creators = [c for c in document.get("creators") or [] if isinstance(c, dict)]
    production = document.get("productionDate") or {}
    holder, _ = _reference(record, document.get("holder"), "holder")
    resource = _first(document.get("webResources")) or {}
    return {
        **_identity(record, "objects"), **_names(record, "title"),
        "object_number": document.get("objectNumber"),
        "object_types": _labels_of(document.get("objectType")),
        "creators": [str((c.get("agent") or {}).get("name") or "") for c in creators],
        "creator_roles": [str(c.get("role") or "") for c in creators],
        "date": production.get("display"),
        "date_edtf": production.get("edtf"),
        "date_earliest": _day(production.get("earliest")),
        "date_latest": _day(production.get("latest")),
        "materials": _labels_of(document.get("materials")),
        "techniques": _labels_of(document.get("techniques")),
        "subjects": _labels_of(document.get("subjects")),
        "places": [str(p.get("name")) for p in document.get("places") or [] if isinstance(p, dict)],
        **holder,
        "rights": document.get("rights"),
        "image_url": resource.get("url"),
        "iiif_service": resource.get("iiifService"),
        "image_rights": resource.get("rights"),
        **_facts(record),
    }  # fmt: skip


_BUILDERS: dict[RecordType, Callable[[ExportedRecord], dict[str, Any]]] = {
    RecordType.EVENT: _event_row,
    RecordType.PLACE: _place_row,
    RecordType.ORGANIZER: _organizer_row,
    RecordType.OBJECT: _object_row,
}


def references_of(row: ExportRow) -> set[UUID]:
    """Return the ids of the records a row's flat columns need (its place, organiser, holder)."""
    found: set[UUID] = set()
    for key in ("location", "organizer", "holder"):
        reference = row.document.get(key)
        if isinstance(reference, dict) and (record_id := id_from_uri(reference.get("@id"))):
            found.add(record_id)
    return found
