"""Import jobs: an upload or a registered URL, run in the background, with progress and findings.

The interfaces (``POST /imports``, the workspace, ``cultuurhub jobs``) only *submit* a job: the
request is checked (size, format, mapping file, URL) and queued in ``import_jobs``. A worker then
*runs* it through the same import service as the command line (``import_file`` or ``harvest``),
so a job validates, scores and stores exactly like ``cultuurhub import``: bad records become
findings, good ones are stored in all-or-nothing batches, and a failure leaves a clear error and
no half batch (``jobs_run.py``). Two kinds of worker exist, and both only claim jobs that are
still queued, so they can run side by side:

- ``ImportWorker``, a thread the HTTP server starts in each process (setting ``import_worker``);
  it wakes at once for jobs submitted in its own process and otherwise looks every
  ``import_poll_seconds``;
- ``run_queued``, which ``cultuurhub jobs run`` calls to work through the queue once (or keep
  watching it), for hubs that run imports in a process of their own.

The findings and summary of a job are in ``jobs_findings.py``; fetching URLs in ``jobs_fetch.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath
from typing import Any
from uuid import UUID

from cultuurhub.config import Settings
from cultuurhub.formats import MappingFileError, TabularMapping, load_mapping
from cultuurhub.formats.uitdatabank_terms import find_term, suggest_terms
from cultuurhub.ingest.base import Limits, Reader
from cultuurhub.ingest.decoding import decode_text
from cultuurhub.ingest.heritage_files import EdmReader, LidoReader
from cultuurhub.ingest.ical import IcalReader
from cultuurhub.ingest.jobs_fetch import FetchError, check_url
from cultuurhub.ingest.jsonld import JsonLdReader
from cultuurhub.ingest.service import (
    UnknownFormat,
    reader_for,
)
from cultuurhub.ingest.tabular import CsvReader, ExcelReader
from cultuurhub.ingest.uitdatabank import UitdatabankReader
from cultuurhub.store import ImportJob, ImportJobs, JobDraft, Store

OAI_PMH = "oai-pmh"
FILE_FORMATS = ("csv", "xlsx", "ical", "jsonld", "uitdatabank", "lido", "edm")
FORMATS = (*FILE_FORMATS, OAI_PMH)
_ALIASES = {"ics": "ical", "json": "uitdatabank", "json-ld": "jsonld", "oaipmh": OAI_PMH}
BY_CONTENT_TYPE = {
    "text/csv": "csv",
    "text/calendar": "ical",
    "application/ld+json": "jsonld",
    "text/html": "jsonld",
    "application/json": "uitdatabank",
}
_TABULAR = ("csv", "xlsx")
#: A mapping file is a few lines of YAML; a larger one is not a mapping file.
MAX_MAPPING_BYTES = 100_000
MAX_EVERY_HOURS = 24 * 31
MAX_URL_CHARS = 900  # the job keeps it, and a harvest keeps its state under owner + URL
# The store keeps a source system as "<organisation id>/<name>" in 200 characters.
MAX_SOURCE_CHARS = 150


class JobRefused(ValueError):
    """A job the hub will not queue (too large, unknown format, bad mapping or URL); the message
    says why in Dutch and English."""


class UploadTooLarge(JobRefused):
    """A file larger than ``max_upload_bytes``."""


@dataclass(frozen=True, slots=True)
class JobSettings:
    """The limits and habits of import jobs (from :class:`~cultuurhub.config.Settings`)."""

    max_upload_bytes: int = 50_000_000
    fetch_timeout_seconds: float = 60.0
    allow_private: bool = False
    max_findings: int = 100_000
    stale_after: timedelta = timedelta(minutes=240)
    poll_seconds: float = 2.0

    @classmethod
    def from_settings(cls, settings: Settings) -> JobSettings:
        """Read the job settings from the hub's settings."""
        return cls(
            max_upload_bytes=settings.max_upload_bytes,
            fetch_timeout_seconds=settings.import_fetch_timeout_seconds,
            allow_private=settings.import_allow_private,
            max_findings=settings.import_max_findings,
            stale_after=timedelta(minutes=settings.import_stale_minutes),
            poll_seconds=settings.import_poll_seconds,
        )


@dataclass(frozen=True, slots=True)
class JobRequest:
    """What to import and how: shared by uploads and URLs.

    ``source`` is the source system's name (default: the file name, or the URL), which keeps a
    re-import of the same source idempotent; ``mapping`` is a YAML mapping file for CSV/Excel;
    ``default_type`` the event type of events whose iCalendar or schema.org file does not say it.
    """

    organisation_id: UUID
    format: str | None = None
    dry_run: bool = False
    mapping: str | None = None
    source: str | None = None
    default_type: str | None = None


@dataclass(frozen=True, slots=True)
class UrlSource:
    """A feed or OAI-PMH endpoint to import, once or every ``every_hours`` hours."""

    url: str
    metadata_prefix: str | None = None
    set_spec: str | None = None
    every_hours: int | None = None


def submit_upload(
    store: Store, request: JobRequest, filename: str, data: bytes, settings: JobSettings
) -> ImportJob:
    """Check an uploaded file and queue it; raise :class:`JobRefused` when it cannot be read."""
    if len(data) > settings.max_upload_bytes:
        raise UploadTooLarge(
            f"Het bestand is groter dan {settings.max_upload_bytes:,} bytes. / "
            f"The file is larger than {settings.max_upload_bytes:,} bytes."
        )
    if not data:
        raise JobRefused("Het bestand is leeg. / The file is empty.")
    name = PurePath(filename or "upload").name[-MAX_SOURCE_CHARS:] or "upload"
    file_format = _file_format(request.format, name)
    options = _options(request, name, file_format)
    draft = JobDraft(request.organisation_id, "upload", name, file_format, options, data)
    return ImportJobs(store).create(draft)


def submit_url(
    store: Store, request: JobRequest, source: UrlSource, settings: JobSettings
) -> ImportJob:
    """Check a URL registration and queue its first run; raise :class:`JobRefused` if wrong."""
    if len(source.url) > MAX_URL_CHARS:
        raise JobRefused(
            f"Het adres is langer dan {MAX_URL_CHARS} tekens. / "
            f"The address is longer than {MAX_URL_CHARS} characters."
        )
    try:
        check_url(source.url, settings.allow_private)
    except FetchError as error:
        raise JobRefused(str(error)) from None
    if source.every_hours is not None and not 1 <= source.every_hours <= MAX_EVERY_HOURS:
        raise JobRefused(
            f"Herhaal elke 1 tot {MAX_EVERY_HOURS} uur. / "
            f"Repeat every 1 to {MAX_EVERY_HOURS} hours."
        )
    url_format = _url_format(request.format, source)
    options = _options(request, source.url, url_format)
    if url_format == OAI_PMH:
        options |= {"metadata_prefix": source.metadata_prefix or "oai_dc", "set": source.set_spec}
    draft = JobDraft(
        request.organisation_id, "url", source.url, url_format, options, None, source.every_hours
    )
    return ImportJobs(store).create(draft)


def _options(request: JobRequest, default_source: str, file_format: str | None) -> dict[str, Any]:
    """The job's options, once its mapping file and default type fit ``file_format``."""
    _check_mapping(request.mapping, file_format)
    if request.source and len(request.source) > MAX_SOURCE_CHARS:
        raise JobRefused(
            f"De naam van de bron is langer dan {MAX_SOURCE_CHARS} tekens. / "
            f"The source name is longer than {MAX_SOURCE_CHARS} characters."
        )
    options: dict[str, Any] = {
        "source_system": request.source or source_name(default_source),
        "dry_run": request.dry_run,
        "mapping": request.mapping,
    }
    if request.default_type:
        options["default_type"] = check_default_type(request.default_type, file_format)
    return options


#: The formats whose events may not say their type.
_TYPED_BY_USER = ("ical", "jsonld")


def check_default_type(label: str, file_format: str | None) -> str:
    """The event type label a user gave for events that do not say their type; JobRefused,
    with the closest types, when the taxonomy does not know it or the format takes none."""
    if file_format not in _TYPED_BY_USER:
        raise JobRefused(
            "Een standaardtype geldt alleen voor iCalendar en schema.org (JSON-LD); in CSV en "
            "Excel geeft een kolom of het mappingbestand het type. / A default type only applies "
            "to iCalendar and schema.org (JSON-LD); in CSV and Excel a column or the mapping "
            "file gives the type."
        )
    term = find_term(label, "eventtype")
    if term is not None:
        return term.label
    hint = ", ".join(suggest_terms(label, "eventtype"))
    raise JobRefused(
        f"'{label}' is geen gekend type activiteit"
        + (f"; bedoelde u {hint}?" if hint else ".")
        + f" / '{label}' is not a known event type"
        + (f"; did you mean {hint}?" if hint else ".")
    )


def source_name(text: str) -> str:
    """Return a source system name for a file name or URL: itself, or if too long for the
    store, its start and a hash of the whole (so it stays the same for the same source)."""
    if len(text) <= MAX_SOURCE_CHARS:
        return text
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{text[: MAX_SOURCE_CHARS - 17]}#{digest}"


def _normal_format(name: str) -> str:
    found = _ALIASES.get(name.strip().lower(), name.strip().lower())
    if found not in FORMATS:
        raise JobRefused(
            f"Onbekend formaat '{name}'; kies uit {', '.join(FORMATS)}. / "
            f"Unknown format '{name}'; choose from {', '.join(FORMATS)}."
        )
    return found


def _file_format(asked: str | None, filename: str) -> str:
    if asked:
        found = _normal_format(asked)
        if found == OAI_PMH:
            raise JobRefused(
                "OAI-PMH is een adres, geen bestand: registreer een URL. / "
                "OAI-PMH is an address, not a file: register a URL."
            )
        return found
    try:
        return reader_for(filename).name
    except UnknownFormat as error:
        raise JobRefused(str(error)) from None


def _url_format(asked: str | None, source: UrlSource) -> str | None:
    """The format of a URL: asked, OAI-PMH when a metadata prefix is given, else its suffix;
    None leaves it to the Content-Type of the answer."""
    if asked:
        return _normal_format(asked)
    if source.metadata_prefix or source.set_spec:
        return OAI_PMH
    path = PurePath(source.url.split("?", 1)[0])
    try:
        return reader_for(path.name).name if path.suffix else None
    except UnknownFormat:
        return None


def mapping_text(data: bytes, filename: str) -> str:
    """The text of a mapping file as an editor saved it: UTF-8, with or without a byte order
    mark, or Windows-1252 (Notepad and older Excel); :class:`MappingFileError` if too big."""
    decoded = decode_text(data, filename, Limits(max_bytes=MAX_MAPPING_BYTES))
    if decoded.text is None:
        raise MappingFileError(
            f"Een mappingbestand is hoogstens {MAX_MAPPING_BYTES:,} bytes. / "
            f"A mapping file is at most {MAX_MAPPING_BYTES:,} bytes."
        )
    return decoded.text


def check_mapping(mapping: str, file_format: str | None) -> TabularMapping:
    """Read the mapping file for a file of ``file_format``; :class:`MappingFileError`, in Dutch
    and English, when it is not valid or the file is neither CSV nor Excel."""
    if file_format not in _TABULAR:
        raise MappingFileError(
            "Een mappingbestand geldt alleen voor CSV en Excel. / "
            "A mapping file only applies to CSV and Excel."
        )
    return load_mapping(mapping)


def _check_mapping(mapping: str | None, file_format: str | None) -> None:
    if not mapping:
        return
    try:
        check_mapping(mapping, file_format)
    except MappingFileError as error:
        raise JobRefused(f"Mappingbestand / mapping file: {error}") from None


def reader_named(
    file_format: str, mapping: str | None = None, default_type: str | None = None
) -> Reader:
    """Return the reader of a file format (``csv``, ``xlsx``, ``ical``, ``jsonld``, ...), with
    the mapping file (CSV, Excel) or the event type of events that do not say theirs (iCalendar,
    schema.org)."""
    tabular = load_mapping(mapping) if mapping else None
    readers: dict[str, Callable[[], Reader]] = {
        "csv": lambda: CsvReader(tabular),
        "xlsx": lambda: ExcelReader(tabular),
        "ical": lambda: IcalReader(default_type=default_type),
        "jsonld": lambda: JsonLdReader(default_type=default_type),
        "uitdatabank": UitdatabankReader,
        "lido": LidoReader,
        "edm": EdmReader,
    }
    return readers[file_format]()
