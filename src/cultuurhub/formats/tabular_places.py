"""Crosswalk from spreadsheet rows to UiTdatabank places and organizers, and event locations."""

from __future__ import annotations

from typing import Any

from cultuurhub.formats.tabular import (
    MappedRow,
    Row,
    RowOptions,
    add_images,
    cell_text,
    contact_point,
    missing,
    split_list,
    stable_id,
    unknown_term,
)
from cultuurhub.formats.uitdatabank_terms import find_term, suggest_terms
from cultuurhub.formats.uitdatabank_wire import MappingProblem, address, place_from_line


def embedded_location(row: Row, problems: list[MappingProblem]) -> dict[str, Any] | None:
    """Return an event's ``location``: a place URI, or a place built from the address cells."""
    name = cell_text(row.get("location"))
    if name.startswith(("http://", "https://")):
        return {"@id": name}
    postal_address = _address(row)
    street = _street(row)
    if postal_address is not None and not postal_address["nl"]["postalCode"] and "," in street:
        # the whole address in the address cell: "Kerkstraat 1, 9000 Gent"
        postal_address = place_from_line(f"{name or street}, {street}").get("address")
    if postal_address is not None:
        parts = postal_address["nl"]
        if parts["streetAddress"] and parts["postalCode"]:
            return {"name": {"nl": name or street}, "address": postal_address}
        if name:  # half an address is no address: the place by its name, and say so
            problems.append(_half_address(parts))
    if name:
        return place_from_line(name)
    problems.append(missing("location", "een locatie", "a location"))
    return None


def _half_address(parts: dict[str, str]) -> MappingProblem:
    lacking = [(nl, en) for key, nl, en in (("streetAddress", "straat", "street"),
               ("postalCode", "postcode", "postcode")) if not parts[key]]  # fmt: skip
    lacking_nl, lacking_en = [nl for nl, _ in lacking], [en for _, en in lacking]
    return MappingProblem(
        "street" if not parts["streetAddress"] else "postal_code",
        "",
        f"het adres is onvolledig ({' en '.join(lacking_nl)} ontbreekt); de locatie werd "
        "op haar naam overgenomen, zonder adres.",
        f"the address is incomplete ({' and '.join(lacking_en)} missing); the location was "
        "taken by its name, without an address.",
        "warning",
    )


def map_place_row(row: Row, options: RowOptions) -> MappedRow:
    """Map one row to a place document (name, address, type, coordinates, NIS code)."""
    problems: list[MappingProblem] = []
    name = cell_text(row.get("title")) or cell_text(row.get("location"))
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": name}}
    if not name:
        problems.append(missing("title", "een naam", "a name"))
    _add_address(document, row, problems)
    _add_place_type(document, row, problems)
    _add_geo(document, row, problems)
    nis = cell_text(row.get("nis"))
    if nis:
        document["municipalityNis"] = nis
    document["calendarType"] = "permanent"
    _add_common(document, row)
    key = stable_id(name, _street(row), cell_text(row.get("postal_code")))
    source_id = cell_text(row.get("id")) or key
    return MappedRow("place", document, source_id, source_id, [], problems)


def map_organizer_row(row: Row, options: RowOptions) -> MappedRow:
    """Map one row to an organizer document (name, website, address, contact, kind)."""
    problems: list[MappingProblem] = []
    name = cell_text(row.get("title")) or cell_text(row.get("organizer"))
    document: dict[str, Any] = {"mainLanguage": "nl", "name": {"nl": name}}
    if not name:
        problems.append(missing("title", "een naam", "a name"))
    website = split_list(cell_text(row.get("website")))
    if website:
        document["url"] = website[0]
    postal_address = _address(row)
    if postal_address is not None:
        document["address"] = postal_address
    kind = cell_text(row.get("kind")) or cell_text(row.get("type"))
    if kind:
        document["kind"] = kind
    _add_common(document, row)
    source_id = cell_text(row.get("id")) or stable_id(name, website[0] if website else "")
    return MappedRow("organizer", document, source_id, source_id, [], problems)


def _street(row: Row) -> str:
    return cell_text(row.get("street"))


def _address(row: Row) -> dict[str, Any] | None:
    street, postal = _street(row), cell_text(row.get("postal_code"))
    locality = cell_text(row.get("locality"))
    if not (street or postal or locality):
        return None
    country = cell_text(row.get("country")).upper() or "BE"
    country = "BE" if country in ("BELGIE", "BELGIË", "BELGIUM", "BELGIQUE") else country
    return address(street, postal, locality, country)


def _add_address(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    postal_address = _address(row)
    if postal_address is None:
        problems.append(missing("street", "een adres", "an address"))
        return
    document["address"] = postal_address
    parts = postal_address["nl"]
    for field_name, key in (("street", "streetAddress"), ("postal_code", "postalCode")):
        if not parts[key]:
            problems.append(missing(field_name, "een volledig adres", "a full address"))
    if not parts["addressLocality"]:
        problems.append(missing("locality", "een gemeente", "a municipality"))


def _add_place_type(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    kind = cell_text(row.get("type"))
    if not kind:
        problems.append(missing("type", "een type", "a type"))
        return
    term = find_term(kind, "placetype")
    if term is None:
        problems.append(unknown_term("type", kind, suggest_terms(kind, "placetype")))
    else:
        document["terms"] = [term.as_wire()]


def _add_geo(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    latitude, longitude = cell_text(row.get("latitude")), cell_text(row.get("longitude"))
    if not (latitude or longitude):
        return
    try:
        lat, lng = float(latitude.replace(",", ".")), float(longitude.replace(",", "."))
    except ValueError:
        lat, lng = 999.0, 999.0
    if -90 <= lat <= 90 and -180 <= lng <= 180:
        document["geo"] = {"latitude": lat, "longitude": lng}
        return
    value = f"{latitude} {longitude}"
    problems.append(
        MappingProblem(
            "latitude",
            value,
            f"'{value}' zijn geen geldige coördinaten; weggelaten.",
            f"'{value}' are not valid coordinates; left out.",
            "warning",
        )
    )


def _add_common(document: dict[str, Any], row: Row) -> None:
    description = cell_text(row.get("description"))
    if description:
        document["description"] = {"nl": description}
    contact = contact_point(row)
    if contact:
        document["contactPoint"] = contact
    labels = split_list(cell_text(row.get("labels")))
    if labels:
        document["labels"] = labels
    add_images(document, row)
