"""Crosswalk from an iCalendar VEVENT (with its overrides) to a UiTdatabank event."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from cultuurhub.formats.ical_recurrence import Expansion, Occurrence, prop, to_moment
from cultuurhub.formats.uitdatabank_terms import find_term, suggest_terms
from cultuurhub.formats.uitdatabank_wire import (
    Availability,
    MappingProblem,
    TimeSpan,
    calendar,
    place_from_line,
    status,
)

_ONE_SECOND = timedelta(seconds=1)


def map_vevent(
    master: Any, overrides: list[Any], expansion: Expansion, default_type: str | None
) -> tuple[dict[str, Any], list[MappingProblem]]:
    """Return the event document of ``master`` with ``overrides`` applied, and its problems."""
    problems: list[MappingProblem] = []
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": _text(master, "SUMMARY")}}
    if not document["name"]["nl"]:
        problems.append(_problem("SUMMARY", "", "heeft geen titel", "has no title"))
    description = _text(master, "DESCRIPTION")
    if description:
        document["description"] = {"nl": description}
    document["terms"] = _terms(master, default_type, problems)
    cancelled = _text(master, "STATUS").upper() == "CANCELLED"
    spans = _spans(expansion.occurrences, overrides, cancelled)
    document.update(calendar(spans))
    if cancelled:
        document["status"] = status("Unavailable")
    _add_location(document, master)
    _add_links(document, master)
    return document, problems


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else None
    return "" if value is None else str(value).strip()


def _terms(
    master: Any, default_type: str | None, problems: list[MappingProblem]
) -> list[dict[str, str]]:
    words = _categories(master)
    types = [term for word in words if (term := find_term(word, "eventtype")) is not None]
    themes = [term for word in words if (term := find_term(word, "theme")) is not None]
    if not types and default_type and (fallback := find_term(default_type, "eventtype")):
        types = [fallback]
    if not types:
        shown = ", ".join(words) or "(geen / none)"
        hint = ", ".join(
            suggestions for word in words for suggestions in suggest_terms(word, "eventtype")
        )
        problems.append(_no_type(shown, hint))
        return []
    unique_themes = [theme.as_wire() for theme in dict.fromkeys(themes)]
    return [types[0].as_wire(), *unique_themes]


def _categories(master: Any) -> list[str]:
    found: list[str] = []
    value = master.get("CATEGORIES")
    for entry in value if isinstance(value, list) else [value] if value is not None else []:
        found += [str(word).strip() for word in getattr(entry, "cats", []) if str(word).strip()]
    return found


def _no_type(shown: str, hint: str) -> MappingProblem:
    tail_nl = f" Bedoelde u: {hint}?" if hint else ""
    tail_en = f" Did you mean: {hint}?" if hint else ""
    return _problem(
        "CATEGORIES",
        shown,
        f"bevat geen gekend type ({shown}).{tail_nl}",
        f"holds no known event type ({shown}).{tail_en}",
    )


def _spans(occurrences: list[Occurrence], overrides: list[Any], cancelled: bool) -> list[TimeSpan]:
    by_start = {occurrence.start: occurrence for occurrence in occurrences}
    states: dict[datetime, Availability] = {}
    for override in overrides:
        moved = _override(override)
        if moved is None:
            continue
        original, occurrence, override_cancelled = moved
        by_start.pop(original, None)
        by_start[occurrence.start] = occurrence
        states[occurrence.start] = "Unavailable" if override_cancelled else "Available"
    spans = []
    for start, occurrence in sorted(by_start.items()):
        state = "Unavailable" if cancelled else states.get(start, "Available")
        spans.append(_span(occurrence, state))
    return spans


def _override(component: Any) -> tuple[datetime, Occurrence, bool] | None:
    recurrence_id, start = prop(component, "RECURRENCE-ID"), prop(component, "DTSTART")
    if recurrence_id is None or start is None:
        return None
    begin = to_moment(start.dt)
    end = prop(component, "DTEND")
    finish = to_moment(end.dt) if end is not None else begin
    all_day = not isinstance(start.dt, datetime)
    cancelled = _text(component, "STATUS").upper() == "CANCELLED"
    return to_moment(recurrence_id.dt), Occurrence(begin, max(finish, begin), all_day), cancelled


def _span(occurrence: Occurrence, state: Availability) -> TimeSpan:
    end = occurrence.end - _ONE_SECOND if occurrence.all_day else occurrence.end
    return TimeSpan(occurrence.start, max(end, occurrence.start), state, occurrence.all_day)


def _add_location(document: dict[str, Any], master: Any) -> None:
    line = _text(master, "LOCATION")
    if not line:
        return
    place = place_from_line(line)
    geo = prop(master, "GEO")
    if geo is not None:
        place["geo"] = {"latitude": float(geo.latitude), "longitude": float(geo.longitude)}
    document["location"] = place


def _add_links(document: dict[str, Any], master: Any) -> None:
    url = _text(master, "URL")
    if url:
        document["contactPoint"] = {"url": [url]}
    organizer = prop(master, "ORGANIZER")
    name = organizer.params.get("CN") if organizer is not None else None
    if name:
        document["organizer"] = {"name": {"nl": str(name)}}


def _problem(field: str, value: str, nl: str, en: str) -> MappingProblem:
    return MappingProblem(field, value, nl, en)
