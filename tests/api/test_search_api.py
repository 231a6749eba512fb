"""The search API over HTTP, and the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.demo import load_demo
from cultuurhub.search import SearchIndex, SearchQuery
from cultuurhub.store import Store


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    load_demo(store, 400)
    index = SearchIndex()
    index.sync(store)
    with TestClient(create_app(store, index)) as test_client:
        yield test_client


def test_search_events_with_facets_and_paging(client: TestClient) -> None:
    answer = client.get("/events", params={"facets": "types,regions", "limit": 5})
    assert answer.status_code == 200
    body = answer.json()
    assert body["totalItems"] > 5 and len(body["member"]) == 5
    assert all(member["@id"].split("/")[-2] == "events" for member in body["member"])
    assert sum(value["count"] for value in body["facets"]["types"]) >= body["totalItems"]
    province = body["facets"]["regions"][0]
    assert province["children"] and province["count"] >= province["children"][0]["count"]
    following = client.get(body["next"].replace(get_settings().base_url, ""))
    assert following.status_code == 200
    again = {m["@id"] for m in following.json()["member"]}
    assert again and not again & {m["@id"] for m in body["member"]}


def test_embed_returns_whole_records_and_ids_only_returns_uris(client: TestClient) -> None:
    embedded = client.get("/events", params={"embed": "true", "limit": 2}).json()["member"]
    assert all("calendarType" in member and "@context" in member for member in embedded)
    ids = client.get("/offers", params={"idsOnly": "true", "limit": 3}).json()["member"]
    assert all(isinstance(uri, str) and uri.startswith("http") for uri in ids)


def test_text_search_and_filters_over_http(client: TestClient) -> None:
    body = client.get("/events", params={"q": "concert", "regions": "40000"}).json()
    for member in client.get("/events", params={
        "q": "concert", "regions": "40000", "embed": "true", "limit": 50,
    }).json()["member"]:  # fmt: skip
        assert "concert" in str(member).lower()
    assert body["totalItems"] >= 0
    free = client.get("/events", params={"isFree": "true", "embed": "true", "limit": 50}).json()
    for member in free["member"]:
        base = [p for p in member.get("priceInfo", []) if p["category"] == "base"]
        assert base and float(base[0]["price"]) == 0


def test_bad_parameters_are_problems(client: TestClient) -> None:
    for params in (
        {"bbox": "a,b"},
        {"sort": "colour"},
        {"facets": "colour"},
        {"lat": "51"},
        {"dateFrom": "2027-01-02", "dateTo": "2027-01-01"},
    ):
        answer = client.get("/events", params=params)
        assert answer.status_code == 400, params
        assert answer.headers["content-type"] == "application/problem+json"
        assert " / " in answer.json()["detail"]  # Dutch, then English
    assert client.get("/events", params={"limit": 1000}).status_code == 422


def test_autocomplete(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 1}).json()["member"][0]["name"]
    typed = first.split()[0][:4]
    suggestions = client.get("/autocomplete", params={"q": typed}).json()
    assert suggestions and all(
        any(word.lower().startswith(typed.lower()) for word in s["name"].replace(":", " ").split())
        for s in suggestions
    )


@pytest.mark.postgres
def test_same_answers_on_sqlite_and_postgresql(postgres_url: str, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text(
            "TRUNCATE sources, versions, records, api_keys, organisations CASCADE;"
            "UPDATE sequence SET value = 0;"))  # fmt: skip
    engine.dispose()
    answers = []
    for url in (f"sqlite:///{tmp_path / 'hub.db'}", postgres_url):
        store = Store(url)
        store.upgrade()
        load_demo(store, 600)
        index = SearchIndex()
        index.rebuild(store)
        answers.append([
            [hit.id for hit in index.search(query).hits]
            for query in (
                SearchQuery(kinds=("events",), sort="date", limit=50),
                SearchQuery(kinds=("events",), sort="date", descending=True, limit=50),
                SearchQuery(text="tentoonstelling", sort="date", limit=50),
                SearchQuery(kinds=("events", "places"), latitude=51.05, longitude=3.72,
                            distance_km=40, sort="distance", limit=50),
                SearchQuery(sort="modified", limit=50, provinces=("10000",)),
            )
        ])  # fmt: skip
        store.close()
    assert answers[0] == answers[1]
    assert all(answers[0])


def test_an_event_search_as_an_icalendar_feed(client: TestClient) -> None:
    import icalendar

    params = {"regions": "40000", "dateFrom": "2026-12-01", "dateTo": "2027-03-31"}
    found = client.get("/events", params={**params, "idsOnly": "true", "limit": 200}).json()
    feed = client.get("/events.ics", params=params)
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.content)
    events = calendar.walk("VEVENT")
    assert events
    ids = {uri.rsplit("/", 1)[-1] for uri in found["member"]}
    assert {str(event["URL"]).rsplit("/", 1)[-1] for event in events} <= ids
    assert client.get("/events.ics", params={"age": "old"}).status_code == 400
