"""Price information: one base price and the named tariffs Flemish organisers use."""

from __future__ import annotations

import random
from typing import Any

from cultuurhub.demo import calendars
from cultuurhub.demo.records import pick

BASE_NAME = "Basistarief"
_REDUCTIONS = ("Reductie", "-26 jaar", "65+", "Studenten", "Leden")


def _euro(amount: float) -> float:
    """Round to what a box office asks: whole euros above 10, else half euros."""
    if amount >= 10:
        return float(round(amount))
    return round(amount * 2) / 2


def _tariff(name: str, price: float, **extra: str) -> dict[str, Any]:
    return {
        "category": "tariff",
        "name": {"nl": name},
        "price": price,
        "priceCurrency": "EUR",
        **extra,
    }


def price_info(
    rng: random.Random, low: int, high: int, start_ordinal: int, uitpas: str | None
) -> list[dict[str, Any]]:
    """Return a base price between low and high euro (0 when free) and some tariffs."""
    if high <= 0:
        return [
            {"category": "base", "name": {"nl": BASE_NAME}, "price": 0.0, "priceCurrency": "EUR"}
        ]
    base = _euro(rng.uniform(max(low, 1), high))
    prices = [
        {"category": "base", "name": {"nl": BASE_NAME}, "price": base, "priceCurrency": "EUR"}
    ]
    roll = rng.random()
    if roll < 0.45:
        prices.append(_tariff(pick(rng, _REDUCTIONS), _euro(base * 0.8)))
    if uitpas is not None and rng.random() < 0.6:
        prices.append(_tariff("Kansentarief", max(1.0, _euro(base * 0.2))))
    if roll > 0.8 and base >= 10:
        prices.append(
            _tariff(
                "Vroegboek",
                _euro(base * 0.85),
                validFrom=calendars.day_start(start_ordinal - 120),
                validThrough=calendars.day_end(start_ordinal - 45),
            )
        )
    elif roll > 0.72 and base >= 8:
        prices.append(
            _tariff(
                "Last minute",
                _euro(base * 0.7),
                validFrom=calendars.day_start(start_ordinal - 2),
                validThrough=calendars.timestamp((start_ordinal, 720)),
            )
        )
    if 0.3 < roll < 0.4:
        prices.append(_tariff("Groepen (vanaf 10 personen)", _euro(base * 0.85)))
    return prices


def child_tariff(prices: list[dict[str, Any]]) -> None:
    """Add a children's tariff to a paying family activity."""
    base = prices[0]["price"]
    if base > 0:
        prices.append(_tariff("Kinderen (tot 12 jaar)", _euro(base * 0.6)))
