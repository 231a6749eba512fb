"""The flat columns of a CSV or Parquet export, per record type, and how a record fills them.

The columns are a documented, stable contract (``docs/exports.md`` lists every one, checked
by a test). Values are typed: text, number, integer, boolean, moment (aware datetime), date,
or list of text; the writers turn them into CSV cells or Parquet types. The full record is in
the JSON Lines export; these columns are what a spreadsheet or a data frame needs. How a
record fills them is ``export_rows.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cultuurhub.model import RecordType
from cultuurhub.model.text import LANGUAGES


class ColumnKind(StrEnum):
    """What kind of value a column holds."""

    TEXT = "text"
    NUMBER = "number"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    MOMENT = "moment"
    DATE = "date"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class ExportColumn:
    """One column of a flat export: its name, kind and what it means."""

    name: str
    kind: ColumnKind
    help: str


T, N, I, B, M, D, L = (  # noqa: E741 - one letter per kind keeps the tables below readable
    ColumnKind.TEXT,
    ColumnKind.NUMBER,
    ColumnKind.INTEGER,
    ColumnKind.BOOLEAN,
    ColumnKind.MOMENT,
    ColumnKind.DATE,
    ColumnKind.LIST,
)


def _columns(*specs: tuple[str, ColumnKind, str]) -> tuple[ExportColumn, ...]:
    return tuple(ExportColumn(name, kind, text) for name, kind, text in specs)


_IDENTITY = _columns(
    ("id", T, "The record's UUID."),
    ("uri", T, "The record's URI: {base_url}/{type}/{id}."),
    ("owner_id", T, "UUID of the organisation that owns the record."),
)
_NAMES = _columns(
    *((f"name_{language}", T, f"Name in '{language}'.") for language in LANGUAGES),
    ("main_language", T, "Main language of the record (nl, fr, de, en)."),
    ("description_nl", T, "Description in Dutch (else in another language it has)."),
)
_ADDRESS = _columns(
    ("street_address", T, "Street and number."),
    ("postal_code", T, "Postcode."),
    ("locality", T, "Town or municipality as written in the address."),
    ("country", T, "ISO 3166 country code."),
    ("municipality_nis", T, "NIS code of the (2025) municipality."),
    ("latitude", N, "WGS84 latitude."),
    ("longitude", N, "WGS84 longitude."),
)
_FACTS = _columns(
    ("labels", L, "Visible labels."),
    ("created", M, "When the record was first stored in the hub."),
    ("modified", M, "When the record last changed in the hub."),
    ("workflow_status", T, "draft, readyforvalidation, approved or rejected."),
    ("visibility", T, "public or private."),
)
_TYPE = _columns(
    ("type_id", T, "UiTdatabank term id of the event or place type."),
    ("type_label", T, "Dutch label of that type."),
)
_CALENDAR = _columns(
    ("calendar_type", T, "single, multiple, periodic or permanent."),
    ("start", M, "Start of the first occurrence or of the period."),
    ("end", M, "End of the last occurrence or of the period."),
)
_PRICE = _columns(
    ("price_base", N, "Base price in euro."),
    ("free", B, "Whether the base price is 0 (empty: no price given)."),
)
_ORGANIZER = _columns(
    ("organizer_id", T, "UUID of the organiser record."),
    ("organizer_name", T, "Name of the organiser."),
)

EVENT_COLUMNS = (
    *_IDENTITY, *_NAMES, *_TYPE,
    *_columns(
        ("theme_ids", L, "UiTdatabank term ids of the themes."),
        ("theme_labels", L, "Dutch labels of the themes."),
    ),
    *_CALENDAR,
    *_columns(
        ("occurrences", I, "Number of dated occurrences (sub-events)."),
        ("status", T, "Available, TemporarilyUnavailable (postponed) or Unavailable (cancelled)."),
        ("booking_availability", T, "Available or Unavailable (sold out)."),
        ("place_id", T, "UUID of the place record."),
        ("place_name", T, "Name of the place."),
    ),
    *_ADDRESS, *_ORGANIZER, *_PRICE,
    *_columns(
        ("age_min", I, "Youngest age the event is for."),
        ("age_max", I, "Oldest age the event is for."),
        ("audience", T, "everyone, members or education."),
        ("attendance_mode", T, "offline, online or mixed."),
        ("online_url", T, "Where to attend online."),
        ("image_url", T, "Main image."),
        ("booking_url", T, "Where to book."),
    ),
    *_FACTS,
)  # fmt: skip

PLACE_COLUMNS = (
    *_IDENTITY, *_NAMES, *_TYPE,
    *_columns(
        ("facility_labels", L, "Dutch labels of the facilities (accessibility and more)."),
    ),
    *_CALENDAR,
    *_columns(("status", T, "Available, TemporarilyUnavailable or Unavailable (closed).")),
    *_ADDRESS,
    *_columns(("capacity", I, "How many people the place holds.")),
    *_ORGANIZER, *_PRICE,
    *_columns(
        ("image_url", T, "Main image."),
        ("website", T, "First web address of the contact point."),
    ),
    *_FACTS,
)  # fmt: skip

ORGANIZER_COLUMNS = (
    *_IDENTITY, *_NAMES,
    *_columns(
        ("kind", T, "Kind of organisation (museum, cultuurcentrum, bibliotheek…)."),
        ("website", T, "Website."),
        ("email", T, "First public e-mail address."),
        ("phone", T, "First public phone number."),
    ),
    *_ADDRESS,
    *_columns(("image_url", T, "Main image.")),
    *_FACTS,
)  # fmt: skip

OBJECT_COLUMNS = (
    *_IDENTITY,
    *(ExportColumn(f"title_{language}", T, f"Title in '{language}'.") for language in LANGUAGES),
    *_columns(
        ("main_language", T, "Main language of the record."),
        ("description_nl", T, "Description in Dutch (else in another language it has)."),
        ("object_number", T, "Inventory number at the holder."),
        ("object_types", L, "Object types (Dutch labels)."),
        ("creators", L, "Names of the makers."),
        ("creator_roles", L, "Their roles, in the same order (empty when unknown)."),
        ("date", T, "Production date as shown."),
        ("date_edtf", T, "Production date in EDTF."),
        ("date_earliest", D, "Earliest day the production date allows."),
        ("date_latest", D, "Latest day the production date allows."),
        ("materials", L, "Materials (Dutch labels)."),
        ("techniques", L, "Techniques (Dutch labels)."),
        ("subjects", L, "Subjects (Dutch labels)."),
        ("places", L, "Places connected with the object."),
        ("holder_id", T, "UUID of the organiser record that holds the object."),
        ("holder_name", T, "Name of the holder."),
        ("rights", T, "Rights statement of the object (URI)."),
        ("image_url", T, "First digital representation."),
        ("iiif_service", T, "Its IIIF image service."),
        ("image_rights", T, "Rights statement of that representation (URI)."),
    ),
    *_FACTS,
)  # fmt: skip

COLUMNS: dict[RecordType, tuple[ExportColumn, ...]] = {
    RecordType.EVENT: EVENT_COLUMNS,
    RecordType.PLACE: PLACE_COLUMNS,
    RecordType.ORGANIZER: ORGANIZER_COLUMNS,
    RecordType.OBJECT: OBJECT_COLUMNS,
}


def columns_for(record_type: RecordType) -> tuple[ExportColumn, ...]:
    """Return the flat columns of a record type's CSV and Parquet exports."""
    return COLUMNS[record_type]
