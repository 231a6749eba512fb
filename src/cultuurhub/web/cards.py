"""Cards for lists, read straight from stored documents (no model validation: lists are hot).

The stored documents were validated when they were written; a card reads only the few fields
it shows and skips a document it cannot read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from cultuurhub.store import id_from_uri
from cultuurhub.web.dates import day_text, local, short_when
from cultuurhub.web.i18n import Messages
from cultuurhub.web.paths import record_page
from cultuurhub.web.view_parts import EventCard, RecordCard, pick

Document = Mapping[str, Any]
_STATUS = {"TemporarilyUnavailable": "postponed", "Unavailable": "cancelled"}


def event_card(
    record_id: UUID, document: Document, t: Messages, now: datetime, places: Mapping[UUID, Document]
) -> EventCard | None:
    """Return the card of an event: name, next date (or period), place, status."""
    name = pick(document.get("name"), t.lang, document.get("mainLanguage", "nl"))
    path = record_page("event", record_id, t.lang)
    if name is None or path is None:
        return None
    try:
        start = next_start(document, now)
        when = _when(document, start, t)
    except (TypeError, ValueError):
        return None
    status, kind = _status(document, t)
    if status is None and _over(document, now):
        status, kind = t("event.past"), "past"
    image = document.get("image")
    return EventCard(path, name, when, start, _where(document, places, t), status, kind, image)


def place_ids(documents: Mapping[UUID, Document]) -> set[UUID]:
    """Return the places the events among ``documents`` take place at."""
    found = set()
    for document in documents.values():
        place_id = id_from_uri((document.get("location") or {}).get("@id"))
        if place_id is not None:
            found.add(place_id)
    return found


def next_start(document: Document, now: datetime) -> datetime | None:
    """Return the next start of a dated event (else its first), None for other calendars."""
    if document.get("calendarType") not in ("single", "multiple"):
        return None
    starts = [datetime.fromisoformat(sub["startDate"]) for sub in document.get("subEvent", [])]
    coming = [start for start in starts if start >= now]
    return min(coming) if coming else min(starts, default=None)


def _over(document: Document, now: datetime) -> bool:
    """Tell whether every date of the event (or its period) lies in the past."""
    ends = [sub.get("endDate") for sub in document.get("subEvent", [])] or [document.get("endDate")]
    try:
        return all(end and datetime.fromisoformat(end) < now for end in ends)
    except (TypeError, ValueError):
        return False


def _when(document: Document, start: datetime | None, t: Messages) -> str:
    calendar = document.get("calendarType")
    if calendar == "permanent":
        return t("event.permanent")
    if calendar == "periodic" and document.get("endDate"):
        end = local(datetime.fromisoformat(document["endDate"])).date()
        return t("card.until", date=day_text(end, t, weekday=False))
    return short_when(start, t)


def _status(document: Document, t: Messages) -> tuple[str | None, str | None]:
    kind = _STATUS.get((document.get("status") or {}).get("type", ""))
    if kind is not None:
        return t(f"status.{kind}"), kind
    if (document.get("bookingAvailability") or {}).get("type") == "Unavailable":
        return t("status.soldout"), "soldout"
    return None, None


def _where(document: Document, places: Mapping[UUID, Document], t: Messages) -> str:
    location = document.get("location")
    if not location:
        return t("event.online")
    place = places.get(id_from_uri(location.get("@id")) or UUID(int=0))
    named = pick((place or location).get("name"), t.lang)
    return named.text if named else ""


def record_card(kind: str, record_id: UUID, document: Document, t: Messages) -> RecordCard | None:
    """Return the card of a place, organiser or heritage object."""
    main = document.get("mainLanguage", "nl")
    name = pick(document.get("title" if kind == "object" else "name"), t.lang, main)
    path = record_page(kind, record_id, t.lang)
    if name is None or path is None:
        return None
    if kind == "object":
        dating = (document.get("productionDate") or {}).get("display") or ""
        holder = (document.get("holder") or {}).get("name")
        detail = " · ".join(part for part in (dating, holder) if part)
        image = next((r.get("url") for r in document.get("webResources", [])), None)
        return RecordCard(path, kind, name, detail, image)
    address: Document = next(iter((document.get("address") or {}).values()), {})
    kind_label = document.get("kind") if kind == "organizer" else _type_label(document, t)
    detail = " · ".join(part for part in (kind_label, address.get("addressLocality")) if part)
    return RecordCard(path, kind, name, detail, document.get("image"))


def _type_label(document: Document, t: Messages) -> str:
    for term in document.get("terms", []):
        if term.get("domain") == "eventtype":
            return t.term(term.get("id", ""), term.get("label"))
    return ""
