"""The store's record operations, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from uuid import UUID, uuid4

import pytest
import xxhash
from sqlalchemy import text

from cultuurhub.store import (
    BatchTooLarge,
    DocumentTooLarge,
    DuplicateInBatch,
    Limits,
    OrganisationNotFound,
    RecordDraft,
    RecordNotFound,
    SourceRef,
    Store,
    writes,
)
from cultuurhub.store.migrate import downgrade


@pytest.fixture
def owner(store: Store) -> UUID:
    return store.create_organisation("Cultuurcentrum De Schakel", "cultuurcentrum").id


def event(owner: UUID, title: str, record_id: UUID | None = None, **kwargs: object) -> RecordDraft:
    document = {"mainLanguage": "nl", "name": {"nl": title}, "calendarType": "permanent"}
    return RecordDraft("event", owner, document, id=record_id, **kwargs)  # type: ignore[arg-type]


def test_put_is_idempotent(store: Store, owner: UUID) -> None:
    first = store.put(event(owner, "Rondleiding Begijnhof"), "tester")
    again = store.put(event(owner, "Rondleiding Begijnhof", first.id), "tester")
    assert (first.outcome, first.version, first.seq) == ("created", 1, 1)
    assert (again.outcome, again.version, again.seq) == ("unchanged", 1, None)
    assert len(store.history(first.id)) == 1
    assert [change.seq for change in store.changes_since(0)] == [1]


def test_new_records_get_time_ordered_version_7_ids(store: Store, owner: UUID) -> None:
    before = datetime.now(UTC)
    results = store.put_batch([event(owner, f"Voorstelling {n}") for n in range(50)], "tester")
    ids = [result.id for result in results]
    assert all(isinstance(i, UUID) and i.version == 7 for i in ids)
    assert ids == sorted(ids)  # made one after the other, they sort one after the other
    made = datetime.fromtimestamp((ids[0].int >> 80) / 1000, UTC)  # the first 48 bits: ms
    assert before - timedelta(seconds=1) <= made <= datetime.now(UTC)


def test_a_change_makes_exactly_one_version(store: Store, owner: UUID) -> None:
    first = store.put(event(owner, "Concert"), "alice")
    second = store.put(event(owner, "Concert: Ravel", first.id), "bob")
    assert (second.outcome, second.version, second.seq) == ("updated", 2, 2)
    history = store.history(first.id)
    assert [(v.version, v.author, v.seq) for v in history] == [(1, "alice", 1), (2, "bob", 2)]
    assert store.get_version(first.id, 1).document["name"] == {"nl": "Concert"}
    current = store.get(first.id)
    assert current is not None and current.document["name"] == {"nl": "Concert: Ravel"}
    assert current.version == 2 and not current.deleted


def test_history_keeps_every_text_though_the_current_one_is_stored_once(
    store: Store, owner: UUID
) -> None:
    first = store.put(event(owner, "Eén"), "t")
    store.put_batch([event(owner, "Twee", first.id)], "t")
    store.delete(first.id, "t")
    store.put(event(owner, "Drie", first.id), "t")
    store.put(event(owner, "Vier", first.id), "t")
    names = [v.document.get("name") for v in store.history(first.id)]
    assert names == [{"nl": "Eén"}, {"nl": "Twee"}, None, {"nl": "Drie"}, {"nl": "Vier"}]
    assert store.get_version(first.id, 2).document["name"] == {"nl": "Twee"}
    assert store.get_version(first.id, 5).document["name"] == {"nl": "Vier"}
    with store.engine.connect() as connection:  # only the newest version leaves it out
        empty = connection.exec_driver_sql(
            "SELECT version FROM versions WHERE document IS NULL"
        ).fetchall()
    assert [row[0] for row in empty] == [5]


def test_a_large_batch_takes_the_bulk_path_intact(store: Store, owner: UUID) -> None:
    """From 50 rows on PostgreSQL gets COPY: tabs, newlines, backslashes and quotes survive."""
    tricky = 'Tab\there, new\nline, back\\slash, "quotes", \u00e9\u00e8 and \\N'
    drafts = [
        event(owner, f"{tricky} {i}", source=SourceRef("bulk", f"{tricky} {i}"),
              columns={"name": f"{tricky} {i}", "latitude": 51.05 + i / 1000})
        for i in range(120)
    ]  # fmt: skip
    results = store.put_batch(drafts, "t")
    assert [r.seq for r in results] == list(range(1, 121))
    record = store.get(results[7].id)
    assert record is not None and record.document["name"] == {"nl": f"{tricky} 7"}
    assert store.get_version(results[7].id, 1).document["name"] == {"nl": f"{tricky} 7"}
    assert store.put_batch(drafts, "t")[7].outcome == "unchanged"
    assert store.record_for_source(SourceRef("bulk", f"{tricky} 7")) == results[7].id


def test_empty_columns_are_stored_as_sql_null(store: Store, owner: UUID) -> None:
    """Empty index columns and a newest version's document are NULL in the database, not a
    text such as 'None' (SQLite binds ``None`` through an adapter registered for speed)."""
    drafts = [
        event(owner, f"Lezing {i}", columns={"name": None, "start_at": None}) for i in range(3)
    ]
    first = store.put_batch(drafts, "t")[0]
    with store.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT name IS NULL, start_at IS NULL, latitude IS NULL, "
                "(SELECT document IS NULL FROM versions WHERE record_id = records.id) "
                "FROM records WHERE id = :id"
            ),
            {"id": first.id.hex if store.engine.dialect.name == "sqlite" else first.id},
        ).one()
    assert tuple(map(bool, row)) == (True, True, True, True)
    assert store.get(first.id) is not None


def test_status_change_alone_is_a_change(store: Store, owner: UUID) -> None:
    first = store.put(event(owner, "Expo"), "t")
    second = store.put(event(owner, "Expo", first.id, workflow_status="approved"), "t")
    assert second.outcome == "updated"


def test_delete_is_a_tombstone_in_the_change_sequence(store: Store, owner: UUID) -> None:
    kept = store.put(event(owner, "Blijft"), "t")
    gone = store.put(event(owner, "Verdwijnt"), "t")
    deletion = store.delete(gone.id, "t")
    changes = store.changes_since(0)
    assert [(c.seq, c.record_id, c.deleted) for c in changes] == [
        (1, kept.id, False),
        (2, gone.id, False),
        (3, gone.id, True),
    ]
    assert deletion.seq == 3
    record = store.get(gone.id)
    assert record is not None and record.deleted
    assert store.history(gone.id)[-1].is_tombstone
    assert store.delete(gone.id, "t").outcome == "unchanged"


def test_changes_are_ordered_paged_and_filtered(store: Store, owner: UUID) -> None:
    other = store.create_organisation("Museum M", "museum").id
    store.put_batch([event(owner, f"Event {i}") for i in range(5)], "t")
    store.put(RecordDraft("place", other, {"name": {"nl": "Zaal"}}), "t")
    page = store.changes_since(2, limit=2)
    assert [c.seq for c in page] == [3, 4]
    assert [c.seq for c in store.changes_since(0, types=["place"])] == [6]
    assert [c.seq for c in store.changes_since(0, owner=other)] == [6]


def test_a_failed_batch_leaves_nothing(
    store: Store, owner: UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.put(event(owner, "Bestaand"), "t")
    batch = [event(owner, "Goed 1", source=SourceRef("s", "1")), event(owner, "Goed 2")]

    def fail_after_the_rows(*args: object) -> None:
        # records and versions rows of the batch are written when this runs
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(writes, "_record_sources", fail_after_the_rows)
    with pytest.raises(RuntimeError, match="disk is full"):
        store.put_batch(batch, "t")
    monkeypatch.undo()
    assert store.counts_by_type() == {"event": 1}
    assert [c.seq for c in store.changes_since(0)] == [1]
    assert store.record_for_source(SourceRef("s", "1")) is None
    assert store.put(event(owner, "Daarna"), "t").seq == 2  # the sequence took nothing


def test_a_record_of_an_unknown_organisation_is_refused(store: Store, owner: UUID) -> None:
    stranger = uuid4()
    batch = [event(owner, "Goed 1"), event(stranger, "Fout"), event(owner, "Goed 2")]
    with pytest.raises(OrganisationNotFound, match=rf"record 2 .*{stranger}"):
        store.put_batch(batch, "t")
    assert store.counts_by_type() == {}
    assert store.changes_since(0) == []


def test_every_version_and_source_link_points_to_its_record(store: Store, owner: UUID) -> None:
    # PostgreSQL has no foreign keys here (migration 0005): the write path keeps this true
    first = store.put(event(owner, "Een", source=SourceRef("s", "1")), "t")
    store.put_batch(
        [event(owner, f"Reeks {i}", source=SourceRef("s", f"r{i}")) for i in range(60)], "t"
    )
    store.put(event(owner, "Een (gewijzigd)", source=SourceRef("s", "1")), "t")
    store.delete(first.id, "t")
    with store.engine.connect() as connection:
        orphans = connection.execute(
            text(
                "SELECT (SELECT count(*) FROM versions WHERE record_id NOT IN "
                "(SELECT id FROM records)) + (SELECT count(*) FROM sources WHERE record_id "
                "NOT IN (SELECT id FROM records)) + (SELECT count(*) FROM records WHERE owner "
                "NOT IN (SELECT id FROM organisations))"
            )
        ).scalar_one()
        versions = connection.execute(text("SELECT count(*) FROM versions")).scalar_one()
    assert (orphans, versions) == (0, 63)


def test_limits_refuse_before_writing(database_url: str) -> None:
    store = Store(database_url, Limits(max_batch_size=3, max_document_bytes=200))
    try:
        owner = store.create_organisation("O", "museum").id
        with pytest.raises(BatchTooLarge):
            store.put_batch([event(owner, str(i)) for i in range(4)], "t")
        with pytest.raises(DocumentTooLarge, match="record 2"):
            store.put_batch([event(owner, "ok"), event(owner, "x" * 500)], "t")
        assert store.changes_since(0) == []
    finally:
        store.close()


def test_same_record_twice_in_a_batch_is_refused(store: Store, owner: UUID) -> None:
    record_id = uuid4()
    with pytest.raises(DuplicateInBatch):
        store.put_batch([event(owner, "a", record_id), event(owner, "b", record_id)], "t")


def test_upsert_by_source_keeps_the_id_and_is_idempotent(store: Store, owner: UUID) -> None:
    source = SourceRef("uitdatabank", "85b04295-479c-40f5-b3dd-469dfb4387b3")
    first = store.put(event(owner, "Van UiT", source=source), "import")
    same = store.put(event(owner, "Van UiT", source=source), "import")
    changed = store.put(event(owner, "Van UiT (gewijzigd)", source=source), "import")
    assert same.id == first.id == changed.id
    assert [first.outcome, same.outcome, changed.outcome] == ["created", "unchanged", "updated"]
    assert len(store.history(first.id)) == 2


def test_a_batch_finds_thousands_of_sources_and_records_at_once(store: Store, owner: UUID) -> None:
    # one parameter carries every id of a batch (an array on PostgreSQL, JSON on SQLite); the
    # source ids hold what JSON must escape
    def batch(suffix: str) -> list[RecordDraft]:
        return [
            event(owner, f"Voorstelling {n}{suffix}", source=SourceRef("csv", f'rij "{n}" \\ é'))
            for n in range(2_500)
        ]

    first = store.put_batch(batch(""), "import")
    again = store.put_batch(batch(""), "import")
    by_id = store.put_batch(
        [event(owner, f"Voorstelling {n}", r.id) for n, r in enumerate(first)], "import"
    )
    changed = store.put_batch(batch(" (verplaatst)"), "import")
    assert {r.outcome for r in first} == {"created"}
    assert [r.id for r in again] == [r.id for r in by_id] == [r.id for r in first]
    assert {r.outcome for r in again} == {r.outcome for r in by_id} == {"unchanged"}
    assert [r.id for r in changed] == [r.id for r in first]
    assert {(r.outcome, r.version) for r in changed} == {("updated", 2)}


def test_missing_records_say_so(store: Store) -> None:
    assert store.get(uuid4()) is None
    with pytest.raises(RecordNotFound):
        store.history(uuid4())
    with pytest.raises(RecordNotFound):
        store.delete(uuid4(), "t")


def test_deleted_record_comes_back_when_put_again(store: Store, owner: UUID) -> None:
    first = store.put(event(owner, "Terug"), "t")
    store.delete(first.id, "t")
    back = store.put(event(owner, "Terug", first.id), "t")
    assert (back.outcome, back.version) == ("updated", 3)
    record = store.get(first.id)
    assert record is not None and not record.deleted


def test_migrations_go_down_and_up_again_keeping_the_records(store: Store, owner: UUID) -> None:
    first = store.put(event(owner, "Een"), "t")
    store.put(event(owner, "Een (gewijzigd)", first.id), "t")
    downgrade(store.engine, "0003")
    store.upgrade()
    assert [v.document["name"] for v in store.history(first.id)] == [
        {"nl": "Een"},
        {"nl": "Een (gewijzigd)"},
    ]
    assert store.put(event(owner, "Twee"), "t").seq == 3


def test_the_content_hash_migration_keeps_unchanged_records_unchanged(
    store: Store, owner: UUID
) -> None:
    document = {"@id": "https://elders.example/e/1", "name": {"nl": "Één"}, "prijs": 12.5}
    first = store.put(RecordDraft("event", owner, document, source=SourceRef("csv", "r1")), "t")
    downgrade(store.engine, "0006")  # back to BLAKE2b hashes, as a hub before 0007 has them
    with store.engine.connect() as connection:
        old = connection.execute(text("SELECT content_hash FROM records")).scalar_one()
        linked = connection.execute(text("SELECT content_hash FROM sources")).scalar_one()
    prefix = f"event|{owner}|draft|public|".encode()
    canonical = b'{"name":{"nl":"\xc3\x89\xc3\xa9n"},"prijs":12.5}'
    assert old == linked == hashlib.blake2b(prefix + canonical, digest_size=16).hexdigest()
    store.upgrade()
    with store.engine.connect() as connection:
        new = connection.execute(text("SELECT content_hash FROM records")).scalar_one()
        linked = connection.execute(text("SELECT content_hash FROM sources")).scalar_one()
    assert new == linked == xxhash.xxh3_128_hexdigest(prefix + canonical)
    again = store.put(RecordDraft("event", owner, document, source=SourceRef("csv", "r1")), "t")
    assert (again.id, again.outcome, again.version) == (first.id, "unchanged", 1)


def test_a_raw_read_sees_every_commit_of_another_writer(
    store: Store, owner: UUID, database_url: str
) -> None:
    first = store.put(event(owner, "Een"), "t")
    raw = store.get_raw(first.id)
    assert raw is not None and (raw.version, raw.deleted, raw.owner) == (1, False, owner)
    assert '"Een"' in raw.document_json and raw.type == "event"
    other = Store(database_url)  # another process's writer, as a second server worker has
    try:
        other.put(event(owner, "Een (gewijzigd)", first.id), "t")
        other.delete(first.id, "t")
    finally:
        other.close()
    again = store.get_raw(first.id)
    assert again is not None and (again.version, again.deleted) == (3, True)
    assert store.get_raw(uuid4()) is None


def test_a_document_is_stored_without_a_top_level_id_or_context(store: Store, owner: UUID) -> None:
    document = {
        "@context": "https://elders.example/context.jsonld",
        "@id": "https://elders.example/events/1",
        "name": {"nl": "Concert"},
        "location": {"@id": "https://elders.example/places/2"},  # nested ones stay
    }
    first = store.put(RecordDraft("event", owner, document), "t")
    again = store.put(RecordDraft("event", owner, {**document, "@id": "x"}, first.id), "t")
    raw = store.get_raw(first.id)
    assert raw is not None and raw.document_json.startswith('{"location":{"@id":')
    assert again.outcome == "unchanged"  # the hub's @id is its own: another one changes nothing


def test_moments_written_in_bulk_read_back_exactly(store: Store, owner: UUID) -> None:
    brussels = timezone(timedelta(hours=2))
    moments = [
        datetime(2026, 10, 12, 20, 0, tzinfo=brussels),
        datetime(2026, 10, 12, 18, 0, 0, 123, tzinfo=UTC),
        datetime(999, 1, 2, 3, 4, 5, tzinfo=UTC),  # a year of three digits
    ]
    drafts = [
        event(owner, f"Moment {i}", columns={"name": f"m{i}", "start_at": moments[i % 3]})
        for i in range(60)  # the bulk path: executemany on SQLite, COPY on PostgreSQL
    ]
    store.put_batch(drafts, "t")
    starts = {row["name"]: row["start_at"] for row in store.recently_modified("event", 100)}
    assert [starts[f"m{i}"] for i in range(3)] == moments
