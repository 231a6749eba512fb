"""Reads for keeping a search index in step with the store: changed records, pages, ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Connection, Text, cast, func, select

from cultuurhub.store.among import among
from cultuurhub.store.tables import records, sequence, versions


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A record as the search index needs it: its current document as JSON text."""

    id: UUID
    type: str
    owner: UUID
    document: str
    workflow_status: str
    visibility: str
    modified: datetime
    deleted: bool
    municipality_nis: str | None
    latitude: float | None
    longitude: float | None


_COLUMNS = (
    records.c.id,
    records.c.type,
    records.c.owner,
    cast(records.c.document, Text),
    records.c.workflow_status,
    records.c.visibility,
    records.c.modified,
    records.c.deleted,
    records.c.municipality_nis,
    records.c.latitude,
    records.c.longitude,
)


def last_seq(connection: Connection) -> int:
    """Return the last sequence number handed out (0 for an empty store)."""
    value = connection.execute(select(sequence.c.value).where(sequence.c.id == 1)).scalar()
    if value is None:
        value = connection.execute(select(func.max(versions.c.seq))).scalar()
    return int(value or 0)


def changed_ids(connection: Connection, after: int, limit: int) -> tuple[list[UUID], int]:
    """Return the distinct records changed after ``after`` (at most ``limit`` changes) and the
    sequence number the page reaches."""
    statement = (
        select(versions.c.seq, versions.c.record_id)
        .where(versions.c.seq > after)
        .order_by(versions.c.seq)
        .limit(limit)
    )
    rows = connection.execute(statement).all()
    if not rows:
        return [], after
    ids = list(dict.fromkeys(row[1] for row in rows))
    return ids, int(rows[-1][0])


def rows_by_ids(connection: Connection, ids: Sequence[UUID]) -> list[IndexRow]:
    """Return the records with these ids (deleted ones included), in no particular order."""
    postgres = connection.dialect.name == "postgresql"
    statement = select(*_COLUMNS).where(among(records.c.id, ids, postgres))
    return [IndexRow(*row) for row in connection.execute(statement)]


def live_page(
    connection: Connection, after: UUID | None, limit: int, record_type: str | None = None
) -> list[IndexRow]:
    """Return a page of live records (of one type, or all) ordered by id, for a rebuild."""
    statement = (
        select(*_COLUMNS).where(records.c.deleted.is_(False)).order_by(records.c.id).limit(limit)
    )
    if record_type is not None:
        statement = statement.where(records.c.type == record_type)
    if after is not None:
        statement = statement.where(records.c.id > after)
    return [IndexRow(*row) for row in connection.execute(statement)]


def documents_by_ids(connection: Connection, ids: Sequence[UUID]) -> dict[UUID, str]:
    """Return the current documents (JSON text) of live records, keyed by id."""
    postgres = connection.dialect.name == "postgresql"
    statement = select(records.c.id, cast(records.c.document, Text)).where(
        among(records.c.id, ids, postgres), records.c.deleted.is_(False)
    )
    return {row[0]: row[1] for row in connection.execute(statement)}
