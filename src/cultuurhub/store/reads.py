"""Reading records, their versions and the change sequence."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, Text, bindparam, cast, func, select

from cultuurhub.store.among import among
from cultuurhub.store.drafts import Change, RawRecord, StoredRecord, VersionInfo
from cultuurhub.store.tables import records, sources, versions

_RECORD_COLUMNS = (
    records.c.id,
    records.c.type,
    records.c.owner,
    records.c.document,
    records.c.workflow_status,
    records.c.visibility,
    records.c.version,
    records.c.created,
    records.c.modified,
    records.c.deleted,
)
_VERSION_COLUMNS = (
    versions.c.record_id,
    versions.c.version,
    versions.c.seq,
    func.coalesce(versions.c.document, records.c.document),
    versions.c.workflow_status,
    versions.c.author,
    versions.c.time,
    versions.c.is_tombstone,
)


def get(connection: Connection, record_id: UUID, *, lock: bool = False) -> StoredRecord | None:
    """Return the record as it stands, or None when there never was one; ``lock``: its row
    stays locked until the transaction ends (PostgreSQL)."""
    statement = select(*_RECORD_COLUMNS).where(records.c.id == record_id)
    row = connection.execute(statement.with_for_update() if lock else statement).first()
    return None if row is None else StoredRecord(**row._mapping)


_GET_RAW = select(
    records.c.id,
    records.c.type,
    records.c.owner,
    cast(records.c.document, Text),
    records.c.visibility,
    records.c.version,
    records.c.deleted,
).where(records.c.id == bindparam("record_id"))


def get_raw(connection: Connection, record_id: UUID) -> RawRecord | None:
    """Return a record with its document as JSON text, unparsed: the fast path for reads."""
    row = connection.execute(_GET_RAW, {"record_id": record_id}).first()
    return None if row is None else RawRecord(*row)


def get_version(connection: Connection, record_id: UUID, version: int) -> VersionInfo | None:
    """Return one version of a record, or None."""
    statement = (
        select(*_VERSION_COLUMNS)
        .join(records, records.c.id == versions.c.record_id)
        .where(versions.c.record_id == record_id, versions.c.version == version)
    )
    row = connection.execute(statement).first()
    return None if row is None else VersionInfo(*row)


def history(connection: Connection, record_id: UUID) -> list[VersionInfo]:
    """Return every version of a record, oldest first."""
    statement = (
        select(*_VERSION_COLUMNS)
        .join(records, records.c.id == versions.c.record_id)
        .where(versions.c.record_id == record_id)
        .order_by(versions.c.version)
    )
    return [VersionInfo(*row) for row in connection.execute(statement)]


def changes_since(
    connection: Connection,
    seq: int,
    limit: int,
    types: Collection[str] | None = None,
    owner: UUID | None = None,
) -> list[Change]:
    """Return the changes after ``seq`` in sequence order, deletions included."""
    statement = (
        select(
            versions.c.seq,
            versions.c.record_id,
            records.c.type,
            records.c.owner,
            versions.c.version,
            versions.c.is_tombstone,
            versions.c.time,
        )
        .join(records, records.c.id == versions.c.record_id)
        .where(versions.c.seq > seq)
        .order_by(versions.c.seq)
        .limit(limit)
    )
    if types:
        statement = statement.where(records.c.type.in_(list(types)))
    if owner is not None:
        statement = statement.where(records.c.owner == owner)
    return [Change(*row) for row in connection.execute(statement)]


def counts_by_type(connection: Connection) -> dict[str, int]:
    """Return how many live records of each type the store holds."""
    statement = (
        select(records.c.type, func.count())
        .where(records.c.deleted.is_(False))
        .group_by(records.c.type)
    )
    return {kind: int(count) for kind, count in connection.execute(statement)}


def recently_modified(connection: Connection, record_type: str, limit: int) -> list[dict[str, Any]]:
    """Return id, name and start of the most recently modified live public records of a type."""
    statement = (
        select(records.c.id, records.c.name, records.c.start_at)
        .where(records.c.type == record_type, records.c.deleted.is_(False))
        .where(records.c.visibility == "public")
        .order_by(records.c.modified.desc(), records.c.id)
        .limit(limit)
    )
    return [dict(row._mapping) for row in connection.execute(statement)]


def record_for_source(connection: Connection, system: str, source_id: str) -> UUID | None:
    """Return the id of the record that came from (system, source id), if any."""
    statement = select(sources.c.record_id).where(
        sources.c.system == system, sources.c.source_id == source_id
    )
    found: UUID | None = connection.execute(statement).scalar_one_or_none()
    return found


def live_documents(
    connection: Connection, where: Any, after: UUID | None, limit: int
) -> list[tuple[UUID, str, UUID, dict[str, Any]]]:
    """Return a page of live records matching ``where`` (id, type, owner, document), by id."""
    statement = (
        select(records.c.id, records.c.type, records.c.owner, records.c.document)
        .where(where, records.c.deleted.is_(False))
        .order_by(records.c.id)
        .limit(limit)
    )
    if after is not None:
        statement = statement.where(records.c.id > after)
    return [(row[0], row[1], row[2], row[3]) for row in connection.execute(statement)]


def documents_with_seats(
    connection: Connection, system: str, source_ids: Collection[str]
) -> dict[str, str]:
    """The current documents (JSON text) of the live records that came from these source
    records of one system and mention a capacity or a sold-out date, keyed by source id; one
    query, the database leaving out the others."""
    postgres = connection.dialect.name == "postgresql"
    text = cast(records.c.document, Text)
    statement = (
        select(sources.c.source_id, text)
        .join(records, records.c.id == sources.c.record_id)
        .where(
            sources.c.system == system,
            among(sources.c.source_id, list(source_ids), postgres),
            records.c.deleted.is_(False),
            text.like('%apacity"%') | text.like('%"Unavailable"%'),
        )
    )
    return {row[0]: row[1] for row in connection.execute(statement)}
