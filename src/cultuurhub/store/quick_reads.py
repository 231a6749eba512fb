"""Reads of one record by id on SQLite straight through the ``sqlite3`` module.

A record by id is the hub's most frequent request. Through SQLAlchemy it costs a pool checkout,
a transaction begin and end, and statement bookkeeping: more than the lookup itself. On SQLite
each thread keeps one plain read-only connection for it (``query_only``; in WAL mode every
statement sees the last committed state), so the read is one indexed ``SELECT``. The values are
decoded as the SQLAlchemy types in ``tables.py`` store them (UUIDs as 32 hex digits).
PostgreSQL reads go through the engine's pool as every other read does.
"""

from __future__ import annotations

import sqlite3
import threading
from uuid import UUID

from cultuurhub.store.drafts import RawRecord

_GET_RAW = (
    "SELECT id, type, owner, document, visibility, version, deleted FROM records WHERE id = ?"
)


class QuickReader:
    """One plain ``sqlite3`` connection per thread, for reading records by id."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            for pragma in ("query_only=1", "busy_timeout=30000", "cache_size=-64000"):
                connection.execute(f"PRAGMA {pragma}")
            self._local.connection = connection
            with self._lock:
                self._opened.append(connection)
        return connection

    def get_raw(self, record_id: UUID) -> RawRecord | None:
        """The record with its document as stored JSON text, or None."""
        row = self._connection().execute(_GET_RAW, (record_id.hex,)).fetchone()
        if row is None:
            return None
        found_id, kind, owner, document, visibility, version, deleted = row
        return RawRecord(
            UUID(hex=found_id), kind, UUID(hex=owner), document, visibility, version, bool(deleted)
        )

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for connection in self._opened:
                connection.close()
            self._opened.clear()
        self._local = threading.local()
