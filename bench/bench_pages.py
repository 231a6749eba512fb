"""Server-side render time of the portal's pages on the large demo hub.

    python -m bench.bench_pages --size 1000000   # reuses bench/.cache/search-<size>

Requests go through the whole application in process (FastAPI, middleware, store, search,
Jinja2) with Starlette's test client, so the figure is the server's time per page without the
network. Pages: home, result pages (words, facets, quick picks, a region), and the pages of
random events, places, organisers and heritage objects. Also the largest page size.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import time
from pathlib import Path
from uuid import UUID

import orjson
from fastapi.testclient import TestClient

from bench.bench_search import CACHE, COMMON, build, percentiles
from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.search import SearchIndex
from cultuurhub.store import Store

KINDS = {"event": "/activiteiten", "place": "/locaties", "organizer": "/organisatoren",
         "object": "/erfgoed"}  # fmt: skip
SEARCHES = ["/zoeken?q=concert", "/zoeken?q=tentoonstelling&region=40000",
            "/zoeken?when=weekend", "/zoeken?q=wandeling&free=1", "/zoeken?q=muziek&lang=en",
            "/zoeken", "/zoeken?children=1&when=week", "/zoeken?q=concert&view=map"]  # fmt: skip


def sample_ids(database: Path, per_kind: int) -> list[str]:
    """Random ids of live records of each kind, as page paths."""
    connection = sqlite3.connect(database)
    paths = []
    for kind, prefix in KINDS.items():
        rows = connection.execute(
            "SELECT id FROM records WHERE type = ? AND deleted = 0 ORDER BY random() LIMIT ?",
            (kind, per_kind),
        ).fetchall()
        paths += [f"{prefix}/{UUID(str(row[0]))}" for row in rows]
    connection.close()
    return paths


def main() -> None:
    """Measure and print p50/p95/p99 per kind of page."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=100, help="record pages per kind")
    args = parser.parse_args()
    folder: Path = build(args.size) if not (CACHE / f"search-{args.size}" / "ready").exists() \
        else CACHE / f"search-{args.size}"  # fmt: skip
    os.environ.update({"CULTUURHUB_RATE_LIMIT_PER_IP": "0", "CULTUURHUB_SEARCH_SYNC_SECONDS": "0",
                       "CULTUURHUB_IMPORT_WORKER": "false"})  # fmt: skip
    get_settings.cache_clear()
    store = Store(f"sqlite:///{folder / 'hub.db'}")
    index = SearchIndex(folder / "hub.db.search")
    # Every result page a different search, so none is answered from the result cache.
    distinct = [f"/zoeken?q={word}&region={region}&when={when}" for word in COMMON
                for region in ("10000", "20001", "30000", "40000", "70000")
                for when in ("week", "weekend")]  # fmt: skip
    paths = {"home": ["/"] * 20, "results": SEARCHES + distinct}
    for path in sample_ids(folder / "hub.db", args.pages):
        paths.setdefault(path.split("/")[1], []).append(path)
    random.Random(5).shuffle(paths["results"])
    figures: dict[str, object] = {"size": args.size}
    largest = 0
    with TestClient(create_app(store, index)) as client:
        client.get("/")  # warm up
        for kind, wanted in paths.items():
            samples = []
            for path in wanted:
                started = time.perf_counter()
                answer = client.get(path)
                samples.append((time.perf_counter() - started) * 1000)
                assert answer.status_code == 200, (path, answer.status_code)
                largest = max(largest, len(answer.content))
            figures[kind] = percentiles(samples)
    figures["largest_page_bytes"] = largest
    store.close()
    print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
