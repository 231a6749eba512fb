"""Imports end to end, an OAI-PMH harvest and duplicate detection, beside their limits.

    python -m bench.bench_import                              # everything, SQLite
    python -m bench.bench_import --what json --n 50000 --db postgres \\
        --url postgresql://postgres:postgres@127.0.0.1:5432/postgres

- *import*: ``import_file`` as an import job runs it (read → validate with the model → quality
  score and per-record quality findings → store in batches), into an empty store; *again* is
  the same file a second time (everything unchanged: the idempotent path); *index* is
  bringing a search index up to date with what the first import stored (``SearchIndex.sync``,
  as the hub's index follower does after an import), and *import + index* the issue's whole
  chain: parse → validate → quality → store → search index, one after the other. *Import ∥
  index* is the same chain as a hub runs it with imports beside the server (``cultuurhub jobs
  run``): the import in this process while an index follower in a process of its own syncs
  every ``--sync-seconds`` (as the server's ``Syncer`` does), from the start of the import
  until the index holds every record; the import stores batch by batch, so the follower
  indexes the first batches while the rest is read. The *limit* is the
  same work done as cheaply as Python can: orjson (JSON) or the csv module (CSV) parses the
  file, and a raw ``executemany`` writes the same documents into two plain tables, as
  ``bench_store`` measures it.
- *checkers*: an import of 500 records or more is checked (validated, made into the stored
  document, scored) in ``--checkers`` processes beside this one (default: one per core, at
  most 8, as the hub runs it; 0: in this process), started before the clock as a hub that
  has imported before has them; *records/CPU s* counts this process only.
- *floor*: the CPU time per record of the work no implementation of the chain can skip with
  the architecture's libraries (parsing as cheaply as Python can, the model's validation and
  serialisation, a raw ``executemany``, tantivy indexing ready-made fields), and the ceiling
  it sets on this machine's cores (``bench_floor``).
- *memory*: how much memory an import of ``--n`` records takes at its peak (``tracemalloc``:
  what Python's allocator hands out while the import runs, into an empty SQLite store).
- *harvest*: ``harvest`` from a local OAI-PMH provider (a thread serving generated ``oai_dc``
  ListRecords pages of 1,000 records with resumption tokens) into an empty store.
- *duplicates*: ``find_duplicates`` over realistic demo places (their names, addresses and
  coordinates), with one place in twenty given a near copy (other spelling, a few metres off).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import multiprocessing
import os
import pstats
import random
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit
from uuid import UUID

import orjson
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from cultuurhub.demo import generate
from cultuurhub.ingest import (
    CsvReader,
    ImportOptions,
    Limits,
    Reader,
    SourceRecord,
    UitdatabankReader,
    harvest,
    import_file,
)
from cultuurhub.ingest.checking import default_checkers, start_checkers
from cultuurhub.model import parse_record, to_document
from cultuurhub.quality import Candidate, find_duplicates
from cultuurhub.search import SearchIndex
from cultuurhub.search.index import IndexCore
from cultuurhub.store import RecordDraft, Store
from cultuurhub.store.engine import normalise_url
from cultuurhub.store.gc_pause import collector_paused

PAGE = 1_000
#: Checker processes of the imports (``--checkers``; None: one per core, as the hub runs them).
CHECKERS: int | None = None
BATCH = 1_000
T = TypeVar("T")
_VENUES = (
    ("Theaterzaal", "Kouter 29", "9000", "Gent"),
    ("De Bijloke", "Jozef Kluyskensstraat 2", "9000", "Gent"),
    ("Stadsschouwburg", "Vlamingstraat 29", "8000", "Brugge"),
    ("Concertgebouw", "'t Zand 34", "8000", "Brugge"),
    ("De Singel", "Desguinlei 25", "2018", "Antwerpen"),
    ("Zuiderpershuis", "Waalsekaai 14", "2000", "Antwerpen"),
    ("30CC", "Diestsestraat 49", "3000", "Leuven"),
    ("Het Depot", "Martelarenplein 12", "3000", "Leuven"),
    ("CC Hasselt", "Kunstlaan 5", "3500", "Hasselt"),
    ("Schouwburg Kortrijk", "Schouwburgplein 14", "8500", "Kortrijk"),
)
_KINDS = ("Concert", "Theatervoorstelling", "Tentoonstelling", "Film", "Lezing of congres")
_THEMES = ("Jazz en blues", "Klassieke muziek", "Tekst en muziektheater", "Erfgoed", "Humor")


# -- inputs ------------------------------------------------------------------------------------


def uitdatabank_json(n: int) -> bytes:
    """A JSON array of ``n`` demo events, places and organisers in UiTdatabank JSON-LD."""
    documents: list[dict[str, Any]] = []
    for record in generate(int(n * 1.5) + 50):
        if record.type in ("event", "place", "organizer"):
            documents.append(record.document)
            if len(documents) == n:
                break
    return orjson.dumps(documents)


def events_csv(n: int) -> bytes:
    """A semicolon CSV of ``n`` events as a cultural centre exports them (16 Dutch columns)."""
    rng = random.Random(2026)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([
        "id", "Titel", "Omschrijving", "Datum", "Aanvang", "Einde", "Zaal", "Straat", "Postcode",
        "Gemeente", "Prijs", "Soort", "Thema", "Organisator", "Website", "Leeftijd",
    ])  # fmt: skip
    first = date(2027, 1, 1)
    for number in range(n):
        hall, street, postcode, town = rng.choice(_VENUES)
        day = first + timedelta(days=rng.randrange(365))
        hour = rng.choice((14, 15, 19, 20))
        writer.writerow([
            f"prog-{number}", f"Voorstelling {number}", f"Een avond met gezelschap {number % 97}.",
            f"{day:%d/%m/%Y}", f"{hour}u", f"{hour + 2}u30", hall, street, postcode, town,
            f"€ {rng.randrange(5, 40)},00", rng.choice(_KINDS), rng.choice(_THEMES),
            "CC Benchmark", f"https://www.example.be/{number}", rng.choice(("", "12+", "6-12")),
        ])  # fmt: skip
    return buffer.getvalue().encode()


# -- databases ---------------------------------------------------------------------------------


@contextmanager
def fresh_database(db: str, server_url: str | None) -> Iterator[str]:
    """An empty, migrated database: a temporary SQLite file, or a new PostgreSQL database."""
    if db == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            _migrate(url)
            yield url
        return
    assert server_url is not None
    server = make_url(normalise_url(server_url))
    name = f"cultuurhub_bench_import_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    _migrate(url)
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _migrate(url: str) -> None:
    store = Store(url)
    store.upgrade()
    store.close()


# -- imports -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Seconds:
    """How long something took on the clock, and in CPU time of this process (all threads).

    On a shared, busy machine the wall clock says more about the neighbours than about the
    code; CPU time is what the work itself costs (on SQLite, which runs in this process).
    """

    wall: float
    cpu: float

    def __add__(self, other: Seconds) -> Seconds:
        return Seconds(self.wall + other.wall, self.cpu + other.cpu)


def timed(work: Callable[[], T]) -> tuple[T, Seconds]:
    """Run ``work``; return its result and how long it took."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, Seconds(time.perf_counter() - wall, time.process_time() - cpu)


@dataclass(frozen=True, slots=True)
class ImportFigures:
    """What one import benchmark measured."""

    what: str
    db: str
    records: int
    imported: Seconds
    again: Seconds
    limit: Seconds
    indexed: Seconds
    pipelined: Seconds

    def row(self) -> str:
        """A Markdown row: records/s on the clock and per CPU second, beside the limit."""
        n = self.records
        return (
            f"| {self.what} | {self.db} | {n:,} | {n / self.imported.wall:,.0f} | "
            f"{n / self.limit.wall:,.0f} | {self.limit.wall / self.imported.wall:.0%} | "
            f"{n / self.imported.cpu:,.0f} | {n / self.again.cpu:,.0f} | "
            f"{n / self.limit.cpu:,.0f} | {self.limit.cpu / self.imported.cpu:.0%} | "
            f"{n / self.indexed.wall:,.0f} | {n / (self.imported + self.indexed).wall:,.0f} | "
            f"{n / self.pipelined.wall:,.0f} |"
        )


def time_import(
    url: str, data: bytes, filename: str, reader: Callable[[], Reader]
) -> tuple[Seconds, Seconds, Seconds, int, list[RecordDraft]]:
    """Import twice into an empty store; return both times, the time to bring a search index
    up to date after the first, the records, and what was stored."""
    store = Store(url)
    try:
        owner = store.create_organisation("Benchmark", "cultuurcentrum").id
        options = ImportOptions(
            owner, filename, author="bench", record_quality=True, checkers=CHECKERS
        )
        report, first = timed(lambda: import_file(store, reader(), data, filename, options))
        with tempfile.TemporaryDirectory() as folder:
            index = SearchIndex(Path(folder) / "search", cache_size=0)
            synced, indexed = timed(lambda: index.sync(store))
            assert synced.indexed >= report.created, synced
        again, second = timed(lambda: import_file(store, reader(), data, filename, options))
        assert report.created and not report.rejected, report.findings[:3]  # e.g. a file too big
        assert again.unchanged == report.created, again
        stored = [
            RecordDraft(kind, owner, document, record_id, columns={"name": None})
            for record_id, kind, document in store.owned_documents(owner)
        ]
    finally:
        store.close()
    return first, second, indexed, report.created, stored


def follow(url: str, folder: str, want: int, interval: float, ready: Any, done: Any) -> None:
    """An index follower in a process of its own: sync every ``interval`` seconds until the
    index holds ``want`` records (as the server's ``Syncer`` thread does); set ``done`` as
    soon as it does (the process's own ending is not the chain's time)."""
    store = Store(url)
    index = SearchIndex(Path(folder), cache_size=0)
    ready.set()
    indexed = 0
    while indexed < want:
        indexed += index.sync(store).indexed
        if indexed < want:
            time.sleep(interval)
    done.set()
    store.close()


def time_pipelined(
    url: str, data: bytes, filename: str, reader: Callable[[], Reader], interval: float
) -> Seconds:
    """Import into an empty store while an index follower process syncs; return the time
    from the start of the import until the index holds every record (wall clock only: the
    follower's CPU is another process's)."""
    store = Store(url)
    spawn = multiprocessing.get_context("spawn")
    try:
        owner = store.create_organisation("Benchmark", "cultuurcentrum").id
        options = ImportOptions(
            owner, filename, author="bench", record_quality=True, checkers=CHECKERS
        )
        with tempfile.TemporaryDirectory() as folder:
            want = sum(1 for item in reader().read(data, filename, options.limits)
                       if isinstance(item, SourceRecord))  # fmt: skip
            ready, done = spawn.Event(), spawn.Event()
            follower = spawn.Process(target=follow, args=(url, folder, want, interval, ready, done))
            follower.start()
            ready.wait(60)
            started = time.perf_counter()
            report = import_file(store, reader(), data, filename, options)
            done.wait(600)
            wall = time.perf_counter() - started
            follower.join(600)
            assert follower.exitcode == 0 and report.created == want, report.findings[:3]
    finally:
        store.close()
    return Seconds(wall, float("nan"))


def time_parse(data: bytes, kind: str) -> Seconds:
    """How long parsing the file takes as cheaply as Python can (orjson, or the csv module).

    With the garbage collector paused, as the import runs: with it running, the collections
    that a million new containers set off took five times as long as orjson itself.
    """
    with collector_paused():
        if kind == "json":
            return timed(lambda: orjson.loads(data))[1]
        return timed(lambda: list(csv.reader(io.StringIO(data.decode()), delimiter=";")))[1]


def raw_insert(url: str, drafts: list[RecordDraft]) -> Seconds:
    """How long a raw ``executemany`` of the same documents into two plain tables takes."""
    rows = [(str(d.owner), d.type, orjson.dumps(d.document).decode()) for d in drafts]
    engine = create_engine(normalise_url(url))
    postgres = engine.dialect.name == "postgresql"
    mark, cast, kind = ("%s", "::jsonb", "JSONB") if postgres else ("?", "", "TEXT")
    with engine.begin() as connection:
        for table in ("raw_records", "raw_versions"):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
            connection.exec_driver_sql(
                f"CREATE TABLE {table} (n INTEGER PRIMARY KEY, owner TEXT, type TEXT, "
                f"document {kind})"
            )

    def insert() -> None:
        for start in range(0, len(rows), BATCH):
            batch = [(start + j, *row) for j, row in enumerate(rows[start : start + BATCH])]
            with engine.begin() as connection:
                for table in ("raw_records", "raw_versions"):
                    connection.exec_driver_sql(
                        f"INSERT INTO {table} VALUES ({mark}, {mark}, {mark}, {mark}{cast})", batch
                    )

    _, seconds = timed(insert)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE raw_records"))
        connection.execute(text("DROP TABLE raw_versions"))
    engine.dispose()
    return seconds


def bench_import(
    kind: str, db: str, n: int, server_url: str | None, sync_seconds: float
) -> ImportFigures:
    """Measure one import (``json`` or ``csv``) beside its limit, on one database."""
    if kind == "json":
        data, name = uitdatabank_json(n), "uitdatabank.json"
    else:
        data, name = events_csv(n), "programma.csv"
    reader: Callable[[], Reader] = UitdatabankReader if kind == "json" else CsvReader
    with fresh_database(db, server_url) as url:
        first, second, indexed, count, stored = time_import(url, data, name, reader)
        limit = time_parse(data, kind) + raw_insert(url, stored)
    with fresh_database(db, server_url) as url:
        pipelined = time_pipelined(url, data, name, reader, sync_seconds)
    return ImportFigures(kind, db, count, first, second, limit, indexed, pipelined)


def bench_memory(kind: str, n: int) -> tuple[int, float, float]:
    """Records imported, the peak of the memory the import allocated (MB), the file's size (MB).

    Counted by ``tracemalloc``: everything allocated through Python's allocator (objects,
    orjson's and pydantic's buffers), not SQLite's page cache or the mapped database file,
    which the resident set mixes in and which the operating system can take back.
    """
    data = uitdatabank_json(n) if kind == "json" else events_csv(n)
    reader = UitdatabankReader if kind == "json" else CsvReader
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'memory.db'}")
        store.upgrade()
        owner = store.create_organisation("Benchmark", "cultuurcentrum").id
        options = ImportOptions(
            owner, f"bench.{kind}", author="bench", record_quality=True, checkers=CHECKERS
        )
        tracemalloc.start()
        try:
            report = import_file(store, reader(), data, f"bench.{kind}", options)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            store.close()
    assert report.created, report.findings[:3]
    return report.created, peak / 1_048_576, len(data) / 1_048_576


# -- OAI-PMH -----------------------------------------------------------------------------------


def oai_pages(n: int) -> list[bytes]:
    """ListRecords pages of ``PAGE`` oai_dc records each, every page but the last with a token."""
    pages = []
    count = (n + PAGE - 1) // PAGE
    for page in range(count):
        records = "".join(
            _oai_record(number) for number in range(page * PAGE, min(n, (page + 1) * PAGE))
        )
        token = (
            f'<resumptionToken completeListSize="{n}" cursor="{page * PAGE}">{page + 1}'
            "</resumptionToken>"
            if page + 1 < count
            else f'<resumptionToken completeListSize="{n}" cursor="{page * PAGE}"/>'
        )
        pages.append(
            (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
                "<responseDate>2026-11-24T10:00:00Z</responseDate>"
                '<request verb="ListRecords">http://127.0.0.1/oai</request>'
                f"<ListRecords>{records}{token}</ListRecords></OAI-PMH>"
            ).encode()
        )
    return pages


def _oai_record(number: int) -> str:
    year = 1500 + number % 450
    return (
        f"<record><header><identifier>oai:bench.example.be:{number}</identifier>"
        f"<datestamp>2026-11-{1 + number % 28:02d}</datestamp></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title xml:lang="nl">Portret van een onbekende {number}</dc:title>'
        f"<dc:creator>Meester van {['Brugge', 'Gent', 'Antwerpen'][number % 3]}</dc:creator>"
        f"<dc:date>{year}</dc:date><dc:type>schilderij</dc:type>"
        f'<dc:description xml:lang="nl">Olieverf op paneel, inventaris {number}.</dc:description>'
        f"<dc:identifier>https://collectie.example.be/beeld/{number}.jpg</dc:identifier>"
        "<dc:rights>http://creativecommons.org/publicdomain/mark/1.0/</dc:rights>"
        "</oai_dc:dc></metadata></record>"
    )


@contextmanager
def oai_provider(pages: list[bytes]) -> Iterator[str]:
    """Serve the pages on 127.0.0.1: the first for a metadataPrefix, then by token."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            params = dict(parse_qsl(urlsplit(self.path).query))
            body = pages[int(params.get("resumptionToken", "0"))]
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/oai"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def bench_harvest(db: str, n: int, server_url: str | None) -> Seconds:
    """How long an OAI-PMH harvest of ``n`` records from a local provider takes (CPU time
    includes the provider's thread, which runs in this process)."""
    pages = oai_pages(n)
    with fresh_database(db, server_url) as url, oai_provider(pages) as provider:
        store = Store(url)
        try:
            owner = store.create_organisation("Erfgoedbank", "archief").id
            options = ImportOptions(owner, "bench-oai", author="bench", checkers=CHECKERS)
            report, seconds = timed(lambda: harvest(store, provider, options))
        finally:
            store.close()
    assert report.created == n, (report.created, report.findings[:3])
    return seconds


# -- duplicates --------------------------------------------------------------------------------


def demo_places(n: int, seed: int = 2026) -> list[Candidate]:
    """``n`` demo places, and a near copy of every twentieth (other spelling, ~20 m off)."""
    from cultuurhub.demo.calendars import REFERENCE_DATE
    from cultuurhub.demo.organisations import plan_organizers
    from cultuurhub.demo.service import _places, _plan_places, demo_counts

    size = round(n / 0.07)
    plans = plan_organizers(size, demo_counts(size).organizer, seed)
    refs, _ = _plan_places(plans, n, seed)
    candidates = []
    owners: dict[str, UUID] = {}
    rng = random.Random(seed)
    for number, record in enumerate(_places(refs, seed, REFERENCE_DATE)):
        owner = owners.setdefault(record.owner_key, UUID(int=len(owners) + 1))
        candidates.append(Candidate(UUID(int=10**9 + number), "place", owner, record.document))
        if number % 20 == 0 and len(candidates) < n:
            copy = orjson.loads(orjson.dumps(record.document))
            copy["name"] = {"nl": copy["name"]["nl"].upper()}
            copy["geo"]["latitude"] += rng.uniform(-0.0002, 0.0002)
            candidates.append(Candidate(UUID(int=2 * 10**9 + number), "place", owner, copy))
    return candidates[:n]


def bench_duplicates(n: int) -> tuple[Seconds, int]:
    """How long finding the duplicates among ``n`` places takes, and how many clusters."""
    candidates = demo_places(n)
    clusters, seconds = timed(lambda: find_duplicates(candidates))
    return seconds, len(clusters)


# -- the ceiling -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Floor:
    """CPU seconds of the work no implementation of the chain can skip, on the same file."""

    what: str
    records: int
    parse: Seconds
    model: Seconds
    store: Seconds
    index: Seconds
    pydantic: float

    def row(self, cores: int) -> str:
        """A Markdown row: µs of CPU per record per step, their sum and the ceiling it sets,
        then the same with only pydantic-core's part of the model, and with no model at all
        (parsing, a raw insert and tantivy: what no import that checks anything can beat)."""
        steps = (self.parse, self.model, self.store, self.index)
        micro = [step.cpu / self.records * 1e6 for step in steps]
        total = sum(micro)
        core = micro[1] * self.pydantic
        bare = total - micro[1] + core
        unchecked = total - micro[1]
        return (
            f"| {self.what} | {self.records:,} | "
            + " | ".join(f"{value:,.0f}" for value in micro)
            + f" | {total:,.0f} | {cores * 1e6 / total:,.0f} | {core:,.0f} | "
            f"{cores * 1e6 / bare:,.0f} | {cores * 1e6 / unchecked:,.0f} |"
        )


def bench_floor(kind: str, n: int) -> Floor:
    """The floor of the chain in CPU time, SQLite: parsing as cheaply as Python can, the
    canonical model's validation and serialisation (pydantic, as the architecture decides,
    with the model's own rules) of the records the reader gives, a raw ``executemany`` of the
    documents, and tantivy indexing the records' fields (JSON made beforehand) with a commit.
    Reading's own mapping, quality scores, the store's lookups, versions and indexes, and the
    index's extraction are left out: the floor is below what any import can do."""
    if kind == "json":
        data, name, reader = uitdatabank_json(n), "uitdatabank.json", UitdatabankReader()
    else:
        data, name, reader = events_csv(n), "programma.csv", CsvReader()
    items = [item for item in reader.read(data, name, Limits()) if isinstance(item, SourceRecord)]
    with fresh_database("sqlite", None) as url:
        store = Store(url)
        try:
            owner = store.create_organisation("Benchmark", "cultuurcentrum").id
            import_file(store, reader, data, name, ImportOptions(owner, name, author="bench"))
            entries = SearchIndex(None, cache_size=0).entries(store)
            stored = [
                RecordDraft(kind_, owner, document, record_id, columns={"name": None})
                for record_id, kind_, document in store.owned_documents(owner)
            ]
        finally:
            store.close()
        store_seconds = raw_insert(url, stored)
    with collector_paused():
        _, model = timed(lambda: [to_document(parse_record(i.type, i.document)) for i in items])
        core = pydantic_share(items[:5_000])
    with tempfile.TemporaryDirectory() as folder:
        writer = IndexCore(Path(folder))._writer()

        def index() -> None:
            for entry in entries:
                writer.add_json(entry)
            writer.commit()
            writer.wait_merging_threads()

        _, indexed = timed(index)
    assert len(entries) == len(items) == len(stored), (len(entries), len(items), len(stored))
    parsed = time_parse(data, kind)
    return Floor(kind, len(items), parsed, model, store_seconds, indexed, core)


def pydantic_share(items: list[SourceRecord]) -> float:
    """The part of the model's time that pydantic-core itself takes (validating and
    serialising, in Rust), the rest being the model's own rules and reshaping in Python.

    From a cProfile run, which slows Python code down and Rust code not, so the share is a
    lower bound: a ceiling without the model's Python at all is at most the one it gives.
    """
    profile = cProfile.Profile()
    profile.runcall(lambda: [to_document(parse_record(i.type, i.document)) for i in items])
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in stats.values())  # every function's own time
    rust = sum(
        entry[2] for (_, _, name), entry in stats.items()
        if "'validate_python' of 'pydantic_core." in name
        or "'to_python' of 'pydantic_core." in name
    )  # fmt: skip
    return rust / total


# -- the runner --------------------------------------------------------------------------------


def main() -> None:
    """Parse the arguments, run, print Markdown rows."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--what",
                        choices=["all", "json", "csv", "floor", "memory", "harvest",
                                 "duplicates"],
                        default="all")  # fmt: skip
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--n", type=int, default=50_000, help="records per import")
    parser.add_argument("--harvest-n", type=int, default=20_000)
    parser.add_argument("--places", type=int, default=100_000)
    parser.add_argument("--url", default="postgresql://postgres:postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--sync-seconds", type=float, default=0.2,
                        help="how often the index follower of *import ∥ index* syncs")  # fmt: skip
    parser.add_argument(
        "--checkers",
        type=int,
        default=None,
        help="checker processes (default: one a core; 0: none)",
    )
    args = parser.parse_args()
    global CHECKERS
    CHECKERS = args.checkers
    # started before the clock, as `cultuurhub jobs run` and the server start them
    start_checkers(default_checkers() if CHECKERS is None else CHECKERS)
    server = args.url if args.db == "postgres" else None
    load = os.getloadavg()[0]
    checkers = default_checkers() if CHECKERS is None else CHECKERS
    print(f"load average at the start: {load:.1f} on {os.cpu_count()} cores; an import of 500 "
          f"records or more checked in {checkers} checker processes (records/CPU s: this "
          "process only)\n")  # fmt: skip
    if args.what in ("all", "json", "csv"):
        print("| import | database | records | import, records/s | limit, records/s "
              "| import / limit | import, records/CPU s | again, records/CPU s "
              "| limit, records/CPU s | import / limit (CPU) "
              "| index, records/s | import + index, records/s "
              "| import ∥ index, records/s |")  # fmt: skip
        print("| --- " * 13 + "|")
        for kind in ("json", "csv") if args.what == "all" else (args.what,):
            figures = bench_import(kind, args.db, args.n, server, args.sync_seconds)
            print(figures.row(), flush=True)
    if args.what in ("all", "floor"):
        cores = os.cpu_count() or 1
        print("\n| import | records | parse, µs | model, µs | raw store, µs | tantivy, µs "
              f"| floor, CPU µs a record | ceiling on {cores} cores, records/s "
              "| pydantic-core's part of the model, µs (at least) "
              "| ceiling with only that part, records/s (at most) "
              "| ceiling with no model at all, records/s |")  # fmt: skip
        print("| --- " * 11 + "|")
        for kind in ("json", "csv"):
            print(bench_floor(kind, args.n).row(cores), flush=True)
    if args.what in ("all", "memory"):
        print("\n| import | records | file, MB | peak memory of the import, MB |")
        print("| --- | --- | --- | --- |")
        for kind in ("json", "csv"):
            created, peak, size = bench_memory(kind, args.n)
            print(f"| {kind} | {created:,} | {size:,.0f} | {peak:,.0f} |", flush=True)
    if args.what in ("all", "harvest"):
        seconds = bench_harvest(args.db, args.harvest_n, server)
        print(f"\nOAI-PMH harvest, {args.db}: {args.harvest_n:,} records, "
              f"{args.harvest_n / seconds.wall:,.0f} records/s, "
              f"{args.harvest_n / seconds.cpu:,.0f} records/CPU s")  # fmt: skip
    if args.what in ("all", "duplicates"):
        seconds, clusters = bench_duplicates(args.places)
        print(f"\nduplicates: {args.places:,} places, {clusters:,} clusters, "
              f"{seconds.wall:.1f} s, {seconds.cpu:.1f} CPU s")  # fmt: skip


if __name__ == "__main__":
    main()
