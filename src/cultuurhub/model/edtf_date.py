"""Dates of the Extended Date/Time Format (EDTF, ISO 8601-2), as museums write them."""

from __future__ import annotations

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


def check_edtf(value: str) -> str:
    """Return ``value`` if it is valid EDTF (``1434``, ``1434/1436``, ``1390~``), else fail."""
    text = value.strip()
    if not text or _parsed(text) is None:
        raise rule_error(
            "",
            "Dit is geen geldige datum in EDTF (bv. 1434, 1434/1436, 1390~, 15XX).",
            "This is not a valid EDTF date (e.g. 1434, 1434/1436, 1390~, 15XX).",
        )
    return text


def edtf_bounds(value: str) -> tuple[date | None, date | None]:
    """Return the earliest and latest day an EDTF date can mean, when it has bounds."""
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
