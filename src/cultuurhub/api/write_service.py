"""The work of the write API: create, replace, delete, label and move records through the workflow.

Plain functions over the store, with no HTTP in them: records are validated exactly as imports
are (``parse_record``) and scored by the same quality rules; access is decided by
``cultuurhub.access``; every change goes through the store's one write path with the writer as
author, so the versions are the audit trail. ``api/write.py`` turns them into routes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

import jsonpatch
import jsonpointer
import orjson

from cultuurhub.access import Action, Forbidden, Principal, may, require
from cultuurhub.model import (
    CanonicalRecord,
    FieldProblem,
    InvalidRecord,
    RecordType,
    WorkflowStatus,
    can_transition,
    parse_record,
)
from cultuurhub.quality import Score, score
from cultuurhub.store import (
    ApiKey,
    DocumentTooLarge,
    KeptAnswer,
    PutResult,
    RecordDraft,
    Store,
    StoredRecord,
    StoredResponse,
    VersionConflict,
    draft_from_record,
    new_record_id,
)

_JSON_TYPES = ("application/json", "application/ld+json")
WRITABLE = (RecordType.EVENT, RecordType.PLACE, RecordType.ORGANIZER, RecordType.OBJECT)
"""The record types the write API takes; agents and concepts come in with their objects."""


# --- what can go wrong, each with the HTTP status it becomes ----------------------------------


class WriteRefused(Exception):
    """A write the hub refuses; ``status`` and ``title`` say how in HTTP."""

    status = 400
    title = "Bad Request"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class Unauthenticated(WriteRefused):
    """No API key, or one the hub does not know (any more)."""

    status, title = 401, "Unauthorized"


class NotAllowed(WriteRefused):
    """The key may not do this to this record."""

    status, title = 403, "Forbidden"


class NoSuchRecord(WriteRefused):
    """No record of this type with this id that the caller may see."""

    status, title = 404, "Not Found"


class WorkflowConflict(WriteRefused):
    """The workflow does not move from the record's status to the one asked for."""

    status, title = 409, "Conflict"


class RecordGone(WriteRefused):
    """The record was deleted."""

    status, title = 410, "Gone"


class StaleVersion(WriteRefused):
    """``If-Match`` names a version that is no longer the current one."""

    status, title = 412, "Precondition Failed"


class DocumentRefused(WriteRefused):
    """The record's document is larger than the store takes (``max_document_bytes``)."""

    status, title = 413, "Content Too Large"


class PatchConflict(WriteRefused):
    """A JSON Patch that cannot be applied to the record as it is (a failed test, a path
    that is not there)."""

    status, title = 409, "Conflict"


class UnsupportedBody(WriteRefused):
    """The body is not JSON."""

    status, title = 415, "Unsupported Media Type"


# --- the work: plain functions over the store ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Writer:
    """Who writes: the key's principal, and the author its versions carry."""

    principal: Principal
    author: str

    @classmethod
    def of(cls, principal: Principal, key: ApiKey) -> Writer:
        """Return the writer of a key: its versions name the organisation and the key prefix."""
        return cls(principal, f"api:{key.organisation_id}:{key.prefix}")


@dataclass(frozen=True, slots=True)
class Written:
    """What a create or replace did, and the record's quality score."""

    result: PutResult
    quality: Score


@dataclass(frozen=True, slots=True)
class Payload:
    """A request body as it came, with its media type; decoded only once access is clear."""

    body: bytes
    media_type: str = "application/json"

    def json(self) -> Any:
        """Decode the body as JSON; refuse other media types, an empty body or bad JSON."""
        if self.media_type not in _JSON_TYPES and not self.media_type.endswith("+json"):
            raise UnsupportedBody(
                f"Stuur JSON (application/json), geen {self.media_type}. / Send JSON "
                f"(application/json), not {self.media_type}."
            )
        if not self.body.strip():
            raise WriteRefused("Het verzoek heeft geen inhoud. / The request body is empty.")
        try:
            return orjson.loads(self.body)
        except orjson.JSONDecodeError as error:
            raise WriteRefused(
                f"Dit is geen geldige JSON. / This is not valid JSON: {error}"
            ) from None


@dataclass(frozen=True, slots=True)
class Target:
    """The record a request is about: its type, its id, and the version the caller last saw."""

    record_type: RecordType
    record_id: UUID
    if_match: str | None = None


@dataclass(frozen=True, slots=True)
class Answering:
    """A create's idempotency key, and how to render the answer the store keeps with it, in
    the same transaction as the record (so the record is made once per key, whatever stops)."""

    key: str
    render: Callable[[Written], StoredResponse]


def create_record(
    store: Store,
    record_type: RecordType,
    payload: Payload,
    writer: Writer,
    answering: Answering | None = None,
) -> Written:
    """Validate a new record and store it for the writer's organisation, as a draft by default."""
    owner = writer.principal.organisation_id
    _require(writer, Action.CREATE, owner)
    assert owner is not None  # a key always belongs to an organisation
    record = parse_record(record_type, payload.json())
    status = _requested_status(record) or WorkflowStatus.DRAFT
    if status is not WorkflowStatus.DRAFT and (
        status is WorkflowStatus.DELETED or not can_transition(WorkflowStatus.DRAFT, status)
    ):
        raise InvalidRecord(
            [
                FieldProblem(
                    "workflowStatus",
                    "Een nieuw record begint als DRAFT of READY_FOR_VALIDATION.",
                    "A new record starts as DRAFT or READY_FOR_VALIDATION.",
                )
            ]
        )
    draft = _draft(record_type, record, status, RecordDraft("", owner, {}, new_record_id()))
    return _put(store, draft, writer, answering)


def replace_record(store: Store, target: Target, payload: Payload, writer: Writer) -> Written:
    """Replace a record with a new, validated version; its owner, status and visibility stay."""
    current = _current(store, target, writer)
    _require(writer, Action.EDIT, current.owner)
    _check_if_match(target.if_match, current)
    return _replace_with(store, target, current, payload.json(), writer)


def patch_record(store: Store, target: Target, payload: Payload, writer: Writer) -> Written:
    """Change some fields of a record: a JSON Merge Patch (RFC 7396) applied to its current
    document, validated whole and stored as a new version, exactly as a replacement is."""
    current = _current(store, target, writer)
    _require(writer, Action.EDIT, current.owner)
    _check_if_match(target.if_match, current)
    patch = payload.json()
    if payload.media_type == JSON_PATCH:
        return _replace_with(store, target, current, json_patch(current.document, patch), writer)
    if not isinstance(patch, dict):
        raise WriteRefused(
            "Een merge patch is een JSON-object met de velden die veranderen (null schrapt een "
            "veld). / A merge patch is a JSON object with the fields that change (null removes "
            "a field)."
        )
    return _replace_with(store, target, current, merge_patch(current.document, patch), writer)


JSON_PATCH = "application/json-patch+json"


def json_patch(document: dict[str, Any], operations: Any) -> Any:
    """Apply a JSON Patch (RFC 6902, the ``jsonpatch`` package) to a copy of ``document``."""
    try:
        patch = jsonpatch.JsonPatch(operations)
    except (jsonpatch.InvalidJsonPatch, TypeError, AttributeError) as error:
        raise WriteRefused(
            f"Dit is geen geldige JSON Patch (RFC 6902): een lijst van bewerkingen zoals "
            f'{{"op": "replace", "path": "/name/nl", "value": "…"}}. / This is not a valid JSON '
            f"Patch (RFC 6902): a list of operations. ({error})"
        ) from None
    try:
        return patch.apply(document)
    except (jsonpatch.JsonPatchException, jsonpointer.JsonPointerException) as error:
        raise PatchConflict(
            f"De patch past niet op het record zoals het nu is: {error}. / The patch does not "
            f"apply to the record as it is now: {error}."
        ) from None
    except (TypeError, AttributeError, ValueError) as error:
        raise WriteRefused(
            f"Dit is geen geldige JSON Patch (RFC 6902). / This is not a valid JSON Patch "
            f"(RFC 6902): {error}"
        ) from None


def merge_patch(target: Any, patch: Any) -> Any:
    """Apply a JSON Merge Patch (RFC 7396, section 2) to ``target``; neither is changed."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = merge_patch(merged.get(key), value)
    return merged


def _replace_with(
    store: Store, target: Target, current: StoredRecord, document: Any, writer: Writer
) -> Written:
    record = parse_record(target.record_type, document)
    status = _status(current.workflow_status)
    requested = _requested_status(record)
    if requested is not None and requested is not status:
        raise WorkflowConflict(
            f"De workflowstatus verandert niet met PUT of PATCH: gebruik PUT "
            f".../workflow-status. / "
            f"The workflow status does not change with PUT or PATCH (it is {status.wire}): use "
            f"PUT /{target.record_type.path}/{target.record_id}/workflow-status."
        )
    return _put(store, _draft(target.record_type, record, status, _like(current)), writer)


def delete_record(store: Store, target: Target, writer: Writer) -> PutResult:
    """Delete a record: a tombstone version. Deleting it again changes nothing."""
    current = _current(store, target, writer, gone_ok=True)
    _require(writer, Action.DELETE, current.owner)
    if current.deleted:
        return PutResult(current.id, current.version, None, "unchanged")
    _check_if_match(target.if_match, current)
    try:
        return store.delete(current.id, writer.author, expected_version=current.version)
    except VersionConflict as conflict:
        raise _changed_meanwhile(conflict) from None


def _changed_meanwhile(conflict: VersionConflict) -> StaleVersion:
    """Another write landed between reading the record and writing: nothing was lost."""
    return StaleVersion(
        f"Het record werd net door iemand anders gewijzigd (nu versie {conflict.current}); "
        f"er ging niets verloren. / The record was changed by someone else just now (now "
        f"version {conflict.current}); nothing was lost: read it again and retry.",
        currentETag=etag(conflict.record_id, conflict.current),
    )


def change_label(store: Store, target: Target, change: LabelChange, writer: Writer) -> PutResult:
    """Add or remove a visible or hidden label, on any record the writer may read."""
    current = _current(store, target, writer)
    _require(writer, Action.ADD_LABEL if change.add else Action.REMOVE_LABEL, current.owner)
    _check_if_match(target.if_match, current)
    if change.hidden and target.record_type is RecordType.OBJECT:
        raise InvalidRecord(
            [FieldProblem("hiddenLabels", "Erfgoedobjecten hebben geen verborgen labels.",
                          "Heritage objects have no hidden labels.")]
        )  # fmt: skip
    document = change.apply(current.document, target.record_type is not RecordType.OBJECT)
    record = parse_record(target.record_type, document)
    draft = _draft(target.record_type, record, _status(current.workflow_status), _like(current))
    return _store(store, draft, writer)


def move_workflow(store: Store, target: Target, payload: Payload, writer: Writer) -> PutResult:
    """Move a record to the ``workflowStatus`` of the body when the workflow allows it."""
    current = _current(store, target, writer, gone_ok=True)
    _require(writer, Action.TRANSITION, current.owner)
    wanted = _wanted_status(payload)
    if wanted is WorkflowStatus.DELETED:
        return delete_record(store, target, writer)
    if current.deleted:
        raise RecordGone("Dit record werd verwijderd. / This record was deleted.")
    _check_if_match(target.if_match, current)
    now = _status(current.workflow_status)
    if now is wanted:
        return PutResult(current.id, current.version, None, "unchanged")
    if not can_transition(now, wanted):
        allowed = [s.wire for s in WorkflowStatus if can_transition(now, s)]
        raise WorkflowConflict(
            f"Van {now.wire} kan een record niet naar {wanted.wire}. / A record cannot move "
            f"from {now.wire} to {wanted.wire}; allowed: {', '.join(allowed)}.",
            workflowStatus=now.wire,
            allowed=allowed,
        )
    record = parse_record(target.record_type, current.document)
    return _store(store, _draft(target.record_type, record, wanted, _like(current)), writer)


@dataclass(frozen=True, slots=True)
class LabelChange:
    """One label to add or remove, and whether it is hidden."""

    label: str
    add: bool
    hidden: bool = False

    def apply(self, document: dict[str, Any], has_hidden: bool) -> dict[str, Any]:
        """Return the document with the label added or removed, whatever its case.

        An added label leaves the other list (visible or hidden) and keeps the spelling it
        already has in its own; a removed label leaves both lists.
        """
        key = self.label.casefold()
        own = "hiddenLabels" if self.hidden else "labels"
        changed = dict(document)
        for name in ("labels", "hiddenLabels") if has_hidden else ("labels",):
            present = [str(label) for label in document.get(name) or []]
            if self.add and name == own:
                known = any(label.casefold() == key for label in present)
                changed[name] = present if known else [*present, self.label]
            else:
                changed[name] = [label for label in present if label.casefold() != key]
        return changed


def _current(store: Store, target: Target, writer: Writer, gone_ok: bool = False) -> StoredRecord:
    record = store.get(target.record_id)
    if (
        record is None
        or record.type != target.record_type.value
        or not may(writer.principal, Action.READ, record.owner,
                   public=record.visibility == "public")
    ):  # fmt: skip
        raise NoSuchRecord(
            f"Er is geen {target.record_type.value} met id {target.record_id}. / No such record."
        )
    if record.deleted and not gone_ok:
        raise RecordGone(
            f"Dit record werd verwijderd. / This record was deleted (version {record.version})."
        )
    return record


def _require(writer: Writer, action: Action, owner: UUID | None) -> None:
    try:
        require(writer.principal, action, owner)
    except Forbidden as refusal:
        raise NotAllowed(str(refusal)) from None


def etag(record_id: UUID, version: int) -> str:
    """Return a version's ETag, in the read API's format (``api/records.py``)."""
    return f'W/"{record_id}-{version}"'


def _check_if_match(if_match: str | None, current: StoredRecord) -> None:
    """Refuse when ``If-Match`` names other versions than the current one.

    The read API's ETags are weak (``W/"id-version"``) but name exactly one immutable version,
    so they are compared by their opaque part.
    """
    if if_match is None or if_match.strip() == "*":
        return
    wanted = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    now = etag(current.id, current.version).removeprefix("W/")
    if now not in wanted:
        raise StaleVersion(
            f"Het record is intussen gewijzigd (nu versie {current.version}). / The record "
            f"changed since (now version {current.version}): read it again and retry.",
            currentETag=etag(current.id, current.version),
        )


def _wanted_status(payload: Payload) -> WorkflowStatus:
    body = payload.json()
    value = body.get("workflowStatus") if isinstance(body, dict) else None
    try:
        if isinstance(value, str):
            return _status(value)
    except ValueError:
        pass
    raise InvalidRecord(
        [FieldProblem("workflowStatus",
                      "Kies DRAFT, READY_FOR_VALIDATION, APPROVED, REJECTED of DELETED.",
                      "Choose DRAFT, READY_FOR_VALIDATION, APPROVED, REJECTED or DELETED.")]
    )  # fmt: skip


def _requested_status(record: CanonicalRecord) -> WorkflowStatus | None:
    """Return the workflow status a payload asks for, if it names one."""
    status = getattr(record, "workflow_status", None)
    return status if isinstance(status, WorkflowStatus) else None


def _status(stored: str) -> WorkflowStatus:
    """Read a stored workflow status (``draft``, ``ready_for_validation``, …)."""
    key = stored.replace("_", "").replace("-", "").lower()
    return WorkflowStatus.APPROVED if key == "active" else WorkflowStatus(key)


def _like(current: StoredRecord) -> RecordDraft:
    """A template keeping what a new version of ``current`` must keep: id, owner, visibility,
    and that it is made from ``current``'s version (a write in between refuses it: 412)."""
    return RecordDraft(
        current.type, current.owner, {}, current.id, visibility=current.visibility,
        expected_version=current.version,
    )  # fmt: skip


def _draft(
    record_type: RecordType,
    record: CanonicalRecord,
    status: WorkflowStatus,
    template: RecordDraft,
) -> RecordDraft:
    record = record.model_copy(update={"workflow_status": status})
    draft = draft_from_record(
        record_type, record, template.owner, record_id=template.id, id_from_document=False
    )
    return replace(
        draft, visibility=template.visibility, expected_version=template.expected_version
    )


def _put(
    store: Store, draft: RecordDraft, writer: Writer, answering: Answering | None = None
) -> Written:
    quality = score(draft.type, draft.document)
    keep = None
    if answering is not None:
        owner = writer.principal.organisation_id
        assert owner is not None  # a key always belongs to an organisation
        render = answering.render
        keep = KeptAnswer(
            owner, answering.key, lambda results: render(Written(results[0], quality))
        )
    return Written(_store(store, draft, writer, keep), quality)


def _store(
    store: Store, draft: RecordDraft, writer: Writer, keep: KeptAnswer | None = None
) -> PutResult:
    try:
        return store.put(draft, writer.author, keep)
    except VersionConflict as conflict:
        raise _changed_meanwhile(conflict) from None
    except DocumentTooLarge as error:
        raise DocumentRefused(
            f"Het record is te groot. / The record is too large: {error}."
        ) from None
