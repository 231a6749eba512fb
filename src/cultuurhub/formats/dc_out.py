"""Heritage objects and events as simple Dublin Core (``oai_dc``), for OAI-PMH harvesters.

``oai_dc`` is the one format every OAI-PMH harvester reads. It is flat and lossy by design: a
title per language, who made or publishes it, dates, places, rights, identifiers and types. The
rich shapes stay in EDM (objects) and JSON-LD (everything).

An event refers to its place and organiser by URI; the caller resolves those to names
(:class:`DcContext` ``names``) because a crosswalk does no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

__all__ = [
    "DC_ELEMENTS",
    "OAI_DC",
    "OAI_DC_SCHEMA",
    "DcContext",
    "event_to_oai_dc",
    "object_to_oai_dc",
]

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DC_ELEMENTS = (
    "title", "creator", "subject", "description", "publisher", "contributor", "date", "type",
    "format", "identifier", "source", "language", "relation", "coverage", "rights",
)  # fmt: skip
"""The fifteen elements ``oai_dc`` allows, in the order this module writes them."""


@dataclass(frozen=True, slots=True)
class DcContext:
    """The record's URI, names of the records it refers to, and who publishes it.

    ``names`` maps a referenced record's URI (an event's ``location`` or ``organizer``
    ``@id``) to its name; ``publisher`` is the owning organisation, used when the record
    names no holder or organiser itself.
    """

    uri: str
    names: Mapping[str, str] = field(default_factory=dict)
    publisher: str | None = None


class _Dc:
    """Collects ``(element, text, language)`` and writes them in the order of DC_ELEMENTS."""

    def __init__(self, main_language: str) -> None:
        self.main = main_language
        self.values: dict[str, list[tuple[str, str | None]]] = {name: [] for name in DC_ELEMENTS}

    def add(self, name: str, text: object, language: str | None = None) -> None:
        value = str(text).strip() if text is not None else ""
        if value and (value, language) not in self.values[name]:
            self.values[name].append((value, language))

    def texts(self, name: str, text: Mapping[str, str] | None) -> None:
        values = dict(text or {})
        for language in sorted(values, key=lambda code: code != self.main):
            self.add(name, values[language], language)

    def labels(self, name: str, concepts: Iterable[Mapping[str, Any]] | None) -> None:
        for concept in concepts or []:
            labels = concept.get("prefLabel") or {}
            label = labels.get(self.main) or next(iter(labels.values()), None)
            self.add(name, label, self.main if self.main in labels else None)

    def element(self) -> etree._Element:
        root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": _XSI})
        root.set(f"{{{_XSI}}}schemaLocation", f"{OAI_DC} {OAI_DC_SCHEMA}")
        for name in DC_ELEMENTS:
            for text, language in self.values[name]:
                child = etree.SubElement(root, f"{{{DC}}}{name}")
                child.text = text
                if language:
                    child.set(_XML_LANG, language)
        return root


def object_to_oai_dc(document: Mapping[str, Any], context: DcContext) -> etree._Element:
    """Map a heritage object document to an ``oai_dc:dc`` element."""
    dc = _Dc(str(document.get("mainLanguage") or "nl"))
    dc.texts("title", document.get("title"))
    for creator in document.get("creators") or []:
        dc.add("creator", (creator.get("agent") or {}).get("name"))
    dc.labels("subject", document.get("subjects"))
    dc.texts("description", document.get("description"))
    dc.add("publisher", (document.get("holder") or {}).get("name") or context.publisher)
    date = document.get("productionDate") or {}
    dc.add("date", date.get("edtf"))
    dc.add("type", "PhysicalObject")
    dc.labels("type", document.get("objectType"))
    dc.labels("format", document.get("materials"))
    for dimension in document.get("dimensions") or []:
        dc.add("format", f"{dimension['type']}: {dimension['value']:g} {dimension['unit']}")
    dc.add("identifier", context.uri)
    dc.add("identifier", document.get("objectNumber"))
    dc.add("language", dc.main)
    for resource in document.get("webResources") or []:
        dc.add("relation", resource.get("url"))
    for place in document.get("places") or []:
        dc.add("coverage", place.get("name"))
    dc.add("rights", document.get("rights"))
    return dc.element()


def event_to_oai_dc(document: Mapping[str, Any], context: DcContext) -> etree._Element:
    """Map an event document (UiTdatabank shape) to an ``oai_dc:dc`` element."""
    dc = _Dc(str(document.get("mainLanguage") or "nl"))
    dc.texts("title", document.get("name"))
    terms = document.get("terms") or []
    for term in terms:
        if term.get("domain") == "theme":
            dc.add("subject", term.get("label"), dc.main)
    dc.texts("description", document.get("description"))
    dc.add("publisher", _name(document.get("organizer"), context, dc.main) or context.publisher)
    for start, end in _periods(document):
        dc.add("date", f"{start}/{end}" if end and end != start else start)
    dc.add("type", "Event")
    for term in terms:
        if term.get("domain") == "eventtype":
            dc.add("type", term.get("label"), dc.main)
    dc.add("identifier", context.uri)
    for language in document.get("languages") or [dc.main]:
        dc.add("language", language)
    dc.add("coverage", _place(document.get("location"), context, dc.main))
    for media in document.get("mediaObject") or []:
        if media.get("copyrightHolder"):
            dc.add("rights", f"© {media['copyrightHolder']}")
    return dc.element()


def _periods(document: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    """The event's dates: each sub-event, else its overall start and end (at most 50)."""
    spans = [(s.get("startDate"), s.get("endDate")) for s in document.get("subEvent") or []]
    if not spans and document.get("startDate"):
        spans = [(document["startDate"], document.get("endDate"))]
    return [(str(start), str(end) if end else None) for start, end in spans[:50] if start]


def _name(reference: Mapping[str, Any] | None, context: DcContext, main: str) -> str | None:
    """The name of an embedded or referenced record, in the main language if it has one."""
    if not reference:
        return None
    names = reference.get("name")
    if isinstance(names, Mapping) and names:
        return str(names.get(main) or next(iter(names.values())))
    return context.names.get(str(reference.get("@id") or ""))


def _place(location: Mapping[str, Any] | None, context: DcContext, main: str) -> str | None:
    """Place name and town of an event's location: ``CC De Schakel, Waregem``."""
    name = _name(location, context, main)
    if not name or not location:
        return name
    address = location.get("address") or {}
    local: object = address.get(main) or next(iter(address.values()), None) if address else None
    town = local.get("addressLocality") if isinstance(local, Mapping) else None
    return f"{name}, {town}" if town and town not in name else name
