"""Webhook deliveries to a real local receiver: signed, batched, retried with back-off, disabled.

Time is driven through ``deliver_due(now=...)``; the HTTP calls and the databases are real.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from cultuurhub.publish import (
    SIGNATURE_HEADER,
    WEBHOOK_HEADER,
    Subscription,
    WebhookOptions,
    WebhookRefused,
    check_webhook_url,
    deliver_due,
    sign,
    subscribe,
    verify_signature,
)
from cultuurhub.store import (
    ApiKey,
    RecordDraft,
    Store,
    Webhook,
    claim_webhook,
    get_webhook,
    head_seq,
    list_deliveries,
)
from tests.publish.webhook_receiver import Receiver

OPTIONS = WebhookOptions(
    batch_size=100, timeout_seconds=5, max_failures=4, retry_seconds=60, allow_private=True
)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    listening = Receiver()
    yield listening
    listening.stop()


@pytest.fixture
def owner(store: Store) -> UUID:
    return store.create_organisation("Vooruit", "kunstencentrum").id


@pytest.fixture
def key(store: Store, owner: UUID) -> ApiKey:
    return store.create_api_key(owner, ["read"])[0]


def put(store: Store, owner: UUID, kind: str = "event", **extra: str) -> UUID:
    draft = RecordDraft(kind, owner, {"name": {"nl": f"{kind} {time.perf_counter_ns()}"}}, **extra)
    return store.put(draft, "test").id


def hook(store: Store, key: ApiKey, receiver: Receiver, **wanted: object) -> Webhook:
    webhook, secret = subscribe(store, key, Subscription(receiver.url, **wanted), OPTIONS)
    receiver.secret = secret
    return webhook


def test_a_signed_batch_arrives_and_moves_the_position(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    receiver.start()
    webhook = hook(store, key, receiver)
    event, place = put(store, owner), put(store, owner, "place")
    store.delete(event, "test")

    report = deliver_due(store, options=OPTIONS)

    assert (report.delivered, report.failed, report.more) == (1, 0, False)
    [delivery] = receiver.received
    assert delivery.signature_valid
    assert delivery.headers[WEBHOOK_HEADER.lower()] == str(webhook.id)
    body = delivery.json
    assert (body["seqFrom"], body["seqTo"]) == (1, 3)
    assert [(c["seq"], c["id"], c["deleted"]) for c in body["changes"]] == [
        (1, str(event), False), (2, str(place), False), (3, str(event), True),
    ]  # fmt: skip
    assert body["changes"][1]["link"].endswith(f"/places/{place}")
    assert body["feed"].endswith("/changes?since=0")
    assert get_webhook(store, webhook.id).position == 3
    [logged] = list_deliveries(store, webhook.id, 10)
    assert (logged.seq_from, logged.seq_to, logged.attempt) == (1, 3, 1)
    assert (logged.delivered, logged.status_code, logged.error) == (True, 200, None)
    assert deliver_due(store, options=OPTIONS).delivered == 0  # nothing new: nothing sent
    assert len(receiver.received) == 1


def test_a_new_subscription_starts_at_the_end_unless_told_otherwise(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    receiver.start()
    put(store, owner)
    from_now = hook(store, key, receiver)
    from_start = hook(store, key, receiver, since=0)
    assert (from_now.position, from_start.position) == (1, 0)
    with pytest.raises(WebhookRefused, match="since"):
        hook(store, key, receiver, since=5)


def test_retried_with_back_off_until_the_receiver_is_back(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    webhook = hook(store, key, receiver)  # the receiver is not listening yet
    record = put(store, owner)
    start = datetime.now(UTC)

    first = deliver_due(store, now=start, options=OPTIONS)
    assert (first.delivered, first.failed) == (0, 1)
    failed = get_webhook(store, webhook.id)
    assert failed is not None
    assert (failed.position, failed.failures, failed.active) == (0, 1, True)
    assert failed.next_attempt == start + timedelta(seconds=60)

    assert deliver_due(store, now=start + timedelta(seconds=30), options=OPTIONS).failed == 0
    assert len(list_deliveries(store, webhook.id, 10)) == 1  # not due yet: no attempt

    receiver.start()
    later = deliver_due(store, now=start + timedelta(seconds=61), options=OPTIONS)

    assert later.delivered == 1
    [delivery] = receiver.received
    assert delivery.signature_valid
    assert [c["id"] for c in delivery.json["changes"]] == [str(record)]
    second, first_attempt = list_deliveries(store, webhook.id, 10)
    assert (first_attempt.attempt, first_attempt.delivered, first_attempt.status_code) == (
        1, False, None,
    )  # fmt: skip
    assert "Connect" in (first_attempt.error or "")
    assert (second.attempt, second.delivered, second.status_code) == (2, True, 200)
    assert get_webhook(store, webhook.id).failures == 0


def test_disabled_after_repeated_failures_every_attempt_logged(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    receiver.status = 500
    receiver.start()
    webhook = hook(store, key, receiver)
    put(store, owner)
    moment = datetime.now(UTC)
    waits = []
    for _ in range(OPTIONS.max_failures):
        deliver_due(store, now=moment, options=OPTIONS)
        current = get_webhook(store, webhook.id)
        assert current is not None
        if current.next_attempt is not None:
            waits.append(current.next_attempt - moment)
            moment = current.next_attempt

    disabled = get_webhook(store, webhook.id)
    assert disabled is not None
    assert (disabled.active, disabled.failures, disabled.position) == (False, 4, 0)
    assert disabled.disabled == moment
    assert waits == [timedelta(seconds=s) for s in (60, 120, 240)]  # doubling
    logged = list_deliveries(store, webhook.id, 10)
    assert [(d.attempt, d.status_code, d.error) for d in reversed(logged)] == [
        (n, 500, "HTTP 500") for n in (1, 2, 3, 4)
    ]
    assert all(d.signature_valid for d in receiver.received) and len(receiver.received) == 4
    deliver_due(store, now=moment + timedelta(days=30), options=OPTIONS)
    assert len(receiver.received) == 4  # a disabled webhook is left alone


def test_filters_and_private_records(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    receiver.start()
    other = store.create_organisation("Handelsbeurs", "concertzaal").id
    places = hook(store, key, receiver, types=("place",))
    put(store, owner)  # an event: not for this webhook
    assert deliver_due(store, options=OPTIONS).skipped == 1
    assert receiver.received == []
    assert get_webhook(store, places.id).position == 1

    own_private = put(store, owner, "place", visibility="private")
    put(store, other, "place", visibility="private")  # another organisation's: never shown
    public = put(store, other, "place")
    deliver_due(store, options=OPTIONS)

    [delivery] = receiver.received
    assert [c["id"] for c in delivery.json["changes"]] == [str(own_private), str(public)]
    assert (delivery.json["seqFrom"], delivery.json["seqTo"]) == (2, 4)


def test_large_backlogs_go_in_batches(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    receiver.start()
    webhook = hook(store, key, receiver, since=0)
    for _ in range(5):
        put(store, owner)
    small = WebhookOptions(batch_size=2, allow_private=True)
    reports = [deliver_due(store, options=small) for _ in range(3)]
    assert [r.more for r in reports] == [True, True, False]
    ranges = [(d.json["seqFrom"], d.json["seqTo"]) for d in receiver.received]
    assert ranges == [(1, 2), (3, 4), (5, 5)]
    assert get_webhook(store, webhook.id).position == head_seq(store) == 5


def test_a_claimed_webhook_is_not_delivered_twice(
    store: Store, key: ApiKey, receiver: Receiver
) -> None:
    webhook = hook(store, key, receiver)
    now = datetime.now(UTC)
    lease = now + timedelta(minutes=1)
    assert claim_webhook(store, webhook.id, now, lease) is not None
    assert claim_webhook(store, webhook.id, now, lease) is None  # the other worker backs off
    assert claim_webhook(store, webhook.id, lease, lease + timedelta(minutes=1)) is not None


def test_a_revoked_key_stops_its_webhooks(
    store: Store, owner: UUID, key: ApiKey, receiver: Receiver
) -> None:
    receiver.start()
    hook(store, key, receiver)
    store.revoke_api_key(key.id)
    put(store, owner)
    assert deliver_due(store, options=OPTIONS).delivered == 0
    assert receiver.received == []


def test_verify_signature_refuses_tampering_replay_and_wrong_secrets() -> None:
    body, secret, now = b'{"changes":[]}', "whsec_test", int(time.time())
    header = sign(secret, body, now)
    assert header.startswith(f"t={now},v1=") and len(header.split("v1=")[1]) == 64
    assert verify_signature(secret, body, header)
    assert not verify_signature(secret, body + b" ", header)
    assert not verify_signature("whsec_other", body, header)
    assert not verify_signature(secret, body, sign(secret, body, now - 3600))  # replayed
    assert not verify_signature(secret, body, "v1=abc")
    assert not verify_signature(secret, body, "garbage")
    assert verify_signature(secret, body, f"{header},v1=0000")  # several v1 (key rotation)


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.be/hook",
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "not a url",
        "http://93.184.215.14:0/hook",
        "http://93.184.215.14:99999/hook",
    ],
)
def test_urls_into_private_networks_are_refused(url: str) -> None:
    with pytest.raises(WebhookRefused):
        check_webhook_url(url)


def test_public_and_allowed_private_urls_pass() -> None:
    check_webhook_url("https://93.184.215.14/hooks")
    check_webhook_url("http://127.0.0.1:8000/hook", allow_private=True)


def test_signature_header_name_is_stable() -> None:
    assert SIGNATURE_HEADER == "X-Cultuurhub-Signature"
