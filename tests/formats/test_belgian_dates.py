"""Belgian date, time and price habits."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cultuurhub.formats.belgian_dates import (
    BRUSSELS,
    is_impossible_date,
    parse_datetime,
    parse_price,
    parse_range,
    parse_time,
)

EVENING = datetime(2026, 10, 12, 20, 0, tzinfo=BRUSSELS)


@pytest.mark.parametrize(
    "text",
    [
        "12/10/2026 20:00",
        "12.10.2026 20u",
        "2026-10-12T20:00",
        "za 12 okt 2026 om 20u",
        "zaterdag 12 oktober 2026 20u00",
        "12 oktober 2026 om 20.00 uur",
        "12-10-2026 20h00",
        "12/10/26 20:00",
        "2026/10/12 20:00",
    ],
)
def test_evening_in_belgian_habits(text: str) -> None:
    assert parse_datetime(text) == EVENING


def test_half_past_and_offsets() -> None:
    assert parse_datetime("zaterdag 12 oktober 2026 20u30") == EVENING.replace(minute=30)
    moment = parse_datetime("2026-10-12T18:00:00Z")
    assert moment is not None and moment.utcoffset() is not None
    assert moment == EVENING.replace(hour=20)


def test_date_without_time_is_all_day() -> None:
    found = parse_range("12-10-2026")
    assert found is not None and found.all_day and found.start == EVENING.replace(hour=0)


def test_ranges() -> None:
    found = parse_range("12/10/2026 20:00 - 22:30")
    assert found is not None and found.end == EVENING.replace(hour=22, minute=30)
    overnight = parse_range("12/10/2026 22:00 - 01:00")
    assert overnight is not None and overnight.end == datetime(2026, 10, 13, 1, tzinfo=BRUSSELS)
    period = parse_range("01/11/2026 tot 31/01/2027")
    assert period is not None and period.all_day and period.end is not None
    assert period.end.date() == date(2027, 1, 31)


def test_excel_cells() -> None:
    assert parse_datetime(datetime(2026, 10, 12, 20)) == EVENING
    assert parse_datetime(46307.833333333336) == EVENING
    assert parse_datetime(date(2026, 10, 12)) == EVENING.replace(hour=0)


def test_times() -> None:
    assert parse_time("20h30") == time(20, 30)
    assert parse_time("20u") == time(20)
    assert parse_time("20 uur") == time(20)
    assert parse_time("8.15") == time(8, 15)
    assert parse_time("25:00") is None


def test_other_time_zone_and_month_first() -> None:
    london = ZoneInfo("Europe/London")
    moment = parse_datetime("10/12/2026 20:00", london, month_first=True)
    assert moment == datetime(2026, 10, 12, 20, tzinfo=london)


def test_unreadable_and_impossible() -> None:
    assert parse_datetime("31/02/2026") is None
    assert is_impossible_date("31/02/2026")
    assert parse_datetime("volgende week") is None
    assert not is_impossible_date("volgende week")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("€ 12,50", "12.50"),
        ("12,50 EUR", "12.50"),
        ("gratis", "0"),
        ("12.5", "12.5"),
        ("€12", "12"),
        ("1.250,00", "1250.00"),
        (8, "8"),
    ],
)
def test_prices(text: object, amount: str) -> None:
    assert parse_price(text) == Decimal(amount)


def test_not_a_price() -> None:
    assert parse_price("op aanvraag") is None
    assert parse_price(-5) is None


@given(st.one_of(st.text(max_size=80), st.floats(), st.integers(), st.datetimes()))
def test_parsers_never_raise(value: object) -> None:
    parse_range(value)
    parse_time(value)
    parse_price(value)
    is_impossible_date(value)


@given(st.from_regex(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}( \d{1,2}[:hu.]\d{2})?", fullmatch=True))
def test_date_shaped_text_never_raises(text: str) -> None:
    found = parse_range(text)
    assert found is None or found.start.tzinfo is not None
