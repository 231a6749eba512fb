"""Dates in Brussels time with Dutch (or English) words."""

from __future__ import annotations

from datetime import UTC, datetime

from cultuurhub.web import Messages
from cultuurhub.web.dates import short_when, span_text

NL, EN = Messages("nl"), Messages("en")


def test_winter_time_is_utc_plus_one() -> None:
    start = datetime(2026, 12, 12, 19, 0, tzinfo=UTC)
    end = datetime(2026, 12, 12, 21, 30, tzinfo=UTC)
    assert span_text(start, end, NL) == ("zaterdag 12 december 2026", "20:00–22:30")
    assert span_text(start, end, EN) == ("Saturday 12 December 2026", "20:00–22:30")


def test_summer_time_is_utc_plus_two_and_can_change_the_day() -> None:
    start = datetime(2027, 6, 30, 22, 30, tzinfo=UTC)  # 00:30 on 1 July in Brussels
    assert span_text(start, None, NL) == ("donderdag 1 juli 2027", "00:30")


def test_a_night_that_ends_after_midnight_stays_one_day() -> None:
    start = datetime(2027, 3, 6, 21, 0, tzinfo=UTC)
    end = datetime(2027, 3, 7, 2, 0, tzinfo=UTC)
    assert span_text(start, end, NL) == ("zaterdag 6 maart 2027", "22:00–03:00")


def test_a_stay_over_several_days_names_both_days() -> None:
    start = datetime(2027, 7, 5, 8, 0, tzinfo=UTC)
    end = datetime(2027, 7, 9, 14, 0, tzinfo=UTC)
    day, hours = span_text(start, end, NL)
    assert day == "maandag 5 juli 2027 – vrijdag 9 juli 2027"
    assert hours == "10:00–16:00"


def test_short_when() -> None:
    assert (
        short_when(datetime(2027, 1, 1, 11, 0, tzinfo=UTC), NL) == "vrijdag 1 januari 2027, 12:00"
    )
    assert short_when(None, EN) == ""
