"""Who is calling: the API key in the request header, turned into a principal."""

from __future__ import annotations

from uuid import UUID

from fastapi import Request

from cultuurhub.access import Principal, Scope
from cultuurhub.config import get_settings
from cultuurhub.store import Store

ANONYMOUS = Principal()


def principal(request: Request) -> Principal:
    """Return the caller's principal: anonymous without a (valid) API key."""
    secret = request.headers.get(get_settings().api_key_header)
    if not secret:
        return ANONYMOUS
    store: Store = request.app.state.store
    key = store.authenticate(secret)
    if key is None:
        return ANONYMOUS
    return Principal(UUID(str(key.organisation_id)), frozenset(Scope(s) for s in key.scopes))
