"""The record API the store and the blocks use: parse, serialise, schema, index columns."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from cultuurhub.model.agent import Agent
from cultuurhub.model.concept import Concept
from cultuurhub.model.contact import Address, first_address
from cultuurhub.model.errors import FieldProblem, InvalidRecord, problems_from
from cultuurhub.model.event import Event
from cultuurhub.model.heritage import HeritageObject
from cultuurhub.model.organizer import Organizer
from cultuurhub.model.place import Place
from cultuurhub.model.text import in_language
from cultuurhub.model.vocab import municipality_for_postcode


class RecordType(StrEnum):
    """The kinds of record the hub keeps."""

    EVENT = "event"
    PLACE = "place"
    ORGANIZER = "organizer"
    OBJECT = "object"
    AGENT = "agent"
    CONCEPT = "concept"

    @property
    def path(self) -> str:
        """Return the URL path segment of this record type, such as ``events``."""
        return _PATHS[self]


_PATHS = {
    RecordType.EVENT: "events",
    RecordType.PLACE: "places",
    RecordType.ORGANIZER: "organizers",
    RecordType.OBJECT: "objects",
    RecordType.AGENT: "agents",
    RecordType.CONCEPT: "concepts",
}

CanonicalRecord = Event | Place | Organizer | HeritageObject | Agent | Concept
MODELS: dict[RecordType, type[CanonicalRecord]] = {
    RecordType.EVENT: Event,
    RecordType.PLACE: Place,
    RecordType.ORGANIZER: Organizer,
    RecordType.OBJECT: HeritageObject,
    RecordType.AGENT: Agent,
    RecordType.CONCEPT: Concept,
}
INDEX_COLUMNS = (
    "name",
    "start_at",
    "end_at",
    "municipality_nis",
    "postal_code",
    "latitude",
    "longitude",
)


def parse_record(record_type: RecordType | str, payload: Mapping[str, Any]) -> CanonicalRecord:
    """Validate a wire payload into its canonical record; raise ``InvalidRecord`` on problems."""
    model = MODELS[RecordType(record_type)]
    if not isinstance(payload, Mapping):
        raise InvalidRecord(
            [FieldProblem("", "Een record is een groep velden.", "A record is a group of fields.")]
        )
    try:
        return model.model_validate(dict(payload))
    except ValidationError as error:
        raise InvalidRecord(problems_from(error)) from None
    except RecursionError:
        raise InvalidRecord(
            [FieldProblem("", "Het record is te diep genest.", "The record is nested too deeply.")]
        ) from None


def to_document(record: BaseModel) -> dict[str, Any]:
    """Return the JSON wire form of a record (aliases, no nulls)."""
    return record.model_dump(mode="json", by_alias=True, exclude_none=True)


@cache
def json_schema(record_type: RecordType | str) -> dict[str, Any]:
    """Return the published JSON Schema of a record type (wire names)."""
    record = RecordType(record_type)
    schema = MODELS[record].model_json_schema(by_alias=True, mode="validation")
    schema["$id"] = f"https://cultuurhub.be/schemas/{record.value}.json"
    return schema


def index_columns(record: CanonicalRecord) -> dict[str, Any]:
    """Return the columns the store indexes for a record (always the same seven keys)."""
    columns: dict[str, Any] = dict.fromkeys(INDEX_COLUMNS)
    columns["name"] = _name(record)
    if isinstance(record, Event):
        columns.update(_event_columns(record))
    elif isinstance(record, Place | Organizer):
        columns.update(_address_columns(record.main_address, record.municipality_nis))
        if record.geo is not None:
            columns["latitude"], columns["longitude"] = record.geo.latitude, record.geo.longitude
    return columns


def _name(record: CanonicalRecord) -> str | None:
    if isinstance(record, Event | Place | Organizer):
        return in_language(record.name, record.main_language)
    if isinstance(record, HeritageObject):
        return in_language(record.title, record.main_language)
    if isinstance(record, Agent):
        return record.name
    return in_language(record.pref_label, "nl")


def _event_columns(event: Event) -> dict[str, Any]:
    start, end = _span(event)
    columns: dict[str, Any] = {"start_at": start, "end_at": end}
    location = event.location
    if location is not None:
        address = first_address(location.address, event.main_language)
        columns.update(_address_columns(address, location.municipality_nis))
        if location.geo is not None:
            columns["latitude"], columns["longitude"] = (
                location.geo.latitude,
                location.geo.longitude,
            )
    return columns


def _span(event: Event) -> tuple[datetime | None, datetime | None]:
    if event.sub_event:
        starts = [occurrence.start_date for occurrence in event.sub_event]
        ends = [occurrence.end_date for occurrence in event.sub_event]
        return min(starts), max(ends)
    return event.start_date, event.end_date


def _address_columns(address: Address | None, municipality_nis: str | None) -> dict[str, Any]:
    if address is None:
        return {"municipality_nis": municipality_nis}
    if municipality_nis is None and address.address_country == "BE":
        municipality_nis = municipality_for_postcode(address.postal_code)
    return {"municipality_nis": municipality_nis, "postal_code": address.postal_code}
