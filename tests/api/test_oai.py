"""OAI-PMH over HTTP: a real third-party harvester (Sickle) harvests a real server completely.

The app runs in uvicorn on a free port in a thread, over the ``store`` fixture (SQLite and
PostgreSQL); the harvest's counts are checked against the store.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from lxml import etree
from sickle import Sickle
from sickle.oaiexceptions import BadResumptionToken, NoRecordsMatch

from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.demo import load_demo
from cultuurhub.model import RecordType
from cultuurhub.store import Store
from tests.formats.test_edm_out import assert_valid_edm
from tests.publish.test_oai import oai_schema

PAGE_SIZE = 25
OAI = "{http://www.openarchives.org/OAI/2.0/}"


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, free_tcp_port: int) -> Iterator[str]:
    """Settings of the served hub: its base URL on a free port, small pages, no index sync."""
    base = f"http://127.0.0.1:{free_tcp_port}"
    monkeypatch.setenv("CULTUURHUB_BASE_URL", base)
    monkeypatch.setenv("CULTUURHUB_OAI_PAGE_SIZE", str(PAGE_SIZE))
    monkeypatch.setenv("CULTUURHUB_SEARCH_SYNC_SECONDS", "0")
    get_settings.cache_clear()
    yield base
    get_settings.cache_clear()


@contextmanager
def serving(store: Store, base: str) -> Iterator[str]:
    """Run the hub in uvicorn in a thread until the block ends; yield the OAI endpoint."""
    port = int(base.rsplit(":", 1)[1])
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning",
                            ws="none", lifespan="on")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"{base}/oai"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@pytest.fixture
def demo_hub(store: Store) -> dict[str, set[UUID]]:
    """A demo hub with some objects and events deleted and one object made private."""
    load_demo(store, 400, seed=11)
    objects = [i for i, _, _ in store.documents_of_type("object")]
    events = [i for i, _, _ in store.documents_of_type("event")]
    deleted = set(objects[:5] + events[:7])
    for record_id in deleted:
        store.delete(record_id, "test")
    return {"objects": set(objects), "events": set(events), "deleted": deleted}


def _id(identifier: str) -> UUID:
    return UUID(identifier.rsplit("/", 1)[1])


def test_sickle_harvests_everything_across_resumption_tokens(
    store: Store, demo_hub: dict[str, set[UUID]], settings: str
) -> None:
    with serving(store, settings) as endpoint:
        sickle = Sickle(endpoint, timeout=30)
        identify = sickle.Identify()
        assert identify.baseURL == endpoint and identify.deletedRecord == "persistent"
        formats = [f.metadataPrefix for f in sickle.ListMetadataFormats()]
        assert formats == ["oai_dc", "edm"]

        records = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
        harvested = [_id(r.header.identifier) for r in records]
        assert len(harvested) == len(set(harvested))  # nothing twice across the pages
        everything = demo_hub["objects"] | demo_hub["events"]
        assert set(harvested) == everything
        assert len(harvested) > 4 * PAGE_SIZE  # several resumption tokens were followed
        assert {_id(r.header.identifier) for r in records if r.deleted} == demo_hub["deleted"]
        live = next(r for r in records if not r.deleted)
        assert live.metadata["title"] and live.metadata["identifier"][0] == live.header.identifier

        edm = list(sickle.ListRecords(metadataPrefix="edm", ignore_deleted=False))
        assert {_id(r.header.identifier) for r in edm} == demo_hub["objects"]
        for record in edm:
            if not record.deleted:
                [rdf] = record.xml.iterfind(f"{OAI}metadata/*")
                assert_valid_edm(rdf)

        identifiers = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="type:events",
                                                  ignore_deleted=True))  # fmt: skip
        live_events = demo_hub["events"] - demo_hub["deleted"]
        assert {_id(h.identifier) for h in identifiers} == live_events

        specs = [s.setSpec for s in sickle.ListSets()]
        owners = {store.get(i).owner for i in everything}  # type: ignore[union-attr]
        assert {f"org:{o}" for o in owners} <= set(specs)
        assert {"type:objects", "type:events"} <= set(specs)
        counts = store.counts_by_type()
        assert len(demo_hub["objects"] - demo_hub["deleted"]) == counts["object"]
        assert len(demo_hub["events"] - demo_hub["deleted"]) == counts["event"]


def test_every_http_answer_is_valid_oai_pmh(
    store: Store, demo_hub: dict[str, set[UUID]], settings: str
) -> None:
    an_object = next(iter(demo_hub["objects"] - demo_hub["deleted"]))
    requests = [
        {"verb": "Identify"},
        {"verb": "ListSets"},
        {"verb": "GetRecord", "metadataPrefix": "edm",
         "identifier": f"{settings}/{RecordType.OBJECT.path}/{an_object}"},
        {"verb": "ListRecords", "metadataPrefix": "edm", "set": "type:events"},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "2999-01-01"},
        {"verb": "Dance"},
        {"verb": "ListRecords", "resumptionToken": "not-ours"},
    ]  # fmt: skip
    with serving(store, settings) as endpoint, httpx.Client(timeout=30) as client:
        for params in requests:
            for response in (client.get(endpoint, params=params),
                             client.post(endpoint, data=params)):  # fmt: skip
                assert response.status_code == 200
                assert response.headers["content-type"].startswith("text/xml")
                root = etree.fromstring(response.content)
                assert oai_schema().validate(root), str(oai_schema().error_log)
                assert root.find(f"{OAI}request").text == endpoint  # type: ignore[union-attr]
        repeated = client.get(f"{endpoint}?verb=ListRecords&metadataPrefix=edm&metadataPrefix=edm")
        assert b'code="badArgument"' in repeated.content


def test_sickle_raises_the_providers_errors(
    store: Store, demo_hub: dict[str, set[UUID]], settings: str
) -> None:
    with serving(store, settings) as endpoint:
        sickle = Sickle(endpoint, timeout=30)
        with pytest.raises(NoRecordsMatch):
            list(sickle.ListRecords(metadataPrefix="edm", set="type:events"))
        with pytest.raises(BadResumptionToken):
            list(sickle.ListRecords(resumptionToken="bogus.token"))


def test_a_resumption_token_still_works_after_the_hub_restarts(
    store: Store, demo_hub: dict[str, set[UUID]], settings: str, database_url: str
) -> None:
    params = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
    with serving(store, settings) as endpoint:
        first = etree.fromstring(httpx.get(endpoint, params=params, timeout=30).content)
    token = first.findtext(f"{OAI}ListIdentifiers/{OAI}resumptionToken")
    seen = [_id(str(e.text)) for e in first.iterfind(f".//{OAI}identifier")]
    assert token and len(seen) == PAGE_SIZE

    restarted = Store(database_url)  # a new app on a new store object: nothing in memory
    try:
        with serving(restarted, settings) as endpoint:
            sickle = Sickle(endpoint, timeout=30)
            rest = list(sickle.ListIdentifiers(resumptionToken=token, ignore_deleted=False))
    finally:
        restarted.close()
    later = [_id(h.identifier) for h in rest]
    assert sorted(seen + later) == sorted(demo_hub["objects"] | demo_hub["events"])


def test_an_object_as_edm_rdf_xml_by_content_negotiation(
    store: Store, demo_hub: dict[str, set[UUID]], settings: str
) -> None:
    live = sorted(demo_hub["objects"] - demo_hub["deleted"])[0]
    gone = sorted(demo_hub["objects"] & demo_hub["deleted"])[0]
    with TestClient(create_app(store)) as client:
        response = client.get(f"/objects/{live}", headers={"Accept": "application/rdf+xml"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/rdf+xml")
        assert response.headers["etag"].endswith('-edm"')
        root = etree.fromstring(response.content)
        assert_valid_edm(root)
        cho = root.find("{http://www.europeana.eu/schemas/edm/}ProvidedCHO")
        about = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
        assert cho is not None and cho.get(about) == f"{settings}/objects/{live}"
        title = store.get(live).document["title"]  # type: ignore[union-attr]
        assert cho.findtext("{http://purl.org/dc/elements/1.1/}title") in title.values()
        assert client.get(f"/objects/{live}?format=edm").content == response.content
        deleted = client.get(f"/objects/{gone}", headers={"Accept": "application/rdf+xml"})
        assert deleted.status_code == 410
        event = next(iter(demo_hub["events"] - demo_hub["deleted"]))
        refused = client.get(f"/events/{event}", headers={"Accept": "application/rdf+xml"})
        assert refused.status_code == 406
