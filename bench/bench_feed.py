"""Change feed catch-up: read the whole change sequence of a large store from 0 to its end.

    python -m bench.bench_feed --db sqlite --n 200000
    python -m bench.bench_feed --db postgres --n 200000 --url postgresql://postgres:postgres@127.0.0.1/postgres

Builds a store of ``n`` demo records (the demo generator's documents, stored in batches through
the one write path; the feed never reads documents, so they are not validated first), then gives
5 % of them a second version and deletes 2 % (tombstones). Then it catches up three ways:

* *store*: ``feed_page`` page after page (10,000 changes a page), in this process;
* *HTTP*: a consumer following ``next`` over ``GET /changes`` with httpx, parsing every page
  with orjson, against ``cultuurhub serve`` (one worker: a catch-up is one request after another);
* *raw*: the limit, the same keyset query through the bare DBAPI driver, no conversion at all.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from cultuurhub.demo import generate
from cultuurhub.demo.loading import ensure_organisations
from cultuurhub.store import FeedQuery, RecordDraft, SourceRef, Store, feed_page, head_seq
from cultuurhub.store.engine import normalise_url

BATCH = 1_000
PAGE = 10_000
PORT = 8125
BENCH_DATABASE = "cultuurhub_bench_feed"
RAW_SQL = (
    "SELECT v.seq, v.record_id, r.type, r.owner, v.version, v.is_tombstone, v.time "
    "FROM versions AS v JOIN records AS r ON r.id = v.record_id "
    "WHERE v.seq > {marker} AND r.visibility = 'public' ORDER BY v.seq LIMIT {limit}"
)


def build(store: Store, n: int) -> int:
    """Store ``n`` demo records, a second version of 5 %, tombstones for 2 %; return the head."""
    owners = ensure_organisations(store, n, 2026)
    drafts = [
        RecordDraft(r.type, owners[r.owner_key], r.document, source=SourceRef("bench", r.source_id))
        for r in generate(n)
    ]
    for start in range(0, n, BATCH):
        store.put_batch(drafts[start : start + BATCH], "bench")
    changed = [
        RecordDraft(d.type, d.owner, {**d.document, "bench": 2}, source=d.source)
        for d in drafts[::20]
    ]
    for start in range(0, len(changed), BATCH):
        store.put_batch(changed[start : start + BATCH], "bench")
    for draft in drafts[7::50]:
        assert draft.source is not None
        record_id = store.record_for_source(draft.source)
        assert record_id is not None
        store.delete(record_id, "bench")
    with store.engine.connect() as connection:  # statistics, as autovacuum keeps them in a hub
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    return head_seq(store)


def catch_up_store(store: Store) -> tuple[int, float]:
    """Changes read and seconds taken by ``feed_page``, from 0 to the end."""
    seen, since, start = 0, 0, time.perf_counter()
    while True:
        page = feed_page(store, FeedQuery(since=since, limit=PAGE))
        seen += len(page.entries)
        if not page.more:
            return seen, time.perf_counter() - start
        since = page.entries[-1].seq


def catch_up_http(limit: int) -> tuple[int, float]:
    """Changes read and seconds taken by a consumer following ``next`` over HTTP."""
    seen, start = 0, time.perf_counter()
    with httpx.Client(timeout=60) as client:
        url = f"http://127.0.0.1:{PORT}/changes?since=0&limit={limit}"
        while True:
            body = orjson.loads(client.get(url).content)
            seen += len(body["items"])
            if not body["more"]:
                return seen, time.perf_counter() - start
            url = f"http://127.0.0.1:{PORT}/changes?since={body['nextSince']}&limit={limit}"


def catch_up_raw(url: str) -> tuple[int, float]:
    """Changes read and seconds taken by the bare driver running the same keyset query."""
    if url.startswith("sqlite"):
        import sqlite3

        connection: Any = sqlite3.connect(url.removeprefix("sqlite:///"))
        marker = "?"
    else:
        import psycopg

        connection = psycopg.connect(
            url.replace("postgresql+psycopg:", "postgresql:"),
            options="-c plan_cache_mode=force_custom_plan",  # as the store's engine
        )
        marker = "%s"
    sql = RAW_SQL.format(marker=marker, limit=PAGE + 1)
    seen, since, start = 0, 0, time.perf_counter()
    while True:
        rows = connection.execute(sql, (since,)).fetchall()
        seen += min(len(rows), PAGE)
        if len(rows) <= PAGE:
            connection.close()
            return seen, time.perf_counter() - start
        since = rows[PAGE - 1][0]


def serve(url: str, index_folder: str) -> subprocess.Popen[bytes]:
    """Start ``cultuurhub serve`` on the store and wait until it answers."""
    env = {
        **os.environ,
        "CULTUURHUB_DATABASE_URL": url,
        "CULTUURHUB_SEARCH_PATH": index_folder,  # the hub's search index, out of the way
        "CULTUURHUB_RATE_LIMIT_PER_IP": "0",
        "CULTUURHUB_RATE_LIMIT_PER_KEY": "0",
        "CULTUURHUB_SEARCH_SYNC_SECONDS": "0",  # measure the feed, not a search index build
    }
    command = [sys.executable, "-m", "cultuurhub.cli", "serve", "--port", str(PORT)]
    process = subprocess.Popen([*command, "--workers", "1"], env=env)
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{PORT}/health")
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the hub did not start")


@contextmanager
def database(db: str, server: str) -> Iterator[str]:
    """A fresh database of the benchmark's own: an SQLite file, or one on the server."""
    if db == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'feed.db'}"
        return
    admin = create_engine(normalise_url(server), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}"))
        connection.execute(text(f"CREATE DATABASE {BENCH_DATABASE}"))
    try:
        url = make_url(normalise_url(server)).set(database=BENCH_DATABASE)
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)"))
        admin.dispose()


def run(db: str, n: int, server: str) -> dict[str, Any]:
    """Build a store, catch up the three ways, return the figures."""
    with database(db, server) as url:
        store = Store(url)
        store.upgrade()
        head = build(store, n)
        catch_up_store(store)  # warm the caches once, as a running hub has them
        figures: dict[str, Any] = {"db": db, "n": n, "changes": head}
        figures["store"] = catch_up_store(store)
        store.close()
        figures["raw"] = catch_up_raw(url)
        with tempfile.TemporaryDirectory() as index_folder:
            figures.update(_catch_up_http(url, index_folder))
    return figures


def _catch_up_http(url: str, index_folder: str) -> dict[str, tuple[int, float]]:
    """Catch up over HTTP against a hub serving ``url``, warm, in both page sizes."""
    figures = {}
    server = serve(url, index_folder)
    try:
        catch_up_http(PAGE)  # warm the server's connection and page cache
        figures["http"] = catch_up_http(PAGE)
        figures["http_1000"] = catch_up_http(1_000)
    finally:
        server.terminate()
        server.wait()
    return figures


def main() -> None:
    """Parse the arguments, run, print a Markdown row."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=200_000)
    parser.add_argument("--url", default="postgresql://postgres:postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    figures = run(args.db, args.n, args.url)
    public = figures["store"][0]
    rates = {
        name: figures[name][0] / figures[name][1] for name in ("store", "http", "http_1000", "raw")
    }
    for name in ("http", "http_1000", "raw"):
        assert figures[name][0] == public, (name, figures[name][0], public)
    print(
        f"| {figures['db']} | {figures['n']:,} | {public:,} | {rates['http']:,.0f} | "
        f"{rates['http_1000']:,.0f} | {rates['store']:,.0f} | {rates['raw']:,.0f} | "
        f"{rates['http'] / rates['raw']:.0%} |"
    )


if __name__ == "__main__":
    main()
