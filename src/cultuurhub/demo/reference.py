"""Reference data the demo draws on: Flemish municipalities and the UiTdatabank taxonomy.

Read once from the package data of :mod:`cultuurhub.model` and cached; nothing else is read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

FLEMISH_REGION = "Vlaams Gewest"


@dataclass(frozen=True, slots=True)
class Municipality:
    """A Flemish municipality (2025 borders) with its population and town centre."""

    nis_code: str
    name: str
    arrondissement: str
    province: str
    population: int
    postcode: str
    lat: float
    lng: float


@dataclass(frozen=True, slots=True)
class Term:
    """A taxonomy term as it appears in a document's ``terms``."""

    id: str
    label: str
    domain: str

    def as_json(self) -> dict[str, str]:
        """Return the term in its wire shape."""
        return {"id": self.id, "label": self.label, "domain": self.domain}


def _read_csv(relative: str) -> list[dict[str, str]]:
    text = resources.files("cultuurhub.model").joinpath(relative).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def flemish_municipalities() -> tuple[Municipality, ...]:
    """Return the 285 Flemish municipalities of 2025, in NIS-code order."""
    rows = _read_csv("data/geo/municipalities-2025.csv")
    return tuple(
        Municipality(
            nis_code=row["nis_code_2025"],
            name=row["name_nl"],
            arrondissement=row["arrondissement_nl"],
            province=row["province_nl"],
            population=int(row["population_2020_summed"]),
            postcode=row["main_postcode"],
            lat=float(row["lat"]),
            lng=float(row["lng"]),
        )
        for row in rows
        if row["region_nl"] == FLEMISH_REGION
    )


@cache
def event_types() -> dict[str, Term]:
    """Return the event types by id."""
    rows = _read_csv("data/taxonomy/eventtypes-events.csv")
    return {row["id"]: Term(row["id"], row["label_nl"], "eventtype") for row in rows}


@cache
def place_types() -> dict[str, Term]:
    """Return the place types by id."""
    rows = _read_csv("data/taxonomy/eventtypes-places.csv")
    return {row["id"]: Term(row["id"], row["label_nl"], "eventtype") for row in rows}


@cache
def themes() -> dict[str, Term]:
    """Return the themes by id."""
    rows = _read_csv("data/taxonomy/themes.csv")
    return {row["id"]: Term(row["id"], row["label_nl"], "theme") for row in rows}


@cache
def facilities() -> tuple[Term, ...]:
    """Return the facilities, each id once."""
    seen: dict[str, Term] = {}
    for row in _read_csv("data/taxonomy/facilities.csv"):
        seen.setdefault(row["id"], Term(row["id"], row["label_nl"], "facility"))
    return tuple(seen.values())


@cache
def themes_by_event_type() -> dict[str, tuple[Term, ...]]:
    """Return, per event type id, the themes UiTdatabank allows with it (known themes only)."""
    known = themes()
    allowed: dict[str, list[Term]] = {}
    for row in _read_csv("data/taxonomy/eventtype-theme-combinations.csv"):
        theme = known.get(row["theme_id"])
        if theme is not None:
            allowed.setdefault(row["eventtype_id"], []).append(theme)
    return {type_id: tuple(terms) for type_id, terms in allowed.items()}
