"""iCalendar import: recurrence, exceptions, time zones, all-day and cancelled events."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord
from cultuurhub.ingest.ical import IcalReader

SEASON = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "events"
    / "seizoen-stadsschouwburg-brugge.ics"
).read_bytes()


def read(data: bytes, reader: IcalReader | None = None, limits: Limits | None = None) -> list:
    return list((reader or IcalReader()).read(data, "s.ics", limits or Limits()))


def by_uid(items: list) -> dict[str, SourceRecord]:
    return {item.source_id.split("@")[0]: item for item in items if isinstance(item, SourceRecord)}


def test_weekly_season_with_exdate_and_overrides() -> None:
    play = by_uid(read(SEASON))["seizoen-2026-de-meeuw"].document
    starts = [sub["startDate"] for sub in play["subEvent"]]
    assert play["calendarType"] == "multiple" and len(starts) == 9
    assert "2026-10-29T20:00:00+01:00" not in starts  # EXDATE
    assert "2026-11-12T15:00:00+01:00" in starts  # moved to a matinee
    assert starts[0] == "2026-10-01T20:00:00+02:00" and starts[-1] == "2026-12-03T20:00:00+01:00"
    cancelled = [s for s in play["subEvent"] if s["status"]["type"] == "Unavailable"]
    assert [s["startDate"] for s in cancelled] == ["2026-11-26T20:00:00+01:00"]
    assert play["terms"][0]["label"] == "Theatervoorstelling"
    assert play["location"]["address"]["nl"]["streetAddress"] == "Vlamingstraat 29"
    assert play["location"]["geo"] == {"latitude": 51.2094, "longitude": 3.2247}
    assert play["organizer"] == {"name": {"nl": "Stadsschouwburg Brugge"}}


def test_cancelled_utc_event_and_all_day_events() -> None:
    events = by_uid(read(SEASON))
    concert = events["kerstconcert-2026"].document
    assert concert["status"] == {"type": "Unavailable"}
    assert concert["startDate"] == "2026-12-20T20:00:00+01:00"
    assert concert["endDate"] == "2026-12-20T22:00:00+01:00"
    expo = events["expo-brugse-meesters-2026"].document
    assert expo["calendarType"] == "periodic" and expo["endDate"] == "2027-01-31T23:59:59+01:00"
    day = events["opendeur-2026"].document
    assert day["calendarType"] == "single" and day["endDate"] == "2026-09-13T23:59:59+02:00"


def test_unknown_category_is_a_finding_unless_a_default_type() -> None:
    items = read(SEASON)
    (finding,) = [item for item in items if isinstance(item, Finding)]
    assert "Babbel" in finding.message_nl and finding.severity is Severity.ERROR
    assert finding.line is not None and finding.line > 1
    relaxed = by_uid(read(SEASON, IcalReader(default_type="Lezing of congres")))
    assert relaxed["onbekend-type"].document["terms"][0]["label"] == "Lezing of congres"


def test_endless_rule_is_bounded_with_a_finding() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Markt\r\nCATEGORIES:markt\r\n"
        b"DTSTART:20260101T080000\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    items = read(data, IcalReader(horizon=timedelta(days=3650)), Limits(max_occurrences=50))
    record = next(item for item in items if isinstance(item, SourceRecord))
    assert len(record.document["subEvent"]) == 50
    assert any(isinstance(item, Finding) and item.field == "RRULE" for item in items)


def test_broken_file_is_one_finding() -> None:
    (finding,) = read(b"this is not a calendar")
    assert finding.severity is Severity.ERROR


lines = st.sampled_from(
    [
        "BEGIN:VEVENT",
        "END:VEVENT",
        "UID:a",
        "UID:b",
        "SUMMARY:Concert",
        "CATEGORIES:Concert",
        "DTSTART:20261012T200000",
        "DTSTART;VALUE=DATE:20261012",
        "DTSTART:20261012T200000Z",
        "DTEND:20261012T220000",
        "DURATION:PT2H",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        "RRULE:FREQ=DAILY",
        "RRULE:FREQ=WEEKLY;UNTIL=20261101",
        "EXDATE:20261019T200000",
        "RDATE:20261225T200000",
        "RECURRENCE-ID:20261019T200000",
        "STATUS:CANCELLED",
        "LOCATION:Zaal\\, Kouter 1\\, 9000 Gent",
        "DTSTART;TZID=Nowhere/City:20261012T200000",
        "RRULE:FREQ=NONSENSE",
        "GEO:x;y",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(lines, st.text(max_size=30)), max_size=14))
def test_never_crashes(body: list[str]) -> None:
    data = "\r\n".join(["BEGIN:VCALENDAR", *body, "END:VCALENDAR"]).encode()
    items = read(data, limits=Limits(max_occurrences=20))
    assert all(isinstance(item, SourceRecord | Finding) for item in items)


def _calendar(*lines: str) -> bytes:
    body = "\r\n".join(("BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//NL", *lines,
                        "END:VCALENDAR"))  # fmt: skip
    return (body + "\r\n").encode()


def _starts(data: bytes) -> list[str]:
    [record] = [item for item in read(data) if isinstance(item, SourceRecord)]
    return [sub["startDate"] for sub in record.document["subEvent"]]


def test_an_all_day_or_floating_series_with_an_end_date_as_google_writes_it() -> None:
    mondays = _calendar(
        "BEGIN:VEVENT", "UID:expo", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270302",
        "RRULE:FREQ=WEEKLY;UNTIL=20270329;BYDAY=MO", "SUMMARY:Expo-dag",
        "CATEGORIES:Tentoonstelling", "END:VEVENT",
    )  # fmt: skip
    assert [start[:10] for start in _starts(mondays)] == [
        "2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22", "2027-03-29",
    ]  # fmt: skip
    floating = _calendar(
        "BEGIN:VEVENT", "UID:fest", "DTSTART:20270320T200000",
        "RRULE:FREQ=DAILY;UNTIL=20270322T235959", "SUMMARY:Festival", "CATEGORIES:Concert",
        "END:VEVENT",
    )  # fmt: skip
    assert _starts(floating) == [
        "2027-03-20T20:00:00+01:00", "2027-03-21T20:00:00+01:00", "2027-03-22T20:00:00+01:00",
    ]  # fmt: skip


def test_a_series_in_utc_keeps_its_utc_time_across_the_change_to_summer_time() -> None:
    data = _calendar(
        "BEGIN:VEVENT", "UID:reeks", "DTSTART:20270320T190000Z", "DTEND:20270320T210000Z",
        "RRULE:FREQ=WEEKLY;COUNT=4", "EXDATE:20270403T190000Z", "SUMMARY:Reeks",
        "CATEGORIES:Concert", "END:VEVENT",
        "BEGIN:VEVENT", "UID:reeks", "RECURRENCE-ID:20270410T190000Z",
        "DTSTART:20270410T190000Z", "DTEND:20270410T210000Z", "STATUS:CANCELLED",
        "SUMMARY:Reeks", "END:VEVENT",
    )  # fmt: skip
    [record] = [item for item in read(data) if isinstance(item, SourceRecord)]
    subs = record.document["subEvent"]
    assert [(s["startDate"], s["status"]["type"]) for s in subs] == [
        ("2027-03-20T20:00:00+01:00", "Available"),
        ("2027-03-27T20:00:00+01:00", "Available"),
        ("2027-04-10T21:00:00+02:00", "Unavailable"),  # 19:00 UTC; 3 April left out
    ]


def test_a_series_that_began_years_ago_keeps_its_coming_dates() -> None:
    from datetime import UTC, datetime

    import icalendar

    from cultuurhub.formats.ical_recurrence import expand

    data = _calendar(
        "BEGIN:VEVENT", "UID:voorlezen", "DTSTART;TZID=Europe/Brussels:20210106T140000",
        "RRULE:FREQ=WEEKLY;BYDAY=WE", "SUMMARY:Voorleesuur", "END:VEVENT",
    )  # fmt: skip
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    now = datetime(2026, 11, 29, tzinfo=UTC)
    expansion = expand(event, 50, timedelta(days=366), now=now)
    starts = [occurrence.start for occurrence in expansion.occurrences]
    assert len(starts) == 50 and expansion.truncated
    assert starts[0] >= now and starts[0].isoformat() == "2026-12-02T14:00:00+01:00"
