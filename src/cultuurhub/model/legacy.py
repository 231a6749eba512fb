"""Older UiTdatabank Entry shapes, brought to the current wire shape before validation.

Handled: ``name`` as a plain string, ``type``/``theme`` as single term objects, a nested
``calendar`` object with ``timeSpans``, a calendar without ``calendarType``, ``location`` as a
bare id or as an embedded place with a flat address, a flat ``address``, an organizer's
``website`` (now ``url``).
"""

from __future__ import annotations

from typing import Any

from cultuurhub.model.vocab import term


def modernise(payload: dict[str, Any], dated_kind: str | None) -> dict[str, Any]:
    """Return ``payload`` in the current shape; ``dated_kind`` (single/periodic) for offers."""
    main_language = payload.get("mainLanguage")
    language = main_language if isinstance(main_language, str) else "nl"
    if isinstance(payload.get("name"), str):
        payload["name"] = {language: payload["name"]}
    _fold_terms(payload)
    if isinstance(payload.get("calendar"), dict):
        _flatten_calendar(payload, payload.pop("calendar"))
    if dated_kind is not None and "calendarType" not in payload:
        payload["calendarType"] = _guess_calendar_type(payload, dated_kind)
    if _is_flat_address(payload.get("address")):
        payload["address"] = {language: payload["address"]}
    if "location" in payload:
        payload["location"] = _location(payload["location"], language)
    if isinstance(payload.get("organizer"), str):
        payload["organizer"] = {"@id": payload["organizer"]}
    if "website" in payload and "url" not in payload:
        payload["url"] = payload.pop("website")
    return payload


def _fold_terms(payload: dict[str, Any]) -> None:
    terms = payload.get("terms")
    terms = list(terms) if isinstance(terms, list) else []
    for key, domain in (("type", "eventtype"), ("theme", "theme")):
        legacy = payload.get(key)
        if isinstance(legacy, dict) and "id" in legacy:
            del payload[key]
            if all(not isinstance(t, dict) or t.get("id") != legacy["id"] for t in terms):
                terms.append({"domain": domain, **legacy})
    if terms or "terms" in payload:
        payload["terms"] = [_complete_term(t) for t in terms]


def _complete_term(value: Any) -> Any:
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        return value
    if value.get("domain") and value.get("label"):
        return value
    known = term(value["id"])
    if known is None:
        return value
    return {"label": known.label, "domain": known.domain, **value}


def _flatten_calendar(payload: dict[str, Any], calendar: dict[str, Any]) -> None:
    spans = calendar.pop("timeSpans", None)
    if isinstance(spans, list):
        payload["subEvent"] = [_sub_event(span) for span in spans]
    for key, value in calendar.items():
        payload.setdefault(key, value)


def _sub_event(span: Any) -> Any:
    if not isinstance(span, dict):
        return span
    sub_event = {k: v for k, v in span.items() if k not in ("start", "end")}
    if "start" in span:
        sub_event["startDate"] = span["start"]
    if "end" in span:
        sub_event["endDate"] = span["end"]
    return sub_event


def _guess_calendar_type(payload: dict[str, Any], dated_kind: str) -> str:
    sub_events = payload.get("subEvent")
    if isinstance(sub_events, list) and sub_events:
        return "single" if len(sub_events) == 1 else "multiple"
    if payload.get("startDate") and payload.get("endDate"):
        return dated_kind
    return "permanent"


def _is_flat_address(value: Any) -> bool:
    return isinstance(value, dict) and "postalCode" in value


def _location(value: Any, language: str) -> Any:
    if isinstance(value, str):
        return {"@id": value}
    if not isinstance(value, dict) or "@id" in value or "id" not in value:
        return value
    location = {k: v for k, v in value.items() if k != "id"}
    location["@id"] = value["id"]
    if isinstance(location.get("name"), str):
        location["name"] = {language: location["name"]}
    if _is_flat_address(location.get("address")):
        location["address"] = {language: location["address"]}
    return location
