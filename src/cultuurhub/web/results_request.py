"""What a reader asks the results page (``/zoeken``), and the search query it becomes.

The page's parameters are short and stable, so links can be shared: ``q`` (words), ``kind``
(``all``, ``events``, ``places``, ``organizers``, ``objects``), ``when`` (``today``,
``tomorrow``, ``weekend``, ``week``: the coming seven days), ``from``/``to`` (dates),
``type``, ``theme``, ``region`` (NIS code of a province or municipality), ``facility``
(taxonomy ids, repeatable), ``free=1``, ``children=1`` (UiTdatabank's ``Vlieg`` label for
children's offers), ``age`` (the age of who goes), ``sort`` (``relevance``, ``date``,
``modified``), ``page`` and ``view`` (``list``, ``map``). A value the page cannot read is
ignored rather than refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Final, cast

from cultuurhub.search import MAX_WINDOW, SearchQuery
from cultuurhub.web.dates import BRUSSELS

PAGE_SIZE: Final = 20
KINDS: Final[dict[str, tuple[str, ...]]] = {
    "all": ("events", "places", "organizers", "objects"),
    "events": ("events",),
    "places": ("places",),
    "organizers": ("organizers",),
    "objects": ("objects",),
}
WHEN: Final = ("today", "tomorrow", "weekend", "week")
SORTS: Final = ("relevance", "date", "modified")
CHILDREN_LABEL: Final = "Vlieg"
MULTI: Final = ("type", "theme", "region", "facility")
MAX_PAGE: Final = MAX_WINDOW // PAGE_SIZE


@dataclass(frozen=True, slots=True)
class ResultsRequest:
    """The reader's question, read leniently from the query string."""

    text: str = ""
    kind: str = ""
    when: str = ""
    date_from: date | None = None
    date_to: date | None = None
    types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    free: bool = False
    children: bool = False
    age: int | None = None
    sort: str = ""
    page: int = 1
    view: str = "list"

    @classmethod
    def from_params(cls, params: Sequence[tuple[str, str]]) -> ResultsRequest:
        """Read the query string; unknown or unreadable values are dropped."""
        single = {key: value.strip() for key, value in params if key not in MULTI}
        many = {key: _unique(v.strip() for k, v in params if k == key and v.strip())
                for key in MULTI}  # fmt: skip
        return cls(
            text=single.get("q", "")[:200],
            kind=single.get("kind", "") if single.get("kind") in KINDS else "",
            when=single.get("when", "") if single.get("when") in WHEN else "",
            date_from=_day(single.get("from")),
            date_to=_day(single.get("to")),
            types=many["type"], themes=many["theme"], regions=many["region"],
            facilities=many["facility"],
            free=single.get("free") == "1",
            children=single.get("children") == "1",
            age=_number(single.get("age"), 0, 120),
            sort=single.get("sort", "") if single.get("sort") in SORTS else "",
            page=_number(single.get("page"), 1, MAX_PAGE) or 1,
            view="map" if single.get("view") == "map" else "list",
        )  # fmt: skip

    @property
    def effective_kind(self) -> str:
        """The kind searched: as asked, else everything for words and events without."""
        return self.kind or ("all" if self.text else "events")

    def params(self) -> list[tuple[str, str]]:
        """Return the canonical query string of this request (for links)."""
        pairs: list[tuple[str, str]] = []
        for key, value in (
            ("q", self.text), ("kind", self.kind), ("when", self.when),
            ("from", self.date_from.isoformat() if self.date_from else ""),
            ("to", self.date_to.isoformat() if self.date_to else ""),
        ):  # fmt: skip
            if value:
                pairs.append((key, value))
        for key, values in (
            ("type", self.types), ("theme", self.themes), ("region", self.regions),
            ("facility", self.facilities),
        ):  # fmt: skip
            pairs += [(key, value) for value in values]
        if self.free:
            pairs.append(("free", "1"))
        if self.children:
            pairs.append(("children", "1"))
        if self.age is not None:
            pairs.append(("age", str(self.age)))
        if self.sort:
            pairs.append(("sort", self.sort))
        if self.view == "map":
            pairs.append(("view", "map"))
        if self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def changed(self, **changes: object) -> ResultsRequest:
        """Return this request with some fields changed, back on the first page."""
        return replace(self, **{"page": 1, **changes})  # type: ignore[arg-type]

    def without_value(self, name: str, value: str) -> ResultsRequest:
        """Return this request without one value of a repeatable filter."""
        values = cast(tuple[str, ...], getattr(self, name))
        return self.changed(**{name: tuple(v for v in values if v != value)})

    def search_query(self, now: datetime, facets: tuple[str, ...]) -> SearchQuery:
        """Return the search to run for this page."""
        first, last = self.dates(now)
        municipalities = tuple(code for code in self.regions if not code.endswith("000"))
        provinces = tuple(code for code in self.regions if code.endswith("000"))
        return SearchQuery(
            kinds=KINDS[self.effective_kind], text=self.text, event_types=self.types,
            themes=self.themes, facilities=self.facilities, municipalities=municipalities,
            provinces=provinces, date_from=first, date_to=last,
            free=True if self.free else None,
            labels=(CHILDREN_LABEL,) if self.children else (), age=self.age,
            sort=self.sort or None,  # type: ignore[arg-type]
            descending=self.sort == "modified",
            start=(self.page - 1) * PAGE_SIZE, limit=PAGE_SIZE, facets=facets,
        )  # fmt: skip

    def dates(self, now: datetime) -> tuple[date | None, date | None]:
        """Return the days asked for: a quick pick (in Brussels), else from/to."""
        today = now.astimezone(BRUSSELS).date()
        if self.when == "today":
            return today, today
        if self.when == "tomorrow":
            return today + timedelta(days=1), today + timedelta(days=1)
        if self.when == "weekend":
            if today.weekday() == 6:  # on Sunday, the weekend is today
                return today, today
            saturday = today + timedelta(days=5 - today.weekday())
            return saturday, saturday + timedelta(days=1)
        if self.when == "week":  # the coming seven days
            return today, today + timedelta(days=6)
        if self.date_from and self.date_to and self.date_to < self.date_from:
            return self.date_to, self.date_from
        if self.date_from is None and self.date_to is None and self.effective_kind == "events":
            return today, None  # the agenda: what is still to come
        return self.date_from, self.date_to


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))[:30]


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _number(value: str | None, low: int, high: int) -> int | None:
    if value is None or not value.isdigit():
        return None
    number = int(value)
    return number if low <= number <= high else None
