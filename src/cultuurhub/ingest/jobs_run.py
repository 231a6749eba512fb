"""Running import jobs: claim a queued job, import through the import service, record the end.

A job imports exactly like ``cultuurhub import`` or ``cultuurhub harvest``: bad records become
findings, good ones are stored in all-or-nothing batches (``store_items``), so a job that fails
keeps the batches stored before the failure, never half of one, and records a clear error.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from uuid import UUID

from cultuurhub.ingest.base import Limits
from cultuurhub.ingest.harvesting import harvest
from cultuurhub.ingest.jobs import (
    BY_CONTENT_TYPE,
    OAI_PMH,
    JobRefused,
    JobSettings,
    reader_named,
)
from cultuurhub.ingest.jobs_fetch import FetchError, fetch
from cultuurhub.ingest.jobs_findings import kept_findings, summarise
from cultuurhub.ingest.oaipmh import HarvestOptions, OaiPmhHarvester
from cultuurhub.ingest.service import ImportOptions, ImportReport, store_items
from cultuurhub.store import ImportJob, ImportJobs, Store

log = logging.getLogger(__name__)
_PROGRESS_SECONDS = 0.5


class _Progress:
    """Writes a running job's progress to the store, at most twice a second."""

    def __init__(self, jobs: ImportJobs, job_id: UUID) -> None:
        self.jobs, self.job_id, self.last = jobs, job_id, 0.0

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if now - self.last < _PROGRESS_SECONDS and total != done:
            return
        self.last = now
        self.jobs.progress(self.job_id, done, total, phase)


def run_job(store: Store, job: ImportJob, settings: JobSettings) -> ImportJob:
    """Run a claimed job to its end and record summary, findings or the error; return it."""
    jobs = ImportJobs(store)
    progress = _Progress(jobs, job.id)
    options = ImportOptions(
        job.organisation_id,
        str(job.options.get("source_system") or job.source),
        author=f"import {job.id}",
        dry_run=bool(job.options.get("dry_run")),
        limits=Limits(max_bytes=max(settings.max_upload_bytes, 1)),
        record_quality=True,
        on_progress=progress,
    )
    report, error = ImportReport(), None
    try:
        report = _import(store, job, options, settings, report)
    except (FetchError, JobRefused) as refused:
        error = str(refused)
    except Exception as unexpected:  # a job never takes the worker down with it
        log.exception("import job %s failed", job.id)
        error = (
            f"Onverwachte fout; niets van de onvolledige reeks werd bewaard ({unexpected!r}). / "
            f"Unexpected error; nothing of the unfinished batch was stored ({unexpected!r})."
        )
    jobs.finish(
        job.id,
        summarise(report, options.dry_run),
        kept_findings(report, settings.max_findings),
        error,
    )
    finished = jobs.get(job.id)
    assert finished is not None
    return finished


def _import(
    store: Store, job: ImportJob, options: ImportOptions, settings: JobSettings,
    report: ImportReport,
) -> ImportReport:  # fmt: skip
    """Import what the job points at; counts go into ``report`` as batches are stored."""
    mapping, default_type = job.options.get("mapping"), job.options.get("default_type")
    if job.kind == "upload":
        data = ImportJobs(store).payload(job.id) or b""
        reader = reader_named(job.format or "", mapping, default_type)
        store_items(store, reader.read(data, job.source, options.limits), options, report)
        return report
    if job.format == OAI_PMH:
        return _harvest(store, job, options, report, settings.allow_private)
    fetched = fetch(
        job.source, settings.max_upload_bytes, settings.fetch_timeout_seconds,
        settings.allow_private,
    )  # fmt: skip
    file_format = job.format or BY_CONTENT_TYPE.get(fetched.content_type)
    if file_format is None:
        raise JobRefused(
            f"Het formaat van {job.source} is niet te herkennen ({fetched.content_type}); geef "
            f"het op. / The format of {job.source} cannot be told ({fetched.content_type}); "
            "give it."
        )
    name = PurePath(fetched.url.split("?", 1)[0]).name or job.source
    reader = reader_named(file_format, mapping, default_type)
    store_items(store, reader.read(fetched.data, name, options.limits), options, report)
    return report


def _harvest(
    store: Store, job: ImportJob, options: ImportOptions, report: ImportReport,
    allow_private: bool,
) -> ImportReport:  # fmt: skip
    def on_page(done: int, total: int | None) -> None:
        if options.on_progress is not None:
            options.on_progress("reading", done, total)

    harvest_options = HarvestOptions(
        metadata_prefix=str(job.options.get("metadata_prefix") or "oai_dc"),
        set_spec=job.options.get("set"),
        on_page=on_page,
        allow_private=allow_private,
    )
    if not options.dry_run:
        return harvest(store, job.source, options, harvest_options, on_page)
    # A dry run keeps no harvest state: the next real harvest must still see every record.
    with OaiPmhHarvester(job.source, options=harvest_options) as harvester:
        store_items(store, harvester.harvest(), options, report)
    return report


def run_queued(
    store: Store,
    settings: JobSettings,
    limit: int | None = None,
    stopping: Callable[[], bool] = lambda: False,
) -> list[ImportJob]:
    """Work through the queue (queue due repeats first); return the jobs run, in order."""
    jobs = ImportJobs(store)
    jobs.fail_stale(settings.stale_after, STALE_ERROR)
    jobs.repeat_due()
    done: list[ImportJob] = []
    while (limit is None or len(done) < limit) and not stopping():
        job = jobs.claim()
        if job is None:
            break
        done.append(run_job(store, job, settings))
    return done


STALE_ERROR = (
    "De import werd onderbroken (de verwerking stopte); bewaarde reeksen blijven, start hem "
    "opnieuw. / The import was interrupted (its worker stopped); stored batches stay, start it "
    "again."
)


@dataclass
class ImportWorker:
    """A background thread that runs queued import jobs until it is stopped."""

    store: Store
    settings: JobSettings
    on_error: Callable[[BaseException], None] | None = None
    _wake: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread."""
        self._thread = threading.Thread(target=self._loop, name="import-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Look for queued jobs now (a job was just submitted)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the job at hand (if any) and wait for the thread."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                run_queued(self.store, self.settings, stopping=self._stop.is_set)
            except Exception as error:  # the database may be briefly away; try again later
                log.exception("import worker: %s", error)
                if self.on_error is not None:
                    self.on_error(error)
            self._wake.wait(self.settings.poll_seconds)
            self._wake.clear()
