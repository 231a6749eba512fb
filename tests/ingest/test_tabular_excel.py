"""Excel .xlsx import: real cells, safety checks, and no crash on random workbooks."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from cultuurhub.formats.tabular_mapping import TabularMapping
from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord
from cultuurhub.ingest.tabular import ExcelReader
from cultuurhub.ingest.tabular_excel import check_zip


def workbook_bytes(rows: list[list[object]], title: str = "Programma") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_excel_dates_times_and_numbers() -> None:
    data = workbook_bytes(
        [
            ["Programma najaar 2026"],
            [],
            ["Titel", "Datum", "Aanvang", "Locatie", "Soort", "Prijs"],
            ["Hamlet", datetime(2026, 10, 12), time(20, 0), "Theaterzaal", "Toneel", 18.5],
        ]
    )
    (record,) = list(ExcelReader().read(data, "p.xlsx", Limits()))
    assert isinstance(record, SourceRecord)
    assert record.document["startDate"] == "2026-10-12T20:00:00+02:00"
    assert record.document["priceInfo"][0]["price"] == 18.5
    assert record.location == "p.xlsx:4"


def test_named_sheet_and_missing_sheet() -> None:
    data = workbook_bytes([["Titel", "Datum", "Locatie", "Soort"]])
    (finding,) = list(ExcelReader(TabularMapping(sheet="Blad9")).read(data, "p.xlsx", Limits()))
    assert isinstance(finding, Finding) and "Programma" in finding.message_nl


def test_zip_bomb_is_refused_before_opening() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 50_000_000)
    refused = check_zip(buffer.getvalue(), "bom.xlsx", Limits())
    assert refused is not None and "gecomprimeerd" in refused.message_nl


def test_not_a_zip() -> None:
    (finding,) = list(ExcelReader().read(b"Titel;Datum\n", "p.xlsx", Limits()))
    assert finding.severity is Severity.ERROR


cells = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(min_codepoint=32, blacklist_categories=("Cs",)), max_size=20),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2999, 1, 1)),
)
headers = st.lists(
    st.sampled_from(
        [
            "Titel",
            "Datum",
            "Aanvang",
            "Einde",
            "Locatie",
            "Soort",
            "Prijs",
            "Leeftijd",
            "Objectnummer",
            "Naam",
            "x",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headers, st.lists(st.lists(cells, max_size=6), max_size=6))
def test_random_workbooks_never_crash(header: list[str], rows: list[list[object]]) -> None:
    data = workbook_bytes([list(header), *rows])
    items = list(ExcelReader().read(data, "r.xlsx", Limits()))
    assert all(isinstance(item, SourceRecord | Finding) for item in items)


def test_an_exhibition_with_excel_dates_in_begin_and_end_columns_runs_until_its_end() -> None:
    data = workbook_bytes(
        [
            ["Titel", "Begindatum", "Einddatum", "Locatie", "Type"],
            [
                "Expo Ensor",
                datetime(2026, 11, 1),
                datetime(2027, 1, 31),
                "Zaal 2",
                "Tentoonstelling",
            ],
        ]
    )
    [event] = [
        i for i in ExcelReader().read(data, "p.xlsx", Limits()) if isinstance(i, SourceRecord)
    ]
    assert event.document["startDate"].startswith("2026-11-01")
    assert event.document["endDate"].startswith("2027-01-31T23:59:59")
