"""Read dates, times and prices the way Belgian organisers write them in spreadsheets.

Every parser returns ``None`` for what it cannot read, so the caller can write a finding that
quotes the value; none of them raises on any input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from zoneinfo import ZoneInfo

BRUSSELS = ZoneInfo("Europe/Brussels")
_MAX_CHARS = 200
_CELL_TYPES = (datetime, date, int, float)
_EXCEL_EPOCH = datetime(1899, 12, 30)

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januari jan janvier january",
        "februari feb fevrier fev february",
        "maart mrt maa mars march mar",
        "april apr avril",
        "mei mai may",
        "juni jun juin june",
        "juli jul juillet july",
        "augustus aug aout august",
        "september sep sept septembre",
        "oktober okt octobre october oct",
        "november nov novembre",
        "december dec decembre",
    ),
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))

_WEEKDAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    "|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
)
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_LEAD = re.compile(rf"^\s*(?:(?:{_WEEKDAYS})\.?,?\s+)?")
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"\s*(z|[+-]\d{2}:?\d{2})?)?"
)
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)")
_TEXTUAL = re.compile(rf"(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH_NAMES})\.?\s+(\d{{4}})")
_TIME = re.compile(
    r"(?:om\s+|vanaf\s+|a\s+|at\s+)?(\d{1,2})\s*(?:uur\b|([:.hu])\s*(\d{2})?(?::00)?)\s*(?:uur\b)?"
)
_SEPARATOR = re.compile(r"^\s*(?:-|–|—|tot(?:\s+en\s+met)?|t/m|tem|to|until|au|>)\s*")
_PRICE = re.compile(
    r"^(?:€|eur|euro)?\s*(\d{1,3}(?:[.\s]\d{3})*|\d+)(?:[.,](\d{1,2}))?\s*(?:€|eur|euro|euros)?$"
)
_FREE = frozenset({"gratis", "free", "gratuit", "vrije toegang", "gratis toegang", "0", "-"})


@dataclass(frozen=True, slots=True)
class DateTimeRange:
    """A start and optional end, and whether the source gave no times (an all-day date)."""

    start: datetime
    end: datetime | None
    all_day: bool


@dataclass(frozen=True, slots=True)
class _DatePart:
    day: date | None
    clock: time | None
    offset: timezone | None
    rest: str
    impossible: bool = False


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, for matching words people type differently."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def parse_range(
    value: object, tz: ZoneInfo = BRUSSELS, month_first: bool = False
) -> DateTimeRange | None:
    """Read a date, date and time, or a range like ``12/10/2026 20:00 - 22:30``."""
    if isinstance(value, _CELL_TYPES) and not isinstance(value, bool):
        moment = _from_cell(value, tz)
        return None if moment is None else DateTimeRange(moment[0], None, moment[1])
    if not isinstance(value, str) or len(value) > _MAX_CHARS:
        return None
    return _range_text(value, tz, month_first)


@lru_cache(maxsize=8192)
def _range_text(value: str, tz: ZoneInfo, month_first: bool) -> DateTimeRange | None:
    first = _read_moment(fold(value), month_first)
    if first.day is None:
        return None
    start = _combine(first.day, first.clock, first.offset, tz)
    if start is None:
        return None
    return _with_end(start, first, tz, month_first)


def parse_datetime(
    value: object, tz: ZoneInfo = BRUSSELS, month_first: bool = False
) -> datetime | None:
    """Read one date with an optional time into an aware datetime (midnight when no time)."""
    found = parse_range(value, tz, month_first)
    return None if found is None or found.end is not None else found.start


def parse_time(value: object) -> time | None:
    """Read a clock time: ``20:00``, ``20u``, ``20u30``, ``20h30``, ``20.30 uur``."""
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, float) and 0 <= value < 1:
        return (_EXCEL_EPOCH + timedelta(seconds=round(value * 86_400))).time()
    if not isinstance(value, str) or len(value) > _MAX_CHARS:
        return None
    return _time_text(value)


@lru_cache(maxsize=4096)
def _time_text(value: str) -> time | None:
    clock, rest = _read_time(fold(value).strip())
    return clock if clock is not None and not rest.strip() else None


def is_impossible_date(value: object) -> bool:
    """Tell whether ``value`` has the shape of a date that does not exist (``31/02/2026``)."""
    if not isinstance(value, str) or len(value) > _MAX_CHARS:
        return False
    return _read_moment(fold(value)).impossible


def parse_price(value: object) -> Decimal | None:
    """Read a price in euro: ``€ 12,50``, ``12,50 EUR``, ``12.5``, ``gratis`` (0)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return _non_negative(Decimal(str(value)))
    if not isinstance(value, str) or len(value) > _MAX_CHARS:
        return None
    return _price_text(value)


@lru_cache(maxsize=4096)
def _price_text(value: str) -> Decimal | None:
    text = fold(value).strip()
    if text in _FREE:
        return Decimal(0)
    match = _PRICE.match(text)
    if match is None:
        return None
    whole = re.sub(r"[.\s]", "", match.group(1))
    return _non_negative(Decimal(f"{whole}.{match.group(2) or '0'}"))


def _non_negative(amount: Decimal) -> Decimal | None:
    try:
        return amount if amount.is_finite() and 0 <= amount < 1_000_000 else None
    except InvalidOperation:
        return None


def _from_cell(value: datetime | date | float, tz: ZoneInfo) -> tuple[datetime, bool] | None:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=tz)
        return aware, value.tzinfo is None and value.time() == time(0)  # Excel date cells
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=tz), True
    if not 1 <= value < 2_958_466 or value != value:
        return None
    naive = _EXCEL_EPOCH + timedelta(seconds=round(value * 86_400))
    return naive.replace(tzinfo=tz), float(value).is_integer()


def _read_moment(text: str, month_first: bool = False) -> _DatePart:
    text = _LEAD.sub("", text, count=1)
    iso = _ISO.match(text)
    if iso:
        return _iso_part(iso, text[iso.end() :])
    slashed = _YEAR_FIRST.match(text)
    if slashed:
        return _iso_part(slashed, text[slashed.end() :])
    for pattern in (_NUMERIC, _TEXTUAL):
        match = pattern.match(text)
        if match:
            return _dmy_part(match, text[match.end() :].lstrip(" ,"), month_first)
    return _DatePart(None, None, None, text)


def _iso_part(match: re.Match[str], rest: str) -> _DatePart:
    groups = match.groups()
    year, month, day, hour, minute, second, zone = groups + (None,) * (7 - len(groups))
    found = _safe_date(int(year), int(month), int(day))
    if found is None:
        return _DatePart(None, None, None, rest, impossible=True)
    clock = _safe_time(hour, minute, second) if hour else None
    if hour and clock is None:
        return _DatePart(None, None, None, rest)
    if clock is None:
        clock, rest = _read_time(rest.lstrip(" ,"))
    return _DatePart(found, clock, _offset(zone), rest)


def _dmy_part(match: re.Match[str], rest: str, month_first: bool) -> _DatePart:
    groups = match.groups()
    day, year = int(groups[0]), int(groups[-1])
    month = _MONTHS.get(groups[1], 0) if len(groups) == 3 else int(groups[2])
    if month_first and len(groups) == 4:
        day, month = month, day
    if len(groups[-1]) == 2:
        year += 2000
    found = _safe_date(year, month, day)
    if found is None:
        return _DatePart(None, None, None, rest, impossible=True)
    clock, rest = _read_time(rest)
    return _DatePart(found, clock, None, rest)


def _read_time(text: str) -> tuple[time | None, str]:
    match = _TIME.match(text)
    if match is None:
        return None, text
    hour, separator, minute = match.groups()
    if separator in (":", ".") and minute is None:
        return None, text
    clock = _safe_time(hour, minute or "0", None)
    return (clock, text[match.end() :]) if clock else (None, text)


def _with_end(
    start: datetime, first: _DatePart, tz: ZoneInfo, month_first: bool
) -> DateTimeRange | None:
    rest = first.rest.strip(" ,")
    if not rest:
        return DateTimeRange(start, None, first.clock is None)
    separator = _SEPARATOR.match(rest)
    if separator is None:
        return None
    rest = rest[separator.end() :]
    clock, tail = _read_time(rest)
    if clock is not None and not tail.strip():
        end = _combine(start.date(), clock, first.offset, tz)
        if end is not None and end < start:
            end = _combine(start.date() + timedelta(days=1), clock, first.offset, tz)
        return None if end is None else DateTimeRange(start, end, False)
    return _with_end_date(start, first, _read_moment(rest, month_first), tz)


def _with_end_date(
    start: datetime, first: _DatePart, second: _DatePart, tz: ZoneInfo
) -> DateTimeRange | None:
    if second.day is None or second.rest.strip(" ,"):
        return None
    all_day = first.clock is None and second.clock is None
    end_clock = second.clock if second.clock else (time(23, 59, 59) if all_day else None)
    end = _combine(second.day, end_clock, second.offset, tz)
    if end is None or end < start:
        return None
    return DateTimeRange(start, end, all_day)


def _combine(
    day: date, clock: time | None, offset: timezone | None, tz: ZoneInfo
) -> datetime | None:
    try:
        return datetime.combine(day, clock or time(0), tzinfo=offset or tz)
    except (ValueError, OverflowError):
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if year >= 1000 else None
    except ValueError:
        return None


def _safe_time(hour: str, minute: str | None, second: str | None) -> time | None:
    try:
        return time(
            int(hour) % 24 if hour == "24" else int(hour), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None


def _offset(zone: str | None) -> timezone | None:
    if zone is None:
        return None
    if zone == "z":
        return UTC
    digits = zone.replace(":", "")
    minutes = int(digits[1:3]) * 60 + int(digits[3:5])
    if minutes >= 24 * 60:
        return None
    return timezone(timedelta(minutes=minutes if digits[0] == "+" else -minutes))
