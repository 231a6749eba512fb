"""Dublin Core (``oai_dc``) to the heritage document, and what every heritage crosswalk shares.

The shared part (mapping notes, multilingual text, EDTF dates, rights URIs, web-resource types)
lives here because Dublin Core is the common core that EDM and LIDO both extend; ``edm`` and
``lido`` import it from this module.
"""

from __future__ import annotations

import calendar
import functools
import mimetypes
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from lxml import etree

with warnings.catch_warnings():  # edtf's grammar warns at import time (pyparsing diagnostics)
    warnings.simplefilter("ignore")
    import edtf

DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HERITAGE_LANGUAGES = ("nl", "fr", "de", "en")

__all__ = [
    "DC",
    "HERITAGE_LANGUAGES",
    "MappedRecord",
    "MappingNote",
    "Notes",
    "canonical_rights",
    "edtf_from_bounds",
    "edtf_from_text",
    "heritage_language",
    "is_valid_edtf",
    "map_oai_dc",
]

_LANGUAGES = {
    **dict.fromkeys(("nl", "nld", "dut", "vls", "dutch", "nederlands", "vlaams"), "nl"),
    **dict.fromkeys(("fr", "fra", "fre", "french", "frans", "français", "francais"), "fr"),
    **dict.fromkeys(("de", "deu", "ger", "german", "duits", "deutsch"), "de"),
    **dict.fromkeys(("en", "eng", "english", "engels"), "en"),
}
_URI = re.compile(r"^(https?|urn|info|ark|doi):\S+$", re.IGNORECASE)
_OPEN_RIGHTS = re.compile(
    r"^https?://(?:www\.)?(rightsstatements\.org|creativecommons\.org)/([^?#]*)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class MappingNote:
    """A problem met while mapping: which field, where (XPath), what, in Dutch and English."""

    severity: Literal["error", "warning"]
    field: str
    message_nl: str
    message_en: str
    xpath: str | None = None


class Notes(list[MappingNote]):
    """The notes of one record, added to as the crosswalk goes."""

    def warn(self, field: str, message_nl: str, message_en: str, xpath: str | None = None) -> None:
        """Add a warning (once): the record is kept, this value is not."""
        note = MappingNote("warning", field, message_nl, message_en, xpath)
        if note not in self:
            self.append(note)

    def error(self, field: str, message_nl: str, message_en: str, xpath: str | None = None) -> None:
        """Add an error: the record cannot be used."""
        self.append(MappingNote("error", field, message_nl, message_en, xpath))


@dataclass(slots=True)
class MappedRecord:
    """A heritage document mapped from one source record, with its id there and the notes."""

    source_id: str | None
    document: dict[str, Any]
    xpath: str
    notes: Notes = field(default_factory=Notes)


# --- languages and text ---------------------------------------------------------------------


def heritage_language(tag: str | None) -> str | None:
    """Return nl/fr/de/en for a language tag or name (``nl-BE``, ``dut``, ``English``) or None."""
    if not tag:
        return None
    base = tag.strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGES.get(base)


def lang_of(element: etree._Element) -> str | None:
    """Return the ``xml:lang`` in force on ``element`` (its own or its nearest ancestor's)."""
    node: etree._Element | None = element
    while node is not None:
        lang = node.get(XML_LANG)
        if lang is not None:
            return lang
        node = node.getparent()
    return None


def clean_text(text: str | None) -> str:
    """Collapse runs of white space inside paragraphs; keep blank-line paragraph breaks."""
    if not text:
        return ""
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def multilingual(
    values: Iterable[tuple[str | None, str | None]], main: str, notes: Notes, field: str
) -> dict[str, str]:
    """Key texts by nl/fr/de/en; untagged text goes under ``main``; warn about dropped languages."""
    texts: dict[str, str] = {}
    dropped: list[tuple[str, str]] = []
    for lang, raw in values:
        text = clean_text(raw)
        if not text:
            continue
        code = main if not lang else heritage_language(lang)
        if code is None:
            dropped.append((lang or "", text))
        else:
            texts.setdefault(code, text)
    if dropped:
        _note_dropped(texts, dropped, main, notes, field)
    return texts


def _note_dropped(
    texts: dict[str, str], dropped: list[tuple[str, str]], main: str, notes: Notes, field: str
) -> None:
    langs = ", ".join(sorted({lang for lang, _ in dropped}))
    if texts:
        notes.warn(
            field,
            f"Tekst in {langs} weggelaten: de hub bewaart enkel nl, fr, de en en.",
            f"Text in {langs} dropped: the hub keeps only nl, fr, de and en.",
        )
        return
    texts[main] = dropped[0][1]
    notes.warn(
        field,
        f"Tekst in {langs} bewaard onder de hoofdtaal '{main}' van het record.",
        f"Text in {langs} kept under the record's main language '{main}'.",
    )


# --- dates (EDTF) ---------------------------------------------------------------------------

_DAY = r"(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_ONE = rf"(?:-?\d{{4}}{_DAY}[~?%]?|\d{{2}}XX|\d{{3}}X)"
_FAST_EDTF = re.compile(rf"^{_ONE}(?:/{_ONE})?$")
_BOUND = re.compile(r"^(-?)(\d{1,4})(-\d{2}(?:-\d{2})?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_CIRCA = re.compile(
    r"^(?:ca\.?|c\.|circa|omstreeks|rond|um|vers|around|about|approx\.?|ong\.?)\s*", re.I
)
_CENTURY = re.compile(
    r"^(\d{1,2})\s*(?:de|e|ste|th|st|nd|rd|\.|ème)?\s*(?:eeuw|century|jahrhundert|siècle)$",
    re.I,
)
_DECADE = re.compile(r"^(?:jaren\s+)?(\d{3})0\s*'?s?$", re.I)
_RANGE = re.compile(
    r"\s*(?:/|\s-\s|–|—|\btot\b|\bto\b|\bbis\b|(?<=\d)-(?=(?:ca\.?\s*|circa\s*)?\d{4}$))\s*", re.I
)


def is_valid_edtf(value: str) -> bool:
    """Return whether ``value`` is valid EDTF with a lower bound not after its upper bound."""
    if _FAST_EDTF.match(value):
        return _days_exist(value) and _ordered(value)
    return _slow_valid(value)


@functools.lru_cache(maxsize=4096)
def _slow_valid(value: str) -> bool:
    try:
        return bool(edtf.is_valid_edtf(value))
    except Exception:  # the edtf grammar can fail in many ways on odd input
        return False


def _days_exist(value: str) -> bool:
    for part in value.split("/"):
        pieces = part.strip("~?%").lstrip("-").split("-")
        if len(pieces) == 3 and "X" not in part:
            year, month, day = (int(p) for p in pieces)
            if day > calendar.monthrange(max(year, 1), month)[1]:
                return False
    return True


def _ordered(value: str) -> bool:
    if "/" not in value:
        return True
    low, high = (_sort_key(p) for p in value.split("/"))
    return low <= high


def _sort_key(part: str) -> tuple[int, int, int]:
    text = part.strip("~?%").replace("X", "0")
    sign = -1 if text.startswith("-") else 1
    pieces = [int(p) for p in text.lstrip("-").split("-")]
    pieces += [1] * (3 - len(pieces))
    return (sign * pieces[0], pieces[1], pieces[2])


def _bound(text: str | None) -> str | None:
    match = _BOUND.match((text or "").strip())
    if not match:
        return None
    sign, year, rest = match.groups()
    return f"{sign}{int(year):04d}{rest or ''}"


def edtf_from_bounds(earliest: str | None, latest: str | None, approximate: bool) -> str | None:
    """Return EDTF for an earliest/latest pair (``1434/1436``, ``1601~/1620~``) or None."""
    low, high = _bound(earliest), _bound(latest)
    if low is None and high is None:
        return None
    mark = "~" if approximate else ""
    if low is None or high is None or low == high:
        value = f"{low or high}{mark}"
    else:
        value = f"{low}{mark}/{high}{mark}"
    return value if is_valid_edtf(value) else None


def edtf_from_text(text: str | None) -> str | None:
    """Return EDTF for a free-text date (``1434-1436``, ``ca. 1450``, ``17de eeuw``) or None."""
    value = clean_text(text)
    if not value:
        return None
    if is_valid_edtf(value):
        return value
    parts = [p for p in _RANGE.split(value) if p]
    if len(parts) == 1:
        return _single_date(parts[0])
    if len(parts) == 2:
        low, high = _single_date(parts[0]), _single_date(parts[1])
        joined = f"{low}/{high}"
        return joined if low and high and is_valid_edtf(joined) else None
    return None


def _single_date(text: str) -> str | None:
    stripped = _CIRCA.sub("", text.strip())
    mark = "~" if stripped != text.strip() else ""
    if bound := _bound(stripped):
        value = f"{bound}{mark}"
    elif century := _CENTURY.match(stripped):
        value = f"{int(century.group(1)) - 1:02d}XX"
    elif decade := _DECADE.match(stripped):
        value = f"{decade.group(1)}X"
    else:
        return None
    return value if is_valid_edtf(value) else None


# --- rights and web resources ---------------------------------------------------------------


def canonical_rights(value: str | None) -> str | None:
    """Return a rights URI in canonical form (``http://``, trailing slash), None if not a URI."""
    uri = (value or "").strip()
    match = _OPEN_RIGHTS.match(uri)
    if match is None:
        return uri if _URI.match(uri) else None
    host, path = match.group(1).lower(), match.group(2)
    if host == "rightsstatements.org":
        path = re.sub(r"^page/", "vocab/", path)
    path = re.sub(r"(?:deed\.[\w-]+|legalcode(?:\.[\w-]+)?)/?$", "", path)
    return f"http://{host}/{path.rstrip('/')}/"


def is_uri(value: str) -> bool:
    """Return whether ``value`` looks like an absolute URI."""
    return bool(_URI.match(value.strip()))


def guess_mime_type(url: str) -> str | None:
    """Guess a web resource's media type from the extension of its URL path."""
    path = urlsplit(url.strip()).path
    if "/iiif/" in url and path.endswith((".jpg", "/default")):
        return "image/jpeg"
    return mimetypes.guess_type(path, strict=False)[0]


def is_image_url(url: str) -> bool:
    """Return whether ``url`` looks like an image (by extension or a IIIF image path)."""
    mime = guess_mime_type(url)
    return (mime or "").startswith("image/") or "/iiif/" in url


# --- Dublin Core --------------------------------------------------------------------------


def map_oai_dc(element: etree._Element, default_language: str = "nl") -> MappedRecord:
    """Map an ``oai_dc:dc`` element (or any parent of ``dc:*`` elements) to a heritage document."""
    fields: dict[str, list[etree._Element]] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag.startswith("{" + DC):
            fields.setdefault(tag[len(DC) + 2 :], []).append(child)
    record = MappedRecord(None, {}, element.getroottree().getpath(element))
    record.document = _dc_document(fields, default_language, record.notes)
    return record


def _texts(elements: list[etree._Element]) -> list[str]:
    return [t for t in (clean_text(e.text) for e in elements) if t]


def _dc_document(
    fields: dict[str, list[etree._Element]], default_language: str, notes: Notes
) -> dict[str, Any]:
    languages = [heritage_language(t) for t in _texts(fields.get("language", []))]
    main = next((lang for lang in languages if lang), default_language)
    document: dict[str, Any] = {"@type": "HeritageObject", "mainLanguage": main}

    def text(name: str) -> dict[str, str]:
        return multilingual(((lang_of(e), e.text) for e in fields.get(name, [])), main, notes, name)

    document["title"] = text("title")
    document["description"] = text("description")
    document["creators"] = [
        {"agent": {"@type": "Person", "name": name}}
        for name in dict.fromkeys(_texts(fields.get("creator", [])))
    ]
    document["objectType"] = _dc_concepts(_texts(fields.get("type", [])), main)
    document["subjects"] = _dc_concepts(_texts(fields.get("subject", [])), main)
    _dc_date(document, _texts(fields.get("date", [])), notes)
    _dc_rights(document, _texts(fields.get("rights", [])), notes)
    urls = _texts(fields.get("identifier", []) + fields.get("relation", []))
    _dc_identifiers(document, _texts(fields.get("identifier", [])), urls)
    document["labels"] = []
    return {key: value for key, value in document.items() if value or key == "labels"}


def _dc_concepts(values: list[str], main: str) -> list[dict[str, Any]]:
    concepts: list[dict[str, Any]] = []
    for value in dict.fromkeys(values):
        if value.startswith(("http://", "https://")):
            concepts.append({"@id": value})
        else:
            concepts.append({"prefLabel": {main: value}})
    return concepts


def _dc_date(document: dict[str, Any], dates: list[str], notes: Notes) -> None:
    if not dates:
        return
    value = edtf_from_text(dates[0])
    if value is None:
        notes.warn(
            "productionDate",
            f"Datum '{dates[0]}' is niet als EDTF uit te drukken en werd weggelaten.",
            f"Date '{dates[0]}' cannot be expressed as EDTF and was left out.",
        )
        return
    document["productionDate"] = {"edtf": value, "display": dates[0]}


def _dc_rights(document: dict[str, Any], values: list[str], notes: Notes) -> None:
    uris = [uri for uri in (canonical_rights(v) for v in values) if uri]
    if uris:
        document["rights"] = uris[0]
    elif values:
        notes.warn(
            "rights",
            f"Rechten '{values[0][:80]}' zijn geen URI (RightsStatements.org of Creative "
            "Commons) en werden niet overgenomen.",
            f"Rights '{values[0][:80]}' are not a URI (RightsStatements.org or Creative "
            "Commons) and were not taken over.",
        )


def _dc_identifiers(document: dict[str, Any], identifiers: list[str], urls: list[str]) -> None:
    numbers = [value for value in identifiers if not is_uri(value)]
    if numbers:
        document["objectNumber"] = numbers[0]
    resources = []
    for url in dict.fromkeys(u for u in urls if is_uri(u) and is_image_url(u)):
        resource: dict[str, Any] = {"url": url}
        if mime := guess_mime_type(url):
            resource["mimeType"] = mime
        if "rights" in document:
            resource["rights"] = document["rights"]
        resources.append(resource)
    document["webResources"] = resources
