"""The place and organiser pages: who and where, with what is on there."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from cultuurhub.model import CalendarType, Organizer, Place
from cultuurhub.web.i18n import Messages
from cultuurhub.web.offer_parts import (
    ContactView,
    StatusBadge,
    contact_view,
    facility_names,
    opening_hours_rows,
    status_badge,
    terms_of,
)
from cultuurhub.web.view_parts import (
    AddressView,
    EventCard,
    LocalText,
    RecordCard,
    address_view,
    map_link,
    pick,
)


@dataclass(frozen=True, slots=True)
class PlaceView:
    """The place page's content."""

    id: UUID
    name: LocalText
    description: LocalText | None
    image: str | None
    place_type: str | None
    address: AddressView | None
    map_url: str | None
    status: StatusBadge | None
    opening_hours: list[tuple[str, str]]
    always_open: bool
    facilities: list[str]
    capacity: int | None
    contact: ContactView | None
    upcoming: list[EventCard]
    api_path: str


@dataclass(frozen=True, slots=True)
class OrganizerView:
    """The organiser page's content."""

    id: UUID
    name: LocalText
    description: LocalText | None
    image: str | None
    kind: str | None
    address: AddressView | None
    map_url: str | None
    website: str | None
    contact: ContactView | None
    upcoming: list[EventCard]
    collection: list[RecordCard] = field(default_factory=list)
    api_path: str = ""


def build_place_view(
    record_id: UUID, place: Place, upcoming: list[EventCard], t: Messages
) -> PlaceView:
    """Turn a stored place and the events there into the page's content."""
    name = pick(place.name, t.lang, place.main_language)
    assert name is not None  # the model requires a name
    geo = place.geo
    return PlaceView(
        id=record_id,
        name=name,
        description=pick(place.description, t.lang, place.main_language),
        image=place.image,
        place_type=next(iter(terms_of(place.terms, "eventtype", t)), None),
        address=address_view(place.main_address),
        map_url=map_link(geo.latitude if geo else None, geo.longitude if geo else None),
        status=status_badge(place.status, t, place=True),
        opening_hours=opening_hours_rows(place.opening_hours, t),
        always_open=place.calendar_type is CalendarType.PERMANENT and not place.opening_hours,
        facilities=facility_names(place.terms, t),
        capacity=place.capacity,
        contact=contact_view(place.contact_point),
        upcoming=upcoming,
        api_path=f"/places/{record_id}",
    )


def build_organizer_view(
    record_id: UUID,
    organizer: Organizer,
    upcoming: list[EventCard],
    collection: list[RecordCard],
    t: Messages,
) -> OrganizerView:
    """Turn a stored organiser, its events and its collection into the page's content."""
    name = pick(organizer.name, t.lang, organizer.main_language)
    assert name is not None  # the model requires a name
    geo = organizer.geo
    image = organizer.main_image or next(
        (image.content_url for image in organizer.images if image.content_url), None
    )
    return OrganizerView(
        id=record_id,
        name=name,
        description=pick(organizer.description, t.lang, organizer.main_language),
        image=image,
        kind=organizer.kind,
        address=address_view(organizer.main_address),
        map_url=map_link(geo.latitude if geo else None, geo.longitude if geo else None),
        website=organizer.url,
        contact=contact_view(organizer.contact_point, skip_url=organizer.url),
        upcoming=upcoming,
        collection=collection,
        api_path=f"/organizers/{record_id}",
    )
