"""Search over events, places, organisers, heritage objects and offers; autocomplete."""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID
from zoneinfo import ZoneInfo

import orjson
from fastapi import APIRouter, Query, Request, Response

from cultuurhub.api.problems import problem
from cultuurhub.api.records import jsonld_text, record_uri
from cultuurhub.config import get_settings
from cultuurhub.model import InvalidRecord, RecordType
from cultuurhub.publish import FeedEvent, FeedOptions, calendar_chunks
from cultuurhub.search import (
    FACETS,
    MAX_LIMIT,
    MAX_WINDOW,
    FacetValue,
    QueryError,
    SearchIndex,
    SearchQuery,
    SearchResult,
    Syncer,
    default_index_path,
)
from cultuurhub.search.extract import PUBLIC_WORKFLOW
from cultuurhub.store import Store, id_from_uri
from cultuurhub.store import search_reads as reads

router = APIRouter(tags=["search"])
_BY_PATH = {record_type.path: record_type for record_type in RecordType}
_COLLECTIONS = {
    "events": ("events",),
    "places": ("places",),
    "organizers": ("organizers",),
    "objects": ("objects",),
    "offers": ("events", "places"),
}
Many = Annotated[list[str] | None, Query()]
BRUSSELS = ZoneInfo("Europe/Brussels")


def build_query(
    kinds: tuple[str, ...],
    q: str = "",
    types: list[str] | None = None,
    themes: list[str] | None = None,
    facilities: list[str] | None = None,
    term_ids: list[str] | None = None,
    labels: list[str] | None = None,
    regions: list[str] | None = None,
    lat: float | None = None,
    lon: float | None = None,
    distance: float | None = None,
    bbox: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    status: list[str] | None = None,
    booking_availability: list[str] | None = None,
    price_min: float | None = None,
    price_max: float | None = None,
    is_free: bool | None = None,
    age: int | None = None,
    audience_type: list[str] | None = None,
    attendance_mode: list[str] | None = None,
    workflow_status: list[str] | None = None,
    organizer_id: list[str] | None = None,
    location_id: list[str] | None = None,
    languages: list[str] | None = None,
    creators: list[str] | None = None,
    modified_since: datetime | None = None,
    sort: str | None = None,
    order: str = "asc",
    start: int = 0,
    limit: int = 20,
    cursor: str | None = None,
    facets: list[str] | None = None,
    budget_ms: float | None = None,
) -> SearchQuery:
    """Turn request parameters into a :class:`SearchQuery` (raises QueryError when wrong)."""
    municipalities = tuple(code for code in regions or () if not code.endswith("000"))
    provinces = tuple(code for code in regions or () if code.endswith("000"))
    box = None
    if bbox:
        try:
            west, south, east, north = (float(part) for part in bbox.split(","))
        except ValueError as error:
            raise QueryError(
                "bbox moet vier getallen zijn: west,zuid,oost,noord. / "
                "bbox must be four numbers: west,south,east,north."
            ) from error
        box = (west, south, east, north)
    if sort is not None and sort not in {"relevance", "date", "modified", "distance"}:
        raise QueryError(
            "sort moet relevance, date, modified of distance zijn. / "
            "sort must be relevance, date, modified or distance."
        )
    if order not in {"asc", "desc"}:
        raise QueryError("order moet asc of desc zijn. / order must be asc or desc.")
    return SearchQuery(
        kinds=kinds, text=q, event_types=_t(types), themes=_t(themes),
        facilities=_t(facilities), terms=_t(term_ids), labels=_t(labels),
        municipalities=municipalities, provinces=provinces, latitude=lat, longitude=lon,
        distance_km=distance, bbox=box, date_from=date_from, date_to=date_to,
        statuses=_t(status), availability=_t(booking_availability), price_min=price_min,
        price_max=price_max, free=is_free, age=age, audiences=_t(audience_type),
        attendance=_t(attendance_mode),
        workflow=_t(workflow_status) or PUBLIC_WORKFLOW, organizers=_t(organizer_id),
        places=_t(location_id), languages=_t(languages), creators=_t(creators),
        modified_since=modified_since, sort=sort,  # type: ignore[arg-type]
        descending=order == "desc", start=start, limit=limit, cursor=cursor,
        facets=_t(facets), budget_ms=budget_ms or get_settings().search_budget_ms,
    )  # fmt: skip


def _t(values: list[str] | None) -> tuple[str, ...]:
    """Tuple of values; comma-separated values count as several."""
    found: list[str] = []
    for value in values or ():
        found.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(found)


def search_index(request: Request) -> SearchIndex:
    """The search index the app opened."""
    index: SearchIndex = request.app.state.search
    return index


def _search_route(path: str, kinds: tuple[str, ...]) -> None:
    @router.get(
        f"/{path}",
        summary=f"Search {path}",
        description=_DESCRIPTION,
        responses={400: {"description": "A parameter is wrong (problem details)."}},
    )
    def search(
        request: Request,
        q: Annotated[
            str, Query(max_length=500, description='Words (all must match); "a phrase" in quotes.')
        ] = "",
        types: Many = None,
        themes: Many = None,
        facilities: Many = None,
        termIds: Many = None,
        labels: Many = None,
        regions: Annotated[
            list[str] | None,
            Query(description="NIS codes of municipalities or provinces (10000, 20001, ...)"),
        ] = None,
        lat: float | None = None,
        lon: float | None = None,
        distance: Annotated[float | None, Query(description="km around lat,lon")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
        dateFrom: date | None = None,
        dateTo: date | None = None,
        status: Many = None,
        bookingAvailability: Many = None,
        priceMin: float | None = None,
        priceMax: float | None = None,
        isFree: bool | None = None,
        age: int | None = None,
        audienceType: Many = None,
        attendanceMode: Many = None,
        workflowStatus: Many = None,
        organizerId: Many = None,
        locationId: Many = None,
        languages: Many = None,
        creators: Many = None,
        modifiedSince: datetime | None = None,
        sort: Annotated[
            str | None, Query(description="relevance, date, modified or distance")
        ] = None,
        order: Annotated[str, Query(description="asc or desc")] = "asc",
        start: Annotated[int, Query(ge=0, le=MAX_WINDOW)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
        cursor: str | None = None,
        facets: Annotated[list[str] | None, Query(description=", ".join(FACETS))] = None,
        embed: Annotated[bool, Query(description="whole records instead of summaries")] = False,
        idsOnly: bool = False,
    ) -> Response:
        try:
            query = build_query(
                kinds, q, types, themes, facilities, termIds, labels, regions, lat, lon,
                distance, bbox, dateFrom, dateTo, status, bookingAvailability, priceMin,
                priceMax, isFree, age, audienceType, attendanceMode, workflowStatus,
                organizerId, locationId, languages, creators, modifiedSince, sort, order,
                start, limit, cursor, facets,
            )  # fmt: skip
            result = search_index(request).search(query)
        except QueryError as error:
            return problem(400, "Bad search", str(error))
        store: Store = request.app.state.store
        body = render(result, query, request, store, embed=embed, ids_only=idsOnly)
        return Response(
            body, media_type="application/ld+json", headers={"Cache-Control": "public, max-age=10"}
        )


_DESCRIPTION = """
Full-text search with Dutch analysis (accents folded, stop words ignored, stemmed: *concerten*
finds *concert*). All words must match; put a phrase in double quotes. Filters combine with AND;
several values of one filter (repeat the parameter or separate by commas) with OR. Dates are
matched against every occurrence and, for periodic and permanent offers, the opening days.
`start + limit` may not exceed 10,000: page further with `cursor` (the `next` link). When a part
of the answer (facets, exact distances) would take longer than the time budget, it is left out
and `partial` is true.
"""

for _path, _kinds in _COLLECTIONS.items():
    _search_route(_path, _kinds)


def render(
    result: SearchResult,
    query: SearchQuery,
    request: Request,
    store: Store,
    *,
    embed: bool = False,
    ids_only: bool = False,
) -> bytes:
    """The search answer as a JSON-LD paged collection."""
    members: list[Any]
    if ids_only:
        members = [record_uri(_BY_PATH[hit.kind], hit.id) for hit in result.hits]
    elif embed:
        with store.reader.connect() as connection:
            documents = reads.documents_by_ids(connection, [hit.id for hit in result.hits])
        members = [
            orjson.Fragment(jsonld_text(_BY_PATH[hit.kind], hit.id, documents[hit.id]))
            for hit in result.hits if hit.id in documents
        ]  # fmt: skip
    else:
        members = [_summary(hit) for hit in result.hits]
    body: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/hydra/context.jsonld",
        "@type": "PagedCollection",
        "totalItems": result.total,
        "itemsPerPage": query.limit,
        "start": 0 if query.cursor else query.start,
        "member": members,
        "partial": result.partial,
        "tookMs": round(result.took_ms, 2),
    }
    if result.partial_parts:
        body["partialParts"] = result.partial_parts
    if query.facets:
        body["facets"] = {
            name: [_facet(value) for value in values] for name, values in result.facets.items()
        }
    if result.next_cursor:
        params = [
            (key, value)
            for key, value in request.query_params.multi_items()
            if key not in {"cursor", "start"}
        ]
        params.append(("cursor", result.next_cursor))
        body["next"] = f"{get_settings().base_url}{request.url.path}?{urlencode(params)}"
    return orjson.dumps(body)


def _summary(hit: Any) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "@id": record_uri(_BY_PATH[hit.kind], hit.id),
        "@type": _BY_PATH[hit.kind].value,
        "name": hit.name,
    }
    if hit.start is not None:
        summary["startDate"] = datetime.fromtimestamp(hit.start, BRUSSELS).isoformat()
    if hit.latitude is not None:
        summary["geo"] = {"latitude": hit.latitude, "longitude": hit.longitude}
    if hit.distance_km is not None:
        summary["distanceKm"] = hit.distance_km
    return summary


def _facet(value: FacetValue) -> dict[str, Any]:
    node: dict[str, Any] = {"value": value.value, "label": value.label, "count": value.count}
    if value.children:
        node["children"] = [_facet(child) for child in value.children]
    return node


@router.get("/autocomplete", summary="Suggest titles and places while typing")
def autocomplete(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=100)],
    kinds: Annotated[str, Query(description="events,places,organizers,objects")] = "events,places",
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    """Titles and place names whose words begin with what was typed."""
    wanted = tuple(kind for kind in kinds.split(",") if kind in _BY_PATH)
    suggestions = search_index(request).autocomplete(q, wanted, limit)
    body = [
        {"@id": record_uri(_BY_PATH[s.kind], s.id), "@type": _BY_PATH[s.kind].value,
         "name": s.name}
        for s in suggestions
    ]  # fmt: skip
    return Response(
        orjson.dumps(body),
        media_type="application/json",
        headers={"Cache-Control": "public, max-age=60"},
    )


def open_search(
    store: Store, given: SearchIndex | None, own_store: bool
) -> tuple[SearchIndex, Syncer | None]:
    """The app's search index and its sync thread.

    The given index, else for the app's own store the configured folder, else (an app built
    around a store it was handed, as in tests) an index in memory.
    """
    settings = get_settings()
    turns = settings.search_concurrency or max(1, (os.cpu_count() or 1) // settings.workers)
    if given is not None:
        index = given
    else:
        path = default_index_path(store.url, settings.search_path) if own_store else None
        index = SearchIndex(path, turns, settings.search_cache_size)
    if settings.search_sync_seconds <= 0:
        return index, None
    return index, Syncer(index, store, settings.search_sync_seconds).start()


#: Most events one iCalendar feed of a search holds (the soonest first).
MAX_FEED_EVENTS = MAX_LIMIT


@router.get(
    "/events.ics",
    summary="Subscribe to an event search as an iCalendar feed",
    description="Takes the same filters as `GET /events` (q, types, themes, regions, lat/lon/"
    "distance, dateFrom/dateTo, isFree, age, labels, organizerId, locationId, ...). Without "
    f"dates the feed holds what happens from today on; at most {MAX_FEED_EVENTS} events, the "
    "soonest first. A municipality's website calendar can subscribe to the URL.",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}}, 400: {"description": "Bad filter."}},
)
def events_ics(request: Request) -> Response:
    """The events a search finds, as VEVENTs (one per occurrence)."""
    try:
        query = query_from_params(request, ("events",))
        result = search_index(request).search(query)
    except QueryError as error:
        return problem(400, "Bad search", str(error))
    store: Store = request.app.state.store
    with store.reader.connect() as connection:
        documents = reads.documents_by_ids(connection, [hit.id for hit in result.hits])
        parsed = {key: orjson.loads(text) for key, text in documents.items()}
        place_ids = [found for doc in parsed.values() if (found := _place_id(doc)) is not None]
        places = {
            key: orjson.loads(text)
            for key, text in reads.documents_by_ids(connection, place_ids).items()
        }
    feed = []
    for hit in result.hits:
        document = parsed.get(hit.id)
        if document is None:
            continue
        place = _place_id(document)
        try:
            feed.append(
                FeedEvent.from_document(hit.id, document, places.get(place) if place else None)
            )
        except InvalidRecord:
            continue
    options = FeedOptions(name="cultuurhub: " + (query.text or "activiteiten / events"))
    return Response(
        b"".join(calendar_chunks(feed, options)),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "public, max-age=300",
                 "Content-Disposition": 'inline; filename="cultuurhub-search.ics"'},
    )  # fmt: skip


def _place_id(document: dict[str, Any]) -> UUID | None:
    location = document.get("location")
    return id_from_uri(location.get("@id")) if isinstance(location, dict) else None


def query_from_params(request: Request, kinds: tuple[str, ...]) -> SearchQuery:
    """A search from raw query parameters, for routes that take every filter of `/events`."""
    params = request.query_params

    def many(name: str) -> list[str] | None:
        return params.getlist(name) or None

    def number(name: str, kind: type[float] | type[int]) -> Any:
        try:
            return kind(params[name]) if params.get(name) else None
        except ValueError as error:
            raise QueryError(f"{name} moet een getal zijn. / {name} must be a number.") from error

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(params[name]) if params.get(name) else None
        except ValueError as error:
            raise QueryError(
                f"{name} moet een datum zijn (JJJJ-MM-DD). / {name} must be a date (YYYY-MM-DD)."
            ) from error

    free = params.get("isFree")
    date_from, date_to = day("dateFrom"), day("dateTo")
    if date_from is None and date_to is None:
        date_from = datetime.now(BRUSSELS).date()
    return build_query(
        kinds, params.get("q", ""), many("types"), many("themes"), many("facilities"),
        many("termIds"), many("labels"), many("regions"), number("lat", float),
        number("lon", float), number("distance", float), params.get("bbox"), date_from,
        date_to, many("status"), many("bookingAvailability"), number("priceMin", float),
        number("priceMax", float), None if free is None else free.lower() in {"true", "1"},
        number("age", int), many("audienceType"), many("attendanceMode"),
        many("workflowStatus"), many("organizerId"), many("locationId"), many("languages"),
        None, None, "date", "asc", 0, MAX_FEED_EVENTS, None, None,
    )  # fmt: skip
