"""The import process end to end, into a real store: counts, idempotency, dry runs, findings."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cultuurhub.ingest import ImportOptions, ImportReport, UnknownFormat, import_file, reader_for
from cultuurhub.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
PROGRAMME = FIXTURES / "programma-cc-gent-cp1252.csv"
SEASON = FIXTURES / "seizoen-stadsschouwburg-brugge.ics"
UIT_EVENT = {
    "@id": "https://io.uitdatabank.be/events/85b04295-479c-40f5-b3dd-469dfb4387b3",
    "mainLanguage": "nl",
    "name": {"nl": "Rondleiding in de Citadel"},
    "terms": [{"id": "0.7.0.0.0", "label": "Begeleide rondleiding", "domain": "eventtype"}],
    "location": {"@id": "https://io.uitdatabank.be/places/6c1fd2f4-7fa0-4b4f-9bd6-0b0e1cbb7f33"},
    "calendarType": "permanent",
}


def run(
    store: Store, path: Path, dry_run: bool = False, owner_name: str = "CC Gent"
) -> ImportReport:
    owner = store.create_organisation(owner_name, "cultuurcentrum").id
    options = ImportOptions(owner, path.name, dry_run=dry_run)
    return import_file(store, reader_for(path.name), path.read_bytes(), path.name, options)


def test_csv_import_stores_good_rows_and_names_bad_ones(store: Store) -> None:
    report = run(store, PROGRAMME)
    assert report.created == 3 and report.rejected == 0
    errors = [f for f in report.findings if f.severity == "error"]
    assert {f.line for f in errors} == {5, 8}
    assert any("31/02/2026" in f.message_nl for f in errors)
    assert store.counts_by_type() == {"event": 3}
    assert report.average_score is not None and 0 < report.average_score < 100


def test_reimport_changes_nothing(store: Store) -> None:
    first = run(store, SEASON)
    seq_after_first = store.changes_since(0, limit=10_000)[-1].seq
    again = run(store, SEASON, owner_name="Brugge Plus")  # another account: its own records
    assert first.created == again.created > 0
    owner = next(o.id for o in store.list_organisations() if o.name == "CC Gent")
    options = ImportOptions(owner, SEASON.name)
    same = import_file(store, reader_for(SEASON.name), SEASON.read_bytes(), SEASON.name, options)
    assert (same.unchanged, same.created, same.updated) == (first.created, 0, 0)
    assert store.changes_since(0, limit=10_000)[-1].seq == seq_after_first + again.created


def test_dry_run_stores_nothing(store: Store) -> None:
    report = run(store, PROGRAMME, dry_run=True)
    assert report.findings and report.created == 0
    assert store.changes_since(0) == []


def test_invalid_records_are_rejected_with_the_field(store: Store, tmp_path: Path) -> None:
    bad = {**UIT_EVENT, "priceInfo": [{"category": "tariff", "name": {"nl": "Kind"}, "price": 5}]}
    path = tmp_path / "uit.json"
    path.write_bytes(orjson.dumps([UIT_EVENT, bad]))
    report = run(store, path)
    assert (report.created, report.rejected) == (1, 1)
    assert any(f.field and f.field.startswith("priceInfo") for f in report.findings)


def test_two_organisations_importing_one_outside_record_get_their_own(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "uit.json"
    path.write_bytes(orjson.dumps(UIT_EVENT))
    run(store, path, owner_name="Stad Gent")
    run(store, path, owner_name="Toerisme Gent")
    assert store.counts_by_type() == {"event": 2}


def test_unknown_extension_is_explained() -> None:
    with pytest.raises(UnknownFormat, match="onbekend bestandstype"):
        reader_for("programma.pdf")
