"""Importers for spreadsheets: CSV (any delimiter, UTF-8 or cp1252) and Excel .xlsx."""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Iterator, Sequence

from cultuurhub.formats.tabular_mapping import TabularMapping
from cultuurhub.ingest.base import Finding, Limits, Reader, Severity, SourceRecord
from cultuurhub.ingest.decoding import decode_text
from cultuurhub.ingest.tabular_excel import read_workbook
from cultuurhub.ingest.tabular_rows import read_rows

_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 10


class CsvReader(Reader):
    """Read events, places, organizers or heritage objects from a CSV export."""

    name = "csv"

    def __init__(self, mapping: TabularMapping | None = None) -> None:
        self.mapping = mapping or TabularMapping()

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield a record per row (or per grouped event) and a finding per problem."""
        decoded = decode_text(data, filename, limits)
        yield from decoded.findings
        if decoded.text is None:
            return
        text, delimiter = decoded.text, sniff(decoded.text)
        # a cell is never longer than the file: past max_field_chars the row finds it too long
        csv.field_size_limit(max(csv.field_size_limit(), limits.max_bytes))

        def rows(findings: list[Finding]) -> Iterator[tuple[int, Sequence[object]]]:
            parsed = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            return _split_findings(_numbered(parsed, filename), findings)

        findings: list[Finding] = []
        # the rows once more, for counting the rows of each event (their findings: seen above)
        yield from read_rows(rows(findings), filename, self.mapping, limits, lambda: rows([]))
        yield from findings


class ExcelReader(Reader):
    """Read events, places, organizers or heritage objects from an Excel .xlsx workbook."""

    name = "xlsx"

    def __init__(self, mapping: TabularMapping | None = None) -> None:
        self.mapping = mapping or TabularMapping()

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield a record per row (or per grouped event) and a finding per problem."""
        rows = read_workbook(data, filename, self.mapping.sheet, limits)
        first = next(rows, None)
        if isinstance(first, Finding):
            yield from [first, *(item for item in rows if isinstance(item, Finding))]
            return
        findings: list[Finding] = []
        numbered = _split_findings(itertools.chain([first] if first else [], rows), findings)
        yield from read_rows(numbered, filename, self.mapping, limits)
        yield from findings


def sniff(text: str) -> str:
    """Return the delimiter of a CSV text: of ``; , tab |``, the one that splits the most of
    the first ten non-empty lines into the same number of cells (the table's rows, even below
    a title line such as ``Programma najaar 2026, CC De Werf``, and not the commas of a
    description); between equals, the one that gives more cells; ``;`` when none occurs."""
    # rows end at a line feed only (splitlines would also cut at form feeds and separators)
    lines = [line for line in text[:65_536].split("\n") if line.strip()][:_SNIFF_LINES]
    best, best_score = ";", (0, 0)
    for delimiter in _DELIMITERS:
        counts = Counter(line.count(delimiter) for line in lines)
        counts.pop(0, None)
        if counts:
            cells, rows = max(counts.items(), key=lambda item: (item[1], item[0]))
            if (rows, cells) > best_score:
                best, best_score = delimiter, (rows, cells)
    return best


def _numbered(
    rows: Iterator[list[str]], filename: str
) -> Iterator[tuple[int, Sequence[object]] | Finding]:
    number = 0
    try:
        for number, row in enumerate(rows, start=1):
            yield number, row
    except csv.Error as error:
        yield _broken_csv(filename, number + 1, str(error))


def _split_findings(
    rows: Iterator[tuple[int, Sequence[object]] | Finding], findings: list[Finding]
) -> Iterator[tuple[int, Sequence[object]]]:
    for item in rows:
        if isinstance(item, Finding):
            findings.append(item)
        else:
            yield item


def _broken_csv(filename: str, line: int, detail: str) -> Finding:
    return Finding(
        Severity.ERROR,
        f"Het CSV-bestand is vanaf rij {line} niet leesbaar ({detail}); de rest werd overgeslagen.",
        f"The CSV file cannot be read from row {line} on ({detail}); the rest was skipped.",
        file=filename,
        line=line,
    )
