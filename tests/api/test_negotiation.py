"""Content negotiation on the read API over a real store: JSON-LD, OSLO Turtle, OSLO JSON-LD."""

from __future__ import annotations

import warnings
from dataclasses import replace
from typing import Any
from uuid import UUID

import orjson
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF

from cultuurhub.api.negotiation import OSLO_JSONLD, negotiate, parse_accept
from cultuurhub.config import get_settings
from cultuurhub.demo import generate
from cultuurhub.formats import OSLO_CONTEXT, OSLO_PROFILE
from cultuurhub.formats.oslo_vocabulary import ADMS, CIDOC, CP, GENERIEK, PLATFORM
from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import Store, draft_from_record

TURTLE = "text/turtle"
JSONLD = "application/ld+json"


@pytest.fixture
def owner(store: Store) -> UUID:
    return store.create_organisation("CC De Schakel", "cultuurcentrum").id


def demo_document(kind: str) -> dict[str, Any]:
    return next(r.document for r in generate(60, seed=2026) if r.type == kind)


def put(store: Store, owner: UUID, kind: str, document: dict[str, Any]) -> UUID:
    record = parse_record(kind, document)
    return store.put(draft_from_record(RecordType(kind), record, owner), "test").id


@pytest.fixture
def event_id(store: Store, owner: UUID) -> UUID:
    return put(store, owner, "event", demo_document("event"))


def uri(path: str, record_id: UUID) -> URIRef:
    return URIRef(f"{get_settings().base_url}/{path}/{record_id}")


def varies_on_accept(response: Any) -> bool:
    return "accept" in {token.strip().lower() for token in response.headers["vary"].split(",")}


def turtle(response: Any) -> Graph:
    return Graph().parse(data=response.text, format="turtle")


def oslo_jsonld(response: Any) -> Graph:
    document = response.json()
    assert document["@context"] == f"{get_settings().base_url}/contexts/oslo.jsonld"
    document["@context"] = OSLO_CONTEXT["@context"]
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated class
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=orjson.dumps(document), format="json-ld")


@pytest.mark.parametrize("accept", [None, "*/*", "application/json", "application/ld+json"])
def test_default_is_the_hubs_jsonld(client: TestClient, event_id: UUID, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get(f"/events/{event_id}", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/ld+json"
    assert response.json()["name"]["nl"] == demo_document("event")["name"]["nl"]
    assert response.headers["etag"] == f'W/"{event_id}-1"'
    assert varies_on_accept(response)
    assert response.headers["cache-control"] == "public, max-age=60"


def test_turtle_is_oslo_rdf_of_the_stored_record(
    client: TestClient, store: Store, event_id: UUID, owner: UUID
) -> None:
    response = client.get(f"/events/{event_id}", headers={"Accept": TURTLE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    assert response.headers["etag"] == f'W/"{event_id}-1-oslo-ttl"'
    graph = turtle(response)
    subject = uri("events", event_id)
    assert (subject, RDF.type, CIDOC.E7_Activity) in graph
    name = demo_document("event")["name"]["nl"]
    assert (subject, DCTERMS.title, Literal(name, lang="nl")) in graph
    stored = store.get(event_id)
    assert stored is not None
    # the store's processing time, owner and version are the record's provenance
    assert graph.value(subject, PLATFORM.verwerktOp).toPython() == stored.modified
    identifier = graph.value(subject, ADMS.identifier)
    assert graph.value(identifier, PLATFORM.bron) == URIRef(
        f"{get_settings().base_url}/organisations/{owner}"
    )
    structured = graph.value(identifier, GENERIEK.gestructureerdeIdentificator)
    assert str(graph.value(structured, GENERIEK.versieIdentificator)) == "1"


def test_oslo_jsonld_by_profile_is_the_same_graph_as_turtle(
    client: TestClient, event_id: UUID
) -> None:
    response = client.get(f"/events/{event_id}", headers={"Accept": OSLO_JSONLD})
    assert response.status_code == 200
    assert response.headers["content-type"] == (f'application/ld+json; profile="{OSLO_PROFILE}"')
    assert response.headers["etag"] == f'W/"{event_id}-1-oslo-jsonld"'
    assert response.json()["@type"] == "Activiteit"
    as_turtle = turtle(client.get(f"/events/{event_id}", headers={"Accept": TURTLE}))
    assert isomorphic(oslo_jsonld(response), as_turtle)


def test_places_and_organizers_too(client: TestClient, store: Store, owner: UUID) -> None:
    place_id = put(store, owner, "place", demo_document("place"))
    organizer_id = put(store, owner, "organizer", demo_document("organizer"))
    place = turtle(client.get(f"/places/{place_id}", headers={"Accept": TURTLE}))
    assert (uri("places", place_id), RDF.type, DCTERMS.Location) in place
    response = client.get(f"/organizers/{organizer_id}?format=oslo-jsonld")
    assert response.json()["@type"] == "Organisator"
    organizer = oslo_jsonld(response)
    assert (uri("organizers", organizer_id), RDF.type, CP.Organisator) in organizer


def test_format_parameter_wins_over_accept(client: TestClient, event_id: UUID) -> None:
    headers = {"Accept": "application/json"}
    response = client.get(f"/events/{event_id}?format=turtle", headers=headers)
    assert response.headers["content-type"].startswith(TURTLE)
    response = client.get(f"/events/{event_id}?format=jsonld", headers={"Accept": TURTLE})
    assert response.headers["content-type"] == "application/ld+json"
    assert "name" in response.json()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/ld+json;q=0.5, text/turtle", TURTLE),
        ("text/turtle;q=0, */*", JSONLD),
        (f'application/ld+json;profile="{OSLO_PROFILE}", application/ld+json;q=0.8', "oslo"),
        (
            'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"',
            "application/ld+json",
        ),
        ("text/*", TURTLE),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSONLD),
        ("not a media type", JSONLD),
    ],
)
def test_quality_values_and_profiles(
    client: TestClient, event_id: UUID, accept: str, expected: str
) -> None:
    response = client.get(f"/events/{event_id}", headers={"Accept": accept})
    assert response.status_code == 200
    content_type = response.headers["content-type"]
    if expected == "oslo":
        assert OSLO_PROFILE in content_type
    else:
        assert content_type.split(";")[0] == expected and OSLO_PROFILE not in content_type


@pytest.mark.parametrize(
    ("path", "headers", "query"),
    [
        ("events", {"Accept": "application/rdf+xml"}, ""),
        ("events", {"Accept": 'application/ld+json;profile="https://example.org/other"'}, ""),
        ("events", {"Accept": "text/turtle;q=0"}, ""),
        ("events", {}, "?format=edm"),
        ("objects", {"Accept": TURTLE}, ""),
    ],
)
def test_unsupported_representations_are_406_problems(
    client: TestClient,
    store: Store,
    owner: UUID,
    event_id: UUID,
    path: str,
    headers: Any,
    query: str,
) -> None:
    record_id = event_id
    if path == "objects":
        record_id = put(store, owner, "object", demo_document("object"))
    response = client.get(f"/{path}/{record_id}{query}", headers=headers)
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    assert varies_on_accept(response)
    problem = response.json()
    assert problem["status"] == 406 and "niet beschikbaar" in problem["detail"]
    offered = {entry["format"] for entry in problem["available"]}
    if path == "objects":  # heritage has no OSLO form (EDM comes from its own entry)
        assert "jsonld" in offered and not offered & {"turtle", "oslo-jsonld"}
    else:
        assert offered == {"jsonld", "turtle", "oslo-jsonld"}


def test_etags_differ_per_representation_and_revalidate(
    client: TestClient, store: Store, owner: UUID, event_id: UUID
) -> None:
    path = f"/events/{event_id}"
    etags = {
        accept: client.get(path, headers={"Accept": accept}).headers["etag"]
        for accept in ("application/ld+json", TURTLE, OSLO_JSONLD)
    }
    assert len(set(etags.values())) == 3
    for accept, etag in etags.items():
        answer = client.get(path, headers={"Accept": accept, "If-None-Match": etag})
        assert answer.status_code == 304 and answer.content == b""
        assert answer.headers["etag"] == etag and varies_on_accept(answer)
    # another representation's ETag does not validate this one
    answer = client.get(path, headers={"Accept": TURTLE, "If-None-Match": etags[OSLO_JSONLD]})
    assert answer.status_code == 200
    listed = f'"elsewhere", {etags[TURTLE]}'
    assert client.get(path, headers={"Accept": TURTLE, "If-None-Match": listed}).status_code == 304
    assert client.get(path, headers={"Accept": TURTLE, "If-None-Match": "*"}).status_code == 304
    # a new version: the old ETag no longer holds
    changed = {**demo_document("event"), "name": {"nl": "Nieuwe titel"}}
    record = parse_record("event", changed)
    store.put(draft_from_record(RecordType.EVENT, record, owner, record_id=event_id), "test")
    answer = client.get(path, headers={"Accept": TURTLE, "If-None-Match": etags[TURTLE]})
    assert answer.status_code == 200
    assert answer.headers["etag"] == f'W/"{event_id}-2-oslo-ttl"'
    assert (uri("events", event_id), DCTERMS.title, Literal("Nieuwe titel", lang="nl")) in turtle(
        answer
    )


def test_versions_are_negotiated_too(
    client: TestClient, store: Store, owner: UUID, event_id: UUID
) -> None:
    store.delete(event_id, "test")
    assert client.get(f"/events/{event_id}", headers={"Accept": TURTLE}).status_code == 410
    first = client.get(f"/events/{event_id}/versions/1", headers={"Accept": TURTLE})
    assert first.status_code == 200
    assert first.headers["etag"] == f'W/"{event_id}-1-oslo-ttl"'
    assert first.headers["cache-control"] == "public, max-age=3600"
    assert (uri("events", event_id), RDF.type, CIDOC.E7_Activity) in turtle(first)
    again = client.get(
        f"/events/{event_id}/versions/1",
        headers={"Accept": TURTLE, "If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304
    # the deletion itself has no OSLO description, but the hub's JSON-LD shows it
    assert client.get(f"/events/{event_id}/versions/2?format=turtle").status_code == 410
    assert client.get(f"/events/{event_id}/versions/2").status_code == 200
    bad = client.get(f"/events/{event_id}/versions/1", headers={"Accept": "image/png"})
    assert bad.status_code == 406


def test_private_records_are_not_cached_by_shared_caches(
    client: TestClient, store: Store, owner: UUID
) -> None:
    document = demo_document("place")
    draft = draft_from_record(RecordType.PLACE, parse_record("place", document), owner)
    place_id = store.put(replace(draft, visibility="private"), "test").id
    assert client.get(f"/places/{place_id}", headers={"Accept": TURTLE}).status_code == 404
    _, secret = store.create_api_key(owner, ["read"])
    response = client.get(f"/places/{place_id}", headers={"Accept": TURTLE, "X-Api-Key": secret})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "private, max-age=60"


def test_context_and_openapi(client: TestClient) -> None:
    context = client.get("/contexts/oslo.jsonld")
    assert context.status_code == 200
    terms = context.json()["@context"]
    assert terms["titel"] == {"@id": "dcterms:title", "@container": "@language"}
    assert terms["Activiteit"] == "cidoc:E7_Activity"
    assert client.get("/contexts/event.jsonld").status_code == 200
    operation = client.get("/openapi.json").json()["paths"]["/events/{record_id}"]["get"]
    content = operation["responses"]["200"]["content"]
    assert set(content) == {"application/ld+json", TURTLE, OSLO_JSONLD}
    assert "cidoc:E7_Activity" in content[TURTLE]["example"]
    assert content[OSLO_JSONLD]["example"]["@type"] == "Activiteit"
    assert "name" in content["application/ld+json"]["example"]
    assert "406" in operation["responses"]
    assert any(parameter["name"] == "format" for parameter in operation["parameters"])
    objects = client.get("/openapi.json").json()["paths"]["/objects/{record_id}"]["get"]
    assert "application/ld+json" in objects["responses"]["200"]["content"]
    assert TURTLE not in objects["responses"]["200"]["content"]


def test_accept_parsing_keeps_quoted_profiles_and_drops_garbage() -> None:
    ranges = parse_accept(f'text/turtle;q=0.3, application/ld+json; profile="{OSLO_PROFILE} x"')
    assert [(r.media_type, r.quality) for r in ranges] == [
        ("text/turtle", 0.3),
        ("application/ld+json", 1.0),
    ]
    assert ranges[1].profiles == {OSLO_PROFILE, "x"}
    assert parse_accept("text/turtle;q=2, nonsense, */*;q=abc") == []
    assert negotiate(RecordType.EVENT, "", None).format == "jsonld"
