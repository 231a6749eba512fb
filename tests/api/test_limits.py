"""Protection of the API: rate limits per key and per IP, the body size limit, CORS."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from cultuurhub.api import create_app
from cultuurhub.api.limits import Quota, RateLimiter
from cultuurhub.api.write_examples import EVENT
from cultuurhub.config import get_settings
from cultuurhub.store import Store

PROBLEM = "application/problem+json"


@pytest.fixture
def settings_env() -> Iterator[pytest.MonkeyPatch]:
    """Set CULTUURHUB_* variables for one test; the settings are read afresh before and after."""
    with pytest.MonkeyPatch.context() as patch:
        get_settings.cache_clear()
        yield patch
    get_settings.cache_clear()


def app_client(store: Store, settings_env: pytest.MonkeyPatch, **env: str) -> TestClient:
    for name, value in env.items():
        settings_env.setenv(f"CULTUURHUB_{name.upper()}", value)
    get_settings.cache_clear()
    return TestClient(create_app(store))


def keys(store: Store, name: str, scopes: list[str]) -> dict[str, str]:
    organisation = store.create_organisation(name, "museum").id
    _, secret = store.create_api_key(organisation, scopes)
    return {"X-Api-Key": secret}


# --- rate limits ------------------------------------------------------------------------------


def test_the_request_past_a_keys_quota_gets_429(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    writer = keys(store, "STAM", ["read", "write"])
    other = keys(store, "MSK", ["read"])
    with app_client(store, settings_env, rate_limit_per_key="3", rate_limit_per_ip="100") as client:
        created = client.post("/events", json=EVENT, headers=writer)
        assert created.status_code == 201
        assert created.headers["ratelimit-limit"] == "3"
        assert created.headers["ratelimit-remaining"] == "2"
        assert created.headers["ratelimit-policy"] == "3;w=60"
        url = f"/events/{created.json()['id']}"
        remaining = [client.get(url, headers=writer).headers["ratelimit-remaining"] for _ in "ab"]
        assert remaining == ["1", "0"]

        refused = client.get(url, headers=writer)
        assert refused.status_code == 429
        assert refused.headers["content-type"] == PROBLEM
        assert refused.json()["status"] == 429
        assert "Te veel verzoeken" in refused.json()["detail"]
        assert "at most 3 per 60 s" in refused.json()["detail"]
        assert 1 <= int(refused.headers["retry-after"]) <= 20  # one token back: 60 s / 3
        assert refused.headers["ratelimit-remaining"] == "0"
        assert client.put(f"{url}/labels/Vlieg", headers=writer).status_code == 429
        assert store.history(UUID(created.json()["id"]))[-1].version == 1  # refused: no write

        # another key, and callers without a key, have buckets of their own
        assert client.get(url, headers=other).status_code == 200
        assert client.get(url).headers["ratelimit-limit"] == "100"


def test_anonymous_callers_are_limited_per_ip_and_bad_keys_count_as_anonymous(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    with app_client(store, settings_env, rate_limit_per_ip="2") as client:
        assert client.get("/schemas/event.json").status_code == 200
        forged = {"X-Api-Key": "ch_123456789abc_forged"}
        assert client.get("/schemas/event.json", headers=forged).status_code == 200
        refused = client.get("/schemas/event.json")
        assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
        assert client.post("/events", json=EVENT, headers=forged).status_code == 429
        assert client.get("/health").status_code == 200  # health checks are never limited


def test_zero_means_no_limit(store: Store, settings_env: pytest.MonkeyPatch) -> None:
    with app_client(store, settings_env, rate_limit_per_ip="0") as client:
        responses = [client.get("/schemas/place.json") for _ in range(30)]
        assert {r.status_code for r in responses} == {200}
        assert "ratelimit-limit" not in responses[-1].headers


def test_token_bucket_refills_over_the_window() -> None:
    now = [1000.0]
    limiter = RateLimiter(clock=lambda: now[0])
    quota = Quota(limit=4, window_seconds=60)  # one token back every 15 s
    decisions = [limiter.take("key:a", quota) for _ in range(5)]
    assert [d.allowed for d in decisions] == [True, True, True, True, False]
    assert [d.remaining for d in decisions] == [3, 2, 1, 0, 0]
    assert decisions[-1].retry_after == 15
    assert decisions[-1].reset_seconds == 60
    assert limiter.take("key:b", quota).allowed  # callers do not share a bucket
    now[0] += 14.0
    assert not limiter.take("key:a", quota).allowed
    now[0] += 1.0
    again = limiter.take("key:a", quota)
    assert again.allowed and again.remaining == 0
    now[0] += 600.0
    full = limiter.take("key:a", quota)
    assert full.allowed and full.remaining == 3  # a bucket never holds more than the limit
    assert full.headers() == {
        "RateLimit-Limit": "4",
        "RateLimit-Remaining": "3",
        "RateLimit-Reset": "15",
        "RateLimit-Policy": "4;w=60",
    }


# --- request body size ------------------------------------------------------------------------


def test_a_body_over_the_limit_gets_413_before_it_is_read(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    writer = keys(store, "KMSKA", ["read", "write"])
    with app_client(store, settings_env, max_request_bytes="2000") as client:
        big = {**EVENT, "description": {"nl": "lang " * 1000}}
        refused = client.post("/events", json=big, headers=writer)
        assert refused.status_code == 413
        assert refused.headers["content-type"] == PROBLEM
        assert refused.json()["max_bytes"] == 2000
        assert "groter dan 2000 bytes" in refused.json()["detail"]
        assert store.changes_since(0) == []

        # sent in chunks, without Content-Length: counted as it arrives
        def chunks() -> Iterator[bytes]:
            text = json.dumps(big).encode()
            for start in range(0, len(text), 500):
                yield text[start : start + 500]

        streamed = client.post("/events", content=chunks(), headers=writer)
        assert streamed.status_code == 413 and streamed.json()["status"] == 413
        # also where FastAPI itself reads the body (it would otherwise answer 400)
        pushed = client.post("/ticketing/availability", content=chunks(), headers=writer)
        assert pushed.status_code == 413
        assert store.changes_since(0) == []

        assert client.post("/events", json=EVENT, headers=writer).status_code == 201


def test_import_uploads_have_their_own_larger_limit(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    writer = keys(store, "CC De Werf", ["read", "write"])
    rows = "titel;datum;locatie\n" + "Concert;12/12/2026 20:00;De Werf\n" * 200  # ~7 KB
    env = {"max_request_bytes": "2000", "max_upload_bytes": "20000", "import_worker": "false"}
    with app_client(store, settings_env, **env) as client:
        upload = {"file": ("programma.csv", rows.encode(), "text/csv")}
        accepted = client.post("/imports", files=upload, data={"dry_run": "true"}, headers=writer)
        assert accepted.status_code == 202, accepted.text
        too_big = {"file": ("programma.csv", (rows * 4).encode(), "text/csv")}
        refused = client.post("/imports", files=too_big, headers=writer)
        assert refused.status_code == 413 and refused.json()["max_bytes"] == 20000
        # the larger limit is for uploads only
        assert client.post("/events", content=rows.encode(), headers=writer).status_code == 413


# --- CORS -------------------------------------------------------------------------------------


def preflight(client: TestClient, origin: str, method: str) -> Any:
    return client.options(
        "/events",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "X-Api-Key",
        },
    )


def test_cors_lets_any_browser_read_by_default(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    with app_client(store, settings_env) as client:
        allowed = preflight(client, "https://www.gent.be", "GET")
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "*"
        assert "GET" in allowed.headers["access-control-allow-methods"]
        assert "x-api-key" in allowed.headers["access-control-allow-headers"].lower()
        assert "access-control-allow-credentials" not in allowed.headers
        assert preflight(client, "https://www.gent.be", "DELETE").status_code == 400

        read = client.get("/schemas/event.json", headers={"Origin": "https://www.gent.be"})
        assert read.headers["access-control-allow-origin"] == "*"
        exposed = read.headers["access-control-expose-headers"]
        assert "ETag" in exposed and "Retry-After" in exposed and "RateLimit-Remaining" in exposed


def test_cors_origins_and_methods_come_from_settings(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    with app_client(
        store,
        settings_env,
        cors_origins="https://partner.example, https://www.uitinvlaanderen.be",
        cors_methods="GET,HEAD,POST,PUT,DELETE",
    ) as client:
        allowed = preflight(client, "https://partner.example", "POST")
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://partner.example"
        assert preflight(client, "https://elders.example", "GET").status_code == 400


def test_refusals_are_documented_on_every_operation(
    store: Store, settings_env: pytest.MonkeyPatch
) -> None:
    with app_client(store, settings_env) as client:
        paths = client.get("/openapi.json").json()["paths"]
    assert PROBLEM in paths["/events"]["post"]["responses"]["413"]["content"]
    assert PROBLEM in paths["/events/{record_id}"]["get"]["responses"]["429"]["content"]
    assert "413" not in paths["/events/{record_id}"]["get"]["responses"]
    for path_item in paths.values():
        for operation in path_item.values():
            assert "429" in operation["responses"]
