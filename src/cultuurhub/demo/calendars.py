"""Times in Europe/Brussels and the four UiTdatabank calendar types.

Moments are (day ordinal, minute of day) pairs, formatted with precomputed strings, because a
million records need millions of timestamps and ``datetime.isoformat`` with a zone is slow.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache
from typing import Any

from cultuurhub.demo.records import pick

REFERENCE_DATE = date(2026, 11, 24)
SPREAD_DAYS = 548  # about 18 months either side of the reference date

_CLOCK = tuple(f"T{minute // 60:02d}:{minute % 60:02d}:00" for minute in range(1440))
HOURS = tuple(f"{minute // 60:02d}:{minute % 60:02d}" for minute in range(1440))
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Moment = tuple[int, int]


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


@cache
def _summer_time(year: int) -> tuple[int, int]:
    """Return the ordinals of the days summer time starts and ends (EU rule)."""
    return _last_sunday(year, 3).toordinal(), _last_sunday(year, 10).toordinal()


@cache
def _day_prefix(ordinal: int) -> tuple[str, int, int]:
    day = date.fromordinal(ordinal)
    start, end = _summer_time(day.year)
    return day.isoformat(), start, end


def timestamp(moment: Moment) -> str:
    """Format a moment as ISO 8601 with the Brussels offset of that moment."""
    ordinal, minute = moment
    if minute >= 1440:
        ordinal, minute = ordinal + 1, minute - 1440
    text, start, end = _day_prefix(ordinal)
    summer = start < ordinal < end or (ordinal == start and minute >= 180)
    summer = summer or (ordinal == end and minute < 180)
    return text + _CLOCK[minute] + ("+02:00" if summer else "+01:00")


def day_start(ordinal: int) -> str:
    """Format the first second of a day."""
    return timestamp((ordinal, 0))


def day_end(ordinal: int) -> str:
    """Format the last minute of a day."""
    stamp = timestamp((ordinal, 1439))
    return stamp[:17] + "59" + stamp[19:]


def weekday(ordinal: int) -> int:
    """Return 0 for Monday through 6 for Sunday."""
    return (ordinal - 1) % 7


def pick_day(rng: random.Random, reference: date) -> int:
    """Pick a day within the spread around the reference date, slightly favouring the future."""
    offset = int(rng.triangular(-SPREAD_DAYS, SPREAD_DAYS, SPREAD_DAYS * 0.25))
    return reference.toordinal() + offset


OPENING_PATTERNS: tuple[tuple[tuple[str, str, tuple[str, ...]], ...], ...] = (
    (("10:00", "17:00", WEEKDAYS[1:]),),
    (("10:00", "18:00", WEEKDAYS[1:]),),
    (("14:00", "18:00", WEEKDAYS[2:5]), ("10:00", "18:00", WEEKDAYS[5:])),
    (("13:00", "17:00", WEEKDAYS[:5]), ("10:00", "16:00", WEEKDAYS[5:6])),
    (("09:30", "17:30", WEEKDAYS[:5]),),
    (("10:00", "12:00", WEEKDAYS[5:6]), ("14:00", "17:00", WEEKDAYS[5:])),
    (("11:00", "19:00", WEEKDAYS[3:]),),
)


def opening_hours(rng: random.Random) -> list[dict[str, Any]]:
    """Return a realistic week of opening hours."""
    pattern = pick(rng, OPENING_PATTERNS)
    return [
        {"opens": opens, "closes": closes, "dayOfWeek": list(days)}
        for opens, closes, days in pattern
    ]
