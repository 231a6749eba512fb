"""The export reads: keyset pages that read the table once, not once per page."""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import pytest

from cultuurhub.store import ExportSelection, Store
from cultuurhub.store.export_reads import page_statement

SELECTIONS = [
    ExportSelection("event"),
    ExportSelection("organizer", private_of=UUID(int=3)),
    ExportSelection("object", all_private=True),
]


@pytest.mark.parametrize("selection", SELECTIONS)
def test_sqlite_pages_walk_the_primary_key(tmp_path: Path, selection: ExportSelection) -> None:
    """Without this, SQLite sorts every record of the type for every page (quadratic)."""
    store = Store(f"sqlite:///{tmp_path}/hub.db")
    try:
        store.upgrade()
        statement = page_statement(selection, "sqlite", UUID(int=5), 1000)
        with store.reader.connect() as connection:
            sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
            plan = " ".join(
                row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
    finally:
        store.close()
    assert "sqlite_autoindex_records_1 (id>?)" in plan
    assert "TEMP B-TREE" not in plan


def test_the_type_condition_stays_plain_on_postgresql() -> None:
    sql = str(page_statement(ExportSelection("event"), "postgresql", None, 10))
    assert "records.type = " in sql and "+records" not in sql
