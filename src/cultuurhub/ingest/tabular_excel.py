"""Open an Excel .xlsx safely: check the zip before openpyxl sees it, cap rows and columns."""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Iterator, Sequence

from cultuurhub.ingest.base import Finding, Limits, Severity

MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 10_000
MAX_COLUMNS = 200


def check_zip(data: bytes, filename: str, limits: Limits) -> Finding | None:
    """Return a finding when ``data`` is not a zip, or could be a zip bomb; None when it is safe."""
    if len(data) > limits.max_bytes:
        return _refuse(filename, "te groot", "too large")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return _refuse(filename, "geen geldig .xlsx-bestand", "not a valid .xlsx file")
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries)
    if len(entries) > MAX_ENTRIES or unpacked > min(MAX_UNCOMPRESSED, limits.max_bytes * 10):
        return _refuse(filename, "uitgepakt te groot", "too large once unpacked")
    if unpacked > 1_048_576 and unpacked > MAX_RATIO * max(packed, 1):
        return _refuse(filename, "verdacht sterk gecomprimeerd", "suspiciously highly compressed")
    return None


def read_workbook(
    data: bytes, filename: str, sheet: str | None, limits: Limits
) -> Iterator[tuple[int, Sequence[object]] | Finding]:
    """Yield ``(row number, cells)`` of one sheet, or findings when the workbook is unsafe."""
    refused = check_zip(data, filename, limits)
    if refused is not None:
        yield refused
        return
    try:
        yield from _rows(data, filename, sheet, limits)
    except Exception as error:  # openpyxl raises many types on damaged files
        yield _refuse(filename, f"beschadigd ({type(error).__name__})", "damaged")


def _rows(
    data: bytes, filename: str, sheet: str | None, limits: Limits
) -> Iterator[tuple[int, Sequence[object]] | Finding]:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if sheet is not None and sheet not in workbook.sheetnames:
                yield _no_sheet(filename, sheet, workbook.sheetnames)
                return
            worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
            rows = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            for number, cells in enumerate(rows, start=1):
                if number > limits.max_records + 10:
                    break
                yield number, cells
        finally:
            workbook.close()


def _refuse(filename: str, why_nl: str, why_en: str) -> Finding:
    return Finding(
        Severity.ERROR,
        f"Het Excel-bestand werd niet geopend: {why_nl}.",
        f"The Excel file was not opened: {why_en}.",
        file=filename,
    )


def _no_sheet(filename: str, sheet: str, names: list[str]) -> Finding:
    shown = ", ".join(names)
    return Finding(
        Severity.ERROR,
        f"Het werkblad '{sheet}' bestaat niet; er zijn: {shown}.",
        f"The sheet '{sheet}' does not exist; there are: {shown}.",
        file=filename,
    )
