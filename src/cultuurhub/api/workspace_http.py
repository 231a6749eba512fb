"""The workspace routes' shared plumbing: who is signed in, answers with the right headers,
forms read within limits and checked for their CSRF token."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from uuid import UUID

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from cultuurhub.api.imports_forms import BodyTooLarge, Form, FormError, parse_form, read_body
from cultuurhub.api.portal import page_context
from cultuurhub.config import get_settings
from cultuurhub.store import ImportJob, ImportJobs, Store
from cultuurhub.web import (
    LANGUAGE_COOKIE,
    SESSION_COOKIE,
    WORKSPACE_PATH,
    PageContext,
    WorkspaceContext,
    csrf_matches,
    read_workspace_session,
    render_message,
)

FORM_BYTES = 256_000
_YEAR = 365 * 24 * 3600
HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
    "Vary": "Cookie",
}


def store_of(request: Request) -> Store:
    """Return the app's store."""
    store: Store = request.app.state.store
    return store


def workspace_context(request: Request) -> WorkspaceContext | None:
    """Return the signed-in reader's context, or None without a valid session."""
    settings = get_settings()
    cookie = request.cookies.get(SESSION_COOKIE)
    session = read_workspace_session(store_of(request), cookie, settings.session_secret)
    if session is None:
        return None
    organisation = store_of(request).get_organisation(session.organisation_id)
    name = organisation.name if organisation else str(session.organisation_id)
    return WorkspaceContext(page_context(request), session, name)


def html_page(request: Request, page: PageContext, body: str, status: int = 200) -> HTMLResponse:
    """Answer with a workspace page: private, not framed, in the reader's language."""
    response = HTMLResponse(body, status_code=status, headers=HEADERS)
    response.headers["Content-Language"] = page.lang
    if request.query_params.get("lang") in ("nl", "en"):
        response.set_cookie(
            LANGUAGE_COOKIE, page.lang, max_age=_YEAR, samesite="lax", httponly=True
        )
    return response


def redirect(page: PageContext, path: str, params: list[tuple[str, str]] | None = None) -> Response:
    """Send the reader on to ``path`` in their language (303, so a POST becomes a GET)."""
    return RedirectResponse(page.link(path, params or []), status_code=303, headers=HEADERS)


def to_sign_in(request: Request) -> Response:
    """Send the reader to the sign-in form."""
    return redirect(page_context(request), f"{WORKSPACE_PATH}/sign-in")


def secure_cookies(request: Request) -> bool:
    """Whether cookies must be ``Secure`` (the hub is served over https)."""
    return request.url.scheme == "https" or get_settings().base_url.startswith("https://")


def same_origin(request: Request) -> bool:
    """Refuse a POST whose Origin header names another site (browsers send it on POST)."""
    origin = request.headers.get("origin")
    return origin is None or urlsplit(origin).netloc == request.url.netloc


async def read_workspace_form(request: Request, limit: int = FORM_BYTES) -> Form:
    """Read a posted form within ``limit`` bytes."""
    body = await read_body(request, limit)
    return parse_form(body, request.headers.get("content-type", ""))


def refuse_form(request: Request, context: WorkspaceContext) -> Response:
    """Answer a form without the right CSRF token: 403, nothing changed."""
    text = context.page.messages("ws.csrf")
    return html_page(request, context.page, render_message(context, "ws.refused", text), 403)


def own_job(request: Request, context: WorkspaceContext, job_id: UUID) -> ImportJob | None:
    """Return an import job of the signed-in organisation, or None."""
    assert context.session is not None
    job = ImportJobs(store_of(request)).get(job_id)
    return job if job and job.organisation_id == context.session.organisation_id else None


def not_found(request: Request, context: WorkspaceContext) -> Response:
    """Answer 404 for something that does not exist or is not the reader's."""
    text = context.page.messages("ws.not_found_text")
    return html_page(request, context.page, render_message(context, "ws.not_found", text), 404)


Page = Callable[[Store, WorkspaceContext], str]


def show_page(request: Request, render: Page) -> Response:
    """Render a page for the signed-in reader, or send a stranger to sign in."""
    context = workspace_context(request)
    if context is None:
        return to_sign_in(request)
    return html_page(request, context.page, render(store_of(request), context))


async def posted(request: Request, limit: int = FORM_BYTES) -> tuple[WorkspaceContext, Form]:
    """Read a signed-in form; raise :class:`Refusal` with the answer when it may not go on."""
    context = workspace_context(request)
    if context is None:
        raise Refusal(to_sign_in(request))
    try:
        form = await read_workspace_form(request, limit)
    except BodyTooLarge:
        size = f"{(limit - 65_536) / 1_000_000:g} MB" if limit > FORM_BYTES else "256 kB"
        text = context.page.messages("ws.too_large", size=size)
        page = render_message(context, "ws.refused", text)
        raise Refusal(html_page(request, context.page, page, 413)) from None
    except FormError:
        raise Refusal(refuse_form(request, context)) from None
    if not same_origin(request) or not csrf_matches(context.session, form.fields.get("csrf")):
        raise Refusal(refuse_form(request, context))
    return context, form


class Refusal(Exception):
    """A request the workspace will not carry out; ``response`` is the answer to give."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response
