"""EDM RDF/XML output: valid against Europeana's XSD for demo and real objects, and faithful."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cultuurhub.demo import generate
from cultuurhub.formats import EdmContext, edm_bytes, edm_element, map_edm, parse_xml
from cultuurhub.formats.edm_out import EDM_NAMESPACES, NOT_EVALUATED
from cultuurhub.ingest import EdmReader, LidoReader, Limits, SourceRecord
from cultuurhub.model import RecordType, parse_record, to_document
from tests.conftest import shared_data

NS = EDM_NAMESPACES
URI = "https://hub.example.be/objects/8b2d977f-0891-4a3a-809f-855d78571313"
CONTEXT = EdmContext(URI, "cultuurhub", "Musea Brugge")
EDM_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "heritage" / "edm"
LIDO_FILES = (
    "groeningemuseum-0000_GRO1561_I-LIDO.xml",
    "vlaamsekunstcollectie-kmska_lido.xml",
    "vlaamsekunstcollectie-vkc_lido.xml",
    "nfdi4objects-minimaldatensatz.xml",
)
# nfdi4objects' "La Primavera" example is left out: its images carry rights URIs the import
# refuses (not RightsStatements.org or Creative Commons), so it never reaches the store.


@cache
def _edm_schema() -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.parse(str(shared_data("heritage/schemas/europeana-edm-xsd/EDM.xsd")))
    )


def assert_valid_edm(element: etree._Element) -> None:
    """Validate against the EDM XSD, and check the schematron rules XSLT 1 cannot run."""
    schema = _edm_schema()
    assert schema.validate(element), str(schema.error_log)
    for cho in element.findall("edm:ProvidedCHO", NS):
        assert cho.find("dc:title", NS) is not None or cho.find("dc:description", NS) is not None
        linked = ("dc:subject", "dc:type", "dcterms:temporal", "dcterms:spatial")
        assert any(cho.find(name, NS) is not None for name in linked)
    for aggregation in element.findall("ore:Aggregation", NS):
        shown = [aggregation.find(f"edm:{name}", NS) for name in ("isShownAt", "isShownBy")]
        assert any(e is not None and e.get(f"{{{NS['rdf']}}}resource") for e in shown)
        assert (aggregation.findtext("edm:dataProvider", namespaces=NS) or "").strip()
        assert (aggregation.findtext("edm:provider", namespaces=NS) or "").strip()


def _demo_objects(size: int = 900) -> Iterator[dict[str, Any]]:
    for record in generate(size, seed=2026):
        if record.type == "object":
            yield to_document(parse_record(RecordType.OBJECT, record.document))


def _imported(reader: LidoReader | EdmReader, data: bytes, name: str) -> list[dict[str, Any]]:
    records = [i for i in reader.read(data, name, Limits()) if isinstance(i, SourceRecord)]
    return [to_document(parse_record(RecordType.OBJECT, r.document)) for r in records]


def _about(element: etree._Element) -> str:
    return str(element.get(f"{{{NS['rdf']}}}about"))


def _resource(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{{{NS['rdf']}}}resource")


# --- validity -------------------------------------------------------------------------------


def test_every_demo_object_is_valid_edm() -> None:
    documents = list(_demo_objects())
    assert len(documents) > 150
    for number, document in enumerate(documents):
        assert_valid_edm(edm_element(document, EdmContext(f"{URI}-{number}", "cultuurhub")))


@pytest.mark.parametrize("name", LIDO_FILES)
def test_real_lido_records_imported_then_published_are_valid_edm(name: str) -> None:
    data = shared_data(f"heritage/lido/{name}").read_bytes()
    documents = _imported(LidoReader(), data, name)
    assert documents, "the LIDO reader should give at least one object"
    for document in documents:
        element = edm_element(document, CONTEXT)
        assert_valid_edm(element)
        titles = element.findall("edm:ProvidedCHO/dc:title", NS)
        assert {t.text for t in titles} == set(document["title"].values())


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            "Item_35834473.xml",
            marks=pytest.mark.xfail(
                strict=True,
                reason="its rights URIs are not RightsStatements.org or Creative Commons "
                "statements and its image URL is malformed, so the model refuses the record",
            ),
        ),
        "rdf_with_iiif_sample.xml",
        "europeana_record_edm_external_sorted.xml",
    ],
)
def test_real_edm_records_imported_then_published_are_valid_edm(name: str) -> None:
    documents = _imported(EdmReader(), (EDM_FIXTURES / name).read_bytes(), name)
    assert documents
    for document in documents:
        assert_valid_edm(edm_element(document, CONTEXT))


def _iiif_sample() -> dict[str, Any]:
    """Europeana's IIIF sample as the EDM reader maps it, less its two unlabelled subjects."""
    data = (EDM_FIXTURES / "rdf_with_iiif_sample.xml").read_bytes()
    [record] = [i for i in EdmReader().read(data, "x", Limits()) if isinstance(i, SourceRecord)]
    document = {key: value for key, value in record.document.items() if key != "subjects"}
    return to_document(parse_record(RecordType.OBJECT, document))


def test_iiif_sample_keeps_its_service_and_resource_rights() -> None:
    root = edm_element(_iiif_sample(), CONTEXT)
    assert_valid_edm(root)
    [first, second] = root.findall("edm:WebResource", NS)
    service = _resource(first.find("svcs:has_service", NS))
    assert service == "https://stacks.stanford.edu/image/iiif/zw031pj2507/zw031pj2507_0001"
    [described] = [s for s in root.findall("svcs:Service", NS) if _about(s) == service]
    assert _resource(described.find("dcterms:conformsTo", NS)) == "http://iiif.io/api/image"
    assert _resource(first.find("edm:rights", NS)) == "http://rightsstatements.org/vocab/CNE/1.0/"
    aggregation = root.find("ore:Aggregation", NS)
    assert aggregation is not None
    assert _resource(aggregation.find("edm:isShownBy", NS)) == _about(first)
    assert [_resource(e) for e in aggregation.findall("edm:hasView", NS)] == [_about(second)]


# --- content --------------------------------------------------------------------------------

OBJECT: dict[str, Any] = {
    "@type": "HeritageObject",
    "mainLanguage": "nl",
    "title": {"nl": "Portret van Margareta van Eyck", "en": "Portrait of Margaret van Eyck"},
    "description": {"nl": "Olieverf op paneel."},
    "objectType": [
        {"@id": "http://vocab.getty.edu/aat/300033618", "prefLabel": {"nl": "schilderij"}}
    ],
    "objectNumber": "0000.GRO0162.I",
    "creators": [
        {"role": "schilder",
         "agent": {"@type": "Person", "name": "Jan van Eyck", "birthDate": "1390",
                   "deathDate": "1441",
                   "sameAs": ["http://vocab.getty.edu/ulan/500115178",
                              "https://www.wikidata.org/wiki/Q102272"]}},
        {"agent": {"@type": "Group", "name": "Atelier Van Eyck", "birthDate": "1420"}},
    ],
    "productionDate": {"edtf": "1439", "display": "1439"},
    "materials": [{"prefLabel": {"nl": "olieverf"}}],
    "techniques": [{"prefLabel": {"nl": "schilderen"}}],
    "dimensions": [{"type": "hoogte", "value": 41.2, "unit": "cm"}],
    "subjects": [{"@id": "http://iconclass.org/61B2", "scheme": "http://iconclass.org/",
                  "prefLabel": {"nl": "portret", "en": "portrait"}}],
    "places": [{"name": "Brugge", "sameAs": ["https://www.geonames.org/2800931",
                                             "http://www.wikidata.org/entity/Q12994"]},
               {"name": "Vlaanderen"}],
    "holder": {"name": "Musea Brugge - Groeningemuseum"},
    "webResources": [
        {"url": "https://images.example.be/gro0162.jpg", "mimeType": "image/jpeg",
         "iiifService": "https://iiif.example.be/iiif/2/gro0162",
         "rights": "http://creativecommons.org/publicdomain/mark/1.0/"},
        {"url": "https://images.example.be/gro0162-back.jpg", "mimeType": "image/jpeg"},
    ],
    "rights": "http://creativecommons.org/publicdomain/mark/1.0/",
    "provenance": [{"date": "1769", "description": {"nl": "Geschonken door Pieter van Lede."}}],
    "labels": [],
}  # fmt: skip


def _object(**changes: Any) -> dict[str, Any]:
    document = {**OBJECT, **changes}
    return to_document(parse_record(RecordType.OBJECT, document))


def test_the_provided_cho_carries_the_descriptive_fields() -> None:
    root = edm_element(_object(), CONTEXT)
    assert_valid_edm(root)
    cho = root.find("edm:ProvidedCHO", NS)
    assert cho is not None and _about(cho) == URI
    titles = {
        t.get("{http://www.w3.org/XML/1998/namespace}lang"): t.text
        for t in cho.findall("dc:title", NS)
    }
    assert titles == {"nl": "Portret van Margareta van Eyck", "en": "Portrait of Margaret van Eyck"}
    assert cho.findtext("dc:identifier", namespaces=NS) == "0000.GRO0162.I"
    assert _resource(cho.find("dc:type", NS)) == "http://vocab.getty.edu/aat/300033618"
    assert cho.findtext("dcterms:medium", namespaces=NS) == "olieverf"
    assert cho.findtext("dc:format", namespaces=NS) == "schilderen"
    assert cho.findtext("dcterms:extent", namespaces=NS) == "hoogte: 41.2 cm"
    assert (
        cho.findtext("dcterms:provenance", namespaces=NS)
        == "1769: Geschonken door Pieter van Lede."
    )
    assert cho.findtext("edm:type", namespaces=NS) == "IMAGE"
    span = root.find("edm:TimeSpan", NS)
    assert span is not None and _resource(cho.find("dcterms:created", NS)) == _about(span)
    assert span.findtext("edm:begin", namespaces=NS) == "1439-01-01"
    assert span.findtext("edm:end", namespaces=NS) == "1439-12-31"


def test_agents_have_life_dates_and_authority_links() -> None:
    root = edm_element(_object(), CONTEXT)
    agents = {a.findtext("skos:prefLabel", namespaces=NS): a for a in root.findall("edm:Agent", NS)}
    eyck = agents["Jan van Eyck"]
    assert _about(eyck) == "http://vocab.getty.edu/ulan/500115178"
    assert eyck.findtext("rdaGr2:dateOfBirth", namespaces=NS) == "1390"
    assert eyck.findtext("rdaGr2:dateOfDeath", namespaces=NS) == "1441"
    assert [_resource(e) for e in eyck.findall("owl:sameAs", NS)] == [
        "https://www.wikidata.org/wiki/Q102272"
    ]
    workshop = agents["Atelier Van Eyck"]
    assert _about(workshop) == f"{URI}#agent-2"
    assert workshop.findtext("rdaGr2:dateOfEstablishment", namespaces=NS) == "1420"
    cho = root.find("edm:ProvidedCHO", NS)
    assert cho is not None
    assert [_resource(e) for e in cho.findall("dc:creator", NS)] == [_about(eyck), _about(workshop)]


def test_concepts_places_and_web_resources() -> None:
    root = edm_element(_object(), CONTEXT)
    concepts = {_about(c): c for c in root.findall("skos:Concept", NS)}
    portrait = concepts["http://iconclass.org/61B2"]
    assert {p.text for p in portrait.findall("skos:prefLabel", NS)} == {"portret", "portrait"}
    assert _resource(portrait.find("skos:inScheme", NS)) == "http://iconclass.org/"
    places = {
        _about(p): p.findtext("skos:prefLabel", namespaces=NS)
        for p in root.findall("edm:Place", NS)
    }
    assert places == {"https://www.geonames.org/2800931": "Brugge", f"{URI}#place-2": "Vlaanderen"}
    aggregation = root.find("ore:Aggregation", NS)
    assert aggregation is not None
    assert (
        aggregation.findtext("edm:dataProvider", namespaces=NS) == "Musea Brugge - Groeningemuseum"
    )
    assert aggregation.findtext("edm:provider", namespaces=NS) == "cultuurhub"
    assert _resource(aggregation.find("edm:isShownAt", NS)) == URI
    assert _resource(aggregation.find("edm:object", NS)) == "https://images.example.be/gro0162.jpg"
    rights = {
        _about(w): _resource(w.find("edm:rights", NS)) for w in root.findall("edm:WebResource", NS)
    }
    # the second image has no statement of its own: it takes the object's
    assert set(rights.values()) == {"http://creativecommons.org/publicdomain/mark/1.0/"}


def test_missing_rights_and_holder_are_filled_from_the_context() -> None:
    document = _object(rights=None, holder=None, webResources=[])
    root = edm_element(document, EdmContext(URI, "cultuurhub", "Stad Brugge"))
    assert_valid_edm(root)
    aggregation = root.find("ore:Aggregation", NS)
    assert aggregation is not None
    assert _resource(aggregation.find("edm:rights", NS)) == NOT_EVALUATED
    assert aggregation.findtext("edm:dataProvider", namespaces=NS) == "Stad Brugge"
    assert aggregation.find("edm:isShownBy", NS) is None


def test_a_text_object_names_its_language() -> None:
    resources = [{"url": "https://example.be/brief.pdf", "mimeType": "application/pdf"}]
    root = edm_element(_object(webResources=resources, mainLanguage="nl"), CONTEXT)
    assert_valid_edm(root)
    assert root.findtext("edm:ProvidedCHO/edm:type", namespaces=NS) == "TEXT"
    assert root.findtext("edm:ProvidedCHO/dc:language", namespaces=NS) == "nl"


def test_edm_reads_back_through_the_edm_importer() -> None:
    original = _object()
    [mapped] = list(map_edm(parse_xml(edm_bytes(original, CONTEXT))))
    again = mapped.document
    assert again["title"] == original["title"]
    assert again["objectNumber"] == original["objectNumber"]
    assert again["rights"] == original["rights"]
    assert again["holder"] == {"name": "Musea Brugge - Groeningemuseum"}
    eyck = again["creators"][0]["agent"]
    assert (eyck["name"], eyck["birthDate"], eyck["deathDate"]) == ("Jan van Eyck", "1390", "1441")
    assert eyck["sameAs"] == original["creators"][0]["agent"]["sameAs"]
    assert again["subjects"] == [{"@id": "http://iconclass.org/61B2",
                                  "prefLabel": {"nl": "portret", "en": "portrait"}}]  # fmt: skip
    assert again["materials"] == [{"prefLabel": {"nl": "olieverf"}}]
    assert [p["name"] for p in again["places"]] == ["Brugge", "Vlaanderen"]
    assert again["places"][0]["sameAs"] == original["places"][0]["sameAs"]
    assert [(r["url"], r.get("iiifService"), r["rights"]) for r in again["webResources"]] == [
        (r["url"], r.get("iiifService"), original["rights"]) for r in original["webResources"]
    ]
    parse_record(RecordType.OBJECT, again)  # and it is a valid heritage object again
