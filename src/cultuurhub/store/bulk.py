"""Fast inserts: many rows in one DBAPI ``executemany``, values encoded once per dialect.

SQLAlchemy's per-row type processing costs more than the database itself on big batches, so
the hot path (new records, versions) encodes rows here and hands them straight to the driver.
The encodings match what the SQLAlchemy types in ``tables.py`` write and read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

import orjson
from sqlalchemy import Connection, Table

Encoder = Callable[[Any], Any]


def _sqlite_uuid(value: UUID) -> str:
    return value.hex


@lru_cache(maxsize=65_536)
def _sqlite_time(value: datetime | None) -> str | None:
    # cached: a batch shares its time, and events share their start and end times
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _postgres_time(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _json(value: Any) -> str:
    # the write path hands over documents already serialised once (see writes.content_hash)
    return value if isinstance(value, str) else orjson.dumps(value).decode()


def _same(value: Any) -> Any:
    return value


def _encoders(dialect: str) -> dict[str, Encoder]:
    if dialect == "sqlite":
        return {"uuid": _sqlite_uuid, "time": _sqlite_time, "json": _json, "bool": int}
    return {"uuid": _same, "time": _postgres_time, "json": _json, "bool": _same}


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


def insert_many(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) into ``table`` with one executemany."""
    if not rows:
        return
    dialect = connection.dialect.name
    columns = list(rows[0])
    encoders = _encoders(dialect)
    kinds = [encoders.get(_kind(table, column)) for column in columns]
    marker = "?" if dialect == "sqlite" else "%s"
    placeholders = [
        f"{marker}::jsonb" if dialect == "postgresql" and _kind(table, c) == "json" else marker
        for c in columns
    ]
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join(placeholders)})"
    plain = [i for i, encode in enumerate(kinds) if encode is None]
    if len(plain) == len(columns):
        values = [tuple(row.values()) for row in rows]
    else:
        pairs = list(zip(kinds, columns, strict=True))
        values = [
            tuple(
                row[column] if encode is None else encode(row[column]) for encode, column in pairs
            )
            for row in rows
        ]
    connection.exec_driver_sql(sql, values)
