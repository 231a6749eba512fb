"""OAI-PMH sets and identifiers: which records a setSpec stands for, and which an identifier names.

Sets: ``type:objects`` and ``type:events``; ``org:{organisation id}`` for everything one
organisation owns; ``org:{organisation id}:objects`` (or ``:events``) for one type of it.
Identifiers are the record URIs, ``{base_url}/objects/{id}``.
"""

from __future__ import annotations

from uuid import UUID

from lxml import etree

from cultuurhub.model import RecordType
from cultuurhub.publish.oai_request import OaiError
from cultuurhub.publish.oai_xml import oai

__all__ = [
    "OAI_TYPES",
    "TYPE_NAMES",
    "no_records",
    "parse_identifier",
    "set_element",
    "set_members",
    "set_specs",
]

OAI_TYPES = (RecordType.OBJECT, RecordType.EVENT)
"""The record types the provider publishes (sets ``type:objects`` and ``type:events``)."""

TYPE_NAMES = {
    RecordType.OBJECT: "Erfgoedobjecten / Heritage objects",
    RecordType.EVENT: "Activiteiten / Events",
}


def set_specs(record_type: str, owner: UUID) -> tuple[str, str, str]:
    """The sets a record belongs to: its type, its owner, and its owner's type."""
    path = RecordType(record_type).path
    return f"type:{path}", f"org:{owner}", f"org:{owner}:{path}"


def set_element(parent: etree._Element, spec: str, name: str) -> None:
    """Append a ``set`` with its spec and name."""
    described = oai("set", None, parent)
    oai("setSpec", spec, described)
    oai("setName", name, described)


def set_members(spec: str | None) -> tuple[tuple[str, ...], UUID | None]:
    """The record types and owner a setSpec stands for; an unknown set matches nothing."""
    all_types = tuple(t.value for t in OAI_TYPES)
    if spec is None:
        return all_types, None
    by_path = {t.path: t.value for t in OAI_TYPES}
    parts = spec.split(":")
    if len(parts) == 2 and parts[0] == "type" and parts[1] in by_path:
        return (by_path[parts[1]],), None
    if parts[0] == "org" and len(parts) in (2, 3):
        try:
            owner = UUID(parts[1])
        except ValueError:
            raise no_records() from None
        if len(parts) == 2:
            return all_types, owner
        if parts[2] in by_path:
            return (by_path[parts[2]],), owner
    raise no_records()


def parse_identifier(identifier: str, base_url: str) -> tuple[UUID | None, str | None]:
    """``{base_url}/{type path}/{uuid}`` → (uuid, path); (None, None) when it is not one."""
    prefix = f"{base_url}/"
    if not identifier.startswith(prefix):
        return None, None
    path, _, rest = identifier[len(prefix) :].partition("/")
    try:
        return UUID(rest), path
    except ValueError:
        return None, None


def no_records() -> OaiError:
    """The ``noRecordsMatch`` condition."""
    return OaiError("noRecordsMatch", "Geen records voor deze vraag.",
                    "No records match this request.")  # fmt: skip
