"""Event: an activity with a calendar (OSLO Cultuurparticipatie; UiTdatabank JSON-LD wire)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, model_validator

from cultuurhub.model.calendar import CalendarType
from cultuurhub.model.contact import Geo, MultilingualAddress
from cultuurhub.model.errors import rule_error
from cultuurhub.model.offer import Offer, check_one_type, prepare_offer
from cultuurhub.model.text import MultilingualText
from cultuurhub.model.vocab import taxonomy
from cultuurhub.model.wire import RecordUri, WebUrl, WireModel

ONLINE_PLACE_ID = "00000000-0000-0000-0000-000000000000"
"""UiTdatabank's "online" location: the nil UUID place."""
MAX_DEPARTURE_PLACES = 20


class AttendanceMode(StrEnum):
    """Where people attend: on a physical location, online, or both."""

    OFFLINE = "offline"
    ONLINE = "online"
    MIXED = "mixed"


class Audience(WireModel):
    """Who the event is for: everyone, members only, or schools (education)."""

    audience_type: Literal["everyone", "members", "education"] = Field(alias="audienceType")


class BirthdateRange(WireModel):
    """Who may take part, by date of birth (instead of an age range)."""

    from_date: date = Field(alias="from")
    to_date: date = Field(alias="to")


class LocationReference(WireModel):
    """The place of an event: its URI, or the place embedded (name, address, coordinates).

    A place embedded without a URI (from a spreadsheet or a calendar feed) is kept as it is; a
    later step links it to a known place.
    """

    uri: RecordUri | None = Field(default=None, alias="@id")
    name: MultilingualText | None = None
    address: MultilingualAddress | None = None
    geo: Geo | None = None
    municipality_nis: str | None = Field(default=None, alias="municipalityNis")

    @property
    def online(self) -> bool:
        """Tell whether this is UiTdatabank's placeholder for an online location."""
        return self.uri is not None and self.uri.endswith(ONLINE_PLACE_ID)

    @model_validator(mode="after")
    def _identified(self) -> LocationReference:
        if self.uri is None and self.name is None:
            raise rule_error(
                "@id",
                "Geef de locatie een @id of minstens een naam.",
                "Give the location an @id or at least a name.",
            )
        return self


class Event(Offer):
    """An event (cidoc:E7_Activity in OSLO Cultuurparticipatie)."""

    location: LocationReference | None = None
    attendance_mode: AttendanceMode = Field(default=AttendanceMode.OFFLINE, alias="attendanceMode")
    online_url: WebUrl | None = Field(default=None, alias="onlineUrl")
    audience: Audience | None = None
    birthdate_range: BirthdateRange | None = Field(default=None, alias="birthdateRange")
    children_only: bool | None = Field(default=None, alias="childrenOnly")
    departure_places: list[RecordUri] = Field(default_factory=list, alias="departurePlaces")

    @model_validator(mode="before")
    @classmethod
    def _current_shape(cls, value: Any) -> Any:
        return prepare_offer(value, "single")

    @model_validator(mode="after")
    def _event_rules(self) -> Event:
        event_types = taxonomy().event_types
        check_one_type(self.terms, event_types, taxonomy().place_types)
        _check_location(self)
        if self.birthdate_range is not None and self.typical_age_range is not None:
            raise rule_error(
                "birthdateRange",
                "Geef een leeftijd of geboortedata, niet allebei.",
                "Give an age range or a birthdate range, not both.",
            )
        _check_departure_places(self)
        return self

    @property
    def dated(self) -> bool:
        """Tell whether the event has sub-events (single or multiple calendar)."""
        return self.calendar_type in (CalendarType.SINGLE, CalendarType.MULTIPLE)


def _check_location(event: Event) -> None:
    location, mode = event.location, event.attendance_mode
    if location is None:
        if mode is not AttendanceMode.ONLINE:
            raise rule_error("location", "Dit veld is verplicht.", "This field is required.")
        return
    if mode is AttendanceMode.ONLINE and not location.online:
        raise rule_error(
            "location",
            "Een online activiteit heeft geen fysieke locatie; gebruik de online locatie.",
            "An online event has no physical location; use the online location.",
        )
    if mode is not AttendanceMode.ONLINE and location.online:
        raise rule_error(
            "location",
            "Een activiteit ter plaatse (offline of gemengd) heeft een echte locatie nodig.",
            "An event on site (offline or mixed) needs a real location.",
        )


def _check_departure_places(event: Event) -> None:
    if not event.departure_places:
        return
    if not event.children_only:
        raise rule_error(
            "departurePlaces",
            "Vertrekplaatsen kan je enkel geven als de activiteit alleen voor kinderen is.",
            "Departure places can only be given when the event is for children only.",
        )
    if len(event.departure_places) > MAX_DEPARTURE_PLACES:
        raise rule_error(
            "departurePlaces",
            f"Geef hoogstens {MAX_DEPARTURE_PLACES} vertrekplaatsen.",
            f"Give at most {MAX_DEPARTURE_PLACES} departure places.",
        )
