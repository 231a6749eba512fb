"""Bytes to text for outside files."""

from __future__ import annotations

from cultuurhub.ingest.base import Limits, Severity
from cultuurhub.ingest.decoding import decode_text


def test_utf8_and_bom() -> None:
    assert decode_text("Tentoonstelling é".encode(), "a.csv", Limits()).text == "Tentoonstelling é"
    with_bom = decode_text(b"\xef\xbb\xbfTitel", "a.csv", Limits())
    assert with_bom.text == "Titel" and not with_bom.findings


def test_cp1252_guess_warns() -> None:
    decoded = decode_text("Caf\u00e9 \u20ac 12".encode("cp1252"), "a.csv", Limits())
    assert decoded.text == "Café € 12" and decoded.encoding == "cp1252"
    assert [finding.severity for finding in decoded.findings] == [Severity.WARNING]


def test_too_big_is_refused() -> None:
    decoded = decode_text(b"x" * 11, "a.csv", Limits(max_bytes=10))
    assert decoded.text is None and decoded.findings[0].severity is Severity.ERROR
