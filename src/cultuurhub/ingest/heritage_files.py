"""Readers for heritage files: a LIDO file (``lido:lidoWrap`` with many records) and EDM RDF/XML.

Both read through the hardened XML parser of ``cultuurhub.formats.xml_safety`` and map through
the crosswalks in ``cultuurhub.formats``; they never raise on bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cultuurhub.formats.dublin_core import MappedRecord
from cultuurhub.formats.edm import map_edm
from cultuurhub.formats.lido import LIDO_RECORD, map_lido
from cultuurhub.formats.xml_safety import XmlError, iter_elements, parse_xml
from cultuurhub.ingest.base import (
    Finding,
    Limits,
    Reader,
    Severity,
    SourceRecord,
    judged,
    too_many_records,
)

__all__ = ["EdmReader", "LidoReader", "bound_document", "mapped_to_items", "xml_error_finding"]


class LidoReader(Reader):
    """Read a LIDO file: one ``lido:lido`` or a ``lido:lidoWrap`` of many, LIDO 1.0 or 1.1."""

    name = "lido"

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield a heritage object per ``lido:lido`` record, with findings."""
        records = (map_lido(e) for e in iter_elements(data, LIDO_RECORD, limits.max_bytes))
        yield from _read(records, filename, limits, "lido:lido")


class EdmReader(Reader):
    """Read EDM RDF/XML: every ``edm:ProvidedCHO`` with its aggregation and entities."""

    name = "edm"

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield a heritage object per ``edm:ProvidedCHO``, with findings."""

        def records() -> Iterator[MappedRecord]:
            yield from map_edm(parse_xml(data, limits.max_bytes))

        yield from _read(records(), filename, limits, "edm:ProvidedCHO")


def _read(
    records: Iterator[MappedRecord], filename: str, limits: Limits, what: str
) -> Iterator[SourceRecord | Finding]:
    count = 0
    try:
        for record in records:
            if count >= limits.max_records:
                yield too_many_records(filename, limits)
                return
            count += 1
            yield from mapped_to_items(record, filename, limits)
    except XmlError as error:
        yield xml_error_finding(error, filename)
        return
    if count == 0:
        yield _nothing_found(filename, what)


def mapped_to_items(
    record: MappedRecord, filename: str, limits: Limits, source_id: str | None = None
) -> Iterator[SourceRecord | Finding]:
    """Turn a crosswalk result into findings and, unless one is an error, a source record."""
    record_id = source_id or record.source_id
    findings = [
        Finding(
            Severity(note.severity),
            note.message_nl,
            note.message_en,
            file=filename,
            xpath=note.xpath or record.xpath,
            field=note.field,
            record=record_id,
        )
        for note in record.notes
    ]
    document, bounded = bound_document(record.document, limits)
    findings += [
        Finding(Severity.WARNING, nl, en, file=filename, xpath=record.xpath, record=record_id)
        for nl, en in bounded
    ]
    location = f"{filename}:{record.xpath}"
    found = SourceRecord("object", record_id, document, location) if record_id else None
    yield from judged(findings, found)


def bound_document(
    document: dict[str, Any], limits: Limits
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """Cut texts over ``max_field_chars`` and lists over ``max_occurrences``; say what was cut."""
    problems: list[tuple[str, str]] = []

    def visit(value: Any, key: str) -> Any:
        if isinstance(value, str) and len(value) > limits.max_field_chars:
            problems.append(_cut_text(key, len(value), limits))
            return value[: limits.max_field_chars]
        if isinstance(value, list) and len(value) > limits.max_occurrences:
            problems.append(_cut_list(key, len(value), limits))
            value = value[: limits.max_occurrences]
        return _walk(value, key, visit)

    return visit(document, ""), problems


def _walk(value: Any, key: str, visit: Callable[[Any, str], Any]) -> Any:
    if isinstance(value, dict):
        return {k: visit(v, k if not key else f"{key}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [visit(item, key) for item in value]
    return value


def _cut_text(key: str, size: int, limits: Limits) -> tuple[str, str]:
    cap = limits.max_field_chars
    return (
        f"Veld {key} telt {size:,} tekens; ingekort tot {cap:,}.",
        f"Field {key} holds {size:,} characters; cut to {cap:,}.",
    )


def _cut_list(key: str, size: int, limits: Limits) -> tuple[str, str]:
    cap = limits.max_occurrences
    return (
        f"Veld {key} komt {size:,} keer voor; enkel de eerste {cap:,} werden bewaard.",
        f"Field {key} occurs {size:,} times; only the first {cap:,} were kept.",
    )


def xml_error_finding(error: XmlError, filename: str) -> Finding:
    """Explain XML that could not be read (unsafe or malformed) as an error finding."""
    return Finding(
        Severity.ERROR,
        f"Het XML-bestand kan niet gelezen worden: {error}",
        f"The XML file cannot be read: {error}",
        file=filename,
        line=error.line,
    )


def _nothing_found(filename: str, what: str) -> Finding:
    return Finding(
        Severity.ERROR,
        f"Geen enkel {what}-record gevonden in het bestand.",
        f"No {what} record found in the file.",
        file=filename,
    )
