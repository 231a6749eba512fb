"""Dates of the Extended Date/Time Format (EDTF, ISO 8601-2), as museums write them."""

from __future__ import annotations

import calendar
import re
import time
from datetime import date
from functools import lru_cache
from typing import Annotated

from edtf import parse_edtf
from pydantic import AfterValidator

from cultuurhub.model.errors import rule_error


@lru_cache(maxsize=4096)
def _parsed(value: str) -> object:
    try:
        return parse_edtf(value)
    except Exception:  # the edtf parser raises several unrelated types
        return None


# Years, months and days with an optional qualifier, alone or as an interval: by far the most
# common forms. They are checked here directly; the full EDTF parser is slow (milliseconds).
_SIMPLE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$")


def _simple_bounds(text: str) -> tuple[date, date] | None:
    """Bounds of a simple date (``1434``, ``1434-05``, ``1434-05-02~``), or None."""
    match = _SIMPLE.match(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def _fast_bounds(text: str) -> tuple[date | None, date | None] | None:
    """Bounds of a simple date or interval of simple dates, or None when it is not one."""
    parts = text.split("/")
    if len(parts) == 1:
        return _simple_bounds(text)
    if len(parts) != 2:
        return None
    start, end = (_simple_bounds(part) for part in parts)
    if start is None or end is None or start[0] > end[1]:
        return None
    return start[0], end[1]


def check_edtf(value: str) -> str:
    """Return ``value`` if it is valid EDTF (``1434``, ``1434/1436``, ``1390~``), else fail."""
    text = value.strip()
    if text and _fast_bounds(text) is not None:
        return text
    if not text or _parsed(text) is None:
        raise rule_error(
            "",
            "Dit is geen geldige datum in EDTF (bv. 1434, 1434/1436, 1390~, 15XX).",
            "This is not a valid EDTF date (e.g. 1434, 1434/1436, 1390~, 15XX).",
        )
    return text


def edtf_bounds(value: str) -> tuple[date | None, date | None]:
    """Return the earliest and latest day an EDTF date can mean, when it has bounds."""
    fast = _fast_bounds(value.strip())
    if fast is not None:
        return fast
    parsed = _parsed(value)
    if parsed is None:
        return None, None
    return _day(parsed, "lower_strict"), _day(parsed, "upper_strict")


def _day(parsed: object, bound: str) -> date | None:
    try:
        moment = getattr(parsed, bound)()
    except Exception:  # open or unknown ends raise inside the library
        return None
    if not isinstance(moment, time.struct_time) or moment.tm_year in (0, 9999, -9999):
        return None
    try:
        return date(moment.tm_year, moment.tm_mon, moment.tm_mday)
    except ValueError:
        return None


EdtfString = Annotated[str, AfterValidator(check_edtf)]
"""A string holding a valid EDTF date."""
