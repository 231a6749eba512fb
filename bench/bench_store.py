"""Batched puts into the store, beside the limit: raw executemany of the same rows.

    python -m bench.bench_store --db sqlite --n 50000
    python -m bench.bench_store --db postgres --n 50000 --url postgresql://postgres@127.0.0.1/postgres

Records are realistic demo documents (events, places, organisers, heritage objects), validated
and turned into drafts before the clock starts: this measures the store's write path.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import create_engine, text

from cultuurhub.demo import generate
from cultuurhub.demo.loading import ensure_organisations
from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import RecordDraft, SourceRef, Store, draft_from_record
from cultuurhub.store.engine import normalise_url

BATCH = 1_000


def drafts_for(store: Store, n: int) -> list[RecordDraft]:
    """Validated drafts of ``n`` demo records."""
    owners = ensure_organisations(store, n, 2026)
    return [
        draft_from_record(
            RecordType(r.type),
            parse_record(r.type, r.document),
            owners[r.owner_key],
            SourceRef("bench", r.source_id),
        )
        for r in generate(n)
    ]


def time_store(store: Store, drafts: list[RecordDraft]) -> float:
    """Records per second through ``Store.put_batch``."""
    start = time.perf_counter()
    for i in range(0, len(drafts), BATCH):
        store.put_batch(drafts[i : i + BATCH], "bench")
    return len(drafts) / (time.perf_counter() - start)


def time_raw(url: str, drafts: list[RecordDraft]) -> float:
    """Records per second for raw executemany of the same rows into plain tables.

    As the store does, the document goes into the record row only (a record's newest version
    row refers to it); the version row carries the rest.
    """
    engine = create_engine(normalise_url(url))
    rows = [
        (str(d.owner), d.type, d.columns.get("name"), orjson.dumps(d.document).decode())
        for d in drafts
    ]
    json_type = "JSON" if engine.dialect.name == "postgresql" else "TEXT"
    marker = "?" if engine.dialect.name == "sqlite" else "%s"
    cast = "::json" if engine.dialect.name == "postgresql" else ""
    with engine.begin() as connection:
        for table, document in (("raw_records", f", document {json_type}"), ("raw_versions", "")):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
            connection.exec_driver_sql(
                f"CREATE TABLE {table} (n INTEGER PRIMARY KEY, owner TEXT, type TEXT, "
                f"name TEXT{document})"
            )
    record_values = f"({marker}, {marker}, {marker}, {marker}, {marker}{cast})"
    version_values = f"({marker}, {marker}, {marker}, {marker})"
    start = time.perf_counter()
    for i in range(0, len(rows), BATCH):
        batch = [(i + j, *row) for j, row in enumerate(rows[i : i + BATCH])]
        with engine.begin() as connection:
            connection.exec_driver_sql(f"INSERT INTO raw_records VALUES {record_values}", batch)
            connection.exec_driver_sql(
                f"INSERT INTO raw_versions VALUES {version_values}", [row[:4] for row in batch]
            )
    rate = len(rows) / (time.perf_counter() - start)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE raw_records"))
        connection.execute(text("DROP TABLE raw_versions"))
    engine.dispose()
    return rate


def run(db: str, n: int, url: str | None) -> dict[str, Any]:
    """Measure both on one database and return the figures."""
    with tempfile.TemporaryDirectory() as folder:
        if db == "sqlite":
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
        assert url is not None
        store = Store(url)
        store.upgrade()
        drafts = drafts_for(store, n)
        store_rate = time_store(store, drafts)
        again_rate = time_store(store, drafts)  # every record unchanged: the idempotent path
        store.close()
        raw_rate = time_raw(url, drafts)
    return {"db": db, "n": n, "store": store_rate, "unchanged": again_rate, "raw": raw_rate}


def main() -> None:
    """Parse the arguments, run, print a Markdown row."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--url", default="postgresql://postgres:postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    result = run(args.db, args.n, args.url if args.db == "postgres" else None)
    print(
        f"| {result['db']} | {result['n']:,} | {result['store']:,.0f} | "
        f"{result['unchanged']:,.0f} | {result['raw']:,.0f} | "
        f"{result['store'] / result['raw']:.0%} |"
    )


if __name__ == "__main__":
    main()
