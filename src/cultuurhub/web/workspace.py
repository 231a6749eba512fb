"""The organisation workspace's pages: sign in, overview, imports and their findings, records,
keys and webhooks. Quality is in ``workspace_quality.py``, duplicate review in
``workspace_duplicates.py``, sessions in ``workspace_session.py``; see ``docs/workspace.md``.

Each ``render_*`` function loads what its page shows and renders it inside the portal's frame
(``base.html``) in the reader's language; the routes in ``api/workspace.py`` stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import ceil
from typing import Any
from uuid import UUID

from cultuurhub.access import grantable_scopes
from cultuurhub.config import get_settings
from cultuurhub.ingest import FORMATS, FindingFilter
from cultuurhub.model import RecordType, WorkflowStatus
from cultuurhub.store import (
    ImportJob,
    ImportJobs,
    OwnedRecordFilter,
    Store,
    list_webhooks,
    organisation_keys,
    organisation_records,
    workflow_counts,
)
from cultuurhub.web.dates import local
from cultuurhub.web.paths import record_page
from cultuurhub.web.rendering import PageContext, render_page
from cultuurhub.web.workspace_session import WorkspaceSession, key_label

WORKSPACE_PATH = "/workspace"
FINDINGS_PER_PAGE = 100
RECORDS_PER_PAGE = 50
REFRESH_SECONDS = 2
_SECTIONS = ("overview", "imports", "quality", "duplicates", "records", "keys", "webhooks")
_SECTION_PATHS = {
    "overview": WORKSPACE_PATH,
    **{section: f"{WORKSPACE_PATH}/{section}" for section in _SECTIONS[1:]},
}


@dataclass(frozen=True, slots=True)
class WorkspaceContext:
    """Who looks at which workspace page: the reader's page context and session (if any)."""

    page: PageContext
    session: WorkspaceSession | None = None
    organisation_name: str = ""

    @property
    def csrf(self) -> str:
        """Return the token every form of a signed-in page carries."""
        return self.session.csrf if self.session else ""

    def nav(self) -> list[tuple[str, str]]:
        """Return the workspace menu: (section, link)."""
        return [(section, self.page.link(_SECTION_PATHS[section])) for section in _SECTIONS]


def render(context: WorkspaceContext, template: str, section: str, **values: Any) -> str:
    """Render a workspace template inside the shared frame."""
    values.setdefault("refresh", None)
    values.setdefault("notice", None)
    values.setdefault("problem", None)
    return render_page(
        f"workspace/{template}", context.page, ws=context, section=section,
        when=_when, **values,
    )  # fmt: skip


def _when(moment: datetime | None) -> str:
    return "" if moment is None else f"{local(moment):%d/%m/%Y %H:%M}"


def render_sign_in(
    page: PageContext, token: str, problem: str | None = None, notice: str | None = None
) -> str:
    """Render the sign-in form (``token`` is the double-submit CSRF token)."""
    return render(
        WorkspaceContext(page), "sign_in.html", "sign-in", token=token, problem=problem,
        notice=notice,
    )  # fmt: skip


def render_message(context: WorkspaceContext, heading_key: str, text: str) -> str:
    """Render a short page that says what went wrong (or right) and links back."""
    return render(context, "message.html", "", heading_key=heading_key, text=text)


def render_overview(store: Store, context: WorkspaceContext) -> str:
    """Render the overview: records per workflow status and the latest imports."""
    assert context.session is not None
    owner = context.session.organisation_id
    counts = workflow_counts(store, owner)
    jobs = ImportJobs(store).of_organisation(owner, limit=5)
    return render(
        context, "overview.html", "overview",
        counts=sorted(counts.items()), total=sum(counts.values()), jobs=jobs,
    )  # fmt: skip


# -- imports -----------------------------------------------------------------------------------


def render_imports(store: Store, context: WorkspaceContext, problem: str | None = None) -> str:
    """Render the upload and registration forms and the organisation's imports."""
    assert context.session is not None
    jobs = ImportJobs(store).of_organisation(context.session.organisation_id, limit=50)
    max_mb = get_settings().max_upload_bytes / 1_000_000
    return render(
        context, "imports.html", "imports",
        jobs=jobs, formats=FORMATS, max_upload=f"{max_mb:g} MB", problem=problem,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class FindingsView:
    """The findings of a job as the import page shows them: filtered, one page."""

    findings: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    severity: str
    field: str


def render_import(
    store: Store, context: WorkspaceContext, job: ImportJob, wanted: FindingFilter
) -> str:
    """Render one import: its progress (refreshing while it runs), summary and findings."""
    matching = wanted.apply(ImportJobs(store).findings(job.id))
    shown = FindingsView(
        findings=wanted.page(matching),
        total=len(matching),
        page=wanted.offset // FINDINGS_PER_PAGE + 1,
        pages=max(1, ceil(len(matching) / FINDINGS_PER_PAGE)),
        severity=",".join(wanted.severities or ()),
        field=wanted.field or "",
    )
    phase = (job.summary or {}).get("phase") if not job.finished_running else None
    return render(
        context, "import.html", "imports",
        job=job, shown=shown, phase=phase, other=context.page.messages.other,
        refresh=None if job.finished_running else REFRESH_SECONDS,
        csv_link=_findings_csv_link(context, job.id, shown),
        page_link=lambda number: _findings_link(context, job.id, shown, number),
    )  # fmt: skip


def findings_filter(severity: str | None, field: str | None, page: int) -> FindingFilter:
    """Return the filter of the import page: one severity (or all), a field, a page."""
    severities = [severity] if severity in ("error", "warning", "info") else None
    offset = (max(page, 1) - 1) * FINDINGS_PER_PAGE
    return FindingFilter(severities, (field or "").strip() or None, FINDINGS_PER_PAGE, offset)


def _filter_params(shown: FindingsView) -> list[tuple[str, str]]:
    params = [("severity", shown.severity)] if shown.severity else []
    return params + ([("field", shown.field)] if shown.field else [])


def _findings_csv_link(context: WorkspaceContext, job_id: UUID, shown: FindingsView) -> str:
    path = f"{WORKSPACE_PATH}/imports/{job_id}/findings.csv"
    return context.page.link(path, _filter_params(shown))


def _findings_link(context: WorkspaceContext, job_id: UUID, shown: FindingsView, page: int) -> str:
    params = [*_filter_params(shown), ("page", str(page))]
    return context.page.link(f"{WORKSPACE_PATH}/imports/{job_id}", params)


# -- records, keys, webhooks ---------------------------------------------------------------------


def render_records(
    store: Store, context: WorkspaceContext, wanted: OwnedRecordFilter, page: int
) -> str:
    """Render a page of the organisation's records with their workflow status."""
    assert context.session is not None
    found = organisation_records(
        store, context.session.organisation_id, wanted, page, RECORDS_PER_PAGE
    )
    pages = max(1, ceil(found.total / RECORDS_PER_PAGE))
    params = [(k, v) for k, v in (("type", wanted.type), ("status", wanted.workflow_status)) if v]

    def page_link(number: int) -> str:
        return context.page.link(f"{WORKSPACE_PATH}/records", [*params, ("page", str(number))])

    return render(
        context, "records.html", "records",
        found=found, page_number=min(page, pages), pages=pages, wanted=wanted, page_link=page_link,
        types=[kind.value for kind in RecordType], statuses=[s.value for s in WorkflowStatus],
        public_link=lambda line: record_page(line.type, line.id, context.page.lang),
    )  # fmt: skip


def render_keys(
    store: Store,
    context: WorkspaceContext,
    new_secret: str | None = None,
    notice: str | None = None,
    problem: str | None = None,
) -> str:
    """Render the organisation's API keys, the form for a new one and (once) a new secret."""
    assert context.session is not None
    keys = organisation_keys(store, context.session.organisation_id)
    return render(
        context, "keys.html", "keys",
        keys=keys, label=key_label, new_secret=new_secret, notice=notice, problem=problem,
        grantable=sorted(grantable_scopes(context.session.principal)),
        current=context.session.key_id,
    )  # fmt: skip


def render_webhooks(store: Store, context: WorkspaceContext) -> str:
    """Render the organisation's webhooks (read-only; the API manages them)."""
    assert context.session is not None
    hooks = list_webhooks(store, context.session.organisation_id)
    return render(context, "webhooks.html", "webhooks", hooks=hooks)
