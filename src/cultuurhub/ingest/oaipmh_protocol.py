"""Reading OAI-PMH 2.0 responses: errors, resumption tokens, records, Identify, formats, sets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from cultuurhub.formats.dublin_core import MappedRecord, Notes, clean_text, map_oai_dc
from cultuurhub.formats.edm import map_edm
from cultuurhub.formats.lido import LIDO_RECORD, map_lido

OAI = "http://www.openarchives.org/OAI/2.0/"
NS = {"oai": OAI}
CROSSWALK_PREFIXES = ("oai_dc", "lido", "edm")

__all__ = [
    "CROSSWALK_PREFIXES",
    "MetadataFormat",
    "OaiRecord",
    "OaiSet",
    "RepositoryInfo",
    "map_metadata",
    "oai_errors",
    "read_formats",
    "read_identify",
    "read_records",
    "read_sets",
    "response_date",
    "resumption",
]


@dataclass(frozen=True, slots=True)
class RepositoryInfo:
    """What a repository says about itself in its Identify response."""

    repository_name: str
    base_url: str
    protocol_version: str
    earliest_datestamp: str
    deleted_record: str
    granularity: str
    admin_emails: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MetadataFormat:
    """One metadata format a repository can disseminate."""

    prefix: str
    schema: str
    namespace: str


@dataclass(frozen=True, slots=True)
class OaiSet:
    """One set of a repository."""

    spec: str
    name: str


@dataclass(frozen=True, slots=True)
class OaiRecord:
    """One record of a ListRecords or GetRecord response."""

    identifier: str
    datestamp: str
    deleted: bool
    metadata: etree._Element | None
    xpath: str


def _text(root: etree._Element, path: str) -> str:
    return clean_text(root.findtext(path, namespaces=NS))


def response_date(root: etree._Element) -> str | None:
    """Return the responseDate of a response."""
    return _text(root, "oai:responseDate") or None


def oai_errors(root: etree._Element) -> list[tuple[str, str]]:
    """Return the (code, message) of every OAI error in a response."""
    return [(e.get("code", ""), clean_text(e.text)) for e in root.findall("oai:error", NS)]


def resumption(root: etree._Element) -> tuple[str | None, int | None]:
    """Return the resumption token (None when the list is complete) and completeListSize."""
    element = root.find("oai:*/oai:resumptionToken", NS)
    if element is None:
        return None, None
    size = element.get("completeListSize", "")
    return clean_text(element.text) or None, int(size) if size.isdigit() else None


def read_identify(root: etree._Element) -> RepositoryInfo:
    """Read an Identify response."""
    base = "oai:Identify/oai:"
    emails = tuple(clean_text(e.text) for e in root.findall(base + "adminEmail", NS))
    return RepositoryInfo(
        repository_name=_text(root, base + "repositoryName"),
        base_url=_text(root, base + "baseURL"),
        protocol_version=_text(root, base + "protocolVersion"),
        earliest_datestamp=_text(root, base + "earliestDatestamp"),
        deleted_record=_text(root, base + "deletedRecord"),
        granularity=_text(root, base + "granularity"),
        admin_emails=emails,
    )


def read_formats(root: etree._Element) -> list[MetadataFormat]:
    """Read a ListMetadataFormats response."""
    return [
        MetadataFormat(
            _text(f, "oai:metadataPrefix"),
            _text(f, "oai:schema"),
            _text(f, "oai:metadataNamespace"),
        )
        for f in root.findall("oai:ListMetadataFormats/oai:metadataFormat", NS)
    ]


def read_sets(root: etree._Element) -> list[OaiSet]:
    """Read one page of a ListSets response."""
    return [
        OaiSet(_text(s, "oai:setSpec"), _text(s, "oai:setName"))
        for s in root.findall("oai:ListSets/oai:set", NS)
    ]


def read_records(root: etree._Element) -> Iterator[OaiRecord]:
    """Yield the records of a ListRecords or GetRecord response."""
    tree = root.getroottree()
    for record in root.iterfind("oai:*/oai:record", NS):
        header = record.find("oai:header", NS)
        if header is None:
            continue
        metadata = record.find("oai:metadata", NS)
        payload = (
            next((c for c in metadata if isinstance(c.tag, str)), None)
            if metadata is not None
            else None
        )
        yield OaiRecord(
            identifier=_text(header, "oai:identifier"),
            datestamp=_text(header, "oai:datestamp"),
            deleted=header.get("status") == "deleted",
            metadata=payload,
            xpath=tree.getpath(record),
        )


def map_metadata(payload: etree._Element, prefix: str, default_language: str) -> MappedRecord:
    """Map a record's metadata through the crosswalk of its metadataPrefix."""
    if prefix == "oai_dc":
        return map_oai_dc(payload, default_language)
    if prefix == "lido":
        lido = payload if payload.tag == LIDO_RECORD else payload.find(f".//{LIDO_RECORD}")
        if lido is not None:
            return map_lido(lido, default_language)
    if prefix == "edm":
        mapped = next(map_edm(payload, default_language), None)
        if mapped is not None:
            return mapped
    return _unmappable(payload, prefix)


def _unmappable(payload: etree._Element, prefix: str) -> MappedRecord:
    record = MappedRecord(None, {}, payload.getroottree().getpath(payload), Notes())
    record.notes.error(
        "metadata",
        f"De metadata in formaat '{prefix}' bevat geen record dat de hub kan lezen.",
        f"The metadata in format '{prefix}' holds no record the hub can read.",
        record.xpath,
    )
    return record
