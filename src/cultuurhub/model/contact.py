"""Contact point, booking info, postal address and coordinates."""

from __future__ import annotations

from typing import Annotated

from annotated_types import MinLen
from pydantic import AwareDatetime, Field, StringConstraints

from cultuurhub.model.text import Language, MultilingualText
from cultuurhub.model.wire import WebUrl, WireModel

Email = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
]


class ContactPoint(WireModel):
    """Public contact details: phone numbers, e-mail addresses and web addresses."""

    phone: list[str] = Field(default_factory=list)
    email: list[Email] = Field(default_factory=list)
    url: list[WebUrl] = Field(default_factory=list)


class BookingInfo(WireModel):
    """Where and when to book: phone, e-mail, booking page and the booking window."""

    phone: str | None = None
    email: Email | None = None
    url: WebUrl | None = None
    url_label: MultilingualText | None = Field(default=None, alias="urlLabel")
    availability_starts: AwareDatetime | None = Field(default=None, alias="availabilityStarts")
    availability_ends: AwareDatetime | None = Field(default=None, alias="availabilityEnds")


class Address(WireModel):
    """A postal address in one language (schema.org PostalAddress)."""

    street_address: str = Field(alias="streetAddress", min_length=1)
    postal_code: str = Field(alias="postalCode", min_length=1, max_length=16)
    address_locality: str = Field(alias="addressLocality", min_length=1)
    address_country: str = Field(alias="addressCountry", pattern=r"^[A-Z]{2}$")


MultilingualAddress = Annotated[dict[Language, Address], MinLen(1)]
"""An address per language, as UiTdatabank sends it: ``{"nl": {...}, "fr": {...}}``."""


class Geo(WireModel):
    """WGS84 coordinates."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


def first_address(address: dict[Language, Address] | None, language: Language) -> Address | None:
    """Return the address in ``language``, else the first one given."""
    if not address:
        return None
    return address.get(language) or next(iter(address.values()))
