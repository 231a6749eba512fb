"""The ticketing push: seats left become a new version in the change sequence at once."""

from __future__ import annotations

from uuid import UUID

import orjson
from fastapi.testclient import TestClient

from cultuurhub.ingest import ImportOptions, import_file, reader_for
from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import Store, draft_from_record

CONCERT = {
    "mainLanguage": "nl",
    "name": {"nl": "Brussels Philharmonic speelt Brahms"},
    "terms": [{"id": "0.50.4.0.0", "label": "Concert", "domain": "eventtype"}],
    "location": {"@id": "https://demo.cultuurhub.be/places/6c1fd2f4-7fa0-4b4f-9bd6-0b0e1cbb7f33"},
    "calendarType": "multiple",
    "subEvent": [
        {"startDate": "2026-12-12T20:00:00+01:00", "endDate": "2026-12-12T22:00:00+01:00",
         "bookingAvailability": {"type": "Available", "capacity": 400, "remainingCapacity": 120}},
        {"startDate": "2026-12-13T15:00:00+01:00", "endDate": "2026-12-13T17:00:00+01:00",
         "bookingAvailability": {"type": "Available", "capacity": 400, "remainingCapacity": 300}},
    ],
}  # fmt: skip


def concert(store: Store, owner: UUID) -> UUID:
    event = parse_record(RecordType.EVENT, CONCERT)
    return store.put(draft_from_record(RecordType.EVENT, event, owner), "t").id


def test_push_by_our_id_makes_a_version_in_the_feed(client: TestClient, store: Store) -> None:
    owner = store.create_organisation("Flagey", "concertzaal").id
    _, secret = store.create_api_key(owner, ["write"])
    event_id = concert(store, owner)
    push = {"event": str(event_id), "occurrences": [{"subEvent": 0, "remainingCapacity": 0}]}
    response = client.post("/ticketing/availability", json=push, headers={"X-Api-Key": secret})
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
    assert store.changes_since(1)[0].record_id == event_id
    record = store.get(event_id)
    assert record is not None
    first = record.document["subEvent"][0]["bookingAvailability"]
    assert first == {"type": "Unavailable", "capacity": 400, "remainingCapacity": 0}
    again = client.post("/ticketing/availability", json=push, headers={"X-Api-Key": secret})
    assert again.json()["outcome"] == "unchanged"


def test_push_by_source_id_and_by_start_date(client: TestClient, store: Store) -> None:
    owner = store.create_organisation("Flagey", "concertzaal").id
    _, secret = store.create_api_key(owner, ["write"])
    data = orjson.dumps({**CONCERT, "@id": "https://tickets.example/events/777"})
    options = ImportOptions(owner, "tickets")
    import_file(store, reader_for("feed.json"), data, "feed.json", options)
    push = {
        "source": {"system": "tickets", "id": "https://tickets.example/events/777"},
        "occurrences": [{"startDate": "2026-12-13T15:00:00+01:00", "soldOut": True}],
    }
    response = client.post("/ticketing/availability", json=push, headers={"X-Api-Key": secret})
    assert response.status_code == 200, response.text


def test_only_the_owner_may_push_and_bad_pushes_are_explained(
    client: TestClient, store: Store
) -> None:
    owner = store.create_organisation("Flagey", "concertzaal").id
    other = store.create_organisation("Ander", "theater").id
    _, other_secret = store.create_api_key(other, ["write"])
    _, secret = store.create_api_key(owner, ["write"])
    event_id = str(concert(store, owner))
    ok = {"event": event_id, "occurrences": [{"subEvent": 0, "remainingCapacity": 5}]}
    headers = {"X-Api-Key": other_secret}
    assert client.post("/ticketing/availability", json=ok, headers=headers).status_code == 403
    assert client.post("/ticketing/availability", json=ok).status_code == 403
    missing = {"event": event_id, "occurrences": [{"subEvent": 7, "remainingCapacity": 5}]}
    response = client.post("/ticketing/availability", json=missing, headers={"X-Api-Key": secret})
    assert response.status_code == 422 and "occurrence 7" in response.json()["detail"]
    too_many = {"event": event_id, "occurrences": [{"subEvent": 0, "remainingCapacity": 999}]}
    response = client.post("/ticketing/availability", json=too_many, headers={"X-Api-Key": secret})
    assert response.status_code == 422 and "remainingCapacity" in response.json()["detail"]


def test_pushes_as_ticketing_systems_send_them(client: TestClient, store: Store) -> None:
    owner = store.create_organisation("Flagey", "concertzaal").id
    _, secret = store.create_api_key(owner, ["write"])
    headers = {"X-Api-Key": secret}
    event_id = str(concert(store, owner))

    def push(body: dict[str, object]) -> tuple[int, dict[str, object]]:
        response = client.post("/ticketing/availability", json=body, headers=headers)
        return response.status_code, response.json()

    # the same moment in UTC names the 13 December matinee; all sold out: the event is too
    late = {"startDate": "2026-12-13T14:00:00Z", "soldOut": True}
    assert push({"event": event_id, "occurrences": [late]})[0] == 200
    record = store.get(UUID(event_id))
    assert record is not None and record.document["bookingAvailability"]["type"] == "Available"
    assert push({"event": event_id, "occurrences": [{"subEvent": 0, "soldOut": True}]})[0] == 200
    record = store.get(UUID(event_id))
    assert record is not None and record.document["bookingAvailability"]["type"] == "Unavailable"
    # an event without occurrences takes the update on itself
    exhibition = {**CONCERT, "calendarType": "periodic", "startDate": "2026-12-01T10:00:00+01:00",
                  "endDate": "2027-01-31T18:00:00+01:00"}  # fmt: skip
    exhibition.pop("subEvent")
    event = parse_record(RecordType.EVENT, exhibition)
    expo_id = store.put(draft_from_record(RecordType.EVENT, event, owner), "t").id
    status, _ = push(
        {"event": str(expo_id), "occurrences": [{"capacity": 80, "remainingCapacity": 3}]}
    )
    assert status == 200
    record = store.get(expo_id)
    assert record is not None
    assert record.document["bookingAvailability"] == {"type": "Available", "capacity": 80,
                                                      "remainingCapacity": 3}  # fmt: skip
    # what is wrong is said in both languages
    contradiction = {"remainingCapacity": 4, "soldOut": True, "subEvent": 0}
    for body, said in (
        ({"occurrences": [{"subEvent": 0, "soldOut": True}]}, "Say which event"),
        ({"event": event_id, "occurrences": [contradiction]}, "contradiction"),
        ({"event": event_id, "occurrences": [{"capacity": 4}]}, "Say which occurrence"),
    ):
        status, problem = push(body)
        assert status == 422 and said in str(problem["detail"]), problem
        assert " / " in str(problem["detail"])
