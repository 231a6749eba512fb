"""Webhook subscriptions and their delivery log: the SQL behind ``cultuurhub.publish.webhooks``.

A subscription's ``position`` is the last sequence number it has been told about (or skipped
because its filters did not match). ``next_attempt`` is the earliest moment it may be tried
again: a delivery worker claims a subscription by moving ``next_attempt`` forward (a lease), so
two workers never deliver the same batch at once, and a worker that dies only delays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from cultuurhub.store.service import Store
from cultuurhub.store.tables import api_keys, webhook_deliveries, webhooks

_WEBHOOK_COLUMNS = (
    webhooks.c.id,
    webhooks.c.organisation_id,
    webhooks.c.api_key_id,
    webhooks.c.url,
    webhooks.c.filters,
    webhooks.c.position,
    webhooks.c.failures,
    webhooks.c.active,
    webhooks.c.next_attempt,
    webhooks.c.created,
    webhooks.c.disabled,
)
_DELIVERY_COLUMNS = tuple(
    webhook_deliveries.c[name]
    for name in (
        "webhook_id",
        "seq_from",
        "seq_to",
        "attempt",
        "status_code",
        "error",
        "delivered",
        "time",
        "id",
    )
)  # the order of Delivery's fields


@dataclass(frozen=True, slots=True)
class Webhook:
    """A subscription as its owner may see it: never its secret."""

    id: UUID
    organisation_id: UUID
    api_key_id: UUID
    url: str
    filters: dict[str, Any]
    position: int
    failures: int
    active: bool
    next_attempt: datetime | None
    created: datetime
    disabled: datetime | None


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    """A subscription claimed for delivery: with its signing secret and its key's scopes."""

    webhook: Webhook
    secret: str
    scopes: frozenset[str]


@dataclass(frozen=True, slots=True)
class NewWebhook:
    """What a new subscription holds: its key, URL, secret, filters and starting position."""

    organisation_id: UUID
    api_key_id: UUID
    url: str
    secret: str
    filters: dict[str, Any]
    position: int


@dataclass(frozen=True, slots=True)
class WebhookState:
    """What a delivery attempt leaves behind on its subscription."""

    position: int
    failures: int
    active: bool
    next_attempt: datetime | None
    disabled: datetime | None = None


@dataclass(frozen=True, slots=True)
class Delivery:
    """One logged delivery attempt: which changes, the receiver's answer, and when."""

    webhook_id: UUID
    seq_from: int
    seq_to: int
    attempt: int
    status_code: int | None
    error: str | None
    delivered: bool
    time: datetime
    id: int | None = None


def create_webhook(store: Store, new: NewWebhook, now: datetime) -> Webhook:
    """Store a new, active subscription, due at once; return it."""
    webhook = Webhook(
        uuid4(), new.organisation_id, new.api_key_id, new.url, new.filters, new.position,
        failures=0, active=True, next_attempt=now, created=now, disabled=None,
    )  # fmt: skip
    row = {column.name: getattr(webhook, column.name) for column in _WEBHOOK_COLUMNS}
    with store.engine.begin() as connection:
        connection.execute(insert(webhooks).values(**row, secret=new.secret))
    return webhook


def get_webhook(store: Store, webhook_id: UUID) -> Webhook | None:
    """Return a subscription, or None."""
    statement = select(*_WEBHOOK_COLUMNS).where(webhooks.c.id == webhook_id)
    with store.reader.connect() as connection:
        row = connection.execute(statement).first()
    return None if row is None else Webhook(*row)


def list_webhooks(store: Store, organisation_id: UUID | None) -> list[Webhook]:
    """Return an organisation's subscriptions (every one with None), oldest first."""
    statement = select(*_WEBHOOK_COLUMNS).order_by(webhooks.c.created, webhooks.c.id)
    if organisation_id is not None:
        statement = statement.where(webhooks.c.organisation_id == organisation_id)
    with store.reader.connect() as connection:
        return [Webhook(*row) for row in connection.execute(statement)]


def count_webhooks(store: Store, organisation_id: UUID) -> int:
    """Return how many subscriptions an organisation has, active or not."""
    statement = select(func.count()).where(webhooks.c.organisation_id == organisation_id)
    with store.reader.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def delete_webhook(store: Store, webhook_id: UUID) -> bool:
    """Delete a subscription and its delivery log; return whether there was one."""
    with store.engine.begin() as connection:
        connection.execute(
            delete(webhook_deliveries).where(webhook_deliveries.c.webhook_id == webhook_id)
        )
        done = connection.execute(delete(webhooks).where(webhooks.c.id == webhook_id))
    return done.rowcount == 1


def due_webhooks(store: Store, now: datetime, head: int, limit: int) -> list[Webhook]:
    """Return active subscriptions of live keys that are due and behind ``head``.

    The longest-waiting come first, so a busy subscription cannot starve the others.
    """
    statement = (
        select(*_WEBHOOK_COLUMNS)
        .join(api_keys, api_keys.c.id == webhooks.c.api_key_id)
        .where(webhooks.c.active.is_(True), api_keys.c.revoked.is_(None))
        .where(webhooks.c.position < head, _due(now))
        .order_by(webhooks.c.next_attempt, webhooks.c.id)
        .limit(limit)
    )
    with store.reader.connect() as connection:
        return [Webhook(*row) for row in connection.execute(statement)]


def claim_webhook(
    store: Store, webhook_id: UUID, now: datetime, until: datetime
) -> WebhookTarget | None:
    """Lease a due subscription until ``until``; return it as it stands, or None if taken."""
    claim = (
        update(webhooks)
        .where(webhooks.c.id == webhook_id, webhooks.c.active.is_(True), _due(now))
        .values(next_attempt=until)
    )
    target = (
        select(*_WEBHOOK_COLUMNS, webhooks.c.secret, api_keys.c.scopes)
        .join(api_keys, api_keys.c.id == webhooks.c.api_key_id)
        .where(webhooks.c.id == webhook_id, api_keys.c.revoked.is_(None))
    )
    with store.engine.begin() as connection:
        if connection.execute(claim).rowcount != 1:
            return None
        row = connection.execute(target).first()
    if row is None:
        return None
    *columns, secret, scopes = row
    return WebhookTarget(Webhook(*columns), secret, frozenset(scopes.split(",")))


def finish_attempt(
    store: Store, webhook_id: UUID, state: WebhookState, delivery: Delivery | None
) -> bool:
    """Save what an attempt did to its subscription, and log it; False if it was deleted."""
    values = {
        "position": state.position, "failures": state.failures, "active": state.active,
        "next_attempt": state.next_attempt, "disabled": state.disabled,
    }  # fmt: skip
    with store.engine.begin() as connection:
        done = connection.execute(
            update(webhooks).where(webhooks.c.id == webhook_id).values(**values)
        )
        if done.rowcount != 1:
            return False
        if delivery is not None:
            _log(connection, delivery)
    return True


def list_deliveries(store: Store, webhook_id: UUID, limit: int) -> list[Delivery]:
    """Return a subscription's logged attempts, newest first."""
    statement = (
        select(*_DELIVERY_COLUMNS)
        .where(webhook_deliveries.c.webhook_id == webhook_id)
        .order_by(webhook_deliveries.c.id.desc())
        .limit(limit)
    )
    with store.reader.connect() as connection:
        return [Delivery(*row) for row in connection.execute(statement)]


def _due(now: datetime) -> Any:
    return or_(webhooks.c.next_attempt.is_(None), webhooks.c.next_attempt <= now)


def _log(connection: Connection, delivery: Delivery) -> None:
    row = {column.name: getattr(delivery, column.name) for column in _DELIVERY_COLUMNS[:-1]}
    connection.execute(insert(webhook_deliveries).values(**row))
