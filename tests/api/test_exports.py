"""Exports over HTTP: streamed CSV, JSON Lines, Parquet and iCalendar, with the read rules."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from uuid import uuid4

import icalendar
import orjson
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, Graph, Namespace

from cultuurhub.access import Principal
from cultuurhub.api import create_app
from cultuurhub.demo import load_demo
from cultuurhub.model import RecordType
from cultuurhub.publish import export_selection
from cultuurhub.store import Store, count_export
from tests.publish.exports_data import EVENT_ID, HOSTILE_NAME, PLACE_ID, Specials, put_specials

CP = Namespace("https://data.vlaanderen.be/ns/cultuurparticipatie#")


@pytest.fixture
def hub(store: Store) -> Specials:
    load_demo(store, 200)
    return put_specials(store)


@pytest.fixture
def client(store: Store, hub: Specials) -> Iterator[TestClient]:
    with TestClient(create_app(store)) as test_client:
        yield test_client


def public(store: Store, record_type: RecordType) -> int:
    return count_export(store, export_selection(Principal(), record_type))


def test_csv_download(client: TestClient, store: Store) -> None:
    response = client.get("/exports/events.csv", params={"bom": "true"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="cultuurhub-events-')
    assert disposition.endswith('.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == public(store, RecordType.EVENT)
    concert = next(row for row in rows if row["id"] == str(EVENT_ID))
    assert concert["name_nl"] == "'" + HOSTILE_NAME
    assert concert["place_name"] == "De Bijloke"


def test_parquet_and_jsonl(client: TestClient, store: Store) -> None:
    parquet = client.get("/exports/places.parquet")
    assert parquet.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == public(store, RecordType.PLACE)
    place = next(row for row in table.to_pylist() if row["id"] == str(PLACE_ID))
    assert place["longitude"] == -5.0 and place["municipality_nis"] == "44021"
    lines = client.get("/exports/objects.jsonl").content.splitlines()
    assert len(lines) == public(store, RecordType.OBJECT) > 0
    first = orjson.loads(lines[0])
    assert first["@context"].endswith("/contexts/object.jsonld")
    assert "/objects/" in first["@id"] and first["title"]


def test_turtle(client: TestClient, store: Store) -> None:
    response = client.get("/exports/organizers.ttl")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    assert response.headers["content-disposition"].endswith('.ttl"')
    graph = Graph().parse(data=response.content, format="turtle")
    organisers = set(graph.subjects(RDF.type, CP.Organisator))
    assert len(organisers) == public(store, RecordType.ORGANIZER) > 0
    refused = client.get("/exports/objects.ttl")
    assert refused.status_code == 404 and "OSLO" in refused.json()["detail"]


def test_owner_filter_and_private_records(client: TestClient, store: Store, hub: Specials) -> None:
    anonymous = client.get("/exports/events.jsonl", params={"owner": str(hub.owner)})
    ids = [orjson.loads(line)["@id"].rsplit("/", 1)[1] for line in anonymous.content.splitlines()]
    assert ids == [str(EVENT_ID)]
    assert anonymous.headers["cache-control"] == "public, max-age=300"
    _, secret = store.create_api_key(hub.owner, ["read"])
    own = client.get(
        "/exports/events.jsonl", params={"owner": str(hub.owner)}, headers={"X-Api-Key": secret}
    )
    ids = sorted(orjson.loads(line)["@id"].rsplit("/", 1)[1] for line in own.content.splitlines())
    assert ids == sorted([str(EVENT_ID), str(hub.private_event)])
    assert own.headers["cache-control"] == "private, no-store"


def test_since_filter(client: TestClient) -> None:
    response = client.get("/exports/events.csv", params={"since": "2999-01-01"})
    assert response.status_code == 200
    assert response.content.decode().count("\r\n") == 1  # the header only


def test_unknown_owner_and_bad_paths(client: TestClient) -> None:
    response = client.get("/exports/events.csv", params={"owner": str(uuid4())})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "Er is geen organisatie" in response.json()["detail"]
    assert client.get("/exports/events.xlsx").status_code == 422
    assert client.get("/exports/agents.csv").status_code == 422
    assert client.get("/exports/events.csv", params={"since": "gisteren"}).status_code == 422
    too_early = client.get("/exports/events.ics", params={"since": "0001-01-01T00:00:00"})
    assert too_early.status_code == 400 and "bereik" in too_early.json()["detail"]
    early_day = client.get("/exports/events.ics", params={"ends_after": "0001-01-01"})
    assert early_day.status_code == 400


def test_events_calendar(client: TestClient, store: Store, hub: Specials) -> None:
    response = client.get("/exports/events.ics", params={"owner": str(hub.owner)})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    components = list(calendar.walk("VEVENT"))
    assert len(components) == 2  # the private rehearsal stays out
    first, second = components
    assert first.decoded("DTSTART").hour == 20
    assert first["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert (str(first["STATUS"]), str(second["STATUS"])) == ("CONFIRMED", "CANCELLED")
    assert str(first["URL"]).endswith(f"/events/{EVENT_ID}")


def test_calendar_ends_after(client: TestClient, hub: Specials) -> None:
    params = {"owner": str(hub.owner), "ends_after": "2027-01-01"}
    calendar = icalendar.Calendar.from_ical(
        client.get("/exports/events.ics", params=params).content
    )
    assert list(calendar.walk("VEVENT")) == []


def test_documented_in_openapi(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    export = paths["/exports/{record_path}.{extension}"]["get"]
    assert set(export["responses"]["200"]["content"]) >= {
        "text/csv; charset=utf-8",
        "application/x-ndjson",
        "application/vnd.apache.parquet",
        "text/turtle; charset=utf-8",
    }
    names = {parameter["name"] for parameter in export["parameters"]}
    assert names == {"record_path", "extension", "owner", "since", "bom"}
    assert "text/calendar; charset=utf-8" in str(paths["/exports/events.ics"]["get"]["responses"])
