"""What the demo hands out: records with their owner, and the account organisations."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

DEMO_BASE_URL = "https://demo.cultuurhub.be"
IMAGE_BASE_URL = "https://images.demo.cultuurhub.be"
RECORD_TYPES = ("organizer", "place", "event", "object", "agent")
COLLECTIONS = {
    "organizer": "organizers",
    "place": "places",
    "event": "events",
    "object": "objects",
    "agent": "agents",
}


@dataclass(frozen=True, slots=True)
class DemoRecord:
    """One generated record: its type, owning account, id at the demo source, and document."""

    type: str
    owner_key: str
    source_id: str
    document: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DemoOrganisation:
    """An account organisation that owns demo records."""

    key: str
    name: str
    kind: str
    website: str


_CLEAR_VERSION = ~((0xF000 << 64) | (0xC000 << 48))
_SET_VERSION_4 = (0x4000 << 64) | (0x8000 << 48)


def new_uuid(rng: random.Random) -> str:
    """Return a random (version 4) UUID drawn from the given generator.

    Same text as ``str(uuid.UUID(int=rng.getrandbits(128), version=4))``, three times faster.
    """
    text = f"{(rng.getrandbits(128) & _CLEAR_VERSION) | _SET_VERSION_4:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def pick(rng: random.Random, options: Sequence[T]) -> T:
    """Return one of the options at random (a faster ``rng.choice``)."""
    return options[int(rng.random() * len(options))]


def record_uri(record_type: str, identifier: str) -> str:
    """Return the demo URI of a record."""
    return f"{DEMO_BASE_URL}/{COLLECTIONS[record_type]}/{identifier}"


def between(rng: random.Random, low: int, high: int) -> int:
    """Return a whole number from low to high inclusive (a faster ``rng.randint``)."""
    return low + int(rng.random() * (high - low + 1))
