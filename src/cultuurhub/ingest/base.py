"""The importer contract: a reader turns outside bytes into source records and findings.

A reader never raises on bad input. It yields, in order, a :class:`SourceRecord` for every record
it could map and a :class:`Finding` for everything wrong or doubtful, each saying where (file,
line or XPath, field) and what (a sentence in Dutch and English a museum employee understands).
One bad record never stops the rest. Readers do not validate against the canonical model and do
not write to the store: the import service does both, so every source goes through one path.

Example::

    class TsvReader(Reader):
        name = "tsv"

        def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[...]:
            for line_no, line in enumerate(data.decode().splitlines(), start=1):
                ...
                yield SourceRecord("event", source_id=cols[0], document={...},
                                   location=f"{filename}:{line_no}")
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How bad a finding is: an error rejects the record, a warning keeps it, info only tells
    (such as a record's quality score and what to add to gain points)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something wrong or doubtful in the input, with where it is and what to do."""

    severity: Severity
    message_nl: str
    message_en: str
    file: str | None = None
    line: int | None = None
    xpath: str | None = None
    field: str | None = None
    record: str | None = None
    #: This finding stands for a record the reader left out: the import counts it once among
    #: the rejected records, however many errors that record had (see :func:`left_out`).
    refused: bool = False


def judged(findings: list[Finding], record: SourceRecord | None) -> list[SourceRecord | Finding]:
    """A record's findings, then the record itself unless one of them is an error (then the
    findings of a record left out, see :func:`left_out`)."""
    if record is None or any(finding.severity is Severity.ERROR for finding in findings):
        return [*left_out(findings)]
    return [*findings, record]


def left_out(findings: list[Finding]) -> list[Finding]:
    """The findings of a record left out, its first error marked ``refused``: the import's
    summary counts the record once among the rejected, as it counts the records the model
    refuses, however many errors it had."""
    for index, finding in enumerate(findings):
        if finding.severity is Severity.ERROR:
            return [*findings[:index], replace(finding, refused=True), *findings[index + 1 :]]
    return findings


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One record read from outside, in the hub's JSON wire shape, not yet validated.

    ``columns`` (wire path → the column it came from, shared by a sheet's records) lets a
    problem the model finds name the spreadsheet column, as the reader's own findings do.
    """

    type: str
    source_id: str
    document: dict[str, Any]
    location: str
    deleted: bool = False
    columns: Mapping[str, str] | None = None


def column_of(columns: Mapping[str, str], path: str) -> str | None:
    """The column a wire path (``location.address.nl.postalCode``, ``priceInfo[1].price``)
    came from: that of its longest known beginning."""
    while path:
        if path in columns:
            return columns[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one import may hold; past them the reader stops with a finding."""

    max_bytes: int = 200 * 1024 * 1024
    max_records: int = 1_000_000
    max_field_chars: int = 100_000
    max_occurrences: int = 1_000


class Reader(ABC):
    """Base of every importer: turn bytes from one outside format into records and findings."""

    name: str = ""

    @abstractmethod
    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield the records of ``data`` and the findings about it, never raising on bad input."""


def too_many_records(
    filename: str, limits: Limits, nouns: tuple[str, str] = ("records", "records")
) -> Finding:
    """The finding for a file that holds more records than ``limits`` allow (nouns: nl, en)."""
    cap = limits.max_records
    return Finding(
        Severity.ERROR,
        f"Het bestand bevat meer dan {cap:,} {nouns[0]}; de rest werd niet gelezen.",
        f"The file holds more than {cap:,} {nouns[1]}; the rest was not read.",
        file=filename,
    )
