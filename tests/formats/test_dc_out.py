"""oai_dc output for heritage objects and events: only Dublin Core, in order, with the content."""

from __future__ import annotations

from typing import Any

from lxml import etree

from cultuurhub.demo import generate
from cultuurhub.formats import DcContext, event_to_oai_dc, map_oai_dc, object_to_oai_dc
from cultuurhub.formats.dc_out import DC, DC_ELEMENTS, OAI_DC, OAI_DC_SCHEMA
from cultuurhub.model import RecordType, parse_record, to_document
from tests.formats.test_edm_out import OBJECT

URI = "https://hub.example.be/objects/8b2d977f-0891-4a3a-809f-855d78571313"
EVENT_URI = "https://hub.example.be/events/2154868e-d66c-4dc3-9aae-cdb359029996"
PLACE = "https://demo.cultuurhub.be/places/9f0234d7-dd97-4d14-808a-d0505c6529ed"
ORGANIZER = "https://demo.cultuurhub.be/organizers/4b426a7f-5927-43c4-b718-24b19b8217eb"

EVENT: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Cursus aquarelleren voor jongeren", "fr": "Cours d'aquarelle"},
    "description": {"nl": "Een ervaren lesgever begeleidt je in kleine groep."},
    "calendarType": "multiple",
    "subEvent": [
        {"startDate": "2027-02-21T09:30:00+01:00", "endDate": "2027-02-21T11:45:00+01:00"},
        {"startDate": "2027-02-28T09:30:00+01:00", "endDate": "2027-02-28T11:45:00+01:00"},
    ],
    "location": {"@id": PLACE},
    "organizer": {"@id": ORGANIZER},
    "terms": [
        {"id": "0.3.1.0.0", "label": "Lessenreeks", "domain": "eventtype"},
        {"id": "1.0.1.0.0", "label": "Schilderkunst", "domain": "theme"},
    ],
    "mediaObject": [
        {"@id": "https://demo.cultuurhub.be/images/9a38e604-ac28-4330-a23b-ffac75c5e64f",
         "contentUrl": "https://images.demo.cultuurhub.be/9a38e604.jpeg",
         "description": "persfoto", "copyrightHolder": "Marie Lemmens", "inLanguage": "nl"}
    ],
    "workflowStatus": "APPROVED",
}  # fmt: skip


def _values(root: etree._Element, name: str) -> list[str]:
    return [str(e.text) for e in root.findall(f"{{{DC}}}{name}")]


def assert_oai_dc(root: etree._Element) -> None:
    """What oai_dc.xsd asks: the oai_dc:dc root, then only the fifteen DC elements, as text."""
    assert root.tag == f"{{{OAI_DC}}}dc"
    location = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert location == f"{OAI_DC} {OAI_DC_SCHEMA}"
    names = [etree.QName(child).localname for child in root]
    assert all(etree.QName(child).namespace == DC for child in root)
    assert set(names) <= set(DC_ELEMENTS) and names
    assert sorted(names, key=DC_ELEMENTS.index) == names
    assert all(len(child) == 0 and (child.text or "").strip() for child in root)


def test_a_heritage_object_as_oai_dc() -> None:
    document = to_document(parse_record(RecordType.OBJECT, OBJECT))
    root = object_to_oai_dc(document, DcContext(URI, publisher="Stad Brugge"))
    assert_oai_dc(root)
    assert _values(root, "title") == [
        "Portret van Margareta van Eyck",
        "Portrait of Margaret van Eyck",
    ]
    assert _values(root, "creator") == ["Jan van Eyck", "Atelier Van Eyck"]
    assert _values(root, "publisher") == ["Musea Brugge - Groeningemuseum"]
    assert _values(root, "date") == ["1439"]
    assert _values(root, "type") == ["PhysicalObject", "schilderij"]
    assert _values(root, "identifier") == [URI, "0000.GRO0162.I"]
    assert _values(root, "coverage") == ["Brugge", "Vlaanderen"]
    assert _values(root, "rights") == ["http://creativecommons.org/publicdomain/mark/1.0/"]
    assert "hoogte: 41.2 cm" in _values(root, "format")


def test_an_object_without_holder_names_its_owner_as_publisher() -> None:
    document = to_document(parse_record(RecordType.OBJECT, {**OBJECT, "holder": None}))
    root = object_to_oai_dc(document, DcContext(URI, publisher="Stad Brugge"))
    assert _values(root, "publisher") == ["Stad Brugge"]


def test_oai_dc_reads_back_through_the_dc_importer() -> None:
    document = to_document(parse_record(RecordType.OBJECT, OBJECT))
    mapped = map_oai_dc(object_to_oai_dc(document, DcContext(URI)))
    assert mapped.document["title"] == document["title"]
    assert [c["agent"]["name"] for c in mapped.document["creators"]] == [
        "Jan van Eyck",
        "Atelier Van Eyck",
    ]


def test_an_event_as_oai_dc_with_its_place_and_organiser_named() -> None:
    document = to_document(parse_record(RecordType.EVENT, EVENT))
    names = {PLACE: "CC De Werf", ORGANIZER: "Cultuurcentrum Brugge"}
    root = event_to_oai_dc(document, DcContext(EVENT_URI, names, "Stad Brugge"))
    assert_oai_dc(root)
    assert _values(root, "title") == ["Cursus aquarelleren voor jongeren", "Cours d'aquarelle"]
    assert _values(root, "subject") == ["Schilderkunst"]
    assert _values(root, "publisher") == ["Cultuurcentrum Brugge"]
    assert _values(root, "date") == [
        "2027-02-21T09:30:00+01:00/2027-02-21T11:45:00+01:00",
        "2027-02-28T09:30:00+01:00/2027-02-28T11:45:00+01:00",
    ]
    assert _values(root, "type") == ["Event", "Lessenreeks"]
    assert _values(root, "identifier") == [EVENT_URI]
    assert _values(root, "coverage") == ["CC De Werf"]
    assert _values(root, "rights") == ["© Marie Lemmens"]


def test_an_embedded_location_gives_name_and_town() -> None:
    location = {
        "@id": PLACE,
        "name": {"nl": "Concertgebouw"},
        "address": {"nl": {"addressLocality": "Brugge", "postalCode": "8000",
                           "streetAddress": "'t Zand 34", "addressCountry": "BE"}},
    }  # fmt: skip
    document = to_document(parse_record(RecordType.EVENT, {**EVENT, "location": location}))
    root = event_to_oai_dc(document, DcContext(EVENT_URI))
    assert _values(root, "coverage") == ["Concertgebouw, Brugge"]
    assert _values(root, "publisher") == []  # nobody named: no organiser name, no owner given


def test_every_demo_event_and_object_is_well_formed_oai_dc() -> None:
    count = 0
    for record in generate(400, seed=7):
        if record.type not in ("event", "object"):
            continue
        record_type = RecordType(record.type)
        document = to_document(parse_record(record_type, record.document))
        write = event_to_oai_dc if record_type is RecordType.EVENT else object_to_oai_dc
        root = write(document, DcContext(f"{URI}-{count}", publisher="Demo"))
        assert_oai_dc(root)
        assert _values(root, "title") and _values(root, "identifier")[0] == f"{URI}-{count}"
        count += 1
    assert count > 300
