"""Lists of records on the pages (coming up, at this place, by this organiser, the collection).

They come from the search index (public workflow states only, ordered by date); the documents
of the hits, and the places of the events among them, are read from the store in one query
each, and only public, live records are shown. Without a search index (an app built without
one) the home page falls back to recently updated events and the other lists stay empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from cultuurhub.model import RecordType
from cultuurhub.search import Hit, QueryError, SearchIndex, SearchQuery
from cultuurhub.store import ExportSelection, Store, related_records
from cultuurhub.web.cards import event_card, place_ids, record_card
from cultuurhub.web.dates import BRUSSELS, short_when
from cultuurhub.web.i18n import Messages
from cultuurhub.web.paths import record_page
from cultuurhub.web.view_parts import EventCard, LocalText, RecordCard

DATED = ("single", "multiple")
_PUBLIC_ONLY = ExportSelection(record_type="")  # no private_of: public records only
Documents = Mapping[UUID, Mapping[str, Any]]


@dataclass
class Listings:
    """Lists for the pages of one request: hits from the search index, documents from the store."""

    store: Store
    search: SearchIndex | None
    now: datetime

    def counts(self) -> dict[str, int]:
        """How many public records of each type (``event``, ``place``...) the hub holds.

        From the search index (one cached facet count) when there is one, else the store.
        """
        if self.search is None:
            return self.store.counts_by_type()
        found = self.search.search(SearchQuery(limit=1, sort="modified", facets=("kinds",)))
        singular = {"events": "event", "places": "place", "organizers": "organizer",
                    "objects": "object"}  # fmt: skip
        return {singular.get(v.value, v.value): v.count for v in found.facets.get("kinds", [])}

    def upcoming(self, t: Messages, limit: int = 9) -> list[EventCard]:
        """Return events with a date from today on, soonest first."""
        if self.search is None:
            return self._recent(t, limit)
        query = SearchQuery(
            kinds=("events",), date_from=self._today(), calendars=DATED, sort="date", limit=limit
        )
        return self.event_cards(self._hits(query), t)

    def at_place(
        self, place_id: UUID, t: Messages, limit: int = 6, exclude: UUID | None = None
    ) -> list[EventCard]:
        """Return what is coming up at a place."""
        query = SearchQuery(kinds=("events",), places=(str(place_id),))
        return self.event_cards(self._around(query, limit, exclude), t)

    def by_organizer(
        self, organizer_id: UUID, t: Messages, limit: int = 6, exclude: UUID | None = None
    ) -> list[EventCard]:
        """Return what an organiser has coming up."""
        query = SearchQuery(kinds=("events",), organizers=(str(organizer_id),))
        return self.event_cards(self._around(query, limit, exclude), t)

    def related(
        self, event_id: UUID, place_id: UUID | None, organizer_id: UUID | None, t: Messages
    ) -> list[EventCard]:
        """Return other events at the same place or by the same organiser (at most six)."""
        hits = []
        if place_id is not None:
            query = SearchQuery(kinds=("events",), places=(str(place_id),))
            hits += self._around(query, 3, event_id)
        if organizer_id is not None:
            query = SearchQuery(kinds=("events",), organizers=(str(organizer_id),))
            seen = {hit.id for hit in hits}
            hits += [hit for hit in self._around(query, 6, event_id) if hit.id not in seen]
        return self.event_cards(hits[:6], t)

    def held_by(self, organizer_id: UUID, t: Messages, limit: int = 8) -> list[RecordCard]:
        """Return heritage objects an organisation holds, most recently updated first."""
        query = SearchQuery(kinds=("objects",), organizers=(str(organizer_id),), limit=limit,
                            sort="modified", descending=True)  # fmt: skip
        hits = self._hits(query)
        documents = self.documents([hit.id for hit in hits])
        cards = (record_card("object", h.id, documents[h.id], t) for h in hits if h.id in documents)
        return [card for card in cards if card is not None]

    def event_cards(self, hits: Sequence[Hit], t: Messages) -> list[EventCard]:
        """Return the cards of these events, in order (records no longer public are left out)."""
        documents = self.documents([hit.id for hit in hits])
        places = self.documents(list(place_ids(documents)))
        cards = (event_card(hit.id, documents[hit.id], t, self.now, places)
                 for hit in hits if hit.id in documents)  # fmt: skip
        return [card for card in cards if card is not None]

    def documents(self, ids: Sequence[UUID]) -> Documents:
        """Return the documents of the public, live records among ``ids`` (one query)."""
        if not ids:
            return {}
        found = related_records(self.store, ids, _PUBLIC_ONLY)
        return {record_id: record.document for record_id, record in found.items()}

    def _around(self, query: SearchQuery, limit: int, exclude: UUID | None) -> list[Hit]:
        wanted = SearchQuery(
            kinds=query.kinds, places=query.places, organizers=query.organizers,
            date_from=self._today(), sort="date", limit=limit + 1,
        )  # fmt: skip
        return [hit for hit in self._hits(wanted) if hit.id != exclude][:limit]

    def _hits(self, query: SearchQuery) -> list[Hit]:
        if self.search is None:
            return []
        try:
            return self.search.search(query).hits
        except QueryError:
            return []

    def _today(self) -> date:
        return self.now.astimezone(BRUSSELS).date()

    def _recent(self, t: Messages, limit: int) -> list[EventCard]:
        cards = []
        for row in self.store.recently_modified(RecordType.EVENT.value, limit * 4):
            start = row["start_at"]
            path = record_page("event", row["id"], t.lang)
            if start is None or start < self.now or path is None:
                continue
            name = LocalText(row["name"] or "?", "nl")
            cards.append(EventCard(path, name, short_when(start, t), start))
        cards.sort(key=lambda card: card.start or self.now)
        return cards[:limit]
