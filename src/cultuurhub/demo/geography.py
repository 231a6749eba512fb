"""Where demo things are: towns weighted by population, street addresses, coordinates."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate
from typing import Any

from cultuurhub.demo.records import between, pick
from cultuurhub.demo.reference import Municipality, flemish_municipalities
from cultuurhub.demo.vocabulary import PHONE_ZONES, SQUARES, STREETS, phone_number


class TownPicker:
    """Pick Flemish municipalities with a probability proportional to their population."""

    __slots__ = ("_cumulative", "_total", "towns")

    def __init__(self) -> None:
        self.towns = flemish_municipalities()
        self._cumulative = list(accumulate(town.population for town in self.towns))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> Municipality:
        """Return one municipality, bigger towns more often."""
        return self.towns[bisect(self._cumulative, rng.random() * self._total)]


def street_address(rng: random.Random) -> str:
    """Return a plausible Flemish street address."""
    if rng.random() < 0.12:
        return f"{pick(rng, SQUARES)} {between(rng, 1, 40)}"
    number = int(rng.paretovariate(1.2) * 3)
    return f"{pick(rng, STREETS)} {min(number, 280)}"


def address(town: Municipality, street: str) -> dict[str, Any]:
    """Return an address in the UiTdatabank wire shape (Dutch only)."""
    return {
        "nl": {
            "addressCountry": "BE",
            "addressLocality": town.name,
            "postalCode": town.postcode,
            "streetAddress": street,
        }
    }


def geo(rng: random.Random, town: Municipality) -> dict[str, float]:
    """Return coordinates jittered a little around the town centre."""
    return {
        "latitude": round(town.lat + rng.gauss(0.0, 0.008), 6),
        "longitude": round(town.lng + rng.gauss(0.0, 0.012), 6),
    }


def phone(rng: random.Random, town: Municipality) -> str:
    """Return a landline number with the zone of the town's arrondissement."""
    zone = PHONE_ZONES.get(town.arrondissement, "09")
    return phone_number(zone, rng.getrandbits(24))
