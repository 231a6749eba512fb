"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
