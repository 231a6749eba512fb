"""Duplicate review in the workspace: clusters from ``quality.find_duplicates`` that hold the
organisation's records, and a decision per cluster, kept in the records themselves.

- **The same**: every record of the organisation in the cluster gets the URIs of the other
  members in its ``sameAs`` (the link UiTdatabank and schema.org use), as a new version.
- **Not the same**: every record of the organisation in the cluster gets a hidden label
  ``cultuurhub-niet-dezelfde-als:<id>`` per other member, as a new version.

Nothing is merged, and only the signed-in organisation's own records change: a record of
another organisation is never touched, so clusters across owners are decided by each owner for
its own records. A cluster stays on the list until each own member has a decision about each
other member. Both decisions go through the store's one write path (versioned, in the change
feed). A later import whose source does not carry the link replaces the document and so brings
the cluster back for review; see ``docs/workspace.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

from cultuurhub.access import Action, Principal, require
from cultuurhub.config import get_settings
from cultuurhub.model import InvalidRecord, RecordType, parse_record
from cultuurhub.quality import Candidate, Cluster, find_duplicates
from cultuurhub.store import (
    RecordDraft,
    Store,
    StoredRecord,
    documents_near,
    draft_from_record,
)
from cultuurhub.web.i18n import Lang
from cultuurhub.web.paths import record_page
from cultuurhub.web.view_parts import pick
from cultuurhub.web.workspace import WorkspaceContext, render

REVIEWABLE = ("place", "organizer", "event")  # the types whose model has sameAs and hiddenLabels
MAX_CANDIDATES = 20_000
NOT_THE_SAME = "cultuurhub-niet-dezelfde-als:"


class DecisionRefused(ValueError):
    """A decision that cannot be stored; the message says why in Dutch and English."""


@dataclass(frozen=True, slots=True)
class MemberView:
    """One record of a cluster as the review shows it."""

    id: UUID
    name: str
    detail: str
    own: bool
    canonical: bool
    link: str | None


@dataclass(frozen=True, slots=True)
class ClusterView:
    """A cluster to review: how alike, why, its members, and whether it spans owners."""

    number: int
    percent: int
    reasons: tuple[str, ...]
    members: tuple[MemberView, ...]
    same_owner: bool

    @property
    def member_ids(self) -> str:
        """Return the members as the decision form sends them."""
        return ",".join(str(member.id) for member in self.members)


def record_uri(record_type: str, record_id: UUID) -> str:
    """Return a record's URI: ``{base_url}/{type path}/{id}``."""
    return f"{get_settings().base_url}/{RecordType(record_type).path}/{record_id}"


def open_clusters(
    store: Store, organisation_id: UUID, record_type: str
) -> tuple[list[tuple[Cluster, dict[UUID, Candidate]]], bool]:
    """Return the clusters with an undecided own record, and whether candidates were capped."""
    rows = documents_near(store, record_type, organisation_id, MAX_CANDIDATES)
    candidates = [Candidate(rid, record_type, owner, document) for rid, owner, document in rows]
    by_id = {candidate.record_id: candidate for candidate in candidates}
    found = []
    for cluster in find_duplicates(candidates):
        own = [by_id[m] for m in cluster.members if by_id[m].owner == organisation_id]
        if own and not all(_decided(c, cluster.members, record_type) for c in own):
            found.append((cluster, by_id))
    return found, len(rows) >= MAX_CANDIDATES


def _decided(candidate: Candidate, members: Iterable[UUID], record_type: str) -> bool:
    document = candidate.document
    same = set(document.get("sameAs") or ())
    different = set(document.get("hiddenLabels") or ())
    return all(
        record_uri(record_type, other) in same or f"{NOT_THE_SAME}{other}" in different
        for other in members
        if other != candidate.record_id
    )


def decide_duplicates(
    store: Store,
    principal: Principal,
    record_type: str,
    members: list[UUID],
    same: bool,
) -> int:
    """Store a decision on a cluster in the caller's own records; return how many changed."""
    if record_type not in REVIEWABLE or len(set(members)) < 2:
        raise DecisionRefused("Onbekende groep. / Unknown group.")
    found = [store.get(member) for member in members]
    records = [r for r in found if r is not None and r.type == record_type and not r.deleted]
    if len(records) != len(set(members)):
        raise DecisionRefused(
            "Een record van deze groep bestaat niet meer. / A record of this group is gone."
        )
    own = [r for r in records if r.owner == principal.organisation_id]
    if not own:
        raise DecisionRefused(
            "Geen van deze records hoort bij je organisatie. / None of these records is yours."
        )
    drafts = []
    for record in own:
        require(principal, Action.EDIT, record.owner)
        others = [r.id for r in records if r.id != record.id]
        drafts.append(_with_decision(record, others, same))
    author = f"workspace {principal.organisation_id}: dubbels / duplicates"
    results = store.put_batch(drafts, author)
    return sum(1 for result in results if result.outcome != "unchanged")


def _with_decision(record: StoredRecord, others: list[UUID], same: bool) -> RecordDraft:
    document = dict(record.document)
    if same:
        links = list(document.get("sameAs") or [])
        links += [uri for o in others if (uri := record_uri(record.type, o)) not in links]
        document["sameAs"] = links
    else:
        labels = list(document.get("hiddenLabels") or [])
        labels += [label for o in others if (label := f"{NOT_THE_SAME}{o}") not in labels]
        document["hiddenLabels"] = labels
    kind = RecordType(record.type)
    try:
        parsed = parse_record(kind, document)
    except InvalidRecord as error:
        raise DecisionRefused(str(error)) from None
    draft = draft_from_record(kind, parsed, record.owner, record_id=record.id)
    return replace(draft, visibility=record.visibility)


def render_duplicates(
    store: Store, context: WorkspaceContext, record_type: str, notice: str | None = None
) -> str:
    """Render the open clusters of one record type for the signed-in organisation."""
    assert context.session is not None
    record_type = record_type if record_type in REVIEWABLE else REVIEWABLE[0]
    owner = context.session.organisation_id
    found, capped = open_clusters(store, owner, record_type)
    views = [
        _cluster_view(number, cluster, by_id, owner, context.page.lang)
        for number, (cluster, by_id) in enumerate(found[:100], start=1)
    ]
    return render(
        context, "duplicates.html", "duplicates",
        clusters=views, record_type=record_type, types=REVIEWABLE, capped=capped,
        max_candidates=MAX_CANDIDATES, notice=notice, total=len(found),
    )  # fmt: skip


def _cluster_view(
    number: int, cluster: Cluster, by_id: Mapping[UUID, Candidate], owner: UUID, lang: Lang
) -> ClusterView:
    members = tuple(
        MemberView(
            id=member, name=_name(by_id[member].document, lang),
            detail=_detail(by_id[member].document, lang), own=by_id[member].owner == owner,
            canonical=member == cluster.canonical,
            link=record_page(by_id[member].type, member, lang),
        )
        for member in cluster.members
    )  # fmt: skip
    return ClusterView(number, round(cluster.score * 100), cluster.reasons, members,
                       cluster.same_owner)  # fmt: skip


def _name(document: Mapping[str, Any], lang: Lang) -> str:
    text = pick(document.get("name"), lang, document.get("mainLanguage", "nl"))
    return text.text if text is not None else "?"


def _detail(document: Mapping[str, Any], lang: Lang) -> str:
    address = document.get("address") or (document.get("location") or {}).get("address") or {}
    if isinstance(address, Mapping) and address:
        main = address.get(lang) or next(iter(address.values()))
        if isinstance(main, Mapping):
            parts = (main.get("streetAddress"), main.get("postalCode"), main.get("addressLocality"))
            return ", ".join(str(part) for part in parts if part)
    return str(document.get("startDate") or document.get("url") or "")
