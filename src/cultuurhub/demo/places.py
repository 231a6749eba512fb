"""Places: the venues, squares, churches and parks where events happen."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from cultuurhub.demo import calendars
from cultuurhub.demo.geography import TownPicker, address, geo, phone, street_address
from cultuurhub.demo.organisations import OrganizerPlan
from cultuurhub.demo.records import between, new_uuid, pick, record_uri
from cultuurhub.demo.reference import Municipality, Term, facilities, place_types
from cultuurhub.demo.vocabulary import (
    CULTURAL_CENTRE_NAMES,
    MUSEUM_TEMPLATES,
    SAINTS,
    SURNAMES,
    THEATRE_COMPANY_NAMES,
    YOUTH_HOUSE_NAMES,
    municipal,
    slug,
)

CULTURE_CENTRE = "Yf4aZBfsUEu2NsQqsprngw"
THEATRE = "8.70.0.0.0"
MUSEUM = "GnPFp9uvOUyqhOckIFMKmg"
LIBRARY = "kI7uAyn2uUu9VV6Z3uWZTA"
CINEMA = "BtVNd33sR0WntjALVbyp3w"
HALL = "OyaPaf64AEmEAYXHeLMAtA"
PUBLIC_SPACE = "0.8.0.0.0"
MONUMENT = "0.14.0.0.0"
NATURE = "0.15.0.0.0"
SPORTS_CENTRE = "eBwaUAAhw0ur0Z02i5ttnw"
YOUTH_HOUSE = "JCjA0i5COUmdjMwcyjNAFA"
SCHOOL = "rJRFUqmd6EiqTD4c7HS90w"
HORECA = "ekdc4ATGoUitCa0e6me6xA"
RECREATION = "0.53.0.0.0"
PLAYGROUND = "wwjRVmExI0w6xfQwT1KWpx"
SHOP = "VRC6HX0Wa063sq98G5ciqw"
CLUB = "YVBc8KVdrU6XfTNvhMYUpg"
ARCHAEOLOGY = "3CuHvenJ+EGkcvhXLg9Ykg"
THEME_PARK = "0.41.0.0.0"

# fmt: off
_CINEMAS = ("Lumière", "Rex", "Plaza", "Palace", "Studio Skoop", "Roxy", "Agora", "Savoy", "Zed")
# fmt: on
# fmt: off
_HALLS = (
    "De Kroon", "Familia", "Concordia", "Ter Linden", "Den Hert", "'t Hof", "Harmonie",
    "Het Anker", "Rembrandt", "De Zwaan", "Ons Huis", "De Kring",
)
# fmt: on
# fmt: off
_NATURE = (
    "De Gavers", "Het Leen", "De Schorre", "Bergelen", "Het Vinne", "Kalkense Meersen", "De Ster",
    "Puyenbroeck", "Het Zilvermeer", "De Averegten", "Kesselse Heide",
)
# fmt: on
# fmt: off
_CHURCHES = (
    "Sint-Martinuskerk", "Sint-Pieterskerk", "Onze-Lieve-Vrouwekerk", "Sint-Janskerk",
    "Sint-Amanduskerk", "Sint-Niklaaskerk", "Sint-Gertrudiskerk", "Sint-Jozefskerk",
)
# fmt: on
# fmt: off
_MONUMENTS = (
    "Begijnhof {town}", "Kasteel van {town}", "Belfort van {town}", "Stadhuis {town}",
    "Molen Ter {surname}", "Hof {surname}", "Oud Gasthuis {town}", "Abdij van {town}",
    "{church} {town}", "{church} {town}",
)
# fmt: on
# fmt: off
_HORECA = (
    "De Zwaan", "Het Hoefijzer", "'t Pleintje", "De Gouden Leeuw", "Den Engel", "De Keizer",
    "Sportwereld", "De Vrede", "Het Gildenhuis",
)
# fmt: on

# fmt: off
_TEMPLATES: dict[str, tuple[str, ...]] = {
    CULTURE_CENTRE: ("Ontmoetingscentrum {saint}", "OC {cc}", "Gemeenschapscentrum {cc}"),
    THEATRE: ("Stadsschouwburg {town}", "Theater {company}", "Kunstencentrum {cc}"),
    MUSEUM: MUSEUM_TEMPLATES,
    LIBRARY: ("Bibliotheek {town} – uitleenpost {saint}", "Bibliotheek {town}"),
    CINEMA: ("Cinema {cinema}",),
    HALL: ("Parochiezaal {saint}", "Feestzaal {hall}", "Zaal {hall}", "Expohal {town}"),
    PUBLIC_SPACE: ("Markt {town}", "Stadspark {town}", "Dorpsplein {town}", "Kerkplein {town}"),
    MONUMENT: _MONUMENTS,
    NATURE: ("Natuurgebied {nature}", "Provinciaal Domein {nature}", "Kasteelpark {town}"),
    SPORTS_CENTRE: ("Sporthal {town}", "Sportcentrum {cc}", "Stedelijk Zwembad {town}"),
    YOUTH_HOUSE: ("Jeugdhuis {youth}",),
    SCHOOL: (
        "Academie voor Beeldende Kunsten {town}", "Muziekacademie {town}", "{saint}college {town}",
    ),
    HORECA: ("Café {horeca}", "Brasserie {horeca}", "Herberg {horeca}"),
    RECREATION: ("Recreatiedomein {nature}",),
    PLAYGROUND: ("Speeltuin {saint}", "Speelbos {nature}"),
    SHOP: ("Boekhandel {surname}", "Platenzaak {horeca}"), CLUB: ("Club {cinema}", "Zaal {hall}"),
    ARCHAEOLOGY: ("Archeologische site {town}", "Romeinse villa {town}", "Motte van {town}"),
    THEME_PARK: ("Speelpark {nature}",),
}
# fmt: on
# fmt: off
_CAPACITY = {
    CULTURE_CENTRE: (150, 750), THEATRE: (250, 1100), MUSEUM: (60, 400), LIBRARY: (40, 150),
    CINEMA: (120, 450), HALL: (80, 500), PUBLIC_SPACE: (800, 8000), MONUMENT: (50, 600),
    NATURE: (200, 3000), SPORTS_CENTRE: (200, 1500), YOUTH_HOUSE: (60, 300), SCHOOL: (30, 250),
    HORECA: (40, 180), RECREATION: (500, 5000), PLAYGROUND: (50, 300), SHOP: (20, 80),
    CLUB: (300, 1500), ARCHAEOLOGY: (50, 400), THEME_PARK: (1000, 6000),
}
# fmt: on
_MIX = (
    (HALL,) * 14
    + (CULTURE_CENTRE,) * 10
    + (PUBLIC_SPACE,) * 10
    + (MONUMENT,) * 10
    + (HORECA,) * 8
    + (SPORTS_CENTRE,) * 8
    + (SCHOOL,) * 6
    + (NATURE,) * 6
    + (MUSEUM,) * 6
    + (LIBRARY,) * 4
    + (YOUTH_HOUSE,) * 4
    + (THEATRE,) * 4
    + (CINEMA,) * 2
    + (RECREATION,) * 2
    + (PLAYGROUND,) * 2
    + (SHOP,) * 2
    + (CLUB,)
    + (ARCHAEOLOGY,)
    + (THEME_PARK,)
)
_WITH_HOURS = frozenset({MUSEUM, LIBRARY, MONUMENT, HORECA, SHOP, YOUTH_HOUSE})
_SEASONAL = frozenset({RECREATION, PLAYGROUND, THEME_PARK})
# The venue an organizer of this kind runs itself.
# fmt: off
HOME_VENUE = {
    "cultuurcentrum": CULTURE_CENTRE, "museum": MUSEUM, "bibliotheek": LIBRARY,
    "gemeente": PUBLIC_SPACE, "jeugdhuis": YOUTH_HOUSE,
}
# fmt: on
_COMMON_FACILITIES = ("3.27.0.0.0", "3.31.0.0.0", "3.26.0.0.0", "3.17.1.0.0", "3.25.0.0.0")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """What events need to know about a generated place."""

    uri: str
    name: str
    type_id: str
    town: Municipality
    capacity: int
    owner_key: str


def place_name(rng: random.Random, type_id: str, town: Municipality) -> str:
    """Return a Dutch name for a place of this type in this town."""
    template = pick(rng, _TEMPLATES[type_id])
    return municipal(
        template.format(
            town=town.name,
            saint=pick(rng, SAINTS),
            cc=pick(rng, CULTURAL_CENTRE_NAMES),
            company=pick(rng, THEATRE_COMPANY_NAMES),
            cinema=pick(rng, _CINEMAS),
            hall=pick(rng, _HALLS),
            nature=pick(rng, _NATURE),
            surname=pick(rng, SURNAMES),
            church=pick(rng, _CHURCHES),
            youth=pick(rng, YOUTH_HOUSE_NAMES),
            horeca=pick(rng, _HORECA),
        ),
        town.population,
    )


def facility_terms(rng: random.Random, most: int) -> list[dict[str, str]]:
    """Return up to ``most`` accessibility facilities, the common ones more often."""
    known = {term.id: term for term in facilities()}
    chosen: dict[str, Term] = {}
    for _ in range(between(rng, 0, most)):
        pool = _COMMON_FACILITIES if rng.random() < 0.7 else tuple(known)
        term = known[pick(rng, pool)]
        chosen[term.id] = term
    return [term.as_json() for term in chosen.values()]


def plan_place(
    rng: random.Random, picker: TownPicker, organizer: OrganizerPlan | None, owners: dict[str, str]
) -> tuple[str, str, Municipality, str]:
    """Decide a place's type, name, town and owner: an organizer's own venue or a free one."""
    if organizer is not None:
        type_id = HOME_VENUE[organizer.kind]
        town = organizer.town
        name = organizer.name if type_id != PUBLIC_SPACE else f"Markt {town.name}"
        return type_id, name, town, organizer.owner_key
    type_id = pick(rng, _MIX)
    town = picker.pick(rng)
    owner = owners[town.nis_code]
    return type_id, place_name(rng, type_id, town), town, owner


def place_document(rng: random.Random, ref: PlaceRef, reference: date) -> dict[str, Any]:
    """Build a place in the UiTdatabank JSON-LD shape, with ``municipalityNis`` and ``capacity``."""
    town = ref.town
    terms = [place_types()[ref.type_id].as_json(), *facility_terms(rng, 4)]
    document: dict[str, Any] = {
        "@id": ref.uri,
        "mainLanguage": "nl",
        "name": {"nl": ref.name},
        "address": address(town, street_address(rng)),
        "geo": geo(rng, town),
        "calendarType": "permanent",
        "terms": terms,
        "languages": ["nl"],
        "workflowStatus": "APPROVED" if rng.random() < 0.95 else "READY_FOR_VALIDATION",
        "municipalityNis": town.nis_code,
        "capacity": ref.capacity,
    }
    if ref.type_id in _SEASONAL:
        year = reference.year
        document["calendarType"] = "periodic"
        document["startDate"] = calendars.day_start(date(year, 4, 1).toordinal())
        document["endDate"] = calendars.day_end(date(year, 9, 30).toordinal())
        document["openingHours"] = calendars.opening_hours(rng)
    elif ref.type_id in _WITH_HOURS:
        document["openingHours"] = calendars.opening_hours(rng)
    if rng.random() < 0.6:
        host = slug(ref.name)[:30] or "plaats"
        document["contactPoint"] = {
            "phone": [phone(rng, town)],
            "email": [f"info@{host}.be"],
            "url": [f"https://www.{host}.be"],
        }
    return document


def new_place_ref(rng: random.Random, plan: tuple[str, str, Municipality, str]) -> PlaceRef:
    """Give a planned place its URI and capacity."""
    type_id, name, town, owner = plan
    low, high = _CAPACITY[type_id]
    capacity = int(rng.triangular(low, high, low + (high - low) * 0.3)) // 10 * 10
    return PlaceRef(record_uri("place", new_uuid(rng)), name, type_id, town, capacity, owner)
