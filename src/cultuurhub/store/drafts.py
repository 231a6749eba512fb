"""What the store takes in and gives back: drafts, results, stored records, versions, changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

Outcome = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a record came from: the outside system and the record's id there."""

    system: str
    source_id: str


@dataclass(frozen=True, slots=True)
class RecordDraft:
    """A record to store: its JSON document, owner, status and the columns to index."""

    type: str
    owner: UUID
    document: dict[str, Any]
    id: UUID | None = None
    workflow_status: str = "draft"
    visibility: str = "public"
    columns: Mapping[str, Any] = field(default_factory=dict)
    source: SourceRef | None = None
    #: The version this draft was made from (0: none yet); if another version is current when
    #: it is written, the write is refused (``VersionConflict``) instead of losing that one.
    expected_version: int | None = None
    #: The document already as the store keeps it (``canonical_json``, without ``@id`` or
    #: ``@context``); the store then takes it as it is and does not read ``document``. An
    #: import's checker processes send only this back, so the importing process never parses
    #: and serialises the document again.
    canonical: bytes | None = None


@dataclass(frozen=True, slots=True)
class PutResult:
    """What a put did: the record's id and version, its sequence number if it changed."""

    id: UUID
    version: int
    seq: int | None
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """A record as it stands now; ``deleted`` records keep their last document."""

    id: UUID
    type: str
    owner: UUID
    document: dict[str, Any]
    workflow_status: str
    visibility: str
    version: int
    created: datetime
    modified: datetime
    deleted: bool = False


@dataclass(frozen=True, slots=True)
class RawRecord:
    """A record with its document as JSON text, for answering reads without parsing it."""

    id: UUID
    type: str
    owner: UUID
    document_json: str
    visibility: str
    version: int
    deleted: bool


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """One version of a record: who changed it, when, and its place in the change sequence."""

    record_id: UUID
    version: int
    seq: int
    document: dict[str, Any]
    workflow_status: str
    author: str
    time: datetime
    is_tombstone: bool


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the global change sequence."""

    seq: int
    record_id: UUID
    type: str
    owner: UUID
    version: int
    deleted: bool
    time: datetime
