"""From a stored record to the fields the index holds: words, terms, places, dates, prices.

Events are indexed with what is known of their place and organiser (name, municipality,
coordinates), so the indexer keeps a small lookup of those and re-indexes events when their
place changes. Dates are indexed as the Brussels days on which something happens: every day of
every occurrence, and for periodic and permanent calendars the period and its opening weekdays.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import orjson

from cultuurhub.formats.uitdatabank_wire import moment_of
from cultuurhub.model import vocab
from cultuurhub.search import geo
from cultuurhub.store import id_from_uri

BRUSSELS = ZoneInfo("Europe/Brussels")
EPOCH_DAY = date(1970, 1, 1)
KEY_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
DATE_ID_BITS = 38
MODIFIED_ID_BITS = 32
#: A single occurrence longer than this is indexed as a period.
MAX_OCCURRENCE_DAYS = 62
#: Workflow states a public search shows unless asked otherwise.
PUBLIC_WORKFLOW = ("APPROVED", "READY_FOR_VALIDATION", "ACTIVE")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class Whereabouts:
    """What the index needs to know of a place or organiser that others refer to."""

    name: str
    municipality: str | None
    latitude: float | None
    longitude: float | None


@dataclass(slots=True)
class Lookup:
    """Places and organisers by id, filled by the indexer before it extracts a batch."""

    known: dict[UUID, Whereabouts] = field(default_factory=dict)

    def get(self, ref_id: UUID | None) -> Whereabouts | None:
        """Return what is known of the referred record."""
        return None if ref_id is None else self.known.get(ref_id)


def ref_id(reference: Any) -> UUID | None:
    """Return the UUID at the end of a reference's ``@id``, if there is one."""
    if not isinstance(reference, dict):
        return None
    return id_from_uri(reference.get("@id"))


def references(document: dict[str, Any]) -> Iterator[UUID]:
    """Yield the ids of the place and organiser a document refers to."""
    for key in ("location", "organizer", "holder"):
        found = ref_id(document.get(key))
        if found is not None:
            yield found


def province_of(nis: str) -> str:
    """Return the NIS code of the province (or Brussels region) of a municipality."""
    prefix = nis[:2]
    if prefix == "21":
        return "04000"
    if prefix in {"23", "24"}:
        return "20001"
    if prefix == "25":
        return "20002"
    return nis[0] + "0000"


def whereabouts(
    document: dict[str, Any],
    row_nis: str | None,
    latitude: float | None,
    longitude: float | None,
) -> Whereabouts:
    """Summarise a place or organiser for the records that refer to it."""
    return Whereabouts(_first_text(document.get("name")), row_nis, latitude, longitude)


def fields_for(
    record_type: str,
    record_id: UUID,
    owner: UUID,
    document: dict[str, Any],
    modified: datetime,
    row: tuple[str | None, float | None, float | None],
    lookup: Lookup,
) -> dict[str, Any]:
    """Return the index fields of one live record (a field without values is left out).

    Called for every record an index sync or rebuild takes in, so it is written out plainly:
    values that are never empty are set directly; the rest go through ``add``, which skips
    None and empty text.
    """
    nis, latitude, longitude = row
    get = document.get
    number = record_id.int
    text: list[Any] = []
    values: dict[str, list[Any]] = {
        "id": [str(record_id)],
        "id_key": [number & _LOW_63],
        "kind": [record_type],
        "owner": [_uuid_text(owner)],
        "text": text,
    }

    def add(name: str, *items: Any) -> None:
        kept = values.get(name)
        if kept is None:
            kept = values[name] = []
        for item in items:
            if item is not None and item != "":
                kept.append(item)

    workflow = str(get("workflowStatus") or "")
    if workflow:
        values["workflow"] = [workflow]
        if workflow in PUBLIC_WORKFLOW:
            values["listed"] = [record_type]
    names = [name for name in _texts(get("name") or get("title")) if name]
    if names:
        values["name"], values["suggest"] = names, names.copy()
    text += _texts(get("description"))
    add("language", *_languages(document))
    for key, name in (("labels", "label"), ("hiddenLabels", "hidden_label")):
        labels = get(key)
        if labels:
            values[name] = [label for label in map(str, labels) if label]
    for term in get("terms") or ():
        if isinstance(term, dict) and term.get("id"):
            add("terms", term["id"])
            add(_TERM_FIELDS.get(str(term.get("domain")), "terms"), term["id"])
            text.append(term.get("label"))
    first_start: datetime | None = None
    if record_type == "events" or record_type == "places":
        first_start = _add_offer(values, add, document)
    elif record_type == "objects":
        _add_object(add, document)
    place_id = ref_id(get("location"))
    if place_id is not None:
        values["place"] = [_uuid_text(place_id)]
        place = lookup.get(place_id)
        if place is not None:
            text.append(place.name)
            nis = nis or place.municipality
            if latitude is None:
                latitude, longitude = place.latitude, place.longitude
    organiser_id = ref_id(get("organizer") or get("holder"))
    if organiser_id is not None:
        values["organizer"] = [_uuid_text(organiser_id)]
        organiser = lookup.get(organiser_id)
        if organiser is not None:
            text.append(organiser.name)
    if nis:
        values["municipality"], values["province"] = [nis], [province_of(nis)]
        text.append(_municipality_names().get(nis))
    if latitude is not None and longitude is not None:
        latitude, longitude = float(latitude), float(longitude)
        values["latitude"], values["longitude"] = [latitude], [longitude]
        values["cell"] = list(geo.cells(latitude, longitude))
        values["geo"] = [True]
    minutes = 0 if first_start is None else _minutes(first_start)
    values["date_key"] = [(minutes << DATE_ID_BITS) | (number & _LOW_DATE_ID)]
    if first_start is not None:
        values["start"] = [int(first_start.timestamp())]
    seconds = max(0, int((modified - KEY_EPOCH).total_seconds()))
    values["modified"] = [int(modified.timestamp())]
    values["modified_key"] = [(seconds << MODIFIED_ID_BITS) | (number & 0xFFFFFFFF)]
    values["text"] = [item for item in text if item is not None and item != ""]
    return values


_TERM_FIELDS = {"eventtype": "eventtype", "theme": "theme", "facility": "facility"}
#: ``id_key``: a record's id as a signed 63-bit integer (its low bits), a fast field for exclusions.
_LOW_63 = (1 << 63) - 1
_LOW_DATE_ID = (1 << DATE_ID_BITS) - 1


@lru_cache(maxsize=16_384)  # owners, places and organisers recur on every page
def _uuid_text(value: UUID) -> str:
    return str(value)


def _add_offer(values: dict[str, list[Any]], add: Any, document: dict[str, Any]) -> datetime | None:
    """Add an event's or place's offer fields; return its first start."""
    get = document.get
    for name, item in (
        ("calendar", get("calendarType")),
        ("status", _member(get("status"), "type")),
        ("availability", _member(get("bookingAvailability"), "type")),
        ("audience", _member(get("audience"), "audienceType")),
        ("attendance", get("attendanceMode")),
    ):
        if item is not None and item != "":
            values[name] = [item]
    low, high = _ages(get("typicalAgeRange"))
    values["age_min"], values["age_max"] = [low], [high]
    for price in get("priceInfo") or ():
        if isinstance(price, dict) and price.get("category") == "base":
            amount = float(price.get("price") or 0.0)
            add("price", amount)
            add("free", amount == 0.0)
    return _add_calendar(add, document)


def _member(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else None


def _add_object(add: Any, document: dict[str, Any]) -> None:
    add("text", document.get("objectNumber"))
    for kind in document.get("objectType") or []:
        if isinstance(kind, dict):
            add("terms", kind.get("@id"))
            add("text", *_texts(kind.get("prefLabel")))
    for creator in document.get("creators") or []:
        agent = creator.get("agent") if isinstance(creator, dict) else None
        if isinstance(agent, dict) and agent.get("name"):
            add("creator", str(agent["name"]))
            add("text", str(agent["name"]))
    for key in ("materials", "techniques", "subjects"):
        for concept in document.get(key) or []:
            if isinstance(concept, dict):
                add("text", *_texts(concept.get("prefLabel")))
    add("rights", document.get("rights"))
    date_value = document.get("productionDate")
    if isinstance(date_value, dict):
        add("text", date_value.get("display"))


def _add_calendar(add: Any, document: dict[str, Any]) -> datetime | None:
    """Add the days and periods an offer happens on; return its first start."""
    kind = document.get("calendarType")
    weekdays = _weekdays(document.get("openingHours"))
    if kind == "permanent":  # open on its weekdays, always: no period to compare
        add("always", True)
        add("weekdays", *weekdays)
        return None
    start, end = _moment(document.get("startDate")), _moment(document.get("endDate"))
    if kind == "periodic" and start is not None:
        add("period_from", _day(start))
        add("period_to", _day(end or start))
        add("weekdays", *weekdays)
        return start
    occurrences = [
        (_moment(sub.get("startDate")), _moment(sub.get("endDate")))
        for sub in document.get("subEvent") or []
        if isinstance(sub, dict)
    ] or [(start, end)]
    days: set[int] = set()
    firsts = [begin for begin, _ in occurrences if begin is not None]
    for begin, finish in occurrences:
        if begin is None:
            continue
        first, last = _day(begin), _day(finish or begin)
        if last - first > MAX_OCCURRENCE_DAYS:
            add("period_from", first)
            add("period_to", last)
            add("weekdays", *range(7))
            continue
        days.update(range(first, max(first, last) + 1))
    add("days", *sorted(days))
    return min(firsts) if firsts else None


def _weekdays(opening_hours: Any) -> list[int]:
    found: set[int] = set()
    for hours in opening_hours or []:
        if isinstance(hours, dict):
            for day in hours.get("dayOfWeek") or []:
                if str(day).lower() in WEEKDAYS:
                    found.add(WEEKDAYS.index(str(day).lower()))
    return sorted(found) or list(range(7))


def _ages(value: Any) -> tuple[int, int]:
    if not isinstance(value, str) or "-" not in value:
        return 0, 150
    low, _, high = value.partition("-")
    return (int(low) if low.isdigit() else 0), (int(high) if high.isdigit() else 150)


def _moment(value: Any) -> datetime | None:
    return moment_of(value, BRUSSELS)


def _day(moment: datetime) -> int:
    """Days since 1970-01-01 of the Brussels calendar day of ``moment``."""
    return (moment.astimezone(BRUSSELS).date() - EPOCH_DAY).days


def day_number(day: date) -> int:
    """Days since 1970-01-01 of a calendar day."""
    return (day - EPOCH_DAY).days


def _minutes(moment: datetime) -> int:
    return max(0, int((moment - KEY_EPOCH).total_seconds()) // 60)


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for text in value.values() if isinstance(text, str)]
    return []


def _first_text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("nl") or next(iter(value.values()), ""))
    return str(value or "")


def _languages(document: dict[str, Any]) -> list[str]:
    languages = document.get("languages")
    if isinstance(languages, list) and languages:
        return [str(language) for language in languages]
    name = document.get("name") or document.get("title")
    return list(name) if isinstance(name, dict) else []


_NAMES: dict[str, str] = {}


def _municipality_names() -> dict[str, str]:
    if not _NAMES:
        _NAMES.update((nis, m.name) for nis, m in vocab.municipalities().items())
    return _NAMES


def loads(text: str) -> dict[str, Any]:
    """Parse a stored JSON document."""
    document = orjson.loads(text)
    return document if isinstance(document, dict) else {}
