"""Import jobs: queued, claimed once, run through the import service, reported with findings."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from cultuurhub.ingest import (
    ImportWorker,
    JobRefused,
    JobRequest,
    JobSettings,
    UrlSource,
    run_queued,
    submit_upload,
    submit_url,
)
from cultuurhub.store import ImportJobs, Limits, Store
from tests.ingest.test_oaipmh import Reply, serve, sickle
from tests.web.workspace_support import wait_for_job

LOCAL = JobSettings(allow_private=True, poll_seconds=0.05)
# Row 3 has an impossible date, row 4 an unknown type; rows 2 and 5 are good events.
PROGRAMME = b"""Titel;Omschrijving;Datum;Aanvang;Zaal;Straat;Postcode;Gemeente;Prijs;Soort
Hamlet;Shakespeare door Toneelhuis;12/10/2026;20u;Theaterzaal;Kouter 29;9000;Gent;18;toneel
Kapotte datum;;31/02/2026;20:00;Foyer;Kouter 29;9000;Gent;12;Concert
Raar soort;;14/11/2026;19:30;Foyer;Kouter 29;9000;Gent;5;ruimtevaart
Jazz op zondag;Brunchconcert;15/11/2026;11u;Foyer;Kouter 29;9000;Gent;gratis;Concert
"""


def organisation(store: Store, name: str = "CC Gent") -> UUID:
    return store.create_organisation(name, "cultuurcentrum").id


def upload(store: Store, owner: UUID, data: bytes = PROGRAMME, **options: object) -> UUID:
    request = JobRequest(owner, **options)  # type: ignore[arg-type]
    return submit_upload(store, request, "programma.csv", data, LOCAL).id


def test_an_upload_with_errors_finishes_with_findings_by_row_and_field(store: Store) -> None:
    owner = organisation(store)
    job_id = upload(store, owner)
    assert ImportJobs(store).get(job_id).status == "queued"  # type: ignore[union-attr]
    [job] = run_queued(store, LOCAL)
    assert job.id == job_id and job.status == "done" and job.error is None
    assert job.summary is not None
    assert (job.summary["created"], job.summary["errors"]) == (2, 2)
    assert job.summary["averageScore"] is not None
    assert (job.processed, job.total) == (2, 2)
    assert store.counts_by_type() == {"event": 2}
    findings = ImportJobs(store).findings(job_id)
    errors = [f for f in findings if f["severity"] == "error"]
    date = next(f for f in errors if f["line"] == 3)
    assert date["field"] == "Datum" and date["file"] == "programma.csv"
    assert "Rij 3" in date["messageNl"] and "31/02/2026" in date["messageNl"]
    assert "Row 3" in date["messageEn"]
    assert any(f["line"] == 4 and "ruimtevaart" in f["messageNl"] for f in errors)
    assert ImportJobs(store).payload(job_id) is None  # the upload is let go once done


def test_every_accepted_record_gets_its_score_and_what_to_add(store: Store) -> None:
    job_id = upload(store, organisation(store))
    run_queued(store, LOCAL)
    info = [f for f in ImportJobs(store).findings(job_id) if f["severity"] == "info"]
    assert {f["line"] for f in info} == {2, 5}
    hamlet = next(f for f in info if f["line"] == 2)
    assert hamlet["messageNl"].startswith("Kwaliteitsscore ")
    assert "Voeg een afbeelding toe. (+15)" in hamlet["messageNl"]
    assert "Add an image. (+15)" in hamlet["messageEn"]
    assert "image" in hamlet["field"].split(",")


def test_a_dry_run_stores_nothing(store: Store) -> None:
    job_id = upload(store, organisation(store), dry_run=True)
    [job] = run_queued(store, LOCAL)
    assert job.status == "done" and job.summary is not None
    assert job.summary["dryRun"] is True and job.summary["created"] == 0
    assert job.summary["errors"] == 2
    assert store.changes_since(0) == []
    assert ImportJobs(store).findings(job_id)


def test_a_url_is_fetched_from_a_local_server_and_imported(store: Store) -> None:
    def feed(_: dict[str, str]) -> Reply:
        return 200, {"Content-Type": "text/csv; charset=utf-8"}, PROGRAMME

    owner = organisation(store)
    with serve(feed) as server:
        source = UrlSource(f"{server.url}/{'programma-' * 30}")  # longer than a source name
        job = submit_url(store, JobRequest(owner), source, LOCAL)
        assert job.format is None  # no suffix: the Content-Type decides
        assert len(job.options["source_system"]) == 150
        [done] = run_queued(store, LOCAL)
    assert done.status == "done" and done.summary is not None
    assert done.summary["created"] == 2
    assert store.counts_by_type() == {"event": 2}


def test_private_addresses_are_refused_unless_allowed(store: Store) -> None:
    owner = organisation(store)
    with pytest.raises(JobRefused, match="privé- of lokaal netwerk"):
        submit_url(store, JobRequest(owner), UrlSource("http://127.0.0.1:9/x.csv"), JobSettings())
    with pytest.raises(JobRefused, match="not an http"):
        submit_url(store, JobRequest(owner), UrlSource("file:///etc/passwd"), LOCAL)


def test_an_oai_pmh_endpoint_is_harvested_and_a_dry_run_keeps_no_state(store: Store) -> None:
    owner = organisation(store, "Erfgoedbank")
    with serve(sickle) as repo:
        source = UrlSource(repo.url, metadata_prefix="oai_dc")
        trial = submit_url(store, JobRequest(owner, dry_run=True), source, LOCAL)
        run_queued(store, LOCAL)
        assert store.load_harvest_state(f"{owner}/{repo.url}") is None
        real = submit_url(store, JobRequest(owner), source, LOCAL)
        run_queued(store, LOCAL)
    jobs = ImportJobs(store)
    first, second = jobs.get(trial.id), jobs.get(real.id)
    assert first is not None and second is not None and first.summary and second.summary
    assert first.format == "oai-pmh" and first.summary["created"] == 0
    assert second.status == "done" and second.summary["created"] == 2
    assert store.counts_by_type() == {"object": 2}


def test_a_failing_url_records_a_clear_error(store: Store) -> None:
    def gone(_: dict[str, str]) -> Reply:
        return 404, {"Content-Type": "text/plain"}, b"not here"

    with serve(gone) as server:
        submit_url(store, JobRequest(organisation(store)), UrlSource(f"{server.url}/x.csv"), LOCAL)
        [job] = run_queued(store, LOCAL)
    assert job.status == "failed" and job.error is not None
    assert "HTTP 404" in job.error and "antwoordt" in job.error


def test_a_failing_batch_leaves_no_half_batch(database_url: str) -> None:
    # Batches of two; the fourth good row is too large for the store, so the second batch fails.
    store = Store(database_url, limits=Limits(max_batch_size=2, max_document_bytes=3_000))
    try:
        owner = organisation(store)
        rows = [f"Voorstelling {n};{'x' * (5_000 if n == 4 else 10)};1{n}/10/2026;20u;Zaal;"
                f"Kouter 29;9000;Gent;10;toneel" for n in range(1, 6)]  # fmt: skip
        header = "Titel;Omschrijving;Datum;Aanvang;Zaal;Straat;Postcode;Gemeente;Prijs;Soort"
        upload(store, owner, "\n".join([header, *rows]).encode())
        [job] = run_queued(store, LOCAL)
        assert job.status == "failed" and job.error is not None
        assert "DocumentTooLarge" in job.error and "niets van de onvolledige reeks" in job.error
        assert job.summary is not None and job.summary["created"] == 2
        assert store.counts_by_type() == {"event": 2}  # the first batch only, all of it
    finally:
        store.close()


def test_a_job_is_claimed_once(store: Store) -> None:
    job_id = upload(store, organisation(store))
    jobs = ImportJobs(store)
    claimed = jobs.claim()
    assert claimed is not None and claimed.id == job_id and claimed.status == "running"
    assert jobs.claim() is None and jobs.claim(job_id) is None


def test_a_job_whose_worker_died_is_failed(store: Store) -> None:
    job_id = upload(store, organisation(store))
    jobs = ImportJobs(store)
    jobs.claim()
    assert jobs.fail_stale(timedelta(hours=1), "stopped") == 0
    assert jobs.fail_stale(timedelta(seconds=-1), "stopped") == 1
    job = jobs.get(job_id)
    assert job is not None and (job.status, job.error) == ("failed", "stopped")


def test_a_repeating_url_hands_its_schedule_on_to_the_next_run(store: Store) -> None:
    owner = organisation(store)

    def feed(_: dict[str, str]) -> Reply:
        return 200, {"Content-Type": "text/csv"}, PROGRAMME

    with serve(feed) as server:
        source = UrlSource(f"{server.url}/programma.csv", every_hours=6)
        first = submit_url(store, JobRequest(owner), source, LOCAL)
        assert first.format == "csv"
        run_queued(store, LOCAL)
        jobs = ImportJobs(store)
        assert jobs.repeat_due() == []  # not yet
        [second] = jobs.repeat_due(datetime.now(UTC) + timedelta(hours=7))
        assert jobs.repeat_due(datetime.now(UTC) + timedelta(hours=7)) == []
        [again] = run_queued(store, LOCAL)
    assert second.every_hours == 6 and second.options["previous"] == str(first.id)
    assert again.id == second.id and again.summary and again.summary["unchanged"] == 2
    old = ImportJobs(store).get(first.id)
    assert old is not None and old.every_hours is None


@pytest.mark.parametrize(
    ("filename", "data", "options", "message"),
    [
        ("big.csv", b"x" * 1001, {}, "groter dan 1,000 bytes"),
        ("programma.pdf", b"%PDF", {}, "onbekend bestandstype"),
        ("programma.csv", PROGRAMME, {"format": "word"}, "Onbekend formaat 'word'"),
        (
            "programma.csv",
            PROGRAMME,
            {"mapping": "record_type: boat\n"},
            "Mappingbestand.*record_type",
        ),
        ("agenda.ics", b"BEGIN:VCALENDAR", {"mapping": "record_type: event\n"}, "alleen voor CSV"),
        ("leeg.csv", b"", {}, "leeg"),
    ],
)
def test_uploads_that_cannot_be_read_are_refused(
    store: Store, filename: str, data: bytes, options: dict[str, str], message: str
) -> None:
    owner = organisation(store)
    with pytest.raises(JobRefused, match=message):
        submit_upload(store, JobRequest(owner, **options), filename, data,  # type: ignore[arg-type]
                      JobSettings(max_upload_bytes=1000))  # fmt: skip
    assert ImportJobs(store).of_organisation(owner) == []


def test_the_worker_thread_runs_a_submitted_job(store: Store) -> None:
    worker = ImportWorker(store, JobSettings(allow_private=True, poll_seconds=30))
    worker.start()
    try:
        job_id = upload(store, organisation(store))
        worker.wake()
        wait_for_job(store, job_id)
    finally:
        worker.stop()
    job = ImportJobs(store).get(job_id)
    assert job is not None and job.status == "done"
    assert store.counts_by_type() == {"event": 2}


def test_the_worker_thread_runs_a_large_job_with_checker_processes(store: Store) -> None:
    # as the server runs jobs: in a thread, the records checked in checker processes
    from cultuurhub.ingest.checking import PARALLEL_FROM

    header = "Titel;Datum;Aanvang;Zaal;Straat;Postcode;Gemeente;Prijs;Soort"
    rows = [f"Voorstelling {n};{(n % 28) + 1}/10/2026;20u;Zaal;Kouter 29;9000;Gent;10;toneel"
            for n in range(PARALLEL_FROM + 100)]  # fmt: skip
    rows[7] = "Kapotte datum;31/02/2026;20u;Zaal;Kouter 29;9000;Gent;10;toneel"
    worker = ImportWorker(store, JobSettings(allow_private=True, poll_seconds=30))
    worker.start()
    try:
        job_id = upload(store, organisation(store), "\n".join([header, *rows]).encode())
        worker.wake()
        wait_for_job(store, job_id)
    finally:
        worker.stop()
    job = ImportJobs(store).get(job_id)
    assert job is not None and job.status == "done", job
    assert job.summary is not None and job.summary["created"] == PARALLEL_FROM + 99
    assert store.counts_by_type() == {"event": PARALLEL_FROM + 99}
    errors = [f for f in ImportJobs(store).findings(job_id) if f["severity"] == "error"]
    assert [(f["line"], f["field"]) for f in errors] == [(9, "Datum")]
    assert "31/02/2026" in errors[0]["messageNl"]


def test_findings_csv_is_safe_to_open_in_a_spreadsheet() -> None:
    from cultuurhub.ingest import Finding, Severity, finding_json, findings_csv

    hostile = Finding(
        Severity.ERROR, "=HYPERLINK(\"http://x\")", "@SUM(A1)", file="=cmd.csv", line=3,
        field="+Prijs", record="-2+3",
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(findings_csv([finding_json(hostile)]).decode("utf-8-sig")),
                           delimiter=";"))  # fmt: skip
    values = dict(zip(rows[0], rows[1], strict=True))
    assert values["file"] == "'=cmd.csv" and values["field"] == "'+Prijs"
    assert values["record"] == "'-2+3" and values["messageNl"].startswith("'=")
    assert values["messageEn"] == "'@SUM(A1)" and values["line"] == "3"
