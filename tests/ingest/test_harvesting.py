"""Harvesting into the store: page by page, incremental, resumable, idempotent."""

from __future__ import annotations

from cultuurhub.ingest import HarvestOptions, ImportOptions, harvest
from cultuurhub.store import Store
from tests.ingest.test_oaipmh import Reply, serve, sickle


def no_wait(_: float) -> None:
    """Tests need not sleep between retries."""


def test_harvest_stores_records_and_then_changes_nothing(store: Store) -> None:
    owner = store.create_organisation("Erfgoedbank", "archief").id
    options = ImportOptions(owner, "sickle")
    with serve(sickle) as repo:
        first = harvest(store, repo.url, options)
        again = harvest(store, repo.url, options)
    assert (first.created, first.rejected) == (2, 0)
    assert store.counts_by_type() == {"object": 2}
    assert (again.created, again.updated) == (0, 0)
    assert repo.requests[-1].get("from")  # the second harvest asked only for what changed
    saved = store.load_harvest_state(f"{owner}/{repo.url}")
    assert saved is not None and saved["resumption_token"] is None


def test_interrupted_harvest_resumes_after_the_stored_page(store: Store) -> None:
    owner = store.create_organisation("Erfgoedbank", "archief").id
    options = ImportOptions(owner, "sickle")
    down = {"now": True}

    def flaky(params: dict[str, str]) -> Reply:
        if params.get("resumptionToken") and down["now"]:
            return None  # the connection drops on the second page
        return sickle(params)

    patient = HarvestOptions(max_attempts=2, sleep=no_wait)
    with serve(flaky) as repo:
        broken = harvest(store, repo.url, options, patient)
        stored_after_break = store.counts_by_type()
        down["now"] = False
        asked_before = len(repo.requests)
        resumed = harvest(store, repo.url, options, patient)
    assert broken.findings and stored_after_break == {"object": 1}
    assert resumed.created == 1
    assert repo.requests[asked_before] == {  # it went on where it stopped
        "verb": "ListRecords",
        "resumptionToken": "ListRecords2.xml",
    }
    assert store.counts_by_type() == {"object": 2}
