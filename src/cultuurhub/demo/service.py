"""Generate a whole demo: organizers, places, agents, events and heritage objects, in that order.

Every kind of record draws from its own seeded random stream, so the same seed and size always
give the same records, byte for byte, and never depend on the clock.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from cultuurhub.demo.artists import REAL_ARTISTS, Artist, maker_pool
from cultuurhub.demo.calendars import REFERENCE_DATE
from cultuurhub.demo.events import EventWorld, event_document
from cultuurhub.demo.geography import TownPicker
from cultuurhub.demo.heritage import Numbering, agent_document, object_document
from cultuurhub.demo.organisations import (
    OrganizerPlan,
    account_organisations,
    nearest_accounts,
    organizer_document,
    plan_organizers,
)
from cultuurhub.demo.places import HOME_VENUE, PlaceRef, new_place_ref, place_document, plan_place
from cultuurhub.demo.records import DemoOrganisation, DemoRecord, new_uuid, pick, record_uri

SHARES = {"organizer": 0.03, "place": 0.07, "object": 0.22, "agent": 0.03}


@dataclass(frozen=True, slots=True)
class DemoCounts:
    """How many records of each type a demo of a given size has."""

    organizer: int
    place: int
    event: int
    object: int
    agent: int


def demo_counts(size: int) -> DemoCounts:
    """Split ``size`` records over the types: about 3/7/65/22/3 percent, at least one organizer."""
    if size < 0:
        raise ValueError("size must not be negative")
    organizers = min(size, max(1, round(size * SHARES["organizer"])))
    places = min(size - organizers, max(1, round(size * SHARES["place"])))
    objects = min(size - organizers - places, round(size * SHARES["object"]))
    agents = min(size - organizers - places - objects, round(size * SHARES["agent"]))
    events = size - organizers - places - objects - agents
    return DemoCounts(organizers, places, events, objects, agents)


def demo_organisations(size: int, seed: int = 2026) -> list[DemoOrganisation]:
    """Return the account organisations that own the records of ``generate(size, seed)``."""
    counts = demo_counts(size)
    return account_organisations(plan_organizers(size, counts.organizer, seed))


def _source_id(record_type: str, index: int) -> str:
    return f"demo-{record_type}-{index:07d}"


def _organizers(plans: list[OrganizerPlan], seed: int) -> Iterator[DemoRecord]:
    rng = random.Random(f"{seed}:organizer-documents")
    for plan in plans:
        document = organizer_document(rng, plan)
        yield DemoRecord("organizer", plan.owner_key, _source_id("organizer", plan.index), document)


def _plan_places(
    plans: list[OrganizerPlan], count: int, seed: int
) -> tuple[list[PlaceRef], dict[str, PlaceRef]]:
    """Plan places: first the venues organizers run themselves, then free-standing ones."""
    rng = random.Random(f"{seed}:places")
    picker = TownPicker()
    owners = nearest_accounts(plans)
    venues = [plan for plan in plans if plan.kind in HOME_VENUE][: count // 2]
    refs: list[PlaceRef] = []
    homes: dict[str, PlaceRef] = {}
    for index in range(count):
        organizer = venues[index] if index < len(venues) else None
        ref = new_place_ref(rng, plan_place(rng, picker, organizer, owners))
        if organizer is not None:
            homes[organizer.uri] = ref
        refs.append(ref)
    return refs, homes


def _places(refs: list[PlaceRef], seed: int, reference: date) -> Iterator[DemoRecord]:
    rng = random.Random(f"{seed}:place-documents")
    for index, ref in enumerate(refs):
        yield DemoRecord(
            "place", ref.owner_key, _source_id("place", index), place_document(rng, ref, reference)
        )


def _museums(plans: list[OrganizerPlan]) -> tuple[list[OrganizerPlan], list[int]]:
    """Return the museums that hold objects, big (account) museums weighted up."""
    museums = [plan for plan in plans if plan.kind == "museum"] or plans[:1]
    weights = list(accumulate(10 if plan.account_key else 1 for plan in museums))
    return museums, weights


def _agents(
    makers: list[Artist], count: int, owners: list[OrganizerPlan], seed: int
) -> Iterator[DemoRecord]:
    rng = random.Random(f"{seed}:agents")
    for index in range(count):
        uri = record_uri("agent", new_uuid(rng))
        owner = owners[index % len(owners)].owner_key
        yield DemoRecord(
            "agent", owner, _source_id("agent", index), agent_document(uri, makers[index])
        )


def _objects(
    makers: list[Artist], count: int, plans: list[OrganizerPlan], seed: int
) -> Iterator[DemoRecord]:
    rng = random.Random(f"{seed}:objects")
    museums, weights = _museums(plans)
    numbering = Numbering({})
    for index in range(count):
        holder = museums[bisect(weights, rng.random() * weights[-1])]
        # Real masters are few but famous: a third of the objects come from them.
        maker = (
            makers[rng.randrange(len(REAL_ARTISTS))] if rng.random() < 0.33 else pick(rng, makers)
        )
        uri = record_uri("object", new_uuid(rng))
        document = object_document(rng, uri, maker, holder, numbering)
        yield DemoRecord("object", holder.owner_key, _source_id("object", index), document)


def _events(world: EventWorld, count: int, seed: int) -> Iterator[DemoRecord]:
    rng = random.Random(f"{seed}:events")
    for index in range(count):
        uri = record_uri("event", new_uuid(rng))
        owner, document = event_document(rng, world, uri)
        yield DemoRecord("event", owner, _source_id("event", index), document)


def generate(size: int, seed: int = 2026, reference: date = REFERENCE_DATE) -> Iterator[DemoRecord]:
    """Yield ``size`` Flemish demo records, organizers and places before the records citing them."""
    counts = demo_counts(size)
    if size == 0:
        return
    plans = plan_organizers(size, counts.organizer, seed)
    yield from _organizers(plans, seed)
    refs, homes = _plan_places(plans, counts.place, seed)
    yield from _places(refs, seed, reference)
    makers = maker_pool(random.Random(f"{seed}:makers"), max(counts.agent, 60))
    museums, _ = _museums(plans)
    yield from _agents(makers, counts.agent, museums, seed)
    world = EventWorld(plans, refs, reference, homes)
    yield from _events(world, counts.event, seed)
    yield from _objects(makers, counts.object, plans, seed)
