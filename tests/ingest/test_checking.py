"""Checker processes: an import checked in them stores and reports exactly what one checked in
its own process does, in the file's order, and goes on in its own process when they fail."""

from __future__ import annotations

import itertools
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from cultuurhub.demo import generate
from cultuurhub.ingest import ImportOptions, ImportReport, UitdatabankReader, checking, import_file
from cultuurhub.ingest.base import Finding, Severity, SourceRecord
from cultuurhub.ingest.service import source_key, store_items
from cultuurhub.store import SourceRef, Store, id_from_uri

#: More records than an import checks in its own process.
MANY = checking.PARALLEL_FROM + 3 * checking.CHUNK + 17


_REFUSED = {  # an event without a name: the model refuses it, naming the field
    "mainLanguage": "nl",
    "terms": [{"id": "0.7.0.0.0", "label": "Begeleide rondleiding", "domain": "eventtype"}],
    "location": {"@id": "https://io.uitdatabank.be/places/6c1fd2f4-7fa0-4b4f-9bd6-0b0e1cbb7f33"},
    "calendarType": "permanent",
}


def _documents(n: int) -> list[tuple[str, dict[str, Any]]]:
    """``n`` demo records of every type (type, document), one in 97 refused by the model."""
    documents = [(r.type, r.document) for r in itertools.islice(generate(n), n)]
    for number in range(0, n, 97):
        documents[number] = ("event", _REFUSED)
    return documents


def _readings(documents: list[tuple[str, dict[str, Any]]]) -> Iterator[SourceRecord | Finding]:
    for number, (kind, document) in enumerate(documents, start=1):
        yield SourceRecord(kind, f"record-{number}", document, f"records.json:{number}")
        if number % 400 == 0:  # a reader's own finding, between records
            yield Finding(Severity.WARNING, f"regel {number}", f"line {number}", line=number)
    kind, document = documents[1]
    yield SourceRecord(kind, "record-2", document, "records.json:again")  # read twice
    yield SourceRecord("event", "record-4", {}, "records.json:gone", deleted=True)


def _import(store: Store, items: Iterator[SourceRecord | Finding], checkers: int) -> ImportReport:
    owner = store.create_organisation(f"Museum {checkers}", "museum").id
    options = ImportOptions(owner, "collectie", record_quality=True, checkers=checkers)
    report = ImportReport()
    store_items(store, items, options, report)
    return report


def _stored(store: Store, checkers: int) -> dict[str, Any]:
    owner = next(o.id for o in store.list_organisations() if o.name == f"Museum {checkers}")
    options = ImportOptions(owner, "collectie")
    found = {}
    for number in range(1, MANY + 1):
        record_id = store.record_for_source(SourceRef(source_key(options), f"record-{number}"))
        if record_id is not None:
            record = store.get(record_id)
            assert record is not None
            found[f"record-{number}"] = (record.deleted, record.document, record.workflow_status)
    return found


def _comparable(report: ImportReport) -> tuple[Any, ...]:
    counts = (report.created, report.updated, report.unchanged, report.deleted, report.rejected)
    return counts, report.findings, report.scores


@pytest.fixture
def submitted(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each chunk handed to the checkers went (False: it was checked here)."""
    handed: list[bool] = []
    original = checking._submit

    def counting(pool: Any, chunk: list[Any]) -> Any:
        future = original(pool, chunk)
        handed.append(future is not None)
        return future

    monkeypatch.setattr(checking, "_submit", counting)
    return handed


def test_checkers_store_and_report_what_this_process_does(
    store: Store, submitted: list[bool]
) -> None:
    documents = _documents(MANY)
    here = _import(store, _readings(documents), checkers=0)
    there = _import(store, _readings(documents), checkers=2)
    assert submitted and all(submitted)  # every chunk went to a checker
    assert _comparable(there) == _comparable(here)
    assert here.rejected == len(range(0, MANY, 97))
    assert [f.field for f in there.findings if f.severity is Severity.ERROR][:1] == ["name"]
    stored = _stored(store, 0)
    assert "record-4" not in stored and "record-1" not in stored  # gone in the file; refused
    assert _stored(store, 2) == stored and len(stored) == MANY - here.rejected - 1


def test_what_checkers_store_is_unchanged_when_checked_here_again(store: Store) -> None:
    data = orjson.dumps([d for kind, d in _documents(3 * MANY) if kind == "event"])
    owner = store.create_organisation("CC Brugge", "cultuurcentrum").id
    first = import_file(store, UitdatabankReader(), data, "agenda.json",
                        ImportOptions(owner, "agenda", checkers=2))  # fmt: skip
    again = import_file(store, UitdatabankReader(), data, "agenda.json",
                        ImportOptions(owner, "agenda", checkers=0))  # fmt: skip
    assert first.created > checking.PARALLEL_FROM
    # the same stored text and content hash, whichever process checked it
    assert again.unchanged == first.created and not again.created and not again.updated


def test_a_chunk_marshal_cannot_carry_is_checked_here(store: Store, submitted: list[bool]) -> None:
    documents = _documents(MANY)
    # a reader that hands over a value of another type (a datetime) for one record
    kind, document = documents[5]
    documents[5] = (kind, {**document, "modified": datetime(2026, 11, 1, 12, 0)})
    here = _import(store, _readings(documents), checkers=0)
    there = _import(store, _readings(documents), checkers=2)
    assert submitted[0] is False and all(submitted[1:])
    assert _comparable(there) == _comparable(here)


def test_an_import_goes_on_here_when_a_checker_dies(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    documents = _documents(MANY)
    checking.start_checkers(2)
    pool = checking._pools[2]
    here = _import(store, _readings(documents), checkers=0)

    def killing() -> Iterator[SourceRecord | Finding]:
        for number, item in enumerate(_readings(documents)):
            if number == checking.PARALLEL_FROM + 10:  # the checkers have chunks by now
                for pid in list(pool._processes):
                    os.kill(pid, signal.SIGKILL)
            yield item

    with caplog.at_level(logging.WARNING, logger="cultuurhub.ingest.checking"):
        there = _import(store, killing(), checkers=2)
    assert "checker process stopped" in caplog.text
    assert _comparable(there) == _comparable(here)
    assert checking._pools.get(2) is not pool  # the next import starts new checkers
    checking.start_checkers(2)
    assert checking._pools[2] is not pool


def test_an_import_goes_on_here_when_its_checkers_were_shut_down(store: Store) -> None:
    # another import beside this one found them broken and shut them down
    documents = _documents(MANY)
    checking.start_checkers(2)
    pool = checking._pools[2]
    pool.shutdown()
    here = _import(store, _readings(documents), checkers=0)
    there = _import(store, _readings(documents), checkers=2)
    assert _comparable(there) == _comparable(here)
    assert checking._pools.get(2) is not pool


def test_a_small_import_starts_no_checkers(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(checkers: int) -> None:
        raise AssertionError("a small import started checker processes")

    monkeypatch.setattr(checking, "_pool", refuse)
    documents = _documents(checking.PARALLEL_FROM - 3)  # and a record read twice, a deletion
    report = _import(store, _readings(documents), checkers=2)
    assert report.created + report.rejected == len(documents) - 1  # record-4 is gone at the end


def test_checkers_by_default_follow_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from cultuurhub.config import get_settings

    monkeypatch.setenv("CULTUURHUB_IMPORT_CHECKERS", "0")
    get_settings.cache_clear()
    try:
        assert checking.default_checkers() == 0
        monkeypatch.delenv("CULTUURHUB_IMPORT_CHECKERS")
        get_settings.cache_clear()
        cores = len(os.sched_getaffinity(0))
        assert checking.default_checkers() == min(cores, checking.MAX_DEFAULT_CHECKERS) >= 1
    finally:
        get_settings.cache_clear()


def test_record_ids_stay_the_hubs_own(store: Store) -> None:
    # a checker makes the stored document; the record still gets an id of the hub's own,
    # never the one at the end of the source's @id (two owners may import the same record)
    documents = _documents(MANY)
    _import(store, _readings(documents), checkers=2)
    owner = next(o.id for o in store.list_organisations() if o.name == "Museum 2")
    ids = {record_id for record_id, _, _ in store.owned_documents(owner)}
    theirs = {id_from_uri(document.get("@id")) for _, document in documents} - {None}
    assert len(ids) > checking.PARALLEL_FROM and len(theirs) > checking.PARALLEL_FROM
    assert not ids & theirs


def test_checkers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "starter.py"
    script.write_text(
        "import os\n"
        "from cultuurhub.ingest import checking\n"
        "if __name__ == '__main__':\n"
        "    checking.start_checkers(2)\n"
        "    print(' '.join(map(str, checking._pools[2]._processes)), flush=True)\n"
        "    os.kill(os.getpid(), 9)\n"  # no clean-up at all, as a killed server
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == 2, done.stderr
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def test_a_record_nested_too_deeply_to_travel_is_refused_here_with_a_finding(
    store: Store, submitted: list[bool]
) -> None:
    documents = _documents(MANY)
    deep: Any = "bodem"
    for _ in range(5_000):  # deeper than marshal carries
        deep = {"x": deep}
    kind, document = documents[4]
    documents[4] = (kind, {**document, "description": deep})
    report = _import(store, _readings(documents), checkers=2)
    assert submitted[0] is False and all(submitted[1:])
    assert report.created > checking.PARALLEL_FROM
    refused = [f for f in report.findings if f.record == "record-5" and f.severity == "error"]
    assert refused and all(f.field and f.field.startswith("description") for f in refused)
    assert report.rejected == len(range(0, MANY, 97)) + 1
