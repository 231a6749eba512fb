"""The portal's pages, rendered on the server from the store: no JavaScript needed.

Each function loads what a page shows (the record, what it links to, the lists beside it),
builds the page's content and renders it in the reader's language. A record the public may not
see, or that does not exist, gives the "not found" page; a deleted one the "removed" page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

from cultuurhub.access import Action, Principal, may
from cultuurhub.config import get_settings
from cultuurhub.model import (
    Event,
    HeritageObject,
    InvalidRecord,
    Organizer,
    Place,
    RecordType,
    parse_record,
)
from cultuurhub.store import Store, id_from_uri
from cultuurhub.web.event_page import EventSources, LinkedRecord, build_event_view
from cultuurhub.web.listings import Listings
from cultuurhub.web.object_page import build_object_view
from cultuurhub.web.paths import PAGE_PATHS, SEARCH_PATH
from cultuurhub.web.place_page import build_organizer_view, build_place_view
from cultuurhub.web.rendering import PageContext, render_page
from cultuurhub.web.structured_data import (
    event_jsonld,
    organization_jsonld,
    place_jsonld,
    script_json,
)
from cultuurhub.web.view_parts import Link

RecordT = TypeVar("RecordT", Event, Place, Organizer, HeritageObject)
_PUBLIC = Principal()
_COUNTED = ("event", "place", "organizer", "object")


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A page and its HTTP status."""

    status: int
    html: str


class _Missing(Exception):
    """The record cannot be shown: ``status`` is 404 (no such public record) or 410 (deleted)."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def render_home(store: Store, page: PageContext, listings: Listings) -> str:
    """Render the home page: quick picks, what is coming up, what the hub holds."""
    t = page.messages
    counts = listings.counts()
    picks = [
        Link(t(f"pick.{name}"), page.link(SEARCH_PATH, [(key, value)]))
        for name, key, value in (
            ("today", "when", "today"), ("weekend", "when", "weekend"),
            ("week", "when", "week"), ("free", "free", "1"), ("children", "children", "1"),
        )
    ]  # fmt: skip
    return render_page(
        "home.html",
        page,
        picks=[{"label": link.label, "path": link.path} for link in picks],
        highlights=listings.upcoming(t),
        counts=[(kind, _thousands(counts.get(kind, 0), page)) for kind in _COUNTED],
    )


def render_event(
    store: Store, record_id: UUID, page: PageContext, listings: Listings
) -> RenderedPage:
    """Render an event page with its place, organiser and related events."""
    try:
        event = _load(store, record_id, RecordType.EVENT, Event)
    except _Missing as missing:
        return render_missing(page, missing.status)
    place = _linked(store, event.location.uri if event.location else None, Place)
    organizer = _linked(store, event.organizer.uri if event.organizer else None, Organizer)
    t = page.messages
    sources = EventSources(
        record_id, event, place, organizer,
        listings.related(record_id, place.id if place.record else None,
                         organizer.id if organizer.record else None, t),
    )  # fmt: skip
    view = build_event_view(sources, t, listings.now)
    jsonld = script_json(event_jsonld(sources, _absolute("event", record_id)))
    return RenderedPage(200, render_page("event.html", page, event=view, jsonld=jsonld))


def render_place(
    store: Store, record_id: UUID, page: PageContext, listings: Listings
) -> RenderedPage:
    """Render a place page with what is coming up there."""
    try:
        place = _load(store, record_id, RecordType.PLACE, Place)
    except _Missing as missing:
        return render_missing(page, missing.status)
    view = build_place_view(record_id, place, listings.at_place(record_id, page.messages, 9),
                            page.messages)  # fmt: skip
    jsonld = script_json(place_jsonld(place, _absolute("place", record_id)))
    return RenderedPage(200, render_page("place.html", page, place=view, jsonld=jsonld))


def render_organizer(
    store: Store, record_id: UUID, page: PageContext, listings: Listings
) -> RenderedPage:
    """Render an organiser page with its events and, for a museum, its collection."""
    try:
        organizer = _load(store, record_id, RecordType.ORGANIZER, Organizer)
    except _Missing as missing:
        return render_missing(page, missing.status)
    t = page.messages
    view = build_organizer_view(
        record_id, organizer, listings.by_organizer(record_id, t, 9),
        listings.held_by(record_id, t), t,
    )  # fmt: skip
    jsonld = script_json(organization_jsonld(organizer, _absolute("organizer", record_id)))
    return RenderedPage(200, render_page("organizer.html", page, organizer=view, jsonld=jsonld))


def render_object(store: Store, record_id: UUID, page: PageContext) -> RenderedPage:
    """Render a heritage object page with its reuse answer."""
    try:
        heritage = _load(store, record_id, RecordType.OBJECT, HeritageObject)
    except _Missing as missing:
        return render_missing(page, missing.status)
    view = build_object_view(record_id, heritage, page.messages)
    return RenderedPage(200, render_page("object.html", page, item=view))


def render_missing(page: PageContext, status: int = 404) -> RenderedPage:
    """Render the "not found" (404) or "removed" (410) page."""
    t = page.messages
    key = "gone" if status == 410 else "not_found"
    html = render_page("error.html", page, heading=t(f"error.{key}"), text=t(f"error.{key}_text"))
    return RenderedPage(status, html)


def _load(store: Store, record_id: UUID, record_type: RecordType, model: type[RecordT]) -> RecordT:
    stored = store.get(record_id)
    if stored is None or stored.type != record_type.value:
        raise _Missing(404)
    if not may(_PUBLIC, Action.READ, stored.owner, public=stored.visibility == "public"):
        raise _Missing(404)
    if stored.deleted:
        raise _Missing(410)
    try:
        record = parse_record(record_type, stored.document)
    except InvalidRecord:
        raise _Missing(404) from None
    assert isinstance(record, model)
    return record


def _linked(store: Store, uri: str | None, model: type[RecordT]) -> LinkedRecord[RecordT]:
    record_id = id_from_uri(uri)
    if record_id is None:
        return LinkedRecord(None, None)
    kind = RecordType.PLACE if model is Place else RecordType.ORGANIZER
    try:
        return LinkedRecord(record_id, _load(store, record_id, kind, model))
    except _Missing:
        return LinkedRecord(record_id, None)


def _absolute(kind: str, record_id: UUID) -> str:
    return f"{get_settings().base_url}{PAGE_PATHS[kind]}/{record_id}"


def _thousands(count: int, page: PageContext) -> str:
    text = f"{count:,}"
    return text.replace(",", ".") if page.lang == "nl" else text
