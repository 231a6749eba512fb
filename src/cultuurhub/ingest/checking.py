"""Checking records: validate with the canonical model, make the stored document, score it.

This is most of an import's work (the model's validation and serialisation alone are about
half of it), and it needs nothing but the record: no store, no other records. So an import
of many records hands it to checker processes, a chunk at a time, and stores what comes back
in its own process, in the order the file gave it (:func:`checked`); a small import checks in
its own process. Both go through :func:`check`, so they give the same drafts, scores and
findings, and the same stored text (a checker sends back the document as the store keeps it,
``RecordDraft.canonical``, so this process never parses or serialises it again).

Records travel to a checker with :mod:`marshal`: the reader's documents hold only Python's
plain types, which it copies exactly (also floats such as NaN, and large integers) and three
times as fast as pickle; a chunk holding anything else is checked in this process, as is the
rest of an import whose checker died. Checkers are started with ``spawn`` (safe beside the
server's threads), once per process, and kept for the next import.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import marshal
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeGuard

from cultuurhub.config import get_settings
from cultuurhub.ingest.base import Finding, SourceRecord
from cultuurhub.model import InvalidRecord, parse_record
from cultuurhub.model.vocab import municipality_for_postcode, taxonomy
from cultuurhub.quality import Score, advice_for, score
from cultuurhub.store import canonical_json, stored_form
from cultuurhub.store.gc_pause import collector_paused

#: Records a checker checks at a time: large enough that handing them over costs little beside
#: checking them, small enough that the first batch is stored soon.
CHUNK = 250
#: Chunks handed out ahead per checker, so that none waits while this process stores.
AHEAD = 8
#: Below this many records an import checks in its own process: starting checkers (about a
#: second, once per process) and handing records over would cost more than it saves.
PARALLEL_FROM = 2 * CHUNK

LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Checked:
    """A record that passed the model: its document as the store keeps it (``canonical``; as
    a dict too when checked in this process), index columns, status and score."""

    document: dict[str, Any] | None
    canonical: bytes
    columns: dict[str, Any]
    workflow_status: str
    score: Score


@dataclass(frozen=True, slots=True)
class Rejected:
    """A record the model refused: each problem as (field, Dutch, English)."""

    problems: tuple[tuple[str, str, str], ...]


Outcome = Checked | Rejected


def check(record_type: str, document: dict[str, Any]) -> Outcome:
    """Validate one record with the model and make what the store and the report need."""
    try:
        record = parse_record(record_type, document)
    except InvalidRecord as error:
        return Rejected(tuple((p.field, p.message_nl, p.message_en) for p in error.problems))
    # the record keeps the hub's own id (the source's @id is the store's sources' business)
    form = stored_form(record)
    return Checked(
        form.document,
        canonical_json(form.document),
        form.columns,
        form.workflow_status,
        score(record_type, form.document),
    )


def checked(
    items: Iterable[SourceRecord | Finding], checkers: int
) -> Iterator[tuple[SourceRecord | Finding, Outcome | None]]:
    """Each item with its outcome (None for findings and deletions), in the reader's order;
    checked by ``checkers`` processes from :data:`PARALLEL_FROM` records on (0: here)."""
    if checkers < 1:
        for item in items:
            yield from _here([item])
        return
    chunks = _chunks(items)
    first = next(chunks, None)
    if first is None:
        return
    large = sum(isinstance(item, SourceRecord) for item in first) >= PARALLEL_FROM
    pool = _pool(checkers) if large else None
    if pool is None:  # a small file (it fits in the first chunk), or no processes to be had
        yield from _here(first)
        for chunk in chunks:
            yield from _here(chunk)
        return
    pending: deque[tuple[list[SourceRecord | Finding], Future[list[bytes]] | None]] = deque()
    for chunk in itertools.chain(_chunks(first, CHUNK), chunks):  # the first one cut to size
        pending.append((chunk, _submit(pool, chunk)))
        if len(pending) >= checkers * AHEAD:
            yield from _collected(pool, *pending.popleft())
    while pending:
        yield from _collected(pool, *pending.popleft())


def _chunks(
    items: Iterable[SourceRecord | Finding], first: int = PARALLEL_FROM
) -> Iterator[list[SourceRecord | Finding]]:
    """The items in lists of ``first`` records at first, then :data:`CHUNK` (findings ride
    along with the records around them)."""
    chunk: list[SourceRecord | Finding] = []
    records = 0
    size = first
    for item in items:
        chunk.append(item)
        if isinstance(item, SourceRecord):
            records += 1
            if records == size:
                yield chunk
                chunk, records, size = [], 0, CHUNK
    if chunk:
        yield chunk


def _to_check(item: SourceRecord | Finding) -> TypeGuard[SourceRecord]:
    """Whether an item needs checking: a record, not a finding and not a deletion."""
    return isinstance(item, SourceRecord) and not item.deleted


def _here(
    chunk: list[SourceRecord | Finding],
) -> Iterator[tuple[SourceRecord | Finding, Outcome | None]]:
    for item in chunk:
        if _to_check(item):
            yield item, check(item.type, item.document)
        else:
            yield item, None


def _submit(
    pool: ProcessPoolExecutor, chunk: list[SourceRecord | Finding]
) -> Future[list[bytes]] | None:
    """Hand a chunk's records to a checker; None when they cannot travel (a value of a type
    marshal does not know) or the checkers are gone: the chunk is then checked here."""
    try:
        payload = marshal.dumps([(item.type, item.document) for item in chunk if _to_check(item)])
    except ValueError:
        return None
    try:
        return pool.submit(_check_payload, payload)
    except RuntimeError:  # a broken pool, or one shut down: the next import starts a new one
        _forget(pool)
        return None


def _collected(
    pool: ProcessPoolExecutor,
    chunk: list[SourceRecord | Finding],
    future: Future[list[bytes]] | None,
) -> Iterator[tuple[SourceRecord | Finding, Outcome | None]]:
    try:
        outcomes = None if future is None else iter(future.result())
    except BrokenProcessPool:  # a checker died (killed, out of memory): go on here
        LOG.warning("an import checker process stopped; the import goes on in this process")
        _forget(pool)
        outcomes = None
    except CancelledError:  # another import running beside this one dropped the broken pool
        outcomes = None
    if outcomes is None:
        yield from _here(chunk)
        return
    for item in chunk:
        if _to_check(item):
            yield item, _outcome(item.type, marshal.loads(next(outcomes)))
        else:
            yield item, None


# -- in a checker ------------------------------------------------------------------------------


def _check_payload(payload: bytes) -> list[bytes]:
    """Check a chunk in a checker; each outcome in marshal's plain types (see ``_outcome``)."""
    with collector_paused():
        return [marshal.dumps(_plain(check(kind, document))) for kind, document in
                marshal.loads(payload)]  # fmt: skip


def _plain(outcome: Outcome) -> tuple[Any, ...]:
    if isinstance(outcome, Rejected):
        return (outcome.problems,)
    columns = {
        key: value.isoformat() if key in _MOMENTS and value is not None else value
        for key, value in outcome.columns.items()
    }
    advice = tuple(item.rule for item in outcome.score.advice)
    return (outcome.canonical, columns, outcome.workflow_status, outcome.score.score, advice)


_MOMENTS = ("start_at", "end_at")


def _outcome(record_type: str, plain: tuple[Any, ...]) -> Outcome:
    if len(plain) == 1:
        return Rejected(plain[0])
    canonical, columns, status, points, rules = plain
    for key in _MOMENTS:
        if columns.get(key) is not None:
            columns[key] = datetime.fromisoformat(columns[key])
    return Checked(None, canonical, columns, status, Score(points, advice_for(record_type, rules)))


def _warm() -> None:
    """Set up a new checker: it ends when the process that started it ends, however that
    ends (a killed server must not leave checkers behind), and it loads what checking every
    record needs (taxonomy, municipalities)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(
            target=_end_with, args=(parent.sentinel,), name="checker-parent", daemon=True
        ).start()
    taxonomy()
    municipality_for_postcode("9000")


def _end_with(sentinel: int) -> None:
    # A pool's queues keep their pipes open in every checker, so a checker whose parent was
    # killed would wait for work forever; the parent's sentinel tells when it is gone.
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


# -- the pool ------------------------------------------------------------------------------------

_lock = threading.Lock()
_pools: dict[int, ProcessPoolExecutor] = {}


def _pool(checkers: int) -> ProcessPoolExecutor | None:
    """The process's pool of ``checkers`` processes, started on first use and kept; None in a
    daemonic process (which may not start any) or when none can be started."""
    if multiprocessing.current_process().daemon:
        return None
    with _lock:
        pool = _pools.get(checkers)
        if pool is None:
            context = multiprocessing.get_context("spawn")
            try:
                pool = ProcessPoolExecutor(checkers, mp_context=context, initializer=_warm)
            except OSError:  # no processes to be had (limits): check here
                LOG.warning("no import checker processes could be started", exc_info=True)
                return None
            _pools[checkers] = pool
        return pool


def _forget(pool: ProcessPoolExecutor) -> None:
    """Drop a broken pool, so that the next import starts a new one."""
    with _lock:
        for checkers, kept in list(_pools.items()):
            if kept is pool:
                del _pools[checkers]
    pool.shutdown(wait=False, cancel_futures=True)


def start_checkers(checkers: int) -> None:
    """Start the checkers now (before a benchmark's clock), so the first import does not wait
    for them (about a second)."""
    pool = _pool(checkers) if checkers >= 1 else None
    if pool is not None:
        for future in [pool.submit(_check_payload, marshal.dumps([])) for _ in range(checkers)]:
            future.result()


#: Checkers by default at most: a container often sees all of its host's cores, and each
#: checker holds about 100 MB.
MAX_DEFAULT_CHECKERS = 8


def default_checkers() -> int:
    """Checker processes by default: ``CULTUURHUB_IMPORT_CHECKERS``, else one per core this
    process may run on, at most :data:`MAX_DEFAULT_CHECKERS`."""
    configured = get_settings().import_checkers
    if configured is not None:
        return max(0, configured)
    return min(len(os.sched_getaffinity(0)), MAX_DEFAULT_CHECKERS)


@atexit.register
def _shutdown() -> None:
    with _lock:
        for pool in _pools.values():
            pool.shutdown(cancel_futures=True)
        _pools.clear()
