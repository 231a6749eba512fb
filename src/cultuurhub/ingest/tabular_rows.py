"""Turn the rows of one sheet (CSV or Excel) into source records and findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from cultuurhub.formats.tabular import MappedRow, Row, RowOptions, cell_text, infer_record_type
from cultuurhub.formats.tabular_events import (
    GROUP_KEY_FIELDS,
    EventGrouper,
    finish_event,
    group_key,
    map_event_row,
)
from cultuurhub.formats.tabular_headers import (
    HEADER_SYNONYMS,
    map_headers,
    unused_headers,
    wire_columns,
)
from cultuurhub.formats.tabular_heritage import map_object_row
from cultuurhub.formats.tabular_mapping import TabularMapping
from cultuurhub.formats.tabular_places import map_organizer_row, map_place_row
from cultuurhub.formats.uitdatabank_wire import MappingProblem
from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord, left_out

Cells = Sequence[object]
RowMapper = Callable[[Row, RowOptions], MappedRow]

_MAPPERS: dict[str, RowMapper] = {
    "event": map_event_row,
    "place": map_place_row,
    "organizer": map_organizer_row,
    "object": map_object_row,
}
_HEADER_SCAN_ROWS = 10


@dataclass(frozen=True, slots=True)
class Sheet:
    """The header and the columns the hub understood, for naming columns in findings."""

    filename: str
    headers: tuple[str, ...]
    columns: dict[int, str]
    header_of: dict[str, str]


def read_rows(
    numbered_rows: Iterable[tuple[int, Cells]],
    filename: str,
    mapping: TabularMapping,
    limits: Limits,
    rows_again: Callable[[], Iterable[tuple[int, Cells]]] | None = None,
) -> Iterator[SourceRecord | Finding]:
    """Find the header row, map every row after it, and yield records and findings.

    Rows of one event on several dates are grouped into one record, which can only be given
    once its last row is read. With ``rows_again`` (the same rows once more, cheap for a CSV
    text in memory) a first pass counts the rows of each event, and every event is given as
    soon as its last row is read, so checking and storing start while the file is still
    being read; without it (Excel), every event is given at the end of the file.
    """
    rows = iter(numbered_rows)
    sheet = _find_header(rows, filename, mapping)
    if isinstance(sheet, Finding):
        yield sheet
        return
    fields = set(sheet.columns.values()) | set(mapping.constants)
    record_type = mapping.record_type or infer_record_type(fields, filename)
    unused = unused_headers(sheet.headers, sheet.columns, mapping.columns)
    if unused:
        yield _unused(filename, unused, record_type)
    options = RowOptions(mapping.zone, mapping.date_order == "month-first")
    mapped = _map_rows(rows, sheet, _MAPPERS[record_type], mapping, limits, options)
    columns = wire_columns(sheet.header_of)
    if record_type == "event" and mapping.group_dates:
        sizes = None if rows_again is None else _group_sizes(rows_again(), sheet, mapping, limits)
        yield from _grouped(mapped, filename, sizes, columns)
    else:
        yield from _ungrouped(mapped, filename, columns)


def _find_header(
    rows: Iterator[tuple[int, Cells]], filename: str, mapping: TabularMapping
) -> Sheet | Finding:
    """Take the first of the first ten non-empty rows that has a recognised header."""
    first: tuple[str, ...] = ()
    scanned = 0
    for _, cells in rows:
        headers = tuple(cell_text(cell) for cell in cells)
        if not any(headers):
            continue
        first = first or headers
        columns = map_headers(headers, mapping.columns)
        if columns:
            header_of = {field: headers[index] for index, field in columns.items()}
            return Sheet(filename, headers, columns, header_of)
        scanned += 1
        if scanned >= _HEADER_SCAN_ROWS:
            break
    return _no_header(filename, first)


_RECORD_NAMES = {
    "event": ("activiteiten", "events"),
    "place": ("locaties", "places"),
    "organizer": ("organisaties", "organisations"),
    "object": ("erfgoedobjecten", "heritage objects"),
}


def _unused(filename: str, headers: list[str], record_type: str) -> Finding:
    shown = ", ".join(f"'{header}'" for header in headers)[:500]
    nl, en = _RECORD_NAMES[record_type]
    return Finding(
        Severity.WARNING,
        f"Deze kolommen werden niet gelezen: {shown}. Het blad werd gelezen als {nl}. Geef ze "
        "een naam uit de handleiding, of zet ze in een mappingbestand (of op 'ignore').",
        f"These columns were not read: {shown}. The sheet was read as {en}. Give them a name "
        "from the manual, or put them in a mapping file (or set them to 'ignore').",
        file=filename,
        line=1,
    )


def _no_header(filename: str, headers: tuple[str, ...]) -> Finding:
    shown = ", ".join(f"'{header}'" for header in headers if header)[:300] or "(geen / none)"
    return Finding(
        Severity.ERROR,
        f"Geen enkele kolom werd herkend ({shown}). Gebruik kolomnamen als titel, datum, "
        "locatie, of voeg een mappingbestand toe.",
        f"No column was recognised ({shown}). Use headers such as title, date, location, "
        "or add a mapping file.",
        file=filename,
        line=1,
    )


def _map_rows(
    rows: Iterator[tuple[int, Cells]],
    sheet: Sheet,
    mapper: RowMapper,
    mapping: TabularMapping,
    limits: Limits,
    options: RowOptions,
) -> Iterator[tuple[int, MappedRow] | Finding]:
    count = 0
    for number, cells in rows:
        row = _row(cells, sheet, mapping.constants, limits)
        if row is None:
            continue
        count += 1
        if count > limits.max_records:
            yield _too_many(sheet.filename, number, limits)
            return
        mapped = mapper(row.values, options)
        findings = [_finding(problem, sheet, number) for problem in row.problems + mapped.problems]
        yield from left_out(findings) if mapped.rejected else findings
        yield number, mapped  # a rejected row too: grouping counts it


@dataclass(slots=True)
class _RawRow:
    values: dict[str, object]
    problems: list[MappingProblem]


def _row(cells: Cells, sheet: Sheet, constants: dict[str, str], limits: Limits) -> _RawRow | None:
    """The row's values by field, or None for a blank row."""
    values: dict[str, object] = {}
    problems: list[MappingProblem] = []
    for index, field in sheet.columns.items():
        cell = cells[index] if index < len(cells) else None
        if cell is None or cell == "":
            continue
        if isinstance(cell, str) and len(cell) > limits.max_field_chars:
            problems.append(_too_long(field, cell, limits))
            continue
        values[field] = cell
    if not values and not any(cell not in (None, "") for cell in cells):
        return None
    for field, constant in constants.items():
        values.setdefault(field, constant)
    return _RawRow(values, problems)


def _group_sizes(
    rows: Iterable[tuple[int, Cells]], sheet: Sheet, mapping: TabularMapping, limits: Limits
) -> Counter[str]:
    """How many rows each event has: the rows :func:`_map_rows` maps, keyed as it keys them
    (the same header, the same blank rows skipped, the same limit on their number)."""
    numbered = iter(rows)
    _find_header(numbered, sheet.filename, mapping)
    keys = {index: field for index, field in sheet.columns.items() if field in GROUP_KEY_FIELDS}
    only_keys = Sheet(sheet.filename, sheet.headers, keys, sheet.header_of)
    sizes: Counter[str] = Counter()
    count = 0
    for _, cells in numbered:
        row = _row(cells, only_keys, mapping.constants, limits)  # blank or not: all cells count
        if row is None:
            continue
        count += 1
        if count > limits.max_records:
            break
        sizes[group_key(row.values)] += 1
    return sizes


def _grouped(
    mapped: Iterator[tuple[int, MappedRow] | Finding],
    filename: str,
    sizes: Counter[str] | None,
    columns: dict[str, str],
) -> Iterator[SourceRecord | Finding]:
    """Rows grouped into events; an event as soon as the last of its ``sizes`` rows is read
    (every event at the end without ``sizes``, or for one its count missed)."""
    grouper = EventGrouper()
    for item in mapped:
        if isinstance(item, Finding):
            yield item
            continue
        number, row = item
        if not row.rejected:
            grouper.add(row, number)
        if sizes is not None:
            sizes[row.group_key] -= 1
            if sizes[row.group_key] == 0:
                event = grouper.pop(row.group_key)
                if event is not None:
                    yield _event_record(filename, columns, *event)
    for event in grouper.events():
        yield _event_record(filename, columns, *event)


def _event_record(
    filename: str, columns: dict[str, str], line: int, source_id: str, document: dict[str, object]
) -> SourceRecord:
    return SourceRecord("event", source_id, document, f"{filename}:{line}", columns=columns)


def _ungrouped(
    mapped: Iterator[tuple[int, MappedRow] | Finding], filename: str, columns: dict[str, str]
) -> Iterator[SourceRecord | Finding]:
    for item in mapped:
        if isinstance(item, Finding):
            yield item
            continue
        number, row = item
        if row.rejected:
            continue
        document = finish_event(row) if row.type == "event" else row.document
        location = f"{filename}:{number}"
        yield SourceRecord(row.type, row.source_id, document, location, columns=columns)


def _finding(problem: MappingProblem, sheet: Sheet, number: int) -> Finding:
    header = sheet.header_of.get(problem.field)
    dutch = HEADER_SYNONYMS.get(problem.field, (problem.field,))[0]
    where_nl = f"kolom '{header}'" if header else f"veld '{dutch}'"
    where_en = f"column '{header}'" if header else f"field '{problem.field}'"
    return Finding(
        Severity(problem.severity),
        f"Rij {number}, {where_nl}: {problem.message_nl}",
        f"Row {number}, {where_en}: {problem.message_en}",
        file=sheet.filename,
        line=number,
        field=header or problem.field,
    )


def _too_long(field: str, cell: str, limits: Limits) -> MappingProblem:
    cap = limits.max_field_chars
    return MappingProblem(
        field,
        cell[:40],
        f"de waarde is te lang ({len(cell)} tekens; maximum {cap}); weggelaten.",
        f"the value is too long ({len(cell)} characters; limit {cap}); left out.",
        "warning",
    )


def _too_many(filename: str, number: int, limits: Limits) -> Finding:
    cap = limits.max_records
    return Finding(
        Severity.ERROR,
        f"Het bestand heeft meer dan {cap} rijen; de rest vanaf rij {number} werd niet gelezen.",
        f"The file has more than {cap} rows; the rest from row {number} on was not read.",
        file=filename,
        line=number,
    )
