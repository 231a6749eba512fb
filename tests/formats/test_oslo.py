"""OSLO Cultuurparticipatie RDF: what each part of a wire document becomes, JSON-LD, Turtle, dumps.

These tests need nothing outside the repository; validation against the SHACL shapes is in
``test_oslo_shacl.py``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, PROV, RDF, SKOS, XSD

from cultuurhub.demo import generate
from cultuurhub.formats import (
    OSLO_CONTEXT,
    OsloProvenance,
    OsloRecord,
    OsloUnsupported,
    oslo_graph,
    oslo_jsonld,
    oslo_turtle,
    oslo_turtle_dump,
)
from cultuurhub.formats.oslo_location import split_street
from cultuurhub.formats.oslo_vocabulary import (
    ADMS,
    CIDOC,
    CP,
    GENERIEK,
    LABELTYPE,
    LOCN,
    M8G,
    PLATFORM,
    SCHEMA,
    UDB,
    WGS84,
)
from cultuurhub.model import RecordType, parse_record, to_document
from cultuurhub.store import id_from_uri

BASE = "https://hub.example.be"
EVENT_ID = UUID("2f7a1a8e-5b0c-4c1e-9d2a-6b1f0c3e4d5a")
PLACE_ID = "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
ORGANIZER_ID = "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b"
PROCESSED = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
PROVENANCE = OsloProvenance(UUID(int=7), 3, datetime(2026, 1, 2, tzinfo=UTC), PROCESSED)
EVENT_IRI = URIRef(f"{BASE}/events/{EVENT_ID}")

EVENT: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Het Collectief speelt Ravel", "fr": "Le Collectief joue Ravel"},
    "description": {"nl": "Kamermuziek in de Bijloke."},
    "terms": [
        {"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"},
        {"id": "1.8.1.0.0", "label": "Klassieke muziek", "domain": "theme"},
        {"id": "1.8.2.0.0", "label": "Jazz en blues", "domain": "theme"},
    ],
    "calendarType": "multiple",
    "subEvent": [
        {"startDate": "2026-12-12T20:00:00+01:00", "endDate": "2026-12-12T22:00:00+01:00"},
        {"startDate": "2026-12-13T15:00:00+01:00", "endDate": "2026-12-13T17:00:00+01:00"},
    ],
    "status": {"type": "TemporarilyUnavailable", "reason": {"nl": "Uitgesteld"}},
    "location": {"@id": f"https://io.uitdatabank.be/places/{PLACE_ID}"},
    "organizer": {"@id": ORGANIZER_ID},
    "attendanceMode": "mixed",
    "onlineUrl": "https://stream.example.be/ravel",
    "priceInfo": [
        {"category": "base", "name": {"nl": "Basistarief"}, "price": 18.5},
        {
            "category": "tariff",
            "name": {"nl": "Vroegboek", "en": "Early bird"},
            "price": 15,
            "validThrough": "2026-11-30T23:59:00+01:00",
        },
    ],
    "bookingInfo": {
        "url": "https://www.bijloke.be/tickets",
        "phone": "09 269 92 92",
        "availabilityEnds": "2026-12-12T18:00:00+01:00",
    },
    "contactPoint": {"phone": ["09 269 92 92"], "email": ["info@bijloke.be", "pers@bijloke.be"]},
    "typicalAgeRange": "12-",
    "audience": {"audienceType": "everyone"},
    "labels": ["kamermuziek"],
    "hiddenLabels": ["intern-ravel"],
    "workflowStatus": "APPROVED",
    "availableFrom": "2026-10-01T00:00:00+02:00",
    "created": "2026-09-15T10:00:00+02:00",
}
PLACE: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "De Bijloke"},
    "terms": [{"id": "0.14.0.0.0", "domain": "eventtype"}],
    "calendarType": "permanent",
    "address": {
        "nl": {
            "streetAddress": "Jozef Kluyskensstraat 2 bus 1",
            "postalCode": "9000",
            "addressLocality": "Gent",
            "addressCountry": "BE",
        },
        "fr": {
            "streetAddress": "Jozef Kluyskensstraat 2 bus 1",
            "postalCode": "9000",
            "addressLocality": "Gand",
            "addressCountry": "BE",
        },
    },
    "geo": {"latitude": 51.0446, "longitude": 3.7197},
    "openingHours": [{"opens": "10:00", "closes": "18:00", "dayOfWeek": ["monday", "sunday"]}],
    "capacity": 1000,
    "workflowStatus": "READY_FOR_VALIDATION",
}
ORGANIZER: dict[str, Any] = {
    "mainLanguage": "nl",
    "name": {"nl": "Muziekcentrum De Bijloke"},
    "url": "https://www.bijloke.be",
    "contactPoint": {"url": ["https://www.bijloke.be/contact"]},
    "workflowStatus": "ACTIVE",
}


def one(graph: Graph, subject: Any, predicate: URIRef) -> Any:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (predicate, values)
    return values[0]


@pytest.fixture(scope="module")
def event() -> Graph:
    return oslo_graph("event", EVENT_ID, EVENT, BASE, PROVENANCE)


def test_event_is_an_activity_with_titles_types_and_one_theme(event: Graph) -> None:
    assert (EVENT_IRI, RDF.type, CIDOC.E7_Activity) in event
    assert set(event.objects(EVENT_IRI, DCTERMS.title)) == {
        Literal("Het Collectief speelt Ravel", lang="nl"),
        Literal("Le Collectief joue Ravel", lang="fr"),
    }
    assert one(event, EVENT_IRI, DCTERMS.type) == URIRef(
        "https://taxonomy.uitdatabank.be/terms/0.50.4.0.0"
    )
    # cp:thema has maxCount 1 in the shapes: the first theme only
    assert one(event, EVENT_IRI, CP.thema) == URIRef(
        "https://taxonomy.uitdatabank.be/terms/1.8.1.0.0"
    )
    assert one(event, EVENT_IRI, DCTERMS.description) == Literal(
        "Kamermuziek in de Bijloke.", lang="nl"
    )


def test_identifier_and_provenance(event: Graph) -> None:
    identifier = one(event, EVENT_IRI, ADMS.identifier)
    assert one(event, identifier, SKOS.notation) == Literal(str(EVENT_IRI), datatype=XSD.anyURI)
    assert one(event, identifier, DCTERMS.creator) == URIRef(BASE)
    assert one(event, identifier, PLATFORM.bron) == URIRef(f"{BASE}/organisations/{UUID(int=7)}")
    structured = one(event, identifier, GENERIEK.gestructureerdeIdentificator)
    assert str(one(event, structured, GENERIEK.lokaleIdentificator)) == str(EVENT_ID)
    assert str(one(event, structured, GENERIEK.naamruimte)) == f"{BASE}/events/"
    assert str(one(event, structured, GENERIEK.versieIdentificator)) == "3"
    assert one(event, EVENT_IRI, PLATFORM.verwerktOp).toPython() == PROCESSED
    # the document's own creation time wins over the store's
    assert str(one(event, EVENT_IRI, DCTERMS.created)) == "2026-09-15T10:00:00+02:00"
    assert one(event, EVENT_IRI, UDB.workflowStatus) == URIRef(
        "https://data.publiq.be/concepts/workflowStatus/approved"
    )


def test_calendar_is_one_space_time_volume_per_occurrence(event: Graph) -> None:
    place = URIRef(f"https://io.uitdatabank.be/places/{PLACE_ID}")
    volumes = list(event.objects(EVENT_IRI, CP["Activiteit.ruimtetijd"]))
    assert len(volumes) == 2
    starts = set()
    for volume in volumes:
        assert (volume, RDF.type, CIDOC.E92_Spacetime_Volume) in event
        assert one(event, volume, CIDOC.P161_has_spatial_projection) == place
        span = one(event, volume, CIDOC.P160_has_temporal_projection)
        assert (span, RDF.type, M8G.PeriodOfTime) in event
        starts.add(str(one(event, span, M8G.startTime)))
    assert starts == {"2026-12-12T20:00:00+01:00", "2026-12-13T15:00:00+01:00"}
    whole = one(event, EVENT_IRI, CIDOC["P4_has_time-span"])
    assert str(one(event, whole, M8G.startTime)) == "2026-12-12T20:00:00+01:00"
    assert str(one(event, whole, M8G.endTime)) == "2026-12-13T17:00:00+01:00"
    assert one(event, EVENT_IRI, PROV.atLocation) == place


def test_organizer_attendance_status_and_audience(event: Graph) -> None:
    # a bare UUID reference becomes a record of the hub
    organizer = URIRef(f"{BASE}/organizers/{ORGANIZER_ID}")
    assert one(event, EVENT_IRI, CIDOC.P14_carried_out_by) == organizer
    assert one(event, EVENT_IRI, CP["Activiteit.locatieType"]) == URIRef(
        "https://data.cultuurparticipatie.be/id/concept/Aanwezigheidsmodus/hybride"
    )
    virtual = one(event, EVENT_IRI, PLATFORM.virtueleLocatie)
    assert str(one(event, virtual, SCHEMA.url)) == "https://stream.example.be/ravel"
    assert one(event, EVENT_IRI, CP["Activiteit.status"]) == SCHEMA.EventPostponed
    assert one(event, EVENT_IRI, UDB.audienceType) == URIRef(
        "https://data.publiq.be/concepts/audienceType/everyone"
    )
    assert str(one(event, EVENT_IRI, SCHEMA.typicalAgeRange)) == "12-"


def test_prices_with_category_amount_and_validity(event: Graph) -> None:
    lines = list(event.objects(EVENT_IRI, CP["Activiteit.prijs"]))
    assert len(lines) == 2
    named = Literal("Basistarief", lang="nl")
    base = next(line for line in lines if (line, SKOS.prefLabel, named) in event)
    assert one(event, base, CP["Prijsinfo.prijscategorie"]) == URIRef(
        "https://data.cultuurparticipatie.be/id/concept/PrijsCategorieType/basis"
    )
    amount = one(event, base, SCHEMA.price)
    assert one(event, amount, SCHEMA.value) == Literal("18.5", datatype=XSD.decimal)
    assert str(one(event, amount, SCHEMA.currency)) == "EUR"
    early = next(line for line in lines if line != base)
    assert set(event.objects(early, SKOS.prefLabel)) == {
        Literal("Vroegboek", lang="nl"),
        Literal("Early bird", lang="en"),
    }
    window = one(event, early, CP["Prijsinfo.beschikbaar"])
    # valid until the 30th; the shapes need a start, which is when the event was published
    assert str(one(event, window, M8G.startTime)) == "2026-10-01T00:00:00+02:00"
    assert str(one(event, window, M8G.endTime)) == "2026-11-30T23:59:00+01:00"


def test_booking_and_contact_points(event: Graph) -> None:
    booking = one(event, EVENT_IRI, CP["Activiteit.boeking"])
    assert (booking, RDF.type, CP.Boekingsinfo) in event
    contact = one(event, booking, SCHEMA.contactPoint)
    assert str(one(event, contact, SCHEMA.url)) == "https://www.bijloke.be/tickets"
    assert str(one(event, contact, SCHEMA.telephone)) == "09 269 92 92"
    window = one(event, booking, CP["Boekinginfo.beschikbaar"])
    assert str(one(event, window, M8G.endTime)) == "2026-12-12T18:00:00+01:00"
    # the shapes allow one e-mail per contact point: one contact point per value
    contacts = list(event.objects(EVENT_IRI, CP["Activiteit.contactinfo"]))
    emails = {str(v) for c in contacts for v in event.objects(c, SCHEMA.email)}
    assert len(contacts) == 3 and emails == {"info@bijloke.be", "pers@bijloke.be"}


def test_labels_are_keywords_typed_public_or_hidden(event: Graph) -> None:
    assert set(event.objects(EVENT_IRI, DCAT.keyword)) == {
        Literal("kamermuziek", datatype=LABELTYPE.publiek),
        Literal("intern-ravel", datatype=LABELTYPE.verborgen),
    }


def test_place_is_a_location_with_address_geometry_and_hours() -> None:
    graph = oslo_graph("place", PLACE_ID, PLACE, BASE, PROVENANCE)
    place = URIRef(f"{BASE}/places/{PLACE_ID}")
    assert (place, RDF.type, DCTERMS.Location) in graph
    assert one(graph, place, LOCN.locatorName) == Literal("De Bijloke", lang="nl")
    address = one(graph, place, LOCN.address)
    assert set(graph.objects(address, LOCN.postName)) == {
        Literal("Gent", lang="nl"),
        Literal("Gand", lang="fr"),
    }
    assert set(graph.objects(address, LOCN.thoroughfare)) == {
        Literal("Jozef Kluyskensstraat", lang="nl"),
        Literal("Jozef Kluyskensstraat", lang="fr"),
    }
    assert str(one(graph, address, LOCN.locatorDesignator)) == "2 bus 1"
    assert str(one(graph, address, LOCN.postcode)) == "9000"
    assert str(one(graph, address, LOCN.adminUnitL1)) == "BE"
    geometry = one(graph, place, LOCN.geometry)
    assert str(one(graph, geometry, URIRef("http://www.opengis.net/ont/geosparql#asWKT"))) == (
        "POINT(3.7197 51.0446)"
    )
    assert one(graph, geometry, WGS84.lat) == Literal("51.0446", datatype=XSD.decimal)
    hours = one(graph, place, SCHEMA.openingHoursSpecification)
    assert set(graph.objects(hours, SCHEMA.dayOfWeek)) == {SCHEMA.Monday, SCHEMA.Sunday}
    assert str(one(graph, hours, SCHEMA.opens)) == "10:00"
    assert one(graph, place, SCHEMA.maximumAttendeeCapacity) == Literal(
        "1000", datatype=XSD.integer
    )
    assert one(graph, place, UDB.workflowStatus) == URIRef(
        "https://data.publiq.be/concepts/workflowStatus/ready-for-validation"
    )


def test_organizer_is_an_organisator_named_with_homepage() -> None:
    graph = oslo_graph("organizer", ORGANIZER_ID, ORGANIZER, BASE)
    organizer = URIRef(f"{BASE}/organizers/{ORGANIZER_ID}")
    assert (organizer, RDF.type, CP.Organisator) in graph
    assert one(graph, organizer, CP["Realisator.naam"]) == Literal(
        "Muziekcentrum De Bijloke", lang="nl"
    )
    assert str(one(graph, organizer, FOAF.homepage)) == "https://www.bijloke.be"
    contact = one(graph, organizer, SCHEMA.contactPoint)
    assert str(one(graph, contact, SCHEMA.url)) == "https://www.bijloke.be/contact"
    assert one(graph, organizer, UDB.workflowStatus) == URIRef(
        "https://data.publiq.be/concepts/workflowStatus/active"
    )
    # without a processing time from the store, one is still given (the shapes require it)
    assert graph.value(organizer, PLATFORM.verwerktOp) is not None


def test_periodic_permanent_online_and_embedded_places() -> None:
    periodic = {**EVENT, "calendarType": "periodic", "subEvent": []}
    periodic |= {"startDate": "2026-04-01T10:00:00+02:00", "endDate": "2026-09-30T18:00:00+02:00"}
    periodic["openingHours"] = [{"opens": "10:00", "closes": "17:00", "dayOfWeek": ["friday"]}]
    graph = oslo_graph("event", EVENT_ID, periodic, BASE)
    assert len(list(graph.objects(EVENT_IRI, CP["Activiteit.ruimtetijd"]))) == 1
    availability = one(graph, EVENT_IRI, CP["Activiteit.beschikbaarheid"])
    assert (availability, RDF.type, CP.Beschikbaarheid) in graph
    assert graph.value(availability, SCHEMA.hoursAvailable) is not None

    permanent = {**EVENT, "calendarType": "permanent", "subEvent": []}
    graph = oslo_graph("event", EVENT_ID, permanent, BASE)
    assert not list(graph.objects(EVENT_IRI, CP["Activiteit.ruimtetijd"]))
    assert graph.value(EVENT_IRI, CIDOC["P4_has_time-span"]) is None
    assert graph.value(EVENT_IRI, PROV.atLocation) is not None

    online = {**EVENT, "attendanceMode": "online"}
    online["location"] = {
        "@id": "https://io.uitdatabank.be/places/00000000-0000-0000-0000-000000000000"
    }
    graph = oslo_graph("event", EVENT_ID, online, BASE)
    assert graph.value(EVENT_IRI, PROV.atLocation) is None
    volume = graph.value(EVENT_IRI, CP["Activiteit.ruimtetijd"])
    assert graph.value(volume, CIDOC.P161_has_spatial_projection) is None

    embedded = {**EVENT, "location": {"name": {"nl": "Parochiezaal"}, "address": PLACE["address"]}}
    graph = oslo_graph("event", EVENT_ID, embedded, BASE)
    where = one(graph, EVENT_IRI, PROV.atLocation)
    assert isinstance(where, BNode)
    assert one(graph, where, LOCN.locatorName) == Literal("Parochiezaal", lang="nl")
    assert graph.value(where, RDF.type) is None  # not claimed to be an identified Locatie


def test_deleted_records_are_invalidated() -> None:
    graph = oslo_graph("event", EVENT_ID, {**EVENT, "workflowStatus": "DELETED"}, BASE, PROVENANCE)
    assert one(graph, EVENT_IRI, PROV.invalidatedAtTime).toPython() == PROCESSED


def test_heritage_objects_are_not_oslo() -> None:
    with pytest.raises(OsloUnsupported):
        oslo_graph(RecordType.OBJECT, uuid4(), {"title": {"nl": "Zittende vrouw"}}, BASE)


@pytest.mark.parametrize(
    ("street_address", "street", "number"),
    [
        ("Kerkstraat 12", "Kerkstraat", "12"),
        ("Rue de la Loi 16", "Rue de la Loi", "16"),
        ("Meir 1A", "Meir", "1A"),
        ("Steenweg op Gent 120/2", "Steenweg op Gent", "120/2"),
        ("Dorp 3 bus 4", "Dorp", "3 bus 4"),
        ("Plein 1940-1945 12", "Plein 1940-1945", "12"),
        ("Grote Markt", "Grote Markt", None),
    ],
)
def test_split_street(street_address: str, street: str, number: str | None) -> None:
    assert split_street(street_address) == (street, number)


# --- JSON-LD ---------------------------------------------------------------------------------


def parse_jsonld(document: dict[str, Any]) -> Graph:
    """Parse OSLO JSON-LD with the context inline (the URL is not fetched in tests)."""
    inline = {**document, "@context": OSLO_CONTEXT["@context"]}
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated class
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=orjson.dumps(inline), format="json-ld")


def test_jsonld_is_the_same_graph_nested_under_the_record(event: Graph) -> None:
    document = oslo_jsonld(event, f"{BASE}/contexts/oslo.jsonld")
    assert document["@context"] == f"{BASE}/contexts/oslo.jsonld"
    assert document["@id"] == str(EVENT_IRI) and document["@type"] == "Activiteit"
    assert "@graph" not in document  # every blank node nested in the record
    assert document["titel"] == {
        "nl": "Het Collectief speelt Ravel",
        "fr": "Le Collectief joue Ravel",
    }
    assert document["identificator"]["@type"] == "Identificator"
    assert {v["temporeleProjectie"]["begin"] for v in document["ruimtetijd"]} == {
        "2026-12-12T20:00:00+01:00",
        "2026-12-13T15:00:00+01:00",
    }
    assert isomorphic(parse_jsonld(document), event)


def demo_records(size: int = 160) -> Iterator[OsloRecord]:
    for record in generate(size, seed=7):
        if record.type in ("event", "place", "organizer"):
            record_id = id_from_uri(record.document["@id"])
            assert record_id is not None
            yield OsloRecord(record.type, record_id, record.document, PROVENANCE)


def test_jsonld_of_demo_records_round_trips() -> None:
    for record in demo_records(80):
        graph = oslo_graph(record.record_type, record.id, record.document, BASE, PROVENANCE)
        assert isomorphic(parse_jsonld(oslo_jsonld(graph, "urn:context")), graph)


# --- Turtle and dumps ------------------------------------------------------------------------


def test_turtle_parses_back_to_the_same_graph(event: Graph) -> None:
    text = oslo_turtle(event)
    assert text.startswith("@prefix ")
    assert f"<{EVENT_IRI}> a cidoc:E7_Activity ;" in text
    assert isomorphic(Graph().parse(data=text, format="turtle"), event)


def test_dump_streams_records_with_prefixes_once() -> None:
    records = list(demo_records())
    out = io.StringIO()
    written: list[int] = []

    def lazily() -> Iterator[OsloRecord]:
        for record in records:
            written.append(len(out.getvalue()))  # what was written before this record is asked
            yield record

    count = oslo_turtle_dump(lazily(), out, BASE)
    assert count == len(records) > 20
    assert written[1] > written[0] > 0  # the first record is out before the second is read
    text = out.getvalue()
    assert text.count("@prefix cp: ") == 1
    dumped = Graph().parse(data=text, format="turtle")
    total = 0
    for record in records:
        graph = oslo_graph(record.record_type, record.id, record.document, BASE, PROVENANCE)
        root = URIRef(f"{BASE}/{RecordType(record.record_type).path}/{record.id}")
        assert isomorphic(around(dumped, root), graph)
        total += len(graph)
    assert len(dumped) == total  # nothing else in the dump


def around(graph: Graph, root: URIRef) -> Graph:
    """Return the triples of ``root`` and of the blank nodes hanging from it."""
    found, todo = Graph(), [root]
    while todo:
        for triple in graph.triples((todo.pop(), None, None)):
            found.add(triple)
            if isinstance(triple[2], BNode):
                todo.append(triple[2])
    return found


def test_dump_to_a_binary_stream_gives_every_record_a_processing_time() -> None:
    bare = [OsloRecord(r.record_type, r.id, r.document) for r in demo_records(40)]
    out = io.BytesIO()
    oslo_turtle_dump(bare, out, BASE, processed_at=PROCESSED)
    graph = Graph().parse(data=out.getvalue().decode("utf-8"), format="turtle")
    subjects = [s for s in graph.subjects(RDF.type, CIDOC.E7_Activity)]
    assert subjects
    for subject in subjects:
        assert one(graph, subject, PLATFORM.verwerktOp).toPython() == PROCESSED


def test_dump_keeps_awkward_text_intact() -> None:
    awkward = 'Een "quote", een \\ backslash,\nnieuwe regel; é ü — 🎻'
    document = {**EVENT, "name": {"nl": awkward}, "description": {"nl": "x\r\ny\t"}}
    out = io.StringIO()
    oslo_turtle_dump([OsloRecord("event", EVENT_ID, document, PROVENANCE)], out, BASE)
    graph = Graph().parse(data=out.getvalue(), format="turtle")
    assert one(graph, EVENT_IRI, DCTERMS.title) == Literal(awkward, lang="nl")
    assert isomorphic(graph, oslo_graph("event", EVENT_ID, document, BASE, PROVENANCE))


# --- odd documents never break the mapping ---------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
WIRE_KEYS = sorted({*EVENT, *PLACE, *ORGANIZER, "geo", "address", "mediaObject", "videos", "url"})
odd_documents = st.dictionaries(st.sampled_from(WIRE_KEYS), json_values, max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["event", "place", "organizer"]), document=odd_documents)
def test_any_document_maps_and_serialises(kind: str, document: dict[str, Any]) -> None:
    graph = oslo_graph(kind, EVENT_ID, document, BASE, PROVENANCE)
    assert isomorphic(Graph().parse(data=oslo_turtle(graph), format="turtle"), graph)
    assert isomorphic(parse_jsonld(oslo_jsonld(graph, "urn:context")), graph)


def test_a_validated_document_keeps_its_meaning() -> None:
    """The stored form (through the model) maps like the payload it came from."""
    stored = to_document(parse_record("event", EVENT))
    graph = oslo_graph("event", EVENT_ID, stored, BASE, PROVENANCE)
    assert len(list(graph.objects(EVENT_IRI, CP["Activiteit.ruimtetijd"]))) == 2
    assert graph.value(EVENT_IRI, DCTERMS.title) is not None
