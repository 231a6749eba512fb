"""The write API over a real store (SQLite and PostgreSQL) with real API keys.

Create, read back, replace, history with authors, idempotent replace, tombstones; ownership,
partner labels, read-only and missing keys; invalid UiTdatabank payloads; the workflow; If-Match.
"""

from __future__ import annotations

import copy
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID, uuid4

import pytest
from fastapi.testclient import TestClient

from cultuurhub.access import Principal, Scope
from cultuurhub.api import create_app, write_service
from cultuurhub.api.write_examples import EVENT, EXAMPLES, OBJECT
from cultuurhub.api.write_service import WRITABLE
from cultuurhub.model import RecordType, parse_record
from cultuurhub.quality import score
from cultuurhub.store import (
    ApiKey,
    Limits,
    RecordDraft,
    Store,
    VersionConflict,
    draft_from_record,
)
from tests.conftest import shared_data
from tests.model.test_uitdatabank_payloads import PLACEHOLDERS
from tests.model.test_uitdatabank_payloads import UUID as PLACEHOLDER_UUID

PROBLEM = "application/problem+json"


@dataclass(frozen=True)
class Key:
    """A real API key: its organisation, its store record and the header that carries it."""

    organisation: UUID
    key: ApiKey
    headers: dict[str, str]

    @property
    def author(self) -> str:
        return f"api:{self.organisation}:{self.key.prefix}"


def make_key(store: Store, name: str, scopes: list[str]) -> Key:
    organisation = store.create_organisation(name, "cultuurcentrum").id
    key, secret = store.create_api_key(organisation, scopes)
    return Key(organisation, key, {"X-Api-Key": secret})


@pytest.fixture
def partner(store: Store) -> Key:
    return make_key(store, "UiTPAS Gent", ["read", "write"])


@pytest.fixture
def reader(store: Store) -> Key:
    return make_key(store, "Stadsapp", ["read"])


def create(client: TestClient, key: Key, body: dict[str, Any] | None = None) -> UUID:
    response = client.post("/events", json=body or EVENT, headers=key.headers)
    assert response.status_code == 201, response.text
    return UUID(response.json()["id"])


def assert_problem(response: Any, status: int, *words: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status and body["title"]
    for word in words:
        assert word in body["detail"], body["detail"]
    return body


# --- create, read, replace, history, delete ---------------------------------------------------


def test_create_read_replace_history_and_delete(
    client: TestClient, store: Store, owner: Key
) -> None:
    created = client.post("/events", json=EVENT, headers=owner.headers)
    assert created.status_code == 201
    body = created.json()
    event_id = UUID(body["id"])
    assert created.headers["location"] == body["url"]
    assert body["url"].endswith(f"/events/{event_id}")
    assert (body["version"], body["outcome"]) == (1, "created")
    assert body["quality"] == {"score": 100, "advice": []}
    assert created.headers["etag"] == f'W/"{event_id}-1"'

    read = client.get(f"/events/{event_id}")
    assert read.status_code == 200
    assert read.json()["name"]["nl"] == "Het Collectief speelt Ravel"
    assert read.json()["workflowStatus"] == "DRAFT"
    assert store.get(event_id).owner == owner.organisation  # type: ignore[union-attr]

    changed = copy.deepcopy(EVENT)
    changed["name"]["nl"] = "Het Collectief speelt Ravel en Debussy"
    del changed["image"]
    replaced = client.put(f"/events/{event_id}", json=changed, headers=owner.headers)
    assert replaced.status_code == 200, replaced.text
    assert (replaced.json()["version"], replaced.json()["outcome"]) == (2, "updated")
    assert replaced.json()["quality"]["score"] == 85
    assert [a["rule"] for a in replaced.json()["quality"]["advice"]] == ["image"]
    assert "afbeelding" in replaced.json()["quality"]["advice"][0]["hint_nl"]
    assert client.get(f"/events/{event_id}").json()["name"]["nl"].endswith("Debussy")

    again = client.put(f"/events/{event_id}", json=changed, headers=owner.headers)
    assert (again.json()["version"], again.json()["outcome"], again.json()["seq"]) == (
        2,
        "unchanged",
        None,
    )
    versions = client.get(f"/events/{event_id}/versions").json()["versions"]
    assert [(v["version"], v["author"]) for v in versions] == [
        (1, owner.author),
        (2, owner.author),
    ]
    first = client.get(f"/events/{event_id}/versions/1").json()
    assert first["name"]["nl"] == "Het Collectief speelt Ravel"

    deleted = client.delete(f"/events/{event_id}", headers=owner.headers)
    assert deleted.status_code == 204
    assert deleted.headers["etag"] == f'W/"{event_id}-3"'
    assert_problem(client.get(f"/events/{event_id}"), 410, "verwijderd")
    history = client.get(f"/events/{event_id}/versions").json()["versions"]
    assert [(v["version"], v["deleted"], v["author"]) for v in history][-1] == (
        3,
        True,
        owner.author,
    )
    assert client.delete(f"/events/{event_id}", headers=owner.headers).status_code == 204
    assert len(store.history(event_id)) == 3  # deleting again changes nothing
    assert_problem(client.put(f"/events/{event_id}", json=changed, headers=owner.headers), 410)
    changes = store.changes_since(0)
    assert [(c.record_id, c.version, c.deleted) for c in changes] == [
        (event_id, 1, False),
        (event_id, 2, False),
        (event_id, 3, True),
    ]


@pytest.mark.parametrize(
    ("record_type", "example"),
    [(t, name) for t in WRITABLE for name in EXAMPLES[t]],
)
def test_every_documented_example_is_accepted(
    client: TestClient, store: Store, owner: Key, record_type: RecordType, example: str
) -> None:
    payload = EXAMPLES[record_type][example]["value"]
    response = client.post(f"/{record_type.path}", json=payload, headers=owner.headers)
    assert response.status_code == 201, response.text
    record = store.get(UUID(response.json()["id"]))
    assert record is not None and record.type == record_type.value
    expected = score(record_type.value, record.document)
    assert response.json()["quality"]["score"] == expected.score
    assert [a["rule"] for a in response.json()["quality"]["advice"]] == [
        a.rule for a in expected.advice
    ]
    read = client.get(f"/{record_type.path}/{record.id}")
    assert read.status_code == 200 and read.json()["workflowStatus"] == "DRAFT"


def test_legacy_entry_api_shape_is_brought_up_to_date(
    client: TestClient, store: Store, owner: Key
) -> None:
    legacy = EXAMPLES[RecordType.EVENT]["legacy"]["value"]
    event_id = UUID(client.post("/events", json=legacy, headers=owner.headers).json()["id"])
    document = client.get(f"/events/{event_id}").json()
    assert document["name"] == {"nl": "Jazz in Den Hemel"}
    assert [t["domain"] for t in document["terms"]] == ["eventtype", "theme"]
    assert document["calendarType"] == "single"


def test_an_id_in_the_body_never_chooses_the_record(
    client: TestClient, store: Store, owner: Key, partner: Key
) -> None:
    theirs = create(client, partner)
    body = {**EVENT, "@id": f"https://hub.example/events/{theirs}"}
    mine = create(client, owner, body)
    assert mine != theirs
    assert store.get(theirs).owner == partner.organisation  # type: ignore[union-attr]
    assert len(store.history(theirs)) == 1


# --- who may do what --------------------------------------------------------------------------


def test_another_organisation_may_label_but_not_replace_or_delete(
    client: TestClient, store: Store, owner: Key, partner: Key
) -> None:
    event_id = create(client, owner)
    url = f"/events/{event_id}"
    body = assert_problem(client.put(url, json=EVENT, headers=partner.headers), 403)
    assert "andere organisatie" in body["detail"] and "another organisation" in body["detail"]
    assert_problem(client.delete(url, headers=partner.headers), 403)
    assert_problem(
        client.put(f"{url}/workflow-status", json={"workflowStatus": "READY_FOR_VALIDATION"},
                   headers=partner.headers),
        403,
    )  # fmt: skip

    assert client.put(f"{url}/labels/UiTPAS Gent", headers=partner.headers).status_code == 204
    assert client.put(f"{url}/labels/uitpas-selectie?hidden=true", headers=partner.headers)
    document = client.get(url).json()
    assert document["labels"] == ["kamermuziek", "UiTPAS Gent"]
    assert document["hiddenLabels"] == ["uitpas-selectie"]
    versions = store.history(event_id)
    assert [v.author for v in versions] == [owner.author, partner.author, partner.author]

    # adding it again changes nothing; a visible label asked as hidden moves across
    assert client.put(f"{url}/labels/uitpas gent", headers=partner.headers).status_code == 204
    assert len(store.history(event_id)) == 3
    client.put(f"{url}/labels/kamermuziek?hidden=true", headers=partner.headers)
    document = client.get(url).json()
    assert document["labels"] == ["UiTPAS Gent"]
    assert document["hiddenLabels"] == ["uitpas-selectie", "kamermuziek"]

    removed = client.delete(f"{url}/labels/UITPAS-SELECTIE", headers=partner.headers)
    assert removed.status_code == 204
    assert client.get(url).json()["hiddenLabels"] == ["kamermuziek"]
    assert store.get(event_id).owner == owner.organisation  # type: ignore[union-attr]
    assert client.get(url).json()["workflowStatus"] == "DRAFT"


def test_read_only_and_missing_keys_cannot_write(
    client: TestClient, owner: Key, reader: Key
) -> None:
    event_id = create(client, owner)
    url = f"/events/{event_id}"
    assert_problem(client.post("/events", json=EVENT, headers=reader.headers), 403)
    assert_problem(client.put(url, json=EVENT, headers=reader.headers), 403)
    assert_problem(client.put(f"{url}/labels/Vlieg", headers=reader.headers), 403)
    assert_problem(client.delete(f"{url}/labels/kamermuziek", headers=reader.headers), 403)

    missing = assert_problem(client.post("/events", json=EVENT), 401, "API-sleutel", "API key")
    assert "X-Api-Key" in missing["detail"]
    assert_problem(client.put(url, json=EVENT), 401)
    assert_problem(client.delete(url), 401)
    assert_problem(client.put(f"{url}/labels/Vlieg"), 401)
    unknown = {"X-Api-Key": "ch_000000000000_not-a-real-secret"}
    assert_problem(client.post("/events", json=EVENT, headers=unknown), 401, "onbekend")
    assert client.get(url).json()["labels"] == ["kamermuziek"]


def test_revoked_key_stops_at_once(client: TestClient, store: Store, owner: Key) -> None:
    event_id = create(client, owner)
    store.revoke_api_key(owner.key.id)
    assert_problem(client.delete(f"/events/{event_id}", headers=owner.headers), 401, "ingetrokken")


def test_admin_may_replace_any_record_and_the_owner_stays(
    client: TestClient, store: Store, owner: Key
) -> None:
    admin = make_key(store, "Cultuurhub beheer", ["admin"])
    event_id = create(client, owner)
    changed = {**EVENT, "typicalAgeRange": "16-"}
    response = client.put(f"/events/{event_id}", json=changed, headers=admin.headers)
    assert response.status_code == 200, response.text
    record = store.get(event_id)
    assert record is not None and record.owner == owner.organisation
    assert record.document["typicalAgeRange"] == "16-"
    assert store.history(event_id)[-1].author == admin.author


def test_private_records_stay_private_and_hidden_from_others(
    client: TestClient, store: Store, owner: Key, partner: Key
) -> None:
    record = parse_record(RecordType.EVENT, EVENT)
    draft = draft_from_record(RecordType.EVENT, record, owner.organisation)
    private = store.put(replace(draft, visibility="private"), "test").id
    url = f"/events/{private}"
    assert_problem(client.put(f"{url}/labels/Vlieg", headers=partner.headers), 404)
    assert_problem(client.put(url, json=EVENT, headers=partner.headers), 404)
    changed = {**EVENT, "typicalAgeRange": "8-"}
    assert client.put(url, json=changed, headers=owner.headers).status_code == 200
    stored = store.get(private)
    assert stored is not None and stored.visibility == "private"
    assert client.get(url).status_code == 404


def test_unknown_records_and_wrong_types_are_404(client: TestClient, owner: Key) -> None:
    event_id = create(client, owner)
    assert_problem(client.put(f"/places/{event_id}", json=EVENT, headers=owner.headers), 404)
    assert_problem(client.delete(f"/events/{uuid4()}", headers=owner.headers), 404)
    assert_problem(client.put(f"/objects/{event_id}/labels/Vlieg", headers=owner.headers), 404)


# --- validation -------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\{(\w+)\}")
INVALID = [
    ("events", "price-info__event-without-base-tariff.json", ["priceInfo"]),
    ("events", "event-with-age-and-birthdate-range.json", ["birthdateRange"]),
    ("events", "departure-places__event-with-21-departure-places.json", ["departurePlaces"]),
    ("events", "event-with-workflow-status-deleted.json", ["workflowStatus"]),
    ("places", "place-with-duplicate-tariff-names.json", ["priceInfo[2].name"]),
    ("organizers", "organizer-with-invalid-images.json", ["images[0].@id", "images[2].id"]),
    (
        "organizers",
        "labels__organizer-with-duplicate-label-in-labels-and-hiddenLabels.json",
        ["hiddenLabels[0]"],
    ),
]


def placeholder(name: str) -> str:
    """What udb3-backend's test templates put in ``%{name}`` (as the model tests fill them)."""
    return PLACEHOLDERS.get(name, PLACEHOLDER_UUID)


def entry_payload(kind: str, name: str) -> dict[str, Any]:
    """A real UiTdatabank Entry API body, its test placeholders filled in."""
    text = shared_data(f"uitdatabank/entry-payloads/{kind}/{name}").read_text("utf-8")
    filled = PLACEHOLDER.sub(lambda match: placeholder(match.group(1)), text)
    loaded: dict[str, Any] = json.loads(filled)
    return loaded


@pytest.mark.parametrize(("kind", "name", "fields"), INVALID)
def test_invalid_entry_payloads_are_422_naming_every_field(
    client: TestClient, store: Store, owner: Key, kind: str, name: str, fields: list[str]
) -> None:
    response = client.post(f"/{kind}", json=entry_payload(kind, name), headers=owner.headers)
    body = assert_problem(response, 422)
    assert [error["field"] for error in body["errors"]] == fields
    for error in body["errors"]:
        assert error["message_nl"] and error["message_en"]
        assert error["pointer"].startswith("#/")
    assert store.changes_since(0) == []


def test_invalid_replacement_keeps_the_record(client: TestClient, store: Store, owner: Key) -> None:
    event_id = create(client, owner)
    broken = {**EVENT, "priceInfo": [], "name": {"fr": "Sans nom néerlandais"}, "terms": []}
    body = assert_problem(
        client.put(f"/events/{event_id}", json=broken, headers=owner.headers), 422
    )
    assert {e["field"] for e in body["errors"]} == {"terms"}
    assert len(store.history(event_id)) == 1


def test_bodies_that_are_not_json(client: TestClient, owner: Key) -> None:
    headers = {**owner.headers, "Content-Type": "application/json"}
    assert_problem(client.post("/events", content=b"{not json", headers=headers), 400, "JSON")
    assert_problem(client.post("/events", content=b"", headers=headers), 400, "geen inhoud")
    xml = {**owner.headers, "Content-Type": "application/xml"}
    assert_problem(client.post("/events", content=b"<event/>", headers=xml), 415)
    body = assert_problem(client.post("/events", json=[EVENT], headers=owner.headers), 422)
    assert body["errors"][0]["pointer"] == "#"
    ld = {**owner.headers, "Content-Type": "application/ld+json"}
    assert client.post("/events", content=json.dumps(EVENT), headers=ld).status_code == 201


def test_a_label_must_be_a_valid_label(client: TestClient, owner: Key) -> None:
    event_id = create(client, owner)
    body = assert_problem(client.put(f"/events/{event_id}/labels/a;b", headers=owner.headers), 422)
    assert body["errors"][0]["field"] == "labels[1]"
    object_id = client.post("/objects", json=OBJECT, headers=owner.headers).json()["id"]
    hidden = client.put(f"/objects/{object_id}/labels/depot?hidden=true", headers=owner.headers)
    assert assert_problem(hidden, 422)["errors"][0]["field"] == "hiddenLabels"
    assert (
        client.put(f"/objects/{object_id}/labels/depot", headers=owner.headers).status_code == 204
    )
    assert client.get(f"/objects/{object_id}").json()["labels"] == ["depot"]


# --- workflow ---------------------------------------------------------------------------------


def test_workflow_moves_forward_only(client: TestClient, store: Store, owner: Key) -> None:
    event_id = create(client, owner)
    url = f"/events/{event_id}/workflow-status"

    def move(status: str) -> Any:
        return client.put(url, json={"workflowStatus": status}, headers=owner.headers)

    assert move("READY_FOR_VALIDATION").status_code == 204
    assert client.get(f"/events/{event_id}").json()["workflowStatus"] == "READY_FOR_VALIDATION"
    assert move("READY_FOR_VALIDATION").status_code == 204  # same status: nothing changes
    assert len(store.history(event_id)) == 2
    back = assert_problem(move("DRAFT"), 409, "READY_FOR_VALIDATION", "DRAFT")
    assert back["allowed"] == ["APPROVED", "REJECTED", "DELETED"]
    assert move("APPROVED").status_code == 204
    refused = assert_problem(move("REJECTED"), 409)
    assert refused["workflowStatus"] == "APPROVED" and refused["allowed"] == ["DELETED"]
    assert [v.workflow_status for v in store.history(event_id)] == [
        "draft",
        "ready_for_validation",
        "approved",
    ]
    assert store.get(event_id).workflow_status == "approved"  # type: ignore[union-attr]

    # a replacement keeps the status, and may not change it
    assert client.put(f"/events/{event_id}", json=EVENT, headers=owner.headers).status_code == 200
    assert client.get(f"/events/{event_id}").json()["workflowStatus"] == "APPROVED"
    draft_again = {**EVENT, "workflowStatus": "DRAFT"}
    assert_problem(
        client.put(f"/events/{event_id}", json=draft_again, headers=owner.headers),
        409,
        "workflow-status",
    )
    assert_problem(move("PUBLISHED"), 422)
    assert_problem(client.put(url, json={}, headers=owner.headers), 422)

    assert move("DELETED").status_code == 204
    assert_problem(client.get(f"/events/{event_id}"), 410)
    assert store.history(event_id)[-1].is_tombstone


def test_a_new_record_may_start_ready_for_validation(client: TestClient, owner: Key) -> None:
    ready = create(client, owner, {**EVENT, "workflowStatus": "READY_FOR_VALIDATION"})
    assert client.get(f"/events/{ready}").json()["workflowStatus"] == "READY_FOR_VALIDATION"
    approved = client.post(
        "/events", json={**EVENT, "workflowStatus": "APPROVED"}, headers=owner.headers
    )
    assert assert_problem(approved, 422)["errors"][0]["field"] == "workflowStatus"


# --- optimistic concurrency -------------------------------------------------------------------


def test_if_match_refuses_stale_writes(client: TestClient, store: Store, owner: Key) -> None:
    event_id = create(client, owner)
    url = f"/events/{event_id}"
    seen = client.get(url).headers["etag"]
    first = {**EVENT, "typicalAgeRange": "10-"}
    ok = client.put(url, json=first, headers={**owner.headers, "If-Match": seen})
    assert ok.status_code == 200
    assert ok.headers["etag"] == client.get(url).headers["etag"] != seen

    second = {**EVENT, "typicalAgeRange": "14-"}
    stale = client.put(url, json=second, headers={**owner.headers, "If-Match": seen})
    body = assert_problem(stale, 412, "gewijzigd", "changed")
    assert body["currentETag"] == ok.headers["etag"]
    assert store.get(event_id).document["typicalAgeRange"] == "10-"  # type: ignore[union-attr]

    for stale_call in (
        client.delete(url, headers={**owner.headers, "If-Match": seen}),
        client.put(f"{url}/labels/Vlieg", headers={**owner.headers, "If-Match": seen}),
        client.put(f"{url}/workflow-status", json={"workflowStatus": "READY_FOR_VALIDATION"},
                   headers={**owner.headers, "If-Match": seen}),
    ):  # fmt: skip
        assert_problem(stale_call, 412)
    strong = ok.headers["etag"].removeprefix("W/")
    assert client.put(url, json=second, headers={**owner.headers, "If-Match": strong}).is_success
    assert client.put(url, json=first, headers={**owner.headers, "If-Match": "*"}).is_success
    assert len(store.history(event_id)) == 4


# --- documentation ----------------------------------------------------------------------------


def test_labels_added_at_once_are_never_lost(client: TestClient, store: Store, owner: Key) -> None:
    """Each label change reads the record and writes a new version from it; a write that lands
    in between makes it 412, never a silent loss of the other label."""
    event_id = create(client, owner)
    url = f"/events/{event_id}"
    names = [f"festival-{n}" for n in range(12)]

    def add(name: str) -> tuple[str, int]:
        return name, client.put(f"{url}/labels/{name}", headers=owner.headers).status_code

    with ThreadPoolExecutor(6) as pool:
        answers = list(pool.map(add, names))
    assert {status for _, status in answers} <= {204, 412}
    kept = set(client.get(url).json()["labels"]) - {"kamermuziek"}
    assert kept == {name for name, status in answers if status == 204}
    assert len(store.history(event_id)) == 1 + len(kept)


class _WriteLandsInBetween(Store):
    """A real store where, once, another real write lands right after a record is read."""

    competing: RecordDraft | None = None

    def get(self, record_id: UUID) -> Any:
        found = super().get(record_id)
        if self.competing is not None:
            competing, self.competing = self.competing, None
            self.put(competing, "someone else")
        return found


@pytest.mark.parametrize("action", ["label", "replace", "workflow", "delete"])
def test_a_write_landing_between_read_and_write_is_kept_and_ours_is_412(
    database_url: str, action: str
) -> None:
    store = _WriteLandsInBetween(database_url)
    try:
        key = make_key(store, "De Bijloke", ["read", "write"])
        record = parse_record(RecordType.EVENT, copy.deepcopy(EVENT))
        first = store.put(draft_from_record(RecordType.EVENT, record, key.organisation), "t")
        other = copy.deepcopy(EVENT)
        other["name"] = {"nl": "Intussen gewijzigd"}
        competing = draft_from_record(
            RecordType.EVENT, parse_record(RecordType.EVENT, other), key.organisation,
            record_id=first.id,
        )  # fmt: skip
        store.competing = competing
        scopes = frozenset({Scope.READ, Scope.WRITE})
        writer = write_service.Writer.of(Principal(key.organisation, scopes), key.key)
        target = write_service.Target(RecordType.EVENT, first.id)
        with pytest.raises(write_service.StaleVersion, match="niets verloren"):
            if action == "label":
                change = write_service.LabelChange("uitpas", add=True)
                write_service.change_label(store, target, change, writer)
            elif action == "replace":
                body = write_service.Payload(json.dumps(EVENT).encode(), "application/json")
                write_service.replace_record(store, target, body, writer)
            elif action == "workflow":
                body = write_service.Payload(
                    b'{"workflowStatus": "READY_FOR_VALIDATION"}', "application/json"
                )
                write_service.move_workflow(store, target, body, writer)
            else:
                write_service.delete_record(store, target, writer)
        kept = store.get(first.id)
        assert kept is not None and not kept.deleted and kept.version == 2
        assert kept.document["name"] == {"nl": "Intussen gewijzigd"}
        assert "uitpas" not in kept.document.get("labels", [])
    finally:
        store.close()


def test_a_write_from_a_version_no_longer_current_is_refused_by_the_store(
    store: Store, owner: Key
) -> None:
    first = store.put(RecordDraft("event", owner.organisation, {"name": {"nl": "A"}}), "t")
    second = store.put(
        RecordDraft("event", owner.organisation, {"name": {"nl": "B"}}, first.id,
                    expected_version=1), "t",
    )  # fmt: skip
    assert second.version == 2
    with pytest.raises(VersionConflict, match="version 2, not 1"):
        store.put(
            RecordDraft("event", owner.organisation, {"name": {"nl": "C"}}, first.id,
                        expected_version=1), "t",
        )  # fmt: skip
    with pytest.raises(VersionConflict):
        store.delete(first.id, "t", expected_version=1)
    assert store.get(first.id).document == {"name": {"nl": "B"}}  # type: ignore[union-attr]
    assert store.delete(first.id, "t", expected_version=2).version == 3


def test_openapi_documents_every_write(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["ApiKey"]["name"] == "X-Api-Key"
    for record_type in WRITABLE:
        base = f"/{record_type.path}"
        operations = [
            spec["paths"][base]["post"],
            spec["paths"][base + "/{record_id}"]["put"],
            spec["paths"][base + "/{record_id}"]["delete"],
            spec["paths"][base + "/{record_id}/labels/{label}"]["put"],
            spec["paths"][base + "/{record_id}/labels/{label}"]["delete"],
            spec["paths"][base + "/{record_id}/workflow-status"]["put"],
        ]
        for operation in operations:
            assert operation["summary"]
            assert operation["security"] == [{"ApiKey": []}]
            for status in ("401", "403", "429"):
                assert PROBLEM in operation["responses"][status]["content"]
        create_op = operations[0]
        examples = create_op["requestBody"]["content"]["application/json"]["examples"]
        assert examples == EXAMPLES[record_type]
        assert "422" in create_op["responses"] and "413" in create_op["responses"]
        assert operations[1]["responses"]["412"]["description"]
    event_example = spec["paths"]["/events"]["post"]["requestBody"]["content"]
    assert event_example["application/json"]["examples"]["concert"]["value"] == EVENT


def test_a_document_larger_than_the_store_takes_is_413(database_url: str) -> None:
    small = Store(database_url, Limits(max_batch_size=10, max_document_bytes=600))
    try:
        key = make_key(small, "Klein museum", ["read", "write"])
        with TestClient(create_app(small)) as client:
            body = assert_problem(client.post("/events", json=EVENT, headers=key.headers), 413)
            assert "te groot" in body["detail"] and "600" in body["detail"]
            assert small.changes_since(0) == []
    finally:
        small.close()
