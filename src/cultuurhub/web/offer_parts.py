"""What event and place pages share: status, prices, opening hours, age, facilities, contact."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cultuurhub.model import (
    BookingAvailability,
    ContactPoint,
    OpeningHours,
    Price,
    PriceCategory,
    Status,
    StatusType,
    Term,
)
from cultuurhub.web.dates import day_text, local
from cultuurhub.web.i18n import DAY_KEYS, Messages
from cultuurhub.web.view_parts import pick


@dataclass(frozen=True, slots=True)
class StatusBadge:
    """A visible status: ``kind`` is cancelled, postponed, soldout or closed."""

    kind: str
    label: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class PriceView:
    """One price line as shown: name, amount ("€ 12,50" or "Gratis"), validity note."""

    name: str
    amount: str
    free: bool
    base: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class ContactView:
    """Public phone numbers, e-mail addresses and web addresses."""

    phones: tuple[str, ...]
    emails: tuple[str, ...]
    urls: tuple[str, ...]


def status_badge(status: Status | None, t: Messages, *, place: bool = False) -> StatusBadge | None:
    """Return the badge of a status that is not "goes ahead", else None."""
    if status is None or status.type is StatusType.AVAILABLE:
        return None
    reason = pick(status.reason, t.lang)
    text = reason.text if reason else None
    if status.type is StatusType.TEMPORARILY_UNAVAILABLE:
        return StatusBadge("postponed", t("status.postponed"), text)
    kind = "closed" if place else "cancelled"
    return StatusBadge(kind, t(f"status.{kind}"), text)


def sold_out(availability: BookingAvailability | None) -> bool:
    """Tell whether no tickets are left."""
    return availability is not None and availability.type == "Unavailable"


def euro(amount: Decimal, t: Messages) -> str:
    """Return an amount in euro the way each language writes it: "€ 12,50" / "€12.50"."""
    text = f"{amount:.2f}"
    return f"€ {text.replace('.', ',')}" if t.lang == "nl" else f"€{text}"


def price_views(prices: list[Price], main_language: str, t: Messages) -> list[PriceView]:
    """Return the price lines, the base price first, each named and with its validity."""
    ordered = sorted(prices, key=lambda line: line.category is not PriceCategory.BASE)
    return [_price_view(line, main_language, t) for line in ordered]


def _price_view(line: Price, main_language: str, t: Messages) -> PriceView:
    base = line.category is PriceCategory.BASE
    named = pick(line.name, t.lang, main_language)
    name = named.text if named else t("event.base_price")
    if base and name.casefold() in {"basistarief", "base", "base price"}:
        name = t("event.base_price")
    if line.category is PriceCategory.UITPAS and "uitpas" not in name.casefold():
        name = f"{t('event.uitpas')}: {name}"
    notes = []
    if line.valid_from is not None:
        notes.append(t("event.valid_from", date=day_text(local(line.valid_from).date(), t)))
    if line.valid_through is not None:
        notes.append(t("event.valid_through", date=day_text(local(line.valid_through).date(), t)))
    free = line.price == 0
    amount = t("event.free") if free else euro(line.price, t)
    return PriceView(name, amount, free, base, ", ".join(notes))


def opening_hours_rows(hours: list[OpeningHours], t: Messages) -> list[tuple[str, str]]:
    """Return opening hours as (days, hours) rows: ("zaterdag, zondag", "10:00–18:00")."""
    rows = []
    for line in hours:
        days = sorted(line.day_of_week, key=DAY_KEYS.index)
        names = ", ".join(t.day_name(DAY_KEYS.index(day)) for day in days)
        rows.append((names, f"{line.opens}–{line.closes}"))
    return rows


def age_text(age_range: str | None, t: Messages) -> str | None:
    """Return a typical age range in words: "Vanaf 6 jaar", "Voor alle leeftijden"."""
    if not age_range:
        return None
    low, _, high = age_range.partition("-")
    if low and high:
        return t("event.age_between", low=low, high=high)
    if low:
        return t("event.age_from", low=low)
    if high:
        return t("event.age_until", high=high)
    return t("event.age_all")


def facility_names(terms: list[Term], t: Messages) -> list[str]:
    """Return the names of the accessibility facilities among the terms."""
    return [t.term(term.id, term.label) for term in terms if term.domain == "facility"]


def terms_of(terms: list[Term], domain: str, t: Messages) -> list[str]:
    """Return the names of the terms in one domain (eventtype, theme)."""
    return [t.term(term.id, term.label) for term in terms if term.domain == domain]


def contact_view(contact: ContactPoint | None, skip_url: str | None = None) -> ContactView | None:
    """Return the public contact details (less a web address shown already), or None."""
    if contact is None:
        return None
    urls = tuple(url for url in contact.url if url != skip_url)
    if not (contact.phone or contact.email or urls):
        return None
    return ContactView(tuple(contact.phone), tuple(contact.email), urls)
