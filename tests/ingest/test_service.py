"""The import process end to end, into a real store: counts, idempotency, dry runs, findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

import orjson
import pytest

from cultuurhub.config import get_settings
from cultuurhub.ingest import ImportOptions, ImportReport, UnknownFormat, import_file, reader_for
from cultuurhub.ingest.base import SourceRecord
from cultuurhub.ingest.service import _Batch, store_items
from cultuurhub.store import Limits, SourceRef, Store

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
    errors = [f for f in report.findings if f.severity == "error"]
    assert {f.line for f in errors} == {5, 8}
    # the two rows left out count among the rejected, once each however many errors they had
    assert (report.created, report.rejected) == (3, sum(f.refused for f in errors)) == (3, 2)
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


def _reading(number: int, title: str = "Voorstelling", deleted: bool = False) -> SourceRecord:
    document = {**UIT_EVENT, "name": {"nl": f"{title} {number}"}}
    return SourceRecord("event", f"prog-{number}", document, f"programma.json:{number}", deleted)


def _stream(
    database_url: str, readings: Callable[[Store], Iterator[SourceRecord]]
) -> tuple[Store, ImportReport, list[tuple[str, int, int | None]]]:
    """Import ``readings(store)`` in batches of three; return the store, report and progress."""
    store = Store(database_url, limits=Limits(max_batch_size=3, max_document_bytes=1_000_000))
    owner = store.create_organisation("CC Gent", "cultuurcentrum").id
    told: list[tuple[str, int, int | None]] = []
    # checked here, record by record (worker processes take records a few hundred at a time)
    options = ImportOptions(owner, "programma", on_progress=lambda *a: told.append(a), checkers=0)
    report = ImportReport()
    store_items(store, readings(store), options, report)
    return store, report, told


def test_a_long_file_is_stored_batch_by_batch_while_it_is_read(database_url: str) -> None:
    seen_while_reading: list[int] = []

    def readings(store: Store) -> Iterator[SourceRecord]:
        for number in range(1, 8):
            # what the store holds when the reader hands over the next record
            seen_while_reading.append(store.counts_by_type().get("event", 0))
            yield _reading(number)

    store, report, told = _stream(database_url, readings)
    try:
        assert report.created == 7 and store.counts_by_type() == {"event": 7}
        # records 1-3 were stored before the fourth was read, 4-6 before the seventh
        assert seen_while_reading == [0, 0, 0, 3, 3, 3, 6]
        assert [entry for entry in told if entry[0] == "storing"] == [
            ("storing", 3, None), ("storing", 6, None), ("storing", 7, 7),
        ]  # fmt: skip
    finally:
        store.close()


def test_a_record_read_twice_counts_once_with_its_later_reading(database_url: str) -> None:
    # prog-1 twice in one batch: one version; prog-2 in the first batch and again in the
    # second: the later reading updates what the first batch stored
    readings = [_reading(1), _reading(2), _reading(1, "Herneming"), _reading(3),
                _reading(2, "Herneming"), _reading(4)]  # fmt: skip
    store, report, _ = _stream(database_url, lambda _: iter(readings))
    try:
        assert (report.created, report.updated) == (4, 1)
        twice = [(f.record, f.file) for f in report.findings if f.severity == "warning"]
        assert twice == [("prog-1", "programma.json:1"), ("prog-2", "programma.json:2")]
        names = {
            source: store.get(record_id).document["name"]["nl"]  # type: ignore[union-attr]
            for source in ("prog-1", "prog-2")
            if (record_id := store.record_for_source(SourceRef(_system(store), source)))
        }
        assert names == {"prog-1": "Herneming 1", "prog-2": "Herneming 2"}
        prog_1 = store.record_for_source(SourceRef(_system(store), "prog-1"))
        assert prog_1 is not None and len(store.history(prog_1)) == 1
    finally:
        store.close()


def test_a_deletion_in_a_later_batch_removes_what_an_earlier_batch_stored(
    database_url: str,
) -> None:
    readings = [_reading(1), _reading(2), _reading(3), _reading(4), _reading(1, deleted=True)]
    store, report, _ = _stream(database_url, lambda _: iter(readings))
    try:
        assert (report.created, report.deleted) == (4, 1)
        assert store.counts_by_type() == {"event": 3}
    finally:
        store.close()


def test_an_import_stores_in_batches_of_the_setting_at_most_the_store_s(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CULTUURHUB_IMPORT_BATCH_SIZE", "2")
    get_settings.cache_clear()
    try:
        store = Store(database_url, limits=Limits(max_batch_size=3, max_document_bytes=1_000_000))
        owner = store.create_organisation("CC Gent", "cultuurcentrum").id

        def stored_at(source: str, records: int, batch_size: int | None = None) -> list[int]:
            told: list[tuple[str, int, int | None]] = []
            options = ImportOptions(owner, source, on_progress=lambda *a: told.append(a),
                                    checkers=0, batch_size=batch_size)  # fmt: skip
            store_items(store, (_reading(n) for n in range(records)), options, ImportReport())
            return [done for phase, done, _ in told if phase == "storing"]

        try:
            # the setting: two at a time; the option: one at a time; never more than the store's
            assert stored_at("a", 5) == [2, 4, 5]
            assert stored_at("b", 2, batch_size=1) == [1, 2, 2]  # the last: storing is done
            assert stored_at("c", 7, batch_size=50) == [3, 6, 7]
            assert store.counts_by_type() == {"event": 14}
        finally:
            store.close()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def _system(store: Store) -> str:
    [organisation] = [o for o in store.list_organisations() if o.name == "CC Gent"]
    return f"{organisation.id}/programma"


def test_a_record_that_came_without_its_check_stops_the_import_loudly() -> None:
    # a record is never dropped without a count or a finding
    batch = _Batch(ImportOptions(uuid4(), "programma", checkers=0), ImportReport())
    with pytest.raises(TypeError, match="prog-1"):
        batch.add(_reading(1), None)
    assert batch.add(_reading(2, deleted=True), None) == 1  # a deletion needs no check


IMAGES_CSV = (
    "id;Titel;Datum;Locatie;Adres;Postcode;Gemeente;Soort;Afbeelding\n"
    "a1;Brel;12/10/2027 20:00;CC De Schakel;Schakelstraat 8;8790;Waregem;Concert;"
    "https://www.deschakel.be/brel.jpg | https://www.deschakel.be/brel-2.jpg\n"
)
IMAGES_PLACES_CSV = (
    "Naam;Adres;Postcode;Gemeente;Type;Afbeelding\n"
    "CC De Schakel;Schakelstraat 8;8790;Waregem;Cultuurcentrum;https://www.deschakel.be/zaal.jpg\n"
)
IMAGES_JSONLD = orjson.dumps({
    "@context": "https://schema.org", "@type": "MusicEvent", "name": "Brel",
    "startDate": "2027-10-12T20:00", "image": ["https://www.deschakel.be/brel.jpg"],
    "location": {"@type": "Place", "name": "CC De Schakel", "address": {
        "streetAddress": "Schakelstraat 8", "postalCode": "8790", "addressLocality": "Waregem"}},
})  # fmt: skip


@pytest.mark.parametrize(
    ("name", "data", "images"),
    [
        ("programma.csv", IMAGES_CSV.encode(), ["brel.jpg", "brel-2.jpg"]),
        ("locaties.csv", IMAGES_PLACES_CSV.encode(), ["zaal.jpg"]),
        ("agenda.jsonld", IMAGES_JSONLD, ["brel.jpg"]),
    ],
)
def test_an_image_by_its_address_is_kept_and_counts(
    store: Store, tmp_path: Path, name: str, data: bytes, images: list[str]
) -> None:
    """The quality advice says to add an image: adding its address must not refuse the record."""
    path = tmp_path / name
    path.write_bytes(data)
    report = run(store, path)
    assert (report.created, report.rejected) == (1, 0), report.findings
    [document] = [doc for _, _, doc in store.owned_documents(store.list_organisations()[0].id)]
    media = document["mediaObject"]
    assert [m["contentUrl"].rsplit("/", 1)[-1] for m in media] == images
    assert all(m["@id"].startswith("https://cultuurhub.be/images/") for m in media)
    owner = store.list_organisations()[0].id
    options = ImportOptions(owner, path.name)
    again = import_file(store, reader_for(name), data, name, options)
    assert again.unchanged == 1  # the same address, the same image id


COLLECTION_CSV = (
    "Objectnummer;Titel;Vervaardiger;Datering;Rechten;Beheerder\n"
    "S.1;Het bruggetje;Claus, Emile (1849-1924);eind 19de eeuw;"
    "https://creativecommons.org/licenses/by/4.0/deed.nl;Stedelijk Museum\n"
    "S.2;Zelfportret;Ensor, James (1860-1949);1920 ca.;"
    "https://rightsstatements.org/page/InC/1.0/?language=nl;Stedelijk Museum\n"
    "S.3;Studie;Onbekend;1620;CC BY-NC 4.0;Stedelijk Museum\n"
)


def test_a_collection_sheet_keeps_datings_as_text_and_reads_rights_as_people_copy_them(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "collectie.csv"
    path.write_text(COLLECTION_CSV, encoding="utf-8")
    report = run(store, path)
    assert (report.created, report.rejected) == (3, 0), report.findings
    owner = store.list_organisations()[0].id
    stored = {doc["objectNumber"]: doc for _, _, doc in store.owned_documents(owner)}
    # a dating no rule turns into EDTF is kept as its text, as the warning says
    assert stored["S.1"]["productionDate"] == {"display": "eind 19de eeuw"}
    assert stored["S.3"]["productionDate"]["edtf"] == "1620"
    assert stored["S.1"]["rights"] == "http://creativecommons.org/licenses/by/4.0/"
    assert stored["S.2"]["rights"] == "http://rightsstatements.org/vocab/InC/1.0/"
    assert stored["S.3"]["rights"] == "http://creativecommons.org/licenses/by-nc/4.0/"


def test_a_document_marked_deleted_deletes_the_record_it_imported_before(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(orjson.dumps(UIT_EVENT))
    assert run(store, path).created == 1
    owner = store.list_organisations()[0].id
    path.write_bytes(orjson.dumps({**UIT_EVENT, "workflowStatus": "DELETED"}))
    report = import_file(store, reader_for(path.name), path.read_bytes(), path.name,
                         ImportOptions(owner, path.name))  # fmt: skip
    assert (report.created, report.deleted, report.rejected) == (0, 1, 0)
    assert [f.field for f in report.findings] == ["workflowStatus"]
    assert list(store.owned_documents(owner)) == []


@pytest.mark.parametrize(
    ("sheet", "address", "warned"),
    [
        ("Titel;Datum;Locatie;Gemeente;Type\nA;12/10/2026 20:00;Grote zaal;Gent;theater\n",
         None, True),
        ("Titel;Datum;Locatie;Adres;Type\nB;12/10/2026 20:00;Grote zaal;Kerkstraat 1, 9000 Gent;"
         "theater\n", {"streetAddress": "Kerkstraat 1", "postalCode": "9000",
                       "addressLocality": "Gent", "addressCountry": "BE"}, False),
    ],
)  # fmt: skip
def test_an_event_s_half_address_or_address_line_never_refuses_the_event(
    store: Store, tmp_path: Path, sheet: str, address: dict[str, str] | None, warned: bool
) -> None:
    path = tmp_path / "programma.csv"
    path.write_text(sheet, encoding="utf-8")
    report = run(store, path)
    assert (report.created, report.rejected) == (1, 0), report.findings
    assert (report.warnings == 1) is warned
    [(_, _, document)] = list(store.owned_documents(store.list_organisations()[0].id))
    assert document["location"]["name"] == {"nl": "Grote zaal"}
    assert document["location"].get("address", {}).get("nl") == address


def test_what_the_model_refuses_in_a_sheet_names_the_row_and_column(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "programma.csv"
    path.write_text(
        "Titel;Datum;Locatie;Adres;Postcode;Gemeente;Type;Tickets\n"
        "A;12/10/2026 20:00;Zaal;Kerkstraat 1;9000;Gent;theater;geen-adres\n"
        "B;12/10/1850 20:00;Zaal;Kerkstraat 1;9000;Gent;theater;\n",
        encoding="utf-8",
    )
    report = run(store, path, dry_run=True)
    assert report.rejected == 2
    errors = [f for f in report.findings if f.severity == "error"]
    assert [(f.line, f.field) for f in errors] == [(2, "Tickets"), (3, "Datum")]  # once each
    assert errors[0].message_nl.startswith("Rij 2, kolom 'Tickets': ")
    assert errors[1].message_en.startswith("Row 3, column 'Datum': ")


def test_a_programme_imported_again_keeps_what_the_ticketing_system_pushed(
    store: Store, tmp_path: Path
) -> None:
    from cultuurhub.ingest import AvailabilityUpdate, apply_availability

    sheet = (
        "id;Titel;Datum;Locatie;Adres;Postcode;Gemeente;Soort\n"
        "k1;{title};12/12/2026 20:00;Vooruit;Sint-Pietersnieuwstraat 23;9000;Gent;Concert\n"
        "k1;{title};13/12/2026 20:00;Vooruit;Sint-Pietersnieuwstraat 23;9000;Gent;Concert\n"
    )
    path = tmp_path / "agenda.csv"
    path.write_text(sheet.format(title="Ravel"), encoding="utf-8")
    assert run(store, path).created == 1
    owner = store.list_organisations()[0].id
    [(record_id, _, _)] = list(store.owned_documents(owner))
    record = store.get(record_id)
    assert record is not None
    update = AvailabilityUpdate(sub_event=0, capacity=300, sold_out=True)
    apply_availability(store, record, [update], "ticketing")

    def again(title: str) -> ImportReport:
        path.write_text(sheet.format(title=title), encoding="utf-8")
        options = ImportOptions(owner, path.name, checkers=0)
        return import_file(store, reader_for(path.name), path.read_bytes(), path.name, options)

    assert again("Ravel").unchanged == 1  # nothing new in the file: nothing changes
    assert again("Ravel en Debussy").updated == 1  # the file's own news is taken ...
    document = store.get(record_id).document  # type: ignore[union-attr]
    assert document["name"]["nl"] == "Ravel en Debussy"
    booked = [sub["bookingAvailability"] for sub in document["subEvent"]]
    sold_out = {"type": "Unavailable", "capacity": 300, "remainingCapacity": 0}
    assert booked == [sold_out, {"type": "Available"}]  # ... and the sold-out night stays so
