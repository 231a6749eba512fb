"""The findings and summary of an import job: as JSON, filtered, and as CSV for Excel."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cultuurhub.formats import neutralise_cell
from cultuurhub.ingest.base import Finding, Severity
from cultuurhub.ingest.service import ImportReport

_LOCATED = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")
_FINDING_COLUMNS = ("severity", "file", "line", "xpath", "field", "record", "messageNl",
                    "messageEn")  # fmt: skip


def summarise(report: ImportReport, dry_run: bool) -> dict[str, Any]:
    """The summary of a job's import report, as the API shows it."""
    counts = {severity.value: 0 for severity in Severity}
    for finding in report.findings:
        counts[finding.severity.value] += 1
    return {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "deleted": report.deleted,
        "rejected": report.rejected,
        "accepted": len(report.scores),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "info": counts["info"],
        "averageScore": report.average_score,
        "findings": len(report.findings),
        "dryRun": dry_run,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    """A finding as JSON; ``file:line`` locations are split into file and line (row)."""
    file, line = finding.file, finding.line
    if line is None and file and (located := _LOCATED.match(file)):
        file, line = located["file"], int(located["line"])
    return {
        "severity": finding.severity.value,
        "messageNl": finding.message_nl,
        "messageEn": finding.message_en,
        "file": file,
        "line": line,
        "xpath": finding.xpath,
        "field": finding.field,
        "record": finding.record,
    }


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Which findings to show: severities (any when empty), a field, and a page."""

    severities: list[str] | None = None
    field: str | None = None
    limit: int | None = None
    offset: int = 0

    def apply(self, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Return the findings that pass the filter (all pages)."""
        wanted = {s for value in self.severities or () for s in value.split(",") if s}
        field = (self.field or "").strip().casefold()
        return [
            finding
            for finding in found
            if (not wanted or finding["severity"] in wanted)
            and (not field or field in _fields(finding))
        ]

    def page(self, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Return this filter's page of already filtered findings."""
        end = None if self.limit is None else self.offset + self.limit
        return found[self.offset : end]


def _fields(finding: dict[str, Any]) -> set[str]:
    # A quality finding names every rule it misses ("image,description"); others one field.
    return {part.strip().casefold() for part in str(finding.get("field") or "").split(",")}


def findings_csv(found: Iterable[dict[str, Any]]) -> bytes:
    """Write findings as CSV: semicolons and a BOM, so Excel on Belgian Windows opens it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(_FINDING_COLUMNS)
    for finding in found:
        writer.writerow([_cell(finding.get(column)) for column in _FINDING_COLUMNS])
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    # file names, headers, ids and the values quoted in messages come from the uploaded file
    return "" if value is None else neutralise_cell(value) if isinstance(value, str) else value


def kept_findings(report: ImportReport, most: int) -> list[dict[str, Any]]:
    """Return the findings to keep, errors and warnings first, at most ``most``."""
    # Errors and warnings first, so a cap on the number kept never drops them for info.
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    ranked = sorted(report.findings, key=lambda finding: order[finding.severity])
    return [finding_json(finding) for finding in ranked[:most]]
