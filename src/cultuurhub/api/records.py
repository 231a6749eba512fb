"""Records by id as JSON-LD, with their versions; ETags so clients can revalidate cheaply."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import orjson
from fastapi import APIRouter, Request, Response

from cultuurhub.access import Action, Forbidden, require
from cultuurhub.api.auth import principal
from cultuurhub.api.problems import problem
from cultuurhub.config import get_settings
from cultuurhub.model import RecordType
from cultuurhub.store import RawRecord, RecordNotFound, Store, StoredRecord

JSONLD = "application/ld+json"
_EXAMPLE_ID = "85b04295-479c-40f5-b3dd-469dfb4387b3"


def record_uri(record_type: RecordType, record_id: UUID) -> str:
    """Return a record's URI: ``{base_url}/{type path}/{id}``."""
    return f"{get_settings().base_url}/{record_type.path}/{record_id}"


def jsonld(record_type: RecordType, record_id: UUID, document: dict[str, Any]) -> bytes:
    """Serialise a stored document as JSON-LD with the hub's @id and @context."""
    body = {
        "@context": f"{get_settings().base_url}/contexts/{record_type.value}.jsonld",
        "@id": record_uri(record_type, record_id),
        **{key: value for key, value in document.items() if key not in {"@id", "@context"}},
    }
    return orjson.dumps(body)


def jsonld_text(record_type: RecordType, record_id: UUID, document_json: str) -> bytes:
    """Like :func:`jsonld`, but splice @context and @id into stored JSON text without parsing."""
    if '"@id"' in document_json or '"@context"' in document_json:
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


def router_for(record_type: RecordType) -> APIRouter:
    """Build the read routes of one record type."""
    router = APIRouter(prefix=f"/{record_type.path}", tags=[record_type.path])
    responses: dict[int | str, dict[str, Any]] = {
        200: {"content": {JSONLD: {}}, "description": "The record as JSON-LD."},
        304: {"description": "Not modified since the ETag you sent."},
        404: {"description": "No such record (problem details)."},
        410: {"description": "The record was deleted (problem details)."},
    }

    @router.get(
        "/{record_id}",
        summary=f"One {record_type.value} as JSON-LD",
        response_class=Response,
        responses=responses,
        operation_id=f"get_{record_type.value}",
    )
    async def get_record(record_id: UUID, request: Request) -> Response:
        store: Store = request.app.state.store
        record = store.get_raw(record_id)
        refusal = _refusal(request, record, record_type, record_id)
        if refusal is not None:
            return refusal
        assert record is not None
        etag = f'W/"{record.id}-{record.version}"'
        headers = {"ETag": etag, "Cache-Control": "public, max-age=60"}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        body = jsonld_text(record_type, record.id, record.document_json)
        return Response(body, media_type=JSONLD, headers=headers)

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
        summary=f"One version of one {record_type.value} as JSON-LD",
        response_class=Response,
        operation_id=f"version_{record_type.value}",
    )
    async def get_version(record_id: UUID, version: int, request: Request) -> Response:
        store: Store = request.app.state.store
        refusal = _refusal(request, store.get(record_id), record_type, record_id, gone_ok=True)
        if refusal is not None:
            return refusal
        try:
            found = store.get_version(record_id, version)
        except RecordNotFound:
            return problem(404, "Not found", f"Record {record_id} has no version {version}.")
        return Response(jsonld(record_type, record_id, found.document), media_type=JSONLD)

    return router


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
