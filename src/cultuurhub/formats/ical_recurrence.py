"""Expand the occurrences of an iCalendar VEVENT: DTSTART, RRULE, RDATE, EXDATE, overrides."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
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


def expand(
    event: Any, limit: int, horizon: timedelta = DEFAULT_HORIZON, now: datetime | None = None
) -> Expansion:
    """Return the occurrences of ``event``: none past ``horizon`` from today (or from its
    first date, when that is later), and at most ``limit``, the coming ones first.

    A rule repeats in the terms of its own DTSTART: the wall clock of its time zone (so a
    Brussels series keeps its hour across the change to summer time), the fixed UTC time of a
    ``Z`` start, the plain dates of an all-day event; only then is each start read in Brussels.
    """
    raw_start = prop(event, "DTSTART").dt
    all_day = not isinstance(raw_start, datetime)
    start = to_moment(raw_start)
    length = _length(event, start, all_day)
    now = now or datetime.now(UTC)
    starts, truncated = _starts(event, raw_start, limit, max(start, now) + horizon)
    starts.add(start)
    excluded = {moment for moment in _dates(event.get("EXDATE"))}
    kept = sorted(moment for moment in starts if moment not in excluded)
    chosen = _nearest(kept, limit, now)
    return Expansion(
        [Occurrence(m, m + length, all_day) for m in chosen], truncated or len(kept) > limit
    )


def _nearest(moments: list[datetime], limit: int, now: datetime) -> list[datetime]:
    """At most ``limit`` of the sorted ``moments``: the coming ones, then the latest past."""
    if len(moments) <= limit:
        return moments
    coming = [moment for moment in moments if moment >= now]
    return coming[:limit] if len(coming) >= limit else moments[-limit:]


def _length(event: Any, start: datetime, all_day: bool) -> timedelta:
    end = prop(event, "DTEND")
    if end is not None:
        return max(to_moment(end.dt) - start, timedelta(0))
    duration = prop(event, "DURATION")
    if duration is not None and isinstance(duration.dt, timedelta):
        return max(duration.dt, timedelta(0))
    return timedelta(days=1) if all_day else timedelta(0)


def _starts(
    event: Any, raw_start: date | datetime, limit: int, until: datetime
) -> tuple[set[datetime], bool]:
    starts: set[datetime] = set()
    truncated = False
    for rule in _as_list(event.get("RRULE")):
        found, cut = _rule_starts(rule, raw_start, limit, until)
        starts |= found
        truncated = truncated or cut
    starts |= {moment for moment in _dates(event.get("RDATE")) if moment <= until}
    return starts, truncated


def _rule_starts(
    rule: Any, raw_start: date | datetime, limit: int, until: datetime
) -> tuple[set[datetime], bool]:
    text = rule.to_ical().decode("utf-8", errors="replace")
    if not isinstance(raw_start, datetime):
        raw_start = datetime.combine(raw_start, time(0))
    recurrence: Iterable[datetime]
    try:
        recurrence = rrulestr(text, dtstart=raw_start, forceset=False, unfold=True)
    except ValueError:
        if raw_start.tzinfo is None:
            raise
        # an UNTIL without "Z" beside a zoned start (some exporters): repeat the wall clock
        zone = raw_start.tzinfo
        naive = rrulestr(text, dtstart=raw_start.replace(tzinfo=None), forceset=False, unfold=True)
        recurrence = (moment.replace(tzinfo=zone) for moment in naive)
    found: set[datetime] = set()
    for count, moment in enumerate(recurrence):
        start = to_moment(moment)
        if start > until:
            return found, True
        if count >= limit * _SCAN_FACTOR:  # a rule too dense to walk to today
            return found, True
        found.add(start)
    return found, False


#: How many times ``limit`` occurrences a rule may be walked through to reach today.
_SCAN_FACTOR = 20


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
