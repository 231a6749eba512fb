"""Events in the UiTdatabank JSON-LD shape, referencing places and organizers made earlier."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Any

from cultuurhub.demo import calendars, prices, schedules
from cultuurhub.demo.event_community import COMMUNITY_RECIPES
from cultuurhub.demo.event_recipes import ARTS_RECIPES, TRANSLATED_DESCRIPTIONS, Recipe
from cultuurhub.demo.event_vocabulary import SLOTS
from cultuurhub.demo.organisations import OrganizerPlan
from cultuurhub.demo.places import PlaceRef, facility_terms
from cultuurhub.demo.records import DEMO_BASE_URL, IMAGE_BASE_URL, between, new_uuid, pick
from cultuurhub.demo.reference import Term, event_types, themes_by_event_type
from cultuurhub.demo.texts import TemplateFiller, fill
from cultuurhub.demo.vocabulary import (
    FIRST_NAMES,
    SURNAMES,
    UITPAS_BY_ARRONDISSEMENT,
    UITPAS_BY_TOWN,
)
from cultuurhub.model.event import ONLINE_PLACE_ID

RECIPES = ARTS_RECIPES + COMMUNITY_RECIPES
_ACTIVITY = {
    "cultuurcentrum": 40,
    "gemeente": 25,
    "bibliotheek": 20,
    "museum": 15,
    "theatergezelschap": 6,
    "jeugdhuis": 3,
    "muziekgezelschap": 2,
    "vereniging": 2,
}
_FAMILY_KEYS = frozenset({"familie", "kinderfilm"})
_WORKFLOW = ("APPROVED",) * 85 + ("READY_FOR_VALIDATION",) * 6 + ("DRAFT",) * 5 + ("REJECTED",) * 4
_URL_LABELS = ("Koop tickets", "Reserveer plaatsen", "Controleer beschikbaarheid", "Schrijf je in")
_LABELS = (
    "Vlieg",
    "erfgoeddag",
    "Open Monumentendag",
    "Week van de Amateurkunsten",
    "Bib",
    "cultuurkuur",
    "zomer",
    "lokaal",
)
_HIDDEN = ("import-demo", "uitpas-check", "redactie-tip")
_MEDIA_CAPTIONS = ("Sfeerbeeld", "Affiche", "Foto van de voorstelling", "Beeld: persfoto")


@dataclass(slots=True)
class EventWorld:
    """The organizers and places events can point to, indexed for quick picking."""

    organizers: list[OrganizerPlan]
    places: list[PlaceRef]
    reference: date
    home_places: dict[str, PlaceRef] = field(default_factory=dict)  # organizer uri -> place
    _weights: list[int] = field(default_factory=list)
    _by_town_type: dict[tuple[str, str], list[PlaceRef]] = field(default_factory=dict)
    _by_type: dict[str, list[PlaceRef]] = field(default_factory=dict)
    _by_province_type: dict[tuple[str, str], list[PlaceRef]] = field(default_factory=dict)
    _recipes: dict[str, tuple[Recipe, ...]] = field(default_factory=dict)
    _themes: dict[str, tuple[Term, ...]] = field(default_factory=dict)
    filler: TemplateFiller = field(default_factory=lambda: TemplateFiller(SLOTS))

    def __post_init__(self) -> None:
        for place in self.places:
            self._by_town_type.setdefault((place.town.nis_code, place.type_id), []).append(place)
            self._by_type.setdefault(place.type_id, []).append(place)
            key = (place.town.province, place.type_id)
            self._by_province_type.setdefault(key, []).append(place)
        self._weights = list(
            accumulate(
                _ACTIVITY[plan.kind] * (3 if plan.account_key else 1) for plan in self.organizers
            )
        )
        for kind in _ACTIVITY:
            chosen = [
                recipe
                for recipe in RECIPES
                for _ in range(recipe.weight)
                if kind in recipe.organizers
            ]
            self._recipes[kind] = tuple(chosen)
        allowed = themes_by_event_type()
        for recipe in RECIPES:
            valid = {term.id: term for term in allowed.get(recipe.type_id, ())}
            self._themes[recipe.key] = tuple(
                valid[id_] for id_ in recipe.themes.split() if id_ in valid
            )

    def organizer(self, rng: random.Random) -> OrganizerPlan:
        """Pick an organizer, busy venues more often than small clubs."""
        return self.organizers[bisect(self._weights, rng.random() * self._weights[-1])]

    def recipe(self, rng: random.Random, organizer: OrganizerPlan) -> Recipe:
        """Pick a kind of activity this organizer would run."""
        return pick(rng, self._recipes[organizer.kind])

    def theme(self, rng: random.Random, recipe: Recipe) -> Term | None:
        """Pick an allowed theme for the recipe, if it has any."""
        options = self._themes[recipe.key]
        return pick(rng, options) if options else None

    def place(self, rng: random.Random, recipe: Recipe, organizer: OrganizerPlan) -> PlaceRef:
        """Pick a fitting place: the organizer's own, else in its town, province or anywhere."""
        home = self.home_places.get(organizer.uri)
        if home is not None and home.type_id in recipe.places and rng.random() < 0.8:
            return home
        town = organizer.town
        wanted = recipe.places
        offset = int(rng.random() * len(wanted))
        for index, key in (
            (self._by_town_type, town.nis_code),
            (self._by_province_type, town.province),
        ):
            for step in range(len(wanted)):
                found = index.get((key, wanted[(offset + step) % len(wanted)]))
                if found:
                    return pick(rng, found)
        if home is not None:
            return home
        anywhere = self._by_type.get(wanted[offset])
        return pick(rng, anywhere) if anywhere else pick(rng, self.places)


def _uitpas(place: PlaceRef) -> str | None:
    town = place.town
    return UITPAS_BY_TOWN.get(town.name) or UITPAS_BY_ARRONDISSEMENT.get(town.arrondissement)


def _age_context(age_range: str) -> dict[str, str]:
    low, _, high = age_range.partition("-")
    low = low or "3"
    return {"age": low, "agetext": f"{low}-{high} jaar" if high else f"{low}+"}


def _texts(
    rng: random.Random, world: EventWorld, recipe: Recipe, context: dict[str, str]
) -> tuple[str, str, dict[str, str]]:
    title = pick(rng, recipe.titles)
    description = pick(rng, recipe.descriptions)
    values = world.filler.values(rng, (title, description), context)
    return fill(title, values), fill(description, values), values


def _translate(
    rng: random.Random,
    world: EventWorld,
    recipe: Recipe,
    document: dict[str, Any],
    words: dict[str, str],
) -> None:
    """Add French, English and German names and descriptions from a translatable title."""
    templates = pick(rng, recipe.translations)
    values = world.filler.values(rng, templates, words)
    town = words["town"]
    names = [fill(template, values) for template in templates]
    document["name"] = dict(zip(("nl", "fr", "en", "de"), names, strict=True))
    for language, name in zip(("fr", "en", "de"), names[1:], strict=True):
        document["description"][language] = TRANSLATED_DESCRIPTIONS[language].format(
            title=name, town=town
        )
    document["languages"] = ["nl", "fr", "en", "de"]


def _contact(organizer: OrganizerPlan) -> tuple[str, str]:
    host = organizer.website.split("//", 1)[1].removeprefix("www.")
    return f"info@{host}", organizer.website


def _media(rng: random.Random, title: str, organizer: OrganizerPlan) -> list[dict[str, Any]]:
    image = new_uuid(rng)
    holder = (
        organizer.name if rng.random() < 0.5 else f"{pick(rng, FIRST_NAMES)} {pick(rng, SURNAMES)}"
    )
    return [
        {
            "@id": f"{DEMO_BASE_URL}/images/{image}",
            "contentUrl": f"{IMAGE_BASE_URL}/{image}.jpeg",
            "thumbnailUrl": f"{IMAGE_BASE_URL}/{image}.jpeg?width=320",
            "description": f"{pick(rng, _MEDIA_CAPTIONS)}: {title}",
            "copyrightHolder": holder,
            "inLanguage": "nl",
        }
    ]


def _booking(rng: random.Random, organizer: OrganizerPlan, start_day: int) -> dict[str, Any]:
    email, website = _contact(organizer)
    return {
        "email": email,
        "url": f"{website}/tickets",
        "urlLabel": {"nl": pick(rng, _URL_LABELS)},
        "availabilityStarts": calendars.day_start(start_day - between(rng, 30, 120)),
        "availabilityEnds": calendars.timestamp((start_day, 1080)),
    }


def _labels(rng: random.Random, recipe: Recipe, uitpas: str | None, kansen: bool) -> list[str]:
    labels = [uitpas] if uitpas and kansen else []
    if recipe.key in _FAMILY_KEYS or recipe.key == "kamp":
        labels.append("Vlieg")
    elif rng.random() < 0.08:
        labels.append(pick(rng, _LABELS))
    return labels


def event_document(rng: random.Random, world: EventWorld, uri: str) -> tuple[str, dict[str, Any]]:
    """Build one event; return its owning account and document."""
    organizer = world.organizer(rng)
    recipe = world.recipe(rng, organizer)
    place = world.place(rng, recipe, organizer)
    age_range = pick(rng, recipe.ages)
    context = {
        "town": place.town.name,
        "place": place.name,
        "organizer": organizer.name,
        **_age_context(age_range),
    }
    ticketed = recipe.price[1] > 0 and rng.random() < 0.7
    capacity = max(10, int(place.capacity * rng.uniform(0.5, 1.0))) if ticketed else None
    if recipe.type_id == "0.3.1.0.0":
        capacity = between(rng, 8, 20)
    cal, start_day = schedules.calendar(rng, recipe, world.reference, capacity)
    context["lessons"] = str(len(cal.get("subEvent", ())))
    title, description, words = _texts(rng, world, recipe, context)
    terms = [event_types()[recipe.type_id].as_json()]
    theme = world.theme(rng, recipe)
    if theme is not None:
        terms.append(theme.as_json())
    if rng.random() < 0.15:
        terms.extend(facility_terms(rng, 3))
    free = recipe.price[1] <= 0 or rng.random() < recipe.free
    uitpas = _uitpas(place)
    price_list = prices.price_info(
        rng, recipe.price[0], 0 if free else recipe.price[1], start_day, uitpas
    )
    if recipe.key in _FAMILY_KEYS:
        prices.child_tariff(price_list)
    kansen = any(entry["name"]["nl"] == "Kansentarief" for entry in price_list)
    description += " " + _closing(rng, price_list[0]["price"] == 0, kansen)
    email, website = _contact(organizer)
    phone = [organizer.phone] if rng.random() < 0.6 else []
    document: dict[str, Any] = {
        "@id": uri,
        "mainLanguage": "nl",
        "name": {"nl": title},
        "description": {"nl": description},
        **cal,
        "status": schedules.status(rng),
        "location": {"@id": place.uri},
        "organizer": {"@id": organizer.uri},
        "terms": terms,
        "priceInfo": price_list,
        "contactPoint": {"phone": phone, "email": [email], "url": [website]},
        "typicalAgeRange": age_range,
        "audience": {"audienceType": _audience(rng, organizer)},
        "attendanceMode": "offline",
        "labels": _labels(rng, recipe, uitpas, kansen),
        "hiddenLabels": [pick(rng, _HIDDEN)] if rng.random() < 0.05 else [],
        "workflowStatus": pick(rng, _WORKFLOW),
        "availableFrom": calendars.day_start(start_day - between(rng, 14, 150)),
        "languages": ["nl"],
    }
    _extras(rng, world, recipe, document, (organizer, start_day, ticketed, words))
    return organizer.owner_key, document


def _closing(rng: random.Random, free: bool, kansen: bool) -> str:
    """Return a last sentence that agrees with the prices."""
    if kansen and rng.random() < 0.5:
        return "Met UiTPAS geniet je van een kansentarief."
    return pick(rng, SLOTS["free"] if free else SLOTS["closing"])


def _audience(rng: random.Random, organizer: OrganizerPlan) -> str:
    roll = rng.random()
    if organizer.kind == "vereniging" and roll < 0.15:
        return "members"
    return "education" if roll > 0.97 else "everyone"


def _extras(
    rng: random.Random,
    world: EventWorld,
    recipe: Recipe,
    document: dict[str, Any],
    facts: tuple[OrganizerPlan, int, bool, dict[str, str]],
) -> None:
    """Add the optional parts: booking, online attendance, image, translations."""
    organizer, start_day, ticketed, words = facts
    if ticketed:
        document["bookingInfo"] = _booking(rng, organizer, start_day)
    roll = rng.random()
    if recipe.type_id in ("0.3.2.0.0", "0.3.1.0.0", "0.50.4.0.0") and roll < 0.12:
        document["attendanceMode"] = "mixed" if roll < 0.08 else "online"
        if document["attendanceMode"] == "online":
            # UiTdatabank's placeholder place for events that happen only online
            document["location"] = {"@id": f"{DEMO_BASE_URL}/places/{ONLINE_PLACE_ID}"}
        document["onlineUrl"] = (
            f"https://live.demo.cultuurhub.be/{document['@id'].rsplit('/', 1)[1]}"
        )
    if rng.random() < 0.85:
        document["mediaObject"] = _media(rng, document["name"]["nl"], organizer)
        document["image"] = document["mediaObject"][0]["contentUrl"]
    if recipe.translations and rng.random() < 0.15:
        _translate(rng, world, recipe, document, words)
