"""Cheaper writes: no per-row foreign keys on PostgreSQL, no indexes that no query uses.

``records.owner → organisations``, ``versions.record_id → records`` and
``sources.record_id → records`` cost PostgreSQL a lookup and a row lock per written row
(about 35 µs each, most of a batched write). The store's one write path guarantees the same
thing per batch: it refuses a batch whose owner does not exist (one query), and it writes a
version or a source link only beside the record row it belongs to, in the same transaction;
records and organisations are never removed (a deleted record is a tombstone). A test checks
that no version or source link points nowhere. SQLite keeps its foreign keys: they are checked
in-process there and cost nothing measurable.

On both databases the indexes on ``records.municipality_nis`` and ``records.start_at`` go: no
query of the hub filters or sorts on them (the search index answers place and date questions),
and every write paid for them.

On PostgreSQL (14 and later, built with lz4) the documents of records and versions are
compressed with lz4 instead of the default pglz: a 2 KB document sits at the size where
PostgreSQL starts compressing, and pglz took a tenth of a batched write.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"

FOREIGN_KEYS = (
    ("records", "records_owner_fkey", "owner", "organisations"),
    ("versions", "versions_record_id_fkey", "record_id", "records"),
    ("sources", "sources_record_id_fkey", "record_id", "records"),
)


DOCUMENT_TABLES = ("records", "versions")
UNUSED_INDEXES = (
    ("ix_records_municipality", "municipality_nis"),
    ("ix_records_start", "start_at"),
)


def upgrade() -> None:
    """Drop the unused indexes; on PostgreSQL also the three per-row foreign keys."""
    for name, _ in UNUSED_INDEXES:
        op.drop_index(name, table_name="records")
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, name, _, _ in FOREIGN_KEYS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")
    if _lz4_available():
        for table in DOCUMENT_TABLES:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN document SET COMPRESSION lz4")


def downgrade() -> None:
    """Put the indexes back; on PostgreSQL also the foreign keys."""
    for name, column in UNUSED_INDEXES:
        op.create_index(name, "records", [column])
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, name, column, target in FOREIGN_KEYS:
        op.create_foreign_key(name, table, target, [column], ["id"])
    if _lz4_available():
        for table in DOCUMENT_TABLES:
            op.execute(f"ALTER TABLE {table} ALTER COLUMN document SET COMPRESSION default")


def _lz4_available() -> bool:
    """Whether this PostgreSQL server can compress column values with lz4."""
    found = op.get_bind().exec_driver_sql(
        "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' "
        "AND 'lz4' = ANY(enumvals)"
    )
    return found.first() is not None
