"""Keeping the index in step: where it lives, and a background thread that syncs it."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from sqlalchemy.engine import make_url

from cultuurhub.search.index import IndexBusy
from cultuurhub.search.service import SearchIndex
from cultuurhub.store import Store

log = logging.getLogger(__name__)


def default_index_path(database_url: str, configured: str | None = None) -> Path:
    """The index folder: the configured one, else beside a SQLite file, else ``var/search``."""
    if configured:
        return Path(configured)
    if database_url.startswith("sqlite"):
        database = make_url(database_url).database
        if database and database != ":memory:":
            return Path(database + ".search")
    return Path("var/search")


class Syncer:
    """A daemon thread that brings the index up to date every ``interval`` seconds.

    With several server processes only one holds the index writer at a time; the others find
    it busy and just reload what it committed.
    """

    def __init__(self, index: SearchIndex, store: Store, interval: float) -> None:
        self.index, self.store, self.interval = index, store, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="search-sync", daemon=True)

    def start(self) -> Syncer:
        """Start syncing in the background."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop and wait for the current sync to finish."""
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.index.sync(self.store)
            except IndexBusy:
                self.index.reload()
            except Exception:  # a failing sync must not kill the server; it retries
                log.exception("search index sync failed; retrying")
            self._stop.wait(self.interval)
