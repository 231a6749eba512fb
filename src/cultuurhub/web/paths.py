"""Where the portal's pages live, and links that keep the reader's language.

One path per record, in Dutch (the hub's first language); English is the same page with
``?lang=en`` (a cookie remembers the choice). The paths never clash with the JSON API's
``/events/{id}``, ``/places/{id}``, ``/organizers/{id}`` and ``/objects/{id}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final
from urllib.parse import urlencode
from uuid import UUID

from cultuurhub.web.i18n import Lang

HOME_PATH: Final = "/"
SEARCH_PATH: Final = "/zoeken"
EVENT_PATH: Final = "/activiteiten"
PLACE_PATH: Final = "/locaties"
ORGANIZER_PATH: Final = "/organisatoren"
OBJECT_PATH: Final = "/erfgoed"
PAGE_PATHS: Final[dict[str, str]] = {
    "event": EVENT_PATH,
    "place": PLACE_PATH,
    "organizer": ORGANIZER_PATH,
    "object": OBJECT_PATH,
}
API_PATHS: Final[dict[str, str]] = {
    "event": "/events",
    "place": "/places",
    "organizer": "/organizers",
    "object": "/objects",
}


def with_query(path: str, params: Iterable[tuple[str, str]]) -> str:
    """Return ``path`` with these query parameters (none: the bare path)."""
    pairs = list(params)
    return f"{path}?{urlencode(pairs)}" if pairs else path


def localised(path: str, lang: Lang, params: Iterable[tuple[str, str]] = ()) -> str:
    """Return a link to ``path`` that keeps the reader in ``lang`` (Dutch needs no parameter)."""
    pairs = [(key, value) for key, value in params if key != "lang"]
    if lang == "en":
        pairs.append(("lang", "en"))
    return with_query(path, pairs)


def record_page(record_type: str, record_id: UUID | str, lang: Lang) -> str | None:
    """Return the portal page of a record, or None for a type without pages."""
    base = PAGE_PATHS.get(record_type)
    return None if base is None else localised(f"{base}/{record_id}", lang)
