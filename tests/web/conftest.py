"""Fixtures for the page tests: a demo hub (SQLite, 300 records) and a client on the real app."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from tests.web.hub import DemoHub, build_demo_hub


@pytest.fixture(scope="session")
def demo_hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoHub]:
    """A demo hub of 300 records in SQLite, with its search index."""
    hub = build_demo_hub(tmp_path_factory.mktemp("web-hub"))
    yield hub
    hub.close()


@pytest.fixture(scope="session")
def app_client(demo_hub: DemoHub) -> Iterator[TestClient]:
    """A client on the whole application over the demo hub, for the whole session."""
    with TestClient(create_app(demo_hub.store, demo_hub.search)) as test_client:
        yield test_client


@pytest.fixture
def client(app_client: TestClient) -> TestClient:
    """The session's client, with no cookies left from an earlier test (a new reader)."""
    app_client.cookies.clear()
    return app_client
