"""OSLO Cultuurparticipatie RDF of events, places and organisers: graphs, Turtle, JSON-LD, dumps.

The stored wire document (UiTdatabank JSON-LD) maps to the classes and properties of the OSLO
application profile as publiq maps UiTdatabank for the exchange platform: events are
``cidoc:E7_Activity``, places ``dcterms:Location``, organisers ``cp:Organisator``. The SHACL
shapes in ``shared/data/oslo/cultuurparticipatie-shacl.ttl`` are the contract (see docs/rdf.md).

```python
graph = oslo_graph("event", event_id, document, "https://hub.example.be", provenance)
oslo_turtle(graph)                      # text/turtle
oslo_jsonld(graph, "https://hub.example.be/contexts/oslo.jsonld")   # a JSON-LD dict
```
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import IO, Any, NamedTuple
from uuid import UUID

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

from cultuurhub.formats.oslo_activity import OfferContext, add_event, add_prices, add_types
from cultuurhub.formats.oslo_jsonld import compact
from cultuurhub.formats.oslo_location import (
    add_address,
    add_contact_points,
    add_geometry,
    opening_hours,
)
from cultuurhub.formats.oslo_record import (
    OsloProvenance,
    RecordIdentity,
    add_identifier,
    add_images,
    add_labels,
    add_times,
    add_videos,
    add_workflow,
)
from cultuurhub.formats.oslo_turtle import TurtleNames, turtle_block
from cultuurhub.formats.oslo_vocabulary import (
    CIDOC,
    CP,
    LOCN,
    PREFIXES,
    SCHEMA,
    bind_prefixes,
)
from cultuurhub.formats.oslo_wire import Triples, TripleSink, moment, string, texts
from cultuurhub.model import RecordType

OSLO_CLASSES: dict[RecordType, URIRef] = {
    RecordType.EVENT: CIDOC.E7_Activity,
    RecordType.PLACE: DCTERMS.Location,
    RecordType.ORGANIZER: CP.Organisator,
}
"""The record types OSLO Cultuurparticipatie covers, with the class each one becomes."""


class OsloUnsupported(ValueError):
    """A record type that OSLO Cultuurparticipatie does not describe (heritage, agents...)."""


class OsloRecord(NamedTuple):
    """One stored record for :func:`oslo_turtle_dump`."""

    record_type: RecordType | str
    id: UUID
    document: Mapping[str, Any]
    provenance: OsloProvenance | None = None


def oslo_graph(
    record_type: RecordType | str,
    record_id: UUID | str,
    document: Mapping[str, Any],
    base_url: str,
    provenance: OsloProvenance | None = None,
) -> Graph:
    """Map a stored event, place or organiser document to its OSLO graph.

    The record's IRI is ``{base_url}/{events|places|organizers}/{id}``. Raise
    :class:`OsloUnsupported` for other record types.
    """
    graph = bind_prefixes(Graph(bind_namespaces="none"))
    _fill(graph, RecordType(record_type), str(record_id), document, base_url, provenance)
    return graph


def _fill(
    sink: TripleSink,
    kind: RecordType,
    record_id: str,
    document: Mapping[str, Any],
    base_url: str,
    provenance: OsloProvenance | None,
) -> URIRef:
    """Put the triples of one record into ``sink``; return the record's IRI."""
    if kind not in OSLO_CLASSES:
        raise OsloUnsupported(f"OSLO Cultuurparticipatie describes no {kind.value} records.")
    base = base_url.rstrip("/")
    provenance = provenance or OsloProvenance()
    subject = URIRef(f"{base}/{kind.path}/{record_id}")
    sink.add((subject, RDF.type, OSLO_CLASSES[kind]))
    add_identifier(sink, RecordIdentity(subject, base, kind.path, record_id), provenance)
    processed = add_times(sink, subject, document, provenance)
    add_workflow(sink, subject, document, processed, organizer=kind is RecordType.ORGANIZER)
    context = _context(document, base, provenance)
    _MAPPERS[kind](sink, subject, document, context)
    for description in texts(document.get("description"), context.main_language):
        sink.add((subject, DCTERMS.description, description))
    add_labels(sink, subject, document)
    add_videos(sink, subject, document.get("videos"))
    return subject


def _context(
    document: Mapping[str, Any], base_url: str, provenance: OsloProvenance
) -> OfferContext:
    language = document.get("mainLanguage")
    start = (
        moment(document.get("availableFrom"))
        or moment(document.get("created"))
        or moment(provenance.created)
    )
    return OfferContext(base_url, language if isinstance(language, str) else "nl", start)


def _event(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any], context: OfferContext
) -> None:
    for title in texts(document.get("name"), context.main_language):
        graph.add((subject, DCTERMS.title, title))
    add_event(graph, subject, document, context)
    add_contact_points(graph, subject, CP["Activiteit.contactinfo"], document.get("contactPoint"))
    add_images(graph, subject, document.get("mediaObject"))


def _place(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any], context: OfferContext
) -> None:
    for name in texts(document.get("name"), context.main_language):
        graph.add((subject, LOCN.locatorName, name))
    add_types(graph, subject, document.get("terms"), themes=False)
    add_address(graph, subject, document.get("address"), context.main_language)
    add_geometry(graph, subject, document.get("geo"))
    add_contact_points(graph, subject, SCHEMA.contactPoint, document.get("contactPoint"))
    for hours in opening_hours(graph, document.get("openingHours")):
        graph.add((subject, SCHEMA.openingHoursSpecification, hours))
    add_prices(graph, subject, SCHEMA.priceSpecification, document.get("priceInfo"), context)
    capacity = document.get("capacity")
    if isinstance(capacity, int) and not isinstance(capacity, bool) and capacity >= 0:
        capacity_literal = Literal(str(capacity), datatype=XSD.integer)
        graph.add((subject, SCHEMA.maximumAttendeeCapacity, capacity_literal))
    add_images(graph, subject, document.get("mediaObject"))


def _organizer(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any], context: OfferContext
) -> None:
    for name in texts(document.get("name"), context.main_language):
        graph.add((subject, CP["Realisator.naam"], name))
    homepage = string(document.get("url"))
    if homepage is not None:
        graph.add((subject, FOAF.homepage, homepage))
    add_address(graph, subject, document.get("address"), context.main_language)
    add_geometry(graph, subject, document.get("geo"))
    add_contact_points(graph, subject, SCHEMA.contactPoint, document.get("contactPoint"))
    add_images(graph, subject, document.get("images"))


_MAPPERS: dict[
    RecordType, Callable[[TripleSink, URIRef, Mapping[str, Any], OfferContext], None]
] = {
    RecordType.EVENT: _event,
    RecordType.PLACE: _place,
    RecordType.ORGANIZER: _organizer,
}


def oslo_turtle(graph: Graph) -> str:
    """Serialise an OSLO graph as Turtle: the record first, its parts nested inside it."""
    names = TurtleNames({prefix: str(namespace) for prefix, namespace in PREFIXES.items()})
    roots = [s for kind in OSLO_CLASSES.values() for s in graph.subjects(RDF.type, kind)]
    root = min((s for s in roots if isinstance(s, URIRef)), default=None, key=str)
    body = turtle_block(graph, root if root is not None else URIRef(""), names)
    return names.header(only_used=True) + body


def oslo_jsonld(graph: Graph, context_url: str) -> dict[str, Any]:
    """Serialise an OSLO graph as compact JSON-LD with the published context at ``context_url``."""
    return compact(graph, context_url)


def oslo_turtle_dump(
    records: Iterable[OsloRecord],
    out: IO[str] | IO[bytes],
    base_url: str,
    processed_at: datetime | None = None,
) -> int:
    """Write many records as one Turtle document, record by record; return how many.

    The prefixes are written once; each record's triples are made, written and dropped, so
    memory stays flat however many records there are. Records without a processing time of
    their own get ``processed_at`` (default: when the dump started). Raise
    :class:`OsloUnsupported` for a record type OSLO does not describe.
    """
    write = _writer(out)
    names = TurtleNames({prefix: str(namespace) for prefix, namespace in PREFIXES.items()})
    started = processed_at or datetime.now(UTC).replace(microsecond=0)
    write(names.header())
    count = 0
    for record in records:
        provenance = record.provenance or OsloProvenance()
        if provenance.processed_at is None:
            provenance = replace(provenance, processed_at=started)
        triples = Triples()
        kind = RecordType(record.record_type)
        root = _fill(triples, kind, str(record.id), record.document, base_url, provenance)
        write(turtle_block(triples, root, names))
        count += 1
    return count


def _writer(out: IO[str] | IO[bytes]) -> Callable[[str], object]:
    if isinstance(out, io.TextIOBase):
        return out.write
    return lambda text: out.write(text.encode("utf-8"))  # type: ignore[arg-type]
