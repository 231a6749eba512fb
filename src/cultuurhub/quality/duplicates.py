"""Duplicates: find records that describe the same place, organizer, event or heritage object.

Records are first put in blocks (postcode, website domain, location and day, creator) so only
records that could be the same are compared; within a block names and titles are compared with
rapidfuzz. Matching pairs are joined into clusters with union-find.

Finding a cluster never merges anything. Merging is a review step: a person looks at the review
list (:func:`review_list`) and merges by hand. Records of different owners are clustered so the
owners can talk, but flagged ``same_owner=False``: the hub never merges across owners silently.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from rapidfuzz import fuzz, process

__all__ = ["Candidate", "Cluster", "find_duplicates", "review_list"]

PLACE_NAME_WEIGHT = 0.5
PLACE_ADDRESS_WEIGHT = 0.25
PLACE_DISTANCE_WEIGHT = 0.25
NEAR_METRES = 100.0
FAR_METRES = 400.0  # same name this far apart: two places (two chapels, two parks)
GEO_CELL_DEGREES = 0.01  # about 1 km in Flanders
EARTH_RADIUS_METRES = 6_371_000.0
MAX_BLOCK = 5000  # a bigger block is compared in slices, so one bad key cannot go quadratic
# Hosts many organizers share (and their subdomains, m.facebook.com): the same host there says
# nothing.
SHARED_HOSTS = frozenset({
    "facebook.com", "instagram.com", "uitinvlaanderen.be", "linktr.ee", "sites.google.com",
    "youtube.com", "tiktok.com", "twitter.com", "x.com", "eventbrite.be", "eventbrite.com",
    "wixsite.com", "wordpress.com", "blogspot.com", "google.com",
})  # fmt: skip
# First path segments that name a page of a site, not a site of its own on a shared host
# (ccberchem.be/agenda is CC Berchem's site; antwerpen.be/mas is the MAS's, not the city's).
PAGE_SEGMENTS = frozenset({
    "nl", "fr", "en", "de", "nl-be", "fr-be", "en-gb", "home", "index.html", "index.php",
    "agenda", "programma", "kalender", "activiteiten", "evenementen", "events", "contact",
    "info", "over-ons", "about", "tickets",
})  # fmt: skip
# Creators that say no one is known: objects by them are not alike for that.
UNKNOWN_CREATORS = frozenset({"onbekend", "anoniem", "unknown", "anonymous", "nn", "n n", "x"})
SAME_WEBSITE = "zelfde website / same website"
SAME_OBJECT_NUMBER = "zelfde objectnummer en bewaarder / same object number and holder"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One record that may have duplicates: its id, type, owning account and wire document."""

    record_id: UUID
    type: str
    owner: UUID
    document: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Cluster:
    """Records that look like the same thing; ``canonical`` is the one to keep."""

    canonical: UUID
    members: tuple[UUID, ...]
    score: float
    reasons: tuple[str, ...]
    same_owner: bool


@dataclass(frozen=True, slots=True)
class _Match:
    """Two candidates (by position) that look alike, how much, and why."""

    first: int
    second: int
    score: float
    reasons: tuple[str, ...]


PairFinder = Callable[[Sequence[Candidate], float], Iterator[_Match]]


def _fold(text: str) -> str:
    """Fold accents and case, keep letters and digits, sort nothing."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"\w+", bare.casefold()))


def _sorted_tokens(text: str) -> str:
    """Fold a text and sort its words, so ``fuzz.ratio`` acts as ``token_sort_ratio``."""
    return " ".join(sorted(_fold(text).split()))


def _text(value: Any) -> str:
    """Return the Dutch (or first) text of a language map, or the value itself when a string."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        chosen = value.get("nl") or next(iter(value.values()), "")
        return chosen if isinstance(chosen, str) else ""
    return ""


def _address(document: dict[str, Any]) -> dict[str, Any]:
    """Return the Dutch (or first) address of a document."""
    address = document.get("address")
    if not isinstance(address, dict):
        return {}
    chosen: Any = address.get("nl") or next(iter(address.values()), {})
    return chosen if isinstance(chosen, dict) else {}


def _geo(document: dict[str, Any]) -> tuple[float, float] | None:
    """Return (latitude, longitude) or None."""
    geo = document.get("geo")
    if not isinstance(geo, dict):
        return None
    try:
        return float(geo["latitude"]), float(geo["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def _site(url: Any) -> str:
    """Return the site a website address names: its host without scheme, ``www.`` or port,
    with the first path segment unless that names a page (``/agenda``, ``/nl``); empty when
    there is none or the host is one many organisations share."""
    if not isinstance(url, str) or not url.strip():
        return ""
    text = url.strip().casefold()
    parts = urlsplit(text if "//" in text else f"//{text}")
    host = (parts.hostname or "").removeprefix("www.")
    if any(host == shared or host.endswith(f".{shared}") for shared in SHARED_HOSTS):
        return ""
    segment = parts.path.strip("/").split("/", 1)[0]
    return host if not segment or segment in PAGE_SEGMENTS else f"{host}/{segment}"


def _metres(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Return the haversine distance in metres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    half = math.sin((lat2 - lat1) / 2) ** 2
    half += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(half))


def _filled(value: Any) -> int:
    """Count the filled leaves of a document."""
    if isinstance(value, dict):
        return sum(_filled(item) for item in value.values())
    if isinstance(value, list):
        return sum(_filled(item) for item in value)
    return 0 if value is None or value == "" else 1


def _blocks(keys: Iterable[tuple[int, str]], texts: Sequence[str] = ()) -> Iterator[list[int]]:
    """Group positions by key and yield the groups of two or more, sliced to ``MAX_BLOCK``."""
    groups: dict[str, list[int]] = defaultdict(list)
    for position, key in keys:
        if key:
            groups[key].append(position)
    for group in groups.values():
        if len(group) > MAX_BLOCK and texts:
            group.sort(key=texts.__getitem__)  # alike texts stay in the same slice
        for start in range(0, len(group), MAX_BLOCK):
            if len(group[start : start + MAX_BLOCK]) > 1:
                yield group[start : start + MAX_BLOCK]


def _alike(
    block: list[int], texts: Sequence[str], floor: float
) -> Iterator[tuple[int, int, float]]:
    """Yield pairs in a block whose texts are at least ``floor`` (0-1) alike."""
    choices = [texts[position] for position in block]
    for index, query in enumerate(choices[:-1]):
        if not query:
            continue
        later = choices[index + 1 :]
        found = process.extract_iter(
            query, later, scorer=fuzz.ratio, processor=None, score_cutoff=floor * 100
        )
        for _, ratio, offset in found:
            yield block[index], block[index + 1 + offset], ratio / 100


def _exact_pairs(keys: Iterable[tuple[int, str]], reason: str) -> Iterator[_Match]:
    """Match every two candidates with the same key, fully."""
    for block in _blocks(keys):
        for index, first in enumerate(block):
            for second in block[index + 1 :]:
                yield _Match(first, second, 1.0, (reason,))


def _alike_reason(similarity: float, dutch: str, english: str) -> str:
    """Say how alike two names or titles are, in Dutch and English."""
    percent = round(similarity * 100)
    return f"{dutch} {percent} % gelijk / {english} {percent} % alike"


def _title_pairs(
    candidates: Sequence[Candidate], keys: Sequence[str], titles: Sequence[str], threshold: float
) -> Iterator[_Match]:
    """Match candidates with the same block key whose titles are alike."""
    for block in _blocks(enumerate(keys), titles):
        for first, second, similarity in _alike(block, titles, threshold):
            yield _Match(first, second, similarity, (_alike_reason(similarity, "titel", "title"),))


def _place_key(document: dict[str, Any]) -> str:
    """Block a place on its postcode, or on a rounded geo cell when it has none."""
    postcode = str(_address(document).get("postalCode") or "").strip()
    if postcode:
        return f"pc:{postcode}"
    geo = _geo(document)
    if geo is None:
        return ""
    return f"geo:{round(geo[0] / GEO_CELL_DEGREES)}:{round(geo[1] / GEO_CELL_DEGREES)}"


def _street(document: dict[str, Any]) -> str:
    """Return the folded street address, word-sorted."""
    return _sorted_tokens(str(_address(document).get("streetAddress") or ""))


def _place_match(first: Candidate, second: Candidate, name: float) -> tuple[float, list[str]]:
    """Score two places on name, street address and distance (weights renormalised)."""
    weighted, weights = name * PLACE_NAME_WEIGHT, PLACE_NAME_WEIGHT
    reasons = [_alike_reason(name, "naam", "name")]
    streets = _street(first.document), _street(second.document)
    if all(streets):
        address = fuzz.ratio(*streets) / 100
        weighted, weights = (
            weighted + address * PLACE_ADDRESS_WEIGHT,
            weights + PLACE_ADDRESS_WEIGHT,
        )
        reasons.append(_alike_reason(address, "adres", "address"))
    geos = _geo(first.document), _geo(second.document)
    if geos[0] is not None and geos[1] is not None:
        metres = _metres(geos[0], geos[1])
        near = 1.0 - min(1.0, max(0.0, metres - NEAR_METRES) / (FAR_METRES - NEAR_METRES))
        weighted, weights = weighted + near * PLACE_DISTANCE_WEIGHT, weights + PLACE_DISTANCE_WEIGHT
        reasons.append(f"{round(metres)} m van elkaar / {round(metres)} m apart")
    return weighted / weights, reasons


def _place_pairs(candidates: Sequence[Candidate], threshold: float) -> Iterator[_Match]:
    """Match places in the same postcode (or geo cell) on name, address and distance."""
    names = [_sorted_tokens(_text(place.document.get("name"))) for place in candidates]
    keys = ((position, _place_key(place.document)) for position, place in enumerate(candidates))
    # The name must carry the score alone when address and distance agree fully.
    floor = max(0.0, (threshold - (1 - PLACE_NAME_WEIGHT)) / PLACE_NAME_WEIGHT)
    for block in _blocks(keys, names):
        for first, second, name in _alike(block, names, floor):
            score, reasons = _place_match(candidates[first], candidates[second], name)
            if score >= threshold:
                yield _Match(first, second, score, tuple(reasons))


def _organizer_key(document: dict[str, Any]) -> str:
    """Block an organizer on the first letters of its folded name and its postcode."""
    name = _fold(_text(document.get("name")))
    postcode = str(_address(document).get("postalCode") or "").strip()
    return f"{name[:3]}|{postcode}" if name else ""


def _organizer_pairs(candidates: Sequence[Candidate], threshold: float) -> Iterator[_Match]:
    """Match organizers with the same website domain, else by name within prefix and postcode."""
    sites = [_site(organizer.document.get("url")) for organizer in candidates]
    yield from _exact_pairs(enumerate(sites), SAME_WEBSITE)
    names = [_sorted_tokens(_text(organizer.document.get("name"))) for organizer in candidates]
    keys = [_organizer_key(organizer.document) for organizer in candidates]
    yield from _title_pairs(candidates, keys, names, threshold)


def _event_day(document: dict[str, Any]) -> str:
    """Return the day the event (or its first subevent) starts, as written."""
    start = document.get("startDate")
    if not start:
        subevents = document.get("subEvent") or [{}]
        start = min((str(item.get("startDate") or "") for item in subevents), default="")
    return str(start or "")[:10]


def _event_pairs(candidates: Sequence[Candidate], threshold: float) -> Iterator[_Match]:
    """Match events at the same location on the same day with alike titles."""
    keys = []
    for event in candidates:
        location = event.document.get("location")
        place = str(location.get("@id") or "") if isinstance(location, dict) else ""
        day = _event_day(event.document)
        keys.append(f"{place}|{day}" if place and day else "")
    titles = [_sorted_tokens(_text(event.document.get("name"))) for event in candidates]
    yield from _title_pairs(candidates, keys, titles, threshold)


def _creator(document: dict[str, Any]) -> str:
    """Return the folded, word-sorted name of the first creator (empty when unknown)."""
    for creator in document.get("creators") or []:
        agent = creator.get("agent") if isinstance(creator, dict) else None
        if isinstance(agent, dict) and agent.get("name"):
            name = _sorted_tokens(_text(agent["name"]))
            return "" if name in UNKNOWN_CREATORS else name
    return ""


def _object_pairs(candidates: Sequence[Candidate], threshold: float) -> Iterator[_Match]:
    """Match objects with the same object number and holder, else by title per creator."""
    numbers, holders = [], []
    for heritage in candidates:
        holder = heritage.document.get("holder")
        numbers.append(_fold(str(heritage.document.get("objectNumber") or "")))
        holders.append(_fold(_text(holder.get("name"))) if isinstance(holder, dict) else "")
    numbered = [
        (position, f"{number}|{holder}" if number and holder else "")
        for position, (number, holder) in enumerate(zip(numbers, holders, strict=True))
    ]
    yield from _exact_pairs(numbered, SAME_OBJECT_NUMBER)
    creators = [_creator(heritage.document) for heritage in candidates]
    titles = [_sorted_tokens(_text(heritage.document.get("title"))) for heritage in candidates]
    for match in _title_pairs(candidates, creators, titles, threshold):
        first, second = match.first, match.second
        # one holder numbers each object once: two numbers there are two objects
        if not (
            holders[first]
            and holders[first] == holders[second]
            and numbers[first]
            and numbers[second]
            and numbers[first] != numbers[second]
        ):
            yield match  # fmt: skip


PAIR_FINDERS: dict[str, PairFinder] = {
    "place": _place_pairs,
    "organizer": _organizer_pairs,
    "event": _event_pairs,
    "object": _object_pairs,
}


class _UnionFind:
    """Disjoint sets over positions, with path halving."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, position: int) -> int:
        """Return the root of a position's set."""
        self.parent.setdefault(position, position)
        while self.parent[position] != position:
            self.parent[position] = self.parent[self.parent[position]]
            position = self.parent[position]
        return position

    def union(self, first: int, second: int) -> None:
        """Join the sets of two positions."""
        self.parent[self.find(first)] = self.find(second)


def _cluster(members: list[Candidate], matches: list[_Match]) -> Cluster:
    """Build a cluster: keep the most complete record, then the lowest (oldest) id."""
    canonical = min(members, key=lambda item: (-_filled(item.document), item.record_id))
    # The strongest and the weakest link say enough; every edge of a big cluster is noise.
    links = sorted(matches, key=lambda match: match.score)
    reasons = dict.fromkeys(links[-1].reasons + links[0].reasons)
    return Cluster(
        canonical=canonical.record_id,
        members=tuple(sorted(item.record_id for item in members)),
        score=round(links[0].score, 3),
        reasons=tuple(reasons),
        same_owner=len({item.owner for item in members}) == 1,
    )


def _best_per_pair(matches: Iterable[_Match]) -> list[_Match]:
    """Keep one match per pair: the best score, with the reasons of every match."""
    best: dict[tuple[int, int], _Match] = {}
    for match in matches:
        pair = (min(match.first, match.second), max(match.first, match.second))
        known = best.get(pair)
        if known is None:
            best[pair] = match
            continue
        reasons = tuple(dict.fromkeys(known.reasons + match.reasons))
        best[pair] = _Match(*pair, max(known.score, match.score), reasons)
    return list(best.values())


def _clusters(candidates: Sequence[Candidate], matches: Iterable[_Match]) -> list[Cluster]:
    """Join matching pairs into clusters with union-find."""
    sets = _UnionFind()
    kept = _best_per_pair(matches)
    for match in kept:
        sets.union(match.first, match.second)
    groups: dict[int, list[int]] = defaultdict(list)
    for position in sets.parent:
        groups[sets.find(position)].append(position)
    by_root: dict[int, list[_Match]] = defaultdict(list)
    for match in kept:
        by_root[sets.find(match.first)].append(match)
    return [
        _cluster([candidates[position] for position in group], by_root[root])
        for root, group in groups.items()
    ]


def find_duplicates(candidates: Sequence[Candidate], threshold: float = 0.85) -> list[Cluster]:
    """Find clusters of likely duplicates among candidates, per type, scored 0-1."""
    by_type: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_type[candidate.type].append(candidate)
    clusters: list[Cluster] = []
    for record_type, group in by_type.items():
        finder = PAIR_FINDERS.get(record_type)
        if finder is not None:
            matches = (match for match in finder(group, threshold) if match.score >= threshold)
            clusters.extend(_clusters(group, matches))
    return sorted(clusters, key=lambda cluster: (-cluster.score, cluster.canonical))


def review_list(clusters: Iterable[Cluster]) -> list[dict[str, Any]]:
    """Return clusters as a flat, JSON-ready list for a person to review before any merge."""
    return [
        {
            "canonical": str(cluster.canonical),
            "duplicates": [
                str(member) for member in cluster.members if member != cluster.canonical
            ],
            "score": cluster.score,
            "reasons": list(cluster.reasons),
            "same_owner": cluster.same_owner,
            "action": "review" if cluster.same_owner else "ask owners; never merge across owners",
        }
        for cluster in clusters
    ]
