"""The reads of the search index and its pages: records by id, the whole list as one parameter."""

from __future__ import annotations

from uuid import UUID

import pytest

from cultuurhub.model import RecordType, parse_record
from cultuurhub.store import Store, draft_from_record
from cultuurhub.store import search_reads as reads


def test_rows_by_ids_reads_every_asked_record_across_queries(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = store.create_organisation("Cultuurcentrum", "cultuurcentrum").id
    ids = []
    for number in range(5):
        document = {"mainLanguage": "nl", "name": {"nl": f"Organisator {number}"}}
        record = parse_record(RecordType.ORGANIZER, document)
        ids.append(store.put(draft_from_record(RecordType.ORGANIZER, record, owner), "t").id)
    store.delete(ids[0], "t")
    monkeypatch.setattr(reads, "_IDS_AT_ONCE", 2)  # three queries for five ids
    asked = [*ids, UUID(int=12345)]  # one that is not there
    with store.reader.connect() as connection:
        rows = reads.rows_by_ids(connection, asked)
    assert sorted(row.id for row in rows) == sorted(ids)
    by_id = {row.id: row for row in rows}
    assert by_id[ids[0]].deleted and not by_id[ids[1]].deleted
    assert by_id[ids[1]].owner == owner and by_id[ids[1]].type == "organizer"
    assert '"Organisator 1"' in by_id[ids[1]].document
    with store.reader.connect() as connection:
        documents = reads.documents_by_ids(connection, asked)
    assert set(documents) == set(ids[1:])  # live records only
    assert '"Organisator 4"' in documents[ids[4]]
