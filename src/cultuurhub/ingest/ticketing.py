"""Ticketing systems push availability: capacity, remaining capacity or sold out per occurrence."""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

import orjson

from cultuurhub.formats.uitdatabank_wire import moment_of
from cultuurhub.model import InvalidRecord, RecordType, parse_record
from cultuurhub.store import (
    PutResult,
    RecordDraft,
    RecordNotFound,
    SourceRef,
    Store,
    StoredRecord,
    draft_from_record,
)


class AvailabilityError(ValueError):
    """An availability update that cannot be applied; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class AvailabilityUpdate:
    """New availability of one occurrence (by its position or its start), as a ticketing
    system knows it."""

    sub_event: int | None = None
    start_date: str | None = None
    capacity: int | None = None
    remaining_capacity: int | None = None
    sold_out: bool = False


def apply_availability(
    store: Store, record: StoredRecord, updates: list[AvailabilityUpdate], author: str
) -> PutResult:
    """Apply ticketing updates to an event: a new version, or unchanged when nothing differs.

    An update names an occurrence by position or by its start (the same moment in any offset);
    an event without occurrences (periodic, permanent) takes an update that names none on the
    event itself. The event's own availability follows its occurrences: sold out when all are.
    """
    if record.type != RecordType.EVENT.value or record.deleted:
        raise RecordNotFound(f"Geen activiteit met id {record.id}. / No event with id {record.id}.")
    document = copy.deepcopy(record.document)
    occurrences = document.get("subEvent") or []
    for update in updates:
        if not occurrences and update.sub_event is None and update.start_date is None:
            _apply(document, update)
        else:
            _apply(_find(occurrences, update), update)
    if occurrences:
        _follow_occurrences(document)
    try:
        event = parse_record(RecordType.EVENT, document)
    except InvalidRecord as error:
        raise AvailabilityError(
            "; ".join(f"{p.field}: {p.message_nl}" for p in error.problems)
            + " / "
            + "; ".join(f"{p.field}: {p.message_en}" for p in error.problems)
        ) from None
    draft = draft_from_record(RecordType.EVENT, event, record.owner, record_id=record.id)
    return store.put(draft, author)


def _follow_occurrences(document: dict[str, Any]) -> None:
    """The event's own booking availability follows its dates: sold out when all are."""
    booked = [sub.get("bookingAvailability") or {} for sub in document["subEvent"]]
    full = all(booking.get("type") == "Unavailable" for booking in booked)
    whole = dict(document.get("bookingAvailability") or {})
    whole["type"] = "Unavailable" if full else "Available"
    document["bookingAvailability"] = whole


def _find(occurrences: list[dict[str, Any]], update: AvailabilityUpdate) -> dict[str, Any]:
    if update.sub_event is None and update.start_date is None:
        raise AvailabilityError(
            "Zeg welke voorstelling: subEvent (0, 1, …) of startDate. / "
            "Say which occurrence: subEvent (0, 1, …) or startDate."
        )
    if update.sub_event is not None and 0 <= update.sub_event < len(occurrences):
        return occurrences[update.sub_event]
    wanted = moment_of(update.start_date)
    for occurrence in occurrences:
        if wanted is not None and moment_of(occurrence.get("startDate")) == wanted:
            return occurrence
    asked = update.start_date if update.sub_event is None else update.sub_event
    raise AvailabilityError(
        f"Geen voorstelling {asked} bij deze activiteit ({len(occurrences)} voorstellingen, "
        f"subEvent 0 tot {len(occurrences) - 1}). / This event has no occurrence {asked} "
        f"({len(occurrences)} occurrences, subEvent 0 to {len(occurrences) - 1})."
        if occurrences
        else f"Deze activiteit heeft geen afzonderlijke voorstellingen; laat subEvent en "
        f"startDate weg. / This event has no separate occurrences; leave out subEvent and "
        f"startDate (asked: {asked})."
    )


def _apply(occurrence: dict[str, Any], update: AvailabilityUpdate) -> None:
    booking = dict(occurrence.get("bookingAvailability") or {})
    if update.capacity is not None:
        booking["capacity"] = update.capacity
    if update.remaining_capacity is not None:
        if update.remaining_capacity < 0:
            raise AvailabilityError("Resterende plaatsen kan niet negatief zijn. / "
                                    "Remaining capacity cannot be negative.")  # fmt: skip
        if update.sold_out and update.remaining_capacity > 0:
            raise AvailabilityError(
                f"Uitverkocht met nog {update.remaining_capacity} plaatsen spreekt elkaar tegen. "
                f"/ Sold out with {update.remaining_capacity} places left is a contradiction."
            )
        booking["remainingCapacity"] = update.remaining_capacity
    sold_out = update.sold_out or booking.get("remainingCapacity") == 0
    booking["type"] = "Unavailable" if sold_out else "Available"
    if sold_out:
        booking["remainingCapacity"] = 0
    occurrence["bookingAvailability"] = booking


def event_for(store: Store, event_id: UUID | None, source: tuple[str, str] | None) -> StoredRecord:
    """Find the event a ticketing system means: by the hub's id or by its own source id."""
    if event_id is None and source is None:
        raise AvailabilityError(
            "Zeg welke activiteit: event (haar id in de hub) of source (system en id). / "
            "Say which event: event (its id in the hub) or source (system and id)."
        )
    if event_id is None and source is not None:
        event_id = store.record_for_source(SourceRef(*source))
    record = store.get(event_id) if event_id is not None else None
    if record is None:
        raise RecordNotFound("Onbekende activiteit. / Unknown event.")
    return record


# -- an import that says nothing of seats keeps what a ticketing system pushed ---------------


def keep_pushed_availability(store: Store, drafts: list[RecordDraft]) -> list[RecordDraft]:
    """The drafts of a batch, those of events whose file says nothing of seats (every date
    plainly available, as spreadsheets, calendars and websites give them) with the availability a
    ticketing system pushed to the record they update: a nightly programme import must not
    reopen a sold-out performance. An import that does say (a UiTdatabank export with
    capacities) wins, as before. One query per batch; documents are read only for records that
    have pushed availability."""
    wanted: dict[str, dict[str, int]] = {}
    for index, draft in enumerate(drafts):
        if draft.type == RecordType.EVENT.value and draft.source is not None:
            wanted.setdefault(draft.source.system, {})[draft.source.source_id] = index
    if not wanted:
        return drafts
    kept = list(drafts)
    for system, positions in wanted.items():
        for source_id, text in store.documents_with_seats(system, list(positions)).items():
            draft = drafts[positions[source_id]]
            if draft.canonical is not None and b'apacity"' in draft.canonical:
                continue  # the file gives seats itself: it wins (and is not parsed again)
            document = draft.document or orjson.loads(draft.canonical or b"{}")
            merged = _merged(document, orjson.loads(text)) if _silent(document) else None
            if merged is not None:
                kept[positions[source_id]] = replace(draft, document=merged, canonical=None)
    return kept


def _silent(document: dict[str, Any]) -> bool:
    plain = ({"type": "Available"}, None)
    return document.get("bookingAvailability") in plain and all(
        sub.get("bookingAvailability") in plain for sub in document.get("subEvent") or []
    )


def _pushed(booking: object) -> bool:
    return isinstance(booking, dict) and (
        "capacity" in booking
        or "remainingCapacity" in booking
        or booking.get("type") != "Available"
    )


def _merged(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any] | None:
    """``new`` with the pushed availability of ``old`` on the dates both have; None if none."""
    document = copy.deepcopy(new)
    occurrences = document.get("subEvent") or []
    pushed = {
        moment_of(sub.get("startDate")): sub["bookingAvailability"]
        for sub in old.get("subEvent") or []
        if _pushed(sub.get("bookingAvailability"))
    }
    changed = False
    for occurrence in occurrences:
        booking = pushed.get(moment_of(occurrence.get("startDate")))
        if booking is not None:
            occurrence["bookingAvailability"] = booking
            changed = True
    if occurrences and changed:
        _follow_occurrences(document)
    elif not occurrences and _pushed(old.get("bookingAvailability")):
        document["bookingAvailability"] = old["bookingAvailability"]
        changed = True
    return document if changed else None
