"""CSV import of events, places, organizers and heritage objects."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cultuurhub.formats.tabular_headers import field_for_header
from cultuurhub.formats.tabular_mapping import MappingFileError, TabularMapping, load_mapping
from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord
from cultuurhub.ingest.tabular import CsvReader, sniff
from cultuurhub.ingest.tabular_rows import read_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def read_csv(text: str | bytes, reader: CsvReader | None = None, name: str = "x.csv") -> list:
    data = text.encode() if isinstance(text, str) else text
    return list((reader or CsvReader()).read(data, name, Limits()))


def records(items: list) -> list[SourceRecord]:
    return [item for item in items if isinstance(item, SourceRecord)]


def findings(items: list) -> list[Finding]:
    return [item for item in items if isinstance(item, Finding)]


def test_programme_of_a_cultural_centre() -> None:
    items = read_csv((FIXTURES / "programma-cc-gent-cp1252.csv").read_bytes(), name="p.csv")
    events = records(items)
    assert [event.document["name"]["nl"] for event in events] == [
        "Hamlet",
        "Jazz op zondag",
        "Expo Vlaamse Primitieven",
    ]
    hamlet = events[0].document
    assert hamlet["calendarType"] == "multiple" and len(hamlet["subEvent"]) == 2
    assert hamlet["subEvent"][0]["startDate"] == "2026-10-12T20:00:00+02:00"
    assert hamlet["subEvent"][0]["endDate"] == "2026-10-12T22:30:00+02:00"
    assert hamlet["terms"][0] == {
        "id": "0.55.0.0.0",
        "label": "Theatervoorstelling",
        "domain": "eventtype",
    }
    assert [p["price"] for p in hamlet["priceInfo"]] == [18.0, 12.5]
    assert hamlet["location"]["address"]["nl"]["postalCode"] == "9000"
    assert events[2].document["calendarType"] == "periodic"
    assert events[0].location == "p.csv:2"


def test_findings_name_row_column_and_value() -> None:
    items = read_csv((FIXTURES / "programma-cc-gent-cp1252.csv").read_bytes(), name="p.csv")
    messages = [finding.message_nl for finding in findings(items)]
    assert "Rij 5, kolom 'Datum': '31/02/2026' is geen bestaande datum." in messages
    assert any("'Concrt'" in message and "Concert" in message for message in messages)
    english = [finding.message_en for finding in findings(items)]
    assert "Row 5, column 'Datum': '31/02/2026' is not an existing date." in english
    assert findings(items)[0].severity is Severity.WARNING  # cp1252 guessed


def test_english_headers_comma_and_stable_ids() -> None:
    text = (
        "Title,Date,Start,Venue,City,Type,Price\n"
        "Quiz night,2026-11-03,19:30,Café Baron,Gent,quiz,€ 5\n"
    )
    first, second = records(read_csv(text)), records(read_csv(text))
    assert first[0].source_id == second[0].source_id
    assert first[0].document["terms"][0]["label"] == "Spel of quiz"
    assert first[0].document["startDate"] == "2026-11-03T19:30:00+01:00"


def test_id_column_is_the_source_id_and_groups_dates() -> None:
    text = (
        "id;titel;datum;locatie;type\n"
        "A1;Hamlet;12/10/2026 20u;Zaal;toneel\nA1;Hamlet;13/10/2026 20u;Zaal;toneel\n"
    )
    (event,) = records(read_csv(text))
    assert event.source_id == "A1" and len(event.document["subEvent"]) == 2


def test_mapping_file_with_constants_and_no_grouping() -> None:
    mapping = load_mapping(
        "columns:\n  Voorstelling: title\n  Speeldag: date\n  Intern: ignore\n"
        "constants:\n  type: Concert\n  location: Muziekcentrum, Kouter 1, 9000 Gent\n"
        "group_dates: false\n"
    )
    text = "Voorstelling;Speeldag;Intern\nBrel;12/10/2026 20:00;x\nBrel;13/10/2026 20:00;y\n"
    events = records(read_csv(text, CsvReader(mapping)))
    assert len(events) == 2 and events[0].source_id != events[1].source_id
    assert events[0].document["location"]["address"]["nl"]["addressLocality"] == "Gent"


def test_bad_mapping_file_says_why() -> None:
    with pytest.raises(MappingFileError, match="unknown field"):
        load_mapping("columns:\n  X: nonsense\n")
    with pytest.raises(MappingFileError, match="record_type"):
        load_mapping("record_type: concert\n")


def test_heritage_objects() -> None:
    items = read_csv((FIXTURES / "collectie-stedelijk-museum.csv").read_bytes())
    objects = records(items)
    first = objects[0].document
    assert objects[0].type == "object" and objects[0].source_id == "S.0123"
    assert first["creators"][0]["agent"] == {
        "@type": "Person",
        "name": "Claus, Emile",
        "birthDate": "1849",
        "deathDate": "1924",
    }
    assert first["productionDate"] == {"edtf": "1895~", "display": "ca. 1895"}
    assert objects[1].document["rights"] == "http://rightsstatements.org/vocab/InC/1.0/"
    allowed = {
        "@type",
        "title",
        "description",
        "objectNumber",
        "creators",
        "productionDate",
        "materials",
        "rights",
        "webResources",
        "holder",
    }
    assert all(set(record.document) <= allowed for record in objects)
    assert len(findings(items)) == 2


def test_places_with_coordinates_and_types() -> None:
    items = read_csv((FIXTURES / "locaties-gent.csv").read_bytes(), name="locaties.csv")
    places = records(items)
    assert [place.source_id for place in places] == ["loc-1", "loc-2"]
    assert places[0].document["geo"] == {"latitude": 51.0444, "longitude": 3.7142}
    assert places[0].document["municipalityNis"] == "44021"
    assert "ruimteschip" in findings(items)[0].message_nl


def test_organizers_from_file_name() -> None:
    text = "naam;website;e-mail;soort\nCC Gent;https://ccgent.be;info@ccgent.be;cultuurcentrum\n"
    (organizer,) = records(read_csv(text, name="organisaties.csv"))
    assert organizer.type == "organizer" and organizer.document["url"] == "https://ccgent.be"
    assert organizer.document["kind"] == "cultuurcentrum"


def test_unknown_headers_give_one_finding() -> None:
    (finding,) = read_csv("foo;bar\n1;2\n")
    assert finding.severity is Severity.ERROR and "'foo'" in finding.message_nl


def test_too_many_rows_stops_with_a_finding() -> None:
    text = "titel;datum;locatie;type\n" + "X;12/10/2026;Zaal;Concert\n" * 5
    items = list(CsvReader().read(text.encode(), "x.csv", Limits(max_records=3)))
    assert "meer dan 3" in findings(items)[-1].message_nl


def test_header_synonyms_and_sniffing() -> None:
    assert field_for_header(" E-mail ") == "email"
    assert field_for_header("Inventarisnummer") == "object_number"
    assert field_for_header("Aanvang") == "start"
    assert sniff("a\tb\tc\n") == "\t" and sniff("a,b;c;d\n") == ";"


_SPREAD = (
    "id;titel;datum;locatie;type;prijs\n"
    "A;Hamlet;12/10/2026 20u;Zaal;toneel;\n"  # row 2: A's first date
    "B;Jazz;13/10/2026 20u;Zaal;concert;\n"  # row 3: B, one date
    "A;Hamlet;31/02/2026 20u;Zaal;toneel;\n"  # row 4: A, a date that does not exist
    "C;Expo;14/10/2026 20u;Zaal;concert;veel\n"  # row 5: C, one date, a price not a price
    "A;Hamlet;15/10/2026 20u;Zaal;toneel;\n"  # row 6: A's last row
)


def _where(items: list) -> list[str]:
    return [item.source_id if isinstance(item, SourceRecord) else f"row {item.line}"
            for item in items]  # fmt: skip


def test_an_event_comes_as_soon_as_its_last_row_is_read() -> None:
    # so a long CSV file is checked and stored while it is read; each event is what it would
    # be at the end of the file: all its dates, its first row's fields and line
    items = read_csv(_SPREAD)
    assert _where(items) == ["B", "row 4", "row 5", "C", "A"]
    hamlet = records(items)[-1]
    assert hamlet.location == "x.csv:2"
    assert [sub["startDate"][:10] for sub in hamlet.document["subEvent"]] == [
        "2026-10-12", "2026-10-15",
    ]  # fmt: skip


def test_events_read_in_one_pass_are_the_same_records_at_the_end() -> None:
    # Excel rows are read once: there every event comes at the end of the sheet
    rows = list(enumerate(csv.reader(io.StringIO(_SPREAD), delimiter=";"), start=1))
    once = list(read_rows(iter(rows), "x.csv", TabularMapping(), Limits()))
    twice = list(read_rows(iter(rows), "x.csv", TabularMapping(), Limits(), lambda: rows))
    assert _where(once) == ["row 4", "row 5", "A", "B", "C"]
    assert sorted(_where(twice)) == sorted(_where(once))
    by_id = {record.source_id: record for record in records(once)}
    assert all(record == by_id[record.source_id] for record in records(twice))


def test_the_row_limit_counts_the_same_rows_in_both_readings() -> None:
    # four rows allowed: row 6 is not read, so A is complete at row 4 (which is refused)
    items = list(CsvReader().read(_SPREAD.encode(), "x.csv", Limits(max_records=4)))
    assert _where(items) == ["B", "row 4", "A", "row 5", "C", "row 6"]
    assert len(records(items)[1].document["subEvent"]) == 1


def test_a_column_the_mapping_file_names_wins_over_one_the_hub_recognises() -> None:
    text = (
        "Code;Datum;Voorstelling;Speeldag;Zaalnaam;Genre\n"
        "V1;01/06/2026;Hamlet;12/10/2026 20:00;Grote zaal;theater\n"
    )  # "Datum" is the order date; the mapping file says the performance is on "Speeldag"
    mapping = load_mapping("columns: {Voorstelling: title, Speeldag: date, Zaalnaam: location}")
    items = read_csv(text, CsvReader(mapping))
    [event] = records(items)
    assert event.document["startDate"].startswith("2026-10-12T20:00")
    [unused] = findings(items)
    assert unused.severity is Severity.WARNING and "'Datum'" in unused.message_nl


def test_a_hint_in_brackets_after_a_header_is_ignored() -> None:
    text = (
        "Titel;Datum (dd/mm/jjjj);Begin [uu:mm];Locatie;Type;Prijs (€)\n"
        "Hamlet;12/10/2026;20:00;Grote zaal;theater;12,50\n"
    )
    items = read_csv(text)
    [event] = records(items)  # an event, not a place called Hamlet
    assert event.type == "event" and not findings(items)
    assert event.document["startDate"].startswith("2026-10-12T20:00")
    assert event.document["priceInfo"][0]["price"] == 12.5


def test_columns_read_for_nothing_are_named_once() -> None:
    text = (
        "Titel;Datum;Locatie;Type;Prijs voorverkoop;Interne code;Zaal\n"
        "Hamlet;12/10/2026 20:00;Grote zaal;theater;15;X1;Kleine zaal\n"
    )
    items = read_csv(text, CsvReader(load_mapping("columns: {Interne code: ignore}")))
    assert len(records(items)) == 1
    [unused] = findings(items)
    assert unused.severity is Severity.WARNING and unused.line == 1
    # a second column for the location is not read either; one the mapping ignores is not named
    assert "'Prijs voorverkoop', 'Zaal'" in unused.message_nl and "Interne" not in unused.message_nl
    assert "activiteiten" in unused.message_nl and "events" in unused.message_en


@pytest.mark.parametrize(
    ("header", "row", "start", "end"),
    [
        (  # a date and a time column for the start and for the end
            "Titel;Begindatum;Beginuur;Einddatum;Einduur;Locatie;Type",
            "Hamlet;12/10/2026;20:00;13/10/2026;01:30;Grote zaal;theater",
            "2026-10-12T20:00:00+02:00", "2026-10-13T01:30:00+02:00",
        ),
        (  # one date, a begin and an end time
            "Titel;Datum;Beginuur;Einduur;Locatie;Type",
            "Hamlet;12/10/2026;20:00;22:30;Grote zaal;theater",
            "2026-10-12T20:00:00+02:00", "2026-10-12T22:30:00+02:00",
        ),
        (  # ending after midnight: the next day
            "Titel;Datum;Beginuur;Einduur;Locatie;Type",
            "Fuif;12/10/2026;22u;3u;Grote zaal;fuif",
            "2026-10-12T22:00:00+02:00", "2026-10-13T03:00:00+02:00",
        ),
    ],
)  # fmt: skip
def test_dates_and_times_in_columns_of_their_own(
    header: str, row: str, start: str, end: str
) -> None:
    items = read_csv(f"{header}\n{row}\n")
    [event] = records(items)
    assert not findings(items)
    assert (event.document["startDate"], event.document["endDate"]) == (start, end)


def test_an_end_time_that_is_no_time_is_a_warning_and_the_event_stays() -> None:
    items = read_csv(
        "Titel;Datum;Einduur;Locatie;Type\nHamlet;12/10/2026 20:00;laat;Zaal;theater\n"
    )
    [event] = records(items)
    [warning] = findings(items)
    assert warning.severity is Severity.WARNING and "'laat'" in warning.message_nl
    assert event.document["startDate"].startswith("2026-10-12T20:00")


def test_a_title_line_above_a_csv_table_and_commas_in_descriptions() -> None:
    text = (
        "Programma najaar 2026, CC De Werf\n"
        "Titel;Datum;Omschrijving;Locatie;Type\n"
        "Hamlet;12/10/2026 20:00;Liefde, wraak, waanzin, dood;Grote zaal;theater\n"
        "Jazz;13/10/2026 20:00;Trio, met gasten;Foyer;concert\n"
    )
    items = read_csv(text)
    assert [r.document["name"]["nl"] for r in records(items)] == ["Hamlet", "Jazz"]
    assert not findings(items)


def test_a_cell_longer_than_the_csv_module_s_own_limit_does_not_stop_the_file() -> None:
    text = (
        "Titel;Datum;Omschrijving;Locatie;Type\n"
        f"Hamlet;12/10/2026 20:00;{'x' * 140_000};Grote zaal;theater\n"
        "Jazz;13/10/2026 20:00;Trio;Foyer;concert\n"
    )
    items = read_csv(text)
    assert [r.document["name"]["nl"] for r in records(items)] == ["Hamlet", "Jazz"]
    [too_long] = findings(items)  # the description left out, with the row and column
    assert too_long.severity is Severity.WARNING and too_long.line == 2
    assert "Omschrijving" in too_long.message_nl


def test_one_cancelled_date_cancels_that_date_not_the_production() -> None:
    text = (
        "Titel;Datum;Locatie;Type;Status\n"
        "Macbeth;13/10/2026 20:00;Zaal;theater;afgelast\n"
        "Macbeth;15/10/2026 20:00;Zaal;theater;\n"
        "Hamlet;16/10/2026 20:00;Zaal;theater;afgelast\n"
        "Hamlet;17/10/2026 20:00;Zaal;theater;geannuleerd\n"
    )
    macbeth, hamlet = (record.document for record in records(read_csv(text)))
    assert [sub["status"]["type"] for sub in macbeth["subEvent"]] == ["Unavailable", "Available"]
    assert macbeth.get("status", {"type": "Available"})["type"] == "Available"
    assert hamlet["status"]["type"] == "Unavailable"  # every date cancelled: the production


def test_times_with_seconds_and_a_start_time_that_is_no_time() -> None:
    text = (
        "Titel;Datum;Beginuur;Locatie;Type\n"
        "A;12/10/2026;20:00:00;Zaal;theater\n"
        "B;12/10/2026 20:30:00;;Zaal;theater\n"
        "C;12/10/2026;na de pauze;Zaal;theater\n"
    )
    items = read_csv(text)
    starts = {r.document["name"]["nl"]: r.document["startDate"] for r in records(items)}
    assert starts["A"] == "2026-10-12T20:00:00+02:00" and starts["B"] == "2026-10-12T20:30:00+02:00"
    assert starts["C"] == "2026-10-12T00:00:00+02:00"  # all day, and said:
    [warning] = findings(items)
    assert warning.line == 4 and "'na de pauze'" in warning.message_nl
    assert warning.severity is Severity.WARNING


def test_a_mapping_file_may_name_fields_in_dutch_and_say_nee() -> None:
    mapping = load_mapping(
        "columns: {Voorstelling: titel, Speeldag: datum, Zaalnaam: locatie}\n"
        "constants: {soort: Concert}\ngroup_dates: nee\n"
    )
    assert mapping.columns == {"Voorstelling": "title", "Speeldag": "date", "Zaalnaam": "location"}
    assert mapping.constants == {"type": "Concert"} and mapping.group_dates is False
    with pytest.raises(MappingFileError, match="ja of nee"):
        load_mapping("group_dates: misschien\n")
    with pytest.raises(MappingFileError, match=r"known are .*title"):
        load_mapping("columns: {X: nonsense}\n")
