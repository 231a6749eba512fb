"""What a search asks for, and how it becomes a tantivy query."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

import tantivy

from cultuurhub.search import geo
from cultuurhub.search.extract import PUBLIC_WORKFLOW, day_number
from cultuurhub.search.schema import dutch_analyzer

Sort = Literal["relevance", "date", "modified", "distance"]
SORTS: tuple[str, ...] = ("relevance", "date", "modified", "distance")
FACETS: tuple[str, ...] = (
    "types", "themes", "facilities", "labels", "regions", "status", "availability",
    "audience", "attendance", "languages", "creators", "rights", "kinds",
)  # fmt: skip
MAX_LIMIT = 200
MAX_WINDOW = 10_000
_PHRASE = re.compile(r'"([^"]+)"')
_ANALYZER = dutch_analyzer()


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Everything a search can ask. Tuples are OR within a filter and AND between filters."""

    kinds: tuple[str, ...] = ()
    text: str = ""
    event_types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    distance_km: float | None = None
    bbox: tuple[float, float, float, float] | None = None
    date_from: date | None = None
    date_to: date | None = None
    statuses: tuple[str, ...] = ()
    availability: tuple[str, ...] = ()
    price_min: float | None = None
    price_max: float | None = None
    free: bool | None = None
    age: int | None = None
    audiences: tuple[str, ...] = ()
    attendance: tuple[str, ...] = ()
    workflow: tuple[str, ...] = PUBLIC_WORKFLOW
    organizers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    creators: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    calendars: tuple[str, ...] = ()
    modified_since: datetime | None = None
    sort: Sort | None = None
    descending: bool = False
    start: int = 0
    limit: int = 20
    cursor: str | None = None
    facets: tuple[str, ...] = ()
    budget_ms: float = 250.0

    @property
    def effective_sort(self) -> Sort:
        """The sort asked for, or the natural one: relevance with words, else by date."""
        if self.sort is not None:
            return self.sort
        if self.text.strip():
            return "relevance"
        return "date" if not self.kinds or "events" in self.kinds else "modified"


class QueryError(ValueError):
    """A search that cannot be run as asked (Dutch message first, English after)."""


def words(text: str) -> tuple[list[str], list[list[str | tuple[int, str]]]]:
    """Split the text into analysed loose words and analysed phrases."""
    phrases: list[list[str | tuple[int, str]]] = [
        list(_ANALYZER.analyze(found)) for found in _PHRASE.findall(text)
    ]
    loose = _ANALYZER.analyze(_PHRASE.sub(" ", text))
    return loose, [phrase for phrase in phrases if phrase]


def text_query(schema: tantivy.Schema, text: str) -> tantivy.Query | None:
    """Every word must match (in the name or the other text); phrases match as phrases."""
    loose, phrases = words(text)
    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
    for word in dict.fromkeys(loose):
        either = tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.boost_query(
                tantivy.Query.term_query(schema, "name", word), 3.0)),
            (tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", word)),
        ])  # fmt: skip
        clauses.append((tantivy.Occur.Must, either))
    for phrase in phrases:
        if len(phrase) == 1:
            clauses.append((tantivy.Occur.Must, _either(schema, str(phrase[0]))))
            continue
        clauses.append((tantivy.Occur.Must, tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.boost_query(
                tantivy.Query.phrase_query(schema, "name", phrase, slop=1), 3.0)),
            (tantivy.Occur.Should, tantivy.Query.phrase_query(schema, "text", phrase, slop=1)),
        ])))  # fmt: skip
    if not clauses:
        return None
    return tantivy.Query.boolean_query(clauses)


def _either(schema: tantivy.Schema, word: str) -> tantivy.Query:
    return tantivy.Query.boolean_query([
        (tantivy.Occur.Should, tantivy.Query.term_query(schema, "name", word)),
        (tantivy.Occur.Should, tantivy.Query.term_query(schema, "text", word)),
    ])  # fmt: skip


def any_of(schema: tantivy.Schema, field_name: str, values: tuple[str, ...]) -> tantivy.Query:
    """Match records with at least one of these keyword values."""
    return tantivy.Query.term_set_query(schema, field_name, list(values))


def int_range(
    schema: tantivy.Schema, name: str, low: int | None, high: int | None
) -> tantivy.Query:
    """An inclusive integer range over the inverted index."""
    return tantivy.Query.range_query(
        schema, name, tantivy.FieldType.Integer, low, high, use_inverted_index=True
    )


def float_range(
    schema: tantivy.Schema, name: str, low: float | None, high: float | None
) -> tantivy.Query:
    """An inclusive float range; coordinates use their fast columns, prices the index."""
    return tantivy.Query.range_query(
        schema, name, tantivy.FieldType.Float, low, high, use_inverted_index=name == "price"
    )


def date_query(schema: tantivy.Schema, first: date | None, last: date | None) -> tantivy.Query:
    """Something happens on a day in [first, last]: an occurrence, or an open day of a period."""
    low = None if first is None else day_number(first)
    high = None if last is None else day_number(last)
    if low is not None and high is not None and high < low:
        raise QueryError(
            "De einddatum ligt voor de begindatum. / The end date is before the start date."
        )
    on_a_day = int_range(schema, "days", low, high)
    period: list[tuple[tantivy.Occur, tantivy.Query]] = []
    if high is not None:
        period.append((tantivy.Occur.Must, int_range(schema, "period_from", None, high)))
    if low is not None:
        period.append((tantivy.Occur.Must, int_range(schema, "period_to", low, None)))
    if not period:
        period.append((tantivy.Occur.Must, int_range(schema, "period_from", None, None)))
    # permanent calendars have no period: they are open on their weekdays whatever the dates
    always: list[tuple[tantivy.Occur, tantivy.Query]] = [
        (tantivy.Occur.Must, tantivy.Query.term_query(schema, "always", True))
    ]
    if first is not None and last is not None and (last - first).days < 6:
        weekdays = sorted(
            {(first + timedelta(days=n)).weekday() for n in range((last - first).days + 1)}
        )
        on_weekdays = (tantivy.Occur.Must, tantivy.Query.boolean_query([
            (tantivy.Occur.Should, int_range(schema, "weekdays", day, day)) for day in weekdays
        ]))  # fmt: skip
        period.append(on_weekdays)
        always.append(on_weekdays)
    return tantivy.Query.boolean_query([
        (tantivy.Occur.Should, on_a_day),
        (tantivy.Occur.Should, tantivy.Query.boolean_query(period)),
        (tantivy.Occur.Should, tantivy.Query.boolean_query(always)),
    ])  # fmt: skip


@dataclass(frozen=True, slots=True)
class Circle:
    """A point and a radius, matched through the H3 cells each record is indexed with.

    The outer cover holds the whole circle; the inner one lies wholly inside it (see
    ``search.geo``). Only the records in the rim between them need an exact great-circle check.
    """

    latitude: float
    longitude: float
    radius_km: float

    def outer(self, schema: tantivy.Schema) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        """The cells that hold every point within the radius."""
        cells = geo.cover(self.latitude, self.longitude, self.radius_km).outer
        return [(tantivy.Occur.Must, tantivy.Query.term_set_query(schema, "cell", list(cells)))]

    def inner(self, schema: tantivy.Schema) -> tantivy.Query:
        """The cells whose every point lies within the radius."""
        cells = geo.cover(self.latitude, self.longitude, self.radius_km).inner
        return tantivy.Query.term_set_query(schema, "cell", list(cells))

    def distance(self, latitude: float, longitude: float) -> float:
        """Great-circle distance in km (haversine)."""
        return geo.distance_km(self.latitude, self.longitude, latitude, longitude)


def filters(
    schema: tantivy.Schema, query: SearchQuery
) -> list[tuple[tantivy.Occur, tantivy.Query]]:
    """Every filter of the search as a MUST clause (geo circles are added by the service)."""
    clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []

    def must(part: tantivy.Query) -> None:
        clauses.append((tantivy.Occur.Must, part))

    kinds, workflow = query.kinds, query.workflow
    if kinds and set(workflow) == set(PUBLIC_WORKFLOW):
        # one keyword says both (the kind of a record in a public state): one posting list
        # instead of the union of three large ones
        must(any_of(schema, "listed", kinds))
        kinds = workflow = ()
    keyword_filters = (
        ("kind", kinds), ("eventtype", query.event_types), ("theme", query.themes),
        ("facility", query.facilities), ("terms", query.terms),
        ("municipality", query.municipalities), ("province", query.provinces),
        ("status", query.statuses), ("availability", query.availability),
        ("audience", query.audiences), ("attendance", query.attendance),
        ("workflow", workflow), ("organizer", query.organizers), ("place", query.places),
        ("owner", query.owners), ("language", query.languages), ("creator", query.creators),
        ("rights", query.rights), ("calendar", query.calendars),
    )  # fmt: skip
    for name, values in keyword_filters:
        if values:
            must(any_of(schema, name, values))
    if query.labels:
        must(tantivy.Query.boolean_query([
            (tantivy.Occur.Should, any_of(schema, "label", query.labels)),
            (tantivy.Occur.Should, any_of(schema, "hidden_label", query.labels)),
        ]))  # fmt: skip
    if query.bbox is not None:
        west, south, east, north = query.bbox
        if west > east or south > north:
            raise QueryError(
                "Het kader moet west,zuid,oost,noord zijn. / "
                "The bbox must be west,south,east,north."
            )
        must(float_range(schema, "longitude", west, east))
        must(float_range(schema, "latitude", south, north))
    if query.date_from is not None or query.date_to is not None:
        must(date_query(schema, query.date_from, query.date_to))
    if query.free is True:
        must(tantivy.Query.term_query(schema, "free", True))
    elif query.free is False:
        must(tantivy.Query.term_query(schema, "free", False))
    if query.price_min is not None or query.price_max is not None:
        must(float_range(schema, "price", query.price_min, query.price_max))
    if query.age is not None:
        must(int_range(schema, "age_min", None, query.age))
        must(int_range(schema, "age_max", query.age, None))
    if query.modified_since is not None:
        must(int_range(schema, "modified", int(query.modified_since.timestamp()), None))
    return clauses
