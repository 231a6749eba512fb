"""What one organisation sees of its own in the workspace: its records by page, its keys, and
the signing material of a workspace session (a live key's stored hash)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import case, func, or_, select

from cultuurhub.store.among import among
from cultuurhub.store.organisations import ApiKey
from cultuurhub.store.service import Store
from cultuurhub.store.tables import api_keys, records


@dataclass(frozen=True, slots=True)
class OwnedRecord:
    """One line of an organisation's record list."""

    id: UUID
    type: str
    name: str | None
    workflow_status: str
    visibility: str
    version: int
    modified: datetime
    deleted: bool


@dataclass(frozen=True, slots=True)
class OwnedRecordPage:
    """A page of an organisation's records, and how many match in all."""

    lines: list[OwnedRecord]
    total: int


@dataclass(frozen=True, slots=True)
class OwnedRecordFilter:
    """Which of an organisation's records to list: type, workflow status, deleted or not."""

    type: str | None = None
    workflow_status: str | None = None
    include_deleted: bool = False


def organisation_records(
    store: Store, organisation_id: UUID, wanted: OwnedRecordFilter, page: int, per_page: int
) -> OwnedRecordPage:
    """Return a page (1-based) of an organisation's records, most recently changed first."""
    where = [records.c.owner == organisation_id]
    if wanted.type:
        where.append(records.c.type == wanted.type)
    if wanted.workflow_status:
        where.append(records.c.workflow_status == wanted.workflow_status)
    if not wanted.include_deleted:
        where.append(records.c.deleted.is_(False))
    statement = (
        select(
            records.c.id, records.c.type, records.c.name, records.c.workflow_status,
            records.c.visibility, records.c.version, records.c.modified, records.c.deleted,
        )
        .where(*where)
        .order_by(records.c.modified.desc(), records.c.id)
        .limit(per_page)
        .offset(max(page - 1, 0) * per_page)
    )  # fmt: skip
    with store.reader.connect() as connection:
        lines = [OwnedRecord(*row) for row in connection.execute(statement)]
        total = connection.execute(select(func.count()).where(*where)).scalar_one()
    return OwnedRecordPage(lines, int(total))


def owned_names(store: Store, organisation_id: UUID, ids: Collection[UUID]) -> dict[UUID, str]:
    """Return the names of an organisation's records by id (private ones too)."""
    if not ids:
        return {}
    statement = select(records.c.id, records.c.name).where(
        records.c.owner == organisation_id,
        among(records.c.id, ids, store.reader.dialect.name == "postgresql"),
        records.c.name.is_not(None),
    )
    with store.reader.connect() as connection:
        return {record_id: name for record_id, name in connection.execute(statement)}


def workflow_counts(store: Store, organisation_id: UUID) -> dict[str, int]:
    """Return how many live records an organisation has per workflow status."""
    statement = (
        select(records.c.workflow_status, func.count())
        .where(records.c.owner == organisation_id, records.c.deleted.is_(False))
        .group_by(records.c.workflow_status)
    )
    with store.reader.connect() as connection:
        return {status: int(count) for status, count in connection.execute(statement)}


def organisation_keys(store: Store, organisation_id: UUID) -> list[ApiKey]:
    """Return an organisation's API keys (never their secrets), newest first, revoked too."""
    statement = (
        select(
            api_keys.c.id, api_keys.c.organisation_id, api_keys.c.prefix, api_keys.c.scopes,
            api_keys.c.created, api_keys.c.revoked,
        )
        .where(api_keys.c.organisation_id == organisation_id)
        .order_by(api_keys.c.created.desc(), api_keys.c.id)
    )  # fmt: skip
    with store.reader.connect() as connection:
        return [_key(row._mapping) for row in connection.execute(statement)]


def live_key_with_hash(store: Store, key_id: UUID) -> tuple[ApiKey, str] | None:
    """Return a key that is not revoked, with its stored secret hash; None otherwise.

    The workspace signs a session with material derived from this hash: it never leaves the
    server, differs per key, and revoking the key ends every session made with it.
    """
    statement = select(api_keys).where(api_keys.c.id == key_id, api_keys.c.revoked.is_(None))
    with store.reader.connect() as connection:
        row = connection.execute(statement).first()
    return None if row is None else (_key(row._mapping), str(row._mapping["secret_hash"]))


def documents_near(
    store: Store, record_type: str, organisation_id: UUID, limit: int
) -> list[tuple[UUID, UUID, dict[str, Any]]]:
    """Return an organisation's live records of a type and other owners' records of that type
    in the same postcodes, as (id, owner, document), at most ``limit``, its own first.

    Duplicate review compares an organisation's records with each other and with those nearby.
    """
    own_postcodes = (
        select(records.c.postal_code)
        .where(
            records.c.owner == organisation_id,
            records.c.type == record_type,
            records.c.postal_code.is_not(None),
        )
        .distinct()
    )
    mine = records.c.owner == organisation_id
    statement = (
        select(records.c.id, records.c.owner, records.c.document)
        .where(
            records.c.type == record_type,
            records.c.deleted.is_(False),
            or_(mine, records.c.postal_code.in_(own_postcodes.scalar_subquery())),
        )
        .order_by(case((mine, 0), else_=1), records.c.id)
        .limit(limit)
    )
    with store.reader.connect() as connection:
        return [(row[0], row[1], row[2]) for row in connection.execute(statement)]


def _key(mapping: Any) -> ApiKey:
    return ApiKey(
        mapping["id"],
        mapping["organisation_id"],
        mapping["prefix"],
        frozenset(str(mapping["scopes"]).split(",")),
        mapping["created"],
        mapping["revoked"],
    )
