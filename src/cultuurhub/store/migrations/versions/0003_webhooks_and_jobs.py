"""Webhook subscriptions with their delivery log, and import jobs (upload or URL).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"

DOCUMENT = sa.JSON().with_variant(JSONB(), "postgresql")
MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create webhooks, webhook_deliveries and import_jobs."""
    op.create_table(
        "webhooks",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("organisation_id", sa.Uuid, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("api_key_id", sa.Uuid, sa.ForeignKey("api_keys.id"), nullable=False),
        sa.Column("url", sa.String(1000), nullable=False),
        sa.Column("secret", sa.String(100), nullable=False),
        sa.Column("filters", DOCUMENT, nullable=False),
        sa.Column("position", sa.BigInteger, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("next_attempt", MOMENT),
        sa.Column("created", MOMENT, nullable=False),
        sa.Column("disabled", MOMENT),
    )
    op.create_index("ix_webhooks_active", "webhooks", ["active"])
    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("webhook_id", sa.Uuid, sa.ForeignKey("webhooks.id"), nullable=False),
        sa.Column("seq_from", sa.BigInteger, nullable=False),
        sa.Column("seq_to", sa.BigInteger, nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("status_code", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("delivered", sa.Boolean, nullable=False),
        sa.Column("time", MOMENT, nullable=False),
    )
    op.create_index("ix_webhook_deliveries_webhook", "webhook_deliveries", ["webhook_id", "time"])
    op.create_table(
        "import_jobs",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("organisation_id", sa.Uuid, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("source", sa.String(1000), nullable=False),
        sa.Column("format", sa.String(30)),
        sa.Column("options", DOCUMENT, nullable=False),
        sa.Column("payload", sa.LargeBinary),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("total", sa.Integer),
        sa.Column("processed", sa.Integer, nullable=False),
        sa.Column("summary", DOCUMENT),
        sa.Column("findings", DOCUMENT),
        sa.Column("error", sa.Text),
        sa.Column("every_hours", sa.Integer),
        sa.Column("created", MOMENT, nullable=False),
        sa.Column("started", MOMENT),
        sa.Column("finished", MOMENT),
    )
    op.create_index("ix_import_jobs_org_created", "import_jobs", ["organisation_id", "created"])
    op.create_index("ix_import_jobs_status", "import_jobs", ["status"])


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("import_jobs")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhooks")
