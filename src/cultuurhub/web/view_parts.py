"""Small pieces every page shows: text in a language, an address, a link, a card in a list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cultuurhub.model import Address
from cultuurhub.web.i18n import Lang


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text and the language it is in (pages mark text that is not in the page language)."""

    text: str
    lang: str


@dataclass(frozen=True, slots=True)
class AddressView:
    """A postal address in two lines, and the one-line form for maps and screen readers."""

    street: str
    locality: str
    country: str

    @property
    def one_line(self) -> str:
        """Return "Zandstraat 8, 9690 Kluisbergen"."""
        return f"{self.street}, {self.locality}"


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled link; ``path`` is None when there is nothing to link to."""

    label: str
    path: str | None = None


@dataclass(frozen=True, slots=True)
class EventCard:
    """An event in a list: its page, name, when and where, and its status if it is off."""

    path: str
    name: LocalText
    when: str
    start: datetime | None
    where: str = ""
    status: str | None = None
    status_kind: str | None = None
    image: str | None = None


@dataclass(frozen=True, slots=True)
class RecordCard:
    """A place, organiser or heritage object in a list."""

    path: str
    kind: str
    name: LocalText
    detail: str = ""
    image: str | None = None


def pick(text: Mapping[Any, str] | None, lang: Lang, main: str = "nl") -> LocalText | None:
    """Return the text in the page language, else the main language, else any language."""
    if not text:
        return None
    for language in (lang, main, "nl"):
        if text.get(language):
            return LocalText(text[language], language)
    language, value = next(iter(text.items()))
    return LocalText(value, str(language))


def address_view(address: Address | None) -> AddressView | None:
    """Return an address as the pages show it."""
    if address is None:
        return None
    locality = f"{address.postal_code} {address.address_locality}"
    return AddressView(address.street_address, locality, address.address_country)


def map_link(latitude: float | None, longitude: float | None) -> str | None:
    """Return an OpenStreetMap link to a point, or None without coordinates."""
    if latitude is None or longitude is None:
        return None
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}"
        f"#map=17/{latitude:.5f}/{longitude:.5f}"
    )
