"""The XML of OAI-PMH responses: the envelope, headers, records and resumption tokens."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from lxml import etree

__all__ = [
    "OAI",
    "OAI_SCHEMA",
    "datestamp",
    "envelope",
    "header",
    "oai",
    "record",
    "resumption_token",
]

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def oai(tag: str, text: str | None = None, parent: etree._Element | None = None) -> etree._Element:
    """Make an element in the OAI-PMH namespace, under ``parent`` when given."""
    name = f"{{{OAI}}}{tag}"
    element = etree.Element(name) if parent is None else etree.SubElement(parent, name)
    if text is not None:
        element.text = text
    return element


def datestamp(moment: datetime) -> str:
    """A datestamp at seconds granularity in UTC: ``2026-11-24T19:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    now: datetime,
    endpoint: str,
    arguments: Mapping[str, str],
    body: Iterable[etree._Element],
) -> bytes:
    """Wrap a verb's answer (or errors) in ``OAI-PMH`` with the response date and request."""
    namespaces: Any = {None: OAI, "xsi": _XSI}  # lxml-stubs do not allow the default (None)
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap=namespaces)
    root.set(f"{{{_XSI}}}schemaLocation", f"{OAI} {OAI_SCHEMA}")
    oai("responseDate", datestamp(now), root)
    request = oai("request", endpoint, root)
    for name, value in arguments.items():
        request.set(name, value)
    root.extend(body)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def header(
    identifier: str, modified: datetime, set_specs: Iterable[str], deleted: bool
) -> etree._Element:
    """A record header; a deleted record's carries ``status="deleted"``."""
    element = oai("header")
    if deleted:
        element.set("status", "deleted")
    oai("identifier", identifier, element)
    oai("datestamp", datestamp(modified), element)
    for spec in set_specs:
        oai("setSpec", spec, element)
    return element


def record(head: etree._Element, metadata: etree._Element | None) -> etree._Element:
    """A record: its header and, unless it is deleted, its metadata."""
    element = oai("record")
    element.append(head)
    if metadata is not None:
        oai("metadata", None, element).append(metadata)
    return element


def resumption_token(
    token: str, expires: datetime | None, complete_size: int, cursor: int
) -> etree._Element:
    """A resumption token with its expiry, complete list size and cursor; empty at the end."""
    element = oai("resumptionToken", token or None)
    if expires is not None:
        element.set("expirationDate", datestamp(expires))
    element.set("completeListSize", str(max(complete_size, 1)))
    element.set("cursor", str(cursor))
    return element
