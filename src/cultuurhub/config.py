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
