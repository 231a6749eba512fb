"""The ``Store``: one object per database, the only way the hub reads and writes records."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import nullcontext
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Engine, insert, inspect, select, update

from cultuurhub.config import get_settings
from cultuurhub.store import idempotency, reads
from cultuurhub.store import organisations as accounts
from cultuurhub.store.drafts import (
    Change,
    PutResult,
    RawRecord,
    RecordDraft,
    SourceRef,
    StoredRecord,
    VersionInfo,
)
from cultuurhub.store.engine import make_engine
from cultuurhub.store.errors import RecordNotFound, VersionConflict
from cultuurhub.store.gc_pause import collector_paused
from cultuurhub.store.migrate import upgrade
from cultuurhub.store.quick_reads import QuickReader
from cultuurhub.store.tables import harvest_states, records, versions
from cultuurhub.store.writes import Limits, allocate, check_limits, write_batch

#: From this many drafts on, a batch runs with the cyclic garbage collector paused
#: (``gc_pause``); a single API write is not worth the collection that follows.
_PAUSE_FROM = 100


class Store:
    """Records, versions, the change sequence, organisations and keys in one database."""

    def __init__(self, url: str | None = None, limits: Limits | None = None) -> None:
        settings = get_settings()
        url = url or settings.database_url
        self.url = url
        self.engine: Engine = make_engine(url)
        self.reader: Engine = make_engine(url, writer=False) if "sqlite" in url else self.engine
        path = self.reader.url.database if self.reader.dialect.name == "sqlite" else None
        self.quick = QuickReader(path) if path and path != ":memory:" else None
        self.limits = limits or Limits(settings.max_batch_size, settings.max_document_bytes)

    def upgrade(self) -> None:
        """Create or upgrade the schema with the shipped migrations."""
        upgrade(self.engine)

    def has_schema(self) -> bool:
        """Tell whether the database has been created (``cultuurhub init`` has run on it)."""
        return inspect(self.reader).has_table("organisations")

    def close(self) -> None:
        """Release every connection."""
        if self.quick is not None:
            self.quick.close()
        self.engine.dispose()
        self.reader.dispose()

    def put(
        self, draft: RecordDraft, author: str, keep_answer: idempotency.KeptAnswer | None = None
    ) -> PutResult:
        """Store one record; the same content again makes no new version."""
        return self.put_batch([draft], author, keep_answer)[0]

    def put_batch(
        self,
        drafts: Sequence[RecordDraft],
        author: str,
        keep_answer: idempotency.KeptAnswer | None = None,
    ) -> list[PutResult]:
        """Store many records in one transaction: all of them, or none when one fails.

        With ``keep_answer`` the answer to an idempotency key is kept in the same transaction.
        """
        with collector_paused() if len(drafts) >= _PAUSE_FROM else nullcontext():
            prepared = check_limits(drafts, self.limits)
            with self.engine.begin() as connection:
                results = write_batch(connection, drafts, prepared, author)
                if keep_answer is not None:
                    answer = keep_answer.render(results)
                    idempotency.finish(
                        connection, keep_answer.organisation_id, keep_answer.key, answer
                    )
                return results

    def get(self, record_id: UUID) -> StoredRecord | None:
        """Return a record as it stands (deleted ones flagged), or None."""
        with self.reader.connect() as connection:
            return reads.get(connection, record_id)

    def get_raw(self, record_id: UUID) -> RawRecord | None:
        """Return a record with its document as unparsed JSON text, or None."""
        if self.quick is not None:
            return self.quick.get_raw(record_id)
        with self.reader.connect() as connection:
            return reads.get_raw(connection, record_id)

    def record_for_source(self, source: SourceRef) -> UUID | None:
        """Return the id of the record that came from this source record, if any."""
        with self.reader.connect() as connection:
            return reads.record_for_source(connection, source.system, source.source_id)

    def documents_with_seats(self, system: str, source_ids: Collection[str]) -> dict[str, str]:
        """The current documents (JSON text) of the live records that came from these source
        records of one system and hold a capacity (as a ticketing push leaves them), keyed by
        source id."""
        if not source_ids:
            return {}
        with self.reader.connect() as connection:
            return reads.documents_with_seats(connection, system, source_ids)

    def get_version(self, record_id: UUID, version: int) -> VersionInfo:
        """Return one version of a record."""
        with self.reader.connect() as connection:
            found = reads.get_version(connection, record_id, version)
        if found is None:
            raise RecordNotFound(f"record {record_id} has no version {version}")
        return found

    def history(self, record_id: UUID) -> list[VersionInfo]:
        """Return every version of a record, oldest first."""
        with self.reader.connect() as connection:
            found = reads.history(connection, record_id)
        if not found:
            raise RecordNotFound(f"no record with id {record_id}")
        return found

    def delete(
        self, record_id: UUID, author: str, expected_version: int | None = None
    ) -> PutResult:
        """Delete a record: a tombstone version, so the change feed and harvesters learn it.

        With ``expected_version``, a record that is at another version is left alone
        (``VersionConflict``).
        """
        with self.engine.begin() as connection:
            current = reads.get(connection, record_id, lock=True)
            if current is None:
                raise RecordNotFound(f"no record with id {record_id}")
            if current.deleted:
                return PutResult(record_id, current.version, None, "unchanged")
            if expected_version is not None and current.version != expected_version:
                raise VersionConflict(record_id, expected_version, current.version)
            seq, version, now = allocate(connection, 1), current.version + 1, datetime.now(UTC)
            connection.execute(
                update(records)
                .where(records.c.id == record_id)
                .values(deleted=True, version=version, modified=now, workflow_status="deleted")
            )
            connection.execute(
                insert(versions).values(
                    record_id=record_id, version=version, seq=seq, document={},
                    workflow_status="deleted", author=author, time=now, is_tombstone=True,
                )
            )  # fmt: skip
        return PutResult(record_id, version, seq, "updated")

    def changes_since(
        self,
        seq: int,
        limit: int = 1000,
        types: Collection[str] | None = None,
        owner: UUID | None = None,
    ) -> list[Change]:
        """Return the changes after ``seq``, in order, without gaps, deletions included."""
        with self.reader.connect() as connection:
            return reads.changes_since(connection, seq, limit, types, owner)

    def owned_documents(self, owner: UUID, page: int = 1000) -> Iterator[tuple[UUID, str, Any]]:
        """Yield every live record of an owner as (id, type, document), page by page."""
        for record_id, kind, _, document in self._live(records.c.owner == owner, page):
            yield record_id, kind, document

    def documents_of_type(
        self, record_type: str, page: int = 1000
    ) -> Iterator[tuple[UUID, UUID, Any]]:
        """Yield every live record of a type as (id, owner, document), page by page."""
        for record_id, _, owner, document in self._live(records.c.type == record_type, page):
            yield record_id, owner, document

    def _live(self, where: Any, page: int) -> Iterator[tuple[UUID, str, UUID, Any]]:
        after: UUID | None = None
        while True:
            with self.reader.connect() as connection:
                rows = reads.live_documents(connection, where, after, page)
            yield from rows
            if len(rows) < page:
                return
            after = rows[-1][0]

    def counts_by_type(self) -> dict[str, int]:
        """Return how many live records of each type there are."""
        with self.reader.connect() as connection:
            return reads.counts_by_type(connection)

    def recently_modified(self, record_type: str, limit: int = 10) -> list[dict[str, Any]]:
        """Return the most recently modified public records of a type (id, name, start)."""
        with self.reader.connect() as connection:
            return reads.recently_modified(connection, record_type, limit)

    def load_harvest_state(self, source_url: str) -> dict[str, Any] | None:
        """Return the saved state of harvesting ``source_url``, or None."""
        statement = select(harvest_states.c.state).where(harvest_states.c.source_url == source_url)
        with self.reader.connect() as connection:
            found: dict[str, Any] | None = connection.execute(statement).scalar_one_or_none()
        return found

    def save_harvest_state(self, source_url: str, state: dict[str, Any]) -> None:
        """Save the state of harvesting ``source_url``, replacing the previous one."""
        now = datetime.now(UTC)
        with self.engine.begin() as connection:
            done = connection.execute(
                update(harvest_states)
                .where(harvest_states.c.source_url == source_url)
                .values(state=state, updated=now)
            )
            if done.rowcount == 0:
                connection.execute(
                    insert(harvest_states).values(source_url=source_url, state=state, updated=now)
                )

    def claim_idempotency_key(
        self, organisation_id: UUID, key: str, fingerprint: str, lifetime: timedelta
    ) -> idempotency.Claim:
        """Take an idempotency key for a request, or tell what an earlier request with it says."""
        with self.engine.begin() as connection:
            return idempotency.claim(
                connection, organisation_id, key, fingerprint, datetime.now(UTC), lifetime
            )

    def finish_idempotency_key(
        self, organisation_id: UUID, key: str, response: idempotency.StoredResponse
    ) -> None:
        """Remember the response of an idempotency key's first request."""
        with self.engine.begin() as connection:
            idempotency.finish(connection, organisation_id, key, response)

    def release_idempotency_key(self, organisation_id: UUID, key: str) -> None:
        """Forget a key whose first request failed on the hub's side."""
        with self.engine.begin() as connection:
            idempotency.release(connection, organisation_id, key)

    def create_organisation(
        self, name: str, kind: str, website: str | None = None
    ) -> accounts.Organisation:
        """Create an organisation that can own records and hold keys."""
        with self.engine.begin() as connection:
            return accounts.create_organisation(connection, name, kind, website)

    def get_organisation(self, organisation_id: UUID) -> accounts.Organisation | None:
        """Return an organisation, or None."""
        with self.reader.connect() as connection:
            return accounts.get_organisation(connection, organisation_id)

    def list_organisations(self) -> list[accounts.Organisation]:
        """Return every organisation."""
        with self.reader.connect() as connection:
            return accounts.list_organisations(connection)

    def create_api_key(
        self, organisation_id: UUID, scopes: Collection[str]
    ) -> tuple[accounts.ApiKey, str]:
        """Create an API key; the secret is returned this once only."""
        with self.engine.begin() as connection:
            return accounts.create_api_key(connection, organisation_id, scopes)

    def authenticate(self, secret: str) -> accounts.ApiKey | None:
        """Return the live key with this secret, or None."""
        with self.reader.connect() as connection:
            return accounts.authenticate(connection, secret)

    def revoke_api_key(self, key_id: UUID) -> None:
        """Revoke an API key."""
        with self.engine.begin() as connection:
            accounts.revoke_api_key(connection, key_id)
