"""Map the type, theme and facility words people type to UiTdatabank taxonomy terms."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from rapidfuzz import fuzz, process

from cultuurhub.formats.belgian_dates import fold

TermScope = Literal["eventtype", "placetype", "theme", "facility"]

_FILES: dict[TermScope, str] = {
    "eventtype": "eventtypes-events.csv",
    "placetype": "eventtypes-places.csv",
    "theme": "themes.csv",
    "facility": "facilities.csv",
}
_DOMAINS: dict[TermScope, str] = {
    "eventtype": "eventtype",
    "placetype": "eventtype",
    "theme": "theme",
    "facility": "facility",
}
# Words organisers use for a term whose official label is longer or different.
_SYNONYMS: dict[TermScope, dict[str, str]] = {
    "eventtype": {
        "toneel": "Theatervoorstelling",
        "theater": "Theatervoorstelling",
        "theatre": "Theatervoorstelling",
        "voorstelling": "Theatervoorstelling",
        "comedy": "Theatervoorstelling",
        "muziek": "Concert",
        "optreden": "Concert",
        "dans": "Dansvoorstelling",
        "dance": "Dansvoorstelling",
        "expo": "Tentoonstelling",
        "expositie": "Tentoonstelling",
        "exhibition": "Tentoonstelling",
        "tentoonstelling": "Tentoonstelling",
        "lezing": "Lezing of congres",
        "congres": "Lezing of congres",
        "debat": "Lezing of congres",
        "talk": "Lezing of congres",
        "rondleiding": "Begeleide rondleiding",
        "gegidste wandeling": "Begeleide rondleiding",
        "gidsbeurt": "Begeleide rondleiding",
        "guided tour": "Begeleide rondleiding",
        "workshop": "Cursus met open sessies",
        "cursus": "Lessenreeks",
        "fuif": "Party of fuif",
        "party": "Party of fuif",
        "markt": "Markt, braderie of kermis",
        "rommelmarkt": "Markt, braderie of kermis",
        "kermis": "Markt, braderie of kermis",
        "braderie": "Markt, braderie of kermis",
        "quiz": "Spel of quiz",
        "kamp": "Kamp of vakantie",
        "film": "Film",
        "filmvertoning": "Film",
        "cinema": "Film",
        "movie": "Film",
        "wandeling": "Route",
        "fietstocht": "Route",
        "eetfestijn": "Eet- of drankfestijn",
        "sport": "Sport en beweging",
        "feest": "Festiviteit",
        "fair": "Beurs",
    },
    "placetype": {
        "cultuurcentrum": "Cultuur- of ontmoetingscentrum",
        "ontmoetingscentrum": "Cultuur- of ontmoetingscentrum",
        "museum": "Museum of galerij",
        "galerij": "Museum of galerij",
        "bibliotheek": "Bibliotheek of documentatiecentrum",
        "zaal": "Zaal of expohal",
        "park": "Natuur, park of tuin",
        "cafe": "Horeca",
        "jeugdhuis": "Jeugdhuis of jeugdcentrum",
        "schouwburg": "Theater",
    },
    "theme": {"jazz": "Jazz en blues", "pop": "Pop en rock", "rock": "Pop en rock"},
    "facility": {"rolstoel": "Rolstoeltoegankelijk", "vgt": "Tolken Vlaamse Gebarentaal"},
}


@dataclass(frozen=True, slots=True)
class Term:
    """One UiTdatabank taxonomy term as it appears in a document's ``terms``."""

    id: str
    label: str
    domain: str

    def as_wire(self) -> dict[str, str]:
        """Return the term in the wire shape ``{id, label, domain}``."""
        return {"id": self.id, "label": self.label, "domain": self.domain}


@lru_cache(maxsize=4096)
def find_term(value: str, scope: TermScope) -> Term | None:
    """Return the term whose label, synonym or id matches ``value`` (case and accents ignored)."""
    key = _key(value)
    return _index(scope).get(key)


def suggest_terms(value: str, scope: TermScope, limit: int = 3) -> list[str]:
    """Return the labels closest to ``value``, best first, for a helpful message."""
    return list(_suggestions(_key(value), scope, limit))


@lru_cache(maxsize=4096)  # an export repeats its unknown values on row after row
def _suggestions(key: str, scope: TermScope, limit: int) -> tuple[str, ...]:
    labels, keys = _labels(scope)
    found = process.extract(key, keys, scorer=fuzz.WRatio, processor=None, limit=limit)
    return tuple(labels[index] for _, score, index in found if score >= 70)


def term_labels(scope: TermScope) -> list[str]:
    """Return every label of ``scope`` in alphabetical order."""
    return list(_labels(scope)[0])


@cache
def _labels(scope: TermScope) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every label of ``scope`` in alphabetical order, and each one's matching key."""
    labels = tuple(sorted({term.label for term in _index(scope).values()}))
    return labels, tuple(map(_key, labels))


def _key(value: str) -> str:
    return " ".join(fold(value).replace("-", " ").split())


@cache
def _index(scope: TermScope) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for row in _rows(_FILES[scope]):
        term = Term(row["id"], row["label_nl"], _DOMAINS[scope])
        terms.setdefault(_key(term.label), term)
        terms.setdefault(term.id.casefold(), term)
    for synonym, label in _SYNONYMS[scope].items():
        terms.setdefault(_key(synonym), terms[_key(label)])
    return terms


def _rows(filename: str) -> list[dict[str, str]]:
    folder = resources.files("cultuurhub.model").joinpath("data", "taxonomy")
    text = folder.joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))
