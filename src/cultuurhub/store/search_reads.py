"""Reads for keeping a search index in step with the store: changed records, pages, ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Connection, Text, cast, func, select

from cultuurhub.store.tables import records, sequence, versions
from cultuurhub.store.writes import among


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
    found: list[IndexRow] = []
    postgres = connection.dialect.name == "postgresql"
    for start in range(0, len(ids), _IDS_AT_ONCE):
        chunk = list(ids[start : start + _IDS_AT_ONCE])
        statement = select(*_COLUMNS).where(among(records.c.id, chunk, postgres))
        found.extend(IndexRow(*row) for row in connection.execute(statement))
    return found


#: Ids one query of ``rows_by_ids`` or ``documents_by_ids`` asks for: the whole list is one
#: parameter (``among``).
_IDS_AT_ONCE = 5_000


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
    found: dict[UUID, str] = {}
    postgres = connection.dialect.name == "postgresql"
    for start in range(0, len(ids), _IDS_AT_ONCE):
        chunk = list(ids[start : start + _IDS_AT_ONCE])
        statement = select(records.c.id, cast(records.c.document, Text)).where(
            among(records.c.id, chunk, postgres), records.c.deleted.is_(False)
        )
        found.update((row[0], row[1]) for row in connection.execute(statement))
    return found
