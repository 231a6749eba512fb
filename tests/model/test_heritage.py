"""Heritage objects, agents and concepts (EDM/LIDO core)."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from cultuurhub.model import HeritageObject, InvalidRecord, parse_record, to_document

MADONNA: dict[str, Any] = {
    "@id": "https://hub.example/objects/0b6f2a53-3f1e-4a8e-9c55-3c1f0d1e2a10",
    "@type": "HeritageObject",
    "mainLanguage": "nl",
    "title": {"nl": "De Madonna met kanunnik Joris van der Paele"},
    "objectType": [
        {"@id": "http://vocab.getty.edu/aat/300033618", "prefLabel": {"nl": "schilderij"}}
    ],
    "objectNumber": "0000.GRO0161.I",
    "creators": [
        {
            "role": "schilder",
            "agent": {
                "@type": "Person",
                "name": "Jan van Eyck",
                "birthDate": "1390",
                "deathDate": "1441",
                "sameAs": ["http://vocab.getty.edu/ulan/500115178"],
            },
        }
    ],
    "productionDate": {"edtf": "1434/1436", "display": "1434-1436"},
    "materials": [{"prefLabel": {"nl": "olieverf"}}],
    "dimensions": [{"type": "hoogte", "value": 122.1, "unit": "cm"}],
    "subjects": [
        {
            "prefLabel": {"nl": "Maria"},
            "scheme": "http://iconclass.org/",
            "@id": "http://iconclass.org/11F",
        }
    ],
    "places": [{"name": "Brugge", "sameAs": ["https://www.geonames.org/2800931"]}],
    "holder": {
        "@id": "https://hub.example/organizers/5cf42d51-3a4f-46f0-a8af-1cf672be8c84",
        "name": "Musea Brugge - Groeningemuseum",
    },
    "webResources": [
        {
            "url": "https://iiif.example/image.jpg",
            "iiifService": "https://iiif.example/iiif/2/abc",
            "rights": "https://creativecommons.org/publicdomain/mark/1.0",
            "mimeType": "image/jpeg",
        }
    ],
    "rights": "http://creativecommons.org/publicdomain/mark/1.0/",
    "provenance": [
        {"date": "1436", "description": {"nl": "Geschonken door kanunnik Joris van der Paele"}}
    ],
    "labels": [],
    "workflowStatus": "APPROVED",
    "created": "2025-01-10T09:00:00+01:00",
    "modified": "2025-01-11T09:00:00+01:00",
}

# Hand-written from groeningemuseum-0000_GRO1561_I-LIDO.xml (../shared/data/heritage/lido).
JOHANNES_PREDIKT: dict[str, Any] = {
    "@type": "HeritageObject",
    "mainLanguage": "nl",
    "title": {"nl": "Johannes predikt tot de menigte", "en": "John the Baptist preaching"},
    "objectType": [
        {
            "@id": "http://vocab.getty.edu/aat/300033799",
            "prefLabel": {"nl": "olieverfschildering"},
            "scheme": "http://vocab.getty.edu/aat/",
        }
    ],
    "objectNumber": "0000.GRO1561.I",
    "creators": [
        {
            "role": "schilder",
            "agent": {
                "@type": "Person",
                "name": "Brueghel, Pieter II",
                "birthDate": "1564-05-23",
                "deathDate": "1638-03",
                "sameAs": [
                    "http://viaf.org/viaf/106974142",
                    "http://www.wikidata.org/wiki/Q255828",
                ],
            },
        }
    ],
    "productionDate": {"edtf": "1601~/1620~", "display": "circa 1601 - circa 1620"},
    "materials": [{"prefLabel": {"nl": "olieverf"}}, {"prefLabel": {"nl": "eikenhout"}}],
    "dimensions": [
        {"type": "hoogte", "value": 118.7, "unit": "cm"},
        {"type": "breedte", "value": 167.5, "unit": "cm"},
        {"type": "gewicht", "value": 29.1, "unit": "kg"},
    ],
    "subjects": [
        {"prefLabel": {"nl": "landschappen"}},
        {"prefLabel": {"nl": "religieuze voorstellingen"}},
    ],
    "holder": {"name": "Musea Brugge - Groeningemuseum"},
    "webResources": [
        {"url": "http://groeningemuseum.be/collection/work/representation/0000_GRO1561_I"}
    ],
    "rights": "https://rightsstatements.org/page/InC/1.0/",
}


def test_round_trip() -> None:
    record = parse_record("object", MADONNA)
    assert parse_record("object", to_document(record)) == record


def test_rights_are_normalised() -> None:
    record = parse_record("object", MADONNA)
    assert isinstance(record, HeritageObject)
    assert record.web_resources[0].rights == "http://creativecommons.org/publicdomain/mark/1.0/"


def test_production_date_bounds_are_derived() -> None:
    record = parse_record("object", MADONNA)
    assert isinstance(record, HeritageObject) and record.production_date is not None
    assert record.production_date.earliest == date(1434, 1, 1)
    assert record.production_date.latest == date(1436, 12, 31)


def test_lido_derived_example() -> None:
    record = parse_record("object", JOHANNES_PREDIKT)
    assert isinstance(record, HeritageObject)
    assert record.rights == "http://rightsstatements.org/vocab/InC/1.0/"
    assert record.creators[0].agent.death_date == "1638-03"
    assert to_document(record)["productionDate"]["earliest"] == "1601-01-01"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(rights="https://example.org/all-rights-reserved"), "rights"),
        (lambda d: d["webResources"][0].update(rights="no"), "webResources[0].rights"),
        (
            lambda d: d["creators"][0]["agent"].update(birthDate="around 1390"),
            "creators[0].agent.birthDate",
        ),
        (lambda d: d.update(productionDate={"edtf": "14th century"}), "productionDate.edtf"),
        (lambda d: d.update(productionDate={"display": " "}), "productionDate.edtf"),
        (lambda d: d.pop("title"), "title"),
    ],
)
def test_invalid_heritage_names_the_field(change: Any, field: str) -> None:
    payload = copy.deepcopy(MADONNA)
    change(payload)
    with pytest.raises(InvalidRecord) as raised:
        parse_record("object", payload)
    assert field in raised.value.fields


def test_agent_and_concept_are_records() -> None:
    agent = parse_record(
        "agent", {"@type": "Group", "name": "Atelier van Rubens", "birthDate": "1610"}
    )
    concept = parse_record(
        "concept", {"prefLabel": {"nl": "schilderij"}, "scheme": "http://vocab.getty.edu/aat/"}
    )
    assert to_document(agent)["@type"] == "Group"
    assert to_document(concept)["prefLabel"] == {"nl": "schilderij"}
    with pytest.raises(InvalidRecord) as raised:
        parse_record("concept", {"prefLabel": {}})
    assert raised.value.fields == ["prefLabel"]


def test_a_dating_kept_as_text_alone_has_no_bounds() -> None:
    payload = {**copy.deepcopy(MADONNA), "productionDate": {"display": "eind 19de eeuw"}}
    dating = to_document(parse_record("object", payload))["productionDate"]
    assert dating == {"display": "eind 19de eeuw"}
