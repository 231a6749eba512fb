"""Load generated demo data into a store through the one write path."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from uuid import UUID

from cultuurhub.demo.records import DemoRecord
from cultuurhub.demo.service import demo_organisations, generate
from cultuurhub.model import InvalidRecord, RecordType, parse_record
from cultuurhub.store import RecordDraft, SourceRef, Store, draft_from_record

BATCH_SIZE = 1_000
SOURCE_SYSTEM = "cultuurhub-demo"


@dataclass
class LoadReport:
    """What a demo load did: counts per outcome and type, and the records the model refused."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    organisations: dict[str, UUID] = field(default_factory=dict)


def load_demo(
    store: Store,
    size: int,
    seed: int = 2026,
    on_progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Generate ``size`` demo records, validate them, and store them in batches."""
    report = LoadReport(organisations=ensure_organisations(store, size, seed))
    for batch in _batches(generate(size, seed), BATCH_SIZE):
        drafts = [_draft(record, report) for record in batch]
        valid = [draft for draft in drafts if draft is not None]
        for result in store.put_batch(valid, "cultuurhub demo"):
            setattr(report, result.outcome, getattr(report, result.outcome) + 1)
        for draft in valid:
            report.by_type[draft.type] = report.by_type.get(draft.type, 0) + 1
        if on_progress is not None:
            on_progress(len(batch))
    return report


def ensure_organisations(store: Store, size: int, seed: int) -> dict[str, UUID]:
    """Create the demo account organisations once; return their ids by demo key."""
    existing = {(o.name, o.website): o.id for o in store.list_organisations()}
    ids = {}
    for organisation in demo_organisations(size, seed):
        found = existing.get((organisation.name, organisation.website))
        if found is None:
            created = store.create_organisation(
                organisation.name, organisation.kind, organisation.website
            )
            found = existing[(organisation.name, organisation.website)] = created.id
        ids[organisation.key] = found
    return ids


def _draft(record: DemoRecord, report: LoadReport) -> RecordDraft | None:
    record_type = RecordType(record.type)
    try:
        canonical = parse_record(record_type, record.document)
    except InvalidRecord as error:
        report.refused.append(f"{record.source_id}: {error}")
        return None
    owner = report.organisations[record.owner_key]
    source = SourceRef(SOURCE_SYSTEM, record.source_id)
    return draft_from_record(record_type, canonical, owner, source)


def _batches(records: Iterable[DemoRecord], size: int) -> Iterator[list[DemoRecord]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch
