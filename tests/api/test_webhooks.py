"""``/webhooks`` over HTTP: subscribe with any key, own organisation only, deliveries, the loop."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.publish import WebhookOptions, deliver_due
from cultuurhub.store import RecordDraft, Store
from tests.publish.webhook_receiver import Receiver


def configure(monkeypatch: pytest.MonkeyPatch, **settings: str) -> Iterator[None]:
    for name, value in settings.items():
        monkeypatch.setenv(f"CULTUURHUB_{name.upper()}", value)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def private_urls(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from configure(monkeypatch, webhook_allow_private="true")


@pytest.fixture
def client(store: Store, private_urls: None) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    listening = Receiver()
    listening.start()
    yield listening
    listening.stop()


@pytest.fixture
def opera(store: Store) -> UUID:
    return store.create_organisation("Opera Ballet Vlaanderen", "opera").id


@pytest.fixture
def reader_key(store: Store, opera: UUID) -> dict[str, str]:
    return {"X-Api-Key": store.create_api_key(opera, ["read"])[1]}


@pytest.fixture
def stranger_key(store: Store) -> dict[str, str]:
    other = store.create_organisation("Concertgebouw Brugge", "concertzaal").id
    return {"X-Api-Key": store.create_api_key(other, ["read", "write"])[1]}


def put(store: Store, owner: UUID, name: str) -> UUID:
    return store.put(RecordDraft("event", owner, {"name": {"nl": name}}), "test").id


def test_a_read_key_subscribes_and_sees_the_secret_once(
    client: TestClient, reader_key: dict[str, str], opera: UUID, receiver: Receiver
) -> None:
    answer = client.post(
        "/webhooks", json={"url": receiver.url, "types": ["events"]}, headers=reader_key
    )
    assert answer.status_code == 201, answer.text
    created = answer.json()
    assert created["secret"].startswith("whsec_") and len(created["secret"]) > 40
    assert answer.headers["location"] == f"http://127.0.0.1:8000/webhooks/{created['id']}"
    assert (created["url"], created["types"], created["organisation"]) == (
        receiver.url, ["event"], str(opera),
    )  # fmt: skip
    assert (created["active"], created["failures"], created["position"]) == (True, 0, 0)
    assert created["feed"] == "http://127.0.0.1:8000/changes?since=0&type=events"

    listed = client.get("/webhooks", headers=reader_key).json()["items"]
    assert [w["id"] for w in listed] == [created["id"]]
    assert "secret" not in listed[0]
    shown = client.get(f"/webhooks/{created['id']}", headers=reader_key).json()
    assert "secret" not in shown and shown["url"] == receiver.url


def test_only_the_own_organisation_manages_a_webhook(
    client: TestClient,
    reader_key: dict[str, str],
    stranger_key: dict[str, str],
    receiver: Receiver,
) -> None:
    made = client.post("/webhooks", json={"url": receiver.url}, headers=reader_key).json()
    path = f"/webhooks/{made['id']}"
    assert client.post("/webhooks", json={"url": receiver.url}).status_code == 401
    assert client.get("/webhooks").status_code == 401
    assert client.get("/webhooks", headers=stranger_key).json()["items"] == []
    for call in (client.get, client.delete):
        refused = call(path, headers=stranger_key)
        assert refused.status_code == 404
        assert "Er is geen webhook" in refused.json()["detail"]
    assert client.get(f"{path}/deliveries", headers=stranger_key).status_code == 404
    assert client.delete(path, headers=reader_key).status_code == 204
    assert client.get(path, headers=reader_key).status_code == 404


def test_bad_subscriptions_are_refused(
    client: TestClient, reader_key: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(body: dict[str, object]) -> str:
        answer = client.post("/webhooks", json=body, headers=reader_key)
        assert answer.status_code == 422, answer.text
        return str(answer.json()["detail"])

    assert "Onbekend recordtype" in refused({"url": "https://93.184.215.14/h", "types": ["x"]})
    assert "http:// of https://" in refused({"url": "ftp://93.184.215.14/h"})
    assert "'since'" in refused({"url": "https://93.184.215.14/h", "since": 99})
    monkeypatch.setenv("CULTUURHUB_WEBHOOK_ALLOW_PRIVATE", "false")
    get_settings.cache_clear()
    assert "privé- of lokaal adres" in refused({"url": "http://127.0.0.1:9/hook"})


def test_deliveries_are_listed_and_a_disabled_webhook_can_be_enabled(
    client: TestClient, store: Store, opera: UUID, reader_key: dict[str, str], receiver: Receiver
) -> None:
    made = client.post("/webhooks", json={"url": receiver.url}, headers=reader_key).json()
    receiver.secret = made["secret"]
    receiver.status = 503
    put(store, opera, "Tosca")
    options = WebhookOptions(max_failures=2, allow_private=True)
    moment = datetime.now(UTC)
    deliver_due(store, now=moment, options=options)
    deliver_due(store, now=moment + timedelta(minutes=1), options=options)

    path = f"/webhooks/{made['id']}"
    disabled = client.get(path, headers=reader_key).json()
    assert (disabled["active"], disabled["failures"], disabled["disabled"] is not None) == (
        False, 2, True,
    )  # fmt: skip
    log = client.get(f"{path}/deliveries", headers=reader_key).json()["items"]
    assert [(d["attempt"], d["statusCode"], d["delivered"], d["error"]) for d in log] == [
        (2, 503, False, "HTTP 503"), (1, 503, False, "HTTP 503"),
    ]  # fmt: skip
    assert (log[0]["seqFrom"], log[0]["seqTo"]) == (1, 1)

    enabled = client.post(f"{path}/enable", headers=reader_key).json()
    assert (enabled["active"], enabled["failures"], enabled["position"]) == (True, 0, 0)
    receiver.status = 200
    assert deliver_due(store, options=options).delivered == 1  # resumes where it stopped
    assert receiver.received[-1].signature_valid
    assert [c["seq"] for c in receiver.received[-1].json["changes"]] == [1]


@pytest.fixture
def delivery_loop(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from configure(
        monkeypatch, webhooks="true", webhook_interval_seconds="0.05", webhook_allow_private="1"
    )


def test_the_app_runs_the_delivery_loop_when_enabled(
    store: Store, opera: UUID, receiver: Receiver, delivery_loop: None
) -> None:
    _, secret = store.create_api_key(opera, ["read"])
    with TestClient(create_app(store)) as client:
        made = client.post("/webhooks", json={"url": receiver.url}, headers={"X-Api-Key": secret})
        receiver.secret = made.json()["secret"]
        record = put(store, opera, "Die Zauberflöte")
        deadline = time.monotonic() + 10
        while not receiver.received and time.monotonic() < deadline:
            time.sleep(0.05)
    [delivery] = receiver.received
    assert delivery.signature_valid
    assert [c["id"] for c in delivery.json["changes"]] == [str(record)]
