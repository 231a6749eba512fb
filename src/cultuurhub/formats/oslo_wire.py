"""Read a stored wire document defensively and turn its values into RDF terms.

Stored documents passed the canonical model, but older versions and direct writers may hold
odd shapes; the OSLO mapping must never fail on them. A value of the wrong shape is left out,
so an incomplete record shows up as a SHACL violation rather than as a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


class TripleSink(Protocol):
    """Where the mapping puts its triples: an rdflib ``Graph`` or a plain list for dumps."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        """Add one triple."""


class Triples(list[tuple[Node, Node, Node]]):
    """Triples in the order they were made: a much cheaper sink than a ``Graph``."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        """Add one triple."""
        self.append(triple)
        return self


def fields(value: object) -> Mapping[str, Any]:
    """Return ``value`` when it is a JSON object, else an empty one."""
    return value if isinstance(value, Mapping) else {}


def objects(value: object) -> list[Mapping[str, Any]]:
    """Return the JSON objects in a list (anything else is skipped)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def strings(value: object) -> list[str]:
    """Return the non-blank strings of a list, or a one-element list for a single string."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def texts(value: object, main_language: str = "nl") -> list[Literal]:
    """Return a multilingual text ``{"nl": …, "fr": …}`` as language-tagged literals.

    A bare string (a legacy shape) is taken to be in the main language.
    """
    if isinstance(value, str):
        value = {main_language: value}
    return [
        Literal(text.strip(), lang=language)
        for language, text in fields(value).items()
        if isinstance(text, str) and text.strip() and _LANGUAGE.match(language)
    ]


def moment(value: object) -> Literal | None:
    """Return an ISO 8601 date-time as an ``xsd:dateTime`` literal, or None if it is not one."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    else:
        return None
    return Literal(parsed.isoformat(), datatype=XSD.dateTime)


def decimal(value: object) -> Literal | None:
    """Return a number as an ``xsd:decimal`` literal, or None if it is not a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return Literal(format(number, "f"), datatype=XSD.decimal)


def string(value: object) -> Literal | None:
    """Return a non-blank string (or a number, as text) as a plain (``xsd:string``) literal."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    return Literal(value.strip())


def iri(value: object) -> URIRef | None:
    """Return an absolute IRI, or None for anything that is not one."""
    if isinstance(value, str) and _ABSOLUTE_IRI.match(value.strip()):
        return URIRef(value.strip())
    return None


def reference(value: object, base_url: str, path: str) -> URIRef | None:
    """Return the record a reference points to: its ``@id`` IRI, or a bare UUID in the hub."""
    target = fields(value).get("@id") if isinstance(value, Mapping) else value
    if isinstance(target, str) and _UUID.match(target.strip()):
        return URIRef(f"{base_url}/{path}/{target.strip().lower()}")
    return iri(target)
