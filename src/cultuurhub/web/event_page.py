"""The event page: every date with its status, prices, booking, accessibility, place, organiser."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar
from uuid import UUID

from cultuurhub.model import (
    AttendanceMode,
    BookingInfo,
    CalendarType,
    Event,
    Organizer,
    Place,
    SubEvent,
)
from cultuurhub.web.dates import day_text, local, span_text
from cultuurhub.web.i18n import Messages
from cultuurhub.web.offer_parts import (
    ContactView,
    PriceView,
    StatusBadge,
    age_text,
    contact_view,
    facility_names,
    opening_hours_rows,
    price_views,
    sold_out,
    status_badge,
    terms_of,
)
from cultuurhub.web.paths import record_page
from cultuurhub.web.view_parts import (
    AddressView,
    EventCard,
    LocalText,
    address_view,
    map_link,
    pick,
)

RecordT = TypeVar("RecordT")


@dataclass(frozen=True, slots=True)
class OccurrenceView:
    """One date of an event: day and hours in Brussels time, its badges, whether it is past."""

    day: str
    hours: str
    start: str
    end: str
    badges: tuple[StatusBadge, ...]
    past: bool
    remaining: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """Where an event happens: the place's name, page, address and a map link."""

    name: LocalText
    path: str | None
    address: AddressView | None
    map_url: str | None
    facilities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrganizerSummary:
    """Who organises it: name, page and website."""

    name: LocalText
    path: str | None
    website: str | None


@dataclass(frozen=True, slots=True)
class BookingView:
    """How to book: the booking page and its label, phone, e-mail, the booking window."""

    url: str | None
    label: str
    phone: str | None
    email: str | None
    window: str | None


@dataclass(frozen=True, slots=True)
class LinkedRecord(Generic[RecordT]):
    """A record an event points to, as loaded from the store, with its id."""

    id: UUID | None
    record: RecordT | None


@dataclass(frozen=True, slots=True)
class EventSources:
    """Everything the event page is built from."""

    id: UUID
    event: Event
    place: LinkedRecord[Place] = LinkedRecord(None, None)
    organizer: LinkedRecord[Organizer] = LinkedRecord(None, None)
    related: list[EventCard] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventView:
    """The event page's content, ready for the template."""

    id: UUID
    name: LocalText
    description: LocalText | None
    image: str | None
    image_credit: str | None
    event_type: str | None
    themes: list[str]
    banner: StatusBadge | None
    occurrences: list[OccurrenceView]
    period: str | None
    permanent: bool
    opening_hours: list[tuple[str, str]]
    prices: list[PriceView]
    booking: BookingView | None
    facilities: list[str]
    place: PlaceSummary | None
    online_url: str | None
    attendance: str | None
    organizer: OrganizerSummary | None
    age: str | None
    audience: str | None
    contact: ContactView | None
    related: list[EventCard]
    api_path: str


def build_event_view(sources: EventSources, t: Messages, now: datetime) -> EventView:
    """Turn a stored event and what it links to into the page's content."""
    event = sources.event
    main = event.main_language
    name = pick(event.name, t.lang, main)
    assert name is not None  # the model requires a name
    media = event.media_object[0] if event.media_object else None
    return EventView(
        id=sources.id,
        name=name,
        description=pick(event.description, t.lang, main),
        image=event.image or (media.content_url if media else None),
        image_credit=media.copyright_holder if media else None,
        event_type=next(iter(terms_of(event.terms, "eventtype", t)), None),
        themes=terms_of(event.terms, "theme", t),
        banner=_banner(event, t),
        occurrences=[_occurrence(sub, event, t, now) for sub in event.sub_event],
        period=_period(event, t),
        permanent=event.calendar_type is CalendarType.PERMANENT,
        opening_hours=opening_hours_rows(event.opening_hours, t),
        prices=price_views(event.price_info, main, t),
        booking=_booking(event.booking_info, t),
        facilities=facility_names(event.terms, t),
        place=_place(sources.place, event, t),
        online_url=event.online_url,
        attendance=attendance_label(event.attendance_mode, t),
        organizer=_organizer(sources.organizer, event, t),
        age=age_text(event.typical_age_range, t),
        audience=_audience(event, t),
        contact=contact_view(event.contact_point),
        related=sources.related,
        api_path=f"/events/{sources.id}",
    )


def _banner(event: Event, t: Messages) -> StatusBadge | None:
    badge = status_badge(event.status, t)
    if badge is not None:
        return badge
    subs = event.sub_event
    if subs and all(status_badge(sub.status, t) is not None for sub in subs):
        return status_badge(subs[0].status, t)
    if sold_out(event.booking_availability) or (
        subs and all(sold_out(sub.booking_availability) for sub in subs)
    ):
        return StatusBadge("soldout", t("status.soldout"))
    return None


def _occurrence(sub: SubEvent, event: Event, t: Messages, now: datetime) -> OccurrenceView:
    day, hours = span_text(sub.start_date, sub.end_date, t)
    badges = [badge for badge in (status_badge(sub.status or event.status, t),) if badge]
    if sold_out(sub.booking_availability) or sold_out(event.booking_availability):
        badges.append(StatusBadge("soldout", t("status.soldout")))
    availability = sub.booking_availability
    remaining = availability.remaining_capacity if availability else None
    return OccurrenceView(
        day=day,
        hours=hours,
        start=local(sub.start_date).isoformat(),
        end=local(sub.end_date).isoformat(),
        badges=tuple(badges),
        past=sub.end_date < now,
        remaining=remaining if not badges else None,
    )


def _period(event: Event, t: Messages) -> str | None:
    if event.calendar_type is not CalendarType.PERIODIC:
        return None
    if event.start_date is None or event.end_date is None:
        return None
    start = day_text(local(event.start_date).date(), t)
    return t("event.period", start=start, end=day_text(local(event.end_date).date(), t))


def _booking(info: BookingInfo | None, t: Messages) -> BookingView | None:
    if info is None or not (info.url or info.phone or info.email):
        return None
    label = pick(info.url_label, t.lang)
    window = None
    if info.availability_starts and info.availability_ends:
        window = t(
            "event.booking_window",
            start=day_text(local(info.availability_starts).date(), t),
            end=day_text(local(info.availability_ends).date(), t),
        )
    text = label.text if label and label.lang == t.lang else t("event.book")
    return BookingView(info.url, text, info.phone, info.email, window)


def _place(linked: LinkedRecord[Place], event: Event, t: Messages) -> PlaceSummary | None:
    place = linked.record
    path = record_page("place", linked.id, t.lang) if linked.id and place else None
    if place is not None:
        name = pick(place.name, t.lang, place.main_language)
        assert name is not None
        geo = place.geo
        return PlaceSummary(
            name,
            path,
            address_view(place.main_address),
            map_link(geo.latitude if geo else None, geo.longitude if geo else None),
            tuple(facility_names(place.terms, t)),
        )
    location = event.location
    if location is None or location.online or location.name is None:
        return None
    embedded = pick(location.name, t.lang)
    assert embedded is not None
    address = next(iter(location.address.values()), None) if location.address else None
    geo = location.geo
    return PlaceSummary(
        embedded,
        None,
        address_view(address),
        map_link(geo.latitude if geo else None, geo.longitude if geo else None),
    )


def _organizer(
    linked: LinkedRecord[Organizer], event: Event, t: Messages
) -> OrganizerSummary | None:
    organizer = linked.record
    if organizer is not None:
        name = pick(organizer.name, t.lang, organizer.main_language)
        assert name is not None
        path = record_page("organizer", linked.id, t.lang) if linked.id else None
        return OrganizerSummary(name, path, organizer.url)
    reference = event.organizer
    if reference is None or reference.name is None:
        return None
    embedded = pick(reference.name, t.lang)
    assert embedded is not None
    return OrganizerSummary(embedded, None, reference.url)


def _audience(event: Event, t: Messages) -> str | None:
    if event.children_only:
        return t("event.children_only")
    kind = event.audience.audience_type if event.audience else "everyone"
    return None if kind == "everyone" else t(f"event.audience_{kind}")


def attendance_label(mode: AttendanceMode, t: Messages) -> str | None:
    """Return how people attend, when it is not simply on site."""
    if mode is AttendanceMode.ONLINE:
        return t("event.online")
    if mode is AttendanceMode.MIXED:
        return t("event.mixed")
    return None
