"""What every OSLO record carries: identifier and provenance, workflow status, labels, media.

The exchange platform's shapes ask every activity, location and organiser for an
``adms:Identifier`` (notation, who assigned it, the source, a structured local id) and for the
time the platform processed it (``platform:verwerktOp``). UiTdatabank's own RDF leaves the source
and processing time out; the hub knows both, so its output conforms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, SKOS, XSD

from cultuurhub.formats.oslo_vocabulary import (
    ADMS,
    GENERIEK,
    LABELTYPE,
    PLATFORM,
    SCHEMA,
    UDB,
    WORKFLOW_STATUSES,
    publiq_concept_iri,
)
from cultuurhub.formats.oslo_wire import TripleSink, fields, moment, objects, string, strings


@dataclass(frozen=True, slots=True)
class OsloProvenance:
    """What the store knows of a record beyond its document: owner, version and times.

    ``processed_at`` becomes ``platform:verwerktOp`` (the version's time in the hub);
    ``created`` is used when the document has no ``created`` of its own.
    """

    owner: UUID | None = None
    version: int | None = None
    created: datetime | None = None
    processed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RecordIdentity:
    """A record's place in the hub: its IRI, the hub, the collection path and the local id."""

    uri: URIRef
    base_url: str
    path: str
    local_id: str


def add_identifier(
    graph: TripleSink, identity: RecordIdentity, provenance: OsloProvenance
) -> BNode:
    """Add the record's ``adms:Identifier``: notation, assigned by the hub, source, local id."""
    node, structured = BNode(), BNode()
    graph.add((identity.uri, ADMS.identifier, node))
    graph.add((node, RDF.type, ADMS.Identifier))
    graph.add((node, SKOS.notation, Literal(str(identity.uri), datatype=XSD.anyURI)))
    graph.add((node, DCTERMS.creator, URIRef(identity.base_url)))
    graph.add((node, PLATFORM.bron, _source(identity.base_url, provenance.owner)))
    graph.add((node, GENERIEK.gestructureerdeIdentificator, structured))
    graph.add((structured, RDF.type, GENERIEK.GestructureerdeIdentificator))
    graph.add((structured, GENERIEK.naamruimte, Literal(f"{identity.base_url}/{identity.path}/")))
    graph.add((structured, GENERIEK.lokaleIdentificator, Literal(identity.local_id)))
    if provenance.version is not None:
        graph.add((structured, GENERIEK.versieIdentificator, Literal(str(provenance.version))))
    return node


def _source(base_url: str, owner: UUID | None) -> URIRef:
    """The source of a record: the organisation that owns it, else the hub itself."""
    return URIRef(f"{base_url}/organisations/{owner}" if owner else base_url)


def add_times(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any], provenance: OsloProvenance
) -> Literal:
    """Add ``dcterms:created``, ``dcterms:modified`` and ``platform:verwerktOp``; return the last.

    The processing time is the version's time in the hub; without one (a dump of bare
    documents) the document's own times stand in, and as a last resort the present moment.
    """
    created = moment(document.get("created")) or moment(provenance.created)
    modified = moment(document.get("modified")) or moment(provenance.processed_at)
    processed = moment(provenance.processed_at) or modified or created or _now()
    for predicate, value in (
        (DCTERMS.created, created),
        (DCTERMS.modified, modified),
        (PLATFORM.verwerktOp, processed),
    ):
        if value is not None:
            graph.add((subject, predicate, value))
    return processed


def _now() -> Literal:
    return Literal(datetime.now(UTC).isoformat(timespec="seconds"), datatype=XSD.dateTime)


def add_workflow(
    graph: TripleSink,
    subject: URIRef,
    document: Mapping[str, Any],
    processed: Literal,
    organizer: bool = False,
) -> None:
    """Add publiq's ``udb:workflowStatus`` and publication window; deleted means invalidated."""
    raw = document.get("workflowStatus")
    key = raw.replace("_", "").replace("-", "").lower() if isinstance(raw, str) else ""
    if organizer and key in ("approved", "active"):
        key = "active"  # UiTdatabank organisers are ACTIVE once published
    if key in WORKFLOW_STATUSES:
        status = publiq_concept_iri("workflowStatus", WORKFLOW_STATUSES[key])
        graph.add((subject, UDB.workflowStatus, status))
    if key == "deleted":
        graph.add((subject, PROV.invalidatedAtTime, processed))
    for predicate, field in (
        (UDB.availableFrom, "availableFrom"),
        (UDB.availableTo, "availableTo"),
    ):
        value = moment(document.get(field))
        if value is not None:
            graph.add((subject, predicate, value))


def add_labels(graph: TripleSink, subject: URIRef, document: Mapping[str, Any]) -> None:
    """Add labels as ``dcat:keyword``, typed public or hidden as publiq does."""
    for field, kind in (("labels", LABELTYPE.publiek), ("hiddenLabels", LABELTYPE.verborgen)):
        for label in strings(document.get(field)):
            graph.add((subject, DCAT.keyword, Literal(label, datatype=kind)))


def add_images(graph: TripleSink, subject: URIRef, images: object) -> None:
    """Add each image as a ``schema:ImageObject`` (address, copyright, description, language)."""
    for image in objects(images):
        url = string(image.get("contentUrl")) or string(image.get("@id"))
        if url is None:
            continue
        node = BNode()
        graph.add((subject, SCHEMA.image, node))
        graph.add((node, RDF.type, SCHEMA.ImageObject))
        graph.add((node, SCHEMA.url, url))
        _add_optional(graph, node, image, _IMAGE_FIELDS)


def add_videos(graph: TripleSink, subject: URIRef, videos: object) -> None:
    """Add each video as a ``schema:VideoObject``."""
    for video in objects(videos):
        url = string(video.get("url"))
        if url is None:
            continue
        node = BNode()
        graph.add((subject, SCHEMA.video, node))
        graph.add((node, RDF.type, SCHEMA.VideoObject))
        graph.add((node, SCHEMA.url, url))
        _add_optional(graph, node, video, _VIDEO_FIELDS)


_IMAGE_FIELDS = (
    ("id", SCHEMA.identifier),
    ("copyrightHolder", SCHEMA.copyrightHolder),
    ("description", SCHEMA.description),
    ("inLanguage", SCHEMA.inLanguage),
)
_VIDEO_FIELDS = (
    ("embedUrl", SCHEMA.embedUrl),
    ("copyrightHolder", SCHEMA.copyrightHolder),
    ("language", SCHEMA.inLanguage),
)


def _add_optional(
    graph: TripleSink, node: BNode, found: Mapping[str, Any], pairs: tuple[tuple[str, URIRef], ...]
) -> None:
    for field, predicate in pairs:
        value = string(fields(found).get(field))
        if value is not None:
            graph.add((node, predicate, value))
