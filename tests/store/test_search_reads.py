"""Reads by a list of ids (search index, search pages, names of places and organisers): the
whole list is one parameter, so any length works on both databases."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select

from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import Store, draft_from_record
from cultuurhub.store import search_reads as reads
from cultuurhub.store.among import among
from cultuurhub.store.listing import organisation_names, record_names
from cultuurhub.store.tables import records

#: A long list: more ids than SQLite's default build takes as separate parameters (32,766).
MANY = 40_000


def test_reads_by_ids_find_every_asked_record_in_a_list_of_any_length(store: Store) -> None:
    owner = store.create_organisation("Cultuurcentrum", "cultuurcentrum").id
    ids = []
    for number in range(5):
        document = {"mainLanguage": "nl", "name": {"nl": f"Organisator {number}"}}
        record = parse_record(RecordType.ORGANIZER, document)
        ids.append(store.put(draft_from_record(RecordType.ORGANIZER, record, owner), "t").id)
    store.delete(ids[0], "t")
    asked = [*ids, *(UUID(int=number) for number in range(1, MANY))]  # most are not there
    with store.reader.connect() as connection:
        rows = reads.rows_by_ids(connection, asked)
        documents = reads.documents_by_ids(connection, asked)
    assert sorted(row.id for row in rows) == sorted(ids)  # deleted ones too
    by_id = {row.id: row for row in rows}
    assert by_id[ids[0]].deleted and not by_id[ids[1]].deleted
    assert by_id[ids[1]].owner == owner and by_id[ids[1]].type == "organizer"
    assert '"Organisator 1"' in by_id[ids[1]].document
    assert set(documents) == set(ids[1:])  # live records only
    assert '"Organisator 4"' in documents[ids[4]]
    assert record_names(store.reader, asked) == {
        record_id: f"Organisator {number}" for number, record_id in enumerate(ids) if number
    }
    assert organisation_names(store.reader, [owner, *asked]) == {owner: "Cultuurcentrum"}


def test_one_statement_may_ask_among_two_lists(store: Store) -> None:
    owner = store.create_organisation("Cultuurcentrum", "cultuurcentrum").id
    other = store.create_organisation("Museum", "museum").id
    document = {"mainLanguage": "nl", "name": {"nl": "Organisator"}}
    record = parse_record(RecordType.ORGANIZER, document)
    record_id = store.put(draft_from_record(RecordType.ORGANIZER, record, owner), "t").id
    postgres = store.reader.dialect.name == "postgresql"

    def found(ids: list[UUID], owners: list[UUID]) -> list[UUID]:
        statement = select(records.c.id).where(
            among(records.c.id, ids, postgres), among(records.c.owner, owners, postgres)
        )
        with store.reader.connect() as connection:
            return list(connection.execute(statement).scalars())

    assert found([record_id, UUID(int=1)], [owner]) == [record_id]
    assert found([record_id], [other]) == []
