"""What the demo hands out: records with their owner, and the account organisations."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from typing import Any

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


def new_uuid(rng: random.Random) -> str:
    """Return a random (version 4) UUID drawn from the given generator."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def record_uri(record_type: str, identifier: str) -> str:
    """Return the demo URI of a record."""
    return f"{DEMO_BASE_URL}/{COLLECTIONS[record_type]}/{identifier}"
