"""Engines for SQLite (WAL, writers serialised) and PostgreSQL (psycopg 3)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from cultuurhub.store.tables import dumps


def normalise_url(url: str) -> str:
    """Return ``url`` with the psycopg 3 driver named for PostgreSQL."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _bind_null_directly() -> None:
    """Let Python's ``sqlite3`` bind ``None`` without looking for an adapter the slow way.

    On Python 3.11 every ``None`` parameter goes through the adapter protocol, which asks the
    protocol type for ``__adapt__`` and formats an ``AttributeError`` message it then throws
    away: about 3,000 instructions a NULL, several NULLs a stored record (empty index columns,
    a newest version's document), 4 % of a batched put's instructions. With ``None`` registered as
    adapting to itself (``{}.get(None)`` is ``None``, called in C) the lookup ends at once.
    Values are bound exactly as before; registering twice is harmless.
    """
    itself = cast("Callable[[None], None]", {}.get)  # C-level, returns None for None
    sqlite3.register_adapter(type(None), itself)


def make_engine(url: str, *, writer: bool = True) -> Engine:
    """Create the engine for ``url``; SQLite files get their folder and WAL mode.

    On SQLite a writer engine starts every transaction with BEGIN IMMEDIATE, so writers queue;
    a reader engine starts plain deferred transactions, which never block writers in WAL mode.
    """
    url = normalise_url(url)
    options: dict[str, Any] = {"json_serializer": dumps, "json_deserializer": orjson.loads}
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        _bind_null_directly()
        engine = create_engine(url, **options)
        _tune_sqlite(engine, "BEGIN IMMEDIATE" if writer else "BEGIN")
        return engine
    # Lookups by lists of ids must be planned for the table as it is now, not as it was when a
    # prepared statement was first made (a generic plan made on an empty table scans it all).
    connect_args = {"options": "-c plan_cache_mode=force_custom_plan"}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args, **options)


def _tune_sqlite(engine: Engine, begin: str) -> None:
    """WAL, foreign keys, and the statement that begins a transaction."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "page_size=16384",  # takes effect only on a new database, before WAL
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "foreign_keys=ON",
            "busy_timeout=30000",
            "cache_size=-64000",
            "wal_autocheckpoint=5000",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)
