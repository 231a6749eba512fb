"""Where each OAI-PMH harvest stands, so it resumes and stays incremental across runs.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    """Create the harvest state table."""
    op.create_table(
        "harvest_states",
        sa.Column("source_url", sa.String(1000), primary_key=True),
        sa.Column("state", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    """Drop the harvest state table."""
    op.drop_table("harvest_states")
