"""Fast inserts: many rows in one DBAPI ``executemany``, values encoded once per dialect.

SQLAlchemy's per-row type processing costs more than the database itself on big batches, so
the hot path (new records, versions) encodes rows here and hands them straight to the driver.
The encodings match what the SQLAlchemy types in ``tables.py`` write and read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from operator import attrgetter
from typing import Any
from uuid import UUID

import orjson
from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import JSONB

Encoder = Callable[[Any], Any]


#: A UUID as SQLAlchemy's ``Uuid`` stores it on SQLite: 32 hexadecimal digits (C-level getter).
_sqlite_uuid: Callable[[UUID], str] = attrgetter("hex")


@lru_cache(maxsize=65_536)
def _sqlite_time(value: datetime | None) -> str | None:
    # cached: a batch shares its time, and events share their start and end times
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    # as SQLAlchemy's SQLite DATETIME writes it: YYYY-MM-DD HH:MM:SS.ffffff
    return value.isoformat(" ", "microseconds")


def _postgres_time(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _json(value: Any) -> str | None:
    # the write path hands over documents already serialised once (see writes.content_hash)
    if value is None or isinstance(value, str):
        return value
    return orjson.dumps(value).decode()


def _encoders(dialect: str) -> dict[str, Encoder]:
    if dialect == "sqlite":
        return {"uuid": _sqlite_uuid, "time": _sqlite_time, "json": _json, "bool": int}
    return {"time": _postgres_time, "json": _json}  # psycopg takes UUIDs and booleans as they are


def _kind(table: Table, column: str) -> str:
    type_name = type(table.c[column].type).__name__
    if type_name == "Uuid":
        return "uuid"
    if type_name == "UtcDateTime":
        return "time"
    if type_name in {"JSON", "Variant"} or column == "document":
        return "json"
    if type_name == "Boolean":
        return "bool"
    return "plain"


def _pg_json(connection: Connection, table: Table, column: str) -> str:
    """``jsonb`` or ``json``: the PostgreSQL type of a JSON column."""
    implementation = table.c[column].type.dialect_impl(connection.dialect)
    return "jsonb" if isinstance(implementation, JSONB) else "json"


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``: COPY on PostgreSQL
    from ``COPY_FROM`` rows on, else one executemany."""
    if not rows:
        return
    dialect = connection.dialect.name
    kinds = [_kind(table, column) for column in columns]
    tuples = _encoded(dialect, kinds, rows)
    if dialect == "postgresql" and len(rows) >= COPY_FROM:
        _copy(connection, table.name, list(columns), tuples)
        return
    placeholders = _placeholders(connection, table, columns, kinds)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(placeholders)})"
    connection.exec_driver_sql(sql, tuples)


def update_rows(
    connection: Connection,
    table: Table,
    key: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
) -> None:
    """Update the rows whose ``key`` column holds each tuple's value in that position, setting
    the other ``columns`` to the tuple's other values; one executemany."""
    if not rows:
        return
    dialect = connection.dialect.name
    kinds = [_kind(table, column) for column in columns]
    placeholders = _placeholders(connection, table, columns, kinds)
    position = list(columns).index(key)
    assignments = [
        f"{column} = {placeholder}"
        for column, placeholder in zip(columns, placeholders, strict=True)
        if column != key
    ]
    sql = f"UPDATE {table.name} SET {', '.join(assignments)} WHERE {key} = {placeholders[position]}"
    tuples = [
        (*row[:position], *row[position + 1 :], row[position])
        for row in _encoded(dialect, kinds, rows)
    ]
    connection.exec_driver_sql(sql, tuples)


def _encoded(
    dialect: str, kinds: list[str], rows: Sequence[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """The rows with every value encoded as the driver takes it, column by column (the rows
    turned into columns and back in C; only the columns that need it pass an encoder)."""
    encoders = _encoders(dialect)
    columns: list[Iterable[Any]] = list(zip(*rows, strict=True))
    for index, kind in enumerate(kinds):
        encode = encoders.get(kind)
        if encode is not None:
            columns[index] = map(encode, columns[index])
    return list(zip(*columns, strict=True))


def _placeholders(
    connection: Connection, table: Table, columns: Sequence[str], kinds: list[str]
) -> list[str]:
    if connection.dialect.name == "sqlite":
        return ["?"] * len(columns)
    return [
        f"%s::{_pg_json(connection, table, column)}" if kind == "json" else "%s"
        for column, kind in zip(columns, kinds, strict=True)
    ]


#: From this many rows on, PostgreSQL takes them with COPY (one round trip, no per-row plan).
COPY_FROM = 50


def _copy(
    connection: Connection, table: str, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """COPY ``rows`` into ``table`` through psycopg 3, inside the caller's transaction."""
    raw = connection.connection.driver_connection
    assert raw is not None
    statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
