"""The write API's routes: organisations create, replace and delete their records with a key.

Thin: each route reads the request, calls :mod:`cultuurhub.api.write_service` and turns what it
returns or refuses into a response or RFC 9457 problem details. See ``docs/write-api.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from uuid import UUID

import orjson
from fastapi import APIRouter, Request, Response, Security
from fastapi.security import APIKeyHeader

from cultuurhub.api import write_examples as docs
from cultuurhub.api.auth import api_key, principal
from cultuurhub.api.idempotency import idempotent, kept_answer
from cultuurhub.api.problems import problem
from cultuurhub.api.records import record_uri
from cultuurhub.api.write_service import (
    Answering,
    LabelChange,
    Payload,
    Target,
    Unauthenticated,
    Writer,
    WriteRefused,
    Written,
    change_label,
    create_record,
    delete_record,
    etag,
    move_workflow,
    patch_record,
    replace_record,
)
from cultuurhub.config import get_settings
from cultuurhub.model import FieldProblem, InvalidRecord, RecordType
from cultuurhub.store import PutResult, Store, StoredResponse


def writer_for(request: Request) -> Writer:
    """Return the writer behind the request's API key; refuse a missing or unknown key."""
    key = api_key(request)
    if key is None:
        header = get_settings().api_key_header
        if request.headers.get(header):
            raise Unauthenticated(
                "Deze API-sleutel is onbekend of ingetrokken. / This API key is unknown or revoked."
            )
        raise Unauthenticated(
            f"Een API-sleutel is nodig in de header {header}. / An API key is required in "
            f"the {header} header."
        )
    return Writer.of(principal(request), key)


def _problem_of(refusal: WriteRefused | InvalidRecord) -> Response:
    if isinstance(refusal, InvalidRecord):
        count = len(refusal.problems)
        return problem(
            422,
            "Unprocessable Content",
            f"Het record heeft {count} {'probleem' if count == 1 else 'problemen'}. / The "
            f"record has {count} {'problem' if count == 1 else 'problems'}.",
            errors=[_field_error(p) for p in refusal.problems],
        )
    return problem(refusal.status, refusal.title, refusal.detail, **refusal.extra)


def _field_error(field_problem: FieldProblem) -> dict[str, str]:
    """Name a field by its dotted path and as a JSON Pointer (RFC 6901) into the body."""
    parts = field_problem.field.replace("[", ".").replace("]", "").split(".")
    escaped = [part.replace("~", "~0").replace("/", "~1") for part in parts if part]
    return {
        "field": field_problem.field,
        "pointer": "#" + "".join(f"/{part}" for part in escaped),
        "message_nl": field_problem.message_nl,
        "message_en": field_problem.message_en,
    }


def _written(record_type: RecordType, written: Written, status: int) -> Response:
    result = written.result
    url = record_uri(record_type, result.id)
    body = {
        "id": str(result.id), "url": url, "version": result.version, "seq": result.seq,
        "outcome": result.outcome,
        "quality": {"score": written.quality.score,
                    "advice": [asdict(advice) for advice in written.quality.advice]},
    }  # fmt: skip
    headers = {"ETag": etag(result.id, result.version)}
    if status == 201:
        headers["Location"] = url
    return Response(orjson.dumps(body), status, headers, media_type="application/json")


def _no_content(result: PutResult) -> Response:
    return Response(status_code=204, headers={"ETag": etag(result.id, result.version)})


def write_router_for(record_type: RecordType) -> APIRouter:
    """Build the write routes of one record type (events, places, organizers, objects)."""
    key_header = APIKeyHeader(
        name=get_settings().api_key_header,
        scheme_name="ApiKey",
        description="An organisation's API key (`cultuurhub key create`).",
        auto_error=False,
    )
    router = APIRouter(
        prefix=f"/{record_type.path}",
        tags=[record_type.path],
        dependencies=[Security(key_header)],
    )
    _add_record_routes(router, record_type)
    _add_label_routes(router, record_type)
    _add_workflow_route(router, record_type)
    return router


def _add_record_routes(router: APIRouter, record_type: RecordType) -> None:
    name = record_type.value
    body = {"requestBody": docs.request_body(record_type)}
    written = {"application/json": {"schema": docs.WRITTEN_SCHEMA}}

    @router.post(
        "",
        summary=f"Create a {name}",
        description=f"Validate a {name} as imports are, store it for the key's organisation "
        "(as DRAFT unless it says READY_FOR_VALIDATION) and return its id, URL and quality "
        "score with what to add.",
        status_code=201,
        response_class=Response,
        responses={201: {"description": "Created; `Location` is the new record's URL.",
                         "content": written},
                   **docs.problem_responses(400, 401, 403, 415, 422),
                   409: docs.IDEMPOTENCY_RUNNING},
        openapi_extra={**body, "parameters": [docs.IDEMPOTENCY_PARAMETER]},
        operation_id=f"create_{name}",
    )  # fmt: skip
    async def create(request: Request) -> Response:
        try:
            writer = writer_for(request)
        except WriteRefused as refusal:
            return _problem_of(refusal)

        def answer(written: Written) -> StoredResponse:
            return kept_answer(_written(record_type, written, 201))

        async def run(key: str | None) -> Response:
            answering = None if key is None else Answering(key, answer)
            try:
                payload = await _payload(request)
                written = create_record(
                    request.app.state.store, record_type, payload, writer, answering
                )
            except (WriteRefused, InvalidRecord) as refusal:
                return _problem_of(refusal)
            return _written(record_type, written, 201)

        assert writer.principal.organisation_id is not None  # a key always has one
        return await idempotent(request, writer.principal.organisation_id, run)

    @router.put(
        "/{record_id}",
        summary=f"Replace a {name} (its owner, or an admin)",
        description="Store a new version of the record; the same content again makes no new "
        "version. Send `If-Match` with the ETag you read to refuse the write (412) when "
        "someone else changed the record meanwhile. The workflow status is changed with "
        "`PUT …/workflow-status`, not here.",
        response_class=Response,
        responses={200: {"description": "The new (or unchanged) version.", "content": written},
                   **docs.problem_responses(400, 401, 403, 404, 409, 410, 412, 415, 422)},
        openapi_extra=body,
        operation_id=f"replace_{name}",
    )  # fmt: skip
    async def replace_(record_id: UUID, request: Request) -> Response:
        def act(store: Store, target: Target, writer: Writer, payload: Payload) -> Response:
            return _written(record_type, replace_record(store, target, payload, writer), 200)

        return await _act_on(request, Target(record_type, record_id), act)

    @router.patch(
        "/{record_id}",
        summary=f"Change some fields of a {name} (its owner, or an admin)",
        description="A JSON Merge Patch (RFC 7396, `application/merge-patch+json`): the fields "
        "that change; null removes a field. Or a JSON Patch (RFC 6902, "
        "`application/json-patch+json`): operations, with `test` to apply them only to the "
        "values you expect (409 otherwise). The patched record is validated whole, as a "
        "replacement is, and stored as a new version (the same content makes none). "
        "`If-Match` works as on `PUT`.",
        response_class=Response,
        responses={200: {"description": "The new (or unchanged) version.", "content": written},
                   **docs.problem_responses(400, 401, 403, 404, 409, 410, 412, 415, 422)},
        openapi_extra={"requestBody": docs.MERGE_PATCH_BODY},
        operation_id=f"patch_{name}",
    )  # fmt: skip
    async def patch(record_id: UUID, request: Request) -> Response:
        def act(store: Store, target: Target, writer: Writer, payload: Payload) -> Response:
            return _written(record_type, patch_record(store, target, payload, writer), 200)

        return await _act_on(request, Target(record_type, record_id), act)

    @router.delete(
        "/{record_id}",
        summary=f"Delete a {name} (its owner, or an admin)",
        description="A tombstone version: reading the record then gives 410, and the change "
        "feed and harvesters learn of the deletion. Deleting again changes nothing.",
        status_code=204,
        response_class=Response,
        responses={204: {"description": "Deleted."},
                   **docs.problem_responses(401, 403, 404, 412)},
        operation_id=f"delete_{name}",
    )  # fmt: skip
    async def delete(record_id: UUID, request: Request) -> Response:
        def act(store: Store, target: Target, writer: Writer, _: Payload) -> Response:
            return _no_content(delete_record(store, target, writer))

        return await _act_on(request, Target(record_type, record_id), act)


def _add_label_routes(router: APIRouter, record_type: RecordType) -> None:
    name = record_type.value
    hidden_help = (
        "`hidden=true` for a hidden label (used by channels, not shown to the public)."
        if record_type is not RecordType.OBJECT
        else "Heritage objects have visible labels only."
    )

    async def run(
        record_id: UUID, label: str, hidden: bool, add: bool, request: Request
    ) -> Response:
        change = LabelChange(label, add, hidden)

        def act(store: Store, target: Target, writer: Writer, _: Payload) -> Response:
            return _no_content(change_label(store, target, change, writer))

        return await _act_on(request, Target(record_type, record_id), act)

    @router.put(
        "/{record_id}/labels/{label}",
        summary=f"Add a label to a {name} (any key with write scope)",
        description="Partners label each other's records. A label is 2–255 characters, with no "
        f"semicolon. Adding a label it already has changes nothing. {hidden_help}",
        status_code=204,
        response_class=Response,
        responses={204: {"description": "The label is on the record."},
                   **docs.problem_responses(401, 403, 404, 410, 412, 422)},
        operation_id=f"add_{name}_label",
    )  # fmt: skip
    async def add_label(
        record_id: UUID, label: str, request: Request, hidden: bool = False
    ) -> Response:
        return await run(record_id, label, hidden, True, request)

    @router.delete(
        "/{record_id}/labels/{label}",
        summary=f"Remove a label from a {name} (any key with write scope)",
        description="Removes the label, visible or hidden, in any case. Removing a label the "
        "record does not have changes nothing.",
        status_code=204,
        response_class=Response,
        responses={204: {"description": "The label is not on the record."},
                   **docs.problem_responses(401, 403, 404, 410, 412, 422)},
        operation_id=f"remove_{name}_label",
    )  # fmt: skip
    async def remove_label(record_id: UUID, label: str, request: Request) -> Response:
        return await run(record_id, label, False, False, request)


def _add_workflow_route(router: APIRouter, record_type: RecordType) -> None:
    name = record_type.value

    @router.put(
        "/{record_id}/workflow-status",
        summary=f"Move a {name} through the workflow (its owner, or an admin)",
        description="DRAFT → READY_FOR_VALIDATION → APPROVED or REJECTED; any → DELETED (a "
        "tombstone, as DELETE). Nothing goes back: a refused move is 409 and names the "
        "allowed ones. The same status again changes nothing.",
        status_code=204,
        response_class=Response,
        responses={204: {"description": "The record has this status."},
                   **docs.problem_responses(400, 401, 403, 404, 409, 410, 412, 415, 422)},
        openapi_extra={"requestBody": docs.WORKFLOW_BODY},
        operation_id=f"set_{name}_workflow_status",
    )  # fmt: skip
    async def set_workflow_status(record_id: UUID, request: Request) -> Response:
        def act(store: Store, target: Target, writer: Writer, payload: Payload) -> Response:
            return _no_content(move_workflow(store, target, payload, writer))

        return await _act_on(request, Target(record_type, record_id), act)


async def _act_on(
    request: Request,
    target: Target,
    act: Callable[[Store, Target, Writer, Payload], Response],
) -> Response:
    """Every write on an existing record: the key's writer, the version the caller saw
    (``If-Match``) and the body go to ``act``; what the hub refuses becomes a problem."""
    target = replace(target, if_match=request.headers.get("if-match"))
    try:
        writer = writer_for(request)
        return act(request.app.state.store, target, writer, await _payload(request))
    except (WriteRefused, InvalidRecord) as refusal:
        return _problem_of(refusal)


async def _payload(request: Request) -> Payload:
    """Read the request body (its size is bounded by the protection middleware)."""
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    return Payload(await request.body(), media)
