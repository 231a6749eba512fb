"""LIDO 1.0/1.1 crosswalk against real Flemish and German records."""

from __future__ import annotations

from typing import Any

from cultuurhub.formats.dublin_core import MappedRecord, is_valid_edtf
from cultuurhub.formats.lido import map_lido
from cultuurhub.formats.xml_safety import parse_xml
from tests.conftest import shared_data


def _map(name: str) -> MappedRecord:
    return map_lido(parse_xml(shared_data(f"heritage/lido/{name}").read_bytes()))


def _warnings(record: MappedRecord) -> set[str]:
    return {note.field for note in record.notes if note.severity == "warning"}


def test_groeningemuseum_record() -> None:
    record = _map("groeningemuseum-0000_GRO1561_I-LIDO.xml")
    doc: dict[str, Any] = record.document
    assert record.source_id == "groeningemuseum:0000_GRO1561_I"
    assert doc["title"] == {"nl": "Johannes predikt tot de menigte"}
    assert doc["objectNumber"] == "0000.GRO1561.I"
    assert doc["holder"] == {"name": "Musea Brugge - Groeningemuseum"}
    assert doc["objectType"][0]["@id"] == "http://vocab.getty.edu/aat/300033799"
    first = doc["creators"][0]
    assert first["role"] == "kopie naar"
    assert first["agent"]["birthDate"] == "1526"
    assert first["agent"]["deathDate"] == "1569-09-05"
    assert "https://rkd.nl/explore/artists/13292" in first["agent"]["sameAs"]
    assert doc["productionDate"] == {"edtf": "1601~/1620~", "display": "circa 1601 - circa 1620"}
    assert {m["prefLabel"]["nl"] for m in doc["materials"]} == {"olieverf", "eikenhout"}
    assert {"type": "hoogte (met lijst)", "value": 145.5, "unit": "cm"} in doc["dimensions"]
    assert doc["webResources"][0]["url"].endswith("representation/0000_GRO1561_I")
    assert "rights" in _warnings(record)  # the export carries no rights statement at all


def test_kmska_record_reads_zero_date_as_unknown() -> None:
    record = _map("vlaamsekunstcollectie-kmska_lido.xml")
    doc = record.document
    assert doc["creators"][0] == {
        "role": "schilder",
        "agent": {
            "@type": "Person",
            "name": "Ludolf Backhuysen",
            "sameAs": ["http://viaf.org/viaf/40185031", "https://rkd.nl/explore/artists/3414"],
        },
    }
    assert "productionDate" not in doc
    assert "productionDate" in _warnings(record)
    assert doc["subjects"] == [{"prefLabel": {"nl": "Zeegezichten"}}]


def test_vkc_record() -> None:
    doc = _map("vlaamsekunstcollectie-vkc_lido.xml").document
    assert doc["title"] == {"nl": "Les trois jours (De drie dagen)"}
    assert doc["productionDate"] == {"edtf": "1959"}
    assert doc["creators"][0]["agent"]["name"] == "Pierre Alechinsky"
    assert {"type": "hoogte", "value": 136.0, "unit": "cm"} in doc["dimensions"]


def test_lido_1_1_skos_concepts_rights_and_languages() -> None:
    record = _map("nfdi4objects-LIDO-v1.1-Example_FMobj00154983-LaPrimavera.xml")
    doc = record.document
    assert doc["mainLanguage"] == "de"
    assert doc["title"]["de"] == "Der Frühling"
    assert doc["title"]["en"] == "Spring"
    assert "it" not in doc["title"] and "title" in _warnings(record)
    assert doc["rights"] == "http://rightsstatements.org/vocab/NoC-OKLR/1.0/"
    painter = doc["creators"][0]
    assert painter["role"] == "Maler"
    assert "http://vocab.getty.edu/ulan/500015254" in painter["agent"]["sameAs"]
    assert doc["productionDate"]["edtf"] == "1480/1485"
    assert doc["techniques"][0]["@id"] == "http://vocab.getty.edu/aat/300178675"
    assert any(entry.get("date") == "1919" for entry in doc["provenance"])
    assert all(r.get("rights") for r in doc["webResources"])


def test_minimal_german_record() -> None:
    doc = _map("nfdi4objects-minimaldatensatz.xml").document
    assert doc["rights"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert doc["productionDate"] == {"edtf": "1596/1605", "display": "um 1600"}
    assert doc["subjects"][0]["scheme"] == "http://iconclass.org/"
    assert doc["places"] == [{"name": "Neapel", "sameAs": ["https://sws.geonames.org/3172394/"]}]
    assert len(doc["webResources"]) == 3


def test_every_date_in_real_records_is_valid_edtf() -> None:
    names = [
        "groeningemuseum-0000_GRO1561_I-LIDO.xml",
        "nfdi4objects-LIDO-v1.1-Example_FMobj00154983-LaPrimavera.xml",
        "nfdi4objects-minimaldatensatz.xml",
        "vlaamsekunstcollectie-vkc_lido.xml",
    ]
    for name in names:
        doc = _map(name).document
        dates = [doc["productionDate"]["edtf"]]
        dates += [
            c["agent"][k]
            for c in doc["creators"]
            for k in ("birthDate", "deathDate")
            if k in c["agent"]
        ]
        assert all(is_valid_edtf(d) for d in dates), (name, dates)


def test_record_without_id_is_an_error() -> None:
    lido = b'<lido xmlns="http://www.lido-schema.org"><descriptiveMetadata xml:lang="fr"/></lido>'
    record = map_lido(parse_xml(lido))
    assert record.source_id is None
    assert any(n.severity == "error" and n.field == "lidoRecID" for n in record.notes)
    assert record.document["mainLanguage"] == "fr"
