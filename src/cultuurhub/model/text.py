"""Multilingual text as on the UiTdatabank wire: a map of language code to text."""

from __future__ import annotations

from typing import Annotated, Literal

from annotated_types import MinLen
from pydantic import StringConstraints

Language = Literal["nl", "fr", "de", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "fr", "de", "en")

NonBlank = Annotated[str, StringConstraints(min_length=1)]
MultilingualText = Annotated[dict[Language, NonBlank], MinLen(1)]
"""Text in one or more of the four languages, for example ``{"nl": "Concert", "en": "Concert"}``."""


def in_language(text: dict[Language, str] | None, language: Language) -> str | None:
    """Return the text in ``language``, else in Dutch, else in any language it has."""
    if not text:
        return None
    return text.get(language) or text.get("nl") or next(iter(text.values()))
