"""When events happen: the four calendar types, sub-events with status and capacity."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from cultuurhub.demo import calendars
from cultuurhub.demo.calendars import Moment, timestamp
from cultuurhub.demo.event_recipes import Recipe
from cultuurhub.demo.records import between, pick

CALENDAR_TYPES = {"s": "single", "m": "multiple", "p": "periodic", "P": "permanent"}
_SERIES_TYPES = frozenset({"0.3.1.0.0", "0.3.1.0.1"})
_REGULAR_TYPES = frozenset({"0.7.0.0.0", "0.59.0.0.0"})
POSTPONED = (
    "Uitgesteld wegens ziekte van de artiest. Tickets blijven geldig voor de nieuwe datum.",
    "Uitgesteld: een nieuwe datum volgt zo snel mogelijk.",
    "Uitgesteld wegens werken aan de zaal.",
)
CANCELLED = (
    "Geannuleerd wegens te weinig inschrijvingen.",
    "Geannuleerd wegens ziekte. Tickethouders worden automatisch terugbetaald.",
    "Afgelast wegens slechte weersvoorspellingen.",
    "Geannuleerd door onvoorziene omstandigheden. Onze excuses.",
)


def status(rng: random.Random) -> dict[str, Any]:
    """Return an event status: mostly available, some postponed or cancelled with a reason."""
    roll = rng.random()
    if roll < 0.92:
        return {"type": "Available"}
    if roll < 0.95:
        return {"type": "TemporarilyUnavailable", "reason": {"nl": pick(rng, POSTPONED)}}
    return {"type": "Unavailable", "reason": {"nl": pick(rng, CANCELLED)}}


def _sessions(rng: random.Random, recipe: Recipe, first_day: int) -> list[int]:
    """Return the days of the sessions of a multiple calendar (2 to 12 of them)."""
    if recipe.type_id in _SERIES_TYPES:
        count, gap = between(rng, 4, 10), 7
    elif recipe.type_id in _REGULAR_TYPES:
        count, gap = between(rng, 3, 12), pick(rng, (7, 7, 14, 28))
    else:
        count, gap = between(rng, 2, 6), pick(rng, (1, 1, 2, 7))
    return [first_day + index * gap for index in range(count)]


def _span(rng: random.Random, recipe: Recipe, day: int) -> tuple[Moment, Moment]:
    start = pick(rng, recipe.starts)
    low, high = recipe.duration
    length = between(rng, low // 15, high // 15) * 15
    if recipe.key == "kamp":  # camps run Monday to Friday
        day -= calendars.weekday(day)
        return (day, start), (day + 4, min(start + length, 1410))
    return (day, start), (day, start + length)


def _remaining(rng: random.Random, capacity: int, day: int, today: int) -> int:
    """Return the seats left: few for past or imminent sessions, many far ahead."""
    if day < today:
        return 0 if rng.random() < 0.6 else between(rng, 0, max(1, capacity // 10))
    ahead = min(1.0, (day - today) / 120)
    return int(capacity * rng.uniform(0.0, 0.4 + 0.6 * ahead))


def sub_events(
    rng: random.Random, spans: list[tuple[Moment, Moment]], capacity: int | None, today: int
) -> list[dict[str, Any]]:
    """Build sub-events with status and booking availability (with capacity when ticketed)."""
    result: list[dict[str, Any]] = []
    for index, (start, end) in enumerate(spans):
        booking: dict[str, Any] = {"type": "Available"}
        if capacity:
            left = _remaining(rng, capacity, start[0], today)
            booking = {
                "type": "Available" if left else "Unavailable",
                "capacity": capacity,
                "remainingCapacity": left,
            }
        state = {"type": "Available"} if rng.random() < 0.97 else status(rng)
        result.append(
            {
                "id": index,
                "startDate": timestamp(start),
                "endDate": timestamp(end),
                "status": state,
                "bookingAvailability": booking,
            }
        )
    return result


def calendar(
    rng: random.Random, recipe: Recipe, reference: date, capacity: int | None
) -> tuple[dict[str, Any], int]:
    """Return the calendar fields of an event and the day it (first) starts."""
    letter = pick(rng, recipe.calendars)
    kind = CALENDAR_TYPES[letter]
    day = calendars.pick_day(rng, reference)
    fields: dict[str, Any] = {"calendarType": kind}
    if kind == "permanent":
        if recipe.type_id == "0.0.0.0.0":
            fields["openingHours"] = calendars.opening_hours(rng)
        return fields, day
    if kind == "periodic":
        length = between(rng, 30, 120) if recipe.type_id == "0.0.0.0.0" else between(rng, 10, 90)
        fields["startDate"] = calendars.day_start(day)
        fields["endDate"] = calendars.day_end(day + length)
        fields["openingHours"] = calendars.opening_hours(rng)
        return fields, day
    days = [day] if kind == "single" else _sessions(rng, recipe, day)
    spans = [_span(rng, recipe, session) for session in days]
    subs = sub_events(rng, spans, capacity, reference.toordinal())
    fields["startDate"] = subs[0]["startDate"]
    fields["endDate"] = subs[-1]["endDate"]
    fields["subEvent"] = subs
    booking: dict[str, Any] = {"type": "Available"}
    if capacity:
        open_seats = any(sub["bookingAvailability"]["type"] == "Available" for sub in subs)
        booking = {
            "type": "Available" if open_seats else "Unavailable",
            "capacity": capacity * len(subs),
        }
    fields["bookingAvailability"] = booking
    return fields, day
