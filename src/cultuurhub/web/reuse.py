"""May I reuse this? A rights statement URI turned into a plain answer.

The statement is a RightsStatements.org or Creative Commons URI (normalised by the model). The
table below gives each one a verdict (yes freely, yes with conditions, limited, no, not known),
the name of the statement, and the key of its plain-words answer in the message catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from cultuurhub.model import UnknownRightsStatement, normalise_rights_uri


class Verdict(StrEnum):
    """The short answer to "may I reuse this?"."""

    YES = "yes"
    CONDITIONS = "conditions"
    LIMITED = "limited"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ReuseAnswer:
    """The answer for one statement: verdict, message key, statement name and its URI."""

    verdict: Verdict
    message: str
    name: str
    uri: str | None


# fmt: off
_CREATIVE_COMMONS: Final[dict[str, tuple[Verdict, str]]] = {
    "by": (Verdict.CONDITIONS, "Naamsvermelding / Attribution"),
    "by-sa": (Verdict.CONDITIONS, "Naamsvermelding-GelijkDelen / Attribution-ShareAlike"),
    "by-nd": (Verdict.CONDITIONS, "Naamsvermelding-GeenAfgeleideWerken / Attribution-NoDerivs"),
    "by-nc": (Verdict.LIMITED, "Naamsvermelding-NietCommercieel / Attribution-NonCommercial"),
    "by-nc-sa": (Verdict.LIMITED, "Naamsvermelding-NietCommercieel-GelijkDelen / "
                                  "Attribution-NonCommercial-ShareAlike"),
    "by-nc-nd": (Verdict.LIMITED, "Naamsvermelding-NietCommercieel-GeenAfgeleideWerken / "
                                  "Attribution-NonCommercial-NoDerivs"),
}
_RIGHTS_STATEMENTS: Final[dict[str, tuple[Verdict, str]]] = {
    "InC": (Verdict.NO, "In Copyright"),
    "InC-OW-EU": (Verdict.NO, "In Copyright – EU Orphan Work"),
    "InC-EDU": (Verdict.LIMITED, "In Copyright – Educational Use Permitted"),
    "InC-NC": (Verdict.LIMITED, "In Copyright – Non-Commercial Use Permitted"),
    "InC-RUU": (Verdict.NO, "In Copyright – Rights-holder(s) Unlocatable or Unidentifiable"),
    "NoC-CR": (Verdict.LIMITED, "No Copyright – Contractual Restrictions"),
    "NoC-NC": (Verdict.LIMITED, "No Copyright – Non-Commercial Use Only"),
    "NoC-OKLR": (Verdict.LIMITED, "No Copyright – Other Known Legal Restrictions"),
    "NoC-US": (Verdict.LIMITED, "No Copyright – United States"),
    "CNE": (Verdict.UNKNOWN, "Copyright Not Evaluated"),
    "UND": (Verdict.UNKNOWN, "Copyright Undetermined"),
    "NKC": (Verdict.CONDITIONS, "No Known Copyright"),
}
# fmt: on
_PUBLIC_DOMAIN: Final[dict[str, tuple[str, str]]] = {
    "mark": ("reuse.pd", "Public Domain Mark 1.0"),
    "zero": ("reuse.cc0", "CC0 1.0 Universal"),
}
_RS = re.compile(r"^http://rightsstatements\.org/vocab/([A-Za-z-]+)/1\.0/$")
_CC = re.compile(r"^http://creativecommons\.org/licenses/([a-z-]+)/([0-9.]+)/(?:[a-z]{2}/)?$")
_PD = re.compile(r"^http://creativecommons\.org/publicdomain/(mark|zero)/1\.0/$")
NO_STATEMENT: Final = ReuseAnswer(Verdict.UNKNOWN, "reuse.none", "", None)


def reuse_answer(uri: str | None) -> ReuseAnswer:
    """Return the plain answer to "may I reuse this?" for a rights statement URI."""
    if not uri:
        return NO_STATEMENT
    try:
        canonical = normalise_rights_uri(uri)
    except UnknownRightsStatement:
        return ReuseAnswer(Verdict.UNKNOWN, "reuse.none", uri, uri)
    if match := _PD.match(canonical):
        message, name = _PUBLIC_DOMAIN[match.group(1)]
        return ReuseAnswer(Verdict.YES, message, name, canonical)
    if match := _CC.match(canonical):
        verdict, name = _CREATIVE_COMMONS[match.group(1)]
        licence = f"CC {match.group(1).upper()} {match.group(2)} ({name})"
        return ReuseAnswer(verdict, f"reuse.{match.group(1)}", licence, canonical)
    match = _RS.match(canonical)
    assert match is not None, canonical  # normalise_rights_uri returns only these three shapes
    verdict, name = _RIGHTS_STATEMENTS[match.group(1)]
    return ReuseAnswer(verdict, f"reuse.{match.group(1)}", name, canonical)
