"""Build the pieces of the UiTdatabank JSON-LD wire shape that every importer writes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Any, Literal
from uuid import NAMESPACE_URL, uuid5

Severity = Literal["error", "warning"]
Availability = Literal["Available", "TemporarilyUnavailable", "Unavailable"]

_ONE_DAY = timedelta(days=1)
_COUNTRY_WORDS = frozenset({"belgië", "belgie", "belgium", "belgique", "be"})
_POSTAL_LOCALITY = re.compile(r"^(?:(?:B|BE)[- ]?)?(\d{4})\s+(\S.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class MappingProblem:
    """A value that could not be mapped, said in Dutch and English, with the field it is in."""

    field: str
    value: str
    message_nl: str
    message_en: str
    severity: Severity = "error"


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """One occurrence of an event, with its own status."""

    start: datetime
    end: datetime | None
    status: Availability = "Available"
    all_day: bool = False


def text(value: str, language: str = "nl") -> dict[str, str]:
    """Return a multilingual text ``{language: value}``."""
    return {language: value}


def moment_of(value: object, floating: tzinfo | None = None) -> datetime | None:
    """A wire date-time as a moment (``…T19:30:00+01:00`` and ``…T18:30:00Z`` are one), or None
    when it is no date-time; one without an offset is read in ``floating`` (None: no moment)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        return moment
    return None if floating is None else moment.replace(tzinfo=floating)


def iso(moment: datetime) -> str:
    """Return ``moment`` as ISO 8601 with its UTC offset, to the second."""
    return moment.isoformat(timespec="seconds")


def address(street: str, postal_code: str, locality: str, country: str = "BE") -> dict[str, Any]:
    """Return a Dutch postal address in the wire shape ``{nl: {...}}``."""
    return {
        "nl": {
            "addressCountry": country,
            "addressLocality": locality,
            "postalCode": postal_code,
            "streetAddress": street,
        }
    }


def place_from_line(line: str) -> dict[str, Any]:
    """Read ``Zaal, Straat 1, 9000 Gent`` into an embedded place; a bare name stays a name."""
    parts = [part.strip() for part in line.split(",") if part.strip()]
    if parts and parts[-1].casefold() in _COUNTRY_WORDS:
        parts.pop()
    if len(parts) >= 2:
        postal = _POSTAL_LOCALITY.match(parts[-1])
        if postal is not None:
            name = parts[0]
            street = ", ".join(parts[1:-1]) if len(parts) >= 3 else parts[0]
            return {
                "name": text(name),
                "address": address(street, postal.group(1), postal.group(2)),
            }
    return {"name": text(line.strip())}


#: Where the ids of images known only by their address live (the model identifies every image
#: by an ``…/images/<uuid>`` address, as UiTdatabank's image store does).
IMAGE_BASE = "https://cultuurhub.be/images/"


def image(url: str) -> dict[str, str]:
    """An image known only by its address, as the model takes it: its address as
    ``contentUrl`` and an ``@id`` made from that address, so the same image has the same id in
    every import (and importing the file again changes nothing)."""
    return {"@id": f"{IMAGE_BASE}{uuid5(NAMESPACE_URL, url)}", "contentUrl": url}


def price(amount: Decimal, name: str, category: str = "tariff") -> dict[str, Any]:
    """Return one ``priceInfo`` entry in euro."""
    return {
        "category": category,
        "name": text(name),
        "price": float(amount),
        "priceCurrency": "EUR",
    }


def calendar(spans: Iterable[TimeSpan]) -> dict[str, Any]:
    """Return ``calendarType``, ``startDate``, ``endDate`` and ``subEvent`` for occurrences."""
    ordered = sorted(spans, key=lambda span: span.start)
    if not ordered:
        return {"calendarType": "permanent"}
    only = ordered[0]
    if len(ordered) == 1 and only.all_day and only.end and only.end - only.start > _ONE_DAY:
        return {"calendarType": "periodic", "startDate": iso(only.start), "endDate": iso(only.end)}
    sub_events = [_sub_event(span) for span in ordered]
    last = max(range(len(ordered)), key=lambda index: ordered[index].end or ordered[index].start)
    return {
        "calendarType": "single" if len(ordered) == 1 else "multiple",
        "startDate": sub_events[0]["startDate"],
        "endDate": sub_events[last]["endDate"],
        "subEvent": sub_events,
    }


def status(kind: Availability, reason: str | None = None) -> dict[str, Any]:
    """Return a ``status`` object, with a Dutch reason when one is given."""
    found: dict[str, Any] = {"type": kind}
    if reason:
        found["reason"] = text(reason)
    return found


def status_of_dates(document: dict[str, Any]) -> None:
    """An event's own status is what all its dates share: one cancelled date of several
    cancels that date, not the production (a status with its reason is kept when it fits)."""
    states = {sub["status"]["type"] for sub in document.get("subEvent") or []}
    if len(states) == 1 and "Available" not in states:
        state = states.pop()
        own = document.get("status") or {}
        document["status"] = own if own.get("type") == state else status(state)
    else:
        document.pop("status", None)


def _sub_event(span: TimeSpan) -> dict[str, Any]:
    return {
        "startDate": iso(span.start),
        "endDate": iso(span.end or span.start),
        "status": {"type": span.status},
        "bookingAvailability": {"type": "Available"},
    }
