"""The store's tables (SQLAlchemy Core); migrations in ``migrations/`` create them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect

metadata = MetaData()

Document = JSON().with_variant(JSONB(), "postgresql")
#: Record documents and their versions: JSON text on PostgreSQL too (``json``, not ``jsonb``).
#: They are written and read whole, never queried inside (the extracted columns and the search
#: index serve queries), and ``json`` takes them in without the binary conversion that made
#: ``jsonb`` the slowest part of a write.
RecordDocument = JSON()


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in time, stored in UTC and always read back time-zone aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store every moment in UTC (SQLite keeps no offset, so convert first)."""
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read every moment back as an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Moment = UtcDateTime()


def dumps(value: Any) -> str:
    """Serialise JSON the way the whole store does (orjson)."""
    return orjson.dumps(value).decode()


organisations = Table(
    "organisations",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(300), nullable=False),
    Column("kind", String(60), nullable=False),
    Column("website", String(500)),
    Column("created", Moment, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("organisation_id", Uuid, ForeignKey("organisations.id"), nullable=False),
    Column("prefix", String(16), nullable=False, unique=True),
    Column("secret_hash", String(64), nullable=False),
    Column("scopes", String(60), nullable=False),
    Column("created", Moment, nullable=False),
    Column("revoked", Moment),
)

records = Table(
    "records",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("owner", Uuid, ForeignKey("organisations.id"), nullable=False),
    Column("document", RecordDocument, nullable=False),
    Column("name", Text),
    Column("start_at", Moment),
    Column("end_at", Moment),
    Column("municipality_nis", String(5)),
    Column("postal_code", String(8)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("workflow_status", String(24), nullable=False),
    Column("visibility", String(10), nullable=False),
    Column("content_hash", String(32), nullable=False),
    Column("created", Moment, nullable=False),
    Column("modified", Moment, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Index("ix_records_type_modified", "type", "modified"),
    Index("ix_records_owner", "owner"),
)

versions = Table(
    "versions",
    metadata,
    Column("record_id", Uuid, ForeignKey("records.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False, unique=True),
    # NULL: the same as records.document (only a record's newest version; see writes.py)
    Column("document", RecordDocument),
    Column("workflow_status", String(24), nullable=False),
    Column("author", String(200), nullable=False),
    Column("time", Moment, nullable=False),
    Column("is_tombstone", Boolean, nullable=False),
    PrimaryKeyConstraint("record_id", "version"),
)

sources = Table(
    "sources",
    metadata,
    Column("system", String(200), nullable=False),
    Column("source_id", String(500), nullable=False),
    Column("record_id", Uuid, ForeignKey("records.id"), nullable=False),
    Column("content_hash", String(32), nullable=False),
    Column("last_seen", Moment, nullable=False),
    PrimaryKeyConstraint("system", "source_id"),
    Index("ix_sources_record", "record_id"),
)

sequence = Table(
    "sequence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

harvest_states = Table(
    "harvest_states",
    metadata,
    Column("source_url", String(1000), primary_key=True),
    Column("state", Document, nullable=False),
    Column("updated", Moment, nullable=False),
)

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("organisation_id", Uuid, ForeignKey("organisations.id"), nullable=False),
    Column("api_key_id", Uuid, ForeignKey("api_keys.id"), nullable=False),
    Column("url", String(1000), nullable=False),
    Column("secret", String(100), nullable=False),
    Column("filters", Document, nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("next_attempt", Moment),
    Column("created", Moment, nullable=False),
    Column("disabled", Moment),
    Index("ix_webhooks_active", "active"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("webhook_id", Uuid, ForeignKey("webhooks.id"), nullable=False),
    Column("seq_from", BigInteger, nullable=False),
    Column("seq_to", BigInteger, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("status_code", Integer),
    Column("error", Text),
    Column("delivered", Boolean, nullable=False),
    Column("time", Moment, nullable=False),
    Index("ix_webhook_deliveries_webhook", "webhook_id", "time"),
)

import_jobs = Table(
    "import_jobs",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("organisation_id", Uuid, ForeignKey("organisations.id"), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("source", String(1000), nullable=False),
    Column("format", String(30)),
    Column("options", Document, nullable=False),
    Column("payload", LargeBinary),
    Column("status", String(12), nullable=False),
    Column("total", Integer),
    Column("processed", Integer, nullable=False),
    Column("summary", Document),
    Column("findings", Document),
    Column("error", Text),
    Column("every_hours", Integer),
    Column("created", Moment, nullable=False),
    Column("started", Moment),
    Column("finished", Moment),
    Index("ix_import_jobs_org_created", "organisation_id", "created"),
    Index("ix_import_jobs_status", "status"),
)

#: A create's idempotency key (per organisation) and the response it gave; ``status`` NULL
#: while the first request with the key is still running. See ``store/idempotency.py``.
idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("organisation_id", Uuid, nullable=False),
    Column("key", String(255), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("status", Integer),
    Column("headers", Text),
    Column("body", LargeBinary),
    Column("created", Moment, nullable=False),
    PrimaryKeyConstraint("organisation_id", "key"),
    Index("ix_idempotency_keys_created", "created"),
)
