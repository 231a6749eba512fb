"""The one write path: a batch of drafts becomes versions with gap-free sequence numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

import orjson
import uuid_utils.compat
import xxhash
from sqlalchemy import (
    Connection,
    Uuid,
    bindparam,
    select,
    text,
    update,
)

from cultuurhub.store.among import among
from cultuurhub.store.bulk import insert_rows, update_rows
from cultuurhub.store.drafts import Outcome, PutResult, RecordDraft
from cultuurhub.store.errors import (
    BatchTooLarge,
    DocumentTooLarge,
    DuplicateInBatch,
    OrganisationNotFound,
    VersionConflict,
)
from cultuurhub.store.tables import organisations, records, sequence, sources, versions

INDEX_COLUMNS = (
    "name",
    "start_at",
    "end_at",
    "municipality_nis",
    "postal_code",
    "latitude",
    "longitude",
)
#: The columns of a record row and of a version row, in the order the write path builds them.
RECORD_COLUMNS = (
    "id", "type", "owner", "document", *INDEX_COLUMNS, "workflow_status", "visibility",
    "content_hash", "created", "modified", "version", "deleted",
)  # fmt: skip
_CREATED = RECORD_COLUMNS.index("created")
_UPDATED_COLUMNS = RECORD_COLUMNS[:_CREATED] + RECORD_COLUMNS[_CREATED + 1 :]  # created stays
VERSION_COLUMNS = (
    "record_id", "version", "seq", "document", "workflow_status", "author", "time", "is_tombstone",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Limits:
    """The store's bounds on one batch."""

    max_batch_size: int
    max_document_bytes: int


@dataclass(frozen=True, slots=True)
class _Existing:
    content_hash: str
    version: int
    deleted: bool


@dataclass(frozen=True, slots=True)
class Prepared:
    """A batch's content hashes and canonical JSON texts, each document serialised once."""

    hashes: list[str]
    texts: list[str]


def new_record_id() -> UUID:
    """A new record's id: a UUID version 7 (RFC 9562), which starts with the time it was made.

    Ids made one after the other sort one after the other, so the indexes keyed by record id
    (records, versions, sources) grow at their end instead of at random places: a batch
    touches a few pages of each instead of hundreds. ``uuid_utils`` makes them in Rust (a
    third of the time ``uuid6`` took: an import mints one per new record), monotonic within
    the process, as the standard library's ``uuid.UUID``.
    """
    return uuid_utils.compat.uuid7()


_HUB_KEYS = frozenset({"@id", "@context"})


def canonical_json(document: Mapping[str, Any]) -> bytes:
    """A document as the store keeps it: JSON with its keys sorted, so that the same content
    always gives the same text and hash (leave ``@id`` and ``@context`` out first)."""
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS)


def content_hash(draft: RecordDraft) -> tuple[str, bytes]:
    """Hash what makes a record's content (type, owner, status, visibility, document).

    Returns the hash and the canonical (key-sorted) JSON of the document, so that it is
    serialised once for hashing, size checks and storage. A top-level ``@id`` or ``@context``
    is left out: the hub gives every record its own when it serves it, so readers can splice
    them into the stored text without parsing it.
    """
    document = draft.canonical
    if document is None:
        content = draft.document
        if "@id" in content or "@context" in content:
            content = {key: value for key, value in content.items() if key not in _HUB_KEYS}
        document = canonical_json(content)
    prefix = _hash_prefix(draft.type, draft.owner, draft.workflow_status, draft.visibility)
    return hash_content(prefix, document), document


def hash_content(prefix: bytes, document: bytes) -> str:
    """The content hash of a record: XXH3, 128 bits, as 32 hexadecimal digits, of what
    :func:`_hash_prefix` makes of its type, owner, status and visibility, then its canonical
    document.

    It only tells whether content changed (an owner's own records; nothing to forge), so a
    fast non-cryptographic hash does: XXH3 takes a twentieth of BLAKE2b's time on a document.
    Migration 0007 rehashed what earlier versions hashed with BLAKE2b.
    """
    digest = xxhash.xxh3_128(prefix)
    digest.update(document)
    return digest.hexdigest()


@lru_cache(maxsize=4096)  # a batch has a few owners, types and statuses
def _hash_prefix(record_type: str, owner: UUID, workflow_status: str, visibility: str) -> bytes:
    return f"{record_type}|{owner}|{workflow_status}|{visibility}|".encode()


def check_limits(drafts: Sequence[RecordDraft], limits: Limits) -> Prepared:
    """Refuse a batch that is too large or holds a too-large document; hash and serialise it."""
    if len(drafts) > limits.max_batch_size:
        raise BatchTooLarge(f"{len(drafts)} records in one batch; at most {limits.max_batch_size}")
    hashes, texts = [], []
    for index, draft in enumerate(drafts):
        digest, text = content_hash(draft)
        size = len(text)
        if size > limits.max_document_bytes:
            raise DocumentTooLarge(
                f"record {index + 1} of the batch is {size} bytes; "
                f"at most {limits.max_document_bytes}"
            )
        hashes.append(digest)
        texts.append(text.decode())
    return Prepared(hashes, texts)


def allocate(connection: Connection, count: int) -> int:
    """Take ``count`` sequence numbers inside the writing transaction; return the first."""
    statement = update(sequence).where(sequence.c.id == 1).values(value=sequence.c.value + count)
    last = connection.execute(statement.returning(sequence.c.value)).scalar_one()
    return int(last) - count + 1


def write_batch(
    connection: Connection, drafts: Sequence[RecordDraft], prepared: Prepared, author: str
) -> list[PutResult]:
    """Write ``drafts`` in the caller's transaction; unchanged ones take no version."""
    hashes = prepared.hashes
    _check_owners(connection, drafts)
    ids, known_sources, looked_up = _resolve_ids(connection, drafts)
    guarded = any(draft.expected_version is not None for draft in drafts)
    existing = _existing(connection, looked_up, lock=guarded)
    if guarded:
        _check_expected(drafts, ids, existing)
    now = datetime.now(UTC)
    olds = list(map(existing.get, ids)) if existing else [None] * len(ids)
    changed = [
        i
        for i, old in enumerate(olds)
        if old is None or old.deleted or old.content_hash != hashes[i]
    ]
    first_seq = allocate(connection, len(changed)) if changed else 0
    results = [
        None if old is None else PutResult(record_id, old.version, None, "unchanged")
        for record_id, old in zip(ids, olds, strict=True)
    ]
    new_rows: list[tuple[Any, ...]] = []
    updated_rows: list[tuple[Any, ...]] = []
    version_rows: list[tuple[Any, ...]] = []
    for offset, i in enumerate(changed):
        draft, record_id, old = drafts[i], ids[i], olds[i]
        version = 1 if old is None else old.version + 1
        columns = draft.columns
        status = draft.workflow_status
        (new_rows if old is None else updated_rows).append(
            (
                record_id, draft.type, draft.owner, prepared.texts[i],
                *map(columns.get, INDEX_COLUMNS),
                status, draft.visibility, hashes[i], now, now, version, False,
            )
        )  # fmt: skip
        # the newest version leaves its document out: it is the record's (stored once)
        version_rows.append(
            (record_id, version, first_seq + offset, None, status, author, now, False)
        )
        outcome: Outcome = "created" if old is None else "updated"
        results[i] = PutResult(record_id, version, first_seq + offset, outcome)
    insert_rows(connection, records, RECORD_COLUMNS, new_rows)
    keep_documents(connection, [row[0] for row in updated_rows])
    update_rows(
        connection,
        records,
        "id",
        _UPDATED_COLUMNS,
        [row[:_CREATED] + row[_CREATED + 1 :] for row in updated_rows],
    )
    insert_rows(connection, versions, VERSION_COLUMNS, version_rows)
    _record_sources(connection, drafts, (ids, hashes), known_sources, now)
    return results  # type: ignore[return-value]  # every None became a result above


def _check_owners(connection: Connection, drafts: Sequence[RecordDraft]) -> None:
    """Refuse the batch if a record's owner is not an organisation of this hub.

    One query per batch; on PostgreSQL it replaces a foreign key checked row by row (0005).
    """
    owners = {draft.owner for draft in drafts}
    postgres = connection.dialect.name == "postgresql"
    statement = select(organisations.c.id).where(among(organisations.c.id, list(owners), postgres))
    known = set(connection.execute(statement).scalars())
    if owners <= known:
        return
    for index, draft in enumerate(drafts):
        if draft.owner not in known:
            raise OrganisationNotFound(
                f"record {index + 1} of the batch belongs to organisation {draft.owner}, "
                "which does not exist in this hub"
            )


def _resolve_ids(
    connection: Connection, drafts: Sequence[RecordDraft]
) -> tuple[list[UUID], set[tuple[str, str]], list[UUID]]:
    """Give every draft its id (its own, its source id's, or a new one); return the ids, the
    sources already known and the ids not made just now (only those can have a record)."""
    keys = [(d.source.system, d.source.source_id) for d in drafts if d.source]
    known: dict[tuple[str, str], UUID] = {}
    by_system: dict[str, list[str]] = {}
    for system, source_id in keys:
        by_system.setdefault(system, []).append(source_id)
    postgres = connection.dialect.name == "postgresql"
    for system, source_ids in by_system.items():
        statement = select(sources.c.source_id, sources.c.record_id).where(
            sources.c.system == system, among(sources.c.source_id, source_ids, postgres)
        )
        known.update({(system, sid): rid for sid, rid in connection.execute(statement)})
    ids, looked_up = [], []
    for draft in drafts:
        key = (draft.source.system, draft.source.source_id) if draft.source else None
        record_id = draft.id or (key and known.get(key))
        if record_id:
            looked_up.append(record_id)
        else:
            record_id = new_record_id()
        ids.append(record_id)
    if len(set(looked_up)) != len(looked_up):  # the ids made just now are new and distinct
        raise DuplicateInBatch("the same record appears more than once in this batch")
    return ids, set(known), looked_up


def _check_expected(
    drafts: Sequence[RecordDraft], ids: list[UUID], existing: dict[UUID, _Existing]
) -> None:
    for draft, record_id in zip(drafts, ids, strict=True):
        if draft.expected_version is None:
            continue
        old = existing.get(record_id)
        current = 0 if old is None else old.version
        if current != draft.expected_version:
            raise VersionConflict(record_id, draft.expected_version, current)


def _existing(
    connection: Connection, ids: list[UUID], *, lock: bool = False
) -> dict[UUID, _Existing]:
    """What the store holds of these records; ``lock``: rows locked until the commit (on
    PostgreSQL; SQLite writers queue for the whole transaction anyway)."""
    if not ids:
        return {}
    postgres = connection.dialect.name == "postgresql"
    statement = select(
        records.c.id, records.c.content_hash, records.c.version, records.c.deleted
    ).where(among(records.c.id, ids, postgres))
    if lock:
        statement = statement.with_for_update()
    return {
        record_id: _Existing(digest, version, deleted)
        for record_id, digest, version, deleted in connection.execute(statement)
    }


_KEEP_DOCUMENT = text(
    "UPDATE versions SET document = "
    "(SELECT records.document FROM records WHERE records.id = versions.record_id) "
    "WHERE versions.record_id = :record_id AND versions.document IS NULL"
).bindparams(bindparam("record_id", type_=Uuid()))


def keep_documents(connection: Connection, record_ids: Sequence[UUID]) -> None:
    """Copy each record's current document into its newest version row before it changes.

    A record's newest version leaves its document out (NULL: the same as the record's); a
    writer that overwrites ``records.document`` calls this first, so history keeps every text.
    """
    if record_ids:
        connection.execute(_KEEP_DOCUMENT, [{"record_id": rid} for rid in record_ids])


def _record_sources(
    connection: Connection,
    drafts: Sequence[RecordDraft],
    ids_and_hashes: tuple[list[UUID], list[str]],
    known: set[tuple[str, str]],
    now: datetime,
) -> None:
    """Remember (system, id there) → record, with the content hash and when it was last seen."""
    fresh: list[tuple[Any, ...]] = []
    seen: list[dict[str, Any]] = []
    for draft, record_id, digest in zip(drafts, *ids_and_hashes, strict=True):
        if draft.source is None:
            continue
        key = (draft.source.system, draft.source.source_id)
        if key in known:
            seen.append(dict(zip(_REFRESH_KEYS, (*key, record_id, digest, now), strict=True)))
        else:
            fresh.append((*key, record_id, digest, now))
    insert_rows(connection, sources, SOURCE_COLUMNS, fresh)
    if seen:
        connection.execute(_REFRESH_SOURCE, seen)


SOURCE_COLUMNS = ("system", "source_id", "record_id", "content_hash", "last_seen")
_REFRESH_KEYS = tuple(f"s_{column}" for column in SOURCE_COLUMNS)
_REFRESH_SOURCE = (
    update(sources)
    .where(sources.c.system == bindparam("s_system"))
    .where(sources.c.source_id == bindparam("s_source_id"))
    .values(
        record_id=bindparam("s_record_id"),
        content_hash=bindparam("s_content_hash"),
        last_seen=bindparam("s_last_seen"),
    )
)
