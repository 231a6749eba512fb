"""Importers for spreadsheets: CSV (any delimiter, UTF-8 or cp1252) and Excel .xlsx."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator, Sequence

from cultuurhub.formats.tabular_mapping import TabularMapping
from cultuurhub.ingest.base import Finding, Limits, Reader, Severity, SourceRecord
from cultuurhub.ingest.decoding import decode_text
from cultuurhub.ingest.tabular_excel import read_workbook
from cultuurhub.ingest.tabular_rows import read_rows

_DELIMITERS = (";", ",", "\t", "|")


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
    """Return the delimiter of a CSV text: the most frequent of ``; , tab |`` in its first line."""
    first_line = next((line for line in text[:65_536].splitlines() if line.strip()), "")
    counts = {delimiter: first_line.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ";"


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
