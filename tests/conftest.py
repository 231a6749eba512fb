"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from cultuurhub.store import Store

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def shared_data(relative: str) -> Path:
    """Return a path in ../shared/data, skipping the test when that folder is absent.

    With REQUIRE_SHARED_DATA=1 (as in CI) an absent file fails the test instead of skipping.
    """
    path = SHARED_DATA / relative
    if path.exists():
        return path
    if os.environ.get("REQUIRE_SHARED_DATA") == "1":
        pytest.fail(f"REQUIRE_SHARED_DATA=1 but {path} is missing")
    pytest.skip(f"../shared/data is not beside the project ({path} missing)")


@pytest.fixture
def shared_data_dir() -> Path:
    """The ../shared/data folder (skips the test when it is absent, fails in CI)."""
    return shared_data(".")


# --- databases ------------------------------------------------------------------------------

TEST_DATABASE_URL = os.environ.get("CULTUURHUB_TEST_DATABASE_URL")
_RESET = (
    "TRUNCATE sources, versions, records, api_keys, organisations CASCADE;"
    "UPDATE sequence SET value = 0;"
)


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> Iterator[str]:
    """A PostgreSQL database of this test worker's own, migrated, dropped at the end."""
    if not TEST_DATABASE_URL:
        pytest.skip("CULTUURHUB_TEST_DATABASE_URL is not set: no PostgreSQL server to test on")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from cultuurhub.store.engine import normalise_url

    server = make_url(normalise_url(TEST_DATABASE_URL))
    name = f"cultuurhub_test_{worker_id}_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    from cultuurhub.store import Store

    migrated = Store(url)
    migrated.upgrade()
    migrated.close()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated, empty database: an SQLite file, and PostgreSQL when configured."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.db'}"
        from cultuurhub.store import Store

        migrated = Store(url)
        migrated.upgrade()
        migrated.close()
        yield url
        return
    url = request.getfixturevalue("postgres_url")
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text(_RESET))
    engine.dispose()
    yield url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A Store on a fresh database (SQLite and PostgreSQL)."""
    from cultuurhub.store import Store

    hub = Store(database_url)
    yield hub
    hub.close()
