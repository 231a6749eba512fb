"""The CSV reader answers every input with records or findings, never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cultuurhub.formats.tabular_mapping import TabularMapping
from cultuurhub.ingest.base import Finding, Limits, SourceRecord
from cultuurhub.ingest.tabular import CsvReader
from cultuurhub.ingest.tabular_rows import read_rows

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


_ROW = st.tuples(  # mostly good rows, some refused, some left blank, few events
    st.sampled_from(["", "A", "A", "B"]),  # id: none, or one that rows share
    st.sampled_from(["Hamlet", "hamlet ", "Jazz", "", "X" * 30]),  # 30: too long for the limits
    st.sampled_from(["12/10/2026 20u", "13/10/2026 20u", "14/10/2026", "31/02/2026"]),
    st.sampled_from(["Zaal", "zaal", "Kouter 1, 9000 Gent", ""]),
    st.sampled_from(["toneel", "concert", "toneel", "Concrt"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ROW, st.just(("", "", "", "", ""))), max_size=14), st.booleans())
def test_counting_the_rows_first_gives_the_same_events(
    rows: list[tuple[str, ...]], with_id: bool
) -> None:
    # an event is handed on once its counted rows are read: the counting pass must never
    # count fewer rows than the second pass maps, or an event would come twice
    header = ["id"] * with_id + ["titel", "datum", "locatie", "type"]
    cells = [header] + [list(row[0 if with_id else 1 :]) for row in rows]
    numbered = list(enumerate(cells, start=1))
    limits = Limits(max_records=8, max_field_chars=20)
    once = list(read_rows(iter(numbered), "r.csv", TabularMapping(), limits))
    twice = list(read_rows(iter(numbered), "r.csv", TabularMapping(), limits, lambda: numbered))
    streamed = [item for item in twice if isinstance(item, SourceRecord)]
    assert len({record.source_id for record in streamed}) == len(streamed)
    by_id = {item.source_id: item for item in once if isinstance(item, SourceRecord)}
    assert {record.source_id: record for record in streamed} == by_id
    assert [f for f in once if isinstance(f, Finding)] == [
        f for f in twice if isinstance(f, Finding)
    ]
