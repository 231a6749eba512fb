"""The change feed's read path: keyset pages of the global change sequence, ready to serialise.

A page is one query on the unique index of ``versions.seq`` (``seq > since ORDER BY seq LIMIT``),
joined to ``records`` for the type, owner and visibility. Entries carry ids and times as text,
ready to serialise: no UUID or datetime objects are made on the hot path, so a catch-up reads
tens of thousands of changes per second (``bench/bench_feed.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy import Connection, TextClause, Uuid, bindparam, text

from cultuurhub.model import RecordType
from cultuurhub.store.service import Store
from cultuurhub.store.tables import sequence

_PATHS = {record_type.value: record_type.path for record_type in RecordType}

# PostgreSQL spells ids and times as text itself, in its own process. SQLite runs in ours and its
# string functions cost more than Python's slicing, so its rows are spelled in Python
# (:func:`_sqlite_entries`): UUIDs are kept as 32 hex digits, times as 'YYYY-MM-DD HH:MM:SS.ffffff'
# in UTC.
_COLUMNS = {
    "sqlite": "v.seq, v.record_id, r.type, r.owner, v.version, v.is_tombstone, v.time",
    "postgresql": (
        "v.seq, v.record_id::text, r.type, r.owner::text, v.version, v.is_tombstone, "
        "to_char(v.time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
    ),
}


class FeedEntry(NamedTuple):
    """One change as the feed shows it; ids and the time are already text."""

    seq: int
    record_id: str
    type: str
    owner: str
    version: int
    deleted: bool
    time: str


@dataclass(frozen=True, slots=True)
class FeedQuery:
    """Which page of the change sequence to read, and whose changes it may show.

    ``types`` and ``owner`` narrow the feed. Private records show only for the organisations in
    ``private_owners``; ``private_owners=None`` shows every private record (an administrator).
    ``until`` stops the page at that sequence number (a webhook reads up to a known head).
    """

    since: int = 0
    limit: int = 1000
    types: tuple[str, ...] = ()
    owner: UUID | None = None
    private_owners: frozenset[UUID] | None = frozenset()
    until: int | None = None


@dataclass(frozen=True, slots=True)
class FeedPage:
    """A page of changes, and whether more changes match after its last one."""

    entries: list[FeedEntry]
    more: bool

    @property
    def next_since(self) -> int | None:
        """Return the ``since`` of the next page: the last sequence number in this one."""
        return self.entries[-1].seq if self.entries else None


def feed_page(store: Store, query: FeedQuery) -> FeedPage:
    """Read one page of changes after ``query.since``, in sequence order, deletions included."""
    with store.reader.connect() as connection:
        return read_page(connection, query)


def read_page(connection: Connection, query: FeedQuery) -> FeedPage:
    """Read one page of changes on an open connection (see :func:`feed_page`)."""
    sqlite = connection.dialect.name == "sqlite"
    statement, parameters = _statement("sqlite" if sqlite else "postgresql", query)
    rows = connection.execute(statement, parameters).all()
    more, rows = len(rows) > query.limit, rows[: query.limit]
    entries = _sqlite_entries(rows) if sqlite else [FeedEntry._make(row) for row in rows]
    return FeedPage(entries, more)


def _sqlite_entries(rows: Sequence[Any]) -> list[FeedEntry]:
    owners: dict[str, str] = {}  # a page holds few owners: spell each once
    entries = []
    for seq, rid, kind, owner, version, tombstone, moment in rows:
        owner_text = owners.get(owner) or owners.setdefault(owner, _dashed(owner))
        record_id = f"{rid[:8]}-{rid[8:12]}-{rid[12:16]}-{rid[16:20]}-{rid[20:]}"
        time = moment.replace(" ", "T") + "+00:00"
        entries.append(FeedEntry(seq, record_id, kind, owner_text, version, tombstone == 1, time))
    return entries


def _dashed(hex_digits: str) -> str:
    return str(UUID(hex=hex_digits))


def head_seq(store: Store) -> int:
    """Return the last sequence number handed out (0 in an empty store)."""
    with store.reader.connect() as connection:
        return last_seq(connection)


def last_seq(connection: Connection) -> int:
    """Return the last sequence number handed out, on an open connection."""
    value = connection.execute(sequence.select().with_only_columns(sequence.c.value)).scalar()
    return int(value or 0)


def feed_items(entries: Sequence[FeedEntry], base_url: str) -> list[dict[str, Any]]:
    """Return the feed's JSON items for changes, each with the link to its record."""
    paths = _PATHS
    return [
        {
            "seq": seq,
            "id": record_id,
            "type": kind,
            "version": version,
            "time": moment,
            "deleted": deleted,
            "owner": owner,
            "link": f"{base_url}/{paths.get(kind, kind)}/{record_id}",
        }
        for seq, record_id, kind, owner, version, deleted, moment in entries
    ]


def _statement(dialect: str, query: FeedQuery) -> tuple[TextClause, dict[str, Any]]:
    where, parameters, binds = _conditions(query)
    sql = (
        f"SELECT {_COLUMNS[dialect]} "
        "FROM versions AS v JOIN records AS r ON r.id = v.record_id "
        f"WHERE {' AND '.join(where)} ORDER BY v.seq LIMIT :limit"
    )
    return text(sql).bindparams(*binds), parameters


def _conditions(query: FeedQuery) -> tuple[list[str], dict[str, Any], list[Any]]:
    where = ["v.seq > :since"]
    parameters: dict[str, Any] = {"since": query.since, "limit": query.limit + 1}
    binds: list[Any] = []
    if query.until is not None:
        where.append("v.seq <= :until")
        parameters["until"] = query.until
    if query.types:
        where.append("r.type IN :types")
        parameters["types"] = list(query.types)
        binds.append(bindparam("types", expanding=True))
    if query.owner is not None:
        where.append("r.owner = :owner")
        parameters["owner"] = query.owner
        binds.append(bindparam("owner", type_=Uuid()))
    if query.private_owners is not None:
        where.append(_visibility(query.private_owners, parameters, binds))
    return where, parameters, binds


def _visibility(owners: frozenset[UUID], parameters: dict[str, Any], binds: list[Any]) -> str:
    if not owners:
        return "r.visibility = 'public'"
    names = []
    for n, owner in enumerate(sorted(owners)):
        names.append(f":private_{n}")
        parameters[f"private_{n}"] = owner
        binds.append(bindparam(f"private_{n}", type_=Uuid()))
    return f"(r.visibility = 'public' OR r.owner IN ({', '.join(names)}))"
