"""The mapping file: how to read a spreadsheet export whose headers the hub does not know.

Example (YAML)::

    record_type: event          # event | place | organizer | object
    sheet: Programma            # Excel only; default the first sheet
    columns:                    # header in the file -> hub field (or "ignore")
      Voorstelling: title
      Speeldag: date
      Zaalnaam: location
    constants:                  # a value for every row, when the file lacks the column
      type: Theatervoorstelling
      locality: Gent
    date_order: day-first       # day-first (Belgian, default) | month-first (US exports)
    timezone: Europe/Brussels
    group_dates: true           # rows with the same title and location become one event
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from cultuurhub.formats.tabular_headers import HEADER_SYNONYMS, field_for_header

RECORD_TYPES = ("event", "place", "organizer", "object")
DATE_ORDERS = ("day-first", "month-first")
_KNOWN_KEYS = frozenset(
    {"record_type", "sheet", "columns", "constants", "date_order", "timezone", "group_dates"}
)


class MappingFileError(ValueError):
    """The mapping file is not valid; the message says what to change, in Dutch and English."""


@dataclass(frozen=True, slots=True)
class TabularMapping:
    """How to read one spreadsheet: header overrides, constants, record type and date habits."""

    record_type: str | None = None
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    date_order: str = "day-first"
    timezone: str = "Europe/Brussels"
    group_dates: bool = True

    @property
    def zone(self) -> ZoneInfo:
        """Return the time zone for times without an offset."""
        return ZoneInfo(self.timezone)


def load_mapping(text: str) -> TabularMapping:
    """Read a YAML mapping file, raising MappingFileError with a plain message when it is wrong."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise MappingFileError(f"Geen geldige YAML / not valid YAML: {error}") from error
    if raw is None:
        return TabularMapping()
    if not isinstance(raw, dict):
        raise MappingFileError("Het mappingbestand moet sleutels bevatten / must hold keys")
    _check_keys(raw)
    mapping = TabularMapping(
        record_type=_choice(raw, "record_type", RECORD_TYPES, None),
        sheet=_optional_str(raw, "sheet"),
        columns=_columns(raw.get("columns")),
        constants=_constants(raw.get("constants")),
        date_order=_choice(raw, "date_order", DATE_ORDERS, "day-first") or "day-first",
        timezone=_optional_str(raw, "timezone") or "Europe/Brussels",
        group_dates=_flag(raw, "group_dates", True),
    )
    _check_zone(mapping.timezone)
    return mapping


def _check_keys(raw: dict[Any, Any]) -> None:
    unknown = sorted(str(key) for key in raw if key not in _KNOWN_KEYS)
    if unknown:
        names = ", ".join(unknown)
        raise MappingFileError(f"Onbekende sleutel(s) / unknown key(s): {names}")


def _choice(
    raw: dict[Any, Any], key: str, allowed: tuple[str, ...], default: str | None
) -> str | None:
    value = raw.get(key, default)
    if value is not None and value not in allowed:
        options = ", ".join(allowed)
        raise MappingFileError(f"'{key}' moet een van {options} zijn / must be one of {options}")
    return None if value is None else str(value)


def _optional_str(raw: dict[Any, Any], key: str) -> str | None:
    value = raw.get(key)
    return None if value is None else str(value)


def _columns(raw: object) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise MappingFileError("'columns' moet kolom: veld paren bevatten / must map column: field")
    columns = {str(header): _field(str(target)) for header, target in raw.items()}
    wrong = sorted(t for t in columns.values() if t not in HEADER_SYNONYMS and t != "ignore")
    if wrong:
        raise MappingFileError(_unknown_fields(wrong))
    return columns


def _field(name: str) -> str:
    """A field by its name or by any header the hub knows for it (``titel`` is ``title``)."""
    if name in HEADER_SYNONYMS or name == "ignore":
        return name
    return field_for_header(name) or name


def _unknown_fields(wrong: list[str]) -> str:
    known = ", ".join(sorted(HEADER_SYNONYMS))
    return (
        f"Onbekend(e) veld(en): {', '.join(wrong)}; gekend zijn {known} en ignore. / "
        f"unknown field(s): {', '.join(wrong)}; known are {known} and ignore."
    )


_YES = frozenset({"true", "yes", "ja", "1", "waar", "aan", "on"})
_NO = frozenset({"false", "no", "nee", "neen", "0", "onwaar", "uit", "off"})


def _flag(raw: dict[Any, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _YES or text in _NO:
        return text in _YES
    raise MappingFileError(f"'{key}' is ja of nee (true of false) / is yes or no (true or false)")


def _constants(raw: object) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise MappingFileError(
            "'constants' moet veld: waarde paren bevatten / must map field: value"
        )
    constants = {_field(str(name)): str(value) for name, value in raw.items()}
    wrong = sorted(name for name in constants if name not in HEADER_SYNONYMS)
    if wrong:
        raise MappingFileError(_unknown_fields(wrong))
    return constants


def _check_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise MappingFileError(f"Onbekende tijdzone / unknown time zone: {name}") from error
