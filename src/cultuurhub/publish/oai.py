"""The OAI-PMH 2.0 provider: heritage objects (``oai_dc``, ``edm``) and events (``oai_dc``).

:func:`answer_oai` takes a request's arguments and returns the response document; the HTTP
route only passes arguments in and bytes out. Lists are keyset pages over ``(modified, id)``
(``cultuurhub.store.listing``) with resumption tokens that carry their own position
(``oai_tokens``), so a harvest survives a restart of the hub. Deleted records stay listed as
deleted (``deletedRecord`` = persistent). Only records anyone may read are published.

Identifiers are the records' URIs (``{base_url}/objects/{id}``). Sets: ``type:objects``,
``type:events``, ``org:{organisation id}`` and ``org:{organisation id}:objects|events``.
See ``docs/oai-pmh.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from uuid import UUID

from lxml import etree
from sqlalchemy import Engine

from cultuurhub.access import Principal, private_reach
from cultuurhub.config import Settings
from cultuurhub.formats.dc_out import (
    OAI_DC,
    OAI_DC_SCHEMA,
    DcContext,
    event_to_oai_dc,
    object_to_oai_dc,
)
from cultuurhub.formats.edm_out import EdmContext, edm_element
from cultuurhub.model import RecordType
from cultuurhub.publish.oai_request import OaiError, OaiRequest, parse_request, parse_window
from cultuurhub.publish.oai_sets import (
    OAI_TYPES,
    TYPE_NAMES,
    no_records,
    parse_identifier,
    set_element,
    set_members,
    set_specs,
)
from cultuurhub.publish.oai_tokens import ListPosition, decode_token, encode_token, token_key
from cultuurhub.publish.oai_xml import datestamp, envelope, header, oai, record, resumption_token
from cultuurhub.store import (
    ListedRecord,
    ListingFilter,
    Store,
    count_listed,
    count_owner_sets,
    earliest_listed,
    id_from_uri,
    listed_owners,
    listing_page,
    organisation_names,
    record_names,
)

__all__ = ["OAI_FORMATS", "OAI_TYPES", "MetadataFormat", "OaiOptions", "answer_oai"]


@dataclass(frozen=True, slots=True)
class MetadataFormat:
    """A metadata format the provider disseminates, and for which record types."""

    prefix: str
    schema: str
    namespace: str
    types: tuple[str, ...]


OAI_FORMATS = {
    "oai_dc": MetadataFormat("oai_dc", OAI_DC_SCHEMA, OAI_DC, ("object", "event")),
    "edm": MetadataFormat(
        "edm",
        "http://www.europeana.eu/schemas/edm/EDM.xsd",
        "http://www.europeana.eu/schemas/edm/",
        ("object",),
    ),
}


@dataclass(frozen=True, slots=True)
class OaiOptions:
    """The provider's settings: public base URL, names, page size and the token key."""

    base_url: str
    repository_name: str
    admin_email: str
    page_size: int
    token_key: bytes
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)

    @property
    def endpoint(self) -> str:
        """The base URL of the OAI-PMH interface itself."""
        return f"{self.base_url}/oai"

    @classmethod
    def from_settings(cls, settings: Settings) -> OaiOptions:
        """Build the options from the hub's settings."""
        return cls(
            base_url=settings.base_url.rstrip("/"),
            repository_name=settings.oai_repository_name,
            admin_email=settings.oai_admin_email,
            page_size=max(1, settings.oai_page_size),
            token_key=token_key(settings.oai_token_secret, settings.base_url),
        )


def answer_oai(store: Store, arguments: Mapping[str, Sequence[str]], options: OaiOptions) -> bytes:
    """Answer one OAI-PMH request (its arguments as lists of values) with the XML response."""
    now = options.clock().astimezone(UTC)
    request: OaiRequest | None = None
    try:
        request = parse_request(arguments)
        body = _Provider(store, options, now).answer(request)
    except OaiError as error:
        # after badVerb or badArgument the request element names only the base URL
        echoed = request is not None and error.code not in _UNECHOED
        attributes = {"verb": request.verb, **request.arguments} if echoed and request else {}
        return envelope(now, options.endpoint, attributes, [_error(error)])
    return envelope(now, options.endpoint, {"verb": request.verb, **request.arguments}, body)


_UNECHOED = frozenset({"badVerb", "badArgument"})


def _error(error: OaiError) -> etree._Element:
    element = oai("error", error.message)
    element.set("code", error.code)
    return element


@dataclass(frozen=True, slots=True)
class _Selection:
    """What a list request asks for: the format and which records."""

    format: MetadataFormat
    where: ListingFilter


class _Provider:
    """Answers the six verbs over one store."""

    def __init__(self, store: Store, options: OaiOptions, now: datetime) -> None:
        self.store = store
        self.engine = store.reader
        self.options = options
        self.now = now
        # harvesters are anonymous: the provider publishes what anyone may read, nothing else
        self.public_only = private_reach(Principal()) == frozenset()

    def answer(self, request: OaiRequest) -> list[etree._Element]:
        """Dispatch to the verb."""
        verbs = {
            "Identify": self.identify,
            "ListMetadataFormats": self.list_metadata_formats,
            "ListSets": self.list_sets,
            "GetRecord": self.get_record,
            "ListIdentifiers": self.list_identifiers,
            "ListRecords": self.list_records,
        }
        return [verbs[request.verb](request)]

    # --- Identify, ListMetadataFormats ---------------------------------------------------

    def identify(self, _request: OaiRequest) -> etree._Element:
        """Name the repository, its base URL, earliest datestamp and how it keeps deletions."""
        types = tuple(t.value for t in OAI_TYPES)
        earliest = earliest_listed(self.engine, ListingFilter(types, public_only=self.public_only))
        element = oai("Identify")
        oai("repositoryName", self.options.repository_name, element)
        oai("baseURL", self.options.endpoint, element)
        oai("protocolVersion", "2.0", element)
        oai("adminEmail", self.options.admin_email, element)
        oai("earliestDatestamp", datestamp(earliest or self.now), element)
        oai("deletedRecord", "persistent", element)
        oai("granularity", "YYYY-MM-DDThh:mm:ssZ", element)
        return element

    def list_metadata_formats(self, request: OaiRequest) -> etree._Element:
        """The formats of the repository, or of one item."""
        formats = list(OAI_FORMATS.values())
        identifier = request.get("identifier")
        if identifier is not None:
            item = self._item(identifier)
            formats = [f for f in formats if item.type in f.types]
            if not formats:
                raise OaiError("noMetadataFormats", "Dit item heeft geen metadataformaten.",
                               "This item has no metadata formats.")  # fmt: skip
        element = oai("ListMetadataFormats")
        for found in formats:
            described = oai("metadataFormat", None, element)
            oai("metadataPrefix", found.prefix, described)
            oai("schema", found.schema, described)
            oai("metadataNamespace", found.namespace, described)
        return element

    # --- ListSets ---------------------------------------------------------------------------

    def list_sets(self, request: OaiRequest) -> etree._Element:
        """Sets per type, per organisation and per organisation and type, page by page."""
        where = self._everything()
        position = self._position(request, "ListSets")
        element = oai("ListSets")
        sent = 0
        if position.cursor == 0 and position.last_id is None:
            owners, pairs = count_owner_sets(self.engine, where)
            position = replace(position, total=len(OAI_TYPES) + owners + pairs)
            for record_type in OAI_TYPES:
                set_element(element, f"type:{record_type.path}", TYPE_NAMES[record_type])
                sent += 1
        page = listed_owners(self.engine, where, position.last_id, self.options.page_size + 1)
        more, page = len(page) > self.options.page_size, page[: self.options.page_size]
        for owner in page:
            set_element(element, f"org:{owner.owner}", owner.name)
            for kind in owner.types:
                record_type = RecordType(kind)
                set_element(element, f"org:{owner.owner}:{record_type.path}",
                     f"{owner.name}: {TYPE_NAMES[record_type]}")  # fmt: skip
            sent += 1 + len(owner.types)
        last = page[-1].owner if page else position.last_id
        self._finish(element, request, position, (last, None, sent), more)
        return element

    # --- GetRecord, ListIdentifiers, ListRecords ------------------------------------------

    def get_record(self, request: OaiRequest) -> etree._Element:
        """One record in one format."""
        item = self._item(str(request.get("identifier")))
        found = self._format(str(request.get("metadataPrefix")))
        if item.type not in found.types:
            raise OaiError("cannotDisseminateFormat",
                           f"Dit item is niet beschikbaar als {found.prefix}.",
                           f"This item is not available as {found.prefix}.")  # fmt: skip
        element = oai("GetRecord")
        element.append(self._record(item, found, _Names.of(self.engine, [item])))
        return element

    def list_identifiers(self, request: OaiRequest) -> etree._Element:
        """Headers of the records of a list, page by page."""
        return self._list(request, "ListIdentifiers", with_metadata=False)

    def list_records(self, request: OaiRequest) -> etree._Element:
        """Records of a list with their metadata, page by page."""
        return self._list(request, "ListRecords", with_metadata=True)

    def _list(self, request: OaiRequest, verb: str, with_metadata: bool) -> etree._Element:
        position = self._position(request, verb)
        selection = self._selection(position)
        if position.last_id is None:
            total = count_listed(self.engine, selection.where)
            if total == 0:
                raise no_records()
            position = replace(position, total=total)
        size = self.options.page_size
        rows = listing_page(self.engine, selection.where, position.after(), size + 1,
                            documents=with_metadata)  # fmt: skip
        if not rows:
            raise no_records()
        more, rows = len(rows) > size, rows[:size]
        names = _Names.of(self.engine, rows) if with_metadata else _Names({}, {})
        element = oai(verb)
        for row in rows:
            head = self._header(row)
            element.append(self._record(row, selection.format, names) if with_metadata else head)
        self._finish(element, request, position, (rows[-1].id, rows[-1].modified, len(rows)), more)
        return element

    def _finish(
        self,
        element: etree._Element,
        request: OaiRequest,
        position: ListPosition,
        last: tuple[UUID | None, datetime | None, int],
        more: bool,
    ) -> None:
        """Append the resumption token: the next position, or an empty one on the last page."""
        last_id, last_modified, sent = last
        complete = max(position.total, position.cursor + sent + (1 if more else 0))
        if more and last_id is not None:
            moved = replace(position.moved(last_id, last_modified, sent), total=complete)
            token, expires = encode_token(moved, self.options.token_key, self.now)
            element.append(resumption_token(token, expires, complete, position.cursor))
        elif request.get("resumptionToken") is not None:
            element.append(resumption_token("", None, complete, position.cursor))

    def _everything(self) -> ListingFilter:
        """Every published record, deleted ones included."""
        return ListingFilter(tuple(t.value for t in OAI_TYPES), public_only=self.public_only)

    def _position(self, request: OaiRequest, verb: str) -> ListPosition:
        token = request.get("resumptionToken")
        if token is not None:
            return decode_token(token, verb, self.options.token_key, self.now)
        return ListPosition(verb, request.get("metadataPrefix"), request.get("set"),
                            request.get("from"), request.get("until"))  # fmt: skip

    def _selection(self, position: ListPosition) -> _Selection:
        found = self._format(str(position.prefix))
        window = parse_window(position.since, position.until)
        types, owner = set_members(position.set_spec)
        kinds = tuple(kind for kind in found.types if kind in types)
        if not kinds:
            raise no_records()
        where = ListingFilter(kinds, owner, window.since, window.before, self.public_only)
        return _Selection(found, where)

    def _format(self, prefix: str) -> MetadataFormat:
        found = OAI_FORMATS.get(prefix)
        if found is None:
            raise OaiError("cannotDisseminateFormat",
                           "Dit metadataformaat kent de hub niet; zie ListMetadataFormats.",
                           "The hub does not know this metadata format; see "
                           "ListMetadataFormats.")  # fmt: skip
        return found

    def _item(self, identifier: str) -> ListedRecord:
        """The published record an identifier names, deleted ones included."""
        record_id, path = parse_identifier(identifier, self.options.base_url)
        stored = self.store.get(record_id) if record_id else None
        published = {t.path: t.value for t in OAI_TYPES}
        if (
            stored is None
            or published.get(path or "") != stored.type
            or (self.public_only and stored.visibility != "public")
        ):
            raise OaiError("idDoesNotExist", "Geen item met deze identifier.",
                           "No item has this identifier.")  # fmt: skip
        return ListedRecord(stored.id, stored.type, stored.owner, stored.modified,
                            stored.deleted, stored.document)  # fmt: skip

    def _header(self, row: ListedRecord) -> etree._Element:
        specs = set_specs(row.type, row.owner)
        return header(self._uri(row), row.modified, specs, row.deleted)

    def _uri(self, row: ListedRecord) -> str:
        return f"{self.options.base_url}/{RecordType(row.type).path}/{row.id}"

    def _record(self, row: ListedRecord, found: MetadataFormat, names: _Names) -> etree._Element:
        if row.deleted or row.document is None:
            return record(self._header(row), None)
        uri, publisher = self._uri(row), names.organisations.get(row.owner)
        if found.prefix == "edm":
            context = EdmContext(uri, self.options.repository_name, publisher)
            metadata = edm_element(row.document, context)
        elif row.type == RecordType.EVENT.value:
            metadata = event_to_oai_dc(row.document, DcContext(uri, names.records, publisher))
        else:
            metadata = object_to_oai_dc(row.document, DcContext(uri, {}, publisher))
        return record(self._header(row), metadata)


@dataclass(frozen=True, slots=True)
class _Names:
    """Names a page of records needs: owning organisations, and the records events refer to."""

    organisations: dict[UUID, str]
    records: dict[str, str]

    @classmethod
    def of(cls, engine: Engine, rows: Sequence[ListedRecord]) -> _Names:
        """Look up, in two queries, every name a page of records needs."""
        owners = organisation_names(engine, {row.owner for row in rows})
        references: dict[str, UUID] = {}
        for row in rows:
            if row.type != RecordType.EVENT.value or not row.document:
                continue
            for key in ("location", "organizer"):
                uri = (row.document.get(key) or {}).get("@id")
                if (found := id_from_uri(uri)) is not None:
                    references[str(uri)] = found
        named = record_names(engine, set(references.values()))
        return cls(owners, {uri: named[i] for uri, i in references.items() if i in named})
