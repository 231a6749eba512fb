"""Content negotiation for records: which representation a client gets, and how it is rendered.

``RENDERERS`` is the table of representations, keyed by (record type, media type), in the order
of the server's preference (the first of a type is its default). A client chooses with ``Accept``
(q-values and the ``profile`` parameter count) or, from a browser, with ``?format=``.

Adding a representation is one entry, for instance EDM RDF/XML for heritage objects::

    RENDERERS[(RecordType.OBJECT, "application/rdf+xml")] = Representation(
        media_type="application/rdf+xml", format="edm", tag="edm", render=render_edm,
        description="The object as EDM RDF/XML (Europeana).", example="<rdf:RDF …/>",
    )

where ``render_edm(view: RecordView) -> bytes``. ETags, ``Vary: Accept``, 406 answers and the
OpenAPI documentation of the routes follow from the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from typing import Any
from urllib.request import parse_http_list
from uuid import UUID

import orjson
from fastapi import APIRouter, Response

from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.formats import (
    OSLO_CONTEXT,
    OSLO_PROFILE,
    EdmContext,
    OsloProvenance,
    edm_bytes,
    oslo_graph,
    oslo_jsonld,
    oslo_turtle,
)
from cultuurhub.model import RecordType

JSONLD = "application/ld+json"
TURTLE = "text/turtle"
RDF_XML = "application/rdf+xml"
OSLO_JSONLD = f'{JSONLD};profile="{OSLO_PROFILE}"'
# JSON-LD's own profiles name document forms; the default JSON-LD is compacted.
_JSONLD_FORMS = frozenset({"http://www.w3.org/ns/json-ld#compacted"})
_MEDIA_TYPE = re.compile(r"^[\w.+*-]+/[\w.+*-]+$")


def record_uri(record_type: RecordType, record_id: UUID) -> str:
    """Return a record's URI: ``{base_url}/{type path}/{id}``."""
    return f"{get_settings().base_url}/{record_type.path}/{record_id}"


def jsonld(record_type: RecordType, record_id: UUID, document: Mapping[str, Any]) -> bytes:
    """Serialise a stored document as JSON-LD with the hub's @id and @context."""
    body = {
        "@context": f"{get_settings().base_url}/contexts/{record_type.value}.jsonld",
        "@id": record_uri(record_type, record_id),
        **{key: value for key, value in document.items() if key not in {"@id", "@context"}},
    }
    return orjson.dumps(body)


def jsonld_text(record_type: RecordType, record_id: UUID, document_json: str) -> bytes:
    """Like :func:`jsonld`, but splice @context and @id into stored JSON text without parsing.

    The store keeps no top-level @id or @context (``store.writes.content_hash``) and writes
    documents with sorted keys, so one that has either starts with it: only such a document,
    stored before that rule, is parsed and rebuilt.
    """
    if document_json.startswith(('{"@context"', '{"@id"')):
        return jsonld(record_type, record_id, orjson.loads(document_json))
    head = orjson.dumps(
        {
            "@context": f"{get_settings().base_url}/contexts/{record_type.value}.jsonld",
            "@id": record_uri(record_type, record_id),
        }
    )
    rest = document_json.strip()
    if rest == "{}":
        return head
    return head[:-1] + b"," + rest[1:].encode()


@dataclass(frozen=True, slots=True)
class RecordView:
    """One version of a record as the renderers see it.

    The document comes as stored JSON text (current records, cheap to splice) or as a dict
    (versions); ``created`` and ``modified`` are the store's times of the record and version.
    """

    record_type: RecordType
    id: UUID
    version: int
    owner: UUID
    document_json: str | None = None
    document: Mapping[str, Any] | None = None
    created: datetime | None = None
    modified: datetime | None = None

    def parsed(self) -> Mapping[str, Any]:
        """Return the document as a dict."""
        if self.document is not None:
            return self.document
        loaded = orjson.loads(self.document_json or "{}")
        return loaded if isinstance(loaded, dict) else {}


@dataclass(frozen=True, slots=True)
class Representation:
    """One way to show a record: media type, ``?format=`` name, ETag tag and renderer.

    ``tag`` tells the ETags of representations apart ("" for the default JSON-LD, so its ETag
    stays ``W/"{id}-{version}"``). ``from_text`` says the renderer needs only the stored JSON
    text, so the route can skip parsing; ``shows_deletions`` that it can render a tombstone.
    """

    media_type: str
    format: str
    tag: str
    render: Callable[[RecordView], bytes]
    profile: str | None = None
    charset: str | None = None
    from_text: bool = False
    shows_deletions: bool = False
    description: str = ""
    example: Any = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """Return the media type as the table keys it (with its profile, if any)."""
        return f'{self.media_type};profile="{self.profile}"' if self.profile else self.media_type

    @property
    def content_type(self) -> str:
        """Return the Content-Type header value of this representation."""
        parameters = [f'profile="{self.profile}"'] if self.profile else []
        parameters += [f"charset={self.charset}"] if self.charset else []
        return "; ".join([self.media_type, *parameters])

    def etag(self, record_id: UUID, version: int) -> str:
        """Return the weak ETag of one version of a record in this representation."""
        suffix = f"-{self.tag}" if self.tag else ""
        return f'W/"{record_id}-{version}{suffix}"'


def render_jsonld(view: RecordView) -> bytes:
    """Render the hub's JSON-LD (the UiTdatabank-compatible wire shape)."""
    if view.document is None and view.document_json is not None:
        return jsonld_text(view.record_type, view.id, view.document_json)
    return jsonld(view.record_type, view.id, view.parsed())


def _oslo_graph_of(view: RecordView) -> Any:
    provenance = OsloProvenance(view.owner, view.version, view.created, view.modified)
    base_url = get_settings().base_url
    return oslo_graph(view.record_type, view.id, view.parsed(), base_url, provenance)


def render_oslo_turtle(view: RecordView) -> bytes:
    """Render OSLO Cultuurparticipatie RDF as Turtle."""
    return oslo_turtle(_oslo_graph_of(view)).encode("utf-8")


def render_oslo_jsonld(view: RecordView) -> bytes:
    """Render OSLO Cultuurparticipatie RDF as JSON-LD with the published OSLO context."""
    context_url = f"{get_settings().base_url}/contexts/oslo.jsonld"
    return orjson.dumps(oslo_jsonld(_oslo_graph_of(view), context_url))


def _default(record_type: RecordType) -> Representation:
    wire = "UiTdatabank-compatible" if record_type in _OSLO_TYPES else "the hub's"
    return Representation(
        JSONLD,
        "jsonld",
        "",
        render_jsonld,
        from_text=True,
        shows_deletions=True,
        description=f"The record as JSON-LD in {wire} wire shape (default).",
    )


def _oslo(record_type: RecordType) -> list[Representation]:
    turtle = Representation(
        TURTLE,
        "turtle",
        "oslo-ttl",
        render_oslo_turtle,
        charset="utf-8",
        description="OSLO Cultuurparticipatie RDF as Turtle.",
    )
    oslo = Representation(
        JSONLD,
        "oslo-jsonld",
        "oslo-jsonld",
        render_oslo_jsonld,
        profile=OSLO_PROFILE,
        description="OSLO Cultuurparticipatie RDF as JSON-LD (context /contexts/oslo.jsonld).",
    )
    return [turtle, oslo]


_OSLO_TYPES = (RecordType.EVENT, RecordType.PLACE, RecordType.ORGANIZER)

RENDERERS: dict[tuple[RecordType, str], Representation] = {}
for _type in RecordType:
    for _representation in [_default(_type), *(_oslo(_type) if _type in _OSLO_TYPES else [])]:
        RENDERERS[(_type, _representation.key)] = _representation


def render_edm(view: RecordView) -> bytes:
    """Render a heritage object as EDM RDF/XML (Europeana Data Model; see docs/oai-pmh.md)."""
    uri = record_uri(view.record_type, view.id)
    return edm_bytes(view.parsed(), EdmContext(uri, get_settings().oai_repository_name))


RENDERERS[(RecordType.OBJECT, RDF_XML)] = Representation(
    RDF_XML, "edm", "edm", render_edm, description="The object as EDM RDF/XML (Europeana)."
)


def representations(record_type: RecordType) -> list[Representation]:
    """Return the representations of a record type, the default first."""
    return [value for (kind, _), value in RENDERERS.items() if kind is record_type]


class NotAcceptable(Exception):
    """No representation of this record type matches what the client asked for."""

    def __init__(self, record_type: RecordType) -> None:
        super().__init__(record_type.value)
        self.record_type = record_type


@dataclass(frozen=True, slots=True)
class MediaRange:
    """One entry of an Accept header: ``type/subtype``, its profiles and its quality."""

    media_type: str
    profiles: frozenset[str]
    quality: float

    def specificity(self, representation: Representation) -> int | None:
        """Return how precisely this range names ``representation`` (None: not at all)."""
        kind, _, subtype = self.media_type.partition("/")
        wanted_kind, _, wanted_subtype = representation.media_type.partition("/")
        # application/json also names JSON-LD (its +json suffix, RFC 6839)
        suffixed = subtype == "json" and wanted_subtype.endswith("+json")
        if kind not in ("*", wanted_kind):
            return None
        if subtype not in ("*", wanted_subtype) and not suffixed:
            return None
        if self.profiles:
            if representation.profile in self.profiles:
                return 3
            if representation.profile is None and self.profiles <= _JSONLD_FORMS:
                return 3
            return None
        return 0 if kind == "*" else 1 if subtype == "*" else 2


def parse_accept(accept: str | None) -> list[MediaRange]:
    """Parse an Accept header (RFC 9110); malformed entries are left out."""
    ranges = []
    for item in parse_http_list(accept or ""):
        header = Message()
        header["content-type"] = item
        params = header.get_params() or []
        media_type = params[0][0].strip().lower() if params else ""
        if not _MEDIA_TYPE.match(media_type):
            continue
        values = {str(name).lower(): str(value) for name, value in params[1:]}
        quality = _quality(values.get("q", "1"))
        if quality is None:
            continue
        profiles = frozenset(values.get("profile", "").split())
        ranges.append(MediaRange(media_type, profiles, quality))
    return ranges


def _quality(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


def negotiate(
    record_type: RecordType, accept: str | None, format_name: str | None = None
) -> Representation:
    """Pick the representation for a request; raise :class:`NotAcceptable` if none fits.

    ``?format=`` wins over ``Accept``. Without a usable Accept header the default is served.
    Among acceptable representations the highest quality wins, then the server's order.
    """
    available = representations(record_type)
    if format_name is not None:
        for representation in available:
            if representation.format == format_name:
                return representation
        raise NotAcceptable(record_type)
    ranges = parse_accept(accept) or [MediaRange("*/*", frozenset(), 1.0)]
    best: tuple[float, Representation] | None = None
    for representation in available:
        quality = _quality_of(representation, ranges)
        if quality > 0 and (best is None or quality > best[0]):
            best = (quality, representation)
    if best is None:
        raise NotAcceptable(record_type)
    return best[1]


def _quality_of(representation: Representation, ranges: list[MediaRange]) -> float:
    """The quality of the most specific range that matches (RFC 9110, section 12.5.1)."""
    matches = [
        (specificity, media_range.quality)
        for media_range in ranges
        if (specificity := media_range.specificity(representation)) is not None
    ]
    return max(matches)[1] if matches else 0.0


def not_acceptable(record_type: RecordType) -> Response:
    """Answer 406 with the representations this record type does have."""
    offered = [{"mediaType": r.key, "format": r.format} for r in representations(record_type)]
    names = ", ".join(r.key for r in representations(record_type))
    response = problem(
        406,
        "Not Acceptable",
        f"Deze voorstelling is niet beschikbaar; wel: {names}. / "
        f"This representation is not available; these are: {names}.",
        available=offered,
    )
    response.headers["Vary"] = "Accept"
    return response


def if_none_match(header: str | None, etag: str) -> bool:
    """Tell whether an If-None-Match header matches ``etag`` (weak comparison, ``*``)."""
    if not header:
        return False
    wanted = etag.removeprefix("W/")
    for candidate in parse_http_list(header):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


def caching_headers(etag: str, public: bool, max_age: int) -> dict[str, str]:
    """Return ETag, Cache-Control and Vary for one representation of a record."""
    scope = "public" if public else "private"
    return {"ETag": etag, "Cache-Control": f"{scope}, max-age={max_age}", "Vary": "Accept"}


# --- the published OSLO context -------------------------------------------------------------

context_router = APIRouter(tags=["schemas"])


@context_router.get(
    "/contexts/oslo.jsonld",
    summary="JSON-LD context of the OSLO Cultuurparticipatie output",
    response_class=Response,
    responses={200: {"content": {JSONLD: {}}, "description": "The OSLO JSON-LD context."}},
)
async def oslo_context() -> Response:
    """Serve the context that OSLO JSON-LD records point to."""
    headers = {"Cache-Control": "public, max-age=86400"}
    return Response(orjson.dumps(OSLO_CONTEXT), media_type=JSONLD, headers=headers)
