"""Cyclic garbage collection paused while a bulk import, a batch of puts or a search index
sync runs.

An import holds every record of a file in memory at once (parsed input, validated models,
drafts): hundreds of thousands of long-lived objects. CPython's collector walks all of them in
each full collection, which took a quarter of an import's time (measured in ``bench/``); a
batch of puts allocates a few tuples per record, which sets off collections of everything a
bulk writer holds; a search index sync holds a page of up to 20,000 parsed documents. None of
them makes reference cycles that need collecting while it runs, so the collector is paused for
its duration and resumes, with a collection of the young generations, when the last of them in
the process is done. Reference counting frees memory as usual meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause cyclic garbage collection until every import or batch that paused it has ended."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            resume = _running == 0 and _was_enabled
            if resume:
                gc.enable()
        if resume:
            gc.collect(1)
