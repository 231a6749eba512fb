"""Ticketing systems push availability: capacity, remaining capacity or sold out per occurrence."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from cultuurhub.model import InvalidRecord, RecordType, parse_record
from cultuurhub.store import (
    PutResult,
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
    """Apply ticketing updates to an event: a new version, or unchanged when nothing differs."""
    if record.type != RecordType.EVENT.value or record.deleted:
        raise RecordNotFound(f"no event with id {record.id}")
    document = copy.deepcopy(record.document)
    occurrences = document.get("subEvent") or []
    for update in updates:
        _apply(_find(occurrences, update), update)
    try:
        event = parse_record(RecordType.EVENT, document)
    except InvalidRecord as error:
        raise AvailabilityError(str(error)) from None
    draft = draft_from_record(RecordType.EVENT, event, record.owner, record_id=record.id)
    return store.put(draft, author)


def _find(occurrences: list[dict[str, Any]], update: AvailabilityUpdate) -> dict[str, Any]:
    if update.sub_event is not None and 0 <= update.sub_event < len(occurrences):
        return occurrences[update.sub_event]
    for occurrence in occurrences:
        if update.start_date and occurrence.get("startDate") == update.start_date:
            return occurrence
    raise AvailabilityError(
        f"Geen voorstelling {update.sub_event or update.start_date} bij deze activiteit. / "
        f"This event has no occurrence {update.sub_event or update.start_date}."
    )


def _apply(occurrence: dict[str, Any], update: AvailabilityUpdate) -> None:
    booking = dict(occurrence.get("bookingAvailability") or {})
    if update.capacity is not None:
        booking["capacity"] = update.capacity
    if update.remaining_capacity is not None:
        if update.remaining_capacity < 0:
            raise AvailabilityError("Resterende plaatsen kan niet negatief zijn. / "
                                    "Remaining capacity cannot be negative.")  # fmt: skip
        booking["remainingCapacity"] = update.remaining_capacity
    sold_out = update.sold_out or booking.get("remainingCapacity") == 0
    booking["type"] = "Unavailable" if sold_out else "Available"
    if sold_out:
        booking["remainingCapacity"] = 0
    occurrence["bookingAvailability"] = booking


def event_for(store: Store, event_id: UUID | None, source: tuple[str, str] | None) -> StoredRecord:
    """Find the event a ticketing system means: by the hub's id or by its own source id."""
    if event_id is None and source is not None:
        event_id = store.record_for_source(SourceRef(*source))
    record = store.get(event_id) if event_id is not None else None
    if record is None:
        raise RecordNotFound("Onbekende activiteit. / Unknown event.")
    return record
