"""Heritage objects and agents, in the hub's EDM/LIDO-core wire shape."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from cultuurhub.demo.artists import Artist
from cultuurhub.demo.heritage_vocabulary import (
    ACQUISITIONS,
    GEONAMES,
    OBJECT_TYPES,
    SUBJECTS,
    TITLE_WORDS,
    ObjectType,
)
from cultuurhub.demo.organisations import OrganizerPlan
from cultuurhub.demo.records import IMAGE_BASE_URL, between, new_uuid, pick
from cultuurhub.demo.vocabulary import FIRST_NAMES, SURNAMES, slug

COPYRIGHT_YEAR = 2026
PUBLIC_DOMAIN_MARK = "http://creativecommons.org/publicdomain/mark/1.0/"
NO_COPYRIGHT_NON_COMMERCIAL = "http://rightsstatements.org/vocab/NoC-NC/1.0/"
IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/"
CC_BY = "http://creativecommons.org/licenses/by/4.0/"
NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/"


def is_public_domain(maker: Artist, year: int) -> bool | None:
    """Tell whether a work is out of copyright in 2026: maker dead over 70 years (None: unknown)."""
    if maker.death is not None:
        return maker.death + 70 < COPYRIGHT_YEAR
    if maker.birth is not None:
        return False  # still alive
    return True if year < 1880 else None


def rights_statement(rng: random.Random, public_domain: bool | None) -> str:
    """Pick the rights statement a museum would give a work with this copyright status."""
    roll = rng.random()
    if public_domain:
        return PUBLIC_DOMAIN_MARK if roll < 0.75 else NO_COPYRIGHT_NON_COMMERCIAL
    if public_domain is None:
        return NOT_EVALUATED
    return IN_COPYRIGHT if roll < 0.7 else (CC_BY if roll < 0.85 else NOT_EVALUATED)


def _subject(key: str) -> dict[str, Any]:
    """Return a fresh copy of a subject, so no two documents share a mutable part."""
    subject = SUBJECTS[key]
    return {**subject, "prefLabel": dict(subject["prefLabel"])}


def _production(rng: random.Random, maker: Artist, kind: ObjectType) -> tuple[int, dict[str, str]]:
    if maker.birth is not None:
        last = min(maker.death or 2024, maker.birth + 85)
        year = between(rng, min(maker.birth + 18, last), last)
    else:
        year = between(rng, *kind.group_years)
    roll = rng.random()
    if roll < 0.6:
        return year, {"edtf": str(year), "display": str(year)}
    if roll < 0.85:
        end = year + between(rng, 1, 3)
        return year, {"edtf": f"{year}/{end}", "display": f"{year}-{end}"}
    return year, {"edtf": f"{year}~", "display": f"ca. {year}"}


def _dimensions(rng: random.Random, kind: ObjectType) -> list[dict[str, Any]]:
    return [
        {"type": name, "value": round(rng.uniform(low, high), 1), "unit": unit}
        for name, low, high, unit in kind.dimensions
    ]


@dataclass(slots=True)
class Numbering:
    """Inventory numbers per holder, each museum in its own house style."""

    counters: dict[str, int]

    def next(self, holder: OrganizerPlan, acquired: int) -> str:
        """Return the next inventory number of this holder."""
        sequence = self.counters.get(holder.uri, 0) + 1
        self.counters[holder.uri] = sequence
        code = (slug(holder.name.split()[-1])[:3] or "mus").upper()
        style = holder.index % 3
        if style == 0:
            return f"{acquired}.{code}{sequence:04d}"
        if style == 1:
            return f"0000.{code}{sequence:04d}.I"
        return f"S.{acquired}.{sequence:03d}"


def _title(rng: random.Random, kind: ObjectType, maker: Artist) -> tuple[str, str]:
    template, subject = pick(rng, kind.titles)
    words = {slot: pick(rng, pool) for slot, pool in TITLE_WORDS.items() if "{" + slot in template}
    return template.format(town=maker.town, **words), subject


def _provenance(
    rng: random.Random, year: int, acquired: int, holder: OrganizerPlan
) -> list[dict[str, Any]]:
    family = f"{pick(rng, FIRST_NAMES)} {pick(rng, SURNAMES)}"
    story = pick(rng, ACQUISITIONS).format(name=family, town=holder.town.name)
    entries = [{"date": str(acquired), "description": {"nl": story}}]
    if rng.random() < 0.4 and acquired - year > 10:
        owned = between(rng, year, acquired - 1)
        earlier = f"In het bezit van de familie {pick(rng, SURNAMES)}."
        entries.insert(0, {"date": str(owned), "description": {"nl": earlier}})
    return entries


def object_document(
    rng: random.Random, uri: str, maker: Artist, holder: OrganizerPlan, numbering: Numbering
) -> dict[str, Any]:
    """Build one heritage object made by ``maker`` and held by the museum ``holder``."""
    kind = OBJECT_TYPES[pick(rng, maker.works.split())]
    year, production = _production(rng, maker, kind)
    acquired = between(rng, min(max(year + 1, 1830), 2025), 2025)
    title, subject_key = _title(rng, kind, maker)
    rights = rights_statement(rng, is_public_domain(maker, year))
    material = pick(rng, kind.materials)
    object_type: dict[str, Any] = {"prefLabel": {"nl": kind.label}}
    if kind.aat:
        object_type = {"@id": f"http://vocab.getty.edu/aat/{kind.aat}", **object_type}
    description = (
        f"{kind.label.capitalize()} van {maker.name} uit {production['display']}, {material}. "
        f"{pick(rng, kind.sentences)} Het werk kwam in {acquired} in de collectie van "
        f"{holder.name}."
    )
    document: dict[str, Any] = {
        "@id": uri,
        "@type": "HeritageObject",
        "mainLanguage": "nl",
        "title": {"nl": title},
        "description": {"nl": description},
        "objectType": [object_type],
        "objectNumber": numbering.next(holder, acquired),
        "creators": [{"role": kind.role, "agent": maker.as_agent()}],
        "productionDate": production,
        "materials": [{"prefLabel": {"nl": material}}],
        "techniques": [{"prefLabel": {"nl": pick(rng, kind.techniques)}}],
        "dimensions": _dimensions(rng, kind),
        "subjects": [_subject(subject_key)] if subject_key else [],
        "places": [{"name": maker.town, "sameAs": list(GEONAMES.get(maker.town, ()))}],
        "holder": {"@id": holder.uri, "name": holder.name},
        "webResources": [],
        "rights": rights,
        "provenance": _provenance(rng, year, acquired, holder),
        "labels": ["topstuk"] if rng.random() < 0.02 else [],
        "workflowStatus": "APPROVED" if rng.random() < 0.93 else "DRAFT",
    }
    if rng.random() < 0.9:
        image = new_uuid(rng)
        document["webResources"] = [
            {
                "url": f"{IMAGE_BASE_URL}/objects/{image}.jpg",
                "iiifService": f"{IMAGE_BASE_URL}/iiif/2/{image}",
                "rights": rights,
                "mimeType": "image/jpeg",
            }
        ]
    return document


def agent_document(uri: str, maker: Artist) -> dict[str, Any]:
    """Build an agent record (person or group) with life dates and authority links."""
    return {"@id": uri, **maker.as_agent()}
