"""Place: a location where events happen (dcterms:Location in OSLO Cultuurparticipatie)."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from cultuurhub.model.calendar import CalendarType
from cultuurhub.model.contact import Address, Geo, MultilingualAddress, first_address
from cultuurhub.model.errors import rule_error
from cultuurhub.model.municipality import resolve_municipality
from cultuurhub.model.offer import Offer, check_one_type, prepare_offer
from cultuurhub.model.vocab import taxonomy


class Place(Offer):
    """A place; ``municipalityNis`` and ``capacity`` are hub extensions."""

    address: MultilingualAddress
    geo: Geo | None = None
    municipality_nis: str | None = Field(default=None, alias="municipalityNis")
    capacity: int | None = Field(default=None, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _current_shape(cls, value: Any) -> Any:
        return prepare_offer(value, "periodic")

    @model_validator(mode="after")
    def _place_rules(self) -> Place:
        check_one_type(self.terms, taxonomy().place_types, taxonomy().event_types)
        if self.calendar_type not in (CalendarType.PERIODIC, CalendarType.PERMANENT):
            raise rule_error(
                "calendarType",
                "Een plaats heeft een kalender 'periodic' of 'permanent'.",
                "A place has a 'periodic' or 'permanent' calendar.",
            )
        self.municipality_nis = resolve_municipality(self.municipality_nis, self.main_address)
        return self

    @property
    def main_address(self) -> Address | None:
        """Return the address in the main language, else the first one."""
        return first_address(self.address, self.main_language)
