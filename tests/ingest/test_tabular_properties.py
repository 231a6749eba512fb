"""The CSV reader answers every input with records or findings, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.ingest.base import Finding, Limits, SourceRecord
from cultuurhub.ingest.tabular import CsvReader

HEADER = "titel;datum;aanvang;einde;locatie;type;prijs;leeftijd;thema\n"
cell = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=15)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    items = list(CsvReader().read(data, "r.csv", Limits()))
    assert all(isinstance(item, SourceRecord | Finding) for item in items)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cell, min_size=9, max_size=9), min_size=1, max_size=5))
def test_every_row_gives_a_record_or_a_finding(rows: list[list[str]]) -> None:
    body = "".join(
        ";".join(
            v.replace(";", "").replace('"', "").replace("\n", " ").replace("\r", " ") for v in row
        )
        + "\n"
        for row in rows
    )
    items = list(CsvReader().read((HEADER + body).encode(), "r.csv", Limits()))
    lines = {
        int(item.location.rsplit(":", 1)[1]) for item in items if isinstance(item, SourceRecord)
    }
    lines |= {item.line for item in items if isinstance(item, Finding) and item.line}
    for number, row in enumerate(rows, start=2):
        if any(value.strip() for value in row):
            assert number in lines or any(
                isinstance(item, SourceRecord) and len(item.document.get("subEvent", [])) > 1
                for item in items
            )
