"""The public portal's HTML routes: thin, they pick the language and call ``cultuurhub.web``.

The language is ``?lang=nl|en``, else the ``cultuurhub_lang`` cookie, else Dutch; asking for a
language with ``?lang`` also remembers it in the cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from cultuurhub.search import SearchIndex
from cultuurhub.store import Store
from cultuurhub.web import (
    EVENT_PATH,
    LANGUAGE_COOKIE,
    OBJECT_PATH,
    ORGANIZER_PATH,
    PLACE_PATH,
    SEARCH_PATH,
    Listings,
    PageContext,
    RenderedPage,
    choose_language,
    render_event,
    render_home,
    render_missing,
    render_object,
    render_organizer,
    render_place,
    render_results,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
_YEAR = 365 * 24 * 3600
RecordPage = Callable[[Store, UUID, PageContext, Listings], RenderedPage]


def page_context(request: Request, search_text: str = "") -> PageContext:
    """Return who reads which page: language, path, query and search text."""
    lang = choose_language(request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE))
    query = list(request.query_params.multi_items())
    return PageContext(lang, request.url.path, query, search_text)


def listings(request: Request) -> Listings:
    """Return the lists for this request, from the app's search index when it has one."""
    search: SearchIndex | None = getattr(request.app.state, "search", None)
    return Listings(request.app.state.store, search, datetime.now(UTC))


def html(request: Request, page: PageContext, rendered: RenderedPage) -> HTMLResponse:
    """Answer with a page: its language, a cookie when the reader chose one, short caching."""
    response = HTMLResponse(rendered.html, status_code=rendered.status)
    response.headers["Content-Language"] = page.lang
    response.headers["Vary"] = "Cookie"
    response.headers["Cache-Control"] = "public, max-age=60"
    if request.query_params.get("lang") in ("nl", "en"):
        response.set_cookie(
            LANGUAGE_COOKIE, page.lang, max_age=_YEAR, samesite="lax", httponly=True
        )
    return response


@router.get("/")
def home(request: Request) -> HTMLResponse:
    """The home page."""
    page = page_context(request)
    body = render_home(request.app.state.store, page, listings(request))
    return html(request, page, RenderedPage(200, body))


@router.get(SEARCH_PATH)
def results(request: Request) -> HTMLResponse:
    """The results page: words, filters, facets, sorting, pages, list or map."""
    page = page_context(request, request.query_params.get("q", ""))
    body = render_results(page, listings(request))
    return html(request, page, RenderedPage(200, body))


def _record_route(path: str, render: RecordPage) -> None:
    @router.get(f"{path}/{{record_id}}", name=f"portal{path.replace('/', '_')}")
    def record_page(record_id: str, request: Request) -> HTMLResponse:
        page = page_context(request)
        try:
            parsed = UUID(record_id)
        except ValueError:
            return html(request, page, render_missing(page))
        rendered = render(request.app.state.store, parsed, page, listings(request))
        return html(request, page, rendered)


def _object_page(store: Store, record_id: UUID, page: PageContext, _: Listings) -> RenderedPage:
    return render_object(store, record_id, page)


for _path, _render in (
    (EVENT_PATH, render_event),
    (PLACE_PATH, render_place),
    (ORGANIZER_PATH, render_organizer),
    (OBJECT_PATH, _object_page),
):
    _record_route(_path, _render)
