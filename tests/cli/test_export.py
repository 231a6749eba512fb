"""`cultuurhub export`, run as a user would: files that read back, stdout, filters, errors."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
from rdflib import DCTERMS, RDF, Graph
from typer.testing import CliRunner

from cultuurhub.access import Principal
from cultuurhub.cli import app
from cultuurhub.config import get_settings
from cultuurhub.demo import load_demo
from cultuurhub.model import RecordType
from cultuurhub.publish import export_selection
from cultuurhub.store import Store, count_export
from tests.publish.exports_data import EVENT_ID, HOSTILE_NAME, Specials, put_specials


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Store, Specials]]:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    monkeypatch.setenv("CULTUURHUB_DATABASE_URL", url)
    get_settings.cache_clear()
    store = Store(url)
    store.upgrade()
    load_demo(store, 200)
    specials = put_specials(store)
    yield store, specials
    store.close()
    get_settings.cache_clear()


def run(*args: str) -> bytes:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def public(store: Store, record_type: RecordType) -> int:
    return count_export(store, export_selection(Principal(), record_type))


def test_csv_to_a_file(hub: tuple[Store, Specials], tmp_path: Path) -> None:
    store, _ = hub
    target = tmp_path / "agenda.csv"
    run("export", "events", "--format", "csv", "--bom", "--delimiter", ";", "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig")), delimiter=";"))
    assert len(rows) == public(store, RecordType.EVENT)
    concert = next(row for row in rows if row["id"] == str(EVENT_ID))
    assert concert["name_nl"] == "'" + HOSTILE_NAME
    assert not list(tmp_path.glob("*.part"))


def test_parquet_and_owner_filter(hub: tuple[Store, Specials], tmp_path: Path) -> None:
    store, specials = hub
    target = tmp_path / "places.parquet"
    run("export", "places", "-f", "parquet", "-o", str(target))
    assert pq.read_table(target).num_rows == public(store, RecordType.PLACE)
    mine = tmp_path / "mine.parquet"
    run("export", "events", "-f", "parquet", "--owner", str(specials.owner), "-o", str(mine))
    assert pq.read_table(mine).column("id").to_pylist() == [str(EVENT_ID)]
    private = tmp_path / "private.parquet"
    run(
        "export", "events", "-f", "parquet", "--owner", str(specials.owner),
        "--include-private", "-o", str(private),
    )  # fmt: skip
    assert pq.read_table(private).num_rows == 2


def test_jsonl_to_stdout_and_since(hub: tuple[Store, Specials]) -> None:
    store, _ = hub
    lines = run("export", "organizers", "--format", "jsonl").splitlines()
    assert len(lines) == public(store, RecordType.ORGANIZER)
    assert all(orjson.loads(line)["@id"] for line in lines)
    assert run("export", "objects", "-f", "jsonl", "--since", "2999-01-01") == b""


def test_turtle(hub: tuple[Store, Specials], tmp_path: Path) -> None:
    store, _ = hub
    target = tmp_path / "places.ttl"
    run("export", "places", "--format", "turtle", "-o", str(target))
    graph = Graph().parse(target, format="turtle")
    assert len(set(graph.subjects(RDF.type, DCTERMS.Location))) == public(store, RecordType.PLACE)
    refused = CliRunner().invoke(app, ["export", "objects", "-f", "turtle"])
    assert refused.exit_code == 2 and "OSLO" in refused.output


def test_bad_values_are_refused(hub: tuple[Store, Specials]) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["export", "events", "--since", "gisteren"]).exit_code == 2
    assert runner.invoke(app, ["export", "events", "--since", "0001-01-01"]).exit_code == 2
    assert runner.invoke(app, ["export", "events", "--delimiter", "ab"]).exit_code == 2
    assert runner.invoke(app, ["export", "agents"]).exit_code == 2
    assert runner.invoke(app, ["export", "events", "-f", "xlsx"]).exit_code == 2


def test_help_is_dutch_first() -> None:
    result = CliRunner().invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Voer een recordtype uit" in text and "export a record type" in text
    assert "turtle" in text
