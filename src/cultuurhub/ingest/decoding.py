"""Turn the bytes of an outside text file into text: UTF-8, UTF-8 with BOM, or cp1252."""

from __future__ import annotations

from dataclasses import dataclass

from cultuurhub.ingest.base import Finding, Limits, Severity

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The text of a file, the encoding it was read with, and what went wrong on the way."""

    text: str | None
    encoding: str
    findings: tuple[Finding, ...] = ()


def has_byte_order_mark(data: bytes) -> bool:
    """Whether ``data`` starts with a byte order mark (UTF-8, UTF-16)."""
    return any(data.startswith(bom) for bom, _ in _BOMS)


def decode_text(data: bytes, filename: str, limits: Limits) -> DecodedText:
    """Decode ``data``: BOM first, then strict UTF-8, then cp1252 with a warning."""
    if len(data) > limits.max_bytes:
        return DecodedText(None, "", (_too_big(data, filename, limits),))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_known(data[len(bom) :], encoding, filename)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    return DecodedText(text, "cp1252", (_guessed(filename),))


def _decode_known(body: bytes, encoding: str, filename: str) -> DecodedText:
    try:
        return DecodedText(body.decode(encoding), encoding)
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        return DecodedText(text, encoding, (_damaged(filename, encoding),))


def _too_big(data: bytes, filename: str, limits: Limits) -> Finding:
    size_mb = len(data) / 1_048_576
    cap_mb = limits.max_bytes / 1_048_576
    return Finding(
        Severity.ERROR,
        f"Het bestand is te groot ({size_mb:.1f} MB; maximum {cap_mb:.1f} MB).",
        f"The file is too large ({size_mb:.1f} MB; limit {cap_mb:.1f} MB).",
        file=filename,
    )


def _guessed(filename: str) -> Finding:
    return Finding(
        Severity.WARNING,
        "Het bestand is geen UTF-8; het werd gelezen als Windows-1252 (Excel-export). "
        "Controleer letters met accenten.",
        "The file is not UTF-8; it was read as Windows-1252 (Excel export). "
        "Check accented letters.",
        file=filename,
    )


def _damaged(filename: str, encoding: str) -> Finding:
    return Finding(
        Severity.WARNING,
        f"Het bestand bevat ongeldige tekens voor {encoding}; die werden vervangen door '�'.",
        f"The file holds bytes that are not valid {encoding}; they were replaced by '�'.",
        file=filename,
    )
