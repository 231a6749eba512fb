"""Demo records shared by the demo tests (generated once per session)."""

from __future__ import annotations

import pytest

from cultuurhub.demo import DemoRecord, generate

SIZE = 6000


@pytest.fixture(scope="session")
def demo_records() -> list[DemoRecord]:
    """A demo of 6,000 records with the default seed."""
    return list(generate(SIZE))


@pytest.fixture(scope="session")
def by_type(demo_records: list[DemoRecord]) -> dict[str, list[DemoRecord]]:
    """The same records grouped by type."""
    grouped: dict[str, list[DemoRecord]] = {}
    for record in demo_records:
        grouped.setdefault(record.type, []).append(record)
    return grouped
