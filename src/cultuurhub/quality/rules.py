"""What makes a record complete, per type: rules with weights and a hint in plain words."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cultuurhub.model import postcode_municipalities

Document = Mapping[str, Any]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$", re.IGNORECASE)
BELGIUM = (49.49, 51.51, 2.54, 6.41)  # south, north, west, east
MIN_DESCRIPTION = 100


@dataclass(frozen=True, slots=True)
class Rule:
    """One quality rule: its weight in the score and what to do when it is not met."""

    id: str
    weight: int
    check: Callable[[Document], bool]
    hint_nl: str
    hint_en: str


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return " ".join(str(v) for v in value.values() if v)
    return str(value or "")


def has(field: str) -> Callable[[Document], bool]:
    """Check that a field is present and not empty."""
    return lambda document: bool(document.get(field))


def description_long_enough(document: Document) -> bool:
    """Check for a description of at least 100 characters."""
    return len(_text(document.get("description")).strip()) >= MIN_DESCRIPTION


def has_image(document: Document) -> bool:
    """Check for an image (media object, image link, web resource, or an organiser's images)."""
    images = ("mediaObject", "image", "webResources", "images", "mainImage")
    return any(document.get(field) for field in images)


def one_base_price(document: Document) -> bool:
    """Check for exactly one base price and no negative prices."""
    prices = document.get("priceInfo") or []
    bases = [p for p in prices if p.get("category") == "base"]
    return len(bases) == 1 and all(float(p.get("price", 0)) >= 0 for p in prices)


def plausible_dates(document: Document) -> bool:
    """Check that every occurrence ends after it starts, between 1900 and 2100."""
    spans = [(s.get("startDate"), s.get("endDate")) for s in document.get("subEvent") or []]
    if not spans and document.get("startDate"):
        spans = [(document.get("startDate"), document.get("endDate"))]
    if document.get("calendarType") == "permanent" and not spans:
        return True
    try:
        moments = [(datetime.fromisoformat(a), datetime.fromisoformat(b or a)) for a, b in spans]
    except (TypeError, ValueError):
        return False
    return bool(moments) and all(
        1900 < start.year < 2100 and end >= start for start, end in moments
    )


def reachable(document: Document) -> bool:
    """Check for a valid website or e-mail address to book or ask questions."""
    booking, contact = document.get("bookingInfo") or {}, document.get("contactPoint") or {}
    urls = [booking.get("url"), *(contact.get("url") or []), document.get("url")]
    emails = [booking.get("email"), *(contact.get("email") or [])]
    return any(u and _URL.match(str(u)) for u in urls) or any(
        e and _EMAIL.match(str(e)) for e in emails
    )


def has_term(domain: str) -> Callable[[Document], bool]:
    """Check for a taxonomy term of a domain (theme, facility)."""
    return lambda document: any(t.get("domain") == domain for t in document.get("terms") or [])


def _main_address(document: Document) -> Mapping[str, Any]:
    address = document.get("address") or {}
    language = document.get("mainLanguage", "nl")
    found: Any = address.get(language) or next(iter(address.values()), {}) if address else {}
    return found if isinstance(found, Mapping) else {}


def has_postcode(document: Document) -> bool:
    """Check for an address with street and postcode."""
    address = _main_address(document)
    return bool(address.get("postalCode") and address.get("streetAddress"))


def postcode_matches_municipality(document: Document) -> bool:
    """Check that a Belgian postcode belongs to the municipality given (or any, when none is)."""
    address = _main_address(document)
    postcode = str(address.get("postalCode") or "")
    if address.get("addressCountry", "BE") != "BE":
        return True
    codes = postcode_municipalities(postcode) if postcode else []
    given = document.get("municipalityNis")
    return bool(codes) and (given is None or given in codes)


def inside_belgium(document: Document) -> bool:
    """Check for coordinates, inside Belgium (or abroad with a foreign address)."""
    geo = document.get("geo") or {}
    try:
        latitude, longitude = float(geo["latitude"]), float(geo["longitude"])
    except (KeyError, TypeError, ValueError):
        return False
    south, north, west, east = BELGIUM
    abroad = _main_address(document).get("addressCountry", "BE") != "BE"
    return abroad or (south <= latitude <= north and west <= longitude <= east)


def valid_website(document: Document) -> bool:
    """Check for a valid website address."""
    return bool(_URL.match(str(document.get("url") or "")))


def has_rights(document: Document) -> bool:
    """Check for a rights statement on the record and on every web resource."""
    resources = document.get("webResources") or []
    return bool(document.get("rights")) and all(r.get("rights") for r in resources)


def has_creator(document: Document) -> bool:
    """Check for at least one creator."""
    return bool(document.get("creators"))


def has_production_date(document: Document) -> bool:
    """Check for a production date."""
    return bool((document.get("productionDate") or {}).get("edtf"))


def _rule(rule_id: str, weight: int, check: Callable[[Document], bool], nl: str, en: str) -> Rule:
    return Rule(rule_id, weight, check, nl, en)


DESCRIPTION = _rule(
    "description", 15, description_long_enough,
    f"Schrijf een beschrijving van minstens {MIN_DESCRIPTION} tekens.",
    f"Write a description of at least {MIN_DESCRIPTION} characters.",
)  # fmt: skip
IMAGE = _rule("image", 15, has_image, "Voeg een afbeelding toe.", "Add an image.")

RULES: dict[str, tuple[Rule, ...]] = {
    "event": (
        _rule("name", 10, has("name"), "Geef de activiteit een titel.", "Give the event a title."),
        DESCRIPTION,
        IMAGE,
        _rule("price", 10, one_base_price, "Geef precies één basisprijs, geen negatieve prijzen.",
              "Give exactly one base price and no negative prices."),
        _rule("dates", 10, plausible_dates, "Controleer de data: het einde komt na het begin.",
              "Check the dates: each ends after it starts."),
        _rule("location", 10, has("location"), "Kies een locatie.", "Choose a location."),
        _rule("organizer", 10, has("organizer"), "Kies een organisator.", "Choose an organiser."),
        _rule("reachable", 10, reachable, "Geef een geldige website of e-mail om te reserveren.",
              "Give a valid website or e-mail address for bookings."),
        _rule("age", 5, has("typicalAgeRange"), "Zeg voor welke leeftijd dit is.",
              "Say which ages this is for."),
        _rule("theme", 5, has_term("theme"), "Kies een thema.", "Choose a theme."),
    ),
    "place": (
        _rule("name", 10, has("name"), "Geef de locatie een naam.", "Give the place a name."),
        _rule("address", 15, has_postcode, "Vul straat, nummer en postcode in.",
              "Fill in street, number and postcode."),
        _rule("postcode", 10, postcode_matches_municipality,
              "De postcode past niet bij de gemeente.",
              "The postcode does not fit the municipality."),
        _rule("coordinates", 15, inside_belgium, "Zet de locatie op de kaart (in België).",
              "Put the place on the map (in Belgium)."),
        DESCRIPTION,
        _rule("image", 10, has_image, "Voeg een foto van de locatie toe.", "Add a photo."),
        _rule("reachable", 10, reachable, "Geef een website of e-mailadres.",
              "Give a website or e-mail address."),
        _rule("facilities", 15, has_term("facility"), "Vermeld de toegankelijkheid.",
              "List the accessibility facilities."),
    ),
    "organizer": (
        _rule("name", 15, has("name"), "Geef de organisator een naam.", "Give a name."),
        _rule("website", 20, valid_website, "Geef een geldige website.", "Give a valid website."),
        _rule("address", 15, has_postcode, "Vul het adres in.", "Fill in the address."),
        _rule("reachable", 20, reachable, "Geef een e-mailadres of website om contact op te nemen.",
              "Give an e-mail address or website for contact."),
        DESCRIPTION,
        IMAGE,
    ),
    "object": (
        _rule("title", 15, has("title"), "Geef het object een titel.", "Give the object a title."),
        DESCRIPTION,
        _rule("rights", 20, has_rights,
              "Vermeld een rechtenstatus voor het record en elke afbeelding.",
              "Give a rights statement for the record and every image."),
        IMAGE,
        _rule("creator", 10, has_creator, "Vermeld de maker (of 'onbekend').",
              "Name the maker (or 'unknown')."),
        _rule("date", 10, has_production_date, "Geef een datering.", "Give a date of making."),
        _rule("number", 10, has("objectNumber"), "Vul het inventarisnummer in.",
              "Fill in the object number."),
        _rule("type", 5, has("objectType"), "Kies een objecttype.", "Choose an object type."),
    ),
    "agent": (
        _rule("name", 40, has("name"), "Geef een naam.", "Give a name."),
        _rule("dates", 30, has("birthDate"), "Geef de levensdata.", "Give the life dates."),
        _rule("authority", 30, has("sameAs"), "Koppel aan een authority (ULAN, Wikidata).",
              "Link to an authority (ULAN, Wikidata)."),
    ),
    "concept": (
        _rule("label", 60, has("prefLabel"), "Geef een label.", "Give a label."),
        _rule("authority", 40, has("sameAs"), "Koppel aan een thesaurus.",
              "Link to a thesaurus."),
    ),
}  # fmt: skip
