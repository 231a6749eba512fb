"""Dutch-aware search over the store: a tantivy index kept up to date from the change sequence.

See ``docs/search.md``.
"""

from cultuurhub.search.index import IndexBusy, SyncReport
from cultuurhub.search.query import FACETS, MAX_LIMIT, MAX_WINDOW, SORTS, QueryError, SearchQuery
from cultuurhub.search.service import FacetValue, Hit, SearchIndex, SearchResult, Suggestion
from cultuurhub.search.sync import Syncer, default_index_path

__all__ = [
    "FACETS",
    "MAX_LIMIT",
    "MAX_WINDOW",
    "SORTS",
    "FacetValue",
    "Hit",
    "IndexBusy",
    "QueryError",
    "SearchIndex",
    "SearchQuery",
    "SearchResult",
    "Suggestion",
    "SyncReport",
    "Syncer",
    "default_index_path",
]
