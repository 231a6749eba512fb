"""Workspace sessions: signing in with an API key, a signed cookie, and a CSRF token per session.

The credential is one of the organisation's API keys with write (or admin) scope. Signing in
does not keep the secret: the cookie holds the key's id, the organisation, an expiry and a
random CSRF token, signed with HMAC-SHA-256. The signing key is derived from the setting
``session_secret`` and the key's stored hash, so it never leaves the server, needs no session
table, works across server processes, and revoking the key ends all its sessions at once.

The cookie is ``HttpOnly`` (no script reads it), ``SameSite=Lax`` (other sites' forms do not
carry it), ``Secure`` on https, scoped to ``/workspace`` and expires after ``session_hours``.
Every form of a signed-in page carries the session's CSRF token; the sign-in form, which comes
before any session, carries a token that must equal a short-lived cookie (double submit).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from uuid import UUID

import orjson

from cultuurhub.access import Action, Principal, Scope, may
from cultuurhub.store import ApiKey, Store, live_key_with_hash

SESSION_COOKIE = "cultuurhub_session"
SIGN_IN_COOKIE = "cultuurhub_sign_in"
COOKIE_PATH = "/workspace"


class SignInRefused(Exception):
    """The key cannot open the workspace; the message says why in Dutch and English."""


@dataclass(frozen=True, slots=True)
class WorkspaceSession:
    """A signed-in organisation: which key, until when, and the token its forms carry."""

    organisation_id: UUID
    key_id: UUID
    scopes: frozenset[Scope]
    expires: int
    csrf: str

    @property
    def principal(self) -> Principal:
        """Return the caller as the access rules know it."""
        return Principal(self.organisation_id, self.scopes)


def open_session(
    store: Store, secret: str, hours: int, server_secret: str | None
) -> tuple[WorkspaceSession, str]:
    """Check an API key and open a session; return it and the cookie value."""
    key = store.authenticate(secret.strip())
    if key is None:
        raise SignInRefused(
            "Deze sleutel is onbekend of ingetrokken. / This key is unknown or revoked."
        )
    scopes = frozenset(Scope(scope) for scope in key.scopes)
    if not may(Principal(key.organisation_id, scopes), Action.IMPORT, key.organisation_id):
        raise SignInRefused(
            "De werkruimte vraagt een sleutel met schrijf- of beheerrechten. / The workspace "
            "needs a key with write or admin scope."
        )
    expires = int(time.time()) + hours * 3600
    session = WorkspaceSession(
        key.organisation_id, key.id, scopes, expires, secrets.token_urlsafe(24)
    )
    return session, _cookie(session, _signing_key(store, key.id, server_secret))


def read_workspace_session(
    store: Store, cookie: str | None, server_secret: str | None
) -> WorkspaceSession | None:
    """Return the session a cookie holds, or None (missing, forged, expired, key revoked)."""
    if not cookie or cookie.count(".") != 1:
        return None
    body, signature = cookie.split(".")
    try:
        fields = orjson.loads(_unb64(body))
        key_id = UUID(fields["k"])
        session = WorkspaceSession(
            UUID(fields["o"]), key_id, frozenset(Scope(s) for s in fields["s"]),
            int(fields["x"]), str(fields["c"]),
        )  # fmt: skip
    except (ValueError, KeyError, TypeError, binascii.Error, orjson.JSONDecodeError):
        return None
    found = live_key_with_hash(store, key_id)
    if found is None or found[0].organisation_id != session.organisation_id:
        return None
    expected = _sign(body, _derive(found[1], server_secret))
    if not hmac.compare_digest(signature, expected) or session.expires < time.time():
        return None
    return session


def csrf_matches(session_or_cookie: WorkspaceSession | str | None, sent: str | None) -> bool:
    """Whether a form's token equals the session's (or the sign-in cookie's) token."""
    expected = (
        session_or_cookie.csrf
        if isinstance(session_or_cookie, WorkspaceSession)
        else session_or_cookie
    )
    return bool(expected and sent) and hmac.compare_digest(str(expected), str(sent))


def new_token() -> str:
    """Return a fresh random token (for the sign-in form)."""
    return secrets.token_urlsafe(24)


def _cookie(session: WorkspaceSession, signing_key: bytes) -> str:
    fields = {
        "o": str(session.organisation_id),
        "k": str(session.key_id),
        "s": sorted(session.scopes),
        "x": session.expires,
        "c": session.csrf,
    }
    body = _b64(orjson.dumps(fields))
    return f"{body}.{_sign(body, signing_key)}"


def _signing_key(store: Store, key_id: UUID, server_secret: str | None) -> bytes:
    found = live_key_with_hash(store, key_id)
    assert found is not None  # it was authenticated a moment ago
    return _derive(found[1], server_secret)


def _derive(secret_hash: str, server_secret: str | None) -> bytes:
    material = (server_secret or "").encode()
    return hmac.new(material, b"workspace-session:" + secret_hash.encode(), hashlib.sha256).digest()


def _sign(body: str, signing_key: bytes) -> str:
    return _b64(hmac.new(signing_key, body.encode(), hashlib.sha256).digest())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_label(key: ApiKey) -> str:
    """Return how a key is shown: its public prefix."""
    return f"ch_{key.prefix}_…"
