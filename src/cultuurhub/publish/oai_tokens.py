"""Resumption tokens that carry their own position: no state on the server, valid after restarts.

A token is ``base64url(JSON).base64url(HMAC-SHA256[:16])``. The JSON holds the list request
(verb, metadata prefix, set, from, until), the key of the last item sent (``(modified, id)``
of a record, or the id of the last organisation for ListSets), how many items were sent before
(the cursor), the size of the complete list and when the token expires. The signature makes a
damaged or edited token a ``badResumptionToken`` instead of a strange page; as every list is
public anyway, a forged token could reveal nothing a harvester could not ask for directly.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import orjson

from cultuurhub.publish.oai_request import OaiError

__all__ = ["TOKEN_LIFETIME", "ListPosition", "decode_token", "encode_token", "token_key"]

TOKEN_LIFETIME = timedelta(hours=48)
"""How long a resumption token stays valid (the issue asks for at least 24 hours)."""

_VERSION = 1


@dataclass(frozen=True, slots=True)
class ListPosition:
    """Where a list stands: the request that made it, the last key sent, the count so far."""

    verb: str
    prefix: str | None = None
    set_spec: str | None = None
    since: str | None = None
    until: str | None = None
    last_modified: datetime | None = None
    last_id: UUID | None = None
    cursor: int = 0
    total: int = 0
    expires: datetime | None = None

    def after(self) -> tuple[datetime, UUID] | None:
        """The keyset key of the last record sent, if any."""
        if self.last_modified is None or self.last_id is None:
            return None
        return self.last_modified, self.last_id

    def moved(self, last_id: UUID, last_modified: datetime | None, sent: int) -> ListPosition:
        """The position after ``sent`` more items, the last one being ``last_id``."""
        return replace(self, last_id=last_id, last_modified=last_modified,
                       cursor=self.cursor + sent)  # fmt: skip


def token_key(secret: str | None, base_url: str) -> bytes:
    """The signing key: the configured secret, else one derived from the public base URL."""
    return hashlib.sha256(f"cultuurhub-oai-pmh:{secret or base_url}".encode()).digest()


def encode_token(position: ListPosition, key: bytes, now: datetime) -> tuple[str, datetime]:
    """Return the token for ``position`` and when it expires."""
    expires = (now + TOKEN_LIFETIME).replace(microsecond=0)
    body: dict[str, Any] = {
        "v": _VERSION, "verb": position.verb, "p": position.prefix, "s": position.set_spec,
        "f": position.since, "u": position.until, "c": position.cursor, "n": position.total,
        "m": position.last_modified.isoformat() if position.last_modified else None,
        "i": str(position.last_id) if position.last_id else None,
        "e": int(expires.timestamp()),
    }  # fmt: skip
    payload = orjson.dumps({k: v for k, v in body.items() if v is not None})
    signature = hmac.new(key, payload, hashlib.sha256).digest()[:16]
    return f"{_b64(payload)}.{_b64(signature)}", expires


def decode_token(token: str, verb: str, key: bytes, now: datetime) -> ListPosition:
    """Read a token for ``verb``; raise ``badResumptionToken`` when it is not one of ours."""
    try:
        encoded, signature = token.split(".")
        payload = _unb64(encoded)
        expected = hmac.new(key, payload, hashlib.sha256).digest()[:16]
        if not hmac.compare_digest(expected, _unb64(signature)):
            raise ValueError("signature")
        position = _position(orjson.loads(payload))
    except (ValueError, TypeError, KeyError, binascii.Error, orjson.JSONDecodeError):
        raise _bad_token() from None
    if position.verb != verb:
        raise _bad_token()
    if position.expires is None or position.expires <= now:
        raise OaiError("badResumptionToken", "Deze resumptionToken is verlopen; begin opnieuw.",
                       "This resumptionToken has expired; start the list again.")  # fmt: skip
    return position


def _position(body: dict[str, Any]) -> ListPosition:
    if body.get("v") != _VERSION:
        raise ValueError("version")
    modified = datetime.fromisoformat(body["m"]) if "m" in body else None
    return ListPosition(
        verb=str(body["verb"]), prefix=_text(body.get("p")), set_spec=_text(body.get("s")),
        since=_text(body.get("f")), until=_text(body.get("u")),
        last_modified=modified.astimezone(UTC) if modified else None,
        last_id=UUID(body["i"]) if "i" in body else None,
        cursor=int(body["c"]), total=int(body["n"]),
        expires=datetime.fromtimestamp(int(body["e"]), UTC),
    )  # fmt: skip


def _text(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _bad_token() -> OaiError:
    return OaiError("badResumptionToken", "Deze resumptionToken is ongeldig.",
                    "This resumptionToken is not valid.")  # fmt: skip


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
