"""Crosswalk from spreadsheet rows (CSV, Excel) to the wire shape: cells, problems, dispatch.

A row arrives as ``{field: cell}`` after the headers were matched (see ``tabular_headers``);
a cell is text from CSV or a value from Excel (datetime, number, text). Each record type has its
own module; this one holds what they share and picks the right one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from cultuurhub.formats.belgian_dates import BRUSSELS
from cultuurhub.formats.uitdatabank_wire import MappingProblem, TimeSpan, image

Row = Mapping[str, object]

_EVENT_FIELDS = frozenset({"date", "start", "end", "end_time"})
_OBJECT_FIELDS = frozenset({"object_number", "creator", "dating", "material"})


@dataclass(frozen=True, slots=True)
class RowOptions:
    """How to read the cells of one file: time zone and date order."""

    zone: ZoneInfo = BRUSSELS
    month_first: bool = False


@dataclass(slots=True)
class MappedRow:
    """One row in the wire shape, with its identity, its occurrences and its problems."""

    type: str
    document: dict[str, Any]
    source_id: str
    group_key: str
    spans: list[TimeSpan] = field(default_factory=list)
    problems: list[MappingProblem] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        """Tell whether an error-level problem keeps this row out."""
        return any(problem.severity == "error" for problem in self.problems)


def cell_text(value: object) -> str:
    """Return a cell as trimmed text; Excel numbers without decimals lose their ``.0``."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def stable_id(*parts: str) -> str:
    """Return a short stable hash of the identifying values of a row."""
    joined = "\x1f".join(" ".join(part.casefold().split()) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:24]


def infer_record_type(fields: Iterable[str], filename: str) -> str:
    """Guess the record type from the recognised columns and the file name."""
    present = set(fields)
    if "object_number" in present or (present & _OBJECT_FIELDS and not present & _EVENT_FIELDS):
        return "object"
    if present & _EVENT_FIELDS:
        return "event"
    lowered = filename.casefold()
    if any(word in lowered for word in ("organi", "organis", "partner")):
        return "organizer"
    return "place"


def split_list(value: str) -> list[str]:
    """Split a cell holding several values separated by ``;``, ``|`` or new lines."""
    if ";" not in value and "|" not in value and "\n" not in value:
        return [value.strip()] if value.strip() else []
    for separator in ("|", "\n"):
        value = value.replace(separator, ";")
    return [part.strip() for part in value.split(";") if part.strip()]


def missing(name: str, label_nl: str, label_en: str) -> MappingProblem:
    """Return the problem for an empty cell where a value is required."""
    return MappingProblem(
        name, "", f"is leeg; {label_nl} is verplicht.", f"is empty; {label_en} is required."
    )


def add_images(document: dict[str, Any], row: Row) -> None:
    """Set ``mediaObject`` from the image cell (several addresses separated by ``;`` or ``|``)."""
    images = split_list(cell_text(row.get("image")))
    if images:
        document["mediaObject"] = [image(url) for url in images]


def contact_point(row: Row) -> dict[str, list[str]]:
    """Return ``contactPoint`` from the phone, email and website cells."""
    found: dict[str, list[str]] = {}
    for field_name, key in (("phone", "phone"), ("email", "email"), ("website", "url")):
        values = split_list(cell_text(row.get(field_name)))
        if values:
            found[key] = values
    return found


def unknown_term(field_name: str, value: str, suggestions: list[str]) -> MappingProblem:
    """Return the problem for a type or theme that is not in the taxonomy."""
    hint = ", ".join(suggestions)
    if hint:
        return MappingProblem(
            field_name,
            value,
            f"'{value}' is geen gekende waarde. Bedoelde u: {hint}?",
            f"'{value}' is not a known value. Did you mean: {hint}?",
        )
    return MappingProblem(
        field_name,
        value,
        f"'{value}' is geen gekende waarde; zie de lijst in de handleiding.",
        f"'{value}' is not a known value; see the list in the manual.",
    )
