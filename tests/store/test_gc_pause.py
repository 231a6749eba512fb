"""The cyclic garbage collector is paused while imports and big batches of puts run, and
resumes after the last one."""

from __future__ import annotations

import gc
import threading
from uuid import UUID

from sqlalchemy import event

from cultuurhub.store import RecordDraft, Store
from cultuurhub.store.gc_pause import collector_paused


def test_the_collector_resumes_when_the_last_of_two_overlapping_imports_ends() -> None:
    assert gc.isenabled()
    first_inside, second_done = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_import() -> None:
        first_inside.wait()
        with collector_paused():
            seen.append(gc.isenabled())
        second_done.set()

    thread = threading.Thread(target=other_import)
    thread.start()
    with collector_paused():
        first_inside.set()
        second_done.wait()  # the other import ended while this one still runs
        seen.append(gc.isenabled())
    thread.join()
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_failed_import_resumes_the_collector_too() -> None:
    try:
        with collector_paused():
            raise ValueError("bad file")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_host_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_big_batch_of_puts_runs_with_the_collector_paused_and_a_single_put_does_not(
    store: Store,
) -> None:
    owner = store.create_organisation("Bibliotheek Gent", "bibliotheek").id
    enabled_while_writing: list[bool] = []
    listen = ("before_cursor_execute", lambda *_: enabled_while_writing.append(gc.isenabled()))
    event.listen(store.engine, *listen)
    try:
        store.put_batch([_book(owner, n) for n in range(150)], "t")
        assert enabled_while_writing and not any(enabled_while_writing)
        assert gc.isenabled()  # and it resumes
        enabled_while_writing.clear()
        store.put(_book(owner, 999), "t")
        assert enabled_while_writing and all(enabled_while_writing)
    finally:
        event.remove(store.engine, *listen)


def _book(owner: UUID, number: int) -> RecordDraft:
    document = {"name": {"nl": f"Voorleesuur {number}"}, "calendarType": "permanent"}
    return RecordDraft("event", owner, document)
