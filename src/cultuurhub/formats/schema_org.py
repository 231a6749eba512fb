"""Crosswalk from schema.org JSON-LD (Event and subtypes, Place, Organization) to the wire shape."""

from __future__ import annotations

from typing import Any

from cultuurhub.formats.belgian_dates import parse_range
from cultuurhub.formats.schema_org_parts import (
    add_image,
    add_location,
    add_offers,
    as_text,
    first,
    postal_address,
    types_of,
)
from cultuurhub.formats.uitdatabank_terms import find_term
from cultuurhub.formats.uitdatabank_wire import (
    Availability,
    MappingProblem,
    TimeSpan,
    calendar,
    status,
)

EVENT_TYPES: dict[str, str | None] = {
    "Event": None,
    "TheaterEvent": "Theatervoorstelling",
    "ComedyEvent": "Theatervoorstelling",
    "MusicEvent": "Concert",
    "DanceEvent": "Dansvoorstelling",
    "ScreeningEvent": "Film",
    "ExhibitionEvent": "Tentoonstelling",
    "VisualArtsEvent": "Tentoonstelling",
    "Festival": "Festival",
    "LiteraryEvent": "Lezing of congres",
    "EducationEvent": "Cursus met open sessies",
    "CourseInstance": "Lessenreeks",
    "SportsEvent": "Sportwedstrijd bekijken",
    "FoodEvent": "Eet- of drankfestijn",
    "SaleEvent": "Markt, braderie of kermis",
    "SocialEvent": "Festiviteit",
    "BusinessEvent": "Beurs",
    "ChildrensEvent": None,
    "PublicationEvent": None,
}
PLACE_TYPES: dict[str, str | None] = {
    "Place": None,
    "EventVenue": "Zaal of expohal",
    "PerformingArtsTheater": "Theater",
    "MovieTheater": "Bioscoop",
    "Museum": "Museum of galerij",
    "ArtGallery": "Museum of galerij",
    "Library": "Bibliotheek of documentatiecentrum",
    "Park": "Natuur, park of tuin",
    "Zoo": "Thema of pretpark",
    "AmusementPark": "Thema of pretpark",
    "LandmarksOrHistoricalBuildings": "Monument",
    "CivicStructure": "Cultuur- of ontmoetingscentrum",
    "MusicVenue": "Zaal of expohal",
    "BarOrPub": "Horeca",
    "Restaurant": "Horeca",
    "NightClub": "Discotheek",
    "SportsActivityLocation": "Sportcentrum",
    "School": "School of onderwijscentrum",
}
ORGANIZATION_TYPES = frozenset(
    {
        "Organization",
        "PerformingGroup",
        "TheaterGroup",
        "MusicGroup",
        "DanceGroup",
        "NGO",
        "GovernmentOrganization",
        "EducationalOrganization",
        "Corporation",
        "Person",
    }
)
_STATUS: dict[str, tuple[Availability, str]] = {
    "EventCancelled": ("Unavailable", "Geannuleerd"),
    "EventPostponed": ("TemporarilyUnavailable", "Uitgesteld"),
    "EventRescheduled": ("Available", "Verplaatst naar een nieuwe datum"),
}
_ATTENDANCE = {
    "OfflineEventAttendanceMode": "offline",
    "OnlineEventAttendanceMode": "online",
    "MixedEventAttendanceMode": "mixed",
}


def record_type(node: dict[str, Any]) -> str | None:
    """Return ``event``, ``place`` or ``organizer`` for a schema.org node, None for others."""
    types = types_of(node)
    if any(kind in EVENT_TYPES for kind in types):
        return "event"
    if any(kind in PLACE_TYPES for kind in types):
        return "place"
    return "organizer" if any(kind in ORGANIZATION_TYPES for kind in types) else None


def map_event(
    node: dict[str, Any], default_type: str | None
) -> tuple[dict[str, Any], list[MappingProblem]]:
    """Map a schema.org Event to an event document and its problems."""
    problems: list[MappingProblem] = []
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": as_text(node.get("name"))}}
    if not document["name"]["nl"]:
        problems.append(MappingProblem("name", "", "ontbreekt.", "is missing."))
    description = as_text(node.get("description"))
    if description:
        document["description"] = {"nl": description}
    document["terms"] = _event_terms(node, default_type, problems)
    document.update(calendar(_spans(node, problems)))
    _add_status(document, node)
    add_location(document, node.get("location"))
    _add_organizer(document, node.get("organizer"))
    add_offers(document, node.get("offers"), problems)
    add_image(document, node.get("image"))
    if as_text(node.get("url")):
        document["contactPoint"] = {"url": [as_text(node.get("url"))]}
    if as_text(node.get("typicalAgeRange")):
        document["typicalAgeRange"] = as_text(node.get("typicalAgeRange"))
    return document, problems


def map_place(node: dict[str, Any]) -> tuple[dict[str, Any], list[MappingProblem]]:
    """Map a schema.org Place to a place document and its problems."""
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": as_text(node.get("name"))}}
    address = postal_address(node.get("address"))
    if address:
        document["address"] = address
    label = next((PLACE_TYPES[t] for t in types_of(node) if PLACE_TYPES.get(t)), None)
    term = find_term(label, "placetype") if label else None
    if term:
        document["terms"] = [term.as_wire()]
    _add_contact(document, node)
    document["calendarType"] = "permanent"
    problems = (
        [] if document["name"]["nl"] else [MappingProblem("name", "", "ontbreekt.", "is missing.")]
    )
    return document, problems


def map_organization(node: dict[str, Any]) -> tuple[dict[str, Any], list[MappingProblem]]:
    """Map a schema.org Organization (or Person) to an organizer document and its problems."""
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": as_text(node.get("name"))}}
    if as_text(node.get("url")):
        document["url"] = as_text(node.get("url"))
    address = postal_address(node.get("address"))
    if address:
        document["address"] = address
    document["kind"] = types_of(node)[0]
    _add_contact(document, node)
    problems = (
        [] if document["name"]["nl"] else [MappingProblem("name", "", "ontbreekt.", "is missing.")]
    )
    return document, problems


def _event_terms(
    node: dict[str, Any], default_type: str | None, problems: list[MappingProblem]
) -> list[dict[str, str]]:
    labels = [EVENT_TYPES.get(kind) for kind in types_of(node)] + _keywords(node)
    label = next((found for found in labels if found), None) or default_type
    term = find_term(label, "eventtype") if label else None
    if term is None:
        shown = ", ".join(types_of(node))
        problems.append(
            MappingProblem(
                "@type",
                shown,
                f"'{shown}' zegt niet welk soort evenement het is; gebruik bv. TheaterEvent.",
                f"'{shown}' does not say what kind of event it is; use e.g. TheaterEvent.",
            )
        )
        return []
    return [term.as_wire()]


def _keywords(node: dict[str, Any]) -> list[str | None]:
    words: list[str] = []
    for key in ("additionalType", "genre", "keywords"):
        value = node.get(key)
        for item in value if isinstance(value, list) else [value]:
            words += [word.strip() for word in as_text(item).split(",")]
    terms = [find_term(word, "eventtype") for word in words if word]
    return [term.label for term in terms if term is not None]


def _spans(node: dict[str, Any], problems: list[MappingProblem]) -> list[TimeSpan]:
    children = node.get("subEvent")
    sources = children if isinstance(children, list) and children else [node]
    spans: list[TimeSpan] = []
    for source in sources:
        if not isinstance(source, dict):
            continue
        start = parse_range(first(source.get("startDate")))
        end = parse_range(first(source.get("endDate")))
        if start is None:
            shown = as_text(source.get("startDate"))
            problems.append(
                MappingProblem(
                    "startDate", shown, f"'{shown}' is geen datum.", f"'{shown}' is not a date."
                )
            )
            continue
        all_day = start.all_day and (end is None or end.all_day)
        finish = (end or start).start
        if (end or start).all_day:
            finish = finish.replace(hour=23, minute=59, second=59)
        own = _STATUS.get(_term(source.get("eventStatus"))) if source is not node else None
        spans.append(TimeSpan(start.start, finish, own[0] if own else "Available", all_day))
    return spans


def _term(value: object) -> str:
    """The schema.org term a value names, however it is written: ``EventCancelled``,
    ``schema:EventCancelled``, ``https://schema.org/EventCancelled`` or ``{"@id": …}``."""
    value = first(value)
    text = as_text(value.get("@id")) if isinstance(value, dict) else as_text(value)
    return text.rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _add_status(document: dict[str, Any], node: dict[str, Any]) -> None:
    word = _term(node.get("eventStatus"))
    if word in _STATUS:
        kind, reason = _STATUS[word]
        document["status"] = status(kind, reason)
        for sub_event in document.get("subEvent", []):
            sub_event["status"] = {"type": kind}
    mode = _ATTENDANCE.get(_term(node.get("eventAttendanceMode")))
    if mode:
        document["attendanceMode"] = mode
    if _sold_out(node.get("offers")):
        document["bookingAvailability"] = {"type": "Unavailable"}
        for sub_event in document.get("subEvent", []):
            sub_event["bookingAvailability"] = {"type": "Unavailable"}


def _sold_out(offers: object) -> bool:
    """Whether every offer that says how many are left says none (``SoldOut``)."""
    listed = offers if isinstance(offers, list) else [offers]
    said = [_term(offer.get("availability")) for offer in listed if isinstance(offer, dict)]
    said = [word for word in said if word]
    return bool(said) and all(word == "SoldOut" for word in said)


def _add_organizer(document: dict[str, Any], value: object) -> None:
    organizer = first(value)
    if isinstance(organizer, str) and organizer:
        document["organizer"] = {"name": {"nl": organizer}}
    elif isinstance(organizer, dict) and as_text(organizer.get("name")):
        found: dict[str, Any] = {"name": {"nl": as_text(organizer.get("name"))}}
        if as_text(organizer.get("url")):
            found["url"] = as_text(organizer.get("url"))
        document["organizer"] = found


def _add_contact(document: dict[str, Any], node: dict[str, Any]) -> None:
    contact: dict[str, list[str]] = {}
    for source, key in (("telephone", "phone"), ("email", "email"), ("url", "url")):
        value = as_text(node.get(source)).removeprefix("mailto:")
        if value:
            contact[key] = [value]
    if contact:
        document["contactPoint"] = contact
