"""CSV cells that are safe to open in a spreadsheet (OWASP "CSV Injection").

A text cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab, a carriage return or
their full-width forms) would be run by Excel or LibreOffice when the file is opened; it gets a
leading apostrophe, which a spreadsheet shows as text. Plain numbers such as ``-12`` or
``+3,5`` stay as they are. Every CSV the hub writes from text that outsiders supplied (exports,
import findings) passes its text cells through :func:`neutralise_cell`.
"""

from __future__ import annotations

import re

_DANGEROUS_START = frozenset("=+-@\t\r\n\x00＝＋－＠")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def neutralise_cell(text: str) -> str:
    """Return ``text`` made safe to open in a spreadsheet (OWASP CSV injection guidance)."""
    if text and text[0] in _DANGEROUS_START and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
