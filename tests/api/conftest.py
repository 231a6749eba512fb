"""Fixtures of the API tests: a client on the test store, and a key that may write."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.store import Store
from tests.api.test_write import Key, make_key


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    """The hub's application on the test store (modules may define their own)."""
    with TestClient(create_app(store)) as test_client:
        yield test_client


@pytest.fixture
def owner(store: Store) -> Key:
    """An organisation with a read and write key."""
    return make_key(store, "De Bijloke", ["read", "write"])
