"""Who is calling: the API key in the request header, turned into a principal."""

from __future__ import annotations

from uuid import UUID

from fastapi import Request

from cultuurhub.access import Principal, Scope
from cultuurhub.config import get_settings
from cultuurhub.store import ApiKey, Store

ANONYMOUS = Principal()
_UNCHECKED = object()


def api_key(request: Request) -> ApiKey | None:
    """Return the caller's live API key, or None; the store is asked once per request."""
    found = getattr(request.state, "cultuurhub_api_key", _UNCHECKED)
    if found is _UNCHECKED:
        secret = request.headers.get(get_settings().api_key_header)
        store: Store = request.app.state.store
        found = store.authenticate(secret) if secret else None
        request.state.cultuurhub_api_key = found
    assert found is None or isinstance(found, ApiKey)
    return found


def principal(request: Request) -> Principal:
    """Return the caller's principal: anonymous without a (valid) API key."""
    key = api_key(request)
    if key is None:
        return ANONYMOUS
    return Principal(UUID(str(key.organisation_id)), frozenset(Scope(s) for s in key.scopes))
