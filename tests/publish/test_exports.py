"""Bulk exports over a real store: CSV, JSON Lines and Parquet read back, access, streaming."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice
from pathlib import Path
from uuid import UUID

import orjson
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, Graph, Namespace, URIRef

from cultuurhub.access import Principal, Scope
from cultuurhub.api.records import jsonld
from cultuurhub.config import get_settings
from cultuurhub.demo import generate, load_demo
from cultuurhub.formats import neutralise_cell
from cultuurhub.model import RecordType
from cultuurhub.publish import (
    EXPORT_TYPES,
    ExportedRecord,
    ExportFormat,
    ExportOptions,
    ExportUnavailable,
    columns_for,
    csv_chunks,
    export_chunks,
    export_selection,
    flat_row,
    jsonl_chunks,
    parquet_chunks,
    turtle_chunks,
)
from cultuurhub.store import ExportRow, Store, count_export, export_pages
from tests.publish.exports_data import EVENT_ID, HOSTILE_NAME, PLACE_ID, Specials, put_specials

ANONYMOUS = Principal()
CIDOC = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
DEMO_SIZE = 300
DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


@pytest.fixture
def hub(store: Store) -> Specials:
    load_demo(store, DEMO_SIZE)
    return put_specials(store)


def export_bytes(
    store: Store, record_type: RecordType, options: ExportOptions, **kw: object
) -> bytes:
    selection = export_selection(kw.pop("principal", ANONYMOUS), record_type, **kw)  # type: ignore[arg-type]
    return b"".join(export_chunks(store, selection, options))


def public_count(store: Store, record_type: RecordType) -> int:
    return count_export(store, export_selection(ANONYMOUS, record_type))


# --- CSV ------------------------------------------------------------------------------------


def test_csv_reads_back_with_the_right_rows_and_values(store: Store, hub: Specials) -> None:
    data = export_bytes(store, RecordType.EVENT, ExportOptions())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) == public_count(store, RecordType.EVENT) > 100
    assert [c.name for c in columns_for(RecordType.EVENT)] == list(rows[0])
    event = next(row for row in rows if row["id"] == str(EVENT_ID))
    assert event["name_nl"] == "'" + HOSTILE_NAME
    assert event["name_en"] == "Concert"
    assert event["description_nl"] == "'+32 9 269 92 92 voor tickets"
    assert event["uri"].endswith(f"/events/{EVENT_ID}")
    assert event["start"] == "2026-12-12T20:00:00+01:00"
    assert event["end"] == "2026-12-13T22:00:00+01:00"
    assert (event["calendar_type"], event["occurrences"]) == ("multiple", "2")
    assert (event["type_id"], event["type_label"]) == ("0.50.4.0.0", "Concert")
    assert event["theme_labels"] == "Klassieke muziek"
    assert event["place_id"] == str(PLACE_ID)
    assert (event["place_name"], event["street_address"]) == ("De Bijloke", "Bijlokekaai 7")
    assert (event["postal_code"], event["municipality_nis"]) == ("9000", "44021")
    assert (event["longitude"], event["latitude"]) == ("-5.0", "51.0466")
    assert (event["price_base"], event["free"]) == ("12.5", "false")
    assert (event["age_min"], event["age_max"]) == ("6", "12")
    assert event["labels"] == "Vlieg; UiTPAS Gent"
    assert event["workflow_status"] == "approved"
    assert datetime.fromisoformat(event["modified"]).tzinfo is not None


def test_csv_keeps_numbers_numeric_and_text_quoted(store: Store, hub: Specials) -> None:
    text = export_bytes(store, RecordType.PLACE, ExportOptions()).decode("utf-8")
    line = next(line for line in text.splitlines() if str(PLACE_ID) in line)
    assert ",-5.0," in line  # unquoted: a spreadsheet reads a number
    assert '"De Bijloke"' in line
    # Read as a spreadsheet would: unquoted cells are numbers.
    reader = csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC)
    header = next(reader)
    row = next(r for r in reader if r[0] == str(PLACE_ID))
    assert row[header.index("longitude")] == -5.0
    assert row[header.index("latitude")] == pytest.approx(51.0466)


def test_csv_bom_and_delimiter_for_excel(store: Store, hub: Specials) -> None:
    data = export_bytes(store, RecordType.ORGANIZER, ExportOptions(bom=True, delimiter=";"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == public_count(store, RecordType.ORGANIZER)
    assert all(row["uri"].endswith(row["id"]) for row in rows)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+32 9 269 92 92", "'+32 9 269 92 92"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("-5", "-5"),
        ("+3.5", "+3.5"),
        ("Gent", "Gent"),
        ("", ""),
    ],
)
def test_neutralise_cell(cell: str, safe: str) -> None:
    assert neutralise_cell(cell) == safe


PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


@given(st.text() | st.from_regex(r"[=+\-@\t\r].*"))
def test_no_neutralised_cell_can_start_a_formula(text: str) -> None:
    cell = neutralise_cell(text)
    starts_formula = bool(cell) and cell[0] in "=+-@\t\r\n\x00＝＋－＠"
    assert not starts_formula or PLAIN_NUMBER.fullmatch(cell)
    assert cell in (text, "'" + text)


# --- Parquet --------------------------------------------------------------------------------


def test_parquet_reads_back_typed(store: Store, hub: Specials) -> None:
    data = export_bytes(store, RecordType.EVENT, ExportOptions(format=ExportFormat.PARQUET))
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == public_count(store, RecordType.EVENT)
    assert [c.name for c in columns_for(RecordType.EVENT)] == table.column_names
    schema = table.schema
    assert str(schema.field("start").type) == "timestamp[us, tz=UTC]"
    assert str(schema.field("longitude").type) == "double"
    assert str(schema.field("labels").type) == "list<element: string>"
    assert schema.field("price_base").metadata[b"description"] == b"Base price in euro."
    rows = {row["id"]: row for row in table.to_pylist()}
    event = rows[str(EVENT_ID)]
    assert event["start"] == datetime(2026, 12, 12, 19, 0, tzinfo=UTC)  # 20:00 in Brussels
    assert event["longitude"] == -5.0
    assert event["price_base"] == 12.5 and event["free"] is False
    assert event["age_min"] == 6 and event["labels"] == ["Vlieg", "UiTPAS Gent"]
    assert event["name_nl"] == HOSTILE_NAME  # not a spreadsheet: the value as it is


def test_parquet_row_groups_follow_the_stream(store: Store, hub: Specials) -> None:
    options = ExportOptions(format=ExportFormat.PARQUET, row_group_size=50, page_size=40)
    data = export_bytes(store, RecordType.EVENT, options)
    parquet = pq.ParquetFile(io.BytesIO(data))
    total = public_count(store, RecordType.EVENT)
    assert parquet.metadata.num_row_groups == -(-total // 50)
    assert parquet.metadata.num_rows == total


# --- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_is_the_read_api_document_per_line(store: Store, hub: Specials) -> None:
    data = export_bytes(store, RecordType.EVENT, ExportOptions(format=ExportFormat.JSONL))
    lines = data.splitlines()
    assert len(lines) == public_count(store, RecordType.EVENT)
    by_id = {orjson.loads(line)["@id"].rsplit("/", 1)[1]: orjson.loads(line) for line in lines}
    stored = store.get(EVENT_ID)
    assert stored is not None
    assert by_id[str(EVENT_ID)] == orjson.loads(jsonld(RecordType.EVENT, EVENT_ID, stored.document))
    assert by_id[str(EVENT_ID)]["name"]["nl"] == HOSTILE_NAME


# --- Turtle -------------------------------------------------------------------------------


def test_turtle_is_one_oslo_document(store: Store, hub: Specials) -> None:
    options = ExportOptions(format=ExportFormat.TURTLE, page_size=25)
    data = export_bytes(store, RecordType.EVENT, options)
    assert data.count(b"@prefix cidoc:") == 1  # the prefixes once, however many batches
    graph = Graph().parse(data=data, format="turtle")
    activities = set(graph.subjects(RDF.type, CIDOC.E7_Activity))
    assert len(activities) == public_count(store, RecordType.EVENT)
    assert URIRef(f"{get_settings().base_url}/events/{EVENT_ID}") in activities


def test_turtle_has_no_heritage_objects(store: Store, hub: Specials) -> None:
    with pytest.raises(ExportUnavailable, match="OSLO"):
        export_bytes(store, RecordType.OBJECT, ExportOptions(format=ExportFormat.TURTLE))


# --- what is selected -----------------------------------------------------------------------


def test_private_records_only_for_their_owner_and_admins(store: Store, hub: Specials) -> None:
    def ids(principal: Principal) -> set[str]:
        data = export_bytes(
            store, RecordType.EVENT, ExportOptions(format=ExportFormat.JSONL), principal=principal
        )
        return {orjson.loads(line)["@id"].rsplit("/", 1)[1] for line in data.splitlines()}

    private = str(hub.private_event)
    assert private not in ids(ANONYMOUS)
    assert private in ids(Principal(hub.owner, frozenset({Scope.READ})))
    assert private not in ids(Principal(UUID(int=7), frozenset({Scope.READ})))
    assert private in ids(Principal(None, frozenset({Scope.ADMIN})))
    assert str(EVENT_ID) in ids(ANONYMOUS)


def test_owner_and_since_filters(store: Store, hub: Specials) -> None:
    options = ExportOptions(format=ExportFormat.JSONL)
    mine = export_bytes(store, RecordType.EVENT, options, owner=hub.owner).splitlines()
    assert [orjson.loads(line)["@id"].rsplit("/", 1)[1] for line in mine] == [str(EVENT_ID)]
    future = datetime.now(UTC) + timedelta(days=1)
    assert export_bytes(store, RecordType.EVENT, options, since=future) == b""
    past = datetime.now(UTC) - timedelta(days=1)
    assert len(export_bytes(store, RecordType.EVENT, options, since=past).splitlines()) == (
        public_count(store, RecordType.EVENT)
    )


def test_deleted_records_are_left_out(store: Store, hub: Specials) -> None:
    store.delete(EVENT_ID, "test")
    data = export_bytes(store, RecordType.EVENT, ExportOptions())
    assert str(EVENT_ID).encode() not in data


def test_pages_cover_every_record_once(store: Store, hub: Specials) -> None:
    selection = export_selection(ANONYMOUS, RecordType.PLACE)
    pages = list(export_pages(store, selection, page_size=7))
    ids = [row.id for page in pages for row in page]
    assert len(ids) == len(set(ids)) == count_export(store, selection)
    assert ids == sorted(ids) and all(len(page) <= 7 for page in pages)


@pytest.mark.parametrize("record_type", EXPORT_TYPES)
def test_every_type_fills_exactly_its_columns(
    store: Store, hub: Specials, record_type: RecordType
) -> None:
    selection = export_selection(ANONYMOUS, record_type)
    rows = [row for page in export_pages(store, selection) for row in page]
    assert rows
    names = {column.name for column in columns_for(record_type)}
    for row in rows:
        flat = flat_row(ExportedRecord(row, {}, "https://hub.example"))
        assert set(flat) == names
        assert flat["uri"] == f"https://hub.example/{record_type.path}/{row.id}"
    filled = {
        name
        for row in rows
        for name, value in flat_row(ExportedRecord(row, {}, "x")).items()
        if value not in (None, [], "")
    }
    assert len(filled) >= len(names) * 0.6, sorted(names - filled)


def test_every_column_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for record_type in EXPORT_TYPES:
        for column in columns_for(record_type):
            assert f"`{column.name}`" in text, f"docs/exports.md lacks column {column.name}"


# --- streaming ------------------------------------------------------------------------------

STREAM_SIZE = 20_000


def demo_stream(consumed: list[int]) -> Iterator[ExportedRecord]:
    """20,000 records, made one at a time from demo documents (events, cycled)."""
    now = datetime.now(UTC)
    events = [r.document for r in generate(600) if r.type == "event"]
    for index in range(STREAM_SIZE):
        consumed[0] = index + 1
        row = ExportRow(
            UUID(int=index), "event", UUID(int=1), events[index % len(events)],
            "approved", "public", 1, now, now,
        )  # fmt: skip
        yield ExportedRecord(row, {}, "https://hub.example")


@pytest.mark.parametrize(
    "export_format", [ExportFormat.CSV, ExportFormat.JSONL, ExportFormat.PARQUET]
)
def test_writers_consume_an_iterator_and_write_as_they_go(export_format: ExportFormat) -> None:
    """Each chunk comes out after a bounded number of records: memory does not grow with size."""
    consumed = [0]
    records = demo_stream(consumed)
    columns = columns_for(RecordType.EVENT)
    rows = (flat_row(record) for record in records)
    if export_format is ExportFormat.CSV:
        chunks = csv_chunks(rows, columns)
    elif export_format is ExportFormat.JSONL:
        chunks = jsonl_chunks(records)
    else:
        chunks = parquet_chunks(rows, columns, row_group_size=1000)
    seen_at = [consumed[0] for chunk in chunks if chunk]
    assert consumed[0] == STREAM_SIZE
    assert len(seen_at) > 15
    gaps = [later - earlier for earlier, later in zip([0, *seen_at], seen_at, strict=False)]
    assert max(gaps) <= 1000, max(gaps)  # at most a row group (or 64 kB) waits in memory


def test_turtle_is_written_batch_by_batch() -> None:
    consumed = [0]
    records = islice(demo_stream(consumed), 600)
    seen_at = [consumed[0] for chunk in turtle_chunks(records, batch_size=100) if chunk]
    assert seen_at[0] == 0  # the prefixes come before any record is read
    assert seen_at[1:] == [100, 200, 300, 400, 500, 600]
