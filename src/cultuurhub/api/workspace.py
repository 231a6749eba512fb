"""``/workspace``: the organisation workspace's HTML routes. Thin: sessions, forms and redirects
here (plumbing in ``workspace_http.py``, the POST actions in ``workspace_actions.py``); pages in
``cultuurhub.web.workspace*``; the work in the blocks. See ``docs/workspace.md``.

Every page is private (``Cache-Control: no-store``), may not be framed, and needs a session
(else it sends the reader to the sign-in page); every POST checks the form's CSRF token.
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from cultuurhub.api import workspace_actions
from cultuurhub.api.imports_forms import BodyTooLarge, FormError
from cultuurhub.api.portal import page_context
from cultuurhub.api.workspace_http import (
    HEADERS,
    Refusal,
    html_page,
    not_found,
    own_job,
    posted,
    read_workspace_form,
    redirect,
    same_origin,
    secure_cookies,
    show_page,
    store_of,
    to_sign_in,
    workspace_context,
)
from cultuurhub.config import get_settings
from cultuurhub.ingest import findings_csv
from cultuurhub.store import ImportJobs, OwnedRecordFilter
from cultuurhub.web import (
    COOKIE_PATH,
    SESSION_COOKIE,
    SIGN_IN_COOKIE,
    WORKSPACE_PATH,
    PageContext,
    SignInRefused,
    WorkspaceSession,
    csrf_matches,
    findings_filter,
    new_token,
    open_session,
    render_duplicates,
    render_import,
    render_imports,
    render_keys,
    render_overview,
    render_quality,
    render_records,
    render_sign_in,
    render_webhooks,
)

router = APIRouter(
    prefix=WORKSPACE_PATH, include_in_schema=False, default_response_class=HTMLResponse
)


# -- signing in and out --------------------------------------------------------------------------


@router.get("/sign-in")
def sign_in_page(request: Request) -> Response:
    """The sign-in form; it sets the short-lived cookie its CSRF token must match."""
    page = page_context(request)
    if workspace_context(request) is not None:
        return redirect(page, WORKSPACE_PATH)
    return _sign_in_answer(request, page, None, 200)


def _sign_in_answer(
    request: Request, page: PageContext, problem: str | None, status: int, notice: str | None = None
) -> Response:
    token = new_token()
    body = render_sign_in(page, token, problem, notice)
    response = html_page(request, page, body, status)
    response.set_cookie(
        SIGN_IN_COOKIE, token, max_age=3600, path=COOKIE_PATH, httponly=True, samesite="strict",
        secure=secure_cookies(request),
    )  # fmt: skip
    return response


@router.post("/sign-in")
async def sign_in_submit(request: Request) -> Response:
    """Check the key and the form's token; open a session and go to the overview."""
    page = page_context(request)
    try:
        form = await read_workspace_form(request)
    except (BodyTooLarge, FormError):
        return _sign_in_answer(request, page, page.messages("ws.csrf"), 400)
    if not same_origin(request) or not csrf_matches(
        request.cookies.get(SIGN_IN_COOKIE), form.fields.get("csrf")
    ):
        return _sign_in_answer(request, page, page.messages("ws.csrf"), 403)
    settings = get_settings()
    try:
        session, cookie = await run_in_threadpool(
            open_session, store_of(request), form.fields.get("key", ""), settings.session_hours,
            settings.session_secret,
        )  # fmt: skip
    except SignInRefused as error:
        return _sign_in_answer(request, page, str(error), 401)
    response = redirect(page, WORKSPACE_PATH)
    _set_session(request, response, session, cookie)
    response.delete_cookie(SIGN_IN_COOKIE, path=COOKIE_PATH)
    return response


def _set_session(
    request: Request, response: Response, session: WorkspaceSession, cookie: str
) -> None:
    response.set_cookie(
        SESSION_COOKIE, cookie, max_age=get_settings().session_hours * 3600, path=COOKIE_PATH,
        httponly=True, samesite="lax", secure=secure_cookies(request),
    )  # fmt: skip


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    """End the session in this browser."""
    try:
        context, _ = await posted(request)
    except Refusal as refusal:
        return refusal.response
    page = context.page
    response = _sign_in_answer(request, page, None, 200, page.messages("ws.signed_out"))
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    return response


# -- pages -------------------------------------------------------------------------------------


@router.get("")
def overview(request: Request) -> Response:
    """The overview: records per status, recent imports."""
    return show_page(request, render_overview)


@router.get("/imports")
def imports(request: Request) -> Response:
    """The upload and registration forms, and the organisation's imports."""
    return show_page(request, render_imports)


@router.get("/quality")
def quality(request: Request) -> Response:
    """The quality dashboard."""
    return show_page(request, render_quality)


@router.get("/webhooks")
def webhooks(request: Request) -> Response:
    """The organisation's webhooks, read-only."""
    return show_page(request, render_webhooks)


@router.get("/keys")
def keys(request: Request) -> Response:
    """The organisation's API keys."""
    return show_page(request, render_keys)


@router.get("/records")
def records(
    request: Request, type: str | None = None, status: str | None = None, page: int = 1
) -> Response:
    """The organisation's records with their workflow status, by page."""
    wanted = OwnedRecordFilter(type or None, status or None)
    return show_page(request, lambda store, context: render_records(store, context, wanted, page))


@router.get("/duplicates")
def duplicates(request: Request, type: str = "place") -> Response:
    """Likely duplicates of the organisation's records, for review."""
    return show_page(request, lambda store, context: render_duplicates(store, context, type))


# -- an import ---------------------------------------------------------------------------------


@router.get("/imports/{job_id}")
def import_page(
    job_id: UUID,
    request: Request,
    severity: str | None = None,
    field: str | None = None,
    page: int = 1,
) -> Response:
    """One import: progress while it runs, then its summary and findings."""
    context = workspace_context(request)
    if context is None:
        return to_sign_in(request)
    job = own_job(request, context, job_id)
    if job is None:
        return not_found(request, context)
    wanted = findings_filter(severity, field, page)
    return html_page(request, context.page, render_import(store_of(request), context, job, wanted))


@router.get("/imports/{job_id}/findings.csv")
def import_findings_csv(
    job_id: UUID, request: Request, severity: str | None = None, field: str | None = None
) -> Response:
    """Download an import's findings (filtered) as CSV."""
    context = workspace_context(request)
    if context is None:
        return to_sign_in(request)
    job = own_job(request, context, job_id)
    if job is None:
        return not_found(request, context)
    wanted = findings_filter(severity, field, 1)
    matching = wanted.apply(ImportJobs(store_of(request)).findings(job.id))
    headers = {**HEADERS, "Content-Disposition": f'attachment; filename="import-{job.id}.csv"'}
    return Response(findings_csv(matching), media_type="text/csv; charset=utf-8", headers=headers)


router.include_router(workspace_actions.router)
