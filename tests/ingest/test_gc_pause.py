"""The cyclic garbage collector is paused while imports run, and resumes after the last one."""

from __future__ import annotations

import gc
import threading

from cultuurhub.ingest.gc_pause import collector_paused


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
