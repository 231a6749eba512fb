"""``GET /changes`` over a real store: ordered, gap-free, deletions included, filters, paging."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from cultuurhub.api import changes
from cultuurhub.store import RecordDraft, Store


@pytest.fixture
def museum(store: Store) -> UUID:
    return store.create_organisation("M Leuven", "museum").id


@pytest.fixture
def theatre(store: Store) -> UUID:
    return store.create_organisation("NTGent", "theater").id


def put(store: Store, kind: str, owner: UUID, name: str, **extra: Any) -> UUID:
    return store.put(RecordDraft(kind, owner, {"name": {"nl": name}}, **extra), "test").id


def follow(client: TestClient, url: str, **headers: str) -> list[dict[str, Any]]:
    """Read the feed from ``url`` to its end, following ``next``; return every page's body."""
    pages = []
    while True:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body)
        assert response.headers["link"] == f'<{body["next"]}>; rel="next"'
        if not body["more"]:
            return pages
        url = body["next"].removeprefix("http://127.0.0.1:8000")


@pytest.fixture
def history(store: Store, museum: UUID, theatre: UUID) -> dict[str, UUID]:
    """Eleven changes: creations by two owners, an update, two deletions."""
    ids = {
        "hamlet": put(store, "event", theatre, "Hamlet"),
        "zaal": put(store, "place", theatre, "Grote Zaal"),
        "retabel": put(store, "object", museum, "Retabel van Sint-Lucas"),
        "expo": put(store, "event", museum, "Expo Bouts"),
        "museum": put(store, "place", museum, "M Leuven"),
        "ntgent": put(store, "organizer", theatre, "NTGent"),
        "kelk": put(store, "object", museum, "Kelk"),
    }
    put(store, "event", theatre, "Hamlet (herneming)", id=ids["hamlet"])  # version 2
    store.delete(ids["expo"], "test")
    put(store, "event", museum, "Expo Rubens")
    store.delete(ids["kelk"], "test")
    return ids


def test_the_feed_is_ordered_gap_free_and_has_deletions(
    client: TestClient, store: Store, history: dict[str, UUID], museum: UUID
) -> None:
    pages = follow(client, "/changes?limit=4")
    items = [item for page in pages for item in page["items"]]

    assert [item["seq"] for item in items] == list(range(1, 12))
    assert [len(page["items"]) for page in pages] == [4, 4, 3]
    hamlet = [i for i in items if i["id"] == str(history["hamlet"])]
    assert [(i["seq"], i["version"], i["deleted"]) for i in hamlet] == [
        (1, 1, False),
        (8, 2, False),
    ]
    expo = [i for i in items if i["id"] == str(history["expo"])]
    assert [(i["version"], i["deleted"]) for i in expo] == [(1, False), (2, True)]
    tombstone = expo[1]
    assert tombstone == {
        "seq": 9,
        "id": str(history["expo"]),
        "type": "event",
        "version": 2,
        "time": tombstone["time"],
        "deleted": True,
        "owner": str(museum),
        "link": f"http://127.0.0.1:8000/events/{history['expo']}",
    }
    times = [datetime.fromisoformat(i["time"]) for i in items]
    assert all(t.utcoffset() is not None and t.utcoffset().total_seconds() == 0 for t in times)
    assert times == sorted(times)
    # the link answers: a live record as JSON-LD, a deleted one as 410 Gone
    assert client.get(items[1]["link"].removeprefix("http://127.0.0.1:8000")).status_code == 200
    assert client.get(tombstone["link"].removeprefix("http://127.0.0.1:8000")).status_code == 410


def test_paging_reaches_the_end_and_next_waits_there(
    client: TestClient, history: dict[str, UUID], store: Store, theatre: UUID
) -> None:
    first = client.get("/changes?since=0&limit=5").json()
    assert (first["since"], first["limit"], first["more"], first["nextSince"]) == (0, 5, True, 5)
    assert first["next"] == "http://127.0.0.1:8000/changes?since=5&limit=5"
    last = client.get("/changes?since=10&limit=5").json()
    assert ([i["seq"] for i in last["items"]], last["more"], last["nextSince"]) == ([11], False, 11)
    exact = client.get("/changes?since=6&limit=5").json()  # five left: a full page, then the end
    assert (len(exact["items"]), exact["more"]) == (5, False)
    end = client.get("/changes?since=11").json()
    assert (end["items"], end["more"], end["nextSince"]) == ([], False, 11)
    put(store, "event", theatre, "Nieuw")  # a consumer polling `next` sees the new change
    assert [i["seq"] for i in client.get("/changes?since=11").json()["items"]] == [12]


def test_filters_by_type_and_owner(
    client: TestClient, history: dict[str, UUID], museum: UUID, theatre: UUID
) -> None:
    def seqs(query: str) -> list[int]:
        return [i["seq"] for page in follow(client, f"/changes?{query}") for i in page["items"]]

    def types(query: str) -> set[str]:
        return {i["type"] for page in follow(client, f"/changes?{query}") for i in page["items"]}

    assert seqs("type=places") == [2, 5]
    assert seqs("type=place") == [2, 5]
    assert seqs("type=objects") == [3, 7, 11]  # the deletion of the chalice included
    assert types("type=events,places") == types("type=events&type=places") == {"event", "place"}
    assert seqs(f"owner={theatre}") == [1, 2, 6, 8]
    assert seqs(f"owner={museum}&type=events&limit=1") == [4, 9, 10]
    page = client.get(f"/changes?owner={museum}&type=events&limit=1").json()
    assert page["next"] == (
        f"http://127.0.0.1:8000/changes?since=4&limit=1&type=events&owner={museum}"
    )


def test_private_records_only_for_their_owner(
    client: TestClient, store: Store, museum: UUID, theatre: UUID
) -> None:
    put(store, "event", museum, "Open")
    hidden = put(store, "event", museum, "Besloten voorstelling", visibility="private")
    _, museum_key = store.create_api_key(museum, ["read"])
    _, theatre_key = store.create_api_key(theatre, ["read", "write"])

    def ids(**headers: str) -> list[str]:
        return [i["id"] for i in client.get("/changes", headers=headers).json()["items"]]

    assert str(hidden) not in ids()
    assert str(hidden) not in ids(**{"X-Api-Key": theatre_key})
    assert str(hidden) in ids(**{"X-Api-Key": museum_key})


def test_bad_parameters_are_problems(client: TestClient, history: dict[str, UUID]) -> None:
    unknown = client.get("/changes?type=concerts")
    assert unknown.status_code == 400
    assert unknown.headers["content-type"] == "application/problem+json"
    assert "Onbekend recordtype: concerts" in unknown.json()["detail"]
    assert client.get("/changes?limit=10001").status_code == 422
    assert client.get("/changes?since=-1").status_code == 422
    assert client.get("/changes?limit=10000").json()["limit"] == 10000


def test_the_feed_is_in_the_openapi_with_its_maximum() -> None:
    app = FastAPI()
    app.include_router(changes.router)
    operation = app.openapi()["paths"]["/changes"]["get"]
    limit = next(p for p in operation["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 10000
    assert "tombstone" in operation["description"]
