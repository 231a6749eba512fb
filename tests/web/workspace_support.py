"""Helpers for the workspace tests: an app on the ``store`` fixture, signing in, form tokens."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.store import ImportJobs, Store

_TOKEN = re.compile(r'name="csrf" value="([^"]+)"')


@contextmanager
def workspace_client(
    store: Store, monkeypatch: pytest.MonkeyPatch, worker: bool = True
) -> Iterator[TestClient]:
    """A client on the real app over ``store``; the import worker runs unless told not to."""
    monkeypatch.setenv("CULTUURHUB_IMPORT_WORKER", "true" if worker else "false")
    monkeypatch.setenv("CULTUURHUB_IMPORT_POLL_SECONDS", "0.1")
    monkeypatch.setenv("CULTUURHUB_RATE_LIMIT_PER_KEY", "0")
    monkeypatch.setenv("CULTUURHUB_RATE_LIMIT_PER_IP", "0")
    monkeypatch.setenv("CULTUURHUB_SEARCH_SYNC_SECONDS", "0")
    get_settings.cache_clear()
    try:
        with TestClient(create_app(store)) as client:
            yield client
    finally:
        get_settings.cache_clear()


def organisation_key(
    store: Store, name: str = "CC Gent", scopes: tuple[str, ...] = ("read", "write")
) -> tuple[UUID, str]:
    """Create an organisation and a key of it; return its id and the key's secret."""
    owner = store.create_organisation(name, "cultuurcentrum").id
    return owner, store.create_api_key(owner, scopes)[1]


def token(html: str) -> str:
    """Return the CSRF token of the first form on a page."""
    found = _TOKEN.search(html)
    assert found is not None, "no CSRF token on the page"
    return found.group(1)


def sign_in(client: TestClient, secret: str) -> str:
    """Sign in with a key; return the overview page."""
    form = client.get("/workspace/sign-in")
    answer = client.post(
        "/workspace/sign-in",
        data={"key": secret, "csrf": token(form.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    overview = client.get(answer.headers["location"])
    assert overview.status_code == 200
    return overview.text


def wait_for_job(store: Store, job_id: UUID) -> None:
    """Wait until the worker has finished a job."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        job = ImportJobs(store).get(job_id)
        if job is not None and job.finished_running:
            return
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} did not finish")
