"""A record's current document is stored once, as JSON text.

Its newest version row may leave it out:
``versions.document`` becomes nullable, and NULL means "the same as ``records.document``", which
only the record's newest stored version may say; before a record's document is overwritten,
the store copies it into that version row. Existing rows keep their documents. On PostgreSQL
both document columns become ``json`` instead of ``jsonb``: they are only written and read
whole, and ``json`` takes a document in without the binary conversion.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"

DOCUMENT = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    """Allow NULL in ``versions.document``; JSON text on PostgreSQL."""
    with op.batch_alter_table("versions") as batch:
        batch.alter_column("document", existing_type=DOCUMENT, nullable=True)
    if op.get_bind().dialect.name == "postgresql":
        for table in ("records", "versions"):
            op.execute(f"ALTER TABLE {table} ALTER COLUMN document TYPE json USING document::json")


def downgrade() -> None:
    """Fill every NULL document from its record, then forbid NULL again."""
    op.execute(
        "UPDATE versions SET document = "
        "(SELECT records.document FROM records WHERE records.id = versions.record_id) "
        "WHERE document IS NULL"
    )
    with op.batch_alter_table("versions") as batch:
        batch.alter_column("document", existing_type=DOCUMENT, nullable=False)
    if op.get_bind().dialect.name == "postgresql":
        for table in ("records", "versions"):
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN document TYPE jsonb USING document::jsonb"
            )
