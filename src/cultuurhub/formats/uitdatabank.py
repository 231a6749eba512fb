"""UiTdatabank read-model documents and Entry API payloads: detect the type, undo legacy shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cultuurhub.formats.belgian_dates import BRUSSELS

_PATHS = {
    "/events/": "event",
    "/event/": "event",
    "/places/": "place",
    "/place/": "place",
    "/organizers/": "organizer",
    "/organizer/": "organizer",
}
_PLACE_HINTS = ("calendarType", "calendar", "terms", "type", "openingHours")


def detect_type(document: dict[str, Any]) -> str:
    """Return ``event``, ``place`` or ``organizer`` from ``@id``, ``@context`` or the content."""
    for key in ("@id", "@context"):
        value = document.get(key)
        if isinstance(value, str):
            for path, kind in _PATHS.items():
                if path in value + "/":
                    return kind
    if "location" in document:
        return "event"
    if "address" in document and any(key in document for key in _PLACE_HINTS):
        return "place"
    return "organizer"


def normalise(document: dict[str, Any], kind: str) -> dict[str, Any]:
    """Return ``document`` in the current wire shape, rewriting the legacy Entry API shapes."""
    result = dict(document)
    language = str(result.get("mainLanguage") or "nl")
    for key in ("name", "description"):
        if isinstance(result.get(key), str):
            result[key] = {language: result[key]}
    _legacy_terms(result)
    if isinstance(result.get("address"), dict) and "addressCountry" in result["address"]:
        result["address"] = {language: result["address"]}
    if "website" in result and "url" not in result:
        result["url"] = result.pop("website")
    if kind == "event":
        _legacy_location(result, language)
    if kind != "organizer":
        _legacy_calendar(result)
    return result


def _legacy_terms(result: dict[str, Any]) -> None:
    terms = list(result.get("terms") or [])
    for key, domain in (("type", "eventtype"), ("theme", "theme")):
        value = result.pop(key, None)
        if isinstance(value, dict) and value.get("id"):
            term = {"id": value["id"], **{k: v for k, v in value.items() if k != "id"}}
            term.setdefault("domain", domain)
            if all(
                existing.get("id") != term["id"] for existing in terms if isinstance(existing, dict)
            ):
                terms.append(term)
    if terms:
        result["terms"] = terms


def _legacy_location(result: dict[str, Any], language: str) -> None:
    location = result.get("location")
    if isinstance(location, str):
        result["location"] = {"@id": location}
    elif isinstance(location, dict) and "id" in location and "@id" not in location:
        place = {k: v for k, v in location.items() if k != "id"}
        place["@id"] = location["id"]
        if isinstance(place.get("name"), str):
            place["name"] = {language: place["name"]}
        if isinstance(place.get("address"), dict) and "addressCountry" in place["address"]:
            place["address"] = {language: place["address"]}
        result["location"] = place


def _legacy_calendar(result: dict[str, Any]) -> None:
    legacy = result.pop("calendar", None)
    if isinstance(legacy, dict):
        for key in ("calendarType", "startDate", "endDate", "openingHours", "status"):
            if key in legacy:
                result.setdefault(key, legacy[key])
        spans = legacy.get("timeSpans")
        if isinstance(spans, list):
            result.setdefault(
                "subEvent", [_sub_event(span) for span in spans if isinstance(span, dict)]
            )
    if "calendarType" not in result:
        result["calendarType"] = _calendar_type(result)
    if result.get("subEvent") and "startDate" not in result:
        starts = [str(sub.get("startDate", "")) for sub in result["subEvent"]]
        ends = [str(sub.get("endDate", "")) for sub in result["subEvent"]]
        result["startDate"], result["endDate"] = min(starts), max(ends)


def _sub_event(span: dict[str, Any]) -> dict[str, Any]:
    sub_event = {k: v for k, v in span.items() if k not in ("start", "end")}
    sub_event["startDate"] = span.get("start", span.get("startDate"))
    sub_event["endDate"] = span.get("end", span.get("endDate"))
    return sub_event


def _calendar_type(result: dict[str, Any]) -> str:
    sub_events = result.get("subEvent")
    if isinstance(sub_events, list) and sub_events:
        return "single" if len(sub_events) == 1 else "multiple"
    start, end = result.get("startDate"), result.get("endDate")
    if not start:
        return "permanent"
    if not end or _same_day(str(start), str(end)):
        result["subEvent"] = [{"startDate": start, "endDate": end or start}]
        return "single"
    return "periodic"


def _same_day(start: str, end: str) -> bool:
    try:
        first, last = datetime.fromisoformat(start), datetime.fromisoformat(end)
    except ValueError:
        return False
    if first.tzinfo is None or last.tzinfo is None:
        return first.date() == last.date()
    return first.astimezone(BRUSSELS).date() == last.astimezone(BRUSSELS).date()
