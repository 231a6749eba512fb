"""Crosswalk from one spreadsheet row to a UiTdatabank event, and grouping rows into events."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from cultuurhub.formats.belgian_dates import (
    DateTimeRange,
    fold,
    is_impossible_date,
    parse_price,
    parse_range,
    parse_time,
)
from cultuurhub.formats.tabular import (
    MappedRow,
    Row,
    RowOptions,
    add_images,
    cell_text,
    contact_point,
    missing,
    split_list,
    stable_id,
    unknown_term,
)
from cultuurhub.formats.tabular_places import embedded_location
from cultuurhub.formats.uitdatabank_terms import find_term, suggest_terms
from cultuurhub.formats.uitdatabank_wire import (
    Availability,
    MappingProblem,
    TimeSpan,
    calendar,
    price,
    status,
    status_of_dates,
)

_SpanTuple = tuple[datetime, datetime | None, Availability, bool]
_AGE_RANGE = re.compile(r"^(\d{1,2})\s*(?:-|–|tot|t/m)\s*(\d{1,2})(?:\s*jaar)?$")
_AGE_FROM = re.compile(r"^(?:vanaf\s*|\+\s*)?(\d{1,2})\s*(?:\+|jaar\s*(?:en\s*ouder)?|\+\s*jaar)?$")
_ALL_AGES = frozenset({"alle leeftijden", "iedereen", "all ages", "alle", "-"})
_CANCELLED = frozenset({"geannuleerd", "afgelast", "cancelled", "canceled", "annule", "ja", "yes"})
_POSTPONED = frozenset({"uitgesteld", "postponed", "verplaatst", "reporte"})


def map_event_row(row: Row, options: RowOptions) -> MappedRow:
    """Map one row to an event document; problems say which field and value are wrong."""
    problems: list[MappingProblem] = []
    title = cell_text(row.get("title"))
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": title}}
    _add_text(document, "description", row)
    problems += _add_type_and_theme(document, row)
    span = _time_span(row, options, problems)
    location = embedded_location(row, problems)
    if location is not None:
        document["location"] = location
    _add_extras(document, row, problems)
    if not title:
        problems.append(missing("title", "een titel", "a title"))
    place_key = cell_text(row.get("location")) or cell_text(row.get("street"))
    explicit = cell_text(row.get("id"))
    start = span.start.isoformat() if span else ""
    source_id = explicit or stable_id(title, place_key, start)
    return MappedRow("event", document, source_id, group_key(row), [span] if span else [], problems)


#: The fields of a row that :func:`group_key` reads.
GROUP_KEY_FIELDS = frozenset({"id", "title", "location", "street"})


def group_key(row: Row) -> str:
    """The key that puts rows of one event together: its id, else its title and location."""
    explicit = cell_text(row.get("id"))
    if explicit:
        return explicit
    place_key = cell_text(row.get("location")) or cell_text(row.get("street"))
    return stable_id(cell_text(row.get("title")), place_key)


class EventGrouper:
    """Merge rows with the same id, or the same title and location, into one multi-date event.

    The first row of a group gives the event's fields; later rows only add their dates. Documents
    are kept as JSON bytes until the end, so a sheet of 100,000 rows does not fill the heap with
    millions of small objects for the garbage collector to walk.
    """

    def __init__(self) -> None:
        self._groups: dict[str, tuple[int, bytes, list[_SpanTuple]]] = {}

    def add(self, row: MappedRow, line: int) -> None:
        """Add one accepted row, read at ``line``."""
        spans = [(s.start, s.end, s.status, s.all_day) for s in row.spans]
        group = self._groups.get(row.group_key)
        if group is None:
            self._groups[row.group_key] = (line, orjson.dumps(row.document), spans)
        else:
            group[2].extend(span for span in spans if span not in group[2])

    def events(self) -> Iterator[tuple[int, str, dict[str, Any]]]:
        """Yield ``(first line, source id, document)`` per event, in the order first seen."""
        for key in list(self._groups):
            event = self.pop(key)
            if event is not None:
                yield event

    def pop(self, key: str) -> tuple[int, str, dict[str, Any]] | None:
        """Take the event of group ``key`` out: ``(first line, source id, document)``, or None
        when no accepted row had that key."""
        group = self._groups.pop(key, None)
        if group is None:
            return None
        line, document, spans = group
        event: dict[str, Any] = orjson.loads(document)
        event.update(calendar(TimeSpan(*span) for span in spans))
        status_of_dates(event)
        return line, key, event


def finish_event(row: MappedRow) -> dict[str, Any]:
    """Return the document of ``row`` with its calendar filled in from its occurrences."""
    document = dict(row.document)
    document.update(calendar(row.spans))
    return document


def _add_text(document: dict[str, Any], key: str, row: Row) -> None:
    value = cell_text(row.get(key))
    if value:
        document[key] = {"nl": value}


def _add_type_and_theme(document: dict[str, Any], row: Row) -> list[MappingProblem]:
    problems: list[MappingProblem] = []
    terms: list[dict[str, str]] = []
    kind = cell_text(row.get("type"))
    if not kind:
        problems.append(missing("type", "een type", "a type"))
    elif (term := find_term(kind, "eventtype")) is not None:
        terms.append(term.as_wire())
    else:
        problems.append(unknown_term("type", kind, suggest_terms(kind, "eventtype")))
    for theme in split_list(cell_text(row.get("theme"))):
        found = find_term(theme, "theme")
        if found is None:
            problem = unknown_term("theme", theme, suggest_terms(theme, "theme"))
            problems.append(_as_warning(problem))
        elif found.as_wire() not in terms:
            terms.append(found.as_wire())
    document["terms"] = terms
    return problems


def _time_span(row: Row, options: RowOptions, problems: list[MappingProblem]) -> TimeSpan | None:
    date_field = "date" if cell_text(row.get("date")) else "start"
    value = row.get(date_field)
    if not cell_text(value):
        problems.append(missing("date", "een datum", "a date"))
        return None
    found = parse_range(value, options.zone, options.month_first)
    if found is None:
        problems.append(_date_problem(date_field, value))
        return None
    start = (
        _with_clock(found.start, row.get("start"), found, problems)
        if date_field == "date"
        else found.start
    )
    end = _end(found, start, row.get("end"), options, problems)
    end = _with_end_time(start, end, row, problems)
    all_day = (
        found.all_day
        and start == found.start
        and not cell_text(row.get("end"))
        and not cell_text(row.get("end_time"))
    )
    state = _status(row) if "status" in row else "Available"
    return TimeSpan(start, end, state, all_day)


def _with_clock(
    start: datetime, value: object, found: DateTimeRange, problems: list[MappingProblem]
) -> datetime:
    clock = parse_time(value) if found.all_day else None
    if clock is None and found.all_day and cell_text(value):
        problems.append(_no_time("start", value, ("de activiteit duurt de hele dag",
                                                  "the event lasts all day")))  # fmt: skip
    return start.replace(hour=clock.hour, minute=clock.minute) if clock else start


def _with_end_time(
    start: datetime, end: datetime | None, row: Row, problems: list[MappingProblem]
) -> datetime | None:
    """The end with the clock of an end-time column (``Einduur`` beside ``Einddatum``, or
    beside the date alone: then on the day it starts, or the next when the clock is earlier)."""
    value = row.get("end_time")
    if not cell_text(value):
        return end
    clock = parse_time(value)
    if clock is None:
        problems.append(_no_time("end_time", value, ("het einde werd weggelaten",
                                                     "the end was left out")))  # fmt: skip
        return end
    day = end if end is not None and cell_text(row.get("end")) else start
    moment = day.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)
    return moment if moment >= start else moment + timedelta(days=1)


def _no_time(field_name: str, value: object, consequence: tuple[str, str]) -> MappingProblem:
    shown = cell_text(value)
    return MappingProblem(
        field_name,
        shown,
        f"'{shown}' is geen uur (schrijf bv. 20:00 of 20u30); {consequence[0]}.",
        f"'{shown}' is not a time (write e.g. 20:00 or 20u30); {consequence[1]}.",
        "warning",
    )


def _end(
    found: DateTimeRange,
    start: datetime,
    value: object,
    options: RowOptions,
    problems: list[MappingProblem],
) -> datetime | None:
    if not cell_text(value):
        if found.end is not None:
            return found.end
        return start.replace(hour=23, minute=59, second=59) if found.all_day else None
    clock = None if isinstance(value, date) else parse_time(value)  # an Excel date: a day
    if clock is not None:
        end = start.replace(hour=clock.hour, minute=clock.minute)
        return end if end >= start else end + timedelta(days=1)
    whole = parse_range(value, options.zone, options.month_first)
    if whole is None or whole.start < start:
        problems.append(_date_problem("end", value))
        return None
    return whole.start if not whole.all_day else whole.start.replace(hour=23, minute=59, second=59)


def _date_problem(field_name: str, value: object) -> MappingProblem:
    shown = cell_text(value)
    if is_impossible_date(shown):
        return MappingProblem(
            field_name,
            shown,
            f"'{shown}' is geen bestaande datum.",
            f"'{shown}' is not an existing date.",
        )
    return MappingProblem(
        field_name,
        shown,
        f"'{shown}' is niet te lezen als datum (schrijf bv. 12/10/2026 20:00).",
        f"'{shown}' cannot be read as a date (write e.g. 12/10/2026 20:00).",
    )


def _status(row: Row) -> Availability:
    word = fold(cell_text(row.get("status")))
    if word in _CANCELLED:
        return "Unavailable"
    return "TemporarilyUnavailable" if word in _POSTPONED else "Available"


def _add_extras(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    _add_organizer(document, row)
    _add_prices(document, row, problems)
    _add_age(document, row, problems)
    booking = cell_text(row.get("booking_url"))
    if booking:
        document["bookingInfo"] = {"url": booking}
    contact = contact_point(row)
    if contact:
        document["contactPoint"] = contact
    labels = split_list(cell_text(row.get("labels")))
    if labels:
        document["labels"] = labels
    add_images(document, row)
    kind = _status(row) if "status" in row else "Available"
    if kind != "Available":
        document["status"] = status(kind)


def _add_organizer(document: dict[str, Any], row: Row) -> None:
    name = cell_text(row.get("organizer"))
    if name.startswith(("http://", "https://")) and "/organizers/" in name:
        document["organizer"] = {"@id": name}
    elif name:
        document["organizer"] = {"name": {"nl": name}}


def _add_prices(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    entries: list[dict[str, Any]] = []
    for field_name, label, category in (
        ("price", "Basistarief", "base"),
        ("reduced_price", "Reductie", "tariff"),
    ):
        value = row.get(field_name)
        if not cell_text(value):
            continue
        amount = parse_price(value)
        if amount is None:
            problems.append(_price_problem(field_name, cell_text(value)))
        else:
            entries.append(price(amount, label, category))
    if entries and entries[0]["category"] != "base":
        problems.append(_price_problem("reduced_price", "zonder basisprijs / without base price"))
    elif entries:
        document["priceInfo"] = entries


def _price_problem(field_name: str, value: str) -> MappingProblem:
    return MappingProblem(
        field_name,
        value,
        f"'{value}' is geen prijs (schrijf bv. 12,50 of gratis); de prijs werd weggelaten.",
        f"'{value}' is not a price (write e.g. 12,50 or gratis); the price was left out.",
        "warning",
    )


def _add_age(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    value = cell_text(row.get("age"))
    text = fold(value).strip()
    if not text:
        return
    if text in _ALL_AGES:
        document["typicalAgeRange"] = "-"
    elif match := _AGE_RANGE.match(text):
        document["typicalAgeRange"] = f"{int(match.group(1))}-{int(match.group(2))}"
    elif match := _AGE_FROM.match(text):
        document["typicalAgeRange"] = f"{int(match.group(1))}-"
    else:
        problems.append(
            MappingProblem(
                "age",
                value,
                f"'{value}' is geen leeftijd (schrijf bv. 6-12 of 12+); weggelaten.",
                f"'{value}' is not an age range (write e.g. 6-12 or 12+); left out.",
                "warning",
            )
        )


def _as_warning(problem: MappingProblem) -> MappingProblem:
    return MappingProblem(
        problem.field, problem.value, problem.message_nl, problem.message_en, "warning"
    )
