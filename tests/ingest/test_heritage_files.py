"""LIDO and EDM file readers: many records per file, limits, bad input as findings."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cultuurhub.ingest.base import Finding, Limits, Severity, SourceRecord
from cultuurhub.ingest.heritage_files import EdmReader, LidoReader
from tests.conftest import shared_data

EDM_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "heritage" / "edm"
LIDO_FILES = (
    "groeningemuseum-0000_GRO1561_I-LIDO.xml",
    "vlaamsekunstcollectie-kmska_lido.xml",
    "vlaamsekunstcollectie-vkc_lido.xml",
)


def _lido_body(name: str) -> bytes:
    data = shared_data(f"heritage/lido/{name}").read_bytes()
    return data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data


def _wrap(names: tuple[str, ...] = LIDO_FILES) -> bytes:
    bodies = b"".join(_lido_body(n) for n in names)
    return b'<lido:lidoWrap xmlns:lido="http://www.lido-schema.org">' + bodies + b"</lido:lidoWrap>"


def _split(items: list[SourceRecord | Finding]) -> tuple[list[SourceRecord], list[Finding]]:
    records = [i for i in items if isinstance(i, SourceRecord)]
    return records, [i for i in items if isinstance(i, Finding)]


def test_lido_wrap_with_flemish_records() -> None:
    records, findings = _split(list(LidoReader().read(_wrap(), "vlaams.xml", Limits())))
    assert [r.source_id for r in records] == [
        "groeningemuseum:0000_GRO1561_I",
        "http://resolver.kmska.be/collection/7",
        "http://vlaamsekunstcollectie.be/collection/work/data/1981_GRO0017_I",
    ]
    assert all(r.type == "object" and r.document["creators"] for r in records)
    assert records[1].location == "vlaams.xml:/lido:lidoWrap/lido:lido[2]"
    assert all(f.severity is Severity.WARNING for f in findings)
    assert {f.field for f in findings} >= {"rights"}


def test_max_records_stops_with_a_finding() -> None:
    items = list(LidoReader().read(_wrap(), "f.xml", Limits(max_records=2)))
    records, findings = _split(items)
    assert len(records) == 2
    assert findings[-1].severity is Severity.ERROR and "more than 2" in findings[-1].message_en


def test_max_bytes_and_field_chars_are_findings() -> None:
    [too_big] = list(LidoReader().read(_wrap(), "f.xml", Limits(max_bytes=100)))
    assert isinstance(too_big, Finding) and "over the limit" in too_big.message_en
    items = list(LidoReader().read(_wrap(), "f.xml", Limits(max_field_chars=40)))
    records, findings = _split(items)
    assert all(len(r.document["title"]["nl"]) <= 40 for r in records)
    assert any("cut to 40" in f.message_en for f in findings)


def test_xxe_in_lido_is_a_finding_and_expands_nothing() -> None:
    data = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <lido xmlns="http://www.lido-schema.org"><lidoRecID>&e;</lidoRecID></lido>"""
    [finding] = list(LidoReader().read(data, "evil.xml", Limits()))
    assert isinstance(finding, Finding) and finding.severity is Severity.ERROR
    assert "ENTITY" in finding.message_en and "root:" not in finding.message_en


def test_edm_reader_reads_all_europeana_samples() -> None:
    for path in sorted(EDM_DIR.glob("*.xml")):
        records, findings = _split(list(EdmReader().read(path.read_bytes(), path.name, Limits())))
        assert len(records) == 1, (path.name, findings)
        assert records[0].document["@type"] == "HeritageObject"


def test_empty_and_foreign_files_are_findings() -> None:
    for reader in (LidoReader(), EdmReader()):
        for data in (b"", b"<other/>"):
            items = list(reader.read(data, "x.xml", Limits()))
            assert items and all(isinstance(i, Finding) for i in items)


def _check_never_raises(reader: LidoReader | EdmReader, data: bytes) -> None:
    items = list(reader.read(data, "fuzz.xml", Limits()))
    assert items, "every input gives records or findings"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes) -> None:
    _check_never_raises(LidoReader(), data)
    _check_never_raises(EdmReader(), data)


@st.composite
def _mutations(draw: st.DrawFn, source: bytes) -> bytes:
    data = bytearray(source)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["delete", "insert", "flip"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from([b"<", b">", b"&", b"</lido:lido>", b"\x00", b"0"]))
        elif data:
            data[at % len(data)] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_readers_never_raise_on_mutated_real_files(data: st.DataObject) -> None:
    lido = shared_data("heritage/lido/groeningemuseum-0000_GRO1561_I-LIDO.xml").read_bytes()
    _check_never_raises(LidoReader(), data.draw(_mutations(lido)))
    edm = (EDM_DIR / "rdf_with_iiif_sample.xml").read_bytes()
    _check_never_raises(EdmReader(), data.draw(_mutations(edm)))
