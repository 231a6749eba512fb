"""``/imports``: upload a file or register a URL; follow the job; read its findings (JSON, CSV).

Thin: the checks and the work are in ``cultuurhub.ingest.jobs``. Form bodies are read with the
standard library (``urllib.parse`` for url-encoded forms, the ``email`` package's MIME parser
for ``multipart/form-data``, as PEP 594 recommends for the retired ``cgi`` module), after the
caller is known and within ``max_upload_bytes``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Annotated, Any
from uuid import UUID

import orjson
from fastapi import APIRouter, FastAPI, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from cultuurhub.access import Action, Forbidden, Principal, may, require
from cultuurhub.api.auth import principal
from cultuurhub.api.imports_forms import BodyTooLarge, FormError, parse_form, read_body
from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.formats import MappingFileError
from cultuurhub.ingest import (
    FORMATS,
    FindingFilter,
    ImportWorker,
    JobRefused,
    JobRequest,
    JobSettings,
    UploadTooLarge,
    UrlSource,
    findings_csv,
    mapping_text,
    submit_upload,
    submit_url,
)
from cultuurhub.store import JOB_STATUSES, ImportJob, ImportJobs, Store

router = APIRouter(prefix="/imports", tags=["imports"])

_NEEDS_KEY = "Een API-sleutel is nodig. / An API key is required."
_CSV = "text/csv"
_TRUE = {"1", "true", "yes", "on", "ja"}


# -- the worker in the server process --------------------------------------------------------


@contextlib.asynccontextmanager
async def job_worker(app: FastAPI) -> AsyncIterator[None]:
    """Run an import worker thread for the app's life (unless ``import_worker`` is off)."""
    settings = get_settings()
    worker = None
    if settings.import_worker:
        worker = ImportWorker(app.state.store, JobSettings.from_settings(settings))
        worker.start()
    app.state.import_worker = worker
    try:
        yield
    finally:
        if worker is not None:
            await run_in_threadpool(worker.stop)


def wake_worker(request: Request) -> None:
    """Tell this process's worker (if it runs one) that a job is waiting."""
    worker: ImportWorker | None = getattr(request.app.state, "import_worker", None)
    if worker is not None:
        worker.wake()


# -- routes ----------------------------------------------------------------------------------


class UrlRegistration(BaseModel):
    """A feed or an OAI-PMH endpoint to import, once or every ``everyHours`` hours."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    url: str = Field(max_length=1000, examples=["https://collectie.example.be/oai"])
    format: str | None = Field(default=None, examples=["oai-pmh"], description=", ".join(FORMATS))
    metadata_prefix: str | None = Field(
        default=None, alias="metadataPrefix", max_length=100, examples=["lido"]
    )
    set: str | None = Field(default=None, max_length=200)
    every_hours: int | None = Field(default=None, alias="everyHours", ge=1, le=744)
    dry_run: bool = Field(default=False, alias="dryRun")
    mapping: str | None = Field(default=None, max_length=100_000)
    source: str | None = Field(default=None, max_length=200)
    default_type: str | None = Field(
        default=None, alias="defaultType", max_length=200, examples=["Concert"],
        description="Event type of events whose iCalendar or schema.org feed does not say it",
    )  # fmt: skip
    organisation: UUID | None = None


_UPLOAD_FORM = {
    "type": "object",
    "required": ["file"],
    "properties": {
        "file": {"type": "string", "format": "binary"},
        "format": {"type": "string", "enum": list(FORMATS[:-1])},
        "dryRun": {"type": "boolean"},
        "mapping": {"type": "string", "description": "YAML mapping file (CSV, Excel)"},
        "source": {"type": "string"},
        "defaultType": {
            "type": "string",
            "description": "Event type of events the file does not type (iCalendar, schema.org)",
        },
        "organisation": {"type": "string", "format": "uuid"},
    },
}
_CREATE_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": _UPLOAD_FORM},
            "application/json": {"schema": UrlRegistration.model_json_schema(by_alias=True)},
        },
    }
}


@router.post(
    "",
    status_code=202,
    response_class=Response,
    openapi_extra=_CREATE_DOC,
    summary="Upload a file (multipart) or register a URL (JSON); answers 202 with the job",
)
async def create(request: Request) -> Response:
    """Queue an import for the caller's organisation (a key with write scope)."""
    caller = principal(request)
    refusal = _write_refusal(caller, caller.organisation_id)
    if refusal is not None:
        return refusal
    settings = JobSettings.from_settings(get_settings())
    try:
        body = await read_body(request, settings.max_upload_bytes + 65_536)
        job = await _submit(request, caller, body, settings)
    except (BodyTooLarge, UploadTooLarge):
        return _too_large(settings.max_upload_bytes)
    except _UnsupportedBody as error:
        return problem(415, "Unsupported Media Type", str(error))
    except JobRefused as error:
        return problem(422, "Unprocessable", str(error))
    except Forbidden as error:
        return problem(403, "Forbidden", str(error))
    except (FormError, ValidationError, ValueError) as error:
        return problem(422, "Unprocessable", f"Onleesbaar verzoek / unreadable request: {error}")
    wake_worker(request)
    return _json(job_json(job), 202, {"Location": f"/imports/{job.id}"})


class _UnsupportedBody(ValueError):
    """Neither a multipart upload nor a JSON registration."""


async def _submit(
    request: Request, caller: Principal, body: bytes, settings: JobSettings
) -> ImportJob:
    store: Store = request.app.state.store
    content_type = request.headers.get("content-type", "")
    if content_type.lower().startswith("application/json"):
        wanted = UrlRegistration.model_validate_json(body)
        owner = _owner(caller, wanted.organisation)
        job_request = JobRequest(
            owner, wanted.format, wanted.dry_run, wanted.mapping, wanted.source,
            wanted.default_type,
        )  # fmt: skip
        source = UrlSource(wanted.url, wanted.metadata_prefix, wanted.set, wanted.every_hours)
        return await run_in_threadpool(submit_url, store, job_request, source, settings)
    if not content_type.lower().startswith("multipart/form-data"):
        raise _UnsupportedBody(
            "Stuur een bestand als multipart/form-data of een URL als JSON. / Send a file as "
            "multipart/form-data or a URL as JSON."
        )
    form = parse_form(body, content_type)
    upload = form.files.get("file")
    if upload is None:
        raise FormError("het veld 'file' ontbreekt / the field 'file' is missing")
    organisation = form.text("organisation")
    owner = _owner(caller, UUID(organisation) if organisation else None)
    mapping = form.text("mapping")
    if "mapping" in form.files:
        part = form.files["mapping"]
        try:
            mapping = mapping_text(part.data, part.filename or "mapping.yaml")
        except MappingFileError as error:
            raise JobRefused(f"Mappingbestand / mapping file: {error}") from None
    job_request = JobRequest(
        owner, form.text("format"), form.flag("dryRun", "dry_run"),
        mapping, form.text("source"), form.text("defaultType"),
    )  # fmt: skip
    return await run_in_threadpool(
        submit_upload, store, job_request, upload.filename, upload.data, settings
    )


def _owner(caller: Principal, asked: UUID | None) -> UUID:
    owner = asked or caller.organisation_id
    assert owner is not None
    require(caller, Action.IMPORT, owner)
    return owner


@router.get("", response_class=Response, summary="Your organisation's import jobs, newest first")
def list_jobs(
    request: Request,
    status: Annotated[str | None, Query(description=", ".join(JOB_STATUSES))] = None,
    organisation: Annotated[UUID | None, Query(description="Administrators only")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    """List the jobs of the caller's organisation."""
    caller = principal(request)
    owner = organisation or caller.organisation_id
    if owner is None:
        return problem(401, "Unauthorized", _NEEDS_KEY)
    if not may(caller, Action.READ, owner, public=False):
        return problem(403, "Forbidden", "Dit is niet jouw organisatie. / Not your organisation.")
    jobs = ImportJobs(request.app.state.store).of_organisation(owner, limit, status)
    return _json({"organisation": str(owner), "imports": [job_json(job) for job in jobs]})


@router.get("/{job_id}", response_class=Response, summary="An import job: status and summary")
def get_job(job_id: UUID, request: Request) -> Response:
    """Return a job: its status, progress and (when done) its summary."""
    job, refusal = _readable(request, job_id)
    if refusal is not None:
        return refusal
    assert job is not None
    headers = {} if job.finished_running else {"Retry-After": "2"}
    return _json(job_json(job), headers=headers)


@router.delete(
    "/{job_id}/schedule", response_class=Response, summary="Stop a registered URL repeating"
)
def stop_repeating(job_id: UUID, request: Request) -> Response:
    """Stop a job from repeating (a run already queued still runs)."""
    job, refusal = _readable(request, job_id)
    if refusal is not None:
        return refusal
    assert job is not None
    refusal = _write_refusal(principal(request), job.organisation_id)
    if refusal is not None:
        return refusal
    jobs = ImportJobs(request.app.state.store)
    jobs.stop_repeating(job_id)
    stopped = jobs.get(job_id)
    assert stopped is not None
    return _json(job_json(stopped))


@router.get(
    "/{job_id}/findings",
    response_class=Response,
    summary="A job's findings, as JSON or (Accept: text/csv) CSV; filter by severity and field",
    responses={200: {"content": {"application/json": {}, _CSV: {}}}},
)
def findings(
    job_id: UUID,
    request: Request,
    severity: Annotated[list[str] | None, Query(description="error, warning, info")] = None,
    field: Annotated[
        str | None, Query(description="The field (or column) a finding is about")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Return a job's findings, filtered; CSV when the client asks for it."""
    as_csv = _CSV in request.headers.get("accept", "")
    return _findings(request, job_id, FindingFilter(severity, field, limit, offset), as_csv)


@router.get(
    "/{job_id}/findings.csv",
    response_class=Response,
    summary="A job's findings as CSV (semicolons, UTF-8 with BOM, as Excel in Belgium reads it)",
    responses={200: {"content": {_CSV: {}}}},
)
def findings_as_csv(
    job_id: UUID,
    request: Request,
    severity: Annotated[list[str] | None, Query()] = None,
    field: Annotated[str | None, Query()] = None,
) -> Response:
    """Return all of a job's findings (filtered) as CSV."""
    return _findings(request, job_id, FindingFilter(severity, field, None, 0), True)


def _findings(request: Request, job_id: UUID, wanted: FindingFilter, as_csv: bool) -> Response:
    job, refusal = _readable(request, job_id)
    if refusal is not None:
        return refusal
    assert job is not None
    matching = wanted.apply(ImportJobs(request.app.state.store).findings(job_id))
    if as_csv:
        disposition = f'attachment; filename="import-{job_id}-findings.csv"'
        return Response(
            findings_csv(wanted.page(matching)),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": disposition},
        )
    body = {
        "import": str(job_id),
        "status": job.status,
        "total": len(matching),
        "offset": wanted.offset,
        "findings": wanted.page(matching),
    }
    return _json(body)


def job_json(job: ImportJob) -> dict[str, Any]:
    """A job as the API shows it, with links to itself and its findings."""
    running = not job.finished_running
    return {
        "id": str(job.id),
        "organisation": str(job.organisation_id),
        "kind": job.kind,
        "source": job.source,
        "format": job.format,
        "status": job.status,
        "phase": (job.summary or {}).get("phase") if running else None,
        "processed": job.processed,
        "total": job.total,
        "dryRun": bool(job.options.get("dry_run")),
        "metadataPrefix": job.options.get("metadata_prefix"),
        "set": job.options.get("set"),
        "everyHours": job.every_hours,
        "previous": job.options.get("previous"),
        "created": job.created.isoformat(),
        "started": job.started.isoformat() if job.started else None,
        "finished": job.finished.isoformat() if job.finished else None,
        "summary": None if running else job.summary,
        "error": job.error,
        "links": {
            "self": f"/imports/{job.id}",
            "findings": f"/imports/{job.id}/findings",
            "findingsCsv": f"/imports/{job.id}/findings.csv",
        },
    }


def _readable(request: Request, job_id: UUID) -> tuple[ImportJob | None, Response | None]:
    caller = principal(request)
    if caller.organisation_id is None:
        return None, problem(401, "Unauthorized", _NEEDS_KEY)
    job = ImportJobs(request.app.state.store).get(job_id)
    if job is None:
        return None, problem(404, "Not found", f"Geen import met id / no import with id {job_id}.")
    if not may(caller, Action.READ, job.organisation_id, public=False):
        return None, problem(
            403,
            "Forbidden",
            "Deze import hoort bij een andere organisatie. / This import belongs to another "
            "organisation.",
        )
    return job, None


def _write_refusal(caller: Principal, owner: UUID | None) -> Response | None:
    if caller.organisation_id is None:
        return problem(401, "Unauthorized", _NEEDS_KEY)
    try:
        require(caller, Action.IMPORT, owner)
    except Forbidden as error:
        return problem(403, "Forbidden", str(error))
    return None


def _too_large(max_bytes: int) -> Response:
    return problem(
        413,
        "Content Too Large",
        f"Het bestand is groter dan {max_bytes:,} bytes. / The file is larger than "
        f"{max_bytes:,} bytes.",
        max_bytes=max_bytes,
    )


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        orjson.dumps(body), status_code=status, media_type="application/json", headers=headers
    )
