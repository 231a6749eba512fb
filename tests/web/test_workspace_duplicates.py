"""Duplicate review in the workspace: clusters, and decisions kept in the organisation's records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cultuurhub.access import Principal, Scope
from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import Store, draft_from_record
from cultuurhub.web.workspace_duplicates import (
    NOT_THE_SAME,
    DecisionRefused,
    decide_duplicates,
    open_clusters,
    record_uri,
)
from tests.web.workspace_support import organisation_key, sign_in, token, workspace_client


def place(
    store: Store, owner: UUID, name: str, latitude: float, visibility: str = "public"
) -> UUID:
    document = {
        "mainLanguage": "nl",
        "name": {"nl": name},
        "terms": [{"id": "BtVNd33sR0WntjALVbyp3w", "label": "Bioscoop", "domain": "eventtype"}],
        "calendarType": "permanent",
        "address": {"nl": {"streetAddress": "Kortrijksesteenweg 12", "postalCode": "9000",
                           "addressLocality": "Gent", "addressCountry": "BE"}},
        "geo": {"latitude": latitude, "longitude": 3.72},
    }  # fmt: skip
    draft = draft_from_record(RecordType.PLACE, parse_record(RecordType.PLACE, document), owner)
    return store.put(replace(draft, visibility=visibility), "test").id


@pytest.fixture
def workspace(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    with workspace_client(store, monkeypatch) as client:
        yield client


def writer(owner: UUID) -> Principal:
    return Principal(owner, frozenset({Scope.READ, Scope.WRITE}))


def test_same_as_links_the_organisations_own_records_only(store: Store) -> None:
    owner, _ = organisation_key(store)
    other, _ = organisation_key(store, "Kinepolis")
    first = place(store, owner, "Cinema Sphinx", 51.04)
    second = place(store, owner, "cinema SPHINX", 51.04018)
    theirs = place(store, other, "Cinema Sphinx", 51.04009)
    [(cluster, _)], capped = open_clusters(store, owner, "place")
    assert set(cluster.members) == {first, second, theirs} and not cluster.same_owner
    assert not capped
    changed = decide_duplicates(store, writer(owner), "place", [first, second, theirs], same=True)
    assert changed == 2
    record = store.get(first)
    assert record is not None and record.version == 2
    assert set(record.document["sameAs"]) == {
        record_uri("place", second), record_uri("place", theirs)
    }  # fmt: skip
    foreign = store.get(theirs)
    assert foreign is not None and foreign.version == 1 and not foreign.document["sameAs"]
    assert open_clusters(store, owner, "place")[0] == []  # decided for this organisation
    assert len(open_clusters(store, other, "place")[0]) == 1  # the other decides for its own
    assert decide_duplicates(store, writer(owner), "place", [first, second, theirs], same=True) == 0


def test_not_the_same_is_kept_as_a_hidden_label(store: Store) -> None:
    owner, _ = organisation_key(store)
    first = place(store, owner, "Zaal Oost", 51.04, visibility="private")
    second = place(store, owner, "zaal oost", 51.04018)
    decide_duplicates(store, writer(owner), "place", [first, second], same=False)
    record = store.get(first)
    assert record is not None and record.visibility == "private"  # a decision keeps it private
    assert record.document["hiddenLabels"] == [f"{NOT_THE_SAME}{second}"]
    assert open_clusters(store, owner, "place")[0] == []


def test_a_decision_about_others_records_only_is_refused(store: Store) -> None:
    owner, _ = organisation_key(store)
    other, _ = organisation_key(store, "Kinepolis")
    theirs = [place(store, other, "Cinema Sphinx", 51.04), place(store, other, "Sphinx", 51.04)]
    with pytest.raises(DecisionRefused, match="None of these records is yours"):
        decide_duplicates(store, writer(owner), "place", theirs, same=True)
    with pytest.raises(DecisionRefused, match="Unknown group"):
        decide_duplicates(store, writer(owner), "object", theirs, same=True)


def test_the_review_page_shows_clusters_and_stores_a_decision(
    workspace: TestClient, store: Store
) -> None:
    owner, secret = organisation_key(store)
    other, _ = organisation_key(store, "Kinepolis")
    first = place(store, owner, "Cinema Sphinx", 51.04)
    theirs = place(store, other, "Cinema Sphinx", 51.04009)
    sign_in(workspace, secret)
    page = workspace.get("/workspace/duplicates", params={"type": "place"})
    assert "Groep 1:" in page.text and "1 open groepen" in page.text
    assert "jouw organisatie" in page.text and "andere organisatie" in page.text
    assert "voegt nooit samen over organisaties heen" in page.text
    members = f"{first},{theirs}" if str(first) < str(theirs) else f"{theirs},{first}"
    assert f'name="members" value="{members}"' in page.text
    answer = workspace.post(
        "/workspace/duplicates",
        data={"csrf": token(page.text), "type": "place", "members": members, "decision": "same"},
    )
    assert answer.status_code == 200 and "Bewaard" in answer.text
    assert "Geen open mogelijke dubbels." in answer.text
    record = store.get(first)
    assert record is not None and record.document["sameAs"] == [record_uri("place", theirs)]
