"""Searching: hits in a stated order, facets with counts, a time budget, autocomplete."""

from __future__ import annotations

import base64
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from uuid import UUID

import orjson
import tantivy

from cultuurhub.model import vocab
from cultuurhub.search.extract import province_of
from cultuurhub.search.index import IndexCore, count_hits
from cultuurhub.search.query import (
    FACETS,
    MAX_LIMIT,
    MAX_WINDOW,
    Circle,
    QueryError,
    SearchQuery,
    filters,
    text_query,
)
from cultuurhub.search.schema import folded_analyzer

#: The keyword field each facet counts.
FACET_FIELDS = {
    "types": "eventtype", "themes": "theme", "facilities": "facility", "labels": "label",
    "status": "status", "availability": "availability", "audience": "audience",
    "attendance": "attendance", "languages": "language", "creators": "creator",
    "rights": "rights", "kinds": "kind",
}  # fmt: skip
PROVINCES = {
    "10000": "Antwerpen", "20001": "Vlaams-Brabant", "30000": "West-Vlaanderen",
    "40000": "Oost-Vlaanderen", "70000": "Limburg", "04000": "Brussels Hoofdstedelijk Gewest",
    "20002": "Waals-Brabant", "50000": "Henegouwen", "60000": "Luik", "80000": "Luxemburg",
    "90000": "Namen",
}  # fmt: skip
#: Hits whose distance is worked out one by one, at most (beyond: approximate, flagged).
MAX_EXACT_GEO = 20_000
#: Pages that end this deep or less come in one pass with their facets (deeper, tantivy's
#: top_hits is slower than a page search: 294 ms against 12 ms at 10,000).
ONE_PASS_DEPTH = 500
#: Complete answers kept per process, unless told otherwise.
CACHE_SIZE = 2_000
_FOLDED = folded_analyzer()


@dataclass(frozen=True, slots=True)
class Hit:
    """One record found."""

    id: UUID
    kind: str
    score: float
    name: str
    start: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with how many hits have it; regions nest municipalities."""

    value: str
    label: str
    count: int
    children: tuple[FacetValue, ...] = ()


@dataclass(slots=True)
class SearchResult:
    """Hits in order, the total, facets, and whether a part ran out of time."""

    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    partial: bool = False
    partial_parts: list[str] = field(default_factory=list)
    next_cursor: str | None = None
    took_ms: float = 0.0


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An autocomplete suggestion."""

    id: UUID
    kind: str
    name: str


class SearchIndex(IndexCore):
    """The index, and the searches run on it.

    Complete answers are kept in a small LRU cache per index generation (the store position of
    the commit the searcher sees), so a repeated search is answered without running it again
    and a new commit makes every cached answer stale at once.
    """

    def __init__(
        self, path: Path | str | None = None, concurrency: int = 2, cache_size: int = CACHE_SIZE
    ) -> None:
        super().__init__(path)
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple[SearchQuery, int], SearchResult] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._turns = threading.BoundedSemaphore(max(1, concurrency))

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a search, or answer it from the cache of this index generation.

        At most ``concurrency`` searches run at once; the others wait their turn, so that many
        requests at once do not each run slowly, break their time budget (which counts from
        the turn, not the wait) and come back partial. A search that waited for the same
        question to be answered takes that answer from the cache.
        """
        started = time.perf_counter()
        _check(query)
        cached = self._cached(query, started)
        if cached is not None:
            return cached
        with self._turns:
            turn = time.perf_counter()
            cached = self._cached(query, started)
            if cached is not None:
                return cached
            searcher = self.searcher()
            key = (query, self.generation)
            result = self._search(searcher, query, turn)
        if not result.partial and self.cache_size > 0:
            with self._cache_lock:
                self._cache[key] = result
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return result

    def _cached(self, query: SearchQuery, started: float) -> SearchResult | None:
        """The answer of this index generation, if it was given before."""
        self.reload()  # takes in a new commit (at most once a second): a new generation
        key = (query, self.generation)
        with self._cache_lock:
            cached = self._cache.get(key)
            if cached is None:
                return None
            self._cache.move_to_end(key)
        return replace(cached, took_ms=(time.perf_counter() - started) * 1000)

    def _search(
        self, searcher: tantivy.Searcher, query: SearchQuery, started: float
    ) -> SearchResult:
        """Run a search; a part that would break the time budget is left out and flagged."""
        clauses = filters(self.schema, query)
        words = text_query(self.schema, query.text) if query.text.strip() else None
        if words is not None:
            clauses.append((tantivy.Occur.Must, words))
        result = SearchResult(0, [])
        circle = _circle(query)
        if circle is not None:
            clauses += circle.outer(self.schema)
            excluded, complete = self._outside(searcher, clauses, circle)
            if excluded:
                clauses.append(
                    (
                        tantivy.Occur.MustNot,
                        tantivy.Query.term_set_query(self.schema, "id_key", excluded),
                    )
                )
            if not complete:
                result.partial_parts.append("distance")
        base = _combine(clauses)
        sort = query.effective_sort
        page_query = base
        if query.cursor and sort in {"date", "modified"}:
            page_query = _combine([*clauses, (tantivy.Occur.Must, self._after(query, sort))])
        # The page's own search counts the hits when it runs over the whole result.
        together = page_query is base and sort != "distance"
        elapsed = (time.perf_counter() - started) * 1000
        if (
            together
            and sort in {"date", "modified"}
            and query.facets
            and query.start + query.limit <= ONE_PASS_DEPTH
            and elapsed <= query.budget_ms * 0.6
        ):  # page, total and facets in one pass over the hits
            self._page_with_facets(searcher, base, query, sort, circle, result)
            result.partial = bool(result.partial_parts)
            result.took_ms = (time.perf_counter() - started) * 1000
            return result
        result.total = -1 if together else count_hits(searcher, base)
        result.hits = self._page(searcher, page_query, query, sort, circle, result)
        elapsed = (time.perf_counter() - started) * 1000
        if query.facets:
            if elapsed > query.budget_ms * 0.6:
                result.partial_parts.append("facets")
            else:
                result.facets = self._facets(searcher, base, query.facets)
        result.partial = bool(result.partial_parts)
        result.took_ms = (time.perf_counter() - started) * 1000
        return result

    def _page(
        self,
        searcher: tantivy.Searcher,
        query_: tantivy.Query,
        query: SearchQuery,
        sort: str,
        circle: Circle | None,
        result: SearchResult,
    ) -> list[Hit]:
        start = 0 if query.cursor else query.start
        if sort == "distance":
            if circle is None:
                raise QueryError(
                    "Sorteren op afstand vraagt een punt (lat, lon). / "
                    "Sorting by distance needs a point (lat, lon)."
                )
            return self._by_distance(searcher, query_, query, circle, result)
        if sort == "relevance":
            found = searcher.search(query_, limit=query.limit, offset=start, count=result.total < 0)
            _take_count(result, found)
            hits = [self._hit(searcher, address, score, circle) for score, address in found.hits]
            hits.sort(key=lambda hit: (-hit.score, hit.id))
            if start + query.limit < result.total:
                result.next_cursor = _encode({"sort": sort, "offset": start + query.limit})
            return hits
        field_name = "date_key" if sort == "date" else "modified_key"
        order = tantivy.Order.Desc if query.descending else tantivy.Order.Asc
        found = searcher.search(
            query_,
            limit=query.limit,
            offset=start,
            count=result.total < 0,
            order_by_field=field_name,
            order=order,
        )
        _take_count(result, found)
        hits = [self._hit(searcher, address, float(key), circle) for key, address in found.hits]
        if len(hits) == query.limit and found.hits:
            result.next_cursor = _encode(
                {"sort": sort, "key": int(found.hits[-1][0]), "desc": query.descending}
            )
        return hits

    def _page_with_facets(
        self,
        searcher: tantivy.Searcher,
        query_: tantivy.Query,
        query: SearchQuery,
        sort: str,
        circle: Circle | None,
        result: SearchResult,
    ) -> None:
        """A date or modified sort's page, the total and the facets from one aggregation."""
        field_name = "date_key" if sort == "date" else "modified_key"
        aggregations = _facet_aggregations(query.facets)
        aggregations["_page"] = {"top_hits": {
            "size": query.limit, "from": query.start,
            "sort": [{field_name: "desc" if query.descending else "asc"}],
            "docvalue_fields": ["id_key", field_name],
        }}  # fmt: skip
        aggregations["_total"] = {"value_count": {"field": "id_key"}}
        answer = searcher.aggregate(query_, aggregations)
        result.total = int(answer["_total"]["value"])
        result.facets = _facet_values(answer, query.facets)
        ranked = [
            (int(hit["docvalue_fields"]["id_key"][0]), int(hit["docvalue_fields"][field_name][0]))
            for hit in answer["_page"]["hits"]
        ]
        if not ranked:
            return
        keys = [id_key for id_key, _ in ranked]
        found = searcher.search(
            tantivy.Query.term_set_query(self.schema, "id_key", keys), limit=len(keys), count=False
        )
        addresses = [address for _, address in found.hits]
        by_key = dict(zip(searcher.fast_field_values("id_key", addresses), addresses, strict=True))
        result.hits = [
            self._hit(searcher, by_key[id_key], float(sort_key), circle)
            for id_key, sort_key in ranked
        ]
        if len(result.hits) == query.limit:
            result.next_cursor = _encode(
                {"sort": sort, "key": ranked[-1][1], "desc": query.descending}
            )

    def _after(self, query: SearchQuery, sort: str) -> tantivy.Query:
        state = _decode(query.cursor or "")
        if state.get("sort") != sort or "key" not in state:
            raise QueryError(
                "Deze cursor hoort bij een andere zoekopdracht. / "
                "This cursor belongs to another search."
            )
        key = int(state["key"])
        field_name = "date_key" if sort == "date" else "modified_key"
        low, high = (None, key - 1) if state.get("desc") else (key + 1, None)
        return tantivy.Query.range_query(
            self.schema, field_name, tantivy.FieldType.Integer, low, high
        )

    def _by_distance(
        self,
        searcher: tantivy.Searcher,
        query_: tantivy.Query,
        query: SearchQuery,
        circle: Circle,
        result: SearchResult,
    ) -> list[Hit]:
        take = min(result.total, MAX_EXACT_GEO)
        if take < result.total:
            result.partial_parts.append("distance-sort")
        found = searcher.search(
            query_, limit=take, count=False, order_by_field="date_key", order=tantivy.Order.Asc
        )
        addresses = [address for _, address in found.hits]
        keys = [int(key) for key, _ in found.hits]
        lats = searcher.fast_field_values("latitude", addresses)
        lons = searcher.fast_field_values("longitude", addresses)
        ranked = sorted(
            (circle.distance(lat, lon), key, address)
            for lat, lon, key, address in zip(lats, lons, keys, addresses, strict=True)
            if lat is not None and lon is not None
        )
        start = 0 if not query.cursor else int(_decode(query.cursor).get("offset", 0))
        start = start or query.start
        window = ranked[start : start + query.limit]
        if start + query.limit < len(ranked):
            result.next_cursor = _encode({"sort": "distance", "offset": start + query.limit})
        return [self._hit(searcher, address, -distance, circle) for distance, _, address in window]

    def _outside(
        self,
        searcher: tantivy.Searcher,
        clauses: list[Any],
        circle: Circle,
    ) -> tuple[list[int], bool]:
        """Id keys inside the outer polygon but outside the circle (only the rim is checked)."""
        rim = _combine([*clauses, (tantivy.Occur.MustNot, circle.inner(self.schema))])
        found = searcher.search(rim, limit=MAX_EXACT_GEO + 1, count=False)
        complete = len(found.hits) <= MAX_EXACT_GEO
        addresses = [address for _, address in found.hits[:MAX_EXACT_GEO]]
        lats = searcher.fast_field_values("latitude", addresses)
        lons = searcher.fast_field_values("longitude", addresses)
        keys = searcher.fast_field_values("id_key", addresses)
        return [
            int(key)
            for key, lat, lon in zip(keys, lats, lons, strict=True)
            if key is not None
            and (lat is None or lon is None or circle.distance(lat, lon) > circle.radius_km)
        ], complete

    def _hit(
        self,
        searcher: tantivy.Searcher,
        address: tantivy.DocAddress,
        score: float,
        circle: Circle | None,
    ) -> Hit:
        stored = searcher.doc(address)
        latitude = _first(stored, "latitude")
        longitude = _first(stored, "longitude")
        distance = None
        if circle is not None and latitude is not None and longitude is not None:
            distance = round(circle.distance(latitude, longitude), 3)
        return Hit(
            id=UUID(str(stored["id"][0])), kind=_kind(stored), score=score,
            name=str(_first(stored, "name") or ""), start=_first(stored, "start"),
            latitude=latitude, longitude=longitude, distance_km=distance,
        )  # fmt: skip

    def _facets(
        self, searcher: tantivy.Searcher, query_: tantivy.Query, names: tuple[str, ...]
    ) -> dict[str, list[FacetValue]]:
        aggregations = _facet_aggregations(names)
        if not aggregations:
            return {}
        return _facet_values(searcher.aggregate(query_, aggregations), names)

    def autocomplete(
        self, prefix: str, kinds: tuple[str, ...] = ("events", "places"), limit: int = 10
    ) -> list[Suggestion]:
        """Titles and places whose words start with what was typed (accents folded)."""
        tokens = _FOLDED.analyze(prefix)
        if not tokens or len(prefix) > 100:
            return []
        limit = max(1, min(limit, 50))
        searcher = self.searcher()
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = [
            (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "suggest", token))
            for token in tokens[:-1]
        ]
        last = tokens[-1]
        clauses.append(
            (
                tantivy.Occur.Must,
                tantivy.Query.regex_query(self.schema, "suggest", _regex_escape(last) + ".*"),
            )
        )
        clauses.append(
            (
                tantivy.Occur.Must,
                tantivy.Query.term_set_query(
                    self.schema, "workflow", ["APPROVED", "READY_FOR_VALIDATION", "ACTIVE"]
                ),
            )
        )
        if kinds:
            clauses.append(
                (tantivy.Occur.Must, tantivy.Query.term_set_query(self.schema, "kind", list(kinds)))
            )
        found = searcher.search(
            _combine(clauses),
            limit=limit * 3,
            count=False,
            order_by_field="date_key",
            order=tantivy.Order.Asc,
        )
        seen: set[str] = set()
        suggestions: list[Suggestion] = []
        for _, address in found.hits:
            stored = searcher.doc(address)
            name = str(_first(stored, "name") or "")
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            suggestions.append(Suggestion(UUID(str(stored["id"][0])), _kind(stored), name))
            if len(suggestions) == limit:
                break
        return suggestions

    def count(self) -> int:
        """How many records the index holds."""
        return int(self.searcher().num_docs)


def _take_count(result: SearchResult, found: tantivy.SearchResult) -> None:
    """Take the total from a page search that counted (tantivy's stubs lack ``count``)."""
    if result.total < 0:
        result.total = int(found.count)  # type: ignore[attr-defined]


def _check(query: SearchQuery) -> None:
    if not 1 <= query.limit <= MAX_LIMIT:
        raise QueryError(
            f"limit moet tussen 1 en {MAX_LIMIT} liggen. / limit must be between 1 and {MAX_LIMIT}."
        )
    if query.start < 0 or query.start + query.limit > MAX_WINDOW:
        raise QueryError(
            f"start + limit mag niet boven {MAX_WINDOW}; gebruik de cursor. / "
            f"start + limit may not exceed {MAX_WINDOW}; use the cursor."
        )
    unknown = [name for name in query.facets if name not in FACETS]
    if unknown:
        raise QueryError(f"Onbekend facet / unknown facet: {', '.join(unknown)}")
    if (query.latitude is None) != (query.longitude is None):
        raise QueryError("Geef lat en lon samen. / Give lat and lon together.")
    if query.distance_km is not None and query.latitude is None:
        raise QueryError("Een afstand vraagt een punt (lat, lon). / A distance needs lat and lon.")
    if query.distance_km is not None and not 0 < query.distance_km <= 500:
        raise QueryError(
            "De afstand moet tussen 0 en 500 km liggen. / "
            "The distance must be between 0 and 500 km."
        )


def _circle(query: SearchQuery) -> Circle | None:
    if query.latitude is None or query.longitude is None:
        return None
    radius = query.distance_km
    if radius is None:
        if query.effective_sort != "distance":
            return None
        radius = 50.0
    return Circle(query.latitude, query.longitude, radius)


def _combine(clauses: list[tuple[tantivy.Occur, tantivy.Query]]) -> tantivy.Query:
    if not clauses:
        return tantivy.Query.all_query()
    if all(occur == tantivy.Occur.MustNot for occur, _ in clauses):
        clauses = [(tantivy.Occur.Must, tantivy.Query.all_query()), *clauses]
    return tantivy.Query.boolean_query(clauses)


def _first(stored: tantivy.Document, name: str) -> Any:
    return stored.get_first(name)


def _kind(stored: tantivy.Document) -> str:
    return str(_first(stored, "kind") or "")


def _facet_aggregations(names: tuple[str, ...]) -> dict[str, Any]:
    """The tantivy aggregations that count the facets asked for."""
    aggregations: dict[str, Any] = {}
    for name in names:
        if name == "regions":
            aggregations[name] = {"terms": {"field": "municipality", "size": 600}}
        elif name in FACET_FIELDS:
            aggregations[name] = {"terms": {"field": FACET_FIELDS[name], "size": 100}}
    return aggregations


def _facet_values(answer: dict[str, Any], names: tuple[str, ...]) -> dict[str, list[FacetValue]]:
    """The facets' values with their counts, from an aggregation's answer."""
    facets: dict[str, list[FacetValue]] = {}
    for name in _facet_aggregations(names):
        buckets = answer.get(name, {}).get("buckets", [])
        if name == "regions":
            facets[name] = _regions(buckets)
        else:
            facets[name] = [_facet_value(name, bucket) for bucket in buckets]
    return facets


def _regions(buckets: list[dict[str, Any]]) -> list[FacetValue]:
    """Provinces with their municipalities; a record lies in one municipality, so a province
    counts the sum of its municipalities."""
    children: dict[str, list[FacetValue]] = {}
    for bucket in buckets:
        nis = str(bucket["key"])
        value = FacetValue(nis, _municipality_name(nis), int(bucket["doc_count"]))
        children.setdefault(province_of(nis), []).append(value)
    provinces = [
        FacetValue(code, PROVINCES.get(code, code), sum(c.count for c in found), tuple(found))
        for code, found in children.items()
    ]
    return sorted(provinces, key=lambda province: (-province.count, province.value))


def _facet_value(name: str, bucket: dict[str, Any]) -> FacetValue:
    value = str(bucket.get("key"))
    count = int(bucket.get("doc_count", 0))
    if name in {"types", "themes", "facilities"}:
        term = vocab.taxonomy().term(value)
        return FacetValue(value, (term.label if term else None) or value, count)
    return FacetValue(value, value, count)


_MUNICIPALITIES: dict[str, str] = {}


def _municipality_name(nis: str) -> str:
    if not _MUNICIPALITIES:
        _MUNICIPALITIES.update((nis, m.name) for nis, m in vocab.municipalities().items())
    return _MUNICIPALITIES.get(nis, nis)


#: The characters Rust's regex syntax (tantivy's) lets one escape; escaping any other, such as
#: ``_`` or a character Python does not count as alphanumeric, is an error there.
_REGEX_META = frozenset("\\.+*?()|[]{}^$#&-~")


def _regex_escape(text: str) -> str:
    return "".join("\\" + char if char in _REGEX_META else char for char in text)


def _encode(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(state)).decode().rstrip("=")


def _decode(cursor: str) -> dict[str, Any]:
    try:
        state = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, orjson.JSONDecodeError) as error:
        raise QueryError("Deze cursor is ongeldig. / This cursor is not valid.") from error
    if not isinstance(state, dict):
        raise QueryError("Deze cursor is ongeldig. / This cursor is not valid.")
    return state
