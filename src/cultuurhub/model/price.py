"""Price information: one base price, named tariffs, UiTPAS tariffs, in euro."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, Field

from cultuurhub.model.errors import rule_error
from cultuurhub.model.text import Language, MultilingualText
from cultuurhub.model.wire import WireModel


class PriceCategory(StrEnum):
    """What kind of price a line is: the base price, a named tariff, or a UiTPAS tariff."""

    BASE = "base"
    TARIFF = "tariff"
    UITPAS = "uitpas"


class Price(WireModel):
    """One price line; ``validFrom``/``validThrough`` (hub extension, as schema.org) bound it."""

    category: PriceCategory
    name: MultilingualText | None = None
    price: Decimal = Field(ge=0, max_digits=10, decimal_places=2)
    price_currency: Literal["EUR"] = Field(default="EUR", alias="priceCurrency")
    valid_from: AwareDatetime | None = Field(default=None, alias="validFrom")
    valid_through: AwareDatetime | None = Field(default=None, alias="validThrough")


def check_price_info(prices: list[Price], main_language: Language) -> None:
    """Raise a rule error unless there is one base price and tariff names are unique and named."""
    bases = [index for index, line in enumerate(prices) if line.category is PriceCategory.BASE]
    if len(bases) != 1:
        raise rule_error(
            "priceInfo",
            "Geef precies één basistarief (category base).",
            "Give exactly one base price (category base).",
        )
    seen: set[tuple[str, str]] = set()
    for index, line in enumerate(prices):
        _check_line(index, line, main_language, seen)


def _check_line(
    index: int, line: Price, main_language: Language, seen: set[tuple[str, str]]
) -> None:
    where = f"priceInfo[{index}]"
    if line.valid_from and line.valid_through and line.valid_through < line.valid_from:
        raise rule_error(
            f"{where}.validThrough",
            "Het einde van de geldigheid ligt voor het begin.",
            "The end of validity lies before its start.",
        )
    if line.name is None:
        if line.category is PriceCategory.BASE:
            return
        raise rule_error(
            f"{where}.name", "Dit tarief heeft een naam nodig.", "This tariff needs a name."
        )
    if main_language not in line.name:
        raise rule_error(
            f"{where}.name",
            f"Geef de naam van dit tarief ook in de hoofdtaal ({main_language}).",
            f"Also give this tariff's name in the main language ({main_language}).",
        )
    for language, text in line.name.items():
        key = (language, text.strip().casefold())
        if key in seen:
            raise rule_error(
                f"{where}.name",
                f"Er is al een tarief met de naam '{text}'.",
                f"There is already a price named '{text}'.",
            )
        seen.add(key)
