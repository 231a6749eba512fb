"""Harvest an OAI-PMH repository into the store, page by page, resumable and incremental."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from cultuurhub.ingest.base import Finding, SourceRecord
from cultuurhub.ingest.oaipmh import HarvestOptions, OaiPmhHarvester
from cultuurhub.ingest.oaipmh_state import HarvestState
from cultuurhub.ingest.service import ImportOptions, ImportReport, store_items
from cultuurhub.store import Store


class _PageCommitter:
    """Keeps the harvest state in the store, and stores a page's records before its state.

    The harvester saves its state after every page; saving here first stores the records read
    since the last save. An interrupted harvest so resumes after the last page that is stored,
    and a page read twice changes nothing, since imports are idempotent.
    """

    def __init__(self, store: Store, options: ImportOptions, report: ImportReport) -> None:
        self.store, self.options, self.report = store, options, report
        self.pending: list[SourceRecord | Finding] = []

    def load(self, source_url: str) -> HarvestState | None:
        """Return the saved state of this organisation's harvest of ``source_url``."""
        saved = self.store.load_harvest_state(_key(source_url, self.options))
        return None if saved is None else HarvestState.from_dict(saved)

    def save(self, source_url: str, state: HarvestState) -> None:
        """Store the records read so far, then the state that says they are done."""
        self.flush()
        self.store.save_harvest_state(_key(source_url, self.options), state.to_dict())

    def flush(self) -> None:
        """Store the records read since the last save."""
        items, self.pending = self.pending, []
        store_items(self.store, items, self.options, self.report)


def harvest(
    store: Store,
    base_url: str,
    options: ImportOptions,
    harvest_options: HarvestOptions | None = None,
    on_page: Callable[[int, int | None], None] | None = None,
) -> ImportReport:
    """Harvest ``base_url`` into the store for ``options.owner``; return what it did."""
    report = ImportReport()
    committer = _PageCommitter(store, options, report)
    settings = replace(harvest_options or HarvestOptions(), on_page=on_page)
    with OaiPmhHarvester(base_url, state_store=committer, options=settings) as harvester:
        for item in harvester.harvest():
            committer.pending.append(item)
    committer.flush()  # what came after the last saved page (findings of a failed request)
    return report


def _key(source_url: str, options: ImportOptions) -> str:
    return f"{options.owner}/{source_url}"
