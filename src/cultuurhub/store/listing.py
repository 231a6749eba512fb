"""Listing records page by page in the order of their last change, for harvesters (OAI-PMH).

Pages are keyset pages over ``(modified, id)``: a page starts after the last ``(modified, id)``
of the one before, so a page costs the same at the end of a million records as at the start,
and a record changed during a harvest moves to the end instead of shifting the pages. Deleted
records (tombstones) stay in the lists with ``deleted`` set. Every function takes the store's
engine (``store.reader`` for reads).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Engine, distinct, func, or_, select, true, union_all

from cultuurhub.store.among import among
from cultuurhub.store.tables import organisations, records

__all__ = [
    "ListedRecord",
    "ListingFilter",
    "OwnerTypes",
    "count_listed",
    "count_owner_sets",
    "earliest_listed",
    "listed_owners",
    "listing_page",
    "organisation_names",
    "record_names",
]


@dataclass(frozen=True, slots=True)
class ListingFilter:
    """Which records a list holds: types, an owner, a window on ``modified`` (since ≤ m < before).

    ``public_only`` keeps private records out; the caller decides it from the access rules.
    """

    types: tuple[str, ...]
    owner: UUID | None = None
    since: datetime | None = None
    before: datetime | None = None
    public_only: bool = True


@dataclass(frozen=True, slots=True)
class ListedRecord:
    """One record of a list: enough for a harvester's header, and its document when asked."""

    id: UUID
    type: str
    owner: UUID
    modified: datetime
    deleted: bool
    document: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class OwnerTypes:
    """An organisation that owns listed records, and of which types."""

    owner: UUID
    name: str
    types: tuple[str, ...]


def _conditions(where: ListingFilter) -> list[ColumnElement[bool]]:
    kinds = list(where.types)
    by_type = records.c.type == kinds[0] if len(kinds) == 1 else records.c.type.in_(kinds)
    conditions: list[ColumnElement[bool]] = [by_type]
    if where.owner is not None:
        conditions.append(records.c.owner == where.owner)
    if where.since is not None:
        conditions.append(records.c.modified >= where.since)
    if where.before is not None:
        conditions.append(records.c.modified < where.before)
    if where.public_only:
        conditions.append(records.c.visibility == "public")
    return conditions


def listing_page(
    engine: Engine,
    where: ListingFilter,
    after: tuple[datetime, UUID] | None,
    limit: int,
    *,
    documents: bool = False,
) -> list[ListedRecord]:
    """Return up to ``limit`` records after the key ``(modified, id)``, oldest change first.

    One ordered, limited scan of the ``(type, modified)`` index per type, merged: a list over
    two types never sorts more than ``2 × limit`` rows, however many records there are.
    """
    columns = [records.c.id, records.c.type, records.c.owner, records.c.modified]
    columns += [records.c.deleted, records.c.document if documents else records.c.version]
    per_type = [
        select(*columns)
        .where(*_conditions(replace(where, types=(kind,))), *_after(after))
        .order_by(records.c.modified, records.c.id)
        .limit(limit)
        .subquery()
        for kind in where.types
    ]
    merged = union_all(*(select(*page.c) for page in per_type)).subquery()
    statement = select(*merged.c).order_by(merged.c.modified, merged.c.id).limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    return [
        ListedRecord(row[0], row[1], row[2], row[3], bool(row[4]), row[5] if documents else None)
        for row in rows
    ]


def _after(after: tuple[datetime, UUID] | None) -> list[ColumnElement[bool]]:
    """The keyset condition, with a plain range on ``modified`` the index can use."""
    if after is None:
        return []
    modified, record_id = after
    later = or_(records.c.modified > modified, records.c.id > record_id)
    return [records.c.modified >= modified, later]


def count_listed(engine: Engine, where: ListingFilter) -> int:
    """Return how many records a list holds, deleted ones included."""
    statement = select(func.count()).select_from(records).where(*_conditions(where))
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def earliest_listed(engine: Engine, where: ListingFilter) -> datetime | None:
    """Return the oldest ``modified`` of the records a list holds, or None when it is empty."""
    statement = select(func.min(records.c.modified)).where(*_conditions(where))
    with engine.connect() as connection:
        found: datetime | None = connection.execute(statement).scalar_one_or_none()
    return found


def listed_owners(
    engine: Engine, where: ListingFilter, after: UUID | None, limit: int
) -> list[OwnerTypes]:
    """Return up to ``limit`` owners of listed records after ``after`` (by id), with types."""
    owners = (
        select(records.c.owner.label("owner"))
        .distinct()
        .where(*_conditions(where), records.c.owner > after if after else true())
        .order_by(records.c.owner)
        .limit(limit)
        .subquery()
    )
    pairs = (
        select(records.c.owner, records.c.type, organisations.c.name)
        .join(owners, owners.c.owner == records.c.owner)
        .join(organisations, organisations.c.id == records.c.owner)
        .where(*_conditions(where))
        .group_by(records.c.owner, records.c.type, organisations.c.name)
        .order_by(records.c.owner, records.c.type)
    )
    found: dict[UUID, OwnerTypes] = {}
    with engine.connect() as connection:
        for owner, kind, name in connection.execute(pairs):
            known = found.get(owner)
            types = (*known.types, kind) if known else (kind,)
            found[owner] = OwnerTypes(owner, name, types)
    return list(found.values())


def count_owner_sets(engine: Engine, where: ListingFilter) -> tuple[int, int]:
    """Return how many owners own listed records, and how many (owner, type) pairs there are."""
    pairs = (
        select(records.c.owner, records.c.type)
        .where(*_conditions(where))
        .group_by(records.c.owner, records.c.type)
        .subquery()
    )
    statement = select(func.count(distinct(pairs.c.owner)), func.count())
    with engine.connect() as connection:
        owners, total = connection.execute(statement).one()
    return int(owners), int(total)


def record_names(engine: Engine, ids: Collection[UUID]) -> dict[UUID, str]:
    """Return the names of live public records by id (the places and organisers of events)."""
    if not ids:
        return {}
    statement = select(records.c.id, records.c.name).where(
        among(records.c.id, ids, engine.dialect.name == "postgresql"),
        records.c.name.is_not(None),
        records.c.visibility == "public",
        records.c.deleted.is_(False),
    )
    with engine.connect() as connection:
        return {record_id: name for record_id, name in connection.execute(statement)}


def organisation_names(engine: Engine, ids: Collection[UUID]) -> dict[UUID, str]:
    """Return the names of organisations by id."""
    if not ids:
        return {}
    statement = select(organisations.c.id, organisations.c.name).where(
        among(organisations.c.id, ids, engine.dialect.name == "postgresql")
    )
    with engine.connect() as connection:
        return {organisation_id: name for organisation_id, name in connection.execute(statement)}
