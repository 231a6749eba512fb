"""The import process: read a file, validate every record, store the good ones batch by batch.

Every importer goes through :func:`import_file`, so every source is validated by the same model,
stored through the store's one write path, and reported on the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from uuid import UUID

from cultuurhub.config import get_settings
from cultuurhub.ingest.base import Finding, Limits, Reader, Severity, SourceRecord, column_of
from cultuurhub.ingest.checking import Checked, Outcome, Rejected, checked, default_checkers
from cultuurhub.ingest.heritage_files import EdmReader, LidoReader
from cultuurhub.ingest.ical import IcalReader
from cultuurhub.ingest.jsonld import JsonLdReader
from cultuurhub.ingest.tabular import CsvReader, ExcelReader
from cultuurhub.ingest.ticketing import keep_pushed_availability
from cultuurhub.ingest.uitdatabank import UitdatabankReader
from cultuurhub.quality import Score
from cultuurhub.store import RecordDraft, SourceRef, Store
from cultuurhub.store.gc_pause import collector_paused

_BY_SUFFIX: dict[str, type[Reader]] = {
    ".csv": CsvReader,
    ".tsv": CsvReader,
    ".txt": CsvReader,
    ".xlsx": ExcelReader,
    ".ics": IcalReader,
    ".html": JsonLdReader,
    ".htm": JsonLdReader,
    ".jsonld": JsonLdReader,
    ".json": UitdatabankReader,
    ".jsonl": UitdatabankReader,
    ".xml": LidoReader,
    ".rdf": EdmReader,
}


class UnknownFormat(ValueError):
    """The hub cannot tell from the file name which format a file is in."""


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """Who imports, from which source system, and whether to store anything at all.

    ``record_quality`` adds an info finding per accepted record with its score and what to add;
    ``on_progress(phase, done, total)`` is told how far reading ("reading", records so far,
    None) and storing ("storing", stored so far, None until the last batch is stored) have
    come; storing runs while the reader goes on, a batch at a time. ``checkers``
    processes check (validate and score) the records of a large import (None: the setting
    ``import_checkers``, else one per core, at most 8; 0: this process only). ``batch_size``
    records are stored in one transaction (None: the setting ``import_batch_size``; at most
    the store's ``max_batch_size``).
    """

    owner: UUID
    source_system: str
    author: str = "import"
    dry_run: bool = False
    limits: Limits = field(default_factory=Limits)
    record_quality: bool = False
    on_progress: Callable[[str, int, int | None], None] | None = None
    checkers: int | None = None
    batch_size: int | None = None


@dataclass
class ImportReport:
    """What an import did: counts per outcome and every finding."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    findings: list[Finding] = field(default_factory=list)
    scores: list[int] = field(default_factory=list)

    @property
    def average_score(self) -> float | None:
        """The average completeness score (0–100) of the records that were accepted."""
        return round(sum(self.scores) / len(self.scores), 1) if self.scores else None

    @property
    def warnings(self) -> int:
        """How many warnings the import gave."""
        return sum(1 for finding in self.findings if finding.severity is Severity.WARNING)


def source_key(options: ImportOptions) -> str:
    """The source system as the store knows it: per owner, so two organisations importing the
    same outside record each get their own record and never write over each other's."""
    return f"{options.owner}/{options.source_system}"


def reader_for(filename: str) -> Reader:
    """Choose the reader for a file by its extension."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in _BY_SUFFIX:
        known = ", ".join(sorted(_BY_SUFFIX))
        raise UnknownFormat(
            f"'{filename}': onbekend bestandstype / unknown file type (known: {known})"
        )
    return _BY_SUFFIX[suffix]()


def import_file(
    store: Store, reader: Reader, data: bytes, filename: str, options: ImportOptions
) -> ImportReport:
    """Import one file: bad records become findings; the good ones are stored in batches
    (``ImportOptions.batch_size``), each all or nothing (a smaller file: all of it or none)."""
    report = ImportReport()
    store_items(store, reader.read(data, filename, options.limits), options, report)
    return report


def store_items(
    store: Store,
    items: Iterable[SourceRecord | Finding],
    options: ImportOptions,
    report: ImportReport,
) -> None:
    """Validate what a reader gave and store the good records in batches; count in ``report``."""
    with collector_paused():
        _store_items(store, items, options, report)


def _store_items(
    store: Store,
    items: Iterable[SourceRecord | Finding],
    options: ImportOptions,
    report: ImportReport,
) -> None:
    """Validate and store batch by batch, as the reader goes: a file of any length holds one
    batch of drafts in memory (and the source ids read, to warn about one read twice), and
    what is stored is searchable before the rest is read."""
    if options.on_progress is not None:
        items = _counted(items, options.on_progress)
    checkers = default_checkers() if options.checkers is None else options.checkers
    size = _batch_size(store, options)
    batch = _Batch(options, report)
    stored = 0
    read: set[str] = set()
    for item, outcome in checked(items, checkers):
        if isinstance(item, Finding):
            report.findings.append(item)
            report.rejected += item.refused  # a record the reader left out
            continue
        if item.source_id in read:
            report.findings.append(_read_twice(item))
        read.add(item.source_id)
        if batch.add(item, outcome) >= size:
            stored = _flush(store, batch, options, report, stored, final=False)
            batch = _Batch(options, report)
    _flush(store, batch, options, report, stored, final=True)


def _batch_size(store: Store, options: ImportOptions) -> int:
    """How many records an import stores in one transaction: the option, else the setting
    ``import_batch_size``, and never more than the store takes in one batch."""
    wanted = options.batch_size or get_settings().import_batch_size
    return max(1, min(wanted, store.limits.max_batch_size))


def _refusal(item: SourceRecord, field: str, nl: str, en: str) -> Finding:
    """A problem the model found, at the column it came from when the reader says so."""
    header = column_of(item.columns, field) if item.columns else None
    filename, _, line = item.location.rpartition(":")
    if header is None or not line.isdigit():
        return Finding(Severity.ERROR, nl, en, file=item.location, field=field,
                       record=item.source_id)  # fmt: skip
    return Finding(
        Severity.ERROR,
        f"Rij {line}, kolom '{header}': {nl}",
        f"Row {line}, column '{header}': {en}",
        file=filename,
        line=int(line),
        field=header,
        record=item.source_id,
    )


def _read_twice(item: SourceRecord) -> Finding:
    """The warning for a record that the same file gives again: its last reading counts."""
    return Finding(
        Severity.WARNING,
        f"Record '{item.source_id}' staat meer dan eens in het bestand; de laatste versie telt.",
        f"Record '{item.source_id}' occurs more than once in the file; the last one counts.",
        file=item.location,
        record=item.source_id,
    )


def _counted(
    items: Iterable[SourceRecord | Finding], on_progress: Callable[[str, int, int | None], None]
) -> Iterator[SourceRecord | Finding]:
    """Pass the items on, telling ``on_progress`` every 1,000 records how many were read."""
    read = 0
    for item in items:
        if isinstance(item, SourceRecord):
            read += 1
            if read % 1000 == 0:
                on_progress("reading", read, None)
        yield item
    on_progress("reading", read, read)


class _Batch:
    """The records of one batch: drafts to store and sources to delete; last word wins.

    A record read twice within a batch counts once, with its later reading (in the place of
    that reading). In a file larger than a batch, a later reading in a later batch updates
    the record the earlier batch stored, as a later harvest page does.
    """

    def __init__(self, options: ImportOptions, report: ImportReport) -> None:
        self.options, self.report = options, report
        self.latest: dict[str, tuple[RecordDraft, Score, str] | SourceRef] = {}

    def add(self, item: SourceRecord, outcome: Outcome | None) -> int:
        """Take ``item`` and how its check went into the batch (a rejected one only into the
        findings); return how many records the batch holds."""
        source = SourceRef(source_key(self.options), item.source_id)
        if item.deleted:
            self.latest[item.source_id] = source
        elif isinstance(outcome, Rejected):
            self.report.rejected += 1
            found = [_refusal(item, field, nl, en) for field, nl, en in outcome.problems]
            self.report.findings += dict.fromkeys(found)  # four dates, one column: said once
        else:
            if not isinstance(outcome, Checked):  # checked() gives every record its outcome
                raise TypeError(f"record {item.source_id!r} came without its check")
            # the record keeps the hub's own id; the source's id lives in the store's sources
            # (from a checker process only as the store keeps it: ``canonical``)
            draft = RecordDraft(item.type, self.options.owner, outcome.document or {},
                                workflow_status=outcome.workflow_status,
                                columns=outcome.columns, source=source,
                                canonical=outcome.canonical)  # fmt: skip
            self.latest.pop(item.source_id, None)  # a record read twice: its later reading counts
            self.latest[item.source_id] = (draft, outcome.score, item.location)
        return len(self.latest)

    def drafts(self) -> list[RecordDraft]:
        """The drafts to store, their scores counted in the report (with a finding each if
        asked)."""
        accepted = [value for value in self.latest.values() if isinstance(value, tuple)]
        self.report.scores += [result.score for _, result, _ in accepted]
        if self.options.record_quality:
            self.report.findings += [
                quality_finding(result, location, draft.source.source_id)
                for draft, result, location in accepted
                if draft.source is not None
            ]
        return [draft for draft, _, _ in accepted]

    def deletions(self) -> list[SourceRef]:
        """The sources whose last word in this batch is that they are gone."""
        return [value for value in self.latest.values() if isinstance(value, SourceRef)]


def _flush(
    store: Store,
    batch: _Batch,
    options: ImportOptions,
    report: ImportReport,
    stored: int,
    final: bool,
) -> int:
    """Store one batch, all or nothing, then its deletions; return how many were stored in all."""
    drafts = batch.drafts()
    if options.dry_run:
        return stored
    drafts = keep_pushed_availability(store, drafts)
    for result in store.put_batch(drafts, options.author) if drafts else ():
        setattr(report, result.outcome, getattr(report, result.outcome) + 1)
    stored += len(drafts)
    if options.on_progress is not None and (drafts or final):
        options.on_progress("storing", stored, stored if final else None)
    report.deleted += _delete(store, batch.deletions(), options)
    return stored


def quality_finding(result: Score, location: str, source_id: str) -> Finding:
    """An info finding with a record's completeness score and what to add to gain points."""
    message_nl, message_en, rules = _quality_messages(result)
    return Finding(
        Severity.INFO, message_nl, message_en, file=location, field=rules, record=source_id
    )


@lru_cache(maxsize=4096)  # the records of one file share a few dozen scores and advice lists
def _quality_messages(result: Score) -> tuple[str, str, str | None]:
    gains_nl = " ".join(f"{a.hint_nl} (+{a.points})" for a in result.advice)
    gains_en = " ".join(f"{a.hint_en} (+{a.points})" for a in result.advice)
    return (
        f"Kwaliteitsscore {result.score}/100."
        + (f" Punten winnen: {gains_nl}" if gains_nl else ""),
        f"Quality score {result.score}/100." + (f" To gain points: {gains_en}" if gains_en else ""),
        ",".join(advice.rule for advice in result.advice) or None,
    )


def _delete(store: Store, deletions: list[SourceRef], options: ImportOptions) -> int:
    count = 0
    for source in deletions:
        record_id = store.record_for_source(source)
        if record_id is not None and store.delete(record_id, options.author).seq is not None:
            count += 1
    return count
