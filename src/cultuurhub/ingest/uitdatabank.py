"""Importer for UiTdatabank JSON-LD: read-model documents and Entry API payloads, one or many."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Iterator
from typing import Any

import ijson
import orjson

from cultuurhub.formats.uitdatabank import detect_type, normalise
from cultuurhub.ingest.base import Finding, Limits, Reader, Severity, SourceRecord, too_many_records
from cultuurhub.ingest.decoding import decode_text, has_byte_order_mark

_WRAPPERS = ("examples", "member", "hydra:member", "items")


#: A JSON array at least this large is read one document at a time (ijson), so that memory
#: holds one document of it instead of the whole file parsed: orjson, which parses twice as
#: fast and so reads smaller files, holds about sixteen times the file at its peak (a 64 MB
#: file: about 1 GB), ijson a few kilobytes. A streamed import is 8–14 % slower.
STREAM_FROM = 64 * 1024 * 1024
_ARRAY_START = re.compile(rb"\s*\[")


class UitdatabankReader(Reader):
    """Read UiTdatabank events, places and organizers from JSON, a JSON array or JSON Lines."""

    name = "uitdatabank"

    def __init__(self, stream_from: int = STREAM_FROM) -> None:
        self.stream_from = stream_from

    def read(self, data: bytes, filename: str, limits: Limits) -> Iterator[SourceRecord | Finding]:
        """Yield a record per document (legacy shapes rewritten) and a finding per problem."""
        if self.stream_from <= len(data) <= limits.max_bytes and _utf8_array(data):
            documents: Iterator[tuple[int, object] | Finding] = _array_items(data, filename)
        elif (whole := _utf8_json(data, limits)) is not None:
            documents = ((1, d) for d in _unwrap(whole))
        else:
            decoded = decode_text(data, filename, limits)
            yield from decoded.findings
            if decoded.text is None:
                return
            documents = _documents(decoded.text, filename)
        for count, item in enumerate(documents, start=1):
            if count > limits.max_records:
                yield too_many_records(filename, limits, ("documenten", "documents"))
                return
            if isinstance(item, Finding):
                yield item
                continue
            found = _record(item[1], f"{filename}:{item[0]}", filename, item[0])
            if isinstance(found, SourceRecord) and found.deleted:
                yield _deleted(found, filename, item[0])
            yield found


def _utf8_json(data: bytes, limits: Limits) -> object | None:
    """The parsed file when it is one JSON document in UTF-8 without a byte order mark (the
    usual case), parsed from the bytes without decoding them to text first; else None, and
    the file goes the long way (encodings, JSON Lines, findings)."""
    if len(data) > limits.max_bytes or has_byte_order_mark(data):
        return None
    try:
        parsed: object = orjson.loads(data)
    except orjson.JSONDecodeError:  # also for bytes that are not UTF-8
        return None
    return parsed


def _utf8_array(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 without a byte order mark and starts a JSON array."""
    if has_byte_order_mark(data) or _ARRAY_START.match(data) is None:
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:  # a megabyte at a time: no text copy of the whole file beside it
        for start in range(0, len(data), 1 << 20):
            decoder.decode(view[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _array_items(data: bytes, filename: str) -> Iterator[tuple[int, object] | Finding]:
    """The documents of a JSON array, parsed one at a time; where the JSON breaks, a finding."""
    try:
        for document in ijson.items(io.BytesIO(data), "item", use_float=True):
            yield 1, document
    except ijson.JSONError as error:
        yield Finding(
            Severity.ERROR,
            f"Het bestand is vanaf een bepaald punt geen geldige JSON meer ({error}); "
            "wat ervoor stond werd gelezen.",
            f"The file stops being valid JSON at some point ({error}); what came before was read.",
            file=filename,
        )


def _documents(text: str, filename: str) -> Iterator[tuple[int, object] | Finding]:
    try:
        whole = orjson.loads(text)
    except orjson.JSONDecodeError:
        yield from _json_lines(text, filename)
        return
    for document in _unwrap(whole):
        yield 1, document


def _unwrap(value: object) -> list[object]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in _WRAPPERS:
            inner = value.get(key)
            if isinstance(inner, list) and "@id" not in value and "name" not in value:
                return inner
    return [value]


def _json_lines(text: str, filename: str) -> Iterator[tuple[int, object] | Finding]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, orjson.loads(line)
        except orjson.JSONDecodeError as error:
            yield Finding(
                Severity.ERROR,
                f"Regel {number} is geen geldige JSON ({error}).",
                f"Line {number} is not valid JSON ({error}).",
                file=filename,
                line=number,
                refused=True,
            )


def _record(document: object, location: str, filename: str, line: int) -> SourceRecord | Finding:
    if not isinstance(document, dict) or not document.get("name"):
        return Finding(
            Severity.ERROR,
            "Dit is geen UiTdatabank-document: een object met een naam werd verwacht.",
            "This is not a UiTdatabank document: an object with a name was expected.",
            file=filename,
            line=line,
            refused=True,
        )
    kind = detect_type(document)
    if str(document.get("workflowStatus", "")).upper() == "DELETED":
        # UiTdatabank keeps a deleted offer with this status: here it deletes the record
        return SourceRecord(kind, _source_id(document), {}, location, deleted=True)
    normalised = normalise(document, kind)
    return SourceRecord(kind, _source_id(document), normalised, location)


def _deleted(record: SourceRecord, filename: str, line: int) -> Finding:
    return Finding(
        Severity.WARNING,
        "Dit document heeft workflowStatus DELETED: het werd als verwijderd gelezen (een record "
        "dat er al was, wordt verwijderd; er wordt geen nieuw gemaakt).",
        "This document has workflowStatus DELETED: it was read as deleted (a record that was "
        "already here is deleted; no new one is made).",
        file=filename,
        line=line,
        field="workflowStatus",
        record=record.source_id,
    )


def _source_id(document: dict[str, Any]) -> str:
    uri = document.get("@id")
    if isinstance(uri, str) and uri:
        return uri
    canonical = orjson.dumps(document, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(canonical).hexdigest()[:24]
