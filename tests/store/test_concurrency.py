"""Two processes write at once: the change sequence stays ordered, gap-free and unique."""

from __future__ import annotations

import multiprocessing
from typing import Any
from uuid import UUID

from cultuurhub.store import RecordDraft, Store

BATCHES = 60
BATCH_SIZE = 5


def _writer(url: str, owner: str, name: str, start: Any, results: Any) -> None:
    store = Store(url)
    try:
        start.wait(timeout=60)  # both processes begin together
        seqs: list[int] = []
        for batch in range(BATCHES):
            drafts = [
                RecordDraft("event", UUID(owner), {"name": {"nl": f"{name} {batch}.{i}"}})
                for i in range(BATCH_SIZE)
            ]
            seqs += [result.seq for result in store.put_batch(drafts, name) if result.seq]
        results.put((name, seqs))
    finally:
        store.close()


def test_two_processes_write_without_gaps_or_duplicates(store: Store, database_url: str) -> None:
    owner = store.create_organisation("Stad Gent", "gemeente").id
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(2), context.Queue()
    writers = [
        context.Process(target=_writer, args=(database_url, str(owner), name, start, results))
        for name in ("a", "b")
    ]
    for writer in writers:
        writer.start()
    runs = [seqs for _, seqs in sorted(results.get(timeout=120) for _ in writers)]
    for writer in writers:
        writer.join(timeout=60)
        assert writer.exitcode == 0
    total = 2 * BATCHES * BATCH_SIZE
    assert sorted(runs[0] + runs[1]) == list(range(1, total + 1))
    assert not set(runs[0]) & set(runs[1])
    changes = []
    while page := store.changes_since(changes[-1].seq if changes else 0, limit=97):
        changes += page
    assert [change.seq for change in changes] == list(range(1, total + 1))
    # within one process, its own batches took increasing numbers
    assert runs[0] == sorted(runs[0]) and runs[1] == sorted(runs[1])
    if database_url.startswith("postgresql"):
        # the two really ran at the same time: their numbers interleave (SQLite's busy
        # handler lets one writer finish first, which is also correct)
        assert min(runs[0]) < max(runs[1]) and min(runs[1]) < max(runs[0])
