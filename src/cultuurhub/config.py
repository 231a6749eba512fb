"""One settings object: every key declared once, with its default and its help.

Settings come from ``CULTUURHUB_*`` environment variables (or a ``.env`` file). The table in
``docs/settings.md`` is checked against :func:`describe_settings` by a test, so a key cannot go
undocumented.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """The hub's settings. Each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="CULTUURHUB_", env_file=".env", extra="ignore")

    database_url: str = Field(
        "sqlite:///var/cultuurhub.db", description="SQLAlchemy URL of the store."
    )
    base_url: str = Field(
        "http://127.0.0.1:8000",
        description="Public base URL; record URIs are {base_url}/{type}/{id}.",
    )
    max_batch_size: int = Field(10_000, description="Most records one batch may hold.")
    max_document_bytes: int = Field(
        1_000_000, description="Largest JSON document, in bytes, that one record may have."
    )
    api_key_header: str = Field("X-Api-Key", description="HTTP header that carries an API key.")
    workers: int = Field(2, description="HTTP worker processes for `cultuurhub serve`.")
    search_path: str | None = Field(
        None,
        description="Folder of the search index; empty: beside a SQLite file"
        " (`<file>.search`), else `var/search`.",
    )
    search_sync_seconds: float = Field(
        1.0,
        description="How often the server brings the search index up to date with the store;"
        " 0: never (index with `cultuurhub index sync`).",
    )
    search_budget_ms: float = Field(
        250.0,
        description="Time budget of one search in milliseconds; parts beyond it are left out"
        " and the answer is flagged partial.",
    )
    search_concurrency: int | None = Field(
        None,
        description="Searches one server process runs at once; the others wait their turn, and"
        " a search's time budget counts from its turn. Empty: the machine's cores divided by"
        " the worker processes (at least 1).",
    )
    search_cache_size: int = Field(
        2_000,
        description="Complete search answers one server process keeps, per index generation"
        " (a new commit makes them all stale); 0: none.",
    )
    map_tile_url: str = Field(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        description="Map tiles of the portal's map view ({z}/{x}/{y}); empty: no map, the list"
        " only.",
    )
    map_attribution: str = Field(
        "© OpenStreetMap-bijdragers",
        description="Credit line shown on the map, as the tile server asks.",
    )
    rate_limit_per_key: int = Field(
        6000,
        description="Requests one API key may make per rate-limit window, per worker; 0: no limit.",
    )
    rate_limit_per_ip: int = Field(
        1200,
        description="Requests without a valid key one client IP may make per window, per worker;"
        " 0: no limit.",
    )
    rate_limit_window_seconds: int = Field(
        60, description="The rate-limit window in seconds; a full bucket refills over it."
    )
    max_request_bytes: int = Field(
        2_000_000, description="Largest request body in bytes; a larger one gets 413."
    )
    idempotency_key_hours: int = Field(
        24, description="Hours the answer to a create sent with an Idempotency-Key is kept."
    )
    cors_origins: str = Field(
        "*", description="Comma-separated origins browsers may call the API from; * for any."
    )
    cors_methods: str = Field(
        "GET,HEAD", description="Comma-separated methods browsers may use across origins."
    )
    webhooks: bool = Field(
        False, description="Run the webhook delivery loop inside each API worker."
    )
    webhook_interval_seconds: float = Field(
        2.0, description="How often an idle delivery loop looks for webhooks with changes to send."
    )
    webhook_timeout_seconds: float = Field(
        10.0, description="Seconds a webhook receiver gets to answer one delivery."
    )
    webhook_batch_size: int = Field(500, description="Most changes one webhook delivery carries.")
    webhook_max_failures: int = Field(
        15, description="Consecutive failed deliveries after which a webhook is disabled."
    )
    webhook_retry_seconds: int = Field(
        60, description="Wait after a first failed delivery; it doubles with every next failure."
    )
    webhook_retry_max_seconds: int = Field(
        21600, description="Longest wait between two attempts of a failing webhook."
    )
    webhook_allow_private: bool = Field(
        False,
        description="Allow webhook URLs on loopback and private networks (development, tests).",
    )
    max_upload_bytes: int = Field(
        50_000_000,
        description="Largest file in bytes an import upload (API or workspace) may be.",
    )
    import_worker: bool = Field(
        True,
        description="Run queued import jobs in a thread of each server process; off: run"
        " `cultuurhub jobs run --watch` beside the server.",
    )
    import_checkers: int | None = Field(
        None,
        description="Processes that check (validate and score) the records of an import of 500"
        " records or more beside the importing process; empty: one per core (at most 8); 0:"
        " none.",
    )
    import_batch_size: int = Field(
        2_000,
        description="Records an import stores in one transaction, all or nothing (at most"
        " `max_batch_size`): smaller batches are searchable sooner while the import goes on.",
    )
    import_poll_seconds: float = Field(
        2.0, description="How often an idle import worker looks for queued jobs."
    )
    import_stale_minutes: int = Field(
        240,
        description="An import job still running after this many minutes is marked failed"
        " (its worker stopped).",
    )
    import_fetch_timeout_seconds: float = Field(
        60.0, description="Seconds a registered import URL gets to answer."
    )
    import_allow_private: bool = Field(
        False,
        description="Allow import URLs on loopback and private networks (development, tests).",
    )
    import_max_findings: int = Field(
        100_000, description="Most findings one import job keeps; the rest are only counted."
    )
    session_secret: str | None = Field(
        None,
        description="Secret mixed into workspace session signatures; set one in production.",
    )
    session_hours: int = Field(8, description="How long a workspace sign-in lasts, in hours.")
    oai_page_size: int = Field(
        100, description="Records (or sets) per OAI-PMH list page; a resumption token gives more."
    )
    oai_repository_name: str = Field(
        "cultuurhub",
        description="Repository name in OAI-PMH Identify, and `edm:provider` in EDM output.",
    )
    oai_admin_email: str = Field(
        "admin@example.org", description="Contact address in OAI-PMH Identify; set a real one."
    )
    oai_token_secret: str | None = Field(
        None,
        description="Key that signs OAI-PMH resumption tokens; empty: derived from the base URL.",
    )


@dataclass(frozen=True)
class Setting:
    """A setting's environment variable, default and one line of help."""

    env: str
    default: Any
    help: str


def describe_settings() -> list[Setting]:
    """List every setting with its environment variable, default and help."""
    return [
        Setting(f"CULTUURHUB_{name.upper()}", field.default, field.description or "")
        for name, field in Settings.model_fields.items()
    ]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read once from the environment."""
    return Settings()
