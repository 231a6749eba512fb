"""The pages on both databases: SQLite and PostgreSQL (when configured)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.demo import load_demo
from cultuurhub.store import RecordDraft, Store
from tests.web.hub import index_of


def test_pages_read_the_store_hide_private_records_and_mark_deleted_ones(store: Store) -> None:
    load_demo(store, 60)
    events = [(rid, doc) for rid, _, doc in store.documents_of_type("event")]
    places = [(rid, owner, doc) for rid, owner, doc in store.documents_of_type("place")]
    with TestClient(create_app(store, index_of(store))) as client:
        record_id, document = events[0]
        answer = client.get(f"/activiteiten/{record_id}")
        assert answer.status_code == 200 and document["name"]["nl"] in answer.text.replace(
            "&#39;", "'"
        )
        assert client.get("/").status_code == 200

        store.delete(events[1][0], "test")
        gone = client.get(f"/activiteiten/{events[1][0]}")
        assert gone.status_code == 410 and "Verwijderd" in gone.text

        place_id, owner, place = places[0]
        stored = store.get(place_id)
        assert stored is not None
        store.put(
            RecordDraft(type="place", owner=owner, document=place, id=place_id,
                        workflow_status=stored.workflow_status, visibility="private"),
            "test",
        )  # fmt: skip
        assert client.get(f"/locaties/{place_id}").status_code == 404
