"""Content hashes with XXH3 (128 bits) instead of BLAKE2b: the same 32 hexadecimal digits.

A record's content hash only tells the write path whether a put changes anything; XXH3 takes a
twentieth of BLAKE2b's time on a document. Every stored hash is computed again from what the
hash covers (type, owner, workflow status, visibility, the canonical key-sorted document), so
re-importing unchanged records after the upgrade still makes no new versions. A source link
that carried its record's hash is given the new one. The functions are copied here, not
imported, so this migration keeps doing what it did when the write path changes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import orjson
import sqlalchemy as sa
import xxhash
from alembic import op

revision = "0007"
down_revision = "0006"

_BATCH = 2_000
_HUB_KEYS = frozenset({"@id", "@context"})

records = sa.table(
    "records",
    sa.column("id", sa.Uuid),
    sa.column("type", sa.String),
    sa.column("owner", sa.Uuid),
    sa.column("workflow_status", sa.String),
    sa.column("visibility", sa.String),
    sa.column("content_hash", sa.String),
    sa.column("document", sa.Text),
)
sources = sa.table(
    "sources",
    sa.column("record_id", sa.Uuid),
    sa.column("content_hash", sa.String),
)


def _xxh3(prefix: bytes, document: bytes) -> str:
    digest = xxhash.xxh3_128(prefix)
    digest.update(document)
    return digest.hexdigest()


def _blake2b(prefix: bytes, document: bytes) -> str:
    digest = hashlib.blake2b(prefix, digest_size=16)
    digest.update(document)
    return digest.hexdigest()


def upgrade() -> None:
    """Rehash every record (and the source links that carried its hash) with XXH3."""
    _rehash(_xxh3)


def downgrade() -> None:
    """Rehash every record with BLAKE2b again."""
    _rehash(_blake2b)


def _rehash(algorithm: Callable[[bytes, bytes], str]) -> None:
    bind = op.get_bind()
    after: Any = None
    while True:
        query = (
            sa.select(
                records.c.id,
                records.c.type,
                records.c.owner,
                records.c.workflow_status,
                records.c.visibility,
                records.c.content_hash,
                sa.cast(records.c.document, sa.Text),
            )
            .order_by(records.c.id)
            .limit(_BATCH)
        )
        if after is not None:
            query = query.where(records.c.id > after)
        rows = bind.execute(query).all()
        if not rows:
            return
        changes = []
        for record_id, kind, owner, status, visibility, old, text in rows:
            document = orjson.loads(text)
            if isinstance(document, dict) and _HUB_KEYS & document.keys():
                document = {k: v for k, v in document.items() if k not in _HUB_KEYS}
            canonical = orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
            prefix = f"{kind}|{owner}|{status}|{visibility}|".encode()
            changes.append({"rid": record_id, "old": old, "new": algorithm(prefix, canonical)})
        bind.execute(
            sa.update(records)
            .where(records.c.id == sa.bindparam("rid"))
            .values(content_hash=sa.bindparam("new")),
            changes,
        )
        bind.execute(
            sa.update(sources)
            .where(sources.c.record_id == sa.bindparam("rid"))
            .where(sources.c.content_hash == sa.bindparam("old"))
            .values(content_hash=sa.bindparam("new")),
            changes,
        )
        after = rows[-1][0]
