"""Reading an OAI-PMH request: the verb, its arguments, and the protocol's error conditions.

Every rule of section 3 of the OAI-PMH 2.0 specification that concerns arguments is checked
here, before anything is read from the store: a missing, unknown or repeated verb is
``badVerb``; an argument the verb does not take, a repeated or missing argument, a malformed
date or set, or a ``resumptionToken`` given with other arguments is ``badArgument``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

__all__ = [
    "VERBS",
    "OaiError",
    "OaiRequest",
    "Window",
    "parse_request",
    "parse_window",
]

_LIST_ARGUMENTS = (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set"}))
VERBS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "Identify": (frozenset(), frozenset()),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"})),
    "ListSets": (frozenset(), frozenset()),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset()),
    "ListIdentifiers": _LIST_ARGUMENTS,
    "ListRecords": _LIST_ARGUMENTS,
}
"""Each verb's required and optional arguments (``resumptionToken`` aside)."""

_RESUMABLE = frozenset({"ListSets", "ListIdentifiers", "ListRecords"})
_PREFIX = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")
_SET = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[\x21-\x7e]+$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_XML_SAFE = re.compile(r"^[\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]*$")
MAX_ARGUMENT_CHARS = 2000


class OaiError(Exception):
    """An OAI-PMH error condition: its code and a message in Dutch and English."""

    def __init__(self, code: str, message_nl: str, message_en: str) -> None:
        super().__init__(f"{message_nl} / {message_en}")
        self.code = code
        self.message = f"{message_nl} / {message_en}"


@dataclass(frozen=True, slots=True)
class OaiRequest:
    """A well-formed request: its verb and its arguments (each once)."""

    verb: str
    arguments: Mapping[str, str]

    def get(self, name: str) -> str | None:
        """Return an argument's value, or None when it was not given."""
        return self.arguments.get(name)


@dataclass(frozen=True, slots=True)
class Window:
    """A ``from``/``until`` window as moments: ``since`` ≤ datestamp < ``before``."""

    since: datetime | None = None
    before: datetime | None = None


def parse_request(arguments: Mapping[str, Sequence[str]]) -> OaiRequest:
    """Check a request's verb and arguments; raise :class:`OaiError` when the request is bad."""
    verb = _verb(arguments)
    required, optional = VERBS[verb]
    given: dict[str, str] = {}
    for name, values in arguments.items():
        if name == "verb":
            continue
        allowed = name in required or name in optional
        if not allowed and not (name == "resumptionToken" and verb in _RESUMABLE):
            raise _bad(f"'{_shown(name)}' is geen argument van {verb}.",
                       f"'{_shown(name)}' is not an argument of {verb}.")  # fmt: skip
        if len(values) != 1:
            raise _bad(f"Argument {name} komt meer dan eens voor.",
                       f"Argument {name} is repeated.")  # fmt: skip
        given[name] = _safe(name, values[0])
    if "resumptionToken" in given:
        if len(given) > 1:
            raise _bad(
                "Een resumptionToken staat alleen, zonder andere argumenten.",
                "A resumptionToken is exclusive: give no other arguments with it.",
            )
    else:
        missing = sorted(required - set(given))
        if missing:
            raise _bad(f"{verb} heeft ook {', '.join(missing)} nodig.",
                       f"{verb} also needs {', '.join(missing)}.")  # fmt: skip
    _check_syntax(given)
    return OaiRequest(verb, given)


def _verb(arguments: Mapping[str, Sequence[str]]) -> str:
    values = arguments.get("verb") or []
    if len(values) != 1:
        nl = "Geen verb gegeven." if not values else "Het verb komt meer dan eens voor."
        en = "No verb given." if not values else "The verb is repeated."
        raise OaiError("badVerb", nl, en)
    if values[0] not in VERBS:
        raise OaiError("badVerb", f"Onbekend verb '{_shown(values[0])}'.",
                       f"Unknown verb '{_shown(values[0])}'.")  # fmt: skip
    return values[0]


def _safe(name: str, value: str) -> str:
    if len(value) > MAX_ARGUMENT_CHARS or not _XML_SAFE.match(value):
        raise _bad(f"Argument {name} is te lang of bevat ongeldige tekens.",
                   f"Argument {name} is too long or holds invalid characters.")  # fmt: skip
    return value


def _check_syntax(given: Mapping[str, str]) -> None:
    prefix, spec, identifier = (
        given.get("metadataPrefix"),
        given.get("set"),
        given.get("identifier"),
    )
    if prefix is not None and not _PREFIX.match(prefix):
        raise _bad("Ongeldig metadataPrefix.", "Malformed metadataPrefix.")
    if spec is not None and not _SET.match(spec):
        raise _bad("Ongeldige setSpec.", "Malformed setSpec.")
    if identifier is not None and not _IDENTIFIER.match(identifier):
        raise _bad("De identifier is geen URI.", "The identifier is not a URI.")
    parse_window(given.get("from"), given.get("until"))


def parse_window(since: str | None, until: str | None) -> Window:
    """Turn ``from``/``until`` (day or seconds granularity, UTC) into a half-open window."""
    start = _moment(since, "from")
    end = _moment(until, "until")
    if since and until and len(since) != len(until):
        raise _bad("from en until hebben een verschillende granulariteit.",
                   "from and until have different granularities.")  # fmt: skip
    if start and end and start > end:
        raise _bad("from ligt na until.", "from is later than until.")
    if end is not None and until is not None:
        # until is inclusive at its own granularity: the whole day, or the whole second
        end += timedelta(days=1) if _DAY.match(until) else timedelta(seconds=1)
    return Window(start, end)


def _moment(value: str | None, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        if _DAY.match(value):
            return datetime.combine(date.fromisoformat(value), time(), tzinfo=UTC)
        if _SECONDS.match(value):
            return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        pass
    raise _bad(f"{name} is geen datum als 2026-11-24 of 2026-11-24T20:00:00Z.",
               f"{name} is not a date like 2026-11-24 or 2026-11-24T20:00:00Z.")  # fmt: skip


def _bad(message_nl: str, message_en: str) -> OaiError:
    return OaiError("badArgument", message_nl, message_en)


def _shown(text: str) -> str:
    """A piece of the request that is safe to repeat in a message: short, printable."""
    cleaned = "".join(c for c in text[:40] if c.isprintable())
    return cleaned + ("…" if len(text) > 40 else "")
