"""The workspace's POST actions: queue imports, stop a repeating source, decide on duplicates,
create and revoke keys. Each checks the session and the form's CSRF token first (``posted``)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from cultuurhub.access import Action, Forbidden, Scope, grantable_scopes, require
from cultuurhub.api.imports import wake_worker
from cultuurhub.api.imports_forms import Form
from cultuurhub.api.workspace_http import (
    Refusal,
    html_page,
    not_found,
    own_job,
    posted,
    redirect,
    store_of,
    to_sign_in,
)
from cultuurhub.config import get_settings
from cultuurhub.ingest import (
    JobRefused,
    JobRequest,
    JobSettings,
    UrlSource,
    submit_upload,
    submit_url,
)
from cultuurhub.store import ImportJobs, organisation_keys
from cultuurhub.web import (
    WORKSPACE_PATH,
    DecisionRefused,
    WorkspaceContext,
    WorkspaceSession,
    decide_duplicates,
    render_duplicates,
    render_imports,
    render_keys,
    render_message,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


# -- imports -----------------------------------------------------------------------------------


@router.post("/imports")
async def upload(request: Request) -> Response:
    """Queue an uploaded file and go to its page."""
    settings = JobSettings.from_settings(get_settings())
    try:
        context, form = await posted(request, settings.max_upload_bytes + 65_536)
    except Refusal as refusal:
        return refusal.response
    assert context.session is not None
    upload = form.files.get("file")
    if upload is None or not upload.data:
        return await _imports_problem(request, context, context.page.messages("ws.upload.file"))
    job_request = _job_request(context.session, form)
    try:
        job = await run_in_threadpool(
            submit_upload, store_of(request), job_request, upload.filename, upload.data, settings
        )
    except JobRefused as error:
        return await _imports_problem(request, context, str(error))
    wake_worker(request)
    return redirect(context.page, f"{WORKSPACE_PATH}/imports/{job.id}")


@router.post("/imports/url")
async def register_url(request: Request) -> Response:
    """Queue the first run of a feed or OAI-PMH source and go to its page."""
    settings = JobSettings.from_settings(get_settings())
    try:
        context, form = await posted(request)
    except Refusal as refusal:
        return refusal.response
    assert context.session is not None
    every = form.text("everyHours")
    source = UrlSource(
        form.text("url") or "", form.text("metadataPrefix"), form.text("set"),
        int(every) if every and every.isdigit() else None,
    )  # fmt: skip
    try:
        job = await run_in_threadpool(
            submit_url, store_of(request), _job_request(context.session, form), source, settings
        )
    except JobRefused as error:
        return await _imports_problem(request, context, str(error))
    wake_worker(request)
    return redirect(context.page, f"{WORKSPACE_PATH}/imports/{job.id}")


def _job_request(session: WorkspaceSession, form: Form) -> JobRequest:
    return JobRequest(
        session.organisation_id, form.text("format"), form.flag("dryRun"), form.text("mapping"),
        form.text("source"),
    )  # fmt: skip


async def _imports_problem(request: Request, context: WorkspaceContext, problem: str) -> Response:
    body = await run_in_threadpool(render_imports, store_of(request), context, problem)
    return html_page(request, context.page, body, 422)


@router.post("/imports/{job_id}/stop")
async def stop_repeating(job_id: UUID, request: Request) -> Response:
    """Stop a registered source from repeating."""
    try:
        context, _ = await posted(request)
    except Refusal as refusal:
        return refusal.response
    if own_job(request, context, job_id) is None:
        return not_found(request, context)
    ImportJobs(store_of(request)).stop_repeating(job_id)
    return redirect(context.page, f"{WORKSPACE_PATH}/imports/{job_id}")


# -- duplicates and keys ---------------------------------------------------------------------------


@router.post("/duplicates")
async def post_duplicate_decision(request: Request) -> Response:
    """Store a decision on a cluster in the organisation's own records."""
    try:
        context, form = await posted(request)
    except Refusal as refusal:
        return refusal.response
    assert context.session is not None
    record_type = form.text("type") or ""
    same = form.text("decision") == "same"
    try:
        members = [UUID(part) for part in (form.text("members") or "").split(",") if part]
        await run_in_threadpool(
            decide_duplicates,
            store_of(request),
            context.session.principal,
            record_type,
            members,
            same,
        )
    except (ValueError, Forbidden) as error:  # DecisionRefused and bad ids are ValueErrors
        known = isinstance(error, DecisionRefused | Forbidden)
        text = str(error) if known else context.page.messages("ws.not_found_text")
        body = render_message(context, "ws.refused", text)
        return html_page(request, context.page, body, 422)
    notice = context.page.messages("ws.dup.saved_same" if same else "ws.dup.saved_different")
    body = await run_in_threadpool(
        render_duplicates, store_of(request), context, record_type, notice
    )
    return html_page(request, context.page, body)


@router.post("/keys")
async def create_key(request: Request) -> Response:
    """Create a key for the organisation; its secret is shown this once."""
    try:
        context, form = await posted(request)
    except Refusal as refusal:
        return refusal.response
    assert context.session is not None
    principal = context.session.principal
    wanted = {scope for scope in Scope if form.flag(f"scope_{scope.value}")}
    store = store_of(request)
    try:
        require(principal, Action.MANAGE_KEYS, context.session.organisation_id)
        if not wanted:
            raise ValueError(context.page.messages("ws.keys.pick_scope"))
        if not wanted <= grantable_scopes(principal):
            require(principal, Action.MANAGE_ACCOUNTS)
        _, secret = store.create_api_key(context.session.organisation_id, sorted(wanted))
    except (Forbidden, ValueError) as error:
        return html_page(
            request, context.page, render_keys(store, context, problem=str(error)), 403
        )
    return html_page(request, context.page, render_keys(store, context, new_secret=secret))


@router.post("/keys/{key_id}/revoke")
async def revoke_key(key_id: UUID, request: Request) -> Response:
    """Revoke one of the organisation's keys (one with admin scope only as an administrator)."""
    try:
        context, _ = await posted(request)
    except Refusal as refusal:
        return refusal.response
    assert context.session is not None
    store = store_of(request)
    organisation = context.session.organisation_id
    key = next((k for k in organisation_keys(store, organisation) if k.id == key_id), None)
    if key is None:
        return not_found(request, context)
    try:
        require(context.session.principal, Action.MANAGE_KEYS, organisation)
        if Scope.ADMIN.value in key.scopes:
            require(context.session.principal, Action.MANAGE_ACCOUNTS)
    except Forbidden as error:
        return html_page(
            request, context.page, render_keys(store, context, problem=str(error)), 403
        )
    store.revoke_api_key(key_id)
    if key_id == context.session.key_id:  # the session ended with its key
        return to_sign_in(request)
    notice = context.page.messages("ws.keys.revoked_done")
    return html_page(request, context.page, render_keys(store, context, notice=notice))
