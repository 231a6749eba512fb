"""The index layout: which keyword fields keep fast columns."""

from __future__ import annotations

import pytest
import tantivy

from cultuurhub.search.schema import COUNTED, KEYWORDS, build_schema, register_analyzers
from cultuurhub.search.service import FACET_FIELDS


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
