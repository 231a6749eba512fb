"""The results page: hits as cards, facets to narrow them, sorting, pages and a map view.

Facet counts come from the search index with the filters applied; a chosen value stays listed
(checked) even when no hit has it any more, so it can always be unchecked. The kind tabs count
each kind for the same question in one extra search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Final

from cultuurhub.config import get_settings
from cultuurhub.model import municipalities, taxonomy
from cultuurhub.search import FacetValue, Hit, QueryError, SearchIndex, SearchResult
from cultuurhub.web.cards import event_card, place_ids, record_card
from cultuurhub.web.i18n import Messages
from cultuurhub.web.listings import Listings
from cultuurhub.web.paths import SEARCH_PATH
from cultuurhub.web.rendering import PageContext, render_page
from cultuurhub.web.results_request import (
    KINDS,
    MAX_PAGE,
    PAGE_SIZE,
    SORTS,
    WHEN,
    ResultsRequest,
)
from cultuurhub.web.view_parts import EventCard, RecordCard

#: Facet of the index → (parameter of the page, field of the request, message key).
FACET_PARAMS: Final[dict[str, tuple[str, str, str]]] = {
    "types": ("type", "types", "facet.eventtype"),
    "themes": ("theme", "themes", "facet.theme"),
    "regions": ("region", "regions", "facet.region"),
    "facilities": ("facility", "facilities", "facet.facilities"),
}
_FACETS_BY_KIND: Final[dict[str, tuple[str, ...]]] = {
    "events": ("types", "themes", "regions", "facilities"),
    "places": ("types", "regions", "facilities"),
    "organizers": ("regions",),
    "objects": (),
    "all": ("regions",),
}
_KIND_LABELS: Final = {
    "all": "results.kind_all", "events": "count.event", "places": "count.place",
    "organizers": "count.organizer", "objects": "count.object",
}  # fmt: skip
SHOWN: Final = 8
PROVINCES: Final = {
    "10000": "Antwerpen", "20001": "Vlaams-Brabant", "30000": "West-Vlaanderen",
    "40000": "Oost-Vlaanderen", "70000": "Limburg", "04000": "Brussel",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FacetOption:
    """One value to filter on: its label, count, whether it is chosen, its sub-values."""

    value: str
    label: str
    count: int
    checked: bool
    children: tuple[FacetOption, ...] = ()


@dataclass(frozen=True, slots=True)
class FacetGroup:
    """A facet as a group of checkboxes: the first few shown, the rest folded away."""

    param: str
    legend: str
    shown: list[FacetOption]
    folded: list[FacetOption]


@dataclass(frozen=True, slots=True)
class Tab:
    """A kind of record to search, with its count and link."""

    label: str
    count: int | None
    path: str
    current: bool


@dataclass(frozen=True, slots=True)
class ResultItem:
    """One hit: its card, its kind, and where it is (for the map)."""

    card: EventCard | RecordCard
    kind: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Chip:
    """A chosen filter, with the link that removes it."""

    label: str
    remove: str


@dataclass
class ResultsView:
    """The results page's content."""

    request: ResultsRequest
    total: int
    items: list[ResultItem]
    tabs: list[Tab]
    facets: list[FacetGroup]
    chips: list[Chip]
    partial: bool
    pages: int
    previous: str | None
    next: str | None
    list_path: str
    map_path: str
    sort_options: list[tuple[str, str]]
    when_options: list[tuple[str, str]]
    hidden: list[tuple[str, str]] = field(default_factory=list)
    map_tiles: str = ""
    map_attribution: str = ""


def render_results(page: PageContext, listings: Listings) -> str:
    """Render the results page for the request in ``page.query``."""
    request = ResultsRequest.from_params(page.query)
    view = build_results_view(request, page, listings)
    return render_page("results.html", page, results=view)


def build_results_view(
    request: ResultsRequest, page: PageContext, listings: Listings
) -> ResultsView:
    """Run the search and turn its answer into the page's content."""
    t = page.messages
    facets = _FACETS_BY_KIND[request.effective_kind]
    result = _search(listings.search, request, listings, facets)
    pages = min(-(-result.total // PAGE_SIZE), MAX_PAGE)
    settings = get_settings()
    return ResultsView(
        request=request,
        total=result.total,
        items=_items(result.hits, listings, t),
        tabs=_tabs(request, page, listings),
        facets=[_group(name, result.facets.get(name, []), request, t) for name in facets],
        chips=_chips(request, page, t),
        partial=result.partial,
        pages=pages,
        previous=_page_link(request, page, request.page - 1) if request.page > 1 else None,
        next=_page_link(request, page, request.page + 1) if request.page < pages else None,
        list_path=_link(request.changed(view="list", page=request.page), page),
        map_path=_link(request.changed(view="map", page=request.page), page),
        sort_options=[("", t(f"results.sort_{_natural(request)}"))]
        + [(key, t(f"results.sort_{key}")) for key in SORTS if key != _natural(request)],
        when_options=[("", t("results.any_time"))] + [(key, t(f"pick.{key}")) for key in WHEN],
        hidden=[(key, value) for key, value in page.query if key == "lang"],
        map_tiles=settings.map_tile_url,
        map_attribution=settings.map_attribution,
    )


def _natural(request: ResultsRequest) -> str:
    """The order the index uses when none is asked (as ``SearchQuery.effective_sort``)."""
    if request.text:
        return "relevance"
    return "date" if request.effective_kind in ("events", "all") else "modified"


def _search(
    index: SearchIndex | None, request: ResultsRequest, listings: Listings, facets: tuple[str, ...]
) -> SearchResult:
    if index is None:
        return SearchResult(0, [])
    try:
        return index.search(request.search_query(listings.now, facets))
    except QueryError:
        return SearchResult(0, [])


def _items(hits: list[Hit], listings: Listings, t: Messages) -> list[ResultItem]:
    documents = listings.documents([hit.id for hit in hits])
    places = listings.documents(list(place_ids(documents)))
    items = []
    for hit in hits:
        document = documents.get(hit.id)
        kind = hit.kind.removesuffix("s")
        if document is None:
            continue
        card: EventCard | RecordCard | None
        if kind == "event":
            card = event_card(hit.id, document, t, listings.now, places)
        else:
            card = record_card(kind, hit.id, document, t)
        if card is not None:
            items.append(ResultItem(card, kind, hit.latitude, hit.longitude))
    return items


def _tabs(request: ResultsRequest, page: PageContext, listings: Listings) -> list[Tab]:
    counts: dict[str, int] = {}
    if listings.search is not None:
        question = request.changed(kind="all").search_query(listings.now, ("kinds",))
        try:
            found = listings.search.search(question)
        except QueryError:
            found = SearchResult(0, [])
        counts = {value.value: value.count for value in found.facets.get("kinds", [])}
        counts["all"] = found.total
    t = page.messages
    current = request.effective_kind
    return [
        Tab(t(_KIND_LABELS[kind]).capitalize(), counts.get(kind, 0) if counts else None,
            _link(request.changed(kind=kind), page), kind == current)
        for kind in KINDS
    ]  # fmt: skip


def _group(name: str, values: list[FacetValue], request: ResultsRequest, t: Messages) -> FacetGroup:
    param, attribute, legend = FACET_PARAMS[name]
    chosen: tuple[str, ...] = getattr(request, attribute)
    options = [_option(value, chosen, t) for value in values]
    listed = {option.value for option in options}
    options += [FacetOption(value, _label(value, t), 0, True) for value in chosen
                if value not in listed and not _inside(value, options)]  # fmt: skip
    options.sort(key=lambda option: (not option.checked, -option.count, option.label))
    return FacetGroup(param, t(legend), options[:SHOWN], options[SHOWN:])


def _option(value: FacetValue, chosen: tuple[str, ...], t: Messages) -> FacetOption:
    children = tuple(_option(child, chosen, t) for child in value.children)
    checked = value.value in chosen
    shown_children = children if checked or any(c.checked for c in children) else ()
    return FacetOption(value.value, t.term(value.value, value.label), value.count, checked,
                       shown_children)  # fmt: skip


def _inside(value: str, options: list[FacetOption]) -> bool:
    return any(child.value == value for option in options for child in option.children)


def _label(value: str, t: Messages) -> str:
    return t.term(value, None)


def _chips(request: ResultsRequest, page: PageContext, t: Messages) -> list[Chip]:
    chips = []
    for name, (_, attribute, _) in FACET_PARAMS.items():
        for value in getattr(request, attribute):
            label = _region_name(value) if name == "regions" else t.term(value, _term(value))
            chips.append(Chip(label, _link(request.without_value(attribute, value), page)))
    if request.when:
        chips.append(Chip(t(f"pick.{request.when}"), _link(request.changed(when=""), page)))
    if request.date_from or request.date_to:
        text = " – ".join(d.isoformat() for d in (request.date_from, request.date_to) if d)
        chips.append(Chip(text, _link(request.changed(date_from=None, date_to=None), page)))
    if request.free:
        chips.append(Chip(t("pick.free"), _link(request.changed(free=False), page)))
    if request.children:
        chips.append(Chip(t("pick.children"), _link(request.changed(children=False), page)))
    if request.age is not None:
        label = f"{t('event.age')}: {request.age}"
        chips.append(Chip(label, _link(request.changed(age=None), page)))
    return chips


def _term(value: str) -> str | None:
    term = taxonomy().term(value)
    return term.label if term else None


def _region_name(code: str) -> str:
    if code in PROVINCES:
        return PROVINCES[code]
    return _municipality_names().get(code, code)


@cache
def _municipality_names() -> dict[str, str]:
    return {nis: municipality.name for nis, municipality in municipalities().items()}


def _link(request: ResultsRequest, page: PageContext) -> str:
    return page.link(SEARCH_PATH, request.params())


def _page_link(request: ResultsRequest, page: PageContext, number: int) -> str:
    return _link(request.changed(page=number), page)
