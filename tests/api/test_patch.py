"""PATCH with a JSON Merge Patch (RFC 7396), over a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import orjson
import pytest
from fastapi.testclient import TestClient

from cultuurhub.api.write_examples import EVENT
from cultuurhub.api.write_service import merge_patch
from cultuurhub.store import Store
from tests.api.test_write import Key, assert_problem, create, make_key

MERGE_PATCH = "application/merge-patch+json"


def patch(client: TestClient, key: Key, event_id: UUID, body: Any, **headers: str) -> Any:
    sent = {**key.headers, "Content-Type": MERGE_PATCH, **headers}
    return client.patch(f"/events/{event_id}", content=orjson.dumps(body), headers=sent)


def test_the_rfc_7396_examples() -> None:
    target = {"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
              "tags": ["example", "sample"], "content": "This will be unchanged"}  # fmt: skip
    change = {"title": "Hello!", "phoneNumber": "+01-123-456-7890",
              "author": {"familyName": None}, "tags": ["example"]}  # fmt: skip
    assert merge_patch(target, change) == {
        "title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
        "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890",
    }  # fmt: skip
    assert target["title"] == "Goodbye!"  # the target is not changed in place
    assert merge_patch({"a": [{"b": "c"}]}, {"a": [1]}) == {"a": [1]}
    assert merge_patch({"a": "foo"}, {"a": {"bb": {"ccc": None}}}) == {"a": {"bb": {}}}
    assert merge_patch({"e": None}, {"a": 1}) == {"e": None, "a": 1}


def test_a_patch_changes_only_the_fields_it_names(
    client: TestClient, store: Store, owner: Key
) -> None:
    event_id = create(client, owner)
    changed = patch(client, owner, event_id,
                    {"name": {"nl": "Ravel en Debussy"}, "typicalAgeRange": None})  # fmt: skip
    assert changed.status_code == 200, changed.text
    assert (changed.json()["version"], changed.json()["outcome"]) == (2, "updated")
    document = client.get(f"/events/{event_id}").json()
    assert document["name"] == {"nl": "Ravel en Debussy", "en": EVENT["name"]["en"]}
    assert "typicalAgeRange" not in document
    assert document["priceInfo"] == client.get(f"/events/{event_id}/versions/1").json()["priceInfo"]
    again = patch(client, owner, event_id, {"name": {"nl": "Ravel en Debussy"}})
    assert (again.json()["version"], again.json()["outcome"]) == (2, "unchanged")
    assert [v.author for v in store.history(event_id)] == [owner.author] * 2


def test_a_patch_that_breaks_the_record_is_refused_whole(
    client: TestClient, store: Store, owner: Key
) -> None:
    event_id = create(client, owner)
    body = assert_problem(patch(client, owner, event_id, {"terms": None}), 422)
    assert any(error["field"].startswith("terms") for error in body["errors"])
    assert_problem(patch(client, owner, event_id, ["not", "an", "object"]), 400, "merge patch")
    assert_problem(
        patch(client, owner, event_id, {"workflowStatus": "APPROVED"}), 409, "workflow-status"
    )
    assert len(store.history(event_id)) == 1


def test_a_patch_follows_the_same_rules_as_a_replacement(
    client: TestClient, store: Store, owner: Key
) -> None:
    event_id = create(client, owner)
    other = make_key(store, "Cultuurcentrum Brugge", ["read", "write"])
    assert_problem(patch(client, other, event_id, {"name": {"nl": "Van mij"}}), 403)
    stale = patch(client, owner, event_id, {"name": {"nl": "x"}}, **{"If-Match": 'W/"nope-1"'})
    assert_problem(stale, 412)
    fresh = client.get(f"/events/{event_id}").headers["etag"]
    ok = patch(client, owner, event_id, {"name": {"nl": "Nieuw"}}, **{"If-Match": fresh})
    assert ok.status_code == 200
    text = client.patch(
        f"/events/{event_id}", content=b"name=x",
        headers={**owner.headers, "Content-Type": "text/plain"},
    )  # fmt: skip
    assert_problem(text, 415)


@pytest.mark.parametrize("missing", ["00000000-0000-7000-8000-000000000000"])
def test_patching_what_is_not_there(client: TestClient, owner: Key, missing: str) -> None:
    assert_problem(patch(client, owner, UUID(missing), {"name": {"nl": "x"}}), 404)
    event_id = create(client, owner)
    assert client.delete(f"/events/{event_id}", headers=owner.headers).status_code == 204
    assert_problem(patch(client, owner, event_id, {"name": {"nl": "x"}}), 410)


def json_patch(client: TestClient, key: Key, event_id: UUID, operations: Any) -> Any:
    sent = {**key.headers, "Content-Type": "application/json-patch+json"}
    return client.patch(f"/events/{event_id}", content=orjson.dumps(operations), headers=sent)


def test_a_json_patch_applies_its_operations_in_order(
    client: TestClient, store: Store, owner: Key
) -> None:
    event_id = create(client, owner)
    title = EVENT["name"]["nl"]
    done = json_patch(client, owner, event_id, [
        {"op": "test", "path": "/name/nl", "value": title},
        {"op": "replace", "path": "/name/nl", "value": f"{title} en Debussy"},
        {"op": "remove", "path": "/typicalAgeRange"},
    ])  # fmt: skip
    assert done.status_code == 200, done.text
    document = client.get(f"/events/{event_id}").json()
    assert document["name"]["nl"] == f"{title} en Debussy"
    assert "typicalAgeRange" not in document


def test_a_json_patch_that_does_not_fit_changes_nothing(
    client: TestClient, store: Store, owner: Key
) -> None:
    event_id = create(client, owner)
    stale = [{"op": "test", "path": "/name/nl", "value": "Een oude titel"},
             {"op": "replace", "path": "/name/nl", "value": "Nieuw"}]  # fmt: skip
    assert_problem(json_patch(client, owner, event_id, stale), 409, "patch")
    missing = [{"op": "remove", "path": "/nergens"}]
    assert_problem(json_patch(client, owner, event_id, missing), 409)
    assert_problem(json_patch(client, owner, event_id, [{"op": "fly"}]), 400, "JSON Patch")
    assert_problem(json_patch(client, owner, event_id, {"op": "remove"}), 400, "JSON Patch")
    broken = [{"op": "remove", "path": "/terms"}]  # applies, but the record is then invalid
    assert_problem(json_patch(client, owner, event_id, broken), 422)
    assert len(store.history(event_id)) == 1
