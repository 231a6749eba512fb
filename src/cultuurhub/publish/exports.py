"""Bulk exports of one record type: CSV, JSON Lines, Parquet and Turtle, written as a stream.

Every writer takes an iterable of records and yields bytes as it goes, so an export of a
million records holds one page of records (and, for Parquet, one row group) in memory at a
time. The CLI writes the chunks to a file; the API streams them to the client.

CSV is safe against spreadsheet formula injection (OWASP "CSV Injection"): a text cell that
starts with ``= + - @``, a tab, a carriage return, a line feed or a NUL (or their full-width
forms) gets a leading apostrophe, unless the whole cell is a plain number such as ``-5``; every
text cell is quoted, so a spreadsheet that splits on another delimiter cannot start a new cell
inside it. Numeric columns are written as numbers and stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from itertools import islice
from typing import IO, Any
from uuid import UUID
from zoneinfo import ZoneInfo

import orjson
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from cultuurhub.access import Action, Principal, may
from cultuurhub.config import get_settings
from cultuurhub.formats import (
    OSLO_CLASSES,
    OsloProvenance,
    OsloRecord,
    neutralise_cell,
    oslo_turtle_dump,
)
from cultuurhub.model import RecordType
from cultuurhub.publish.export_columns import ColumnKind, ExportColumn, columns_for
from cultuurhub.publish.export_rows import ExportedRecord, flat_row, references_of
from cultuurhub.store import ExportSelection, Store, export_pages, related_records

BRUSSELS = ZoneInfo("Europe/Brussels")
EXPORT_TYPES = (RecordType.EVENT, RecordType.PLACE, RecordType.ORGANIZER, RecordType.OBJECT)
"""The record types that can be exported."""
LIST_SEPARATOR = "; "
"""How a CSV cell joins the items of a list column (labels never contain a semicolon)."""
_CHUNK_CHARS = 64 * 1024


class ExportFormat(StrEnum):
    """The file formats of a bulk export."""

    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"
    TURTLE = "turtle"

    @property
    def media_type(self) -> str:
        """Return the HTTP media type of this format."""
        return _MEDIA_TYPES[self]

    @property
    def extension(self) -> str:
        """Return the file name extension of this format (``ttl`` for Turtle)."""
        return "ttl" if self is ExportFormat.TURTLE else self.value


_MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.JSONL: "application/x-ndjson",
    ExportFormat.PARQUET: "application/vnd.apache.parquet",
    ExportFormat.TURTLE: "text/turtle; charset=utf-8",
}
TURTLE_TYPES = frozenset(OSLO_CLASSES)
"""The record types OSLO Cultuurparticipatie describes: those with a Turtle export."""


class ExportUnavailable(ValueError):
    """This record type has no export in this format (heritage objects in OSLO Turtle)."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """How to write an export: format, CSV dialect, page and row-group sizes, base URL."""

    format: ExportFormat = ExportFormat.CSV
    bom: bool = False
    delimiter: str = ","
    page_size: int = 1000
    row_group_size: int = 10_000
    base_url: str | None = None

    def __post_init__(self) -> None:
        """Refuse options that cannot make a sound file."""
        if len(self.delimiter) != 1 or self.delimiter in "\"'\r\n":
            raise ValueError("the CSV delimiter must be one character, not a quote or newline")
        if self.page_size < 1 or self.row_group_size < 1:
            raise ValueError("page and row-group sizes must be positive")


def export_selection(
    principal: Principal,
    record_type: RecordType,
    owner: UUID | None = None,
    since: datetime | None = None,
    ends_after: datetime | None = None,
) -> ExportSelection:
    """Say which records an export for ``principal`` may hold, under the access rules.

    ``since`` keeps the records modified at or after it; ``ends_after`` the events and places
    still running then (permanent ones always are).
    """
    own = principal.organisation_id
    reads_own = own is not None and may(principal, Action.READ, own, public=False)
    return ExportSelection(
        record_type=record_type.value,
        owner=owner,
        modified_since=since,
        ends_after=ends_after,
        private_of=own if reads_own else None,
        all_private=may(principal, Action.READ, None, public=False),
    )


def exported_records(
    store: Store, selection: ExportSelection, options: ExportOptions, *, related: bool = True
) -> Iterator[ExportedRecord]:
    """Yield the selected records page by page, each page with the records it points to."""
    base_url = options.base_url or get_settings().base_url
    for page in export_pages(store, selection, options.page_size):
        wanted = set().union(*(references_of(row) for row in page)) if related else set()
        found = related_records(store, wanted, selection)
        for row in page:
            yield ExportedRecord(row, found, base_url)


def export_chunks(
    store: Store,
    selection: ExportSelection,
    options: ExportOptions,
    on_record: Callable[[], None] | None = None,
) -> Iterator[bytes]:
    """Yield the bytes of an export, as they are made.

    Raise :class:`ExportUnavailable` at once when the type has no export in the format.
    """
    record_type = RecordType(selection.record_type)
    if options.format is ExportFormat.TURTLE and record_type not in TURTLE_TYPES:
        raise ExportUnavailable(
            f"OSLO Cultuurparticipatie beschrijft geen {record_type.path}: kies csv, jsonl of "
            f"parquet. / OSLO Cultuurparticipatie does not describe {record_type.path}: choose "
            "csv, jsonl or parquet."
        )
    flat = options.format in (ExportFormat.CSV, ExportFormat.PARQUET)
    records: Iterable[ExportedRecord] = exported_records(store, selection, options, related=flat)
    if on_record is not None:
        records = _counted(records, on_record)
    if options.format is ExportFormat.JSONL:
        return jsonl_chunks(records)
    if options.format is ExportFormat.TURTLE:
        return turtle_chunks(records, options.page_size)
    columns = columns_for(record_type)
    rows = (flat_row(record) for record in records)
    if options.format is ExportFormat.PARQUET:
        return parquet_chunks(rows, columns, options.row_group_size)
    return csv_chunks(rows, columns, options)


def _counted(
    records: Iterable[ExportedRecord], tick: Callable[[], None]
) -> Iterator[ExportedRecord]:
    for record in records:
        yield record
        tick()


def write_chunks(chunks: Iterable[bytes], out: IO[bytes]) -> int:
    """Write chunks to a binary file as they come; return the number of bytes written."""
    written = 0
    for chunk in chunks:
        out.write(chunk)
        written += len(chunk)
    return written


def parse_moment(text: str) -> datetime:
    """Read an ISO 8601 date or date-time; without an offset it is Brussels time."""
    moment = datetime.fromisoformat(text.strip())
    moment = moment if moment.tzinfo is not None else moment.replace(tzinfo=BRUSSELS)
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{text!r} ligt buiten het bereik / is out of range") from None
    return moment


def export_filename(record_type: RecordType, extension: str, day: date) -> str:
    """Return the download name of an export, such as ``cultuurhub-events-2026-11-24.csv``."""
    return f"cultuurhub-{record_type.path}-{day.isoformat()}.{extension}"


# --- CSV ------------------------------------------------------------------------------------


_CSV_CELLS: dict[ColumnKind, Callable[[Any], str | int | float]] = {
    ColumnKind.TEXT: lambda value: neutralise_cell(str(value)),
    ColumnKind.NUMBER: float,
    ColumnKind.INTEGER: int,
    ColumnKind.BOOLEAN: lambda value: "true" if value else "false",
    ColumnKind.MOMENT: lambda value: str(value.astimezone(BRUSSELS).isoformat()),
    ColumnKind.DATE: lambda value: str(value.isoformat()),
    ColumnKind.LIST: lambda value: neutralise_cell(LIST_SEPARATOR.join(value)),
}


def csv_cell(value: Any, kind: ColumnKind) -> str | int | float | None:
    """Return a typed value as it goes into a CSV cell: numbers as numbers, the rest as text.

    Moments are written in Brussels time with their offset, dates as ISO dates, lists joined
    with ``"; "``; text is neutralised (:func:`neutralise_cell`).
    """
    return None if value is None else _CSV_CELLS[kind](value)


def csv_chunks(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[ExportColumn],
    options: ExportOptions | None = None,
) -> Iterator[bytes]:
    """Yield a CSV file (UTF-8, a header row, text quoted) in chunks of about 64 kB."""
    options = options or ExportOptions()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=options.delimiter, quoting=csv.QUOTE_NONNUMERIC)
    if options.bom:
        buffer.write("\ufeff")
    writer.writerow([column.name for column in columns])
    cells = [(column.name, _CSV_CELLS[column.kind]) for column in columns]
    for row in rows:
        writer.writerow([None if (v := row.get(name)) is None else cell(v) for name, cell in cells])
        if buffer.tell() >= _CHUNK_CHARS:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


# --- JSON Lines -----------------------------------------------------------------------------


def jsonld_document(
    record_type: RecordType, record_id: UUID, document: Mapping[str, Any], base_url: str
) -> dict[str, Any]:
    """Return a stored document as the read API serves it: with the hub's @context and @id."""
    return {
        "@context": f"{base_url}/contexts/{record_type.value}.jsonld",
        "@id": f"{base_url}/{record_type.path}/{record_id}",
        **{key: value for key, value in document.items() if key not in {"@id", "@context"}},
    }


def jsonl_chunks(records: Iterable[ExportedRecord]) -> Iterator[bytes]:
    """Yield JSON Lines: the full JSON-LD document of every record, one per line."""
    lines: list[bytes] = []
    size = 0
    for record in records:
        row = record.row
        body = jsonld_document(RecordType(row.type), row.id, row.document, record.base_url)
        line = orjson.dumps(body) + b"\n"
        lines.append(line)
        size += len(line)
        if size >= _CHUNK_CHARS:
            yield b"".join(lines)
            lines, size = [], 0
    if lines:
        yield b"".join(lines)


# --- Turtle -------------------------------------------------------------------------------


def turtle_chunks(records: Iterable[ExportedRecord], batch_size: int = 1000) -> Iterator[bytes]:
    """Yield one Turtle document of the records' OSLO graphs, a batch of records at a time.

    The graphs are written by ``cultuurhub.formats.oslo_turtle_dump``; the prefixes come once,
    at the top.
    """
    header = _turtle([], "")
    yield header
    iterator = iter(records)
    while batch := list(islice(iterator, batch_size)):
        yield _turtle(batch, batch[0].base_url).removeprefix(header)


def _turtle(batch: Sequence[ExportedRecord], base_url: str) -> bytes:
    sink = io.BytesIO()
    oslo_turtle_dump(
        [
            OsloRecord(
                record.row.type, record.row.id, record.row.document,
                OsloProvenance(record.row.owner, record.row.version, record.row.created,
                               record.row.modified),
            )
            for record in batch
        ],
        sink,
        base_url,
    )  # fmt: skip
    return sink.getvalue()


# --- Parquet --------------------------------------------------------------------------------

_ARROW_TYPES = {
    ColumnKind.TEXT: pa.string(),
    ColumnKind.NUMBER: pa.float64(),
    ColumnKind.INTEGER: pa.int64(),
    ColumnKind.BOOLEAN: pa.bool_(),
    ColumnKind.MOMENT: pa.timestamp("us", tz="UTC"),
    ColumnKind.DATE: pa.date32(),
    ColumnKind.LIST: pa.list_(pa.string()),
}


def arrow_schema(columns: Sequence[ExportColumn]) -> Any:
    """Return the Arrow schema of a flat export: typed columns, each with its description."""
    return pa.schema(
        [
            pa.field(column.name, _ARROW_TYPES[column.kind], metadata={"description": column.help})
            for column in columns
        ]
    )


class _Drain:
    """A write-only sink that hands out what was written since it was last drained."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.position = 0
        self.closed = False

    def write(self, data: bytes | memoryview) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        """Nothing to flush: the parts wait for :meth:`drain`."""

    def close(self) -> None:
        self.closed = True

    def drain(self) -> bytes:
        data = b"".join(self.parts)
        self.parts = []
        return data


def parquet_chunks(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[ExportColumn], row_group_size: int
) -> Iterator[bytes]:
    """Yield a Parquet file written one row group at a time (zstd-compressed)."""
    schema = arrow_schema(columns)
    sink = _Drain()
    writer = pq.ParquetWriter(sink, schema, compression="zstd")
    try:
        group: list[Mapping[str, Any]] = []
        for row in rows:
            group.append(row)
            if len(group) >= row_group_size:
                writer.write_table(pa.Table.from_pylist(group, schema=schema))
                group = []
                yield sink.drain()
        if group:
            writer.write_table(pa.Table.from_pylist(group, schema=schema))
    finally:
        writer.close()
    yield sink.drain()
