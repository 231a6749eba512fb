"""An event as ``cidoc:E7_Activity``: types, calendar as space-time volumes, place, organiser,
attendance mode, status, booking and prices (the last also for places)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from cultuurhub.formats.oslo_location import (
    add_address,
    add_geometry,
    contact_point,
    opening_hours,
)
from cultuurhub.formats.oslo_vocabulary import (
    ATTENDANCE_MODES,
    CIDOC,
    CP,
    EVENT_STATUSES,
    LOCN,
    M8G,
    PLATFORM,
    PRICE_CATEGORIES,
    SCHEMA,
    UDB,
    concept_iri,
    publiq_concept_iri,
    term_iri,
)
from cultuurhub.formats.oslo_wire import (
    TripleSink,
    decimal,
    fields,
    moment,
    objects,
    reference,
    string,
    texts,
)

ONLINE_PLACE = "00000000-0000-0000-0000-000000000000"
"""UiTdatabank's placeholder place of online events: not a location."""


@dataclass(frozen=True, slots=True)
class OfferContext:
    """What the parts of an event or place need besides the document itself.

    ``fallback_start`` starts a validity period that only has an end (a price valid until,
    a booking window that closes): the shapes require every period to have a start.
    """

    base_url: str
    main_language: str
    fallback_start: Literal | None


def add_types(graph: TripleSink, subject: URIRef, terms: object, themes: bool) -> None:
    """Add the type term as ``dcterms:type`` and (for events) the first theme as ``cp:thema``."""
    wanted: dict[str, URIRef] = {"eventtype": DCTERMS.type}
    if themes:
        wanted["theme"] = CP.thema
    for term in objects(terms):
        domain, term_id = term.get("domain"), term.get("id")
        if (
            isinstance(term_id, str)
            and term_id.strip()
            and isinstance(domain, str)
            and domain in wanted
        ):
            graph.add((subject, wanted.pop(domain), term_iri(term_id.strip())))


def add_event(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any], context: OfferContext
) -> None:
    """Add everything specific to an event to ``subject`` (already typed ``cidoc:E7_Activity``)."""
    add_types(graph, subject, document.get("terms"), themes=True)
    where = _location(graph, document.get("location"), context)
    if where is not None:
        graph.add((subject, PROV.atLocation, where))
    _add_calendar(graph, subject, document, where)
    _add_organizer(graph, subject, document.get("organizer"), context)
    _add_attendance(graph, subject, document)
    _add_status_and_audience(graph, subject, document)
    hours = opening_hours(graph, document.get("openingHours"))
    if hours:
        availability = BNode()
        graph.add((subject, CP["Activiteit.beschikbaarheid"], availability))
        graph.add((availability, RDF.type, CP.Beschikbaarheid))
        for node in hours:
            graph.add((availability, SCHEMA.hoursAvailable, node))
    _add_booking(graph, subject, document.get("bookingInfo"), context)
    add_prices(graph, subject, CP["Activiteit.prijs"], document.get("priceInfo"), context)


def _location(graph: TripleSink, location: object, context: OfferContext) -> URIRef | BNode | None:
    """Return the place of an event: the place record's IRI, or a node for an embedded place.

    A place that is its own record is only referenced (its description is in its own graph).
    A place embedded without an id gets an untyped node with its name, address and point:
    typing it ``dcterms:Location`` would claim an identified, processed location it is not.
    """
    target = reference(location, context.base_url, "places")
    if target is not None:
        return None if str(target).endswith(ONLINE_PLACE) else target
    found = fields(location)
    names = texts(found.get("name"), context.main_language)
    if not names:
        return None
    node = BNode()
    for name in names:
        graph.add((node, LOCN.locatorName, name))
    add_address(graph, node, found.get("address"), context.main_language)
    add_geometry(graph, node, found.get("geo"))
    return node


def _occurrences(document: Mapping[str, Any]) -> list[tuple[Literal, Literal | None]]:
    if document.get("calendarType") == "permanent":
        return []
    spans = [
        (moment(o.get("startDate")), moment(o.get("endDate")))
        for o in objects(document.get("subEvent"))
    ]
    if not spans:
        spans = [(moment(document.get("startDate")), moment(document.get("endDate")))]
    return [(start, end) for start, end in spans if start is not None]


def _add_calendar(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any], where: URIRef | BNode | None
) -> None:
    """Add one ``cp:Activiteit.ruimtetijd`` per occurrence and the whole span as its time-span."""
    occurrences = _occurrences(document)
    for start, end in occurrences:
        volume = BNode()
        graph.add((subject, CP["Activiteit.ruimtetijd"], volume))
        graph.add((volume, RDF.type, CIDOC.E92_Spacetime_Volume))
        if where is not None:
            graph.add((volume, CIDOC.P161_has_spatial_projection, where))
        graph.add((volume, CIDOC.P160_has_temporal_projection, period(graph, start, end)))
    span = _whole_span(occurrences)
    if span is not None:
        graph.add((subject, CIDOC["P4_has_time-span"], period(graph, *span)))


def _whole_span(
    occurrences: list[tuple[Literal, Literal | None]],
) -> tuple[Literal, Literal | None] | None:
    if not occurrences:
        return None
    starts = [(_instant(start), start) for start, _ in occurrences]
    ends = [(_instant(end), end) for _, end in occurrences if end is not None]
    try:
        first = min(starts, key=lambda pair: pair[0])[1]
        last = max(ends, key=lambda pair: pair[0])[1] if ends else None
    except TypeError:  # naive and aware times mixed: no honest whole span
        return None
    return first, last


def _instant(value: Literal) -> datetime:
    return datetime.fromisoformat(str(value))


def period(graph: TripleSink, start: Literal, end: Literal | None) -> BNode:
    """Return an ``m8g:PeriodOfTime`` from ``start`` to ``end`` (open-ended without one)."""
    node = BNode()
    graph.add((node, RDF.type, M8G.PeriodOfTime))
    graph.add((node, M8G.startTime, start))
    if end is not None:
        graph.add((node, M8G.endTime, end))
    return node


def _add_organizer(
    graph: TripleSink, subject: URIRef, organizer: object, context: OfferContext
) -> None:
    target: URIRef | BNode | None = reference(organizer, context.base_url, "organizers")
    if target is None:
        names = texts(fields(organizer).get("name"), context.main_language)
        if not names:
            return
        target = BNode()  # an organiser named but without a record: untyped, see _location
        for name in names:
            graph.add((target, CP["Realisator.naam"], name))
    graph.add((subject, CIDOC.P14_carried_out_by, target))


def _add_attendance(graph: TripleSink, subject: URIRef, document: Mapping[str, Any]) -> None:
    mode = document.get("attendanceMode", "offline")
    if not isinstance(mode, str) or mode not in ATTENDANCE_MODES:
        return
    graph.add(
        (
            subject,
            CP["Activiteit.locatieType"],
            concept_iri("Aanwezigheidsmodus", ATTENDANCE_MODES[mode]),
        )
    )
    url = string(document.get("onlineUrl"))
    if mode != "offline" and url is not None:
        virtual = BNode()
        graph.add((subject, PLATFORM.virtueleLocatie, virtual))
        graph.add((virtual, RDF.type, SCHEMA.VirtualLocation))
        graph.add((virtual, SCHEMA.url, url))


def _add_status_and_audience(
    graph: TripleSink, subject: URIRef, document: Mapping[str, Any]
) -> None:
    status = fields(document.get("status")).get("type")
    if isinstance(status, str) and status in EVENT_STATUSES:
        graph.add((subject, CP["Activiteit.status"], EVENT_STATUSES[status]))
    audience = fields(document.get("audience")).get("audienceType")
    if isinstance(audience, str) and audience in ("everyone", "members", "education"):
        graph.add((subject, UDB.audienceType, publiq_concept_iri("audienceType", audience)))
    age = string(document.get("typicalAgeRange"))
    if age is not None:
        graph.add((subject, SCHEMA.typicalAgeRange, age))


def _add_booking(
    graph: TripleSink, subject: URIRef, booking: object, context: OfferContext
) -> None:
    found = fields(booking)
    contact = contact_point(graph, found.get("phone"), found.get("email"), found.get("url"))
    window = _window(graph, found.get("availabilityStarts"), found.get("availabilityEnds"), context)
    if contact is None and window is None:
        return
    node = BNode()
    graph.add((subject, CP["Activiteit.boeking"], node))
    graph.add((node, RDF.type, CP.Boekingsinfo))
    if contact is not None:
        graph.add((node, SCHEMA.contactPoint, contact))
    if window is not None:
        graph.add((node, CP["Boekinginfo.beschikbaar"], window))


def _window(graph: TripleSink, starts: object, ends: object, context: OfferContext) -> BNode | None:
    start, end = moment(starts), moment(ends)
    if start is None and end is None:
        return None
    start = start or context.fallback_start
    return period(graph, start, end) if start is not None else None


def add_prices(
    graph: TripleSink, subject: URIRef, predicate: URIRef, price_info: object, context: OfferContext
) -> None:
    """Add each price line as a ``schema:PriceSpecification`` with its category and amount."""
    for line in objects(price_info):
        amount = decimal(line.get("price"))
        if amount is None:
            continue
        node, money = BNode(), BNode()
        graph.add((subject, predicate, node))
        graph.add((node, RDF.type, SCHEMA.PriceSpecification))
        category = line.get("category")
        if isinstance(category, str) and category in PRICE_CATEGORIES:
            scheme = concept_iri("PrijsCategorieType", PRICE_CATEGORIES[category])
            graph.add((node, CP["Prijsinfo.prijscategorie"], scheme))
        for name in texts(line.get("name"), context.main_language):
            graph.add((node, SKOS.prefLabel, name))
        graph.add((node, SCHEMA.price, money))
        graph.add((money, RDF.type, SCHEMA.MonetaryAmount))
        graph.add((money, SCHEMA.currency, string(line.get("priceCurrency")) or Literal("EUR")))
        graph.add((money, SCHEMA.value, amount))
        window = _window(graph, line.get("validFrom"), line.get("validThrough"), context)
        if window is not None:
            graph.add((node, CP["Prijsinfo.beschikbaar"], window))
