"""Creates with an Idempotency-Key, over a real store (SQLite and PostgreSQL) with real keys."""

from __future__ import annotations

import copy
import time
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from cultuurhub.api import write
from cultuurhub.api.idempotency import fingerprint
from cultuurhub.api.write_examples import EVENT
from cultuurhub.store import Claim, Store, StoredResponse
from cultuurhub.store.tables import idempotency_keys
from tests.api.test_write import Key, assert_problem, make_key

HOUR = timedelta(hours=1)


def post(client: TestClient, key: Key, idempotency_key: str | None, body: object = EVENT) -> object:
    headers = dict(key.headers)
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    return client.post("/events", json=body, headers=headers)


def events(store: Store) -> int:
    return store.counts_by_type().get("event", 0)


def test_a_retried_create_answers_as_the_first_time_and_makes_nothing_new(
    client: TestClient, store: Store, owner: Key
) -> None:
    first = post(client, owner, "8e03978e-40d5-43e8-bc93-6894a57f9324")
    again = post(client, owner, '"8e03978e-40d5-43e8-bc93-6894a57f9324"')  # as an sf-string
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.content == first.content
    assert again.headers["location"] == first.headers["location"]
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert events(store) == 1
    assert (post(client, owner, None).status_code, events(store)) == (201, 2)  # no key: new


def test_the_same_key_with_another_request_is_refused(
    client: TestClient, store: Store, owner: Key
) -> None:
    assert post(client, owner, "order-17").status_code == 201
    changed = copy.deepcopy(EVENT)
    changed["name"]["nl"] = "Een ander concert"
    assert_problem(post(client, owner, "order-17", changed), 422, "Idempotency-Key")
    assert events(store) == 1


def test_keys_belong_to_one_organisation(client: TestClient, store: Store, owner: Key) -> None:
    other = make_key(store, "Cultuurcentrum Brugge", ["read", "write"])
    mine, theirs = post(client, owner, "k-1"), post(client, other, "k-1")
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]
    assert "idempotent-replayed" not in theirs.headers


def test_a_refused_record_is_answered_the_same_again(client: TestClient, owner: Key) -> None:
    invalid = {**EVENT, "terms": []}
    first = assert_problem(post(client, owner, "bad-1", invalid), 422)
    again = post(client, owner, "bad-1", invalid)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first


@pytest.mark.parametrize("bad", ["", "x" * 256, "sleutel met spaties", "clé".encode("latin-1")])
def test_a_malformed_key_is_refused(
    client: TestClient, store: Store, owner: Key, bad: str | bytes
) -> None:
    headers = {**owner.headers, "Idempotency-Key": bad}
    response = client.post("/events", json=EVENT, headers=headers)
    assert_problem(response, 400, "Idempotency-Key")
    assert events(store) == 0


def test_a_retry_while_the_first_request_runs_is_told_to_wait(
    client: TestClient, store: Store, owner: Key
) -> None:
    body = orjson.dumps(EVENT)
    headers = {**owner.headers, "Content-Type": "application/json", "Idempotency-Key": "busy"}
    running = fingerprint("POST", "/events", "application/json", body)
    held = store.claim_idempotency_key(owner.organisation, "busy", running, HOUR)
    assert held.outcome == "new"  # as if another worker were running this request now
    waiting = client.post("/events", content=body, headers=headers)
    assert_problem(waiting, 409, "Idempotency-Key")
    assert waiting.headers["retry-after"] == "1"
    assert events(store) == 0
    store.release_idempotency_key(owner.organisation, "busy")  # that worker failed
    assert client.post("/events", content=body, headers=headers).status_code == 201


def test_a_request_that_failed_on_the_hubs_side_can_be_retried(
    client: TestClient, store: Store, owner: Key, monkeypatch: pytest.MonkeyPatch
) -> None:
    post_while_broken(client, owner, "retry-me", (write, "create_record"), monkeypatch)
    response = post(client, owner, "retry-me")
    assert response.status_code == 201 and "idempotent-replayed" not in response.headers
    assert events(store) == 1


def post_while_broken(
    client: TestClient,
    owner: Key,
    key: str,
    broken: tuple[object, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Post an event with ``key`` while ``broken`` (an object and an attribute) raises, as a
    hub whose database went away or that stopped would; then mend it again."""

    def fail(*args: object) -> None:
        raise RuntimeError("the hub failed here")

    monkeypatch.setattr(*broken, fail)
    with pytest.raises(RuntimeError, match="the hub failed here"):
        post(client, owner, key)
    monkeypatch.undo()


CREATED = StoredResponse(201, {}, b"{}")


def claim(store: Store, owner: Key, fingerprint: str = "f", lifetime: timedelta = HOUR) -> Claim:
    """Claim the key "k" for a request with this fingerprint, straight on the store."""
    return store.claim_idempotency_key(owner.organisation, "k", fingerprint, lifetime)


def test_keys_expire(store: Store, owner: Key) -> None:
    assert claim(store, owner).outcome == "new"
    store.finish_idempotency_key(owner.organisation, "k", CREATED)
    kept = claim(store, owner)
    assert (kept.outcome, kept.response) == ("replay", CREATED)
    time.sleep(0.01)
    assert claim(store, owner, "g", timedelta(0)).outcome == "new"


def test_a_key_left_running_by_a_stopped_hub_is_taken_over(store: Store, owner: Key) -> None:
    assert [claim(store, owner).outcome for _ in range(2)] == ["new", "running"]
    with store.engine.begin() as connection:  # the first request started three minutes ago
        connection.execute(
            update(idempotency_keys).values(created=datetime.now(UTC) - timedelta(minutes=3))
        )
    assert [claim(store, owner).outcome for _ in range(2)] == ["new", "running"]


def test_a_create_is_made_once_even_if_the_hub_stops_right_after_storing_it(
    client: TestClient, store: Store, owner: Key, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the hub stops after the record was stored, before it marks the key finished
    post_while_broken(client, owner, "once", (Store, "finish_idempotency_key"), monkeypatch)
    assert events(store) == 1  # the record was stored, with its answer in the same transaction
    again = post(client, owner, "once")
    assert (again.status_code, again.headers["idempotent-replayed"]) == (201, "true")
    assert events(store) == 1


def test_releasing_a_key_keeps_an_answer_already_kept(store: Store, owner: Key) -> None:
    assert claim(store, owner).outcome == "new"
    store.finish_idempotency_key(owner.organisation, "k", CREATED)
    store.release_idempotency_key(owner.organisation, "k")
    store.finish_idempotency_key(owner.organisation, "k", StoredResponse(500, {}, b"x"))
    kept = claim(store, owner)
    assert (kept.outcome, kept.response) == ("replay", CREATED)
