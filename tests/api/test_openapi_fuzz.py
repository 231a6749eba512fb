"""Schemathesis generates requests from the published OpenAPI: no answer may be a server error.

Bounded (a few examples per operation) so it runs in `make test`; over a real SQLite store with
demo data and a real search index. Rate limits are off so the fuzzer is not refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from cultuurhub.api import create_app
from cultuurhub.config import get_settings
from cultuurhub.demo import load_demo
from cultuurhub.search import SearchIndex
from cultuurhub.store import Store

_OFF = {"CULTUURHUB_RATE_LIMIT_PER_KEY": "0", "CULTUURHUB_RATE_LIMIT_PER_IP": "0",
        "CULTUURHUB_SEARCH_SYNC_SECONDS": "0", "CULTUURHUB_IMPORT_WORKER": "false"}  # fmt: skip


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    folder: Path = tmp_path_factory.mktemp("fuzz")
    saved = {name: os.environ.get(name) for name in _OFF}
    os.environ.update(_OFF)
    get_settings.cache_clear()
    store = Store(f"sqlite:///{folder / 'hub.db'}")
    store.upgrade()
    load_demo(store, 150)
    index = SearchIndex()
    index.sync(store)
    app = create_app(store, index)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    get_settings.cache_clear()


def test_no_server_errors(api_schema: schemathesis.BaseSchema) -> None:
    operations = 0
    answered: list[int] = []
    for found in api_schema.get_all_operations():
        operation = found.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case: schemathesis.Case) -> None:
            response = case.call()
            answered.append(response.status_code)
            case.validate_response(response, checks=(not_a_server_error,))

        call()
    assert operations > 40  # every route of the API was exercised
    assert len(answered) >= 2 * operations and any(code == 200 for code in answered)
