"""The search index on disk: built from the store, kept in step with its change sequence.

One process at a time writes (tantivy's lock); any number read. The position (the last
sequence number indexed) is kept beside the index, written after each commit, so a crash
between the two only re-indexes a few records again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson
import tantivy
from sqlalchemy import Connection

from cultuurhub.search.extract import Lookup, fields_for, loads, references, whereabouts
from cultuurhub.search.schema import build_schema, register_analyzers
from cultuurhub.store import Store
from cultuurhub.store import search_reads as reads
from cultuurhub.store.gc_pause import collector_paused
from cultuurhub.store.search_reads import IndexRow

#: A stored document, parsed.
Document = dict[str, Any]

Progress = Callable[[int], None]

#: Record types whose name and municipality other records borrow.
REFERRED = {"place", "organizer"}
_WRITER_HEAP = 256_000_000


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one sync did."""

    indexed: int
    removed: int
    position: int
    seconds: float


LOG = logging.getLogger(__name__)


class IndexBusy(RuntimeError):
    """Another process is writing the index right now."""


class IndexCore:
    """The tantivy index and its position; searching lives in ``service.SearchIndex``."""

    def __init__(self, path: Path | str | None = None) -> None:
        self.schema = build_schema()
        self.path = None if path is None else Path(path)
        if self.path is None:
            self.index = tantivy.Index(self.schema)
        else:
            self.path.mkdir(parents=True, exist_ok=True)
            self.index = self._open(self.path)
        register_analyzers(self.index)
        self._memory_position = 0
        self._write_lock = threading.Lock()
        self._lookup = Lookup()
        self._last_reload = 0.0
        #: The store position of the commit searches see; cached answers are of one generation.
        self.generation = -1

    def _open(self, path: Path) -> tantivy.Index:
        """Open the index in ``path``; one of an older layout is emptied, to be filled again.

        The index is derived from the store: after an upgrade that changed its schema, the next
        sync (the server's, or ``cultuurhub index sync``) indexes every record again.
        """
        try:
            return tantivy.Index(self.schema, path=str(path), reuse=True)
        except ValueError as error:
            if "schema does not match" not in str(error):
                raise
        LOG.warning("search index %s has an older layout: it is emptied and rebuilt", path)
        for child in path.iterdir():
            if child.is_file():
                child.unlink()
        return tantivy.Index(self.schema, path=str(path), reuse=True)

    # -- position ---------------------------------------------------------------------------
    @property
    def position(self) -> int:
        """The last sequence number of the store that the index holds."""
        if self.path is None:
            return self._memory_position
        marker = self.path / "position.json"
        if not marker.exists():
            return 0
        return int(orjson.loads(marker.read_bytes()).get("position", 0))

    def _save_position(self, position: int) -> None:
        self._memory_position = position
        if self.path is not None:
            marker = self.path / "position.json"
            temporary = marker.with_suffix(".tmp")
            temporary.write_bytes(orjson.dumps({"position": position}))
            temporary.replace(marker)

    # -- writing ----------------------------------------------------------------------------
    def _writer(self) -> tantivy.IndexWriter:
        try:
            return self.index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        except ValueError as error:
            raise IndexBusy(
                f"De zoekindex wordt al bijgewerkt door een ander proces: {error}"
            ) from error

    def sync(
        self, store: Store, page: int = 20_000, progress: Progress | None = None
    ) -> SyncReport:
        """Index every change after the position; return what was done."""
        started = time.perf_counter()
        indexed = removed = 0
        with self._write_lock, collector_paused():
            writer = self._writer()
            position = self.position
            try:
                while True:
                    with store.reader.connect() as connection:
                        ids, reached = reads.changed_ids(connection, position, page)
                        rows = reads.rows_by_ids(connection, ids)
                        rows += self._dependants(connection, rows, {row.id for row in rows})
                        documents = _parsed(rows)
                        self._learn(connection, rows, documents)
                    done, gone = self._apply(writer, rows, documents, replace=True)
                    indexed, removed = indexed + done, removed + gone
                    if progress is not None:
                        progress(len(ids))
                    if reached == position:
                        break
                    position = reached
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
            self._save_position(position)
        self.reload(force=True)
        return SyncReport(indexed, removed, position, time.perf_counter() - started)

    def rebuild(
        self, store: Store, page: int = 5_000, progress: Progress | None = None
    ) -> SyncReport:
        """Throw the index away and build it again from every live record."""
        started = time.perf_counter()
        indexed = 0
        with self._write_lock, collector_paused():
            writer = self._writer()
            try:
                with store.reader.connect() as connection:
                    position = reads.last_seq(connection)
                writer.delete_all_documents()
                self._lookup = Lookup()
                for record_type in ("place", "organizer"):
                    self._scan(
                        store,
                        page,
                        lambda c, after, t=record_type: reads.live_page(c, after, page, t),
                        writer,
                        progress,
                    )
                indexed = self._scan(
                    store,
                    page,
                    lambda c, after: reads.live_page(c, after, page),
                    writer,
                    progress,
                    skip=REFERRED,
                )
                writer.commit()
                writer.wait_merging_threads()
            except BaseException:
                writer.rollback()
                raise
            self._save_position(position)
        self.reload(force=True)
        # Changes made while the rebuild ran are picked up by a sync.
        report = self.sync(store)
        return SyncReport(
            indexed + report.indexed, report.removed, report.position, time.perf_counter() - started
        )

    def _scan(
        self,
        store: Store,
        page: int,
        fetch: Callable[..., list[IndexRow]],
        writer: tantivy.IndexWriter,
        progress: Progress | None,
        skip: set[str] | None = None,
    ) -> int:
        after: UUID | None = None
        count = 0
        while True:
            with store.reader.connect() as connection:
                rows = fetch(connection, after)
                wanted = [row for row in rows if not skip or row.type not in skip]
                documents = _parsed(wanted)
                self._learn(connection, wanted, documents)
            done, _ = self._apply(writer, wanted, documents, replace=False)
            count += done
            if progress is not None:
                progress(len(wanted))
            if len(rows) < page:
                return count
            after = rows[-1].id

    def _learn(
        self, connection: Connection, rows: Sequence[IndexRow], documents: Sequence[Document]
    ) -> None:
        """Fill the lookup with the places and organisers these rows refer to."""
        wanted: set[UUID] = set()
        for row, document in zip(rows, documents, strict=True):
            if row.type in REFERRED:
                self._remember(row, document)
            elif not row.deleted:
                wanted.update(references(document))
        wanted.difference_update(self._lookup.known)
        if wanted:
            for found in reads.rows_by_ids(connection, sorted(wanted)):
                self._remember(found, loads(found.document))

    def _remember(self, row: IndexRow, document: Document) -> None:
        if row.deleted:
            self._lookup.known.pop(row.id, None)
            return
        self._lookup.known[row.id] = whereabouts(
            document, row.municipality_nis, row.latitude, row.longitude
        )

    def _dependants(
        self, connection: Connection, rows: Sequence[IndexRow], seen: set[UUID]
    ) -> list[IndexRow]:
        """Events and objects that borrow from changed places and organisers."""
        changed = [str(row.id) for row in rows if row.type in REFERRED]
        if not changed:
            return []
        self.reload(force=True)
        searcher = self.index.searcher()
        query = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Should, tantivy.Query.term_set_query(self.schema, "place", changed)),
                (
                    tantivy.Occur.Should,
                    tantivy.Query.term_set_query(self.schema, "organizer", changed),
                ),
            ]
        )
        count = count_hits(searcher, query)
        if not count:
            return []
        hits = searcher.search(query, limit=count, count=False).hits
        ids = {UUID(str(searcher.doc(address)["id"][0])) for _, address in hits} - seen
        return reads.rows_by_ids(connection, sorted(ids))

    def _apply(
        self,
        writer: tantivy.IndexWriter,
        rows: Sequence[IndexRow],
        documents: Sequence[Document],
        replace: bool,
    ) -> tuple[int, int]:
        indexed = removed = 0
        if replace and rows:  # one delete for the page: the adds below come after it
            ids = [str(row.id) for row in rows]
            writer.delete_documents_by_query(tantivy.Query.term_set_query(self.schema, "id", ids))
        for row, document in zip(rows, documents, strict=True):
            entry = self.entry(row, document)
            if entry is None:
                removed += 1
                continue
            try:
                writer.add_json(entry)
            except ValueError:  # a value of the wrong kind must not stop the index for all
                LOG.warning("record %s left out of the search index", row.id, exc_info=True)
                removed += 1
                continue
            indexed += 1
        return indexed, removed

    def entry(self, row: IndexRow, document: Document) -> str | None:
        """The JSON the index writer takes for a record, or None when it is not searchable
        (deleted, not public, or of a type the index leaves out)."""
        if row.deleted or row.visibility != "public" or row.type not in _INDEXED:
            return None
        fields = fields_for(
            _INDEXED[row.type],
            row.id,
            row.owner,
            document,
            row.modified,
            (row.municipality_nis, row.latitude, row.longitude),
            self._lookup,
        )
        return orjson.dumps(fields).decode()

    def entries(self, store: Store) -> list[str]:
        """What the index writer would take for every record of ``store`` (for benchmarks)."""
        with store.reader.connect() as connection:
            ids, _ = reads.changed_ids(connection, 0, reads.last_seq(connection))
            rows = reads.rows_by_ids(connection, ids)
            documents = _parsed(rows)
            self._learn(connection, rows, documents)
        found = (self.entry(row, document) for row, document in zip(rows, documents, strict=True))
        return [entry for entry in found if entry is not None]

    # -- reading ----------------------------------------------------------------------------
    def reload(self, force: bool = False, every: float = 1.0) -> None:
        """Let searches see the latest commit (at most once a second unless forced)."""
        now = time.monotonic()
        if force or now - self._last_reload >= every:
            self.index.reload()
            self._last_reload = now
            self.generation = self.position

    def searcher(self) -> tantivy.Searcher:
        """A searcher over the latest commit this process has seen."""
        self.reload()
        return self.index.searcher()


def _parsed(rows: Sequence[IndexRow]) -> list[Document]:
    """Each row's document parsed once, for the lookup and for the index (deleted: empty)."""
    return [{} if row.deleted else loads(row.document) for row in rows]


_INDEXED = {"event": "events", "place": "places", "organizer": "organizers", "object": "objects"}


def count_hits(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    """How many documents match (tantivy's type stubs do not declare ``count``)."""
    found = searcher.search(query, limit=1, count=True)
    return int(found.count)  # type: ignore[attr-defined]
