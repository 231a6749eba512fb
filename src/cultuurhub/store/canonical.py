"""From canonical model records to store drafts: the bridge every writer uses."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple
from uuid import UUID

from cultuurhub.model import CanonicalRecord, RecordType, index_columns, to_document
from cultuurhub.store.drafts import RecordDraft, SourceRef

_UUID_AT_END = re.compile(
    r"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$"
)


def draft_from_record(
    record_type: RecordType,
    record: CanonicalRecord,
    owner: UUID,
    source: SourceRef | None = None,
    record_id: UUID | None = None,
    *,
    id_from_document: bool = True,
) -> RecordDraft:
    """Make the store draft of a validated record: document, index columns, workflow status.

    With ``id_from_document`` a record whose @id ends in a UUID keeps that UUID as its id (the
    demo data, the hub's own exports); imports from other systems turn it off, so that two
    organisations importing the same outside record never write over each other's.
    """
    form = stored_form(record)
    return RecordDraft(
        type=record_type.value,
        owner=owner,
        document=form.document,
        id=record_id or (id_from_uri(form.uri) if id_from_document else None),
        workflow_status=form.workflow_status,
        columns=form.columns,
        source=source,
    )


class StoredForm(NamedTuple):
    """What the store keeps of a validated record, and the URI its document gave."""

    document: dict[str, Any]
    workflow_status: str
    columns: dict[str, Any]
    uri: object


def stored_form(record: CanonicalRecord) -> StoredForm:
    """The document the store keeps of a record (without ``@id`` and ``@context``: the hub
    gives every record its own when it serves it; the source's identity is kept in
    ``sources``), its workflow status and index columns, and the URI it had."""
    document = to_document(record)
    status = str(document.get("workflowStatus", "DRAFT")).lower()
    uri, _ = document.pop("@id", None), document.pop("@context", None)
    return StoredForm(document, status, index_columns(record), uri)


def id_from_uri(uri: object) -> UUID | None:
    """Return the UUID a record URI ends with, if it ends with one."""
    if not isinstance(uri, str):
        return None
    return _id_at_end(uri)


@lru_cache(maxsize=16_384)  # the indexer reads the same few thousand place and organiser links
def _id_at_end(uri: str) -> UUID | None:
    match = _UUID_AT_END.search(uri)
    return UUID(match.group(1)) if match else None
