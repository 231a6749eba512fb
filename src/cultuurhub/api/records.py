"""Records by id, in the representation the client asks for, with their versions.

The default is the hub's JSON-LD; ``Accept`` (or ``?format=``) chooses OSLO Turtle or OSLO
JSON-LD for events, places and organisers (see ``negotiation.py``). Every representation has its
own ETag, so clients revalidate cheaply with If-None-Match.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any
from uuid import UUID

import orjson
from fastapi import APIRouter, Query, Request, Response

from cultuurhub.access import Action, Forbidden, require
from cultuurhub.api.auth import principal
from cultuurhub.api.negotiation import (
    JSONLD,
    NotAcceptable,
    RecordView,
    Representation,
    caching_headers,
    if_none_match,
    jsonld,
    jsonld_text,
    negotiate,
    not_acceptable,
    record_uri,
    representations,
)
from cultuurhub.api.problems import problem
from cultuurhub.demo import generate
from cultuurhub.model import RecordType
from cultuurhub.store import RawRecord, RecordNotFound, Store, StoredRecord, id_from_uri

__all__ = ["JSONLD", "jsonld", "jsonld_text", "record_uri", "router_for"]

CURRENT_MAX_AGE = 60
VERSION_MAX_AGE = 3600


def _format_parameter(record_type: RecordType) -> Any:
    names = ", ".join(f"`{r.format}` ({r.key})" for r in representations(record_type))
    return Query(
        None,
        alias="format",
        description=f"Choose the representation without an Accept header (browsers): {names}.",
    )


def _responses(record_type: RecordType) -> dict[int | str, dict[str, Any]]:
    kinds = "; ".join(f"{r.key}: {r.description}" for r in representations(record_type))
    return {
        200: {"content": openapi_content(record_type), "description": f"The record. {kinds}"},
        304: {"description": "Not modified since the ETag you sent (per representation)."},
        404: {"description": "No such record (problem details)."},
        406: {
            "description": "No representation matches Accept or ?format= (problem details).",
            "content": {"application/problem+json": {"schema": {"type": "object"}}},
        },
        410: {"description": "The record was deleted (problem details)."},
    }


_EXAMPLE_TIME = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@cache
def _example_view(record_type: RecordType) -> RecordView | None:
    """Return a realistic record of this type from the demo generator, for the examples."""
    for record in generate(60, seed=2026):
        if record.type == record_type.value:
            record_id = id_from_uri(record.document.get("@id")) or UUID(int=1)
            document = {k: v for k, v in record.document.items() if k != "@id"}
            owner = UUID(int=2)
            return RecordView(
                record_type, record_id, 3, owner, None, document, _EXAMPLE_TIME, _EXAMPLE_TIME
            )
    return None


@cache
def openapi_content(record_type: RecordType) -> dict[str, Any]:
    """Return the OpenAPI ``content`` of a 200 answer: one example per media type."""
    view = _example_view(record_type)
    content: dict[str, Any] = {}
    for representation in representations(record_type):
        body = representation.example
        if body is None and view is not None:
            rendered = representation.render(view)
            is_json = representation.media_type == JSONLD
            body = orjson.loads(rendered) if is_json else rendered.decode("utf-8")
        schema = {"type": "object"} if representation.media_type == JSONLD else {"type": "string"}
        entry: dict[str, Any] = {"schema": schema}
        if body is not None:
            entry["example"] = body
        content[representation.key] = entry
    return content


def router_for(record_type: RecordType) -> APIRouter:
    """Build the read routes of one record type."""
    router = APIRouter(prefix=f"/{record_type.path}", tags=[record_type.path])

    @router.get(
        "/{record_id}",
        summary=f"One {record_type.value} (JSON-LD; OSLO Turtle or JSON-LD where available)",
        response_class=Response,
        responses=_responses(record_type),
        operation_id=f"get_{record_type.value}",
    )
    async def get_record(
        record_id: UUID,
        request: Request,
        output_format: str | None = _format_parameter(record_type),
    ) -> Response:
        try:
            representation = negotiate(record_type, request.headers.get("accept"), output_format)
        except NotAcceptable:
            return not_acceptable(record_type)
        store: Store = request.app.state.store
        record = store.get_raw(record_id) if representation.from_text else store.get(record_id)
        refusal = _refusal(request, record, record_type, record_id)
        if refusal is not None:
            return refusal
        assert record is not None
        view = _current_view(record_type, record)
        public = record.visibility == "public"
        return _answer(request, representation, view, public, CURRENT_MAX_AGE)

    @router.get(
        "/{record_id}/versions",
        summary=f"Every version of one {record_type.value}",
        operation_id=f"history_{record_type.value}",
    )
    async def get_history(record_id: UUID, request: Request) -> Response:
        store: Store = request.app.state.store
        refusal = _refusal(request, store.get(record_id), record_type, record_id, gone_ok=True)
        if refusal is not None:
            return refusal
        versions = [
            {"version": v.version, "seq": v.seq, "time": v.time.isoformat(), "author": v.author,
             "workflowStatus": v.workflow_status, "deleted": v.is_tombstone}
            for v in store.history(record_id)
        ]  # fmt: skip
        return Response(orjson.dumps({"id": str(record_id), "versions": versions}))

    @router.get(
        "/{record_id}/versions/{version}",
        summary=f"One version of one {record_type.value}, in any of its representations",
        response_class=Response,
        responses=_responses(record_type),
        operation_id=f"version_{record_type.value}",
    )
    async def get_version(
        record_id: UUID,
        version: int,
        request: Request,
        output_format: str | None = _format_parameter(record_type),
    ) -> Response:
        try:
            representation = negotiate(record_type, request.headers.get("accept"), output_format)
        except NotAcceptable:
            return not_acceptable(record_type)
        return _version_answer(request, record_type, record_id, version, representation)

    return router


def _version_answer(
    request: Request,
    record_type: RecordType,
    record_id: UUID,
    version: int,
    representation: Representation,
) -> Response:
    """Answer with one version of a record; a deletion only in a representation that shows it."""
    store: Store = request.app.state.store
    record = store.get(record_id)
    refusal = _refusal(request, record, record_type, record_id, gone_ok=True)
    if refusal is not None:
        return refusal
    assert record is not None
    try:
        found = store.get_version(record_id, version)
    except RecordNotFound:
        return problem(404, "Not found", f"Record {record_id} has no version {version}.")
    if found.is_tombstone and not representation.shows_deletions:
        detail = (
            f"Versie {version} is de verwijdering van dit record. / "
            f"Version {version} is the deletion of this record."
        )
        return problem(410, "Gone", detail)
    view = RecordView(
        record_type,
        record_id,
        found.version,
        record.owner,
        document=found.document,
        created=record.created,
        modified=found.time,
    )
    return _answer(request, representation, view, record.visibility == "public", VERSION_MAX_AGE)


def _current_view(record_type: RecordType, record: StoredRecord | RawRecord) -> RecordView:
    """The renderers' view of a record as it stands now."""
    if isinstance(record, RawRecord):
        return RecordView(
            record_type, record.id, record.version, record.owner, record.document_json
        )
    return RecordView(
        record_type,
        record.id,
        record.version,
        record.owner,
        document=record.document,
        created=record.created,
        modified=record.modified,
    )


def _answer(
    request: Request,
    representation: Representation,
    view: RecordView,
    public: bool,
    max_age: int,
) -> Response:
    """Answer 304 when the client's ETag still holds, else the rendered representation."""
    etag = representation.etag(view.id, view.version)
    headers = caching_headers(etag, public, max_age)
    if if_none_match(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    body = representation.render(view)
    return Response(body, media_type=representation.content_type, headers=headers)


def _refusal(
    request: Request,
    record: StoredRecord | RawRecord | None,
    record_type: RecordType,
    record_id: UUID,
    gone_ok: bool = False,
) -> Response | None:
    """Say why a record cannot be shown, or None when it can."""
    if record is None or record.type != record_type.value:
        detail = f"Er is geen {record_type.value} met id {record_id}. / No such record."
        return problem(404, "Not found", detail)
    try:
        require(principal(request), Action.READ, record.owner, public=record.visibility == "public")
    except Forbidden:
        return problem(404, "Not found", f"Er is geen {record_type.value} met id {record_id}.")
    if record.deleted and not gone_ok:
        detail = (
            f"Dit record werd verwijderd. / This record was deleted (version {record.version})."
        )
        return problem(410, "Gone", detail)
    return None
