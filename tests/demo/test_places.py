"""Places and organizers: real Flemish municipalities, spread by population."""

from __future__ import annotations

import csv
import io
from collections import Counter
from importlib import resources
from statistics import correlation

from cultuurhub.demo import DemoRecord, generate


def _municipalities() -> dict[str, dict[str, str]]:
    text = (
        resources.files("cultuurhub.model")
        .joinpath("data/geo/municipalities-2025.csv")
        .read_text(encoding="utf-8")
    )
    return {row["nis_code_2025"]: row for row in csv.DictReader(io.StringIO(text))}


def _place_types() -> set[str]:
    text = (
        resources.files("cultuurhub.model")
        .joinpath("data/taxonomy/eventtypes-places.csv")
        .read_text(encoding="utf-8")
    )
    return {row["id"] for row in csv.DictReader(io.StringIO(text))}


def test_places_are_in_flemish_municipalities_with_real_postcodes(
    by_type: dict[str, list[DemoRecord]],
) -> None:
    towns = _municipalities()
    for record in by_type["place"]:
        document = record.document
        town = towns[document["municipalityNis"]]
        assert town["region_nl"] == "Vlaams Gewest"
        address = document["address"]["nl"]
        assert address["addressLocality"] == town["name_nl"]
        assert address["postalCode"] == town["main_postcode"]
        assert abs(document["geo"]["latitude"] - float(town["lat"])) < 0.06
        assert abs(document["geo"]["longitude"] - float(town["lng"])) < 0.08
        assert isinstance(document["capacity"], int) and document["capacity"] > 0


def test_organizers_are_in_flemish_municipalities(by_type: dict[str, list[DemoRecord]]) -> None:
    flemish = {
        row["name_nl"] for row in _municipalities().values() if row["region_nl"] == "Vlaams Gewest"
    }
    for record in by_type["organizer"]:
        assert record.document["address"]["nl"]["addressLocality"] in flemish
        assert record.document["url"].startswith("https://")


def test_place_types_are_real_taxonomy_terms(by_type: dict[str, list[DemoRecord]]) -> None:
    known = _place_types()
    for record in by_type["place"]:
        types = [term for term in record.document["terms"] if term["domain"] == "eventtype"]
        assert len(types) == 1 and types[0]["id"] in known


def test_places_follow_population() -> None:
    towns = _municipalities()
    places = [r.document for r in generate(30_000) if r.type == "place"]
    per_town = Counter(place["municipalityNis"] for place in places)
    ranking = [nis for nis, _ in per_town.most_common(2)]
    assert [towns[nis]["name_nl"] for nis in ranking] == ["Antwerpen", "Gent"]
    flemish = [nis for nis, row in towns.items() if row["region_nl"] == "Vlaams Gewest"]
    population = [float(towns[nis]["population_2020_summed"]) for nis in flemish]
    assert correlation(population, [float(per_town[nis]) for nis in flemish]) > 0.8
    assert len(per_town) > 200  # small towns get places too


def test_places_have_opening_hours_or_are_permanent(by_type: dict[str, list[DemoRecord]]) -> None:
    calendars = Counter(record.document["calendarType"] for record in by_type["place"])
    assert set(calendars) <= {"permanent", "periodic"}
    for record in by_type["place"]:
        if record.document["calendarType"] == "periodic":
            assert record.document["openingHours"]
