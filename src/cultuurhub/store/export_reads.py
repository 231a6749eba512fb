"""Reads for bulk exports: live records of a type, page by page on their id (keyset).

An export never holds the table in memory: it asks for the next page after the last id it
saw. Each page is read in its own short transaction, so a long export never blocks writers
(nor, on SQLite, the WAL checkpoint); a record changed while the export runs is written once,
as it stood when its page was read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, and_, false, func, literal_column, or_, select, true

from cultuurhub.store.among import among
from cultuurhub.store.drafts import StoredRecord
from cultuurhub.store.tables import records

if TYPE_CHECKING:
    from cultuurhub.store.service import Store

EXPORT_PAGE_SIZE = 1000


@dataclass(frozen=True, slots=True)
class ExportSelection:
    """Which live records an export takes, and which private ones its caller may read.

    ``private_of`` is the caller's organisation when its key may read that organisation's
    private records; ``all_private`` is for callers that may read every record. Both are
    decided by ``cultuurhub.access``; the store only applies them.
    """

    record_type: str
    owner: UUID | None = None
    modified_since: datetime | None = None
    ends_after: datetime | None = None
    private_of: UUID | None = None
    all_private: bool = False


#: One live record as an export reads it: its document and the store's own facts about it.
ExportRow = StoredRecord


@dataclass(frozen=True, slots=True)
class RelatedRecord:
    """A record another one points to (an event's place or organiser), as its document."""

    id: UUID
    type: str
    document: dict[str, Any]


_EXPORT_COLUMNS = (
    records.c.id,
    records.c.type,
    records.c.owner,
    records.c.document,
    records.c.workflow_status,
    records.c.visibility,
    records.c.version,
    records.c.created,
    records.c.modified,
)


def _readable(selection: ExportSelection) -> ColumnElement[bool]:
    if selection.all_private:
        return true()
    own = records.c.owner == selection.private_of if selection.private_of else false()
    return or_(records.c.visibility == "public", own)


def _matching(selection: ExportSelection, dialect: str = "") -> ColumnElement[bool]:
    # SQLite, without statistics, would read the pages through the (type, modified) index and
    # sort every matching record for every page: quadratic. A unary plus keeps the type out of
    # the index choice (the documented way to steer SQLite's planner), so a page is a walk
    # along the primary key from the last id: the whole export reads the table once.
    record_type = literal_column("+records.type") if dialect == "sqlite" else records.c.type
    conditions = [
        record_type == selection.record_type,
        records.c.deleted.is_(False),
        _readable(selection),
    ]
    if selection.owner is not None:
        conditions.append(records.c.owner == selection.owner)
    if selection.modified_since is not None:
        conditions.append(records.c.modified >= selection.modified_since)
    if selection.ends_after is not None:
        # Permanent offers have no end: they always count as still running.
        conditions.append(or_(records.c.end_at.is_(None), records.c.end_at >= selection.ends_after))
    return and_(*conditions)


def page_statement(
    selection: ExportSelection, dialect: str, after: UUID | None, limit: int
) -> Select[Any]:
    """Return the query of the page after ``after``: the next ``limit`` records by id."""
    statement = select(*_EXPORT_COLUMNS).where(_matching(selection, dialect))
    if after is not None:
        statement = statement.where(records.c.id > after)
    return statement.order_by(records.c.id).limit(limit)


def export_pages(
    store: Store, selection: ExportSelection, page_size: int = EXPORT_PAGE_SIZE
) -> Iterator[list[ExportRow]]:
    """Yield the selected live records in pages of ``page_size``, by id."""
    dialect = store.reader.dialect.name
    after: UUID | None = None
    while True:
        statement = page_statement(selection, dialect, after, page_size)
        with store.reader.connect() as connection:
            page = [ExportRow(*row) for row in connection.execute(statement)]
        if page:
            yield page
        if len(page) < page_size:
            return
        after = page[-1].id


def count_export(store: Store, selection: ExportSelection) -> int:
    """Return how many records an export of ``selection`` holds now (for a progress bar)."""
    statement = select(func.count()).select_from(records).where(_matching(selection))
    with store.reader.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def related_records(
    store: Store, ids: Collection[UUID], selection: ExportSelection
) -> dict[UUID, RelatedRecord]:
    """Return the live records among ``ids`` that the export's caller may read, by id."""
    if not ids:
        return {}
    postgres = store.reader.dialect.name == "postgresql"
    statement = select(records.c.id, records.c.type, records.c.document).where(
        among(records.c.id, ids, postgres), records.c.deleted.is_(False), _readable(selection)
    )
    with store.reader.connect() as connection:
        return {row[0]: RelatedRecord(*row) for row in connection.execute(statement)}
