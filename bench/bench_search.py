"""Search latency over a large demo hub, beside Datasette over the same records.

    python -m bench.bench_search --size 1000000            # builds bench/.cache/search-<size>
    python -m bench.bench_search --size 200000 --no-datasette

Steps: build (or reuse) a demo hub in SQLite with ``load_demo``; build the search index; run a
realistic mix of searches in process (common and rare Dutch words, two facets, a date filter,
a geo filter, frequent words included) and autocomplete prefixes, and report p50/p95/p99;
serve the hub with ``cultuurhub serve --workers 2`` and measure searches per second with
facets using wrk (random queries from the same mix); and, as the peer, put the same events in
a Datasette database (FTS5 on name and description) and time its frequent-word searches with
two facets through its JSON API. Datasette runs from its own virtual environment
(bench/.cache/datasette-venv), created on first use with pip.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import orjson

from cultuurhub.demo import load_demo
from cultuurhub.search import SearchIndex, SearchQuery
from cultuurhub.store import Store

CACHE = Path(__file__).parent / ".cache"
COMMON = ["concert", "tentoonstelling", "kinderen", "muziek", "wandeling", "theater", "workshop"]
RARE = ["aquarelleren", "symfonieorkest", "beiaard", "repair", "erfgoedwandeling", "kamermuziek"]
CITIES = [(51.0543, 3.7174), (51.2194, 4.4025), (51.2093, 3.2247), (50.8798, 4.7005),
          (50.9307, 5.3325), (50.8284, 3.2649)]  # fmt: skip
PREFIXES = ["con", "ten", "wan", "rep", "kin", "mu", "the", "jaz", "de b", "gro"]
TODAY = date(2026, 11, 24)


def build(size: int) -> Path:
    """Build (once) the demo hub and its index; return its folder."""
    folder = CACHE / f"search-{size}"
    database = folder / "hub.db"
    if not (folder / "ready").exists():
        folder.mkdir(parents=True, exist_ok=True)
        database.unlink(missing_ok=True)
        store = Store(f"sqlite:///{database}")
        store.upgrade()
        started = time.perf_counter()
        load_demo(store, size)
        print(f"loaded {size} records in {time.perf_counter() - started:.0f} s", flush=True)
        index = SearchIndex(folder / "hub.db.search", cache_size=0)
        report = index.rebuild(store)
        print(f"indexed {report.indexed} records in {report.seconds:.0f} s", flush=True)
        store.close()
        (folder / "index-seconds").write_text(f"{report.seconds:.1f}")
        (folder / "ready").write_text("ok")
    return folder


def mix(n: int, seed: int = 7) -> list[SearchQuery]:
    """A realistic mix: words common and rare, two facets, a date window, a circle."""
    rng = random.Random(seed)
    queries = []
    for i in range(n):
        word = rng.choice(COMMON if i % 3 else RARE)
        start = TODAY + timedelta(days=rng.randint(0, 60))
        kind = i % 4
        lat, lon = rng.choice(CITIES)
        queries.append(SearchQuery(
            kinds=("events",),
            text=word if kind != 3 else "",
            facets=("types", "regions"),
            date_from=start if kind in (1, 3) else None,
            date_to=start + timedelta(days=rng.choice([0, 2, 7, 30])) if kind in (1, 3) else None,
            latitude=lat if kind >= 2 else None, longitude=lon if kind >= 2 else None,
            distance_km=rng.choice([5.0, 10.0, 25.0]) if kind >= 2 else None,
        ))  # fmt: skip
    return queries


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50, p95 and p99 in milliseconds."""
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99),
            "mean": statistics.fmean(ordered)}  # fmt: skip


def in_process(folder: Path, n: int) -> dict[str, Any]:
    """Latencies of the search mix, of frequent words alone, and of autocomplete."""
    index = SearchIndex(folder / "hub.db.search", cache_size=0)  # every search runs
    for query in mix(30, seed=1):  # warm up
        index.search(query)
    samples, partial = [], 0
    for query in mix(n):
        started = time.perf_counter()
        result = index.search(query)
        samples.append((time.perf_counter() - started) * 1000)
        partial += result.partial
    frequent = []
    for word in COMMON * 10:
        started = time.perf_counter()
        index.search(SearchQuery(kinds=("events",), text=word, facets=("types", "regions")))
        frequent.append((time.perf_counter() - started) * 1000)
    suggest = []
    for prefix in PREFIXES * 20:
        started = time.perf_counter()
        index.autocomplete(prefix)
        suggest.append((time.perf_counter() - started) * 1000)
    return {"mix": percentiles(samples), "partial": partial, "n": n,
            "frequent": percentiles(frequent), "autocomplete": percentiles(suggest),
            "documents": index.count()}  # fmt: skip


LUA = """
local urls = {}
for line in io.lines("%s") do urls[#urls + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", urls[math.random(#urls)])
end
"""


def over_http(folder: Path, seconds: int) -> dict[str, float]:
    """Searches per second with facets, two workers, random queries from the mix.

    Three figures: with the result cache off (every search runs); from a cold start with the
    cache on (the first ``seconds``); and the ``seconds`` after that (each worker has seen most
    of the 500 searches once).
    """
    figures = {"uncached": _wrk(folder, seconds, cache=False)[0]}
    figures["cold"], figures["warm"] = _wrk(folder, seconds, cache=True, phases=2)
    return figures


def _wrk(folder: Path, seconds: int, *, cache: bool, phases: int = 1) -> list[float]:
    urls = []
    for query in mix(500, seed=3):
        params: list[tuple[str, str]] = [("facets", "types,regions")]
        if query.text:
            params.append(("q", query.text))
        if query.date_from:
            params += [("dateFrom", str(query.date_from)), ("dateTo", str(query.date_to))]
        if query.latitude is not None:
            params += [("lat", str(query.latitude)), ("lon", str(query.longitude)),
                       ("distance", str(query.distance_km))]  # fmt: skip
        urls.append("/events?" + urlencode(params))
    (folder / "urls.txt").write_text("\n".join(urls))
    (folder / "search.lua").write_text(LUA % (folder / "urls.txt"))
    env = {**os.environ, "CULTUURHUB_DATABASE_URL": f"sqlite:///{folder / 'hub.db'}",
           "CULTUURHUB_SEARCH_SYNC_SECONDS": "0", "CULTUURHUB_RATE_LIMIT_PER_IP": "0",
           "CULTUURHUB_RATE_LIMIT_PER_KEY": "0",
           "CULTUURHUB_SEARCH_CACHE_SIZE": "2000" if cache else "0"}  # fmt: skip
    command = [sys.executable, "-m", "cultuurhub.cli", "serve", "--port", "8131",
               "--workers", "2"]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    rates = []
    try:
        _wait(8131, "/events?limit=1")
        for _ in range(phases):
            output = subprocess.run(
                ["wrk", "-t2", "-c16", f"-d{seconds}s", "-s", str(folder / "search.lua"),
                 "http://127.0.0.1:8131"], capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            line = next(line for line in output.splitlines() if line.startswith("Requests/sec"))
            rates.append(float(line.split()[1]))
    finally:
        process.terminate()
        process.wait()
    return rates


def _wait(port: int, path: str) -> None:
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=5).status_code < 500:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not start")


def datasette(folder: Path) -> dict[str, Any]:
    """Datasette over the same events: frequent words with two facets, through its JSON API."""
    venv = CACHE / "datasette-venv"
    if not (venv / "bin" / "datasette").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "datasette==0.65.5"],
                       check=True)  # fmt: skip
    peer = folder / "peer.db"
    if not peer.exists():
        _peer_database(folder / "hub.db", peer)
    command = [str(venv / "bin" / "datasette"), "serve", str(peer), "--port", "8132",
               "--setting", "sql_time_limit_ms", "20000",
               "--setting", "facet_time_limit_ms", "20000"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(8132, "/peer.json")
        samples = []
        for word in COMMON * 3:
            url = (f"http://127.0.0.1:8132/peer/events.json?_search={word}"
                   "&_facet=type&_facet=municipality&_size=20")  # fmt: skip
            started = time.perf_counter()
            answer = httpx.get(url, timeout=60)
            samples.append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200, answer.text[:300]
        ours = []
        index = SearchIndex(folder / "hub.db.search", cache_size=0)
        for word in COMMON * 3:
            started = time.perf_counter()
            index.search(SearchQuery(kinds=("events",), text=word, facets=("types", "regions")))
            ours.append((time.perf_counter() - started) * 1000)
    finally:
        process.terminate()
        process.wait()
    return {"datasette": percentiles(samples), "ours": percentiles(ours)}


def _peer_database(hub: Path, peer: Path) -> None:
    """The hub's live events as a flat table with FTS5, as one would publish them in Datasette."""
    source = sqlite3.connect(hub)
    target = sqlite3.connect(peer)
    target.execute("CREATE TABLE events (id TEXT PRIMARY KEY, name TEXT, description TEXT,"
                   " type TEXT, municipality TEXT, start TEXT)")  # fmt: skip
    rows = []
    for record_id, document, municipality, start in source.execute(
        "SELECT id, document, municipality_nis, start_at FROM records"
        " WHERE type = 'event' AND deleted = 0"
    ):
        parsed = orjson.loads(document)
        terms = [t.get("label") for t in parsed.get("terms", []) if t.get("domain") == "eventtype"]
        rows.append((record_id, (parsed.get("name") or {}).get("nl"),
                     (parsed.get("description") or {}).get("nl"), terms[0] if terms else None,
                     municipality, start))  # fmt: skip
    target.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)
    target.execute("CREATE VIRTUAL TABLE events_fts USING fts5(name, description,"
                   " content='events', content_rowid='rowid')")  # fmt: skip
    target.execute("INSERT INTO events_fts(rowid, name, description)"
                   " SELECT rowid, name, description FROM events")  # fmt: skip
    target.commit()
    target.close()
    source.close()


def main() -> None:
    """Run the benchmark and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()
    folder = build(args.size)
    figures: dict[str, Any] = {
        "size": args.size,
        "index_seconds": float((folder / "index-seconds").read_text()),
    }
    figures["in_process"] = in_process(folder, args.queries)
    print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode(), flush=True)
    if not args.no_http:
        figures["http_searches_per_second"] = over_http(folder, args.seconds)
    if not args.no_datasette:
        figures["peer"] = datasette(folder)
    print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
