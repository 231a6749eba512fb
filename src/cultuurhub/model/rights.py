"""Rights statements: RightsStatements.org and Creative Commons URIs in their canonical form.

Europeana and IIIF accept these URIs only as ``http://`` with a trailing slash, and
RightsStatements.org only in its ``/vocab/`` form; systems emit ``https://``, ``/page/`` and
missing slashes, so every rights URI goes through :func:`normalise_rights_uri`.
"""

from __future__ import annotations

import re
from functools import lru_cache

RIGHTSSTATEMENTS: frozenset[str] = frozenset(
    {
        "InC", "InC-OW-EU", "InC-EDU", "InC-NC", "InC-RUU",
        "NoC-CR", "NoC-NC", "NoC-OKLR", "NoC-US",
        "CNE", "UND", "NKC",
    }
)  # fmt: skip
_RIGHTSSTATEMENTS_BY_KEY = {code.lower(): code for code in RIGHTSSTATEMENTS}
_RS = re.compile(
    r"^(?:https?://)?(?:www\.)?rightsstatements\.org/(?:vocab|page)/([A-Za-z-]+)/([0-9.]+)/?(?:\?.*)?$",
    re.I,
)
_CC_LICENCE = re.compile(
    r"^(?:https?://)?(?:www\.)?creativecommons\.org/licenses/"
    r"(by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd)/([1-4]\.[05])(?:/([a-z]{2}))?/?"
    r"(?:(?:deed|legalcode)(?:\.[a-zA-Z-]+)?)?$",
    re.I,
)
_CC_PUBLIC_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?creativecommons\.org/publicdomain/(zero|mark)/1\.0/?"
    r"(?:(?:deed|legalcode)(?:\.[a-zA-Z-]+)?)?$",
    re.I,
)


class UnknownRightsStatement(ValueError):
    """A rights URI that is neither a RightsStatements.org statement nor a Creative Commons URI."""


@lru_cache(maxsize=1024)
def normalise_rights_uri(uri: str) -> str:
    """Return the canonical ``http://…/`` form of a RightsStatements.org or Creative Commons URI."""
    text = uri.strip()
    if match := _RS.match(text):
        code = _RIGHTSSTATEMENTS_BY_KEY.get(match.group(1).lower())
        if code is not None and match.group(2) == "1.0":
            return f"http://rightsstatements.org/vocab/{code}/1.0/"
    elif match := _CC_LICENCE.match(text):
        kind, version, port = match.group(1).lower(), match.group(2), match.group(3)
        suffix = f"{port.lower()}/" if port else ""
        return f"http://creativecommons.org/licenses/{kind}/{version}/{suffix}"
    elif match := _CC_PUBLIC_DOMAIN.match(text):
        return f"http://creativecommons.org/publicdomain/{match.group(1).lower()}/1.0/"
    raise UnknownRightsStatement(f"not a RightsStatements.org or Creative Commons URI: {uri!r}")


def is_known_rights_uri(uri: str) -> bool:
    """Tell whether ``uri`` normalises to a known rights statement."""
    try:
        normalise_rights_uri(uri)
    except UnknownRightsStatement:
        return False
    return True
