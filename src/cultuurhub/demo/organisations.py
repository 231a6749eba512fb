"""Organizers: the account organisations and the clubs, companies and services around them."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any

from cultuurhub.demo.geography import TownPicker, address, geo, phone, street_address
from cultuurhub.demo.records import DemoOrganisation, new_uuid, pick, record_uri
from cultuurhub.demo.reference import Municipality, flemish_municipalities
from cultuurhub.demo.vocabulary import (
    CITY_POPULATION,
    CULTURAL_CENTRE_NAMES,
    MUSEUM_TEMPLATES,
    MUSIC_SOCIETY_TEMPLATES,
    SAINTS,
    SOCIETY_TEMPLATES,
    SURNAMES,
    THEATRE_COMPANY_NAMES,
    THEATRE_COMPANY_PREFIXES,
    YOUTH_HOUSE_NAMES,
    municipal,
    slug,
)

ACCOUNT_KINDS = ("museum", "cultuurcentrum", "gemeente", "bibliotheek", "theatergezelschap")


def _mix(weights: dict[str, int]) -> tuple[str, ...]:
    """Repeat each kind by its weight, so a plain ``choice`` is a weighted one."""
    return tuple(kind for kind, weight in weights.items() for _ in range(weight))


_ACCOUNT_MIX = _mix(
    {"cultuurcentrum": 5, "gemeente": 5, "bibliotheek": 4, "museum": 4, "theatergezelschap": 2}
)
_OTHER_MIX = _mix(
    {"vereniging": 12, "muziekgezelschap": 3, "jeugdhuis": 2, "theatergezelschap": 2, "museum": 1}
)
# One of each of these per municipality at most.
_ONE_PER_TOWN = frozenset({"gemeente", "bibliotheek", "cultuurcentrum"})

DESCRIPTIONS = {
    "cultuurcentrum": "{name} is het cultuurcentrum van {town}. Het programmeert theater, "
    "concerten, dans, comedy en familievoorstellingen, en biedt ruimte aan het lokale "
    "verenigingsleven.",
    "museum": "{name} bewaart en toont het erfgoed van {town} en de streek: schilderijen, "
    "prenten, foto's en voorwerpen uit het dagelijkse leven. Naast de vaste collectie lopen er "
    "wisselende tentoonstellingen.",
    "bibliotheek": "De bibliotheek van {town} is een open huis voor lezers van alle leeftijden, "
    "met boeken, strips, films, tijdschriften, gratis wifi en een rijk aanbod aan lezingen en "
    "workshops.",
    "gemeente": "De cultuurdienst van {name} ondersteunt verenigingen, organiseert evenementen "
    "en beheert de gemeentelijke cultuurinfrastructuur.",
    "theatergezelschap": "{name} is een theatergezelschap uit {town} dat voorstellingen maakt "
    "voor jong en oud, op locatie en in de cultuurcentra van Vlaanderen.",
    "vereniging": "{name} organiseert in {town} activiteiten voor haar leden en voor iedereen "
    "met interesse: lezingen, uitstappen, cursussen en gezellige avonden.",
    "jeugdhuis": "{name} in {town} is een ontmoetingsplek voor jongeren, met een café, "
    "concerten, fuiven en workshops, gerund door vrijwilligers.",
    "muziekgezelschap": "{name} brengt al generaties muziek in {town}: concerten, serenades en "
    "optredens op feesten en in de kerk.",
}


@dataclass(frozen=True, slots=True)
class OrganizerPlan:
    """Everything later records need to know about one organizer."""

    index: int
    uri: str
    name: str
    kind: str
    website: str
    town: Municipality
    owner_key: str
    account_key: str  # empty unless this organizer is an account organisation
    phone: str


def account_count(size: int, organizers: int) -> int:
    """Return how many organizers are account organisations for a demo of this size."""
    return min(organizers, max(1, round(math.sqrt(size) / 2)))


def _name(rng: random.Random, kind: str, town: Municipality) -> str:
    place = town.name
    if kind == "gemeente":
        return f"{'Stad' if town.population > CITY_POPULATION else 'Gemeente'} {place}"
    if kind == "bibliotheek":
        return f"Bibliotheek {place}"
    if kind == "cultuurcentrum":
        return f"CC {pick(rng, CULTURAL_CENTRE_NAMES)}"
    if kind == "museum":
        template = pick(rng, MUSEUM_TEMPLATES)
        return municipal(template.format(town=place, surname=pick(rng, SURNAMES)), town.population)
    if kind == "theatergezelschap":
        return f"{pick(rng, THEATRE_COMPANY_PREFIXES)} {pick(rng, THEATRE_COMPANY_NAMES)}"
    if kind == "jeugdhuis":
        return f"Jeugdhuis {pick(rng, YOUTH_HOUSE_NAMES)}"
    templates = MUSIC_SOCIETY_TEMPLATES if kind == "muziekgezelschap" else SOCIETY_TEMPLATES
    return pick(rng, templates).format(town=place, saint=pick(rng, SAINTS))


def _website(name: str, kind: str, town: Municipality, taken: set[str]) -> str:
    if kind == "gemeente":
        host = f"www.{slug(town.name)}.be"
    elif kind == "bibliotheek":
        host = f"{slug(town.name)}.bibliotheek.be"
    else:
        host = f"www.{slug(name)}.be"
        if host in taken:
            host = f"www.{slug(name)}{slug(town.name)}.be"
    base, number = host, 2
    while host in taken:
        host = base.replace(".be", f"{number}.be", 1)
        number += 1
    taken.add(host)
    return f"https://{host}"


def _choose(
    rng: random.Random, kind: str, picker: TownPicker, used: set[tuple[str, str]]
) -> tuple[str, Municipality]:
    """Pick a town; kinds that exist once per town fall back to a company when towns run out."""
    for _ in range(30):
        town = picker.pick(rng)
        if kind not in _ONE_PER_TOWN or (kind, town.nis_code) not in used:
            used.add((kind, town.nis_code))
            return kind, town
    return "theatergezelschap", picker.pick(rng)


def nearest_accounts(plans: list[OrganizerPlan]) -> dict[str, str]:
    """Map every municipality to the account organisation in or closest to it."""
    accounts = [plan for plan in plans if plan.account_key]
    nearest: dict[str, str] = {}
    for town in flemish_municipalities():
        # Degrees of longitude are shorter than degrees of latitude at 51° north.
        closest = min(
            accounts,
            key=lambda plan: (
                (plan.town.lat - town.lat) ** 2 + (0.63 * (plan.town.lng - town.lng)) ** 2
            ),
        )
        nearest[town.nis_code] = closest.account_key
    return nearest


def _plan(rng: random.Random, index: int, wanted: str, world: _Planning) -> OrganizerPlan:
    kind, town = _choose(rng, wanted, world.picker, world.used)
    name = _name(rng, kind, town)
    website = _website(name, kind, town, world.taken)
    key = website.split("//", 1)[1].removeprefix("www.").removesuffix(".be").replace(".", "-")
    account = key if world.nearest is None else ""
    owner = key if world.nearest is None else world.nearest[town.nis_code]
    uri = record_uri("organizer", new_uuid(rng))
    return OrganizerPlan(index, uri, name, kind, website, town, owner, account, phone(rng, town))


@dataclass(slots=True)
class _Planning:
    picker: TownPicker
    used: set[tuple[str, str]]
    taken: set[str]
    nearest: dict[str, str] | None = None  # None while planning the accounts themselves


def plan_organizers(size: int, count: int, seed: int) -> list[OrganizerPlan]:
    """Plan every organizer of a demo: name, kind, town, website and owning account."""
    rng = random.Random(f"{seed}:organizers")
    world = _Planning(TownPicker(), set(), set())
    accounts = account_count(size, count)
    plans: list[OrganizerPlan] = []
    for index in range(accounts):
        wanted = ACCOUNT_KINDS[index] if index < len(ACCOUNT_KINDS) else pick(rng, _ACCOUNT_MIX)
        plans.append(_plan(rng, index, wanted, world))
    world.nearest = nearest_accounts(plans)
    for index in range(accounts, count):
        plans.append(_plan(rng, index, pick(rng, _OTHER_MIX), world))
    return plans


def account_organisations(plans: list[OrganizerPlan]) -> list[DemoOrganisation]:
    """Return the account organisations among the planned organizers."""
    return [
        DemoOrganisation(plan.account_key, plan.name, plan.kind, plan.website)
        for plan in plans
        if plan.account_key
    ]


def organizer_document(rng: random.Random, plan: OrganizerPlan) -> dict[str, Any]:
    """Build an organizer in the UiTdatabank JSON-LD shape, with the hub's ``kind``."""
    host = plan.website.split("//", 1)[1].removeprefix("www.")
    town = plan.town
    document: dict[str, Any] = {
        "@id": plan.uri,
        "mainLanguage": "nl",
        "name": {"nl": plan.name},
        "url": plan.website,
        "description": {"nl": DESCRIPTIONS[plan.kind].format(name=plan.name, town=town.name)},
        "address": address(town, street_address(rng)),
        "geo": geo(rng, town),
        "contactPoint": {"phone": [plan.phone], "email": [f"info@{host}"], "url": [plan.website]},
        "labels": [],
        "hiddenLabels": [],
        "languages": ["nl"],
        "workflowStatus": "ACTIVE",
        "kind": plan.kind,
    }
    return document
