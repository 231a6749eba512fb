"""Read the parts of schema.org nodes: texts, types, addresses, locations, offers, images."""

from __future__ import annotations

import contextlib
from typing import Any

from cultuurhub.formats.belgian_dates import parse_datetime, parse_price
from cultuurhub.formats.uitdatabank_wire import (
    MappingProblem,
    address,
    image,
    iso,
    place_from_line,
    price,
)

_LANGUAGES = ("nl", "nl-BE", "en", "fr", "de")


def first(value: object) -> object:
    """Return the first item of a list, or the value itself."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def as_text(value: object) -> str:
    """Return a schema.org text value (string, number, ``@value`` or language list) as text."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name", ""))
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def types_of(node: dict[str, Any]) -> list[str]:
    """Return the ``@type`` values of a node without a ``schema:`` or URL prefix."""
    raw = node.get("@type", [])
    values = raw if isinstance(raw, list) else [raw]
    return [str(kind).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for kind in values if kind]


def postal_address(value: object) -> dict[str, Any] | None:
    """Return a wire address from a PostalAddress node or an address line."""
    value = first(value)
    if isinstance(value, str) and value.strip():
        return place_from_line(f"-, {value}").get("address")
    if not isinstance(value, dict):
        return None
    country = as_text(value.get("addressCountry"))
    return address(
        as_text(value.get("streetAddress")),
        as_text(value.get("postalCode")),
        as_text(value.get("addressLocality")),
        country if len(country) == 2 else "BE",
    )


def add_location(document: dict[str, Any], value: object) -> None:
    """Set ``location`` (physical place) and ``onlineUrl`` (virtual location) from schema.org."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            document.setdefault("location", place_from_line(item))
        elif isinstance(item, dict) and "VirtualLocation" in types_of(item):
            if as_text(item.get("url")):
                document["onlineUrl"] = as_text(item.get("url"))
        elif isinstance(item, dict):
            document.setdefault("location", _place(item))


def _place(node: dict[str, Any]) -> dict[str, Any]:
    if "PostalAddress" in types_of(node):
        return {"name": {"nl": as_text(node.get("streetAddress"))}, "address": postal_address(node)}
    place: dict[str, Any] = {"name": {"nl": as_text(node.get("name"))}}
    found = postal_address(node.get("address"))
    if found:
        place["address"] = found
    geo = node.get("geo")
    if isinstance(geo, dict):
        with contextlib.suppress(KeyError, TypeError, ValueError):
            place["geo"] = {
                "latitude": float(geo["latitude"]),
                "longitude": float(geo["longitude"]),
            }
    return place


def add_offers(document: dict[str, Any], value: object, problems: list[MappingProblem]) -> None:
    """Set ``priceInfo`` (first offer is the base price) and ``bookingInfo`` from offers."""
    offers = [
        item for item in (value if isinstance(value, list) else [value]) if isinstance(item, dict)
    ]
    entries: list[dict[str, Any]] = []
    for offer in offers:
        entry = _price_entry(offer, not entries, problems)
        if entry is not None:
            entries.append(entry)
        url = as_text(offer.get("url"))
        if url:
            document.setdefault("bookingInfo", {"url": url})
    if entries:
        document["priceInfo"] = entries


def _price_entry(
    offer: dict[str, Any], is_first: bool, problems: list[MappingProblem]
) -> dict[str, Any] | None:
    raw = offer.get("price", offer.get("lowPrice"))
    if raw is None:
        return None
    currency = as_text(offer.get("priceCurrency")) or "EUR"
    amount = parse_price(raw)
    if amount is None or currency.upper() != "EUR":
        shown = f"{as_text(raw)} {currency}"
        problems.append(
            MappingProblem(
                "offers",
                shown,
                f"'{shown}' is geen prijs in euro; weggelaten.",
                f"'{shown}' is not a price in euro; left out.",
                "warning",
            )
        )
        return None
    name = as_text(offer.get("name")) or ("Basistarief" if is_first else "Tarief")
    entry = price(amount, name, "base" if is_first else "tariff")
    for key in ("validFrom", "validThrough"):
        moment = parse_datetime(as_text(offer.get(key)))
        if moment is not None:
            entry[key] = iso(moment)
    return entry


def add_image(document: dict[str, Any], value: object) -> None:
    """Set ``mediaObject`` from a URL, an ImageObject or a list of them."""
    media: list[dict[str, Any]] = []
    for item in value if isinstance(value, list) else [value]:
        url = item if isinstance(item, str) else ""
        if isinstance(item, dict):
            url = as_text(item.get("contentUrl")) or as_text(item.get("url"))
        if url:
            media.append(image(url))
    if media:
        document["mediaObject"] = media
