"""The HTTP API over a real store: JSON-LD by id, ETags, versions, deletions, access."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import orjson
import pytest
from fastapi.testclient import TestClient

from cultuurhub.api.records import jsonld_text
from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import RecordDraft, Store, draft_from_record

EVENT = {
    "mainLanguage": "nl",
    "name": {"nl": "Concert: Het Collectief speelt Ravel"},
    "terms": [{"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"}],
    "location": {"@id": "https://demo.cultuurhub.be/places/" + str(uuid4())},
    "calendarType": "single",
    "startDate": "2026-12-12T20:00:00+01:00",
    "endDate": "2026-12-12T22:00:00+01:00",
    "workflowStatus": "APPROVED",
}


@pytest.fixture
def owner(store: Store) -> UUID:
    return store.create_organisation("De Bijloke", "concertzaal").id


def put_event(store: Store, owner: UUID) -> UUID:
    record = parse_record(RecordType.EVENT, EVENT)
    return store.put(draft_from_record(RecordType.EVENT, record, owner), "test").id


def test_event_as_jsonld(client: TestClient, store: Store, owner: UUID) -> None:
    event_id = put_event(store, owner)
    response = client.get(f"/events/{event_id}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/ld+json"
    body = response.json()
    assert body["@id"].endswith(f"/events/{event_id}")
    assert body["@context"].endswith("/contexts/event.jsonld")
    assert body["name"] == {"nl": "Concert: Het Collectief speelt Ravel"}
    assert body["terms"][0]["id"] == "0.50.4.0.0"


def test_etag_revalidation(client: TestClient, store: Store, owner: UUID) -> None:
    event_id = put_event(store, owner)
    etag = client.get(f"/events/{event_id}").headers["etag"]
    assert client.get(f"/events/{event_id}", headers={"If-None-Match": etag}).status_code == 304


def test_wrong_type_and_unknown_ids_are_404_problems(
    client: TestClient, store: Store, owner: UUID
) -> None:
    event_id = put_event(store, owner)
    for path in (f"/places/{event_id}", f"/events/{uuid4()}"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 404
    assert client.get("/events/not-a-uuid").status_code == 422


def test_versions_and_deletion(client: TestClient, store: Store, owner: UUID) -> None:
    event_id = put_event(store, owner)
    store.delete(event_id, "test")
    assert client.get(f"/events/{event_id}").status_code == 410
    versions = client.get(f"/events/{event_id}/versions").json()["versions"]
    assert [(v["version"], v["deleted"]) for v in versions] == [(1, False), (2, True)]
    first = client.get(f"/events/{event_id}/versions/1").json()
    assert first["name"]["nl"].startswith("Concert")
    assert client.get(f"/events/{event_id}/versions/9").status_code == 404


def test_private_records_only_for_their_owner(
    client: TestClient, store: Store, owner: UUID
) -> None:
    draft = RecordDraft("place", owner, {"name": {"nl": "Repetitieruimte"}}, visibility="private")
    place_id = store.put(draft, "test").id
    assert client.get(f"/places/{place_id}").status_code == 404
    _, secret = store.create_api_key(owner, ["read"])
    response = client.get(f"/places/{place_id}", headers={"X-Api-Key": secret})
    assert response.status_code == 200
    other = store.create_organisation("Ander", "museum").id
    _, other_secret = store.create_api_key(other, ["read"])
    assert client.get(f"/places/{place_id}", headers={"X-Api-Key": other_secret}).status_code == 404


def test_health_home_docs_and_schemas(client: TestClient, store: Store, owner: UUID) -> None:
    soon = (datetime.now(UTC) + timedelta(days=20)).date().isoformat()
    upcoming = {**EVENT, "startDate": f"{soon}T20:00:00+01:00", "endDate": f"{soon}T22:00:00+01:00"}
    record = parse_record(RecordType.EVENT, upcoming)
    store.put(draft_from_record(RecordType.EVENT, record, owner), "test")
    client.app.state.search.sync(store)  # type: ignore[attr-defined]
    assert client.get("/health").json()["status"] == "ok"
    home = client.get("/")
    assert "Het Collectief speelt Ravel" in home.text  # an upcoming highlight
    assert "20:00" in home.text  # stored in UTC, shown in Brussels time
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/events/{record_id}" in paths and "/objects/{record_id}" in paths
    schema = client.get("/schemas/event.json").json()
    assert "mainLanguage" in schema["properties"]


def test_json_ld_text_gets_the_hubs_id_spliced_in_or_rebuilt_when_stored_with_its_own() -> None:
    event_id = UUID("0190f3a1-0000-7000-8000-000000000001")
    spliced = orjson.loads(
        jsonld_text(RecordType.EVENT, event_id, '{"location":{"@id":"https://x/p/1"},"name":{}}')
    )
    assert spliced["@id"].endswith(f"/events/{event_id}")
    assert spliced["location"] == {"@id": "https://x/p/1"}
    legacy = jsonld_text(RecordType.EVENT, event_id, '{"@id":"https://elders/1","name":{}}')
    assert legacy.count(b'"@id"') == 1 and orjson.loads(legacy)["@id"] == spliced["@id"]
    assert orjson.loads(jsonld_text(RecordType.EVENT, event_id, "{}"))["@id"] == spliced["@id"]
