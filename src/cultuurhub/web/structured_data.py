"""schema.org JSON-LD for search engines, embedded in the pages.

The event page carries a schema.org ``Event`` with its dates, ``eventStatus``,
``eventAttendanceMode``, ``location`` (a ``Place`` with its ``PostalAddress``, or a
``VirtualLocation``), ``organizer`` and ``offers``; each date is a ``subEvent`` with its own status.
"""

from __future__ import annotations

from typing import Any, Final

import orjson

from cultuurhub.model import (
    Address,
    AttendanceMode,
    Event,
    Organizer,
    Place,
    Price,
    Status,
    StatusType,
    SubEvent,
)
from cultuurhub.web.event_page import EventSources

SCHEMA: Final = "https://schema.org/"
_EVENT_STATUS: Final = {
    StatusType.AVAILABLE: "https://schema.org/EventScheduled",
    StatusType.TEMPORARILY_UNAVAILABLE: "https://schema.org/EventPostponed",
    StatusType.UNAVAILABLE: "https://schema.org/EventCancelled",
}
_ATTENDANCE: Final = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def script_json(data: dict[str, Any]) -> str:
    """Serialise JSON-LD for a ``<script>`` element: no ``</`` can close the element early."""
    text = orjson.dumps(data).decode()
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def event_jsonld(sources: EventSources, page_url: str) -> dict[str, Any]:
    """Return the schema.org Event of an event page."""
    event = sources.event
    main = event.main_language
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "@id": page_url,
        "url": page_url,
        "name": event.name.get(main) or next(iter(event.name.values())),
        "eventStatus": _event_status(event.status, event.sub_event),
        "eventAttendanceMode": _ATTENDANCE[event.attendance_mode],
        "inLanguage": main,
    }
    if event.description:
        data["description"] = event.description.get(main) or next(iter(event.description.values()))
    _add_dates(data, event)
    if event.image:
        data["image"] = event.image
    data["location"] = _location(sources.place.record, event)
    organizer = _organizer(sources.organizer.record, event)
    if organizer:
        data["organizer"] = organizer
    offers = [_offer(line, event) for line in event.price_info]
    if offers:
        data["offers"] = offers
        data["isAccessibleForFree"] = any(line.price == 0 for line in event.price_info)
    if event.typical_age_range and event.typical_age_range != "-":
        data["typicalAgeRange"] = event.typical_age_range
    return data


def _event_status(status: Status | None, subs: list[SubEvent]) -> str:
    if status is not None:
        return _EVENT_STATUS[status.type]
    kinds = {sub.status.type for sub in subs if sub.status is not None}
    if len(kinds) == 1 and len(subs) == len([sub for sub in subs if sub.status]):
        return _EVENT_STATUS[kinds.pop()]
    return _EVENT_STATUS[StatusType.AVAILABLE]


def _add_dates(data: dict[str, Any], event: Event) -> None:
    subs = event.sub_event
    start = subs[0].start_date if subs else event.start_date
    end = subs[-1].end_date if subs else event.end_date
    if start is not None:
        data["startDate"] = start.isoformat()
    if end is not None:
        data["endDate"] = end.isoformat()
    if len(subs) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": data["name"],
                "startDate": sub.start_date.isoformat(),
                "endDate": sub.end_date.isoformat(),
                "eventStatus": _event_status(sub.status or event.status, []),
            }
            for sub in subs
        ]


def _location(place: Place | None, event: Event) -> dict[str, Any] | list[dict[str, Any]]:
    virtual = {"@type": "VirtualLocation", "url": event.online_url} if event.online_url else None
    if event.attendance_mode is AttendanceMode.ONLINE:
        return virtual or {"@type": "VirtualLocation"}
    physical: dict[str, Any] = {"@type": "Place"}
    if place is not None:
        physical["name"] = place.name.get(place.main_language) or next(iter(place.name.values()))
        address = place.main_address
        if place.geo is not None:
            physical["geo"] = _geo(place.geo.latitude, place.geo.longitude)
    else:
        location = event.location
        if location is not None and location.name:
            physical["name"] = next(iter(location.name.values()))
        addresses = location.address if location and location.address else {}
        address = next(iter(addresses.values()), None)
    if address is not None:
        physical["address"] = _postal(address)
    if event.attendance_mode is AttendanceMode.MIXED and virtual:
        return [physical, virtual]
    return physical


def _postal(address: Address) -> dict[str, Any]:
    return {
        "@type": "PostalAddress",
        "streetAddress": address.street_address,
        "postalCode": address.postal_code,
        "addressLocality": address.address_locality,
        "addressCountry": address.address_country,
    }


def _geo(latitude: float, longitude: float) -> dict[str, Any]:
    return {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}


def _organizer(organizer: Organizer | None, event: Event) -> dict[str, Any] | None:
    if organizer is not None:
        name = organizer.name.get(organizer.main_language) or next(iter(organizer.name.values()))
        found: dict[str, Any] = {"@type": "Organization", "name": name}
        if organizer.url:
            found["url"] = organizer.url
        return found
    reference = event.organizer
    if reference is None or reference.name is None:
        return None
    return {"@type": "Organization", "name": next(iter(reference.name.values()))}


def _offer(line: Price, event: Event) -> dict[str, Any]:
    name = line.name.get(event.main_language) if line.name else None
    offer: dict[str, Any] = {
        "@type": "Offer",
        "price": f"{line.price:.2f}",
        "priceCurrency": line.price_currency,
        "category": line.category.value,
    }
    if name:
        offer["name"] = name
    if event.booking_info is not None and event.booking_info.url:
        offer["url"] = event.booking_info.url
    availability = event.booking_availability
    sold_out = availability is not None and availability.type == "Unavailable"
    offer["availability"] = "https://schema.org/" + ("SoldOut" if sold_out else "InStock")
    if line.valid_from is not None:
        offer["validFrom"] = line.valid_from.isoformat()
    if line.valid_through is not None:
        offer["validThrough"] = line.valid_through.isoformat()
    return offer


def place_jsonld(place: Place, page_url: str) -> dict[str, Any]:
    """Return the schema.org Place of a place page."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Place",
        "@id": page_url,
        "url": page_url,
        "name": place.name.get(place.main_language) or next(iter(place.name.values())),
    }
    if place.main_address is not None:
        data["address"] = _postal(place.main_address)
    if place.geo is not None:
        data["geo"] = _geo(place.geo.latitude, place.geo.longitude)
    return data


def organization_jsonld(organizer: Organizer, page_url: str) -> dict[str, Any]:
    """Return the schema.org Organization of an organiser page."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": page_url,
        "url": organizer.url or page_url,
        "name": organizer.name.get(organizer.main_language) or next(iter(organizer.name.values())),
    }
    if organizer.main_address is not None:
        data["address"] = _postal(organizer.main_address)
    return data
