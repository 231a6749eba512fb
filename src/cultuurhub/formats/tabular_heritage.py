"""Crosswalk from a collection spreadsheet row to a heritage object (EDM/LIDO core keys)."""

from __future__ import annotations

import re
from typing import Any

from cultuurhub.formats.belgian_dates import fold
from cultuurhub.formats.tabular import (
    MappedRow,
    Row,
    RowOptions,
    cell_text,
    missing,
    split_list,
    stable_id,
)
from cultuurhub.formats.uitdatabank_wire import MappingProblem
from cultuurhub.model import UnknownRightsStatement, normalise_rights_uri

_LIFE = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<birth>\d{3,4})?\s*[-–]\s*(?P<death>\d{3,4})?\s*\)$")
_YEAR = re.compile(r"^(\d{3,4})$")
_CIRCA = re.compile(r"^(?:ca\.?|circa|c\.|rond|omstreeks)\s*(\d{3,4})$")
_SPAN = re.compile(r"^(\d{3,4})\s*[-–/]\s*(\d{3,4})$")
_CENTURY = re.compile(r"^(\d{1,2})\s*(?:e|de|ste)\s+eeuw$")
_RIGHTS: dict[str, str] = {
    "cc0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "publiek domein": "http://creativecommons.org/publicdomain/mark/1.0/",
    "public domain": "http://creativecommons.org/publicdomain/mark/1.0/",
    "pdm": "http://creativecommons.org/publicdomain/mark/1.0/",
    **{
        name: f"http://creativecommons.org/licenses/{kind}/4.0/"
        for kind in ("by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd")
        for name in (f"cc {kind}", f"cc {kind} 4.0", f"cc-{kind}", f"cc-{kind} 4.0")
    },
    "in copyright": "http://rightsstatements.org/vocab/InC/1.0/",
    "auteursrechtelijk beschermd": "http://rightsstatements.org/vocab/InC/1.0/",
    "copyright not evaluated": "http://rightsstatements.org/vocab/CNE/1.0/",
    "niet geevalueerd": "http://rightsstatements.org/vocab/CNE/1.0/",
}
_CANONICAL_HOSTS = ("rightsstatements.org/", "creativecommons.org/")


def map_object_row(row: Row, options: RowOptions) -> MappedRow:
    """Map one collection row to a heritage object document."""
    problems: list[MappingProblem] = []
    title = cell_text(row.get("title"))
    number = cell_text(row.get("object_number"))
    document: dict[str, Any] = {"@type": "HeritageObject", "title": {"nl": title}}
    if not title:
        problems.append(missing("title", "een titel", "a title"))
    description = cell_text(row.get("description"))
    if description:
        document["description"] = {"nl": description}
    if number:
        document["objectNumber"] = number
    _add_creators(document, row)
    _add_dating(document, row, problems)
    materials = split_list(cell_text(row.get("material")))
    if materials:
        document["materials"] = [{"prefLabel": {"nl": name}} for name in materials]
    _add_rights(document, row, problems)
    holder = cell_text(row.get("holder"))
    if holder:
        document["holder"] = {"name": holder}
    source_id = (
        cell_text(row.get("id")) or number or stable_id(title, cell_text(row.get("creator")))
    )
    return MappedRow("object", document, source_id, source_id, [], problems)


def edtf_for(value: str) -> str | None:
    """Return the EDTF of a dating like ``1620``, ``ca. 1620``, ``1620-1625``, ``17de eeuw``."""
    text = fold(value).strip()
    if match := _YEAR.match(text):
        return match.group(1).zfill(4)
    if match := _CIRCA.match(text):
        return f"{match.group(1).zfill(4)}~"
    if match := _SPAN.match(text):
        return f"{match.group(1).zfill(4)}/{match.group(2).zfill(4)}"
    if (match := _CENTURY.match(text)) and 1 <= int(match.group(1)) <= 21:
        return f"{int(match.group(1)) - 1:02d}XX"
    return None


def rights_uri(value: str) -> str | None:
    """Return the canonical rights URI for a URI or a common licence name, else None."""
    text = value.strip()
    if any(host in text for host in _CANONICAL_HOSTS):
        # the page a browser shows (…/deed.nl, …/page/InC/1.0/?language=nl) names the statement
        try:
            return normalise_rights_uri(text.split("#", 1)[0].split("?", 1)[0])
        except UnknownRightsStatement:
            return None
    return _RIGHTS.get(" ".join(fold(text).split()))


def _add_creators(document: dict[str, Any], row: Row) -> None:
    role = cell_text(row.get("creator_role")) or "vervaardiger"
    creators = [_creator(name, role) for name in split_list(cell_text(row.get("creator")))]
    if creators:
        document["creators"] = creators


def _creator(value: str, role: str) -> dict[str, Any]:
    agent: dict[str, Any] = {"@type": "Person", "name": value}
    match = _LIFE.match(value)
    if match:
        agent["name"] = match.group("name").strip()
        if match.group("birth"):
            agent["birthDate"] = match.group("birth")
        if match.group("death"):
            agent["deathDate"] = match.group("death")
    return {"role": role, "agent": agent}


def _add_dating(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    display = cell_text(row.get("dating"))
    if not display:
        return
    edtf = edtf_for(display)
    document["productionDate"] = (
        {"edtf": edtf, "display": display} if edtf else {"display": display}
    )
    if edtf is None:
        problems.append(
            MappingProblem(
                "dating",
                display,
                f"'{display}' is niet om te zetten naar een datering (EDTF); "
                "alleen de tekst werd bewaard.",
                f"'{display}' could not be turned into a date (EDTF); only the text was kept.",
                "warning",
            )
        )


def _add_rights(document: dict[str, Any], row: Row, problems: list[MappingProblem]) -> None:
    rights = _rights_cell(row, "rights", problems)
    if rights:
        document["rights"] = rights
    images = split_list(cell_text(row.get("image")))
    image_rights = _rights_cell(row, "image_rights", problems) or rights
    if images:
        document["webResources"] = [_resource(url, image_rights) for url in images]


def _resource(url: str, rights: str | None) -> dict[str, Any]:
    return {"url": url, "rights": rights} if rights else {"url": url}


def _rights_cell(row: Row, field_name: str, problems: list[MappingProblem]) -> str | None:
    value = cell_text(row.get(field_name))
    if not value:
        return None
    uri = rights_uri(value)
    if uri is None:
        problems.append(
            MappingProblem(
                field_name,
                value,
                f"'{value}' is geen gekende rechtenverklaring (gebruik een URI van "
                "rightsstatements.org of creativecommons.org); weggelaten.",
                f"'{value}' is not a known rights statement (use a rightsstatements.org or "
                "creativecommons.org URI); left out.",
                "warning",
            )
        )
    return uri
