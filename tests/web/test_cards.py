"""Cards in lists: the next date, the period, the status, the place."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from cultuurhub.web import Messages
from cultuurhub.web.cards import event_card, record_card

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
NL = Messages("nl")


def _event(**fields: Any) -> dict[str, Any]:
    return {"mainLanguage": "nl", "name": {"nl": "Kerstconcert"}, **fields}


def _dates(*days: str) -> dict[str, Any]:
    return {"calendarType": "multiple", "subEvent": [
        {"startDate": f"{day}T20:00:00+01:00", "endDate": f"{day}T22:00:00+01:00"} for day in days
    ]}  # fmt: skip


def test_the_card_shows_the_next_date_not_the_first() -> None:
    card = event_card(uuid4(), _event(**_dates("2026-11-20", "2026-12-18")), NL, NOW, {})
    assert card is not None and card.when == "vrijdag 18 december 2026, 20:00"
    assert card.status is None


def test_an_event_whose_dates_are_all_past_says_so() -> None:
    card = event_card(uuid4(), _event(**_dates("2025-11-20")), NL, NOW, {})
    assert card is not None and (card.status, card.status_kind) == ("voorbij", "past")


def test_cancelled_postponed_and_sold_out_events() -> None:
    future = _dates("2026-12-18")
    for status, label in (("Unavailable", "Geannuleerd"), ("TemporarilyUnavailable", "Uitgesteld")):
        card = event_card(uuid4(), _event(status={"type": status}, **future), NL, NOW, {})
        assert card is not None and card.status == label
    sold = _event(bookingAvailability={"type": "Unavailable"}, **future)
    card = event_card(uuid4(), sold, NL, NOW, {})
    assert card is not None and card.status_kind == "soldout"


def test_periods_permanent_offers_and_the_place_name() -> None:
    place_id = uuid4()
    periodic = _event(calendarType="periodic", startDate="2026-10-01T10:00:00+02:00",
                      endDate="2027-01-31T18:00:00+01:00",
                      location={"@id": f"https://hub.example/places/{place_id}"})  # fmt: skip
    card = event_card(uuid4(), periodic, NL, NOW, {place_id: {"name": {"nl": "Het Depot"}}})
    assert card is not None and card.when == "Nog tot en met 31 januari 2027"
    assert card.where == "Het Depot" and card.start is None
    permanent = event_card(uuid4(), _event(calendarType="permanent"), Messages("en"), NOW, {})
    assert permanent is not None and permanent.when == "Always open"
    assert permanent.path.endswith("?lang=en") and permanent.where == "Online"


def test_record_cards() -> None:
    heritage = {"title": {"nl": "Zelfportret"}, "productionDate": {"display": "1828"},
                "holder": {"name": "Huis Van Acker"}}  # fmt: skip
    card = record_card("object", uuid4(), heritage, NL)
    assert card is not None and card.detail == "1828 · Huis Van Acker"
    assert card.path.startswith("/erfgoed/")
    place = {"name": {"nl": "CC De Werf"}, "address": {"nl": {"addressLocality": "Brugge"}},
             "terms": [{"id": "Yf4aZBfsUEu2NsQqsprngw", "label": "Cultuur- of ontmoetingscentrum",
                        "domain": "eventtype"}]}  # fmt: skip
    card = record_card("place", uuid4(), place, NL)
    assert card is not None and card.detail == "Cultuur- of ontmoetingscentrum · Brugge"
