"""Import jobs: a file upload or a registered URL, queued, claimed by one worker, reported on.

A job moves ``queued`` → ``running`` → ``done`` or ``failed``. Claiming is a conditional update
(``WHERE status = 'queued'``), so two workers (two server processes, or a server and
``cultuurhub jobs run``) never run the same job. A job that repeats (``every_hours``) hands its
schedule on to a new queued job when it is due, so every run keeps its own summary and findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import Connection, Row, select, update

from cultuurhub.store.service import Store
from cultuurhub.store.tables import import_jobs

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
JOB_STATUSES = (QUEUED, RUNNING, DONE, FAILED)

_COLUMNS = (
    import_jobs.c.id,
    import_jobs.c.organisation_id,
    import_jobs.c.kind,
    import_jobs.c.source,
    import_jobs.c.format,
    import_jobs.c.options,
    import_jobs.c.status,
    import_jobs.c.total,
    import_jobs.c.processed,
    import_jobs.c.summary,
    import_jobs.c.error,
    import_jobs.c.every_hours,
    import_jobs.c.created,
    import_jobs.c.started,
    import_jobs.c.finished,
)


@dataclass(frozen=True, slots=True)
class JobDraft:
    """A job to queue: whose, what kind (``upload`` or ``url``), from where, and how."""

    organisation_id: UUID
    kind: str
    source: str
    format: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    payload: bytes | None = None
    every_hours: int | None = None


@dataclass(frozen=True, slots=True)
class ImportJob:
    """A job as it stands; its payload and findings are read separately (they can be large)."""

    id: UUID
    organisation_id: UUID
    kind: str
    source: str
    format: str | None
    options: dict[str, Any]
    status: str
    total: int | None
    processed: int
    summary: dict[str, Any] | None
    error: str | None
    every_hours: int | None
    created: datetime
    started: datetime | None
    finished: datetime | None

    @property
    def finished_running(self) -> bool:
        """Whether the job is over (done or failed)."""
        return self.status in (DONE, FAILED)


class ImportJobs:
    """The import jobs of one store: queue, claim, progress, finish, list."""

    def __init__(self, store: Store) -> None:
        self.engine, self.reader = store.engine, store.reader

    def create(self, draft: JobDraft) -> ImportJob:
        """Queue a job and return it."""
        with self.engine.begin() as connection:
            return _insert(connection, draft, datetime.now(UTC))

    def get(self, job_id: UUID) -> ImportJob | None:
        """Return a job (without payload and findings), or None."""
        with self.reader.connect() as connection:
            return _get(connection, job_id)

    def of_organisation(
        self, organisation_id: UUID, limit: int = 50, status: str | None = None
    ) -> list[ImportJob]:
        """Return an organisation's jobs, newest first."""
        statement = (
            select(*_COLUMNS)
            .where(import_jobs.c.organisation_id == organisation_id)
            .order_by(import_jobs.c.created.desc(), import_jobs.c.id)
            .limit(limit)
        )
        if status is not None:
            statement = statement.where(import_jobs.c.status == status)
        with self.reader.connect() as connection:
            return [_job(row) for row in connection.execute(statement)]

    def payload(self, job_id: UUID) -> bytes | None:
        """Return the uploaded bytes of a job (None once it finished, or for a URL)."""
        statement = select(import_jobs.c.payload).where(import_jobs.c.id == job_id)
        with self.reader.connect() as connection:
            found: bytes | None = connection.execute(statement).scalar_one_or_none()
        return found

    def findings(self, job_id: UUID) -> list[dict[str, Any]]:
        """Return a job's findings as stored (empty until it finished)."""
        statement = select(import_jobs.c.findings).where(import_jobs.c.id == job_id)
        with self.reader.connect() as connection:
            found: list[dict[str, Any]] | None = connection.execute(statement).scalar()
        return found or []

    def claim(self, job_id: UUID | None = None) -> ImportJob | None:
        """Mark the oldest queued job (or this one, if still queued) running; return it or None."""
        if not self._any(import_jobs.c.status == QUEUED):  # idle workers take no write lock
            return None
        with self.engine.begin() as connection:
            candidate = (
                select(import_jobs.c.id)
                .where(import_jobs.c.status == QUEUED)
                .order_by(import_jobs.c.created, import_jobs.c.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if job_id is not None:
                candidate = candidate.where(import_jobs.c.id == job_id)
            found = connection.execute(candidate).scalar_one_or_none()
            if found is None:
                return None
            claimed = connection.execute(
                update(import_jobs)
                .where(import_jobs.c.id == found, import_jobs.c.status == QUEUED)
                .values(status=RUNNING, started=datetime.now(UTC), processed=0)
            )
            return _get(connection, found) if claimed.rowcount == 1 else None

    def progress(self, job_id: UUID, processed: int, total: int | None, phase: str) -> None:
        """Record how far a running job has come, and in which phase (reading, storing)."""
        with self.engine.begin() as connection:
            connection.execute(
                update(import_jobs)
                .where(import_jobs.c.id == job_id, import_jobs.c.status == RUNNING)
                .values(processed=processed, total=total, summary={"phase": phase})
            )

    def finish(
        self,
        job_id: UUID,
        summary: dict[str, Any],
        findings: list[dict[str, Any]],
        error: str | None = None,
    ) -> None:
        """Close a job: done (no error) or failed (with the error); its upload is let go."""
        values = {
            "status": FAILED if error else DONE,
            "summary": summary,
            "findings": findings,
            "error": error,
            "finished": datetime.now(UTC),
            "payload": None,
        }
        with self.engine.begin() as connection:
            connection.execute(update(import_jobs).where(import_jobs.c.id == job_id).values(values))

    def fail_stale(self, running_longer_than: timedelta, error: str) -> int:
        """Fail the jobs that have been running too long (their worker died); return how many."""
        cutoff = datetime.now(UTC) - running_longer_than
        stale = (import_jobs.c.status == RUNNING) & (import_jobs.c.started < cutoff)
        if not self._any(stale):
            return 0
        with self.engine.begin() as connection:
            done = connection.execute(
                update(import_jobs)
                .where(import_jobs.c.status == RUNNING, import_jobs.c.started < cutoff)
                .values(status=FAILED, error=error, finished=datetime.now(UTC), payload=None)
            )
        return done.rowcount

    def repeat_due(self, now: datetime | None = None) -> list[ImportJob]:
        """Queue the next run of every repeating job that is due; return the new jobs."""
        now = now or datetime.now(UTC)
        statement = select(*_COLUMNS).where(
            import_jobs.c.every_hours.is_not(None), import_jobs.c.status.in_((DONE, FAILED))
        )
        with self.reader.connect() as connection:
            candidates = [_job(row) for row in connection.execute(statement)]
        due = [
            job
            for job in candidates
            if job.finished
            and job.every_hours
            and job.finished + timedelta(hours=job.every_hours) <= now
        ]
        return [new for job in due if (new := self._hand_on(job, now)) is not None]

    def _hand_on(self, job: ImportJob, now: datetime) -> ImportJob | None:
        with self.engine.begin() as connection:
            moved = connection.execute(
                update(import_jobs)
                .where(import_jobs.c.id == job.id, import_jobs.c.every_hours.is_not(None))
                .values(every_hours=None)
            )
            if moved.rowcount != 1:  # another worker handed it on first
                return None
            draft = JobDraft(
                job.organisation_id, job.kind, job.source, job.format,
                {**job.options, "previous": str(job.id)}, None, job.every_hours,
            )  # fmt: skip
            return _insert(connection, draft, now)

    def _any(self, condition: Any) -> bool:
        statement = select(import_jobs.c.id).where(condition).limit(1)
        with self.reader.connect() as connection:
            return connection.execute(statement).first() is not None

    def stop_repeating(self, job_id: UUID) -> None:
        """Stop a job from repeating; a run already queued still runs."""
        with self.engine.begin() as connection:
            connection.execute(
                update(import_jobs).where(import_jobs.c.id == job_id).values(every_hours=None)
            )


def _insert(connection: Connection, draft: JobDraft, now: datetime) -> ImportJob:
    job = ImportJob(
        uuid4(), draft.organisation_id, draft.kind, draft.source, draft.format, draft.options,
        QUEUED, None, 0, None, None, draft.every_hours, now, None, None,
    )  # fmt: skip
    values = {column.name: getattr(job, column.name) for column in _COLUMNS}
    connection.execute(import_jobs.insert().values(**values, payload=draft.payload))
    return job


def _job(row: Row[*tuple[Any, ...]]) -> ImportJob:
    return ImportJob(**row._mapping)


def _get(connection: Connection, job_id: UUID) -> ImportJob | None:
    row = connection.execute(select(*_COLUMNS).where(import_jobs.c.id == job_id)).first()
    return None if row is None else _job(row)
