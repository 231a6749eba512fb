"""Expand the occurrences of an iCalendar VEVENT: DTSTART, RRULE, RDATE, EXDATE, overrides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from cultuurhub.formats.belgian_dates import BRUSSELS

DEFAULT_HORIZON = timedelta(days=2 * 366)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One start (and end) of a recurring event; all-day when the source gave dates only."""

    start: datetime
    end: datetime
    all_day: bool


@dataclass(frozen=True, slots=True)
class Expansion:
    """The occurrences found, and whether the bound or the horizon cut some off."""

    occurrences: list[Occurrence]
    truncated: bool


def to_moment(value: date | datetime, zone: ZoneInfo = BRUSSELS) -> datetime:
    """Return an aware datetime: floating times and dates are read in ``zone``."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=zone)
        return value.astimezone(zone) if value.utcoffset() == timedelta(0) else value
    return datetime.combine(value, time(0), tzinfo=zone)


def prop(component: Any, name: str) -> Any:
    """Return one property of a component; the first when the source repeats it."""
    value = component.get(name)
    if isinstance(value, list):
        return value[0] if value else None
    return value


def expand(event: Any, limit: int, horizon: timedelta = DEFAULT_HORIZON) -> Expansion:
    """Return the occurrences of ``event``, at most ``limit``, none past start + ``horizon``."""
    raw_start = prop(event, "DTSTART").dt
    all_day = not isinstance(raw_start, datetime)
    start = to_moment(raw_start)
    length = _length(event, start, all_day)
    starts, truncated = _starts(event, start, limit, start + horizon)
    excluded = {moment for moment in _dates(event.get("EXDATE"))}
    kept = sorted(moment for moment in starts if moment not in excluded)
    return Expansion([Occurrence(m, m + length, all_day) for m in kept[:limit]], truncated)


def _length(event: Any, start: datetime, all_day: bool) -> timedelta:
    end = prop(event, "DTEND")
    if end is not None:
        return max(to_moment(end.dt) - start, timedelta(0))
    duration = prop(event, "DURATION")
    if duration is not None and isinstance(duration.dt, timedelta):
        return max(duration.dt, timedelta(0))
    return timedelta(days=1) if all_day else timedelta(0)


def _starts(event: Any, start: datetime, limit: int, until: datetime) -> tuple[set[datetime], bool]:
    starts = {start}
    truncated = False
    for rule in _as_list(event.get("RRULE")):
        found, cut = _rule_starts(rule, start, limit, until)
        starts |= found
        truncated = truncated or cut
    starts |= {moment for moment in _dates(event.get("RDATE")) if moment <= until}
    return starts, truncated or len(starts) > limit


def _rule_starts(
    rule: Any, start: datetime, limit: int, until: datetime
) -> tuple[set[datetime], bool]:
    text = rule.to_ical().decode("utf-8", errors="replace")
    recurrence = rrulestr(text, dtstart=start, forceset=False, unfold=True)
    found: set[datetime] = set()
    for moment in islice(recurrence, limit + 1):
        if moment > until:
            return found, True
        found.add(moment)
    return found, len(found) > limit


def _dates(value: Any) -> Iterable[datetime]:
    for entry in _as_list(value):
        for item in getattr(entry, "dts", []):
            moment = item.dt
            if isinstance(moment, date):
                yield to_moment(moment)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
