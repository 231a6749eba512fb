"""An iCalendar feed of events (RFC 5545), written as a stream with the ``icalendar`` library.

One VEVENT per occurrence of a dated event (calendar ``single`` or ``multiple``), with a UID
that stays the same for the same event and occurrence, so a subscribed calendar updates an
entry instead of adding a second one. Times are in Europe/Brussels, with its VTIMEZONE.

Periodic and permanent events are not expanded: each line of their opening hours becomes one
VEVENT with a weekly RRULE (``BYDAY`` the days it holds), from the start of the period (for a
permanent event: from ``availableFrom``, else the feed's anchor day) until its end (none for
permanent events). Closed days and adjusted days become EXDATEs on those rules; adjusted days get
their own bounded rules. A periodic event without opening hours is one all-day VEVENT over the
whole period; a permanent event without opening hours has no VEVENT (it has no time to show).

Cancelled occurrences (status ``Unavailable``, of the occurrence or the whole event) have
``STATUS:CANCELLED``; postponed ones ``STATUS:TENTATIVE``; the rest ``STATUS:CONFIRMED``. When
the event and an occurrence disagree, the graver status counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import IO, Any
from urllib.parse import urlsplit
from uuid import UUID
from zoneinfo import ZoneInfo

import icalendar

from cultuurhub import __version__
from cultuurhub.config import get_settings
from cultuurhub.model import (
    CalendarType,
    Event,
    InvalidRecord,
    OpeningHours,
    Place,
    RecordType,
    StatusType,
    SubEvent,
    parse_record,
)
from cultuurhub.model.contact import Address, first_address
from cultuurhub.store import ExportSelection, Store, export_pages, id_from_uri, related_records

BRUSSELS = ZoneInfo("Europe/Brussels")
TIMEZONE_SPAN = (date(2000, 1, 1), date(2050, 1, 1))
"""The years the feed's VTIMEZONE describes (it is written before the first event is read)."""
MAX_EXCLUDED_DAYS = 3 * 366
"""Most days of one closed or adjusted period turned into EXDATEs."""
_CHUNK_BYTES = 64 * 1024
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_BYDAY = {name: name[:2].upper() for name in _WEEKDAYS}
_STATUS = {
    StatusType.AVAILABLE: "CONFIRMED",
    StatusType.TEMPORARILY_UNAVAILABLE: "TENTATIVE",
    StatusType.UNAVAILABLE: "CANCELLED",
}
_GRAVITY = ("CONFIRMED", "TENTATIVE", "CANCELLED")
_PREFIX = {"CANCELLED": "Geannuleerd / Cancelled: ", "TENTATIVE": "Uitgesteld / Postponed: "}


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """An event for the feed: its id, its canonical record, and its place when it is known."""

    id: UUID
    event: Event
    place: Place | None = None
    modified: datetime | None = None

    @classmethod
    def from_document(
        cls,
        record_id: UUID,
        document: Mapping[str, Any],
        place_document: Mapping[str, Any] | None = None,
        modified: datetime | None = None,
    ) -> FeedEvent:
        """Build a feed event from stored wire documents.

        Raise ``InvalidRecord`` when the event is not valid; a place that is not valid is left
        out (the event keeps what its own location says).
        """
        event = parse_record(RecordType.EVENT, document)
        if not isinstance(event, Event):  # parse_record returns the model of the type asked
            raise TypeError(f"expected an Event, got {type(event).__name__}")
        try:
            place = parse_record(RecordType.PLACE, place_document) if place_document else None
        except InvalidRecord:
            place = None
        return cls(record_id, event, place if isinstance(place, Place) else None, modified)


@dataclass(frozen=True, slots=True)
class FeedOptions:
    """How to write a feed: its name, base URL, the day permanent events start, DTSTAMP."""

    name: str = "cultuurhub"
    base_url: str | None = None
    anchor: date | None = None
    stamp: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))

    @property
    def root(self) -> str:
        """The base URL of the public pages (the configured one by default)."""
        return (self.base_url or get_settings().base_url).rstrip("/")

    @property
    def uid_domain(self) -> str:
        """The domain after the ``@`` of every UID."""
        return urlsplit(self.root).hostname or "cultuurhub"


def calendar_chunks(events: Iterable[FeedEvent], options: FeedOptions) -> Iterator[bytes]:
    """Yield a VCALENDAR with the events' VEVENTs, as the events come in."""
    yield _head(options)
    parts: list[bytes] = []
    size = 0
    for feed_event in events:
        for component in event_components(feed_event, options):
            part = component.to_ical()
            parts.append(part)
            size += len(part)
        if size >= _CHUNK_BYTES:
            yield b"".join(parts)
            parts, size = [], 0
    parts.append(b"END:VCALENDAR\r\n")
    yield b"".join(parts)


def write_calendar(events: Iterable[FeedEvent], out: IO[bytes], options: FeedOptions) -> int:
    """Write the feed to a binary file as it is made; return the number of bytes written."""
    written = 0
    for chunk in calendar_chunks(events, options):
        out.write(chunk)
        written += len(chunk)
    return written


def event_components(feed_event: FeedEvent, options: FeedOptions) -> list[icalendar.Event]:
    """Return the VEVENTs of one event: one per occurrence, or per line of opening hours."""
    event = feed_event.event
    if event.calendar_type in (CalendarType.SINGLE, CalendarType.MULTIPLE):
        return [
            _occurrence(feed_event, index, occurrence, options)
            for index, occurrence in enumerate(event.sub_event)
        ]
    if event.opening_hours:
        return _opening_hours_events(feed_event, options)
    if event.calendar_type is CalendarType.PERIODIC:
        return [_period_event(feed_event, options)]
    return []


def store_feed_events(
    store: Store, selection: ExportSelection, page_size: int = 500
) -> Iterator[FeedEvent]:
    """Yield the selected events of the store as feed events, with their places, page by page."""
    for page in export_pages(store, selection, page_size):
        place_ids = {
            place_id
            for row in page
            if (place_id := id_from_uri((row.document.get("location") or {}).get("@id")))
        }
        places = related_records(store, place_ids, selection)
        for row in page:
            place_id = id_from_uri((row.document.get("location") or {}).get("@id"))
            place = places.get(place_id) if place_id is not None else None
            try:
                found = FeedEvent.from_document(
                    row.id, row.document, place.document if place else None, row.modified
                )
            except InvalidRecord:
                # Stored before a stricter rule: one old record must not break a subscription.
                continue
            yield found


# --- the calendar ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _brussels_timezone() -> bytes:
    first, last = TIMEZONE_SPAN
    return bytes(
        icalendar.Timezone.from_tzid("Europe/Brussels", first_date=first, last_date=last).to_ical()
    )


def _head(options: FeedOptions) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//cultuurhub//cultuurhub {__version__}//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", options.name)
    calendar.add("x-wr-calname", options.name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    head = bytes(calendar.to_ical())
    return head.removesuffix(b"END:VCALENDAR\r\n") + _brussels_timezone()


# --- one VEVENT -----------------------------------------------------------------------------


def _base(
    feed_event: FeedEvent,
    uid: str,
    status: str,
    options: FeedOptions,
    occurrence: SubEvent | None = None,
) -> icalendar.Event:
    event = feed_event.event
    component = icalendar.Event()
    component.add("uid", f"{feed_event.id}-{uid}@{options.uid_domain}")
    component.add("dtstamp", options.stamp)
    component.add("summary", _PREFIX.get(status, "") + _summary(event))
    description = _description(event, occurrence)
    if description:
        component.add("description", description)
    location, geo = _location(feed_event)
    if location:
        component.add("location", location)
    if geo is not None:
        component.add("geo", geo)
    component.add("url", f"{options.root}/{RecordType.EVENT.path}/{feed_event.id}")
    categories = [term.label for term in event.terms if term.label]
    if categories:
        component.add("categories", categories)
    component.add("status", status)
    if feed_event.modified is not None:
        component.add("last-modified", feed_event.modified.astimezone(UTC))
    return component


def _status(event: Event, occurrence: SubEvent | None = None) -> str:
    """Return the iCalendar status: the graver of the event's and the occurrence's."""
    found = [
        _STATUS[status.type]
        for status in (event.status, occurrence.status if occurrence else None)
        if status is not None
    ]
    return max(found, key=_GRAVITY.index, default="CONFIRMED")


def _summary(event: Event) -> str:
    return event.name.get("nl") or event.name[event.main_language]


def _description(event: Event, occurrence: SubEvent | None) -> str:
    lines = []
    if event.description:
        lines.append(event.description.get("nl") or next(iter(event.description.values())))
    for status in (occurrence.status if occurrence else None, event.status):
        if status is not None and status.reason:
            lines.append(status.reason.get("nl") or next(iter(status.reason.values())))
    if event.online_url:
        lines.append(f"Online: {event.online_url}")
    return "\n\n".join(lines)


def _location(feed_event: FeedEvent) -> tuple[str, tuple[float, float] | None]:
    event, place = feed_event.event, feed_event.place
    reference = event.location
    if reference is None or reference.online:
        return ("Online" if event.online_url or reference is not None else ""), None
    name_text = reference.name or (place.name if place else None)
    address = first_address(reference.address or (place.address if place else None), "nl")
    geo = reference.geo or (place.geo if place else None)
    name = (name_text.get("nl") or next(iter(name_text.values()))) if name_text else None
    parts = [part for part in (name, _address_line(address)) if part]
    return ", ".join(parts), None if geo is None else (geo.latitude, geo.longitude)


def _address_line(address: Address | None) -> str:
    if address is None:
        return ""
    return f"{address.street_address}, {address.postal_code} {address.address_locality}"


def _occurrence(
    feed_event: FeedEvent, index: int, occurrence: SubEvent, options: FeedOptions
) -> icalendar.Event:
    number = occurrence.id if occurrence.id is not None else index
    status = _status(feed_event.event, occurrence)
    component = _base(feed_event, str(number), status, options, occurrence)
    component.add("dtstart", occurrence.start_date.astimezone(BRUSSELS))
    component.add("dtend", occurrence.end_date.astimezone(BRUSSELS))
    return component


def _period_event(feed_event: FeedEvent, options: FeedOptions) -> icalendar.Event:
    event = feed_event.event
    component = _base(feed_event, "period", _status(event), options)
    first, last = _period(event, options)
    component.add("dtstart", first)
    component.add("dtend", (last or first) + timedelta(days=1))
    return component


# --- opening hours as weekly rules ----------------------------------------------------------


def _period(event: Event, options: FeedOptions) -> tuple[date, date | None]:
    """Return the first and last day of a periodic event, or the start of a permanent one."""
    if event.calendar_type is CalendarType.PERIODIC and event.start_date and event.end_date:
        return _local_day(event.start_date), _local_day(event.end_date)
    if event.available_from is not None:
        return _local_day(event.available_from), None
    return options.anchor or datetime.now(BRUSSELS).date(), None


def _local_day(moment: datetime) -> date:
    return moment.astimezone(BRUSSELS).date()


def _opening_hours_events(feed_event: FeedEvent, options: FeedOptions) -> list[icalendar.Event]:
    event = feed_event.event
    first, last = _period(event, options)
    exceptions = [*event.opening_hours_closed_days, *event.opening_hours_adjusted_days]
    components = []
    for number, hours in enumerate(event.opening_hours):
        rule = _weekly(feed_event, f"hours-{number}", hours, (first, last), options)
        if rule is not None:
            _exclude(rule, hours, [(e.start_date, e.end_date) for e in exceptions])
            components.append(rule)
    for period, adjusted in enumerate(event.opening_hours_adjusted_days):
        span = (max(first, adjusted.start_date), _earliest(last, adjusted.end_date))
        for number, hours in enumerate(adjusted.opening_hours):
            uid = f"adjusted-{period}-{number}"
            rule = _weekly(feed_event, uid, hours, span, options)
            if rule is not None:
                components.append(rule)
    return components


def _earliest(last: date | None, other: date) -> date:
    return other if last is None else min(last, other)


def _weekly(
    feed_event: FeedEvent,
    uid: str,
    hours: OpeningHours,
    span: tuple[date, date | None],
    options: FeedOptions,
) -> icalendar.Event | None:
    """Return a VEVENT repeating weekly on the days of ``hours`` within ``span``, or None."""
    first, last = span
    days = {_WEEKDAYS.index(day) for day in hours.day_of_week}
    start_day = next(first + timedelta(d) for d in range(7) if (first.weekday() + d) % 7 in days)
    if last is not None and start_day > last:
        return None
    opens, closes = time.fromisoformat(hours.opens), time.fromisoformat(hours.closes)
    start = datetime.combine(start_day, opens, BRUSSELS)
    end = datetime.combine(start_day, closes, BRUSSELS)
    if end <= start:  # open past midnight
        end += timedelta(days=1)
    component = _base(feed_event, uid, _status(feed_event.event), options)
    component.add("dtstart", start)
    component.add("dtend", end)
    rule: dict[str, Any] = {"freq": "weekly", "byday": [_BYDAY[d] for d in hours.day_of_week]}
    if last is not None:
        rule["until"] = datetime.combine(last, opens, BRUSSELS).astimezone(UTC)
    component.add("rrule", rule)
    return component


def _exclude(
    component: icalendar.Event, hours: OpeningHours, periods: list[tuple[date, date]]
) -> None:
    """Add an EXDATE for every day of ``periods`` on which the rule of ``hours`` would open."""
    days = {_WEEKDAYS.index(day) for day in hours.day_of_week}
    opens = time.fromisoformat(hours.opens)
    excluded = [
        datetime.combine(day, opens, BRUSSELS)
        for start, end in periods
        for offset in range(min((end - start).days + 1, MAX_EXCLUDED_DAYS))
        if (day := start + timedelta(offset)).weekday() in days
    ]
    if excluded:
        component.add("exdate", excluded)
