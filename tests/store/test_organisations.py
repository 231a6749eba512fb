"""Organisations and API keys: keys are hashed at rest, scoped and revocable."""

from __future__ import annotations

from uuid import uuid4

import pytest
from sqlalchemy import select

from cultuurhub.store import OrganisationNotFound, Store
from cultuurhub.store.tables import api_keys


def test_keys_are_stored_hashed_and_authenticate(store: Store) -> None:
    museum = store.create_organisation("KMSKA", "museum", "https://kmska.be")
    key, secret = store.create_api_key(museum.id, ["read", "write"])
    with store.engine.connect() as connection:
        stored = [tuple(row) for row in connection.execute(select(api_keys))]
    assert secret not in repr(stored)
    found = store.authenticate(secret)
    assert found is not None and found.organisation_id == museum.id
    assert found.scopes == frozenset({"read", "write"})
    assert store.authenticate(secret[:-1] + ("A" if secret[-1] != "A" else "B")) is None
    assert store.authenticate("not-a-key") is None
    store.revoke_api_key(key.id)
    assert store.authenticate(secret) is None


def test_scopes_and_organisation_are_checked(store: Store) -> None:
    museum = store.create_organisation("M", "museum")
    with pytest.raises(ValueError, match="scopes"):
        store.create_api_key(museum.id, ["superuser"])
    with pytest.raises(OrganisationNotFound):
        store.create_api_key(uuid4(), ["read"])


def test_organisations_are_listed(store: Store) -> None:
    store.create_organisation("Bibliotheek Gent", "bibliotheek")
    store.create_organisation("Abdijmuseum", "museum")
    assert [o.name for o in store.list_organisations()] == ["Abdijmuseum", "Bibliotheek Gent"]
