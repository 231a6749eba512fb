"""The iCalendar feed writer: parsed back with icalendar, occurrences, time zones, status."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import icalendar
import pytest

from cultuurhub.access import Principal
from cultuurhub.demo import load_demo
from cultuurhub.formats.ical_recurrence import expand
from cultuurhub.model import RecordType
from cultuurhub.publish import (
    FeedEvent,
    FeedOptions,
    calendar_chunks,
    export_selection,
    store_feed_events,
    write_calendar,
)
from cultuurhub.store import Store, count_export
from tests.publish.exports_data import EVENT, EVENT_ID, PLACE, Specials, put_specials

BRUSSELS = ZoneInfo("Europe/Brussels")
STAMP = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
OPTIONS = FeedOptions(name="Agenda Gent", base_url="https://hub.example", stamp=STAMP)
CONCERT = EVENT_ID


def feed(*events: FeedEvent, options: FeedOptions = OPTIONS) -> icalendar.Calendar:
    out = io.BytesIO()
    write_calendar(events, out, options)
    return icalendar.Calendar.from_ical(out.getvalue())


def vevents(calendar: icalendar.Calendar) -> list[Any]:
    return list(calendar.walk("VEVENT"))


def event(**changes: Any) -> dict[str, Any]:
    document = {key: value for key, value in EVENT.items() if key != "@id"}
    document.update(changes)
    return {key: value for key, value in document.items() if value is not None}


def test_one_vevent_per_occurrence_in_brussels_time() -> None:
    calendar = feed(FeedEvent.from_document(CONCERT, event(), PLACE))
    assert calendar["X-WR-CALNAME"] == "Agenda Gent"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    first, second = vevents(calendar)
    start = first.decoded("DTSTART")
    assert start == datetime(2026, 12, 12, 20, 0, tzinfo=BRUSSELS)
    assert start.tzinfo.key == "Europe/Brussels"
    assert first["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert first.decoded("DTEND").astimezone(UTC) == datetime(2026, 12, 12, 21, 0, tzinfo=UTC)
    assert str(first["UID"]) == f"{CONCERT}-0@hub.example"
    assert str(second["UID"]) == f"{CONCERT}-1@hub.example"
    assert str(first["URL"]) == f"https://hub.example/events/{CONCERT}"
    assert str(first["LOCATION"]) == "De Bijloke, Bijlokekaai 7, 9000 Gent"
    assert first["GEO"].latitude == pytest.approx(51.0466)
    assert str(first["SUMMARY"]) == EVENT["name"]["nl"]
    assert str(first["DESCRIPTION"]).startswith("+32 9 269 92 92")
    assert first["CATEGORIES"].cats == ["Concert", "Klassieke muziek"]
    assert first.decoded("DTSTAMP") == STAMP


def test_a_cancelled_occurrence_is_cancelled_and_the_other_confirmed() -> None:
    first, second = vevents(feed(FeedEvent.from_document(CONCERT, event())))
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(second["SUMMARY"]).startswith("Geannuleerd / Cancelled: ")
    assert "Zieke solist" in str(second["DESCRIPTION"])
    assert "Zieke solist" not in str(first["DESCRIPTION"])


def test_a_cancelled_event_cancels_every_occurrence() -> None:
    cancelled = event(status={"type": "Unavailable", "reason": {"nl": "Zaal onder water"}})
    components = vevents(feed(FeedEvent.from_document(CONCERT, cancelled)))
    assert [str(c["STATUS"]) for c in components] == ["CANCELLED", "CANCELLED"]
    assert "Zaal onder water" in str(components[0]["DESCRIPTION"])


def test_postponed_is_tentative() -> None:
    postponed = event(status={"type": "TemporarilyUnavailable"}, subEvent=EVENT["subEvent"][:1])
    (component,) = vevents(feed(FeedEvent.from_document(CONCERT, postponed)))
    assert str(component["STATUS"]) == "TENTATIVE"


def test_uids_are_stable_and_summary_falls_back_to_the_main_language() -> None:
    french = event(mainLanguage="fr", name={"fr": "Concert du soir"}, priceInfo=None)
    once = feed(FeedEvent.from_document(CONCERT, french))
    again = feed(FeedEvent.from_document(CONCERT, french))
    assert [str(c["UID"]) for c in vevents(once)] == [str(c["UID"]) for c in vevents(again)]
    assert str(vevents(once)[0]["SUMMARY"]) == "Concert du soir"


def test_an_embedded_location_and_summer_time() -> None:
    summer = event(
        location={
            "name": {"nl": "Stadspark"},
            "address": {
                "nl": {
                    "streetAddress": "Parklaan 1",
                    "postalCode": "2000",
                    "addressLocality": "Antwerpen",
                    "addressCountry": "BE",
                }
            },
        },
        calendarType="single",
        subEvent=[
            {"startDate": "2027-07-03T20:00:00+02:00", "endDate": "2027-07-03T23:00:00+02:00"}
        ],
    )
    (component,) = vevents(feed(FeedEvent.from_document(CONCERT, summer)))
    assert str(component["LOCATION"]) == "Stadspark, Parklaan 1, 2000 Antwerpen"
    start = component.decoded("DTSTART")
    assert (start.hour, start.utcoffset()) == (20, timedelta(hours=2))
    assert start.astimezone(UTC).hour == 18


PERIODIC: dict[str, Any] = {
    "calendarType": "periodic",
    "subEvent": None,
    "startDate": "2027-03-01T00:00:00+01:00",
    "endDate": "2027-03-31T23:59:59+02:00",
    "openingHours": [
        {"opens": "10:00", "closes": "17:00", "dayOfWeek": ["tuesday", "wednesday"]},
        {"opens": "13:00", "closes": "18:00", "dayOfWeek": ["sunday"]},
    ],
    "openingHoursClosedDays": [{"startDate": "2027-03-09", "endDate": "2027-03-10"}],
}


def occurrences(component: Any) -> list[datetime]:
    return [o.start for o in expand(component, limit=500).occurrences]


def test_periodic_opening_hours_are_weekly_rules_until_the_end() -> None:
    exhibition = event(**PERIODIC)
    hours, sundays = vevents(feed(FeedEvent.from_document(CONCERT, exhibition)))
    assert str(hours["UID"]) == f"{CONCERT}-hours-0@hub.example"
    rule = hours["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU", "WE"]
    assert hours.decoded("DTSTART") == datetime(2027, 3, 2, 10, 0, tzinfo=BRUSSELS)
    starts = occurrences(hours)
    # Tuesdays and Wednesdays of March 2027, without the closed 9 and 10 March.
    assert [s.day for s in starts] == [2, 3, 16, 17, 23, 24, 30, 31]
    assert all(s.hour == 10 for s in starts)
    sunday_starts = occurrences(sundays)
    assert [s.day for s in sunday_starts] == [7, 14, 21, 28]
    # Summer time begins on 28 March 2027: still 13:00 on the clock in Brussels.
    assert sunday_starts[-1].astimezone(BRUSSELS).hour == 13
    assert sunday_starts[-1].utcoffset() == timedelta(hours=2)


def test_adjusted_days_replace_the_usual_hours() -> None:
    adjusted = event(
        **PERIODIC,
        openingHoursAdjustedDays=[
            {
                "startDate": "2027-03-15",
                "endDate": "2027-03-21",
                "openingHours": [{"opens": "09:00", "closes": "21:00", "dayOfWeek": ["wednesday"]}],
            }
        ],
    )
    hours, _, late = vevents(feed(FeedEvent.from_document(CONCERT, adjusted)))
    assert [s.day for s in occurrences(hours)] == [2, 3, 23, 24, 30, 31]
    assert [(s.day, s.hour) for s in occurrences(late)] == [(17, 9)]


def test_permanent_rules_run_from_the_anchor_without_end() -> None:
    permanent = event(
        calendarType="permanent",
        subEvent=None,
        openingHours=[{"opens": "10:00", "closes": "18:00", "dayOfWeek": ["saturday"]}],
    )
    options = FeedOptions(base_url="https://hub.example", stamp=STAMP, anchor=date(2026, 11, 24))
    (component,) = vevents(feed(FeedEvent.from_document(CONCERT, permanent), options=options))
    assert component.decoded("DTSTART") == datetime(2026, 11, 28, 10, 0, tzinfo=BRUSSELS)
    assert "UNTIL" not in component["RRULE"]


def test_periodic_without_hours_is_one_all_day_event_and_permanent_without_hours_none() -> None:
    period = event(**{**PERIODIC, "openingHours": None, "openingHoursClosedDays": None})
    (component,) = vevents(feed(FeedEvent.from_document(CONCERT, period)))
    assert component.decoded("DTSTART") == date(2027, 3, 1)
    assert component.decoded("DTEND") == date(2027, 4, 1)
    permanent = event(calendarType="permanent", subEvent=None)
    assert vevents(feed(FeedEvent.from_document(CONCERT, permanent))) == []


def test_the_feed_is_written_as_the_events_come() -> None:
    made = [0]

    def events() -> Iterator[FeedEvent]:
        for index in range(3000):
            made[0] = index + 1
            yield FeedEvent.from_document(UUID(int=index), event())

    chunks = calendar_chunks(events(), OPTIONS)
    assert next(chunks).startswith(b"BEGIN:VCALENDAR") and made[0] == 0
    sizes = [made[0] for _ in chunks]
    assert len(sizes) > 10 and made[0] == 3000
    assert max(b - a for a, b in itertools.pairwise(sizes)) < 500


def test_demo_events_from_the_store(store: Store) -> None:
    load_demo(store, 400)
    specials: Specials = put_specials(store)
    selection = export_selection(Principal(), RecordType.EVENT, owner=None)
    events = list(store_feed_events(store, selection, page_size=50))
    assert len(events) == count_export(store, selection)
    calendar = feed(*events)
    dated = sum(len(e.event.sub_event) for e in events if e.event.dated)
    components = vevents(calendar)
    assert sum(1 for c in components if "RRULE" not in c and not _all_day(c)) == dated
    concert = [c for c in components if str(c["UID"]).startswith(str(specials.event))]
    assert [str(c["STATUS"]) for c in concert] == ["CONFIRMED", "CANCELLED"]
    assert str(concert[0]["LOCATION"]).startswith("De Bijloke")  # resolved from the place
    assert str(specials.private_event) not in calendar.to_ical().decode()


def _all_day(component: Any) -> bool:
    return not isinstance(component.decoded("DTSTART"), datetime)
