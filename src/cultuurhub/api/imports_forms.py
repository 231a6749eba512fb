"""Reading request bodies of uploads and HTML forms, with the standard library and a limit.

``urllib.parse`` reads url-encoded forms and the ``email`` package's MIME parser reads
``multipart/form-data``, as PEP 594 recommends for the retired ``cgi`` module; the body is read
in chunks and refused as soon as it passes the limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qsl

from fastapi import Request

_TRUE = {"1", "true", "yes", "on", "ja"}


class BodyTooLarge(Exception):
    """A request body past the upload limit."""


class FormError(ValueError):
    """A form body that cannot be read."""


@dataclass(frozen=True, slots=True)
class FormFile:
    """An uploaded file: its name as the browser gave it, and its bytes."""

    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Form:
    """The fields of a submitted form (the first value of each name) and its files."""

    fields: dict[str, str]
    files: dict[str, FormFile]

    def flag(self, *names: str) -> bool:
        """Return whether a checkbox-like field (``true``, ``on``, ``1``) is set."""
        return any(self.fields.get(name, "").strip().lower() in _TRUE for name in names)

    def text(self, *names: str) -> str | None:
        """Return the first non-empty value of these names, stripped."""
        for name in names:
            value = self.fields.get(name, "").strip()
            if value:
                return value
        return None


async def read_body(request: Request, max_bytes: int) -> bytes:
    """Read a request body, refusing it as soon as it passes ``max_bytes``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def parse_form(body: bytes, content_type: str) -> Form:
    """Read an ``application/x-www-form-urlencoded`` or ``multipart/form-data`` body."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        try:
            pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError as error:
            raise FormError(str(error)) from None
        return Form(_first(pairs), {})
    if kind != "multipart/form-data":
        raise FormError(f"unsupported content type {content_type}")
    try:
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("ascii")
    except UnicodeEncodeError as error:
        raise FormError(str(error)) from None
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise FormError("not a multipart body")
    fields: list[tuple[str, str]] = []
    files: dict[str, FormFile] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        filename = part.get_filename()
        if filename is not None:
            files.setdefault(name, FormFile(filename, payload))
        else:
            fields.append((name, payload.decode("utf-8", errors="replace")))
    return Form(_first(fields), files)


def _first(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in pairs:
        found.setdefault(name, value)
    return found
