"""A small demo hub for the page tests: SQLite store with demo data and its search index."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from cultuurhub.demo import load_demo
from cultuurhub.search import SearchIndex
from cultuurhub.store import Store

DEMO_SIZE = 300
PUBLISHED = ("APPROVED", "READY_FOR_VALIDATION", "ACTIVE")


@dataclass
class DemoHub:
    """A store loaded with demo data and a search index in step with it."""

    store: Store
    search: SearchIndex

    def ids(self, record_type: str) -> list[UUID]:
        """Return the ids of the live records of one type, in id order."""
        return [record_id for record_id, _, _ in self.store.documents_of_type(record_type)]

    def documents(self, record_type: str) -> list[tuple[UUID, dict[str, Any]]]:
        """Return (id, document) of the live records of one type."""
        return [(rid, doc) for rid, _, doc in self.store.documents_of_type(record_type)]

    def first(
        self, record_type: str, wanted: Callable[[dict[str, Any]], bool]
    ) -> tuple[UUID, dict[str, Any]]:
        """Return the first published record of a type that ``wanted`` accepts."""
        for record_id, document in self.documents(record_type):
            if document.get("workflowStatus") in PUBLISHED and wanted(document):
                return record_id, document
        raise LookupError(f"the demo data has no such {record_type}")

    def close(self) -> None:
        """Release the store's connections."""
        self.store.close()


def build_demo_hub(folder: Path, size: int = DEMO_SIZE) -> DemoHub:
    """Create an SQLite store in ``folder``, load ``size`` demo records, and index them."""
    store = Store(f"sqlite:///{folder / 'hub.db'}")
    store.upgrade()
    load_demo(store, size)
    return DemoHub(store, index_of(store))


def index_of(store: Store) -> SearchIndex:
    """Return an in-memory search index holding everything in ``store``."""
    index = SearchIndex()
    index.sync(store)
    return index
