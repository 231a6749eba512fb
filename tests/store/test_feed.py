"""The feed's read path on both databases: text made by the database equals the store's values."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from cultuurhub.store import FeedQuery, RecordDraft, Store, feed_page, head_seq


def put(store: Store, owner: UUID, kind: str = "event", visibility: str = "public") -> UUID:
    draft = RecordDraft(kind, owner, {"name": {"nl": kind}}, visibility=visibility)
    return store.put(draft, "test").id


def test_entries_spell_ids_and_times_as_the_store_reads_them(store: Store) -> None:
    owner = store.create_organisation("Bozar", "kunstencentrum").id
    record = put(store, owner)
    store.delete(record, "test")
    entries = feed_page(store, FeedQuery()).entries
    history = store.history(record)
    assert [(e.seq, UUID(e.record_id), UUID(e.owner), e.version, e.deleted) for e in entries] == [
        (v.seq, record, owner, v.version, v.is_tombstone) for v in history
    ]
    assert [datetime.fromisoformat(e.time) for e in entries] == [v.time for v in history]


def test_until_and_the_reach_of_private_records(store: Store) -> None:
    one = store.create_organisation("Kaaitheater", "theater").id
    two = store.create_organisation("Ancienne Belgique", "concertzaal").id
    put(store, one)
    put(store, one, visibility="private")
    put(store, two, visibility="private")
    put(store, two, "place")
    assert head_seq(store) == 4

    def seqs(**query: object) -> list[int]:
        return [e.seq for e in feed_page(store, FeedQuery(**query)).entries]  # type: ignore[arg-type]

    assert seqs() == [1, 4]
    assert seqs(private_owners=frozenset({one})) == [1, 2, 4]
    assert seqs(private_owners=frozenset({one, two})) == [1, 2, 3, 4]
    assert seqs(private_owners=None) == [1, 2, 3, 4]
    assert seqs(private_owners=None, since=1, until=3) == [2, 3]
    assert seqs(types=("place",), owner=two) == [4]
    page = feed_page(store, FeedQuery(limit=1, private_owners=None))
    assert (page.more, page.next_since) == (True, 1)
    assert feed_page(store, FeedQuery(since=4)).next_since is None
