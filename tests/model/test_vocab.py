"""Taxonomy, municipalities, postcodes and mergers shipped with the model."""

from __future__ import annotations

from cultuurhub.model import (
    flemish_municipalities,
    municipalities,
    municipality_for_postcode,
    nis_2025,
    postcode_municipalities,
    taxonomy,
    term,
)


def test_285_flemish_municipalities() -> None:
    assert len(flemish_municipalities()) == 285
    assert len(municipalities()) == 565


def test_merger_2020_to_2025() -> None:
    assert nis_2025("11007") == "11002"  # Borsbeek -> Antwerpen
    assert nis_2025("23024") == "23106"  # Gooik -> Pajottegem
    assert nis_2025("44021") == "44021"  # Gent: unchanged


def test_postcode_covering_several_municipalities() -> None:
    # 1730 (Asse, with localities of Ternat, Wemmel and Merchtem in the bpost list)
    codes = postcode_municipalities("1730")
    assert codes[0] == "23002"
    assert len(codes) > 1


def test_postcode_of_merged_municipality() -> None:
    assert postcode_municipalities("2150") == ["11002"]  # Borsbeek is Antwerpen since 2025
    assert municipality_for_postcode("9000") == "44021"
    assert municipality_for_postcode("0000") is None


def test_taxonomy_lookup() -> None:
    concert = term("0.50.4.0.0")
    assert concert is not None and concert.label == "Concert" and concert.domain == "eventtype"
    assert len(taxonomy().event_types) == 21
    assert len(taxonomy().place_types) == 19
    assert term("does-not-exist") is None
