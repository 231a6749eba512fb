"""Instructions per record, counted by Valgrind: figures the machine's drift cannot move.

    python -m bench.bench_instructions --n 20000                     # the store's batched puts
    python -m bench.bench_instructions --n 20000 --tree /tmp/old     # another checkout, to compare
    python -m bench.bench_instructions --what json --n 3000          # an import and its indexing
    python -m bench.bench_instructions --what csv --n 3000

On a shared virtual machine the clock (and even CPU time) of the same run drifts by a factor of
1.5 within minutes, which hides a change of 10 or 20 %. Valgrind's ``cachegrind`` counts the
instructions a process executes instead (every thread: tantivy's indexing thread too); the
count repeats to 0.1 %. Each figure is the count of a run that does the work minus the count
of the same run that only prepares it, divided by ``n``:

- *store*: build ``n`` demo drafts and store them with ``Store.put_batch`` (as ``bench_store``
  does, SQLite, batches of 1,000), against only building them;
- *json*, *csv*: the issue's chain as ``bench_import`` runs it (an import job's
  ``import_file`` of ``n`` UiTdatabank records or CSV rows into a SQLite store, with a quality
  finding per record, then ``SearchIndex.sync``), against a run that makes the file, the store
  and the index and warms them with a small import; the import alone is counted too, so the
  indexing is the difference.

An import is counted checking its records in its own process (``CULTUURHUB_IMPORT_CHECKERS=0``):
Valgrind would not follow the checker processes; the count is of the work itself, without the
handing over of records that checkers add.
It leaves out what the processor waits for (the disk, the page cache), so it measures the
code, not the machine; the records/s of ``bench_store`` and ``bench_import`` stay the figures
the issues ask for. Needs Debian's ``valgrind``. A run of 20,000 stored records takes about
five minutes, an import of 3,000 about two.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

BATCH = 1_000


def inner(n: int, put: bool) -> None:
    """Build ``n`` drafts into an empty SQLite store and, with ``put``, store them."""
    from bench.bench_store import drafts_for
    from cultuurhub.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
        store.upgrade()
        drafts = drafts_for(store, n)
        if put:
            for start in range(0, n, BATCH):
                store.put_batch(drafts[start : start + BATCH], "bench")
        store.close()


@dataclass(frozen=True, slots=True)
class Prepared:
    """What an import run starts from: a store and index warmed with a small import, the file."""

    store: Any
    index: Any
    reader: Any
    data: bytes
    owner: UUID


@contextmanager
def prepared(kind: str, n: int) -> Iterator[Prepared]:
    """Make a file of ``n`` records and an empty SQLite store and index, warmed with a small
    import of the same kind (the vocabularies, postcodes and caches load outside the count)."""
    from bench.bench_import import events_csv, uitdatabank_json
    from cultuurhub.ingest import CsvReader, ImportOptions, UitdatabankReader, import_file
    from cultuurhub.search import SearchIndex
    from cultuurhub.store import Store

    reader = UitdatabankReader if kind == "json" else CsvReader
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.db'}")
        store.upgrade()
        index = SearchIndex(Path(folder) / "search", cache_size=0)
        warm = store.create_organisation("Warm", "cultuurcentrum").id
        small = uitdatabank_json(60) if kind == "json" else events_csv(60)
        options = ImportOptions(warm, "warm", author="bench", record_quality=True)
        import_file(store, reader(), small, f"warm.{kind}", options)
        index.sync(store)
        data = uitdatabank_json(n) if kind == "json" else events_csv(n)
        owner = store.create_organisation("Benchmark", "cultuurcentrum").id
        try:
            yield Prepared(store, index, reader, data, owner)
        finally:
            store.close()


def inner_import(kind: str, n: int, stage: str) -> None:
    """From ``prepared``, import the file (``stage`` import) and also index it (``index``)."""
    from cultuurhub.ingest import ImportOptions, import_file

    with prepared(kind, n) as run:
        options = ImportOptions(run.owner, "bench", author="bench", record_quality=True)
        if stage != "prepare":
            report = import_file(run.store, run.reader(), run.data, f"bench.{kind}", options)
            assert report.created == n and not report.rejected, report.findings[:3]
        if stage == "index":
            assert run.index.sync(run.store).indexed >= n


SPLIT = ("prepare", "read", "validate", "draft", "score", "finding", "store", "index")


def inner_split(kind: str, n: int, upto: str) -> None:
    """The chain of ``inner_import`` step by step, up to and including ``upto``: the steps
    ``import_file`` takes (``ingest/service.py``), called one after the other."""
    from cultuurhub.ingest.base import Limits, SourceRecord
    from cultuurhub.ingest.service import quality_finding
    from cultuurhub.model import RecordType, parse_record
    from cultuurhub.quality import score
    from cultuurhub.store import SourceRef, draft_from_record
    from cultuurhub.store.gc_pause import collector_paused

    done = SPLIT[: SPLIT.index(upto) + 1]
    with prepared(kind, n) as run, collector_paused():
        if "read" in done:
            items = run.reader().read(run.data, f"bench.{kind}", Limits())
            read = [item for item in items if isinstance(item, SourceRecord)]
        if "validate" in done:
            records = [
                (RecordType(item.type), parse_record(item.type, item.document)) for item in read
            ]
        if "draft" in done:
            drafts = [
                draft_from_record(record_type, record, run.owner,
                                  SourceRef("bench", item.source_id), id_from_document=False)
                for (record_type, record), item in zip(records, read, strict=True)
            ]  # fmt: skip
        if "score" in done:
            scores = [score(draft.type, draft.document) for draft in drafts]
        if "finding" in done:
            for result, item in zip(scores, read, strict=True):
                quality_finding(result, item.location, item.source_id)
        if "store" in done:
            size = run.store.limits.max_batch_size
            for start in range(0, len(drafts), size):
                run.store.put_batch(drafts[start : start + size], "bench")
        if "index" in done:
            run.index.sync(run.store)


def count(tree: Path, n: int, inner_args: list[str]) -> int:
    """The instructions one inner run executes under cachegrind, with ``tree``'s code (this
    file runs as a script, so an older checkout without it can be counted too)."""
    env = {**os.environ, "PYTHONPATH": f"{tree / 'src'}:{tree}", "PYTHONHASHSEED": "0",
           # an import checks in this one process: Valgrind does not follow checker processes
           "CULTUURHUB_IMPORT_CHECKERS": "0"}  # fmt: skip
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, *inner_args, "--n", str(n),
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    """Parse the arguments; count, or be the counted run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--what", choices=["store", "json", "csv"], default="store")
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--inner", choices=["put", "build"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--split", action="store_true", help="Count each step of the import on its own."
    )
    parser.add_argument("--stage", choices=["prepare", "import", "index"], help=argparse.SUPPRESS)
    parser.add_argument("--upto", choices=SPLIT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.n, args.inner == "put")
        return
    if args.stage:
        inner_import(args.what, args.n, args.stage)
        return
    if args.upto:
        inner_split(args.what, args.n, args.upto)
        return
    if args.what == "store":
        stored = count(args.tree, args.n, ["--inner", "put"])
        built = count(args.tree, args.n, ["--inner", "build"])
        print(f"{args.tree}: {(stored - built) / args.n:,.0f} instructions per stored record")
        return
    if args.split:
        counts = [count(args.tree, args.n, ["--what", args.what, "--upto", s]) for s in SPLIT]
        steps = ", ".join(
            f"{step} {(after - before) / args.n:,.0f}"
            for step, before, after in zip(SPLIT[1:], counts[:-1], counts[1:], strict=True)
        )
        print(f"{args.tree} {args.what}: instructions per record: {steps}")
        return
    stages = {
        stage: count(args.tree, args.n, ["--what", args.what, "--stage", stage])
        for stage in ("prepare", "import", "index")
    }
    imported = (stages["import"] - stages["prepare"]) / args.n
    indexed = (stages["index"] - stages["import"]) / args.n
    print(
        f"{args.tree} {args.what}: {imported:,.0f} instructions per record to import, "
        f"{indexed:,.0f} to index, {imported + indexed:,.0f} in all"
    )


if __name__ == "__main__":
    main()
