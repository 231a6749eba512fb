"""The portal's pages through the real application (TestClient) over demo data."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from html import unescape
from typing import Any
from uuid import UUID, uuid4

import orjson
import pytest
from fastapi.testclient import TestClient

from tests.web.hub import DemoHub

MAX_PAGE_BYTES = 500_000
Document = dict[str, Any]


def _first(hub: DemoHub, kind: str, wanted: Callable[[Document], bool]) -> tuple[UUID, Document]:
    for record_id, document in hub.documents(kind):
        if wanted(document):
            return record_id, document
    pytest.fail(f"the demo data has no {kind} like that")


def _text(html: str) -> str:
    """The page's visible text, roughly: tags out, entities resolved, spaces folded."""
    body = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def _jsonld(html: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no JSON-LD in the page"
    data: dict[str, Any] = orjson.loads(found.group(1))
    return data


def _public(document: Document) -> bool:
    return document.get("workflowStatus") in {"APPROVED", "READY_FOR_VALIDATION"}


def test_home_has_search_quick_picks_and_highlights(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 200
    assert answer.headers["content-language"] == "nl"
    html = answer.text
    assert '<html lang="nl">' in html
    assert '<label for="q"' in html and 'id="q" name="q" type="search"' in html
    for label, link in (
        ("Vandaag", "/zoeken?when=today"), ("Dit weekend", "/zoeken?when=weekend"),
        ("Deze week", "/zoeken?when=week"), ("Gratis", "/zoeken?free=1"),
        ("Voor kinderen", "/zoeken?children=1"),
    ):  # fmt: skip
        assert f'href="{link}">{label}</a>' in html
    highlights = re.findall(r'<a href="/activiteiten/([0-9a-f-]{36})"', html)
    assert len(highlights) >= 3
    assert "Binnenkort" in html and "Ga naar de inhoud" in html


def test_event_page_shows_every_date_in_brussels_time_and_its_prices(
    client: TestClient, demo_hub: DemoHub
) -> None:
    record_id, document = _first(
        demo_hub, "event",
        lambda d: d["calendarType"] == "multiple" and len(d.get("priceInfo", [])) >= 2,
    )  # fmt: skip
    answer = client.get(f"/activiteiten/{record_id}")
    assert answer.status_code == 200
    html, text = answer.text, _text(answer.text)
    assert unescape(document["name"]["nl"]) in text
    days = re.findall(r'<time class="occurrence__day" datetime="([^"]+)"', html)
    assert days == [sub["startDate"] for sub in document["subEvent"]]  # demo dates are Brussels
    assert re.search(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} "
                     r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                     r"november|december) 20\d\d", text)  # fmt: skip
    base = next(p for p in document["priceInfo"] if p["category"] == "base")
    price = Decimal(str(base["price"]))
    amount = "Gratis" if price == 0 else f"€ {price:.2f}".replace(".", ",")
    assert amount in text
    for tariff in document["priceInfo"]:
        if tariff["category"] != "base":
            assert unescape(tariff["name"]["nl"]) in text


def test_event_page_links_place_and_organiser_and_embeds_schema_org(
    client: TestClient, demo_hub: DemoHub
) -> None:
    record_id, document = _first(
        demo_hub, "event",
        lambda d: "@id" in d.get("location", {}) and "organizer" in d and "bookingInfo" in d
        and d.get("attendanceMode") == "offline",
    )  # fmt: skip
    html = client.get(f"/activiteiten/{record_id}").text
    place_id = document["location"]["@id"].rsplit("/", 1)[1]
    organizer_id = document["organizer"]["@id"].rsplit("/", 1)[1]
    assert f'href="/locaties/{place_id}"' in html
    assert f'href="/organisatoren/{organizer_id}"' in html
    place = demo_hub.store.get(UUID(place_id))
    assert place is not None
    address = place.document["address"]["nl"]
    assert f"{address['postalCode']} {address['addressLocality']}" in _text(html)
    data = _jsonld(html)
    assert data["@context"] == "https://schema.org/" and data["@type"] == "Event"
    assert data["eventStatus"].startswith("https://schema.org/Event")
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["address"]["postalCode"] == address["postalCode"]
    assert {offer["priceCurrency"] for offer in data["offers"]} == {"EUR"}
    assert data["organizer"]["@type"] == "Organization"
    if document["bookingInfo"].get("url"):
        assert f'href="{document["bookingInfo"]["url"]}"' in html


@pytest.mark.parametrize(
    ("status", "dutch", "english", "schema"),
    [
        ("Unavailable", "Geannuleerd", "Cancelled", "EventCancelled"),
        ("TemporarilyUnavailable", "Uitgesteld", "Postponed", "EventPostponed"),
    ],
)
def test_cancelled_and_postponed_events_say_so(
    client: TestClient, demo_hub: DemoHub, status: str, dutch: str, english: str, schema: str
) -> None:
    record_id, _ = _first(demo_hub, "event", lambda d: d.get("status", {}).get("type") == status)
    html = client.get(f"/activiteiten/{record_id}").text
    assert 'class="banner banner--' in html and dutch in _text(html)
    assert _jsonld(html)["eventStatus"] == f"https://schema.org/{schema}"
    assert english in _text(client.get(f"/activiteiten/{record_id}?lang=en").text)


def test_a_sold_out_date_is_marked(client: TestClient, demo_hub: DemoHub) -> None:
    record_id, _ = _first(
        demo_hub, "event",
        lambda d: any(s.get("bookingAvailability", {}).get("type") == "Unavailable"
                      for s in d.get("subEvent", [])),
    )  # fmt: skip
    html = client.get(f"/activiteiten/{record_id}").text
    assert '<span class="badge badge--soldout">Uitverkocht</span>' in html


def test_english_is_a_switch_away_and_is_remembered(client: TestClient, demo_hub: DemoHub) -> None:
    record_id = demo_hub.ids("event")[0]
    dutch = client.get(f"/activiteiten/{record_id}")
    assert f'href="/activiteiten/{record_id}?lang=en"' in dutch.text
    english = client.get(f"/activiteiten/{record_id}", params={"lang": "en"})
    assert english.headers["content-language"] == "en"
    assert '<html lang="en">' in english.text and "Skip to content" in english.text
    assert "cultuurhub_lang=en" in english.headers["set-cookie"]
    remembered = client.get("/")  # the client keeps the cookie, as a browser does
    assert "Find culture in Flanders" in remembered.text and "This weekend" in remembered.text
    back = client.get("/", params={"lang": "nl"})
    assert "Vind cultuur in Vlaanderen" in back.text
    assert "Vind cultuur in Vlaanderen" in client.get("/").text


def test_place_page_has_address_and_what_is_on(client: TestClient, demo_hub: DemoHub) -> None:
    events = [d for _, d in demo_hub.documents("event") if _public(d) and "@id" in
              d.get("location", {}) and d["calendarType"] in ("single", "multiple")]  # fmt: skip
    place_id = events[0]["location"]["@id"].rsplit("/", 1)[1]
    place = demo_hub.store.get(UUID(place_id))
    assert place is not None
    html = client.get(f"/locaties/{place_id}").text
    text = _text(html)
    assert unescape(place.document["name"]["nl"]) in text
    assert place.document["address"]["nl"]["streetAddress"] in text
    assert _jsonld(html)["@type"] == "Place"
    assert "Binnenkort op deze locatie" in text


def test_organiser_page_lists_its_events_and_collection(
    client: TestClient, demo_hub: DemoHub
) -> None:
    holders = {d["holder"]["@id"].rsplit("/", 1)[1] for _, d in demo_hub.documents("object")
               if _public(d) and "holder" in d}  # fmt: skip
    organizer_id = sorted(holders)[0]
    html = client.get(f"/organisatoren/{organizer_id}").text
    assert "Uit de collectie" in html
    assert re.search(r'href="/erfgoed/[0-9a-f-]{36}"', html)
    assert _jsonld(html)["@type"] == "Organization"


def test_object_page_shows_makers_with_life_dates_and_may_i_reuse(
    client: TestClient, demo_hub: DemoHub
) -> None:
    record_id, document = _first(
        demo_hub, "object",
        lambda d: d.get("rights") == "http://creativecommons.org/publicdomain/mark/1.0/"
        and any(c["agent"].get("deathDate") for c in d.get("creators", [])),
    )  # fmt: skip
    text = _text(client.get(f"/erfgoed/{record_id}").text)
    agent = document["creators"][0]["agent"]
    assert f"{agent['name']} ({agent['birthDate']}–{agent['deathDate']})" in text
    assert "Mag ik dit hergebruiken?" in text and "publiek domein" in text
    assert document["objectNumber"] in text and document["holder"]["name"] in text
    english = _text(client.get(f"/erfgoed/{record_id}?lang=en").text)
    assert "May I reuse this?" in english and "public domain" in english


def test_object_in_copyright_says_ask(client: TestClient, demo_hub: DemoHub) -> None:
    record_id, _ = _first(
        demo_hub,
        "object",
        lambda d: d.get("rights") == "http://rightsstatements.org/vocab/InC/1.0/",
    )
    text = _text(client.get(f"/erfgoed/{record_id}").text)
    assert "Nee, niet zonder toestemming" in text and "In Copyright" in text


@pytest.mark.parametrize("path", ["/activiteiten", "/locaties", "/organisatoren", "/erfgoed"])
def test_unknown_and_malformed_ids_are_not_found(client: TestClient, path: str) -> None:
    for record_id in (str(uuid4()), "not-a-uuid"):
        answer = client.get(f"{path}/{record_id}")
        assert answer.status_code == 404
        assert "Niet gevonden" in answer.text and answer.headers["content-type"].startswith(
            "text/html"
        )


def test_a_record_of_another_type_is_not_found(client: TestClient, demo_hub: DemoHub) -> None:
    place_id = demo_hub.ids("place")[0]
    assert client.get(f"/activiteiten/{place_id}").status_code == 404


def test_the_json_api_still_answers_with_json(client: TestClient, demo_hub: DemoHub) -> None:
    record_id = demo_hub.ids("event")[0]
    answer = client.get(f"/events/{record_id}")
    assert answer.headers["content-type"].startswith("application/ld+json")


def test_no_page_is_over_500_kb(client: TestClient, demo_hub: DemoHub) -> None:
    paths = ["/", "/?lang=en"]
    for kind, base in (("event", "/activiteiten"), ("place", "/locaties"),
                       ("organizer", "/organisatoren"), ("object", "/erfgoed")):  # fmt: skip
        paths += [f"{base}/{record_id}" for record_id in demo_hub.ids(kind)[:15]]
    for path in paths:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert len(answer.content) < MAX_PAGE_BYTES, path


def test_pages_carry_no_script_except_structured_data(
    client: TestClient, demo_hub: DemoHub
) -> None:
    for path in ("/", f"/activiteiten/{demo_hub.ids('event')[0]}"):
        html = client.get(path).text
        scripts = re.findall(r"<script([^>]*)>", html)
        assert all('type="application/ld+json"' in attributes for attributes in scripts)


def _breadcrumb(html: str) -> list[tuple[str | None, str]]:
    """The breadcrumb's steps as (link or None for the current page, text)."""
    found = re.search(r'<nav class="breadcrumb"[^>]*>(.*?)</nav>', html, re.S)
    assert found, "no breadcrumb"
    steps = []
    for item in re.findall(r"<li[^>]*>(.*?)</li>", found.group(1), re.S):
        link = re.search(r'href="([^"]+)"', item)
        steps.append((link.group(1) if link else None, unescape(re.sub(r"<[^>]+>", "", item))))
    return steps


def test_record_pages_have_a_breadcrumb_ending_in_the_record(
    client: TestClient, demo_hub: DemoHub
) -> None:
    event_id, event = _first(demo_hub, "event", _public)
    steps = _breadcrumb(client.get(f"/activiteiten/{event_id}").text)
    assert [link is None for link, _ in steps] == [False, False, True]
    assert steps[1][0] is not None and steps[1][0].startswith("/zoeken")
    assert steps[-1][1] == unescape(event["name"]["nl"])
    object_id, item = _first(demo_hub, "object", lambda d: _public(d) and "holder" in d)
    steps = _breadcrumb(client.get(f"/erfgoed/{object_id}").text)
    assert steps[1] == (f"/organisatoren/{item['holder']['@id'].rsplit('/', 1)[1]}",
                        unescape(item["holder"]["name"]))  # fmt: skip
    place_id, place = _first(demo_hub, "place", _public)
    steps = _breadcrumb(client.get(f"/locaties/{place_id}").text)
    assert [text for _, text in steps][1:] == [unescape(place["name"]["nl"])]
