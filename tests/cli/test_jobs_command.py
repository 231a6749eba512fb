"""``cultuurhub jobs run`` works through the queue; ``cultuurhub import`` shows its progress."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cultuurhub.cli import app
from cultuurhub.config import get_settings
from cultuurhub.ingest import JobRequest, JobSettings, submit_upload
from cultuurhub.store import ImportJobs, Store
from tests.ingest.test_jobs import PROGRAMME


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    monkeypatch.setenv("CULTUURHUB_DATABASE_URL", url)
    get_settings.cache_clear()
    store = Store(url)
    store.upgrade()
    yield store
    store.close()
    get_settings.cache_clear()


def test_jobs_run_works_through_the_queue(hub: Store) -> None:
    owner = hub.create_organisation("CC Gent", "cultuurcentrum").id
    job = submit_upload(hub, JobRequest(owner), "programma.csv", PROGRAMME, JobSettings())
    result = CliRunner().invoke(app, ["jobs", "run"])
    assert result.exit_code == 0, result.output
    assert f"{job.id} done" in result.output and "created 2" in " ".join(result.output.split())
    assert ImportJobs(hub).get(job.id).status == "done"  # type: ignore[union-attr]
    listed = CliRunner().invoke(app, ["jobs", "list", "--org", str(owner)])
    assert str(job.id) in listed.output and "done" in listed.output
    again = CliRunner().invoke(app, ["jobs", "run"])
    assert again.exit_code == 0 and again.output == ""


def test_import_shows_progress_per_phase(hub: Store, tmp_path: Path) -> None:
    owner = hub.create_organisation("CC Gent", "cultuurcentrum").id
    path = tmp_path / "programma.csv"
    path.write_bytes(PROGRAMME)
    result = CliRunner().invoke(app, ["import", str(path), "--org", str(owner)])
    assert result.exit_code == 0, result.output
    assert "programma.csv: lezen / reading" in result.output
    assert "programma.csv: opslaan / storing" in result.output
    assert "nieuw / created 2" in " ".join(result.output.split())
