"""Importer for schema.org JSON-LD: a JSON document, an array, ``@graph``, or HTML pages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Any

import orjson

from cultuurhub.formats.schema_org import map_event, map_organization, map_place, record_type
from cultuurhub.formats.schema_org_parts import as_text
from cultuurhub.formats.uitdatabank_wire import MappingProblem, status_of_dates
from cultuurhub.ingest.base import (
    Finding,
    Limits,
    Reader,
    Severity,
    SourceRecord,
    judged,
    too_many_records,
)
from cultuurhub.ingest.decoding import decode_text

_MAX_DEPTH = 8


class JsonLdReader(Reader):
    """Read schema.org Events, Places and Organizations from JSON-LD or from HTML pages."""

    name = "jsonld"

    def __init__(self, default_type: str | None = None) -> None:
        self.default_type = default_type

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield a record per schema.org node the hub knows and a finding per problem."""
        decoded = decode_text(data, filename, limits)
        yield from decoded.findings
        if decoded.text is None:
            return
        performances: dict[str, SourceRecord] = {}  # events, by source id, until the end
        for found in self._items(decoded.text, filename, limits):
            if isinstance(found, SourceRecord) and found.type == "event":
                earlier = performances.get(found.source_id)
                performances[found.source_id] = (
                    found if earlier is None else _together(earlier, found)
                )
            else:
                yield found
        yield from performances.values()  # also those read before a limit stopped the reading

    def _items(self, text: str, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        count = 0
        for item in _documents(text, filename):
            if isinstance(item, Finding):
                yield item
                continue
            line, document = item
            for node in _nodes(document, 0):
                count += 1
                if count > limits.max_records:
                    yield too_many_records(filename, limits)
                    return
                yield from self._node(node, f"{filename}:{line}", filename, line)

    def _node(
        self, node: dict[str, Any], location: str, filename: str, line: int
    ) -> Iterator[SourceRecord | Finding]:
        kind = record_type(node)
        if kind is None:
            return
        if kind == "event":
            document, problems = map_event(node, self.default_type)
        elif kind == "place":
            document, problems = map_place(node)
        else:
            document, problems = map_organization(node)
        source_id = _source_id(node)
        findings = [_finding(problem, filename, line, source_id) for problem in problems]
        yield from judged(findings, SourceRecord(kind, source_id, document, location))


def _together(first: SourceRecord, other: SourceRecord) -> SourceRecord:
    """One event of a page's performances: theatre sites give each performance as an Event of
    its own with the production's url; their dates (each with its status) become one event's
    dates, and the event is cancelled only when every date is."""
    document = dict(first.document)
    dates = {sub["startDate"]: sub for sub in first.document.get("subEvent") or []}
    for sub in other.document.get("subEvent") or []:
        dates.setdefault(sub["startDate"], sub)
    ordered = sorted(dates.values(), key=lambda sub: datetime.fromisoformat(sub["startDate"]))
    if len(ordered) < 2:
        return first
    document["subEvent"] = ordered
    document["calendarType"] = "multiple"
    document["startDate"], document["endDate"] = (
        ordered[0]["startDate"],
        max((sub["endDate"] for sub in ordered), key=datetime.fromisoformat),
    )
    status_of_dates(document)
    return replace(first, document=document)


def _documents(text: str, filename: str) -> Iterator[tuple[int, object] | Finding]:
    if text.lstrip()[:1] in ("{", "["):
        yield from _parse_json(text, filename, 1)
        return
    yield from _html_scripts(text, filename)


def _parse_json(text: str, filename: str, line: int) -> Iterator[tuple[int, object] | Finding]:
    try:
        yield line, orjson.loads(text)
    except orjson.JSONDecodeError as error:
        yield Finding(
            Severity.ERROR,
            f"Geen geldige JSON vanaf regel {line}: {error}.",
            f"Not valid JSON from line {line} on: {error}.",
            file=filename,
            line=line,
        )


def _html_scripts(text: str, filename: str) -> Iterator[tuple[int, object] | Finding]:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(text.encode("utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return
    found = False
    for script in root.iter("script"):
        kind = str(script.get("type", "")).strip().casefold()
        if kind == "application/ld+json" and script.text:
            found = True
            line = script.sourceline
            yield from _parse_json(script.text, filename, line if isinstance(line, int) else 1)
    if not found:
        yield _nothing(filename)


def _nodes(value: object, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item, depth + 1)
    elif isinstance(value, dict):
        if "@graph" in value:
            yield from _nodes(value["@graph"], depth + 1)
        elif "@type" in value:
            yield value


def _source_id(node: dict[str, Any]) -> str:
    explicit = as_text(node.get("@id")) or as_text(node.get("url"))
    if explicit:
        return explicit
    key = f"{as_text(node.get('name'))}\x1f{as_text(node.get('startDate'))}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _finding(problem: MappingProblem, filename: str, line: int, source_id: str) -> Finding:
    return Finding(
        Severity(problem.severity),
        f"{source_id}, {problem.field}: {problem.message_nl}",
        f"{source_id}, {problem.field}: {problem.message_en}",
        file=filename,
        line=line,
        field=problem.field,
        record=source_id,
    )


def _nothing(filename: str) -> Finding:
    return Finding(
        Severity.WARNING,
        'De pagina bevat geen <script type="application/ld+json">; er werd niets gelezen.',
        'The page holds no <script type="application/ld+json">; nothing was read.',
        file=filename,
    )
