"""Events: calendars, taxonomy, prices, statuses and Dutch text as a real agenda has them."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import datetime
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from cultuurhub.demo import DemoRecord

BRUSSELS = ZoneInfo("Europe/Brussels")


def _rows(name: str) -> list[dict[str, str]]:
    text = (
        resources.files("cultuurhub.model")
        .joinpath(f"data/taxonomy/{name}")
        .read_text(encoding="utf-8")
    )
    return list(csv.DictReader(io.StringIO(text)))


def _events(by_type: dict[str, list[DemoRecord]]) -> list[dict[str, Any]]:
    return [record.document for record in by_type["event"]]


def test_all_four_calendar_types(by_type: dict[str, list[DemoRecord]]) -> None:
    calendars = Counter(event["calendarType"] for event in _events(by_type))
    assert set(calendars) == {"single", "multiple", "periodic", "permanent"}
    assert calendars["single"] > calendars["permanent"]


def test_calendars_are_well_formed(by_type: dict[str, list[DemoRecord]]) -> None:
    for event in _events(by_type):
        kind = event["calendarType"]
        if kind in ("single", "multiple"):
            subs = event["subEvent"]
            assert len(subs) == 1 if kind == "single" else 2 <= len(subs) <= 12
            assert event["startDate"] == subs[0]["startDate"]
            assert event["endDate"] == subs[-1]["endDate"]
            for sub in subs:
                assert datetime.fromisoformat(sub["startDate"]) < datetime.fromisoformat(
                    sub["endDate"]
                )
                booking = sub["bookingAvailability"]
                if "capacity" in booking:
                    assert 0 <= booking["remainingCapacity"] <= booking["capacity"]
                    assert (booking["type"] == "Available") == (booking["remainingCapacity"] > 0)
        elif kind == "periodic":
            assert event["startDate"] < event["endDate"] and event["openingHours"]
        else:
            assert "startDate" not in event and "subEvent" not in event


def test_timestamps_carry_the_brussels_offset(by_type: dict[str, list[DemoRecord]]) -> None:
    for event in _events(by_type)[:800]:
        for sub in event.get("subEvent", []):
            moment = datetime.fromisoformat(sub["startDate"])
            local = moment.replace(tzinfo=None).replace(tzinfo=BRUSSELS)
            assert moment.utcoffset() == local.utcoffset(), sub["startDate"]


def test_exactly_one_real_event_type_and_allowed_themes(
    by_type: dict[str, list[DemoRecord]],
) -> None:
    event_types = {row["id"] for row in _rows("eventtypes-events.csv")}
    allowed = {
        (row["eventtype_id"], row["theme_id"]) for row in _rows("eventtype-theme-combinations.csv")
    }
    facilities = {row["id"] for row in _rows("facilities.csv")}
    seen_types: set[str] = set()
    for event in _events(by_type):
        types = [term["id"] for term in event["terms"] if term["domain"] == "eventtype"]
        assert len(types) == 1 and types[0] in event_types
        seen_types.add(types[0])
        for term in event["terms"]:
            if term["domain"] == "theme":
                assert (types[0], term["id"]) in allowed
            elif term["domain"] == "facility":
                assert term["id"] in facilities
    assert len(seen_types) >= 18


def test_exactly_one_base_price_and_named_tariffs(by_type: dict[str, list[DemoRecord]]) -> None:
    names: Counter[str] = Counter()
    free = 0
    for event in _events(by_type):
        prices = event["priceInfo"]
        bases = [price for price in prices if price["category"] == "base"]
        assert len(bases) == 1
        free += bases[0]["price"] == 0
        tariff_names = [price["name"]["nl"] for price in prices if price["category"] == "tariff"]
        assert len(set(tariff_names)) == len(tariff_names)
        names.update(tariff_names)
        for price in prices:
            assert price["priceCurrency"] == "EUR" and price["price"] >= 0
            if "validFrom" in price:
                assert price["validFrom"] < price["validThrough"]
    assert {"Kansentarief", "Vroegboek", "Last minute", "Reductie"} <= set(names)
    assert 0.1 < free / len(_events(by_type)) < 0.6


def test_statuses_workflow_and_attendance_vary(by_type: dict[str, list[DemoRecord]]) -> None:
    events = _events(by_type)
    statuses = Counter(event["status"]["type"] for event in events)
    assert statuses["Available"] > 0.85 * len(events)
    assert statuses["TemporarilyUnavailable"] and statuses["Unavailable"]
    for event in events:
        if event["status"]["type"] != "Available":
            assert event["status"]["reason"]["nl"]
    workflow = Counter(event["workflowStatus"] for event in events)
    assert set(workflow) == {"APPROVED", "DRAFT", "READY_FOR_VALIDATION", "REJECTED"}
    assert workflow["APPROVED"] > 0.75 * len(events)
    modes = Counter(event["attendanceMode"] for event in events)
    assert modes["offline"] > 0.85 * len(events) and modes["online"] and modes["mixed"]
    for event in events:
        assert (event["attendanceMode"] != "offline") == ("onlineUrl" in event)
    audiences = {event["audience"]["audienceType"] for event in events}
    assert audiences == {"everyone", "members", "education"}


def test_age_ranges_media_and_translations(by_type: dict[str, list[DemoRecord]]) -> None:
    events = _events(by_type)
    ages = Counter(event["typicalAgeRange"] for event in events)
    assert {"-", "6-12", "3-", "18-"} <= set(ages)
    assert all(re.fullmatch(r"\d*-\d*", age) for age in ages)
    with_media = sum("mediaObject" in event for event in events)
    assert with_media > 0.7 * len(events)
    translated = [event for event in events if "fr" in event["name"]]
    assert 0 < len(translated) < 0.2 * len(events)
    for event in translated:
        assert set(event["name"]) == {"nl", "fr", "en", "de"} == set(event["description"])


def test_dutch_text_is_real_not_lorem(by_type: dict[str, list[DemoRecord]]) -> None:
    dutch_words = {"de", "het", "een", "en", "van", "in", "met", "voor", "je", "is", "op", "aan"}
    for record in (*by_type["event"], *by_type["organizer"], *by_type["place"]):
        name = record.document["name"]["nl"]
        description = record.document.get("description", {}).get("nl", "")
        for text in (name, description):
            assert "lorem" not in text.lower() and "ipsum" not in text.lower()
            assert "{" not in text and "}" not in text
        assert name.strip()
        if description:
            assert len(dutch_words & set(re.findall(r"\w+", description.lower()))) >= 2
    titles = {record.document["name"]["nl"] for record in by_type["event"]}
    assert len(titles) > 0.5 * len(by_type["event"])
