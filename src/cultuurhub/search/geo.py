"""Circles on the map as sets of H3 cells (Uber's hexagonal grid, the ``h3`` library).

Every located record is indexed with its cell at each resolution from ``COARSEST`` to
``FINEST`` (about 12,000 km² down to 0.015 km²), as keywords. A circle becomes two covers of
cells at one resolution, chosen so that a cover holds at most a few thousand cells:

- the *outer* cover: cells whose centre lies within the radius plus a cell's reach, so it holds
  every point of the circle;
- the *inner* cover: cells whose centre lies within the radius less a cell's reach, so each lies
  wholly inside the circle; compacted to coarser parents where all children are in.

A record in an inner cell is inside; a record in the rim (outer but not inner) gets an exact
great-circle check. Looking up a few thousand keywords is far cheaper than comparing every
record's coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import h3

COARSEST = 3
FINEST = 10
EARTH_KM = 6371.0088
#: Most cells one cover may hold (it sets the resolution: finer for smaller circles).
MAX_CELLS = 4_000
_VERTICES = 64


@lru_cache(maxsize=16_384)  # events borrow their place's coordinates: a few thousand points
def cells(latitude: float, longitude: float) -> tuple[str, ...]:
    """The record's cell at every indexed resolution, finest first."""
    finest = h3.latlng_to_cell(latitude, longitude, FINEST)
    coarser = range(FINEST - 1, COARSEST - 1, -1)
    return (finest, *(h3.cell_to_parent(finest, res) for res in coarser))


@dataclass(frozen=True, slots=True)
class Cover:
    """The cells that hold a circle (``outer``) and those wholly inside it (``inner``)."""

    outer: tuple[str, ...]
    inner: tuple[str, ...]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


#: Covers are made for the centre rounded to this many decimals of a degree (and widened by
#: ``_ROUNDING_KM``), so that circles around nearby points share one.
_DECIMALS = 3
_ROUNDING_KM = 0.07  # 0.0005° of latitude and longitude is at most 66 m apart in Belgium


def cover(latitude: float, longitude: float, radius_km: float) -> Cover:
    """The outer and inner cover of a circle around this point (or one within 70 m of it)."""
    return _cover(round(latitude, _DECIMALS), round(longitude, _DECIMALS), radius_km)


@lru_cache(maxsize=1024)
def _cover(latitude: float, longitude: float, radius_km: float) -> Cover:
    """The outer and inner cover of a circle (kept: the same circles come back often).

    The rim found at the cover's resolution is refined once: each rim cell's children that lie
    wholly inside join the inner cover and those wholly outside are dropped, so the rim that
    needs exact distances is about a third as wide.
    """
    res = _resolution(radius_km)
    reach = _reach(latitude, longitude, res, radius_km)
    outer = set(h3.polygon_to_cells(_polygon(latitude, longitude, radius_km + reach, True), res))
    inside = radius_km - reach
    inner: set[str] = set()
    if inside > 0:
        inner = set(h3.polygon_to_cells(_polygon(latitude, longitude, inside, False), res))
    rim = outer - inner
    inner_cells = _no_coarser(h3.compact_cells(list(inner)))
    if res < FINEST:
        child_reach = _reach(latitude, longitude, res + 1, radius_km)
        inner_children, rim_children = [], []
        for cell in rim:
            for child in h3.cell_to_children(cell, res + 1):
                centre = distance_km(latitude, longitude, *h3.cell_to_latlng(child))
                if centre + child_reach < radius_km:
                    inner_children.append(child)
                elif centre - child_reach <= radius_km:
                    rim_children.append(child)
        inner_cells += _no_coarser(h3.compact_cells(inner_children))
        rim = set(rim_children)
    return Cover(outer=tuple(inner_cells + sorted(rim)), inner=tuple(inner_cells))


def _reach(latitude: float, longitude: float, res: int, radius_km: float) -> float:
    """How far a point may lie from its cell's centre here, with room for larger neighbours
    and for the polygon's straight sides."""
    centre = h3.latlng_to_cell(latitude, longitude, res)
    corner = max(distance_km(*h3.cell_to_latlng(centre), *v) for v in h3.cell_to_boundary(centre))
    return 1.25 * corner + 0.005 * radius_km + _ROUNDING_KM


def _resolution(radius_km: float) -> int:
    for res in range(FINEST, COARSEST - 1, -1):
        area = h3.average_hexagon_area(res, unit="km^2")
        if math.pi * (radius_km * 1.1) ** 2 / area <= MAX_CELLS:
            return res
    return COARSEST


def _no_coarser(compacted: list[str]) -> list[str]:
    """Compacted cells, with any coarser than the index holds split into its children."""
    found: list[str] = []
    for cell in compacted:
        if h3.get_resolution(cell) < COARSEST:
            found.extend(h3.cell_to_children(cell, COARSEST))
        else:
            found.append(cell)
    return sorted(found)


def _polygon(latitude: float, longitude: float, radius_km: float, around: bool) -> h3.LatLngPoly:
    """A 64-sided polygon around (``around``) or inside the circle, corners on the sphere."""
    if around:  # the sides, not the corners, touch the circle
        radius_km /= math.cos(math.pi / _VERTICES)
    delta = radius_km / EARTH_KM
    phi1, lambda1 = math.radians(latitude), math.radians(longitude)
    corners = []
    for n in range(_VERTICES):
        theta = 2 * math.pi * n / _VERTICES
        phi2 = math.asin(
            math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
        )
        lambda2 = lambda1 + math.atan2(
            math.sin(theta) * math.sin(delta) * math.cos(phi1),
            math.cos(delta) - math.sin(phi1) * math.sin(phi2),
        )
        corners.append((math.degrees(phi2), math.degrees(lambda2)))
    return h3.LatLngPoly(corners)
