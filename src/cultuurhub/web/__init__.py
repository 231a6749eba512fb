"""Server-rendered pages (Jinja2), Dutch first with English beside it. See ``docs/portal.md``."""

from cultuurhub.web.i18n import LANGUAGE_COOKIE, Lang, Messages, choose_language
from cultuurhub.web.listings import Listings
from cultuurhub.web.pages import (
    RenderedPage,
    render_event,
    render_home,
    render_missing,
    render_object,
    render_organizer,
    render_place,
)
from cultuurhub.web.paths import EVENT_PATH, OBJECT_PATH, ORGANIZER_PATH, PLACE_PATH, SEARCH_PATH
from cultuurhub.web.rendering import STATIC_DIR, PageContext, render_page
from cultuurhub.web.results_page import render_results
from cultuurhub.web.reuse import ReuseAnswer, Verdict, reuse_answer
from cultuurhub.web.workspace import (
    WORKSPACE_PATH,
    WorkspaceContext,
    findings_filter,
    render_import,
    render_imports,
    render_keys,
    render_message,
    render_overview,
    render_records,
    render_sign_in,
    render_webhooks,
)
from cultuurhub.web.workspace_duplicates import (
    DecisionRefused,
    decide_duplicates,
    render_duplicates,
)
from cultuurhub.web.workspace_quality import render_quality
from cultuurhub.web.workspace_session import (
    COOKIE_PATH,
    SESSION_COOKIE,
    SIGN_IN_COOKIE,
    SignInRefused,
    WorkspaceSession,
    csrf_matches,
    new_token,
    open_session,
    read_workspace_session,
)

__all__ = [
    "COOKIE_PATH",
    "EVENT_PATH",
    "LANGUAGE_COOKIE",
    "OBJECT_PATH",
    "ORGANIZER_PATH",
    "PLACE_PATH",
    "SEARCH_PATH",
    "SESSION_COOKIE",
    "SIGN_IN_COOKIE",
    "STATIC_DIR",
    "WORKSPACE_PATH",
    "DecisionRefused",
    "Lang",
    "Listings",
    "Messages",
    "PageContext",
    "RenderedPage",
    "ReuseAnswer",
    "SignInRefused",
    "Verdict",
    "WorkspaceContext",
    "WorkspaceSession",
    "choose_language",
    "csrf_matches",
    "decide_duplicates",
    "findings_filter",
    "new_token",
    "open_session",
    "read_workspace_session",
    "render_duplicates",
    "render_event",
    "render_home",
    "render_import",
    "render_imports",
    "render_keys",
    "render_message",
    "render_missing",
    "render_object",
    "render_organizer",
    "render_overview",
    "render_page",
    "render_place",
    "render_quality",
    "render_records",
    "render_results",
    "render_sign_in",
    "render_webhooks",
    "reuse_answer",
]
