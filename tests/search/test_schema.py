"""The index layout (which keyword fields keep fast columns) and what tantivy refuses."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from uuid import UUID

import pytest
import tantivy

from cultuurhub.search.index import IndexCore, count_hits
from cultuurhub.search.schema import COUNTED, KEYWORDS, build_schema, register_analyzers
from cultuurhub.search.service import FACET_FIELDS
from cultuurhub.store.search_reads import IndexRow


def test_exactly_the_counted_keywords_have_fast_columns() -> None:
    """Facets read fast columns; filter-only keywords (ids, workflow, ...) do without them."""
    assert set(FACET_FIELDS.values()) | {"municipality"} == COUNTED  # regions count municipalities
    assert set(KEYWORDS) > COUNTED
    schema = build_schema()
    index = tantivy.Index(schema)
    register_analyzers(index)
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    writer.add_json('{"kind": ["events"], "owner": ["o-1"], "organizer": ["org-1"]}')
    writer.commit()
    index.reload()
    searcher = index.searcher()
    query = tantivy.Query.all_query()
    counted = searcher.aggregate(query, {f: {"terms": {"field": f}} for f in sorted(COUNTED)})
    assert counted["kind"]["buckets"] == [{"key": "events", "doc_count": 1}]
    found = searcher.search(tantivy.Query.term_query(schema, "organizer", "org-1"), 1)
    assert found.count == 1  # filtering on a keyword needs no fast column
    with pytest.raises(ValueError):  # and one that is not counted has none
        searcher.aggregate(query, {"o": {"terms": {"field": "owner"}}})


def test_a_record_with_a_value_of_the_wrong_kind_is_left_out_and_the_rest_indexed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The indexer hands tantivy JSON, which refuses a number where a keyword belongs."""
    core = IndexCore()
    now = datetime(2026, 11, 29, tzinfo=UTC)

    def row(number: int) -> IndexRow:
        return IndexRow(
            UUID(int=number), "organizer", UUID(int=99), "{}", "approved", "public", now,
            False, None, None, None,
        )  # fmt: skip

    good = {"name": {"nl": "Goed"}, "workflowStatus": "APPROVED"}
    odd = {"name": {"nl": "Vreemd"}, "terms": [{"id": 5, "domain": "theme"}]}
    writer = core.index.writer(heap_size=15_000_000, num_threads=1)
    with caplog.at_level(logging.WARNING):
        assert core._apply(writer, [row(1), row(2)], [good, odd], replace=True) == (1, 1)
    writer.commit()
    core.reload(force=True)
    assert count_hits(core.index.searcher(), tantivy.Query.all_query()) == 1
    assert str(UUID(int=2)) in caplog.text
