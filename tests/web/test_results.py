"""The results page: words, facets, quick picks, sorting, pages, map; and reading its URL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from cultuurhub.config import get_settings
from cultuurhub.web.results_request import ResultsRequest
from tests.web.hub import DemoHub

CONCERT = "0.50.4.0.0"
BRUSSELS = ZoneInfo("Europe/Brussels")


def _event_ids(html: str) -> list[UUID]:
    return [UUID(found) for found in re.findall(
        r'<h2 class="card__title"><a href="/activiteiten/([0-9a-f-]{36})', html)]  # fmt: skip


def _count(html: str) -> int:
    found = re.search(r'class="results__count" role="status">\s*(\d+) result', html)
    assert found, "no result count on the page"
    return int(found.group(1))


def test_words_find_events_and_fill_the_search_box(client: TestClient) -> None:
    html = client.get("/zoeken", params={"q": "concert"}).text
    assert "Resultaten voor “concert”" in html
    assert 'id="q" name="q" type="search" value="concert"' in html
    assert _count(html) > 0 and _event_ids(html)


def test_a_type_facet_narrows_to_that_type(client: TestClient, demo_hub: DemoHub) -> None:
    everything = client.get("/zoeken", params={"kind": "events"}).text
    assert f'name="type" value="{CONCERT}"' in everything
    html = client.get("/zoeken", params={"kind": "events", "type": CONCERT}).text
    ids = _event_ids(html)
    assert ids and _count(html) < _count(everything)
    for record_id in ids:
        stored = demo_hub.store.get(record_id)
        assert stored is not None
        assert CONCERT in {term["id"] for term in stored.document["terms"]}
    assert f'name="type" value="{CONCERT}" checked' in html
    chip = re.search(r'<ul class="active-filters">\s*<li><a href="([^"]+)"', html)
    assert chip and "type=" not in chip.group(1).replace("&amp;", "&")


def test_free_and_for_children(client: TestClient, demo_hub: DemoHub) -> None:
    for record_id in _event_ids(client.get("/zoeken", params={"free": "1"}).text):
        stored = demo_hub.store.get(record_id)
        assert stored is not None
        base = [p for p in stored.document["priceInfo"] if p["category"] == "base"]
        assert Decimal(str(base[0]["price"])) == 0
    children = _event_ids(client.get("/zoeken", params={"children": "1"}).text)
    assert children
    for record_id in children:
        stored = demo_hub.store.get(record_id)
        assert stored is not None and "Vlieg" in stored.document.get("labels", [])


def test_the_agenda_shows_what_is_still_to_come_soonest_first(client: TestClient) -> None:
    html = client.get("/zoeken").text
    times = re.findall(r'<time datetime="([^"]+)"', html)
    assert times
    today = datetime.now(BRUSSELS).date()
    days = [datetime.fromisoformat(moment).astimezone(BRUSSELS).date() for moment in times]
    assert all(day >= today for day in days), days


def test_pages_do_not_overlap_and_link_to_each_other(client: TestClient) -> None:
    first = client.get("/zoeken", params={"kind": "events"}).text
    assert 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get("/zoeken", params={"kind": "events", "page": "2"}).text
    assert 'rel="prev"' in second and "Pagina 2 van" in second
    assert not set(_event_ids(first)) & set(_event_ids(second))


def test_kind_tabs_count_the_same_question(client: TestClient) -> None:
    html = client.get("/zoeken", params={"q": "museum"}).text
    counts = {label: int(n) for label, n in re.findall(
        r'class="pill" href="[^"]*"(?: aria-current="true")?>([^<]+?) '
        r'<span class="tab-count">\((\d+)\)', html)}  # fmt: skip
    assert counts["Alles"] == sum(v for k, v in counts.items() if k != "Alles")
    objects = client.get("/zoeken", params={"q": "museum", "kind": "objects"}).text
    assert _count(objects) == counts["Erfgoedobjecten"]


def test_the_map_view_keeps_the_list_and_needs_no_script_for_it(client: TestClient) -> None:
    html = client.get("/zoeken", params={"view": "map"}).text
    assert 'id="kaart"' in html and "data-tiles=" in html and "/static/map.js" in html
    assert "<noscript>" in html and _event_ids(html)
    assert "data-lat=" in html


@pytest.fixture
def no_tiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CULTUURHUB_MAP_TILE_URL", "")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.usefixtures("no_tiles")
def test_without_a_tile_server_the_list_is_the_page(client: TestClient) -> None:
    html = client.get("/zoeken", params={"view": "map"}).text
    assert 'id="kaart"' not in html and "map.js" not in html
    assert "Er is geen kaartserver ingesteld" in html and _event_ids(html)


def test_english_results(client: TestClient) -> None:
    html = client.get("/zoeken", params={"lang": "en", "kind": "events"}).text
    assert "Search results" in html and "Apply filters" in html
    assert re.search(r'href="/activiteiten/[0-9a-f-]{36}\?lang=en"', html)


def test_unreadable_parameters_are_ignored(client: TestClient) -> None:
    answer = client.get("/zoeken?page=abc&when=soon&from=2026-13-01&age=-3&sort=x&kind=y")
    assert answer.status_code == 200 and _count(answer.text) > 0


def test_results_pages_stay_small(client: TestClient) -> None:
    for params in ({}, {"q": "concert"}, {"view": "map"}, {"kind": "all"}):
        assert len(client.get("/zoeken", params=params).content) < 500_000


def test_reading_and_writing_the_query_string() -> None:
    asked = ResultsRequest.from_params([
        ("q", " jazz "), ("type", "a"), ("type", "b"), ("type", "a"), ("region", "40000"),
        ("free", "1"), ("page", "3"), ("when", "weekend"), ("lang", "en"),
    ])  # fmt: skip
    assert asked.text == "jazz" and asked.types == ("a", "b") and asked.page == 3
    assert ResultsRequest.from_params(asked.params()) == asked
    assert asked.changed(free=False).page == 1
    assert asked.without_value("types", "a").types == ("b",)
    assert asked.effective_kind == "all" and ResultsRequest().effective_kind == "events"


@pytest.mark.parametrize(
    ("now", "when", "first", "last"),
    [
        (datetime(2026, 11, 25, 12, tzinfo=UTC), "today", date(2026, 11, 25), date(2026, 11, 25)),
        (datetime(2026, 11, 25, 23, 30, tzinfo=UTC), "today", date(2026, 11, 26),
         date(2026, 11, 26)),  # already Thursday in Brussels
        (datetime(2026, 11, 25, 12, tzinfo=UTC), "weekend", date(2026, 11, 28),
         date(2026, 11, 29)),
        (datetime(2026, 11, 28, 12, tzinfo=UTC), "weekend", date(2026, 11, 28),
         date(2026, 11, 29)),
        (datetime(2026, 11, 29, 12, tzinfo=UTC), "weekend", date(2026, 11, 29),
         date(2026, 11, 29)),
        (datetime(2026, 11, 25, 12, tzinfo=UTC), "week", date(2026, 11, 25), date(2026, 12, 1)),
        (datetime(2026, 11, 25, 12, tzinfo=UTC), "tomorrow", date(2026, 11, 26),
         date(2026, 11, 26)),
    ],
)  # fmt: skip
def test_quick_picks_are_days_in_brussels(
    now: datetime, when: str, first: date, last: date
) -> None:
    assert ResultsRequest(when=when).dates(now) == (first, last)
