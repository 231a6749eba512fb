"""Where and how to reach: addresses (locn), coordinates, contact points and opening hours."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF

from cultuurhub.formats.oslo_vocabulary import DAYS, GEOSPARQL, LOCN, SCHEMA, WGS84
from cultuurhub.formats.oslo_wire import TripleSink, decimal, fields, objects, string, strings

# "Kerkstraat 12", "Rue de la Loi 16", "Meir 1A", "Steenweg 120/2", "Dorp 3 bus 4"
_STREET_AND_NUMBER = re.compile(
    r"^(?P<street>.*?\S),?\s+(?P<number>\d+[\w/.-]*(?:\s*(?:bus|bte|box|b)\.?\s*\w+)?)$",
    re.IGNORECASE,
)
_ADDRESS_KEYS = ("streetAddress", "postalCode", "addressLocality", "addressCountry")


def split_street(street_address: str) -> tuple[str, str | None]:
    """Split ``Kerkstraat 12 bus 3`` into street and house number (None when there is none)."""
    match = _STREET_AND_NUMBER.match(street_address.strip())
    if match is None:
        return street_address.strip(), None
    return match.group("street"), match.group("number")


def add_address(
    graph: TripleSink, subject: URIRef | BNode, address: object, main_language: str
) -> BNode | None:
    """Add ``subject locn:address`` with one ``locn:Address`` holding every language given."""
    by_language = _by_language(address, main_language)
    if not by_language:
        return None
    node = BNode()
    graph.add((subject, LOCN.address, node))
    graph.add((node, RDF.type, LOCN.Address))
    main = by_language.get(main_language) or next(iter(by_language.values()))
    for predicate, key in ((LOCN.postcode, "postalCode"), (LOCN.adminUnitL1, "addressCountry")):
        value = string(main.get(key))
        if value is not None:
            graph.add((node, predicate, value))
    numbers: list[str] = []
    for language, parts in sorted(by_language.items(), key=lambda kv: kv[0] != main_language):
        number = _add_address_texts(graph, node, language, parts)
        if number and number not in numbers:
            numbers.append(number)
    for number in numbers:
        graph.add((node, LOCN.locatorDesignator, Literal(number)))
    return node


def _by_language(address: object, main_language: str) -> dict[str, Mapping[str, Any]]:
    found = fields(address)
    if any(key in found for key in _ADDRESS_KEYS):  # a flat (legacy) address
        return {main_language: found}
    return {language: fields(parts) for language, parts in found.items() if fields(parts)}


def _add_address_texts(
    graph: TripleSink, node: BNode, language: str, parts: Mapping[str, Any]
) -> str | None:
    street_address = parts.get("streetAddress")
    street, number = split_street(street_address) if isinstance(street_address, str) else ("", None)
    locality = parts.get("addressLocality")
    locality = locality.strip() if isinstance(locality, str) else ""
    if street:
        graph.add((node, LOCN.thoroughfare, Literal(street, lang=language)))
    if locality:
        graph.add((node, LOCN.postName, Literal(locality, lang=language)))
    full = _full_address(street_address, parts.get("postalCode"), locality)
    if full:
        graph.add((node, LOCN.fullAddress, Literal(full, lang=language)))
    return number


def _full_address(street_address: object, postal_code: object, locality: str) -> str:
    town = " ".join(part for part in (str(postal_code or "").strip(), locality) if part)
    street = street_address.strip() if isinstance(street_address, str) else ""
    return ", ".join(part for part in (street, town) if part)


def add_geometry(graph: TripleSink, subject: URIRef | BNode, geo: object) -> BNode | None:
    """Add ``subject locn:geometry`` as a WGS84 point (WKT and lat/long), if ``geo`` is one."""
    coordinates = fields(geo)
    latitude, longitude = coordinates.get("latitude"), coordinates.get("longitude")
    if not _in_range(latitude, 90) or not _in_range(longitude, 180):
        return None
    node = BNode()
    graph.add((subject, LOCN.geometry, node))
    graph.add((node, RDF.type, LOCN.Geometry))
    point = f"POINT({longitude} {latitude})"
    graph.add((node, GEOSPARQL.asWKT, Literal(point, datatype=GEOSPARQL.wktLiteral)))
    for predicate, value in ((WGS84.lat, latitude), (WGS84.long, longitude)):
        number = decimal(value)
        if number is not None:
            graph.add((node, predicate, number))
    return node


def _in_range(value: object, limit: float) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return -limit <= value <= limit


def add_contact_points(
    graph: TripleSink, subject: URIRef | BNode, predicate: URIRef, contact_point: object
) -> None:
    """Add one ``schema:ContactPoint`` per phone number, e-mail address and web address."""
    found = fields(contact_point)
    for key, schema_property in (
        ("phone", SCHEMA.telephone),
        ("email", SCHEMA.email),
        ("url", SCHEMA.url),
    ):
        for value in strings(found.get(key)):
            node = BNode()
            graph.add((subject, predicate, node))
            graph.add((node, RDF.type, SCHEMA.ContactPoint))
            graph.add((node, schema_property, Literal(value)))


def contact_point(graph: TripleSink, phone: object, email: object, url: object) -> BNode | None:
    """Return one ``schema:ContactPoint`` with at most one phone, e-mail and web address."""
    values = [
        (SCHEMA.telephone, string(phone)),
        (SCHEMA.email, string(email)),
        (SCHEMA.url, string(url)),
    ]
    if all(value is None for _, value in values):
        return None
    node = BNode()
    graph.add((node, RDF.type, SCHEMA.ContactPoint))
    for predicate, value in values:
        if value is not None:
            graph.add((node, predicate, value))
    return node


def opening_hours(graph: TripleSink, hours: object) -> list[BNode]:
    """Return one ``schema:OpeningHoursSpecification`` per line of opening hours."""
    nodes = []
    for line in objects(hours):
        opens, closes = string(line.get("opens")), string(line.get("closes"))
        days = [DAYS[day] for day in strings(line.get("dayOfWeek")) if day in DAYS]
        if opens is None and closes is None and not days:
            continue
        node = BNode()
        graph.add((node, RDF.type, SCHEMA.OpeningHoursSpecification))
        for predicate, value in ((SCHEMA.opens, opens), (SCHEMA.closes, closes)):
            if value is not None:
                graph.add((node, predicate, value))
        for day in days:
            graph.add((node, SCHEMA.dayOfWeek, day))
        nodes.append(node)
    return nodes
