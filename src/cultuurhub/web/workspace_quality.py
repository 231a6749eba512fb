"""The workspace's quality dashboard: the score distribution as a chart drawn on the server,
the most frequent problems and the records to fix first.

The chart is inline SVG (no script, no image request): ``role="img"`` with a title and a
description that says every number, and the same numbers in a table right below it, so a
screen reader or a text browser loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from cultuurhub.quality import RULES, quality_report
from cultuurhub.store import Store, owned_names
from cultuurhub.web.i18n import MESSAGES, Messages
from cultuurhub.web.paths import record_page
from cultuurhub.web.workspace import WorkspaceContext, render

CHART_WIDTH = 560
CHART_HEIGHT = 240
_AXIS = 24  # room for the band labels under the bars
_TOP = 22  # room for the counts above the bars


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of the chart, in SVG user units, with its label and count."""

    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


def bars(distribution: dict[str, int]) -> list[Bar]:
    """Lay out one bar per score band, heights relative to the largest band."""
    largest = max(distribution.values(), default=0) or 1
    slot = CHART_WIDTH / max(len(distribution), 1)
    usable = CHART_HEIGHT - _AXIS - _TOP
    laid_out = []
    for position, (label, count) in enumerate(distribution.items()):
        height = usable * count / largest
        laid_out.append(
            Bar(label, count, position * slot + slot * 0.15, _TOP + usable - height,
                slot * 0.7, height)
        )  # fmt: skip
    return laid_out


_ENGLISH_HINTS = {rule.hint_nl: rule.hint_en for rules in RULES.values() for rule in rules}


def hint(text: str, t: Messages) -> str:
    """Return a quality hint (the report keeps "type: hint" in Dutch) in the reader's language."""
    kind, _, dutch = text.rpartition(": ")
    advice = _ENGLISH_HINTS.get(dutch, dutch) if t.lang == "en" else dutch
    if not kind:
        return advice
    label = t(f"ws.type.{kind}") if f"ws.type.{kind}" in MESSAGES else kind
    return f"{label}: {advice}"


def render_quality(store: Store, context: WorkspaceContext) -> str:
    """Render the dashboard of the signed-in organisation."""
    assert context.session is not None
    owner = context.session.organisation_id
    report = quality_report(store.owned_documents(owner), 20)
    report.fix_first = [row for row in report.fix_first if row["score"] < 100]
    names = owned_names(store, owner, [UUID(row["id"]) for row in report.fix_first])
    lang = context.page.lang

    def link(record_id: str, record_type: str) -> str | None:
        return record_page(record_type, UUID(record_id), lang)

    description = ", ".join(f"{band}: {count}" for band, count in report.distribution.items())
    return render(
        context, "quality.html", "quality",
        report=report, bars=bars(report.distribution), width=CHART_WIDTH, height=CHART_HEIGHT,
        axis_y=CHART_HEIGHT - 6, description=description, record_link=link,
        hint=lambda text: hint(text, context.page.messages),
        name=lambda record_id: names.get(UUID(record_id), record_id),
    )  # fmt: skip
