"""The command line, run as a user would: organisations, keys, demo data, show, history."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import orjson
import pytest
from typer.testing import CliRunner

from cultuurhub.cli import app
from cultuurhub.config import get_settings
from cultuurhub.store import Store

UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    monkeypatch.setenv("CULTUURHUB_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def printed(*args: str) -> str:
    """What a command printed, on one line (Rich wraps at the terminal's width)."""
    return " ".join(run(*args).split())


def new_organisation(name: str = "CC Gent", kind: str = "cultuurcentrum") -> str:
    """Create the hub's database and one organisation in it; return its id."""
    run("init")
    return run("org", "create", name, "--kind", kind).strip()


def test_organisations_and_keys(hub: str) -> None:
    run("init")
    output = run("org", "create", "CC De Schakel", "--kind", "cultuurcentrum")
    organisation = UUID_PATTERN.search(output)
    assert organisation is not None
    secret = run("key", "create", organisation.group(0), "--scope", "read", "--scope", "write")
    store = Store(hub)
    try:
        key = store.authenticate(secret.split()[0])
        assert key is not None and key.scopes == {"read", "write"}
    finally:
        store.close()
    assert "CC De Schakel" in run("org", "list")
    bad = CliRunner().invoke(app, ["key", "create", organisation.group(0), "--scope", "root"])
    assert bad.exit_code == 2


def test_demo_show_and_history(hub: str) -> None:
    output = printed("demo", "--size", "300")
    assert "300" in output and "geweigerd / refused 0" in output
    store = Store(hub)
    try:
        event_id = store.recently_modified("event", 1)[0]["id"]
        counts = store.counts_by_type()
    finally:
        store.close()
    assert counts["event"] > counts["place"] > 0
    shown = orjson.loads(run("show", str(event_id)))
    assert shown["name"]["nl"]
    assert "cultuurhub demo" in run("history", str(event_id))
    run("demo", "--size", "300")  # again: the same data, no new versions
    store = Store(hub)
    try:
        assert len(store.history(event_id)) == 1
    finally:
        store.close()


def test_unknown_record_is_a_clear_error(hub: str) -> None:
    run("init")
    result = CliRunner().invoke(app, ["show", "00000000-0000-4000-8000-000000000000"])
    assert result.exit_code == 1 and "no record" in result.output


def test_import_for_an_unknown_organisation_is_a_clear_error(hub: str, tmp_path: Path) -> None:
    run("init")
    csv = tmp_path / "programma.csv"
    csv.write_text("Titel;Datum\nOrgelconcert;12/12/2026 20:00\n", encoding="utf-8")
    stranger = "00000000-0000-7000-8000-000000000001"
    for command in (["import", str(csv)], ["harvest", "https://example.org/oai"]):
        result = CliRunner().invoke(app, [*command, "--org", stranger])
        assert result.exit_code == 1, result.output
        assert f"No organisation with id {stranger}" in " ".join(result.output.split())
        assert "Traceback" not in result.output


def test_import_and_harvest_commands(hub: str, tmp_path: Path) -> None:
    from tests.ingest.test_oaipmh import serve, sickle

    organisation = new_organisation("Erfgoedcel", "erfgoedcel")
    csv = tmp_path / "programma.csv"
    csv.write_text(
        "Titel;Datum;Soort;Locatie;Adres;Postcode;Gemeente\n"
        "Orgelconcert;12/12/2026 20:00;Concert;Sint-Baafskathedraal;Sint-Baafsplein 1;9000;Gent\n"
        "Lezing;31/02/2026 20:00;Lezing of congres;Bibliotheek De Krook;Miriam Makebaplein 1;"
        "9000;Gent\n",
        encoding="utf-8",
    )
    dry = printed("import", str(csv), "--org", organisation, "--dry-run")
    assert "31/02/2026" in dry and "dry run, nothing stored: 1 records would be stored" in dry
    assert "existing" in dry  # the English beside the Dutch (wrapped in the table)
    done = printed("import", str(csv), "--org", organisation)
    assert "nieuw / created 1" in done
    with serve(sickle) as repo:
        harvested = printed("harvest", repo.url, "--org", organisation)
    assert "nieuw / created 2" in harvested


EXPORT = (
    "Productie;Première;Zaal of podium;Adresregel;PC;Stad;Genre\n"
    "Hamlet;12/12/2026 20:00;Theaterzaal;Kouter 29;9000;Gent;Theatervoorstelling\n"
)
MAPPING = (
    "record_type: event\n"
    "columns:\n"
    "  Productie: title\n"
    "  Première: date\n"
    "  Zaal of podium: location\n"
    "  Adresregel: street\n"
    "  PC: postal_code\n"
)


def test_import_with_a_mapping_file(hub: str, tmp_path: Path) -> None:
    organisation = new_organisation()
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_bytes(MAPPING.encode("cp1252"))  # as Notepad saves it
    without = printed("import", str(export), "--org", organisation, "--dry-run")
    assert "nieuw / created 0" in without and "geweigerd / rejected 1" in without
    done = run("import", str(export), "--org", organisation, "--mapping", str(mapping))
    assert "nieuw / created 1" in " ".join(done.split())
    store = Store(hub)
    try:
        [(_, kind, document)] = list(store.owned_documents(UUID(organisation)))
    finally:
        store.close()
    assert kind == "event" and document["name"] == {"nl": "Hamlet"}
    assert document["startDate"].startswith("2026-12-12T20:00")
    assert document["location"]["address"]["nl"]["streetAddress"] == "Kouter 29"


@pytest.mark.parametrize(
    ("filename", "content", "said"),
    [
        ("export.csv", "record_type: boat\n", "record_type"),
        ("export.csv", "columns: [unclosed\n", "Geen geldige YAML"),
        ("agenda.ics", MAPPING, "alleen voor CSV en Excel"),
    ],
)
def test_a_wrong_mapping_file_stops_before_anything_is_stored(
    hub: str, tmp_path: Path, filename: str, content: str, said: str
) -> None:
    organisation = new_organisation()
    export = tmp_path / filename
    export.write_text(EXPORT if filename.endswith(".csv") else "BEGIN:VCALENDAR\n")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["import", str(export), "--org", organisation, "--mapping", str(mapping)]
    )
    assert result.exit_code == 2, result.output
    output = " ".join(result.output.split())
    assert said in output and "mapping.yaml" in output and "Traceback" not in output
    store = Store(hub)
    try:
        assert list(store.owned_documents(UUID(organisation))) == []
    finally:
        store.close()


def test_duplicates_command_lists_but_never_merges(hub: str, tmp_path: Path) -> None:
    from cultuurhub.store import RecordDraft

    run("init")
    store = Store(hub)
    try:
        gent, stad = (store.create_organisation(n, "gemeente").id for n in ("Gent", "Stad"))
        place = {
            "name": {"nl": "Vooruit"},
            "address": {"nl": {"postalCode": "9000", "streetAddress": "Sint-Pietersnieuwstraat 23",
                               "addressLocality": "Gent", "addressCountry": "BE"}},
            "geo": {"latitude": 51.0478, "longitude": 3.7276},
        }  # fmt: skip
        copy = {
            **place,
            "name": {"nl": "VOORUIT "},
            "geo": {"latitude": 51.0479, "longitude": 3.7276},
        }
        store.put_batch([RecordDraft("place", gent, place), RecordDraft("place", stad, copy)], "t")
    finally:
        store.close()
    review = tmp_path / "review.json"
    output = run("duplicates", "--type", "place", "--output", str(review))
    assert "1 groepen" in output
    [cluster] = orjson.loads(review.read_bytes())
    assert cluster["same_owner"] is False and "never merge" in cluster["action"]
    store = Store(hub)
    try:
        assert store.counts_by_type() == {"place": 2}  # listed for review, nothing merged
    finally:
        store.close()


@pytest.mark.parametrize(
    ("arguments", "said"),
    [(["--type", "place", "--threshold", "90"], "--threshold"), (["--type", "places"], "--type")],
)
def test_duplicates_says_which_option_is_wrong(hub: str, arguments: list[str], said: str) -> None:
    run("init")
    result = CliRunner().invoke(app, ["duplicates", *arguments])
    assert result.exit_code == 2 and said in result.output, result.output
    assert "Traceback" not in result.output


CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "BEGIN:VEVENT\r\nUID:voorlezen@google.com\r\nDTSTART:20271012T140000Z\r\n"
    "SUMMARY:Voorleesuur\r\nLOCATION:Bibliotheek De Krook\\, Miriam Makebaplein 1\\, 9000 Gent\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_a_calendar_without_types_takes_the_type_the_user_gives(hub: str, tmp_path: Path) -> None:
    organisation = new_organisation("Bib Gent", "bibliotheek")
    agenda = tmp_path / "agenda.ics"
    agenda.write_text(CALENDAR)
    untyped = printed("import", str(agenda), "--org", organisation, "--dry-run")
    assert "geweigerd / rejected 1" in untyped
    typed = printed("import", str(agenda), "--org", organisation, "--type", "lezing")
    assert "nieuw / created 1" in typed
    sheet = tmp_path / "x.csv"
    sheet.write_text(EXPORT)
    for kind, file, said in (
        ("Onbestaand", agenda, "not a known event type"),
        ("Concert", sheet, "only applies to iCalendar"),
    ):
        arguments = ["import", str(file), "--org", organisation, "--type", kind]
        refused = CliRunner().invoke(app, arguments)
        assert refused.exit_code == 2 and said in " ".join(refused.output.split()), refused.output


@pytest.mark.parametrize("command", [["org", "list"], ["serve", "--port", "1"], ["quality", "--org",
                                     "00000000-0000-0000-0000-000000000001"]])  # fmt: skip
def test_a_database_that_was_never_created_is_said_plainly(hub: str, command: list[str]) -> None:
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 1 and "cultuurhub init" in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_quality_of_an_unknown_organisation_is_a_clear_error(hub: str) -> None:
    run("init")
    result = CliRunner().invoke(app, ["quality", "--org", "00000000-0000-0000-0000-000000000009"])
    assert result.exit_code == 1 and "org list" in result.output, result.output
    negative = CliRunner().invoke(app, ["quality", "--org", str(UUID(int=9)), "--fix-first", "-1"])
    assert negative.exit_code == 2
