"""Controlled vocabularies shipped with the package: UiTdatabank taxonomy and Belgian geography.

Everything is read once from ``cultuurhub/model/data`` (see its README) and cached.

Postcode to municipality is *derived*, because no shipped file links the two directly:

1. the main postcode of a 2025 municipality counts for that municipality;
2. every locality of the bpost list is assigned to the nearest 2020 town centre (mapped to
   2025) among towns whose main postcode starts with the same digit (the postcode's province
   block). A locality more than 15 km from the median of its postcode's localities, or 12 km
   from every candidate centre, is taken for a geocoding error and has no vote.

A postcode maps to the municipalities it gets from either rule: the one from rule 1 first, then
the others by how many of its localities fell to them. Rule 2 is a geographic estimate: a
locality near a border can land in the neighbour, so treat later entries as "possibly".
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

_MAX_LOCALITY_KM = 12.0
_MAX_SPREAD_KM = 15.0


class Term(BaseModel):
    """A taxonomy term: UiTdatabank id, Dutch label and domain (eventtype, theme, facility...)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    label: str | None = None
    domain: str | None = None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The UiTdatabank taxonomy, with lookups by term id."""

    event_types: dict[str, Term]
    place_types: dict[str, Term]
    themes: dict[str, Term]
    facilities: dict[str, Term]
    type_themes: frozenset[tuple[str, str]]
    uitpas_labels: dict[str, str]

    def term(self, term_id: str) -> Term | None:
        """Return the term with this id from any part of the taxonomy."""
        for part in (self.event_types, self.place_types, self.themes, self.facilities):
            if term_id in part:
                return part[term_id]
        return None


@dataclass(frozen=True, slots=True)
class Municipality:
    """A Belgian municipality as it is since the mergers of 1 January 2025."""

    nis: str
    name: str
    province: str
    region: str
    population: int
    main_postcode: str
    latitude: float
    longitude: float
    merged_from: tuple[str, ...]

    @property
    def flemish(self) -> bool:
        """Tell whether the municipality lies in the Flemish Region."""
        return self.region == "Vlaams Gewest"


def _read(relative: str) -> str:
    return resources.files("cultuurhub.model").joinpath("data", relative).read_text("utf-8")


def _rows(relative: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_read(relative))))


def _terms(relative: str, domain: str) -> dict[str, Term]:
    return {
        row["id"]: Term(id=row["id"], label=row["label_nl"], domain=domain)
        for row in _rows(f"taxonomy/{relative}")
    }


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """Return the UiTdatabank taxonomy (read once)."""
    combinations = _rows("taxonomy/eventtype-theme-combinations.csv")
    return Taxonomy(
        event_types=_terms("eventtypes-events.csv", "eventtype"),
        place_types=_terms("eventtypes-places.csv", "eventtype"),
        themes=_terms("themes.csv", "theme"),
        facilities=_terms("facilities.csv", "facility"),
        type_themes=frozenset((row["eventtype_id"], row["theme_id"]) for row in combinations),
        uitpas_labels=json.loads(_read("taxonomy/uitpas-cardsystem-labels.json")),
    )


def term(term_id: str) -> Term | None:
    """Return the taxonomy term with this id, or None when the taxonomy does not know it."""
    return taxonomy().term(term_id)


@lru_cache(maxsize=1)
def municipalities() -> dict[str, Municipality]:
    """Return the 565 municipalities of 2025 by NIS code."""
    return {
        row["nis_code_2025"]: _municipality(row) for row in _rows("geo/municipalities-2025.csv")
    }


def _municipality(row: dict[str, str]) -> Municipality:
    merged = tuple(code for code in row["merged_from_nis_2020"].split("+") if code)
    return Municipality(
        nis=row["nis_code_2025"],
        name=row["name_nl"],
        province=row["province_nl"],
        region=row["region_nl"],
        population=int(row["population_2020_summed"]),
        main_postcode=row["main_postcode"],
        latitude=float(row["lat"]),
        longitude=float(row["lng"]),
        merged_from=merged,
    )


def flemish_municipalities() -> list[Municipality]:
    """Return the 285 municipalities of the Flemish Region, by NIS code."""
    return [town for town in municipalities().values() if town.flemish]


@lru_cache(maxsize=1)
def _mergers() -> dict[str, str]:
    code = re.compile(r"\((\d{5})\)")
    mapping: dict[str, str] = {}
    for line in _read("geo/mergers-2025.tsv").splitlines()[1:]:
        if "\t" not in line:
            continue
        old, new = line.split("\t", 1)
        new_codes = code.findall(new)
        for old_code in code.findall(old):
            mapping[old_code] = new_codes[0]
    return mapping


def nis_2025(code_2020: str) -> str:
    """Return the 2025 NIS code of a 2020 municipality (unchanged unless it merged)."""
    return _mergers().get(code_2020, code_2020)


def _distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    x = math.radians(lng2 - lng1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


@lru_cache(maxsize=1)
def _postcode_index() -> dict[str, tuple[str, ...]]:
    localities: dict[str, list[tuple[float, float]]] = {}
    for postcode, _name, lng, lat in csv.reader(io.StringIO(_read("geo/postcodes-be.csv"))):
        localities.setdefault(postcode, []).append((float(lat), float(lng)))
    main: dict[str, list[str]] = {}
    for town in municipalities().values():
        main.setdefault(town.main_postcode, []).append(town.nis)
    centres = _reliable_centres(main)
    index: dict[str, tuple[str, ...]] = {}
    for postcode, points in localities.items():
        candidates = [c for c in centres if c[0] == postcode[0]]
        votes = Counter(_nearest(candidates, lat, lng) for lat, lng in _clustered(points))
        ranked = [nis for nis, _ in votes.most_common() if nis]
        index[postcode] = tuple(dict.fromkeys(main.get(postcode, []) + ranked))
    return index


def _reliable_centres(main: dict[str, list[str]]) -> list[tuple[str, str, float, float]]:
    # A 2020 town whose main postcode belongs to another 2025 town was matched to a namesake
    # locality (Moerbeke 44045 got 9500 of Geraardsbergen's Moerbeke): its centre is unreliable.
    centres = []
    for town in _rows("geo/municipalities-2020.csv"):
        nis = nis_2025(town["nis_code"])
        owners = main.get(town["main_postcode"])
        if owners is None or nis in owners:
            centres.append((town["main_postcode"][0], nis, float(town["lat"]), float(town["lng"])))
    return centres


def _clustered(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    # A locality geocoded far from the median of its postcode's localities hit a namesake.
    lat = sorted(p[0] for p in points)[len(points) // 2]
    lng = sorted(p[1] for p in points)[len(points) // 2]
    return [p for p in points if _distance_km(lat, lng, p[0], p[1]) <= _MAX_SPREAD_KM]


def _nearest(centres: list[tuple[str, str, float, float]], lat: float, lng: float) -> str:
    # Localities geocoded far from every candidate centre are geocoding errors: no vote.
    best = min(centres, key=lambda c: _distance_km(lat, lng, c[2], c[3]), default=None)
    if best is None or _distance_km(lat, lng, best[2], best[3]) > _MAX_LOCALITY_KM:
        return ""
    return best[1]


def postcode_municipalities(postcode: str) -> list[str]:
    """Return the 2025 NIS codes of the municipalities a postcode covers, likeliest first."""
    return list(_postcode_index().get(postcode.strip(), ()))


def municipality_for_postcode(postcode: str) -> str | None:
    """Return the likeliest 2025 NIS code for a Belgian postcode, or None when unknown."""
    codes = _postcode_index().get(postcode.strip())
    return codes[0] if codes else None
