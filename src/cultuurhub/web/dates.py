"""Dates and times as people in Flanders read them: Brussels time, day and month in words."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from cultuurhub.web.i18n import Messages

BRUSSELS = ZoneInfo("Europe/Brussels")


def local(moment: datetime) -> datetime:
    """Return ``moment`` in Brussels time (the store keeps UTC)."""
    return moment.astimezone(BRUSSELS)


def day_text(day: date, t: Messages, *, weekday: bool = True) -> str:
    """Return "zaterdag 12 december 2026" / "Saturday 12 December 2026"."""
    text = f"{day.day} {t.month_name(day.month)} {day.year}"
    return f"{t.day_name(day.weekday())} {text}" if weekday else text


def clock(moment: datetime) -> str:
    """Return the time of day as 20:00 (24 hours, as in Belgium)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def span_text(start: datetime, end: datetime | None, t: Messages) -> tuple[str, str]:
    """Return (day, hours) of an occurrence in Brussels time: ("zaterdag 12 …", "20:00–22:00").

    An occurrence that runs past the next morning names its last day too.
    """
    start = local(start)
    if end is None:
        return day_text(start.date(), t), clock(start)
    end = local(end)
    if end.date() == start.date() or (end - start < timedelta(hours=12) and end.hour < 7):
        return day_text(start.date(), t), f"{clock(start)}–{clock(end)}"
    return (
        f"{day_text(start.date(), t)} – {day_text(end.date(), t)}",
        f"{clock(start)}–{clock(end)}",
    )


def short_when(start: datetime | None, t: Messages) -> str:
    """Return "zaterdag 12 december 2026, 20:00" for cards and lists."""
    if start is None:
        return ""
    start = local(start)
    return f"{day_text(start.date(), t)}, {clock(start)}"
