"""EDM RDF/XML crosswalk against Europeana's own test records."""

from __future__ import annotations

from pathlib import Path

from cultuurhub.formats.dublin_core import MappedRecord
from cultuurhub.formats.edm import map_edm
from cultuurhub.formats.xml_safety import parse_xml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "heritage" / "edm"


def _map(name: str) -> list[MappedRecord]:
    return list(map_edm(parse_xml((FIXTURES / name).read_bytes())))


def test_iiif_sample_gives_web_resources_with_services_and_rights() -> None:
    [record] = _map("rdf_with_iiif_sample.xml")
    doc = record.document
    assert record.source_id == "H-0614"
    assert doc["mainLanguage"] == "en"
    assert doc["rights"] == "http://rightsstatements.org/vocab/CNE/1.0/"
    assert doc["productionDate"] == {"edtf": "1946-07-12", "display": "1946-07-12"}
    first, second = doc["webResources"]
    assert first["iiifService"].endswith("zw031pj2507_0001")
    assert first["mimeType"] == "image/jpeg"
    assert second["rights"] == doc["rights"]  # inherited from the aggregation
    assert doc["holder"] == {"name": "International Military Tribunal at Nuremberg"}


def test_contextual_place_and_concepts() -> None:
    [record] = _map("europeana_record_edm_external_sorted.xml")
    doc = record.document
    assert doc["places"] == [{"name": "Skara Brae"}]
    assert {"@id": "http://vocab.getty.edu/aat/300008372"} in doc["subjects"]
    assert doc["rights"] == "http://rightsstatements.org/vocab/InC/1.0/"


def test_unresolved_creator_link_is_noted_and_literals_kept() -> None:
    [record] = _map("Item_35834473.xml")
    names = [c["agent"]["name"] for c in record.document["creators"]]
    assert "Paul Gauguin" in names
    assert any(n.field == "creators" for n in record.notes)
    assert record.document["productionDate"]["edtf"] == "1899"


def test_agent_timespan_and_proxy() -> None:
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns:edm="http://www.europeana.eu/schemas/edm/" xmlns:ore="http://www.openarchives.org/ore/terms/"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
      xmlns:skos="http://www.w3.org/2004/02/skos/core#" xmlns:rdaGr2="http://rdvocab.info/ElementsGr2/"
      xmlns:owl="http://www.w3.org/2002/07/owl#">
      <edm:ProvidedCHO rdf:about="urn:cho:1"/>
      <ore:Proxy rdf:about="urn:proxy:1"><ore:proxyFor rdf:resource="urn:cho:1"/>
        <dc:title xml:lang="nl">Aanbidding van het Lam Gods</dc:title>
        <dc:creator rdf:resource="http://vocab.getty.edu/ulan/500115178"/>
        <dcterms:created rdf:resource="urn:time:1"/>
      </ore:Proxy>
      <edm:Agent rdf:about="http://vocab.getty.edu/ulan/500115178">
        <skos:prefLabel xml:lang="nl">Jan van Eyck</skos:prefLabel>
        <rdaGr2:dateOfBirth>1390</rdaGr2:dateOfBirth><rdaGr2:dateOfDeath>1441</rdaGr2:dateOfDeath>
      </edm:Agent>
      <edm:TimeSpan rdf:about="urn:time:1"><skos:prefLabel>1432</skos:prefLabel>
        <edm:begin>1432</edm:begin><edm:end>1432</edm:end></edm:TimeSpan>
      <ore:Aggregation rdf:about="urn:agg:1"><edm:aggregatedCHO rdf:resource="urn:cho:1"/>
        <edm:rights rdf:resource="https://creativecommons.org/publicdomain/mark/1.0"/></ore:Aggregation>
    </rdf:RDF>"""
    [record] = map_edm(parse_xml(rdf))
    doc = record.document
    assert doc["title"] == {"nl": "Aanbidding van het Lam Gods"}
    assert doc["creators"] == [
        {
            "agent": {
                "@type": "Person",
                "name": "Jan van Eyck",
                "birthDate": "1390",
                "deathDate": "1441",
                "sameAs": ["http://vocab.getty.edu/ulan/500115178"],
            }
        }
    ]
    assert doc["productionDate"] == {"edtf": "1432", "display": "1432"}
    assert doc["rights"] == "http://creativecommons.org/publicdomain/mark/1.0/"
