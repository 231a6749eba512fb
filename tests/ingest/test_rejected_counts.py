"""A record a reader leaves out counts among the rejected, once, as one the model refuses does."""

from __future__ import annotations

import pytest

from cultuurhub.ingest import (
    Finding,
    IcalReader,
    ImportOptions,
    JsonLdReader,
    LidoReader,
    Limits,
    Reader,
    SourceRecord,
    UitdatabankReader,
    import_file,
)
from cultuurhub.ingest.base import Severity, judged, left_out
from cultuurhub.store import Store

CALENDAR = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//test//NL\r
BEGIN:VEVENT\r
UID:no-title\r
DTSTART:20271012T200000\r
CATEGORIES:Concert\r
LOCATION:Vooruit, Sint-Pietersnieuwstraat 23, 9000 Gent\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:two-errors\r
DTSTART:20271012T200000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:broken-rule\r
DTSTART:20271012T200000\r
RRULE:FREQ=BOGUS\r
SUMMARY:Kapot\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:good\r
DTSTART:20271012T200000\r
SUMMARY:Orgelconcert\r
CATEGORIES:Concert\r
LOCATION:Vooruit, Sint-Pietersnieuwstraat 23, 9000 Gent\r
END:VEVENT\r
END:VCALENDAR\r
"""
SCHEMA_ORG = b"""[
  {"@context": "https://schema.org", "@type": "Event", "startDate": "2027-01-01T20:00"},
  {"@context": "https://schema.org", "@type": "MusicEvent", "name": "Orgelconcert",
   "startDate": "2027-01-01T20:00",
   "location": {"@type": "Place", "name": "Vooruit",
                "address": {"streetAddress": "Sint-Pietersnieuwstraat 23",
                            "postalCode": "9000", "addressLocality": "Gent"}}}
]"""
UITDATABANK_LINES = b"""{broken
{"foo": 1}
{"@id": "https://io.uitdatabank.be/event/1", "name": {"nl": "Zonder alles"}}
"""
LIDO = b"""<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"><lido:lido>
<lido:descriptiveMetadata xml:lang="nl"><lido:objectIdentificationWrap><lido:titleWrap>
<lido:titleSet><lido:appellationValue>Zonder nummer</lido:appellationValue></lido:titleSet>
</lido:titleWrap></lido:objectIdentificationWrap></lido:descriptiveMetadata>
</lido:lido></lido:lidoWrap>"""


@pytest.mark.parametrize(
    ("reader", "filename", "data", "left_out_count", "kept"),
    [
        (IcalReader(), "agenda.ics", CALENDAR, 3, 1),
        (JsonLdReader(), "agenda.jsonld", SCHEMA_ORG, 1, 1),
        (UitdatabankReader(), "export.json", UITDATABANK_LINES, 2, 1),  # the model judges #3
        (LidoReader(), "collectie.xml", LIDO, 1, 0),
    ],
)
def test_every_record_left_out_has_exactly_one_refusal(
    reader: Reader, filename: str, data: bytes, left_out_count: int, kept: int
) -> None:
    items = list(reader.read(data, filename, Limits()))
    records = [item for item in items if isinstance(item, SourceRecord)]
    refusals = [item for item in items if isinstance(item, Finding) and item.refused]
    assert len(records) == kept and len(refusals) == left_out_count
    assert all(finding.severity is Severity.ERROR for finding in refusals)


def test_a_record_with_two_errors_is_refused_once() -> None:
    items = list(IcalReader().read(CALENDAR, "agenda.ics", Limits()))
    errors = [i for i in items if isinstance(i, Finding) and i.record == "two-errors"]
    assert len(errors) == 2 and [f.refused for f in errors] == [True, False]


def test_left_out_marks_the_first_error_only() -> None:
    warning = Finding(Severity.WARNING, "let op", "mind")
    first, second = (Finding(Severity.ERROR, f"fout {n}", f"error {n}") for n in (1, 2))
    assert [f.refused for f in left_out([warning, first, second])] == [False, True, False]
    assert left_out([warning]) == [warning]  # nothing to refuse: nothing marked
    record = SourceRecord("event", "1", {}, "agenda.ics:1")
    assert judged([warning], record) == [warning, record]
    assert judged([warning, first], record) == [warning, left_out([first])[0]]


def test_the_summary_counts_what_the_reader_and_the_model_refused(store: Store) -> None:
    owner = store.create_organisation("CC Gent", "cultuurcentrum").id
    options = ImportOptions(owner, "export.json", checkers=0)
    report = import_file(store, UitdatabankReader(), UITDATABANK_LINES, "export.json", options)
    # two lines the reader could not read, one document the model refused
    assert (report.created, report.rejected) == (0, 3)
    options = ImportOptions(owner, "agenda.ics", checkers=0)
    report = import_file(store, IcalReader(), CALENDAR, "agenda.ics", options)
    assert (report.created, report.rejected) == (1, 3)
