"""When something happens: calendar types, sub-events, opening hours, status and availability.

Status types are UiTdatabank's: ``Available`` (goes ahead as planned), ``TemporarilyUnavailable``
(postponed: a new date will follow) and ``Unavailable`` (cancelled, or closed for a place).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints, model_validator

from cultuurhub.model.errors import rule_error
from cultuurhub.model.text import MultilingualText
from cultuurhub.model.wire import WireModel

ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
"""A time of day as ``HH:MM``."""
DayOfWeek = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class CalendarType(StrEnum):
    """The four calendar shapes of UiTdatabank."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    PERIODIC = "periodic"
    PERMANENT = "permanent"


class StatusType(StrEnum):
    """Whether it goes ahead: available, postponed (temporarily unavailable) or cancelled."""

    AVAILABLE = "Available"
    TEMPORARILY_UNAVAILABLE = "TemporarilyUnavailable"
    UNAVAILABLE = "Unavailable"


class Status(WireModel):
    """Status with an optional multilingual reason shown to the public."""

    type: StatusType
    reason: MultilingualText | None = None


class BookingAvailability(WireModel):
    """Whether tickets can still be had, with optional capacity and remaining capacity."""

    type: Literal["Available", "Unavailable"] = "Available"
    capacity: int | None = Field(default=None, ge=0)
    remaining_capacity: int | None = Field(default=None, alias="remainingCapacity", ge=0)

    @model_validator(mode="after")
    def _remaining_within_capacity(self) -> BookingAvailability:
        if self.capacity is not None and (self.remaining_capacity or 0) > self.capacity:
            raise rule_error(
                "remainingCapacity",
                "Er kunnen niet meer plaatsen over zijn dan de capaciteit.",
                "Remaining capacity cannot exceed the capacity.",
            )
        return self


class Childcare(WireModel):
    """Childcare before and/or after an activity."""

    start: ClockTime | None = None
    end: ClockTime | None = None


class SubEvent(WireModel):
    """One occurrence of an event: start, end, status and booking availability."""

    id: int | None = Field(default=None, ge=0)
    start_date: AwareDatetime = Field(alias="startDate")
    end_date: AwareDatetime = Field(alias="endDate")
    status: Status | None = None
    booking_availability: BookingAvailability | None = Field(
        default=None, alias="bookingAvailability"
    )
    childcare: Childcare | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> SubEvent:
        if self.end_date < self.start_date:
            raise rule_error(
                "endDate", "Het einde ligt voor het begin.", "The end lies before the start."
            )
        return self


class OpeningHours(WireModel):
    """Opening hours on some days of the week."""

    opens: ClockTime
    closes: ClockTime
    day_of_week: list[DayOfWeek] = Field(alias="dayOfWeek", min_length=1)
    childcare: Childcare | None = None


class ClosedDays(WireModel):
    """A period in which a place is closed (holidays), with an optional reason."""

    start_date: date = Field(alias="startDate")
    end_date: date = Field(alias="endDate")
    description: MultilingualText | None = None


class AdjustedDays(ClosedDays):
    """A period with other opening hours than usual."""

    opening_hours: list[OpeningHours] = Field(default_factory=list, alias="openingHours")


class CalendarFields(WireModel):
    """The calendar of an event or place, as flat fields on the record (the wire shape)."""

    calendar_type: CalendarType = Field(alias="calendarType")
    start_date: AwareDatetime | None = Field(default=None, alias="startDate")
    end_date: AwareDatetime | None = Field(default=None, alias="endDate")
    sub_event: list[SubEvent] = Field(default_factory=list, alias="subEvent")
    opening_hours: list[OpeningHours] = Field(default_factory=list, alias="openingHours")
    opening_hours_closed_days: list[ClosedDays] = Field(
        default_factory=list, alias="openingHoursClosedDays"
    )
    opening_hours_adjusted_days: list[AdjustedDays] = Field(
        default_factory=list, alias="openingHoursAdjustedDays"
    )
    status: Status | None = None
    booking_availability: BookingAvailability | None = Field(
        default=None, alias="bookingAvailability"
    )

    @model_validator(mode="after")
    def _calendar_is_complete(self) -> CalendarFields:
        kind = self.calendar_type
        if kind in (CalendarType.SINGLE, CalendarType.MULTIPLE):
            _check_dated(self)
        elif kind is CalendarType.PERIODIC:
            _check_periodic(self)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise rule_error(
                "endDate", "Het einde ligt voor het begin.", "The end lies before the start."
            )
        return self


def _check_dated(calendar: CalendarFields) -> None:
    if not calendar.sub_event:
        raise rule_error(
            "subEvent",
            "Geef minstens één datum met begin en einde.",
            "Give at least one date with a start and an end.",
        )
    if calendar.calendar_type is CalendarType.SINGLE and len(calendar.sub_event) > 1:
        raise rule_error(
            "subEvent",
            "Een kalender van het type 'single' heeft precies één datum; gebruik 'multiple'.",
            "A 'single' calendar has exactly one date; use 'multiple'.",
        )


def _check_periodic(calendar: CalendarFields) -> None:
    for field, value in (("startDate", calendar.start_date), ("endDate", calendar.end_date)):
        if value is None:
            raise rule_error(
                field,
                "Een periode heeft een begin- en einddatum nodig.",
                "A period needs a start and an end date.",
            )


def normalise_calendar(payload: dict[str, object]) -> None:
    """Bring a calendar to one shape in place: sub-events for single dates, sorted, numbered."""
    kind = payload.get("calendarType")
    sub_events = payload.get("subEvent")
    if kind == "single" and not sub_events and payload.get("startDate") and payload.get("endDate"):
        occurrence = {"startDate": payload["startDate"], "endDate": payload["endDate"]}
        for key in ("status", "bookingAvailability"):
            if key in payload:
                occurrence[key] = payload[key]
        payload["subEvent"] = [occurrence]
    elif kind == "multiple" and isinstance(sub_events, list) and len(sub_events) == 1:
        payload["calendarType"] = "single"  # UiTdatabank stores one date as a single calendar
    elif kind == "permanent":
        payload.pop("startDate", None)
        payload.pop("endDate", None)
