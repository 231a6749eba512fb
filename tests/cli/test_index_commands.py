"""`cultuurhub demo` builds the search index; `index sync` and `index rebuild` keep it true."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cultuurhub.cli import app
from cultuurhub.config import get_settings
from cultuurhub.search import SearchIndex, SearchQuery
from cultuurhub.store import Store


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CULTUURHUB_DATABASE_URL", f"sqlite:///{tmp_path / 'hub.db'}")
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_builds_the_index_and_sync_follows_deletions(hub: Path) -> None:
    run("demo", "--size", "300")
    index = SearchIndex(hub / "hub.db.search")
    events = index.search(SearchQuery(kinds=("events",), workflow=(), limit=200))
    assert events.total > 100
    store = Store(f"sqlite:///{hub / 'hub.db'}")
    try:
        store.delete(events.hits[0].id, "test")
    finally:
        store.close()
    assert "1 verwijderd / removed" in run("index", "sync")
    index.reload(force=True)
    after = index.search(SearchQuery(kinds=("events",), workflow=(), limit=1))
    assert after.total == events.total - 1
    assert "geïndexeerd / indexed" in run("index", "rebuild")
    assert "zoekindex" in run("index", "--help").lower()
