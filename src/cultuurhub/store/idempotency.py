"""Idempotency keys (the IETF ``Idempotency-Key`` header): one outcome per key and request.

A client that creates a record and loses the answer (a timeout, a dropped connection) cannot
tell whether the record was made. Sending the request again with the same key gets the first
answer back instead of a second record. A key belongs to one organisation; it remembers a
fingerprint of the request it came with, so the same key with another request is refused, and
it is held while its first request runs, so a parallel retry is told to wait. Keys expire.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from uuid import UUID

import orjson
from sqlalchemy import ColumnElement, Connection, delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cultuurhub.store.drafts import PutResult
from cultuurhub.store.tables import idempotency_keys

ClaimOutcome = Literal["new", "replay", "mismatch", "running"]

#: A key whose first request has not finished after this long was left by a hub that stopped
#: mid-request; the next request with the key runs instead of waiting for ever.
ABANDONED_AFTER = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """The response a key's first request got."""

    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True, slots=True)
class KeptAnswer:
    """A key whose answer the write itself keeps, in its own transaction: ``render`` turns the
    write's results into the answer. A create is then made exactly once per key, even if the
    hub stops right after storing it."""

    organisation_id: UUID
    key: str
    render: Callable[[list[PutResult]], StoredResponse]


@dataclass(frozen=True, slots=True)
class Claim:
    """What a key says about a request: run it (new), answer as before (replay), refuse it
    (another request came with this key: mismatch), or ask to wait (its first run is running)."""

    outcome: ClaimOutcome
    response: StoredResponse | None = None


def claim(
    connection: Connection,
    organisation_id: UUID,
    key: str,
    fingerprint: str,
    now: datetime,
    lifetime: timedelta,
) -> Claim:
    """Take ``key`` for a request, or tell what an earlier request with it says."""
    connection.execute(delete(idempotency_keys).where(idempotency_keys.c.created < now - lifetime))
    insert = postgres_insert if connection.dialect.name == "postgresql" else sqlite_insert
    taken = connection.execute(
        insert(idempotency_keys)
        .values(organisation_id=organisation_id, key=key, fingerprint=fingerprint, created=now)
        .on_conflict_do_nothing()
        .returning(idempotency_keys.c.key)
    ).first()
    if taken is not None:
        return Claim("new")
    row = connection.execute(
        select(
            idempotency_keys.c.fingerprint,
            idempotency_keys.c.status,
            idempotency_keys.c.headers,
            idempotency_keys.c.body,
            idempotency_keys.c.created,
        ).where(_this(organisation_id, key))
    ).one()
    if row.status is None and row.created < now - ABANDONED_AFTER:
        # its first request never finished (the hub stopped mid-way): this one takes it over
        connection.execute(
            update(idempotency_keys)
            .where(_this(organisation_id, key))
            .values(fingerprint=fingerprint, created=now)
        )
        return Claim("new")
    if row.fingerprint != fingerprint:
        return Claim("mismatch")
    if row.status is None:
        return Claim("running")
    headers = orjson.loads(row.headers) if row.headers else {}
    return Claim("replay", StoredResponse(row.status, headers, row.body or b""))


def finish(
    connection: Connection, organisation_id: UUID, key: str, response: StoredResponse
) -> None:
    """Remember the response of a key's first request (once: a kept answer stays)."""
    connection.execute(
        update(idempotency_keys)
        .where(_this(organisation_id, key), idempotency_keys.c.status.is_(None))
        .values(
            status=response.status,
            headers=orjson.dumps(response.headers).decode(),
            body=response.body,
        )
    )


def release(connection: Connection, organisation_id: UUID, key: str) -> None:
    """Forget a key whose first request failed on the hub's side, so a retry runs again; a key
    whose answer is already kept (its record was stored) stays."""
    connection.execute(
        delete(idempotency_keys).where(
            _this(organisation_id, key), idempotency_keys.c.status.is_(None)
        )
    )


def _this(organisation_id: UUID, key: str) -> ColumnElement[bool]:
    return (idempotency_keys.c.organisation_id == organisation_id) & (idempotency_keys.c.key == key)
