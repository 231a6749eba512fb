"""The kernel's schema: organisations, API keys, records, versions, sources, the sequence.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None

Document = sa.JSON().with_variant(JSONB(), "postgresql")
Moment = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the kernel's tables and the one-row sequence counter."""
    op.create_table(
        "organisations",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("website", sa.String(500)),
        sa.Column("created", Moment, nullable=False),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("organisation_id", sa.Uuid, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False, unique=True),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("scopes", sa.String(60), nullable=False),
        sa.Column("created", Moment, nullable=False),
        sa.Column("revoked", Moment),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("owner", sa.Uuid, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("document", Document, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("start_at", Moment),
        sa.Column("end_at", Moment),
        sa.Column("municipality_nis", sa.String(5)),
        sa.Column("postal_code", sa.String(8)),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("workflow_status", sa.String(24), nullable=False),
        sa.Column("visibility", sa.String(10), nullable=False),
        sa.Column("content_hash", sa.String(32), nullable=False),
        sa.Column("created", Moment, nullable=False),
        sa.Column("modified", Moment, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
    )
    op.create_index("ix_records_type_modified", "records", ["type", "modified"])
    op.create_index("ix_records_owner", "records", ["owner"])
    op.create_index("ix_records_municipality", "records", ["municipality_nis"])
    op.create_index("ix_records_start", "records", ["start_at"])
    op.create_table(
        "versions",
        sa.Column("record_id", sa.Uuid, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False, unique=True),
        sa.Column("document", Document, nullable=False),
        sa.Column("workflow_status", sa.String(24), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("time", Moment, nullable=False),
        sa.Column("is_tombstone", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("record_id", "version"),
    )
    op.create_table(
        "sources",
        sa.Column("system", sa.String(200), nullable=False),
        sa.Column("source_id", sa.String(500), nullable=False),
        sa.Column("record_id", sa.Uuid, sa.ForeignKey("records.id"), nullable=False),
        sa.Column("content_hash", sa.String(32), nullable=False),
        sa.Column("last_seen", Moment, nullable=False),
        sa.PrimaryKeyConstraint("system", "source_id"),
    )
    op.create_index("ix_sources_record", "sources", ["record_id"])
    sequence = op.create_table(
        "sequence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(sequence, [{"id": 1, "value": 0}])


def downgrade() -> None:
    """Drop the kernel's tables."""
    for table in ("sources", "versions", "records", "api_keys", "organisations", "sequence"):
        op.drop_table(table)
