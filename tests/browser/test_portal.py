"""The public portal in a real Chromium: find an event, switch language, keyboard, axe, no JS."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.web.hub import DemoHub

pytestmark = pytest.mark.browser
BLOCKING = {"serious", "critical"}


def _main_pages(hub: DemoHub) -> dict[str, str]:
    """The main pages, by screenshot name: home and one record page of each kind."""
    event_id, _ = hub.first(
        "event",
        lambda d: d["calendarType"] == "multiple" and len(d.get("priceInfo", [])) >= 2
        and "@id" in d.get("location", {}),
    )  # fmt: skip
    place_id = UUID(hub.first("event", lambda d: "@id" in d.get("location", {}))[1]["location"][
        "@id"].rsplit("/", 1)[1])  # fmt: skip
    object_id, heritage = hub.first(
        "object", lambda d: bool(d.get("webResources")) and "holder" in d and d.get("creators")
    )
    holder_id = heritage["holder"]["@id"].rsplit("/", 1)[1]
    return {
        "home": "/",
        "event": f"/activiteiten/{event_id}",
        "place": f"/locaties/{place_id}",
        "organizer": f"/organisatoren/{holder_id}",
        "object": f"/erfgoed/{object_id}",
        "results": "/zoeken?kind=events",
    }


def test_home_to_an_event_with_its_dates_and_prices(
    page: Page, live_server: str, screenshots: Path
) -> None:
    page.goto(live_server + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vind cultuur in Vlaanderen")
    highlights = page.locator(".cards .card__title a")
    expect(highlights.first).to_be_visible()
    page.screenshot(path=screenshots / "home.png", full_page=True)

    name = highlights.first.inner_text()
    highlights.first.click()
    expect(page).to_have_url(f"{live_server}/activiteiten/" + page.url.rsplit("/", 1)[1])
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    dates = page.locator(".occurrence-list .occurrence")
    expect(dates.first).to_be_visible()
    expect(dates.first.locator("time")).to_have_text(
        re.compile(r"^(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) ")
    )
    prices = page.get_by_role("region", name="Prijzen")
    expect(prices).to_be_visible()
    expect(prices.locator("tr").first).to_contain_text("Basistarief")
    expect(prices).to_contain_text("€")


def test_switching_to_english_and_back(page: Page, live_server: str, screenshots: Path) -> None:
    page.goto(live_server + "/")
    page.get_by_role("link", name="Read this page in English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Find culture in Flanders")
    expect(page.get_by_role("link", name="This weekend").first).to_be_visible()
    page.screenshot(path=screenshots / "home-en.png", full_page=True)

    page.locator(".cards .card__title a").first.click()  # the cookie keeps the reader in English
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="When")).to_be_visible()
    expect(page.get_by_role("heading", name="Prices")).to_be_visible()

    page.get_by_role("link", name="Lees deze pagina in het Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Wanneer")).to_be_visible()


def test_the_skip_link_takes_the_keyboard_to_the_search_box(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Ga naar de inhoud")).to_be_focused()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Ga naar het zoekvak")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    search_box = page.get_by_role("searchbox", name="Zoek een activiteit, plaats of erfgoed")
    expect(search_box).to_be_focused()
    page.keyboard.type("concert")
    expect(search_box).to_have_value("concert")


def test_the_first_skip_link_moves_focus_to_the_content(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('main') !== null")
    assert focused, "after the skip link, Tab should land inside <main>"


def test_focus_is_visible(page: Page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    style: dict[str, Any] = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow}; })()"
    )
    assert style["outline"] != "none" and style["width"] != "0px"


def test_main_pages_have_no_serious_accessibility_violations(
    page: Page, live_server: str, demo_hub: DemoHub, screenshots: Path
) -> None:
    axe = Axe()
    problems = []
    for name, path in _main_pages(demo_hub).items():
        for lang in ("nl", "en"):
            page.goto(f"{live_server}{path}?lang={lang}")
            if lang == "nl":
                page.screenshot(path=screenshots / f"{name}.png", full_page=True)
            results = axe.run(page)
            problems += [
                f"{path} ({lang}): {violation['id']} ({violation['impact']}): "
                f"{violation['help']} at {[node['target'] for node in violation['nodes']][:3]}"
                for violation in results.response["violations"]
                if violation["impact"] in BLOCKING
            ]
    assert not problems, "\n".join(problems)


def test_every_page_works_without_javascript(
    page_without_js: Page, live_server: str, demo_hub: DemoHub
) -> None:
    page = page_without_js
    for path in _main_pages(demo_hub).values():
        answer = page.goto(live_server + path)
        assert answer is not None and answer.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_role("searchbox")).to_be_visible()
    page.goto(live_server + _main_pages(demo_hub)["event"])
    expect(page.locator(".occurrence-list .occurrence").first).to_be_visible()
    page.get_by_role("link", name="Read this page in English").click()
    expect(page.get_by_role("heading", name="When")).to_be_visible()


def test_search_then_filter_by_a_facet_then_open_an_event(
    page: Page, live_server: str, screenshots: Path
) -> None:
    page.goto(live_server + "/")
    page.get_by_role("searchbox", name="Zoek een activiteit, plaats of erfgoed").fill("concert")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultaten voor “concert”")
    count = page.locator(".results__count")
    before = int(count.inner_text().split()[0])
    assert before > 0

    region = page.locator('.facets input[name="region"]').first
    region_name = str(region.evaluate("box => box.nextSibling.textContent")).strip()
    region.check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page.locator(".active-filters")).to_contain_text(region_name)
    after = int(count.inner_text().split()[0])
    assert 0 < after <= before
    page.screenshot(path=screenshots / "results.png", full_page=True)

    first = page.locator(".result-list .card--event .card__title a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("heading", name="Wanneer")).to_be_visible()


def test_the_map_view_draws_markers_that_link_to_the_records(
    page: Page, live_server: str, screenshots: Path
) -> None:
    page.goto(live_server + "/zoeken?kind=places&view=map")
    markers = page.locator(".map__marker")
    expect(page.locator("#kaart")).to_be_visible()
    expect(markers.first).to_be_visible()
    assert markers.count() == page.locator(".result-list [data-lat]").count()
    expect(markers.first).to_have_attribute("href", re.compile(r"^/locaties/"))
    page.screenshot(path=screenshots / "results-map.png", full_page=True)


def test_filters_work_without_javascript(page_without_js: Page, live_server: str) -> None:
    page = page_without_js
    page.goto(live_server + "/zoeken?kind=events")
    page.get_by_label("Gratis").check()
    page.get_by_role("button", name="Filters toepassen").click()
    expect(page).to_have_url(re.compile(r"free=1"))
    expect(page.locator(".active-filters")).to_contain_text("Gratis")
    expect(page.locator("#kaart")).to_have_count(0)
    page.goto(live_server + "/zoeken?kind=events&view=map")
    expect(page.locator("#kaart")).to_be_hidden()
    expect(page.locator(".result-list .card").first).to_be_visible()
