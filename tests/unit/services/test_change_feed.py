"""DESIGN §8: a change through one connection is heard by another instance's watcher within 2 s."""

from __future__ import annotations

import threading
import time

from coursekeeper.db.connection import database
from coursekeeper.services import enrolments
from coursekeeper.services.change_feed import announce, open_watcher
from tests import factories as f


def _elsewhere(write) -> None:
    """``write`` on another thread with its own connection, as another program instance would."""

    def run() -> None:
        database.connect(reuse_if_open=True)
        try:
            write()
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)


def _heard_within(watcher, seconds: float) -> set[str]:
    deadline = time.monotonic() + seconds
    heard: set[str] = set()
    while time.monotonic() < deadline and not heard:
        heard = watcher.poll()
        time.sleep(0.05)
    return heard


def test_another_instances_change_is_heard_with_its_areas(db) -> None:
    e = f.enrol(f.course())
    watcher = open_watcher()
    try:
        assert watcher.poll() == set()

        def reject_and_announce() -> None:
            enrolments.reject(e)
            announce({"enrolments", "deposits"}, origin="kollega")

        started = time.monotonic()
        _elsewhere(reject_and_announce)
        assert _heard_within(watcher, 2.0) == {"enrolments", "deposits"}
        assert time.monotonic() - started < 2.0
        assert watcher.poll() == set()  # heard once
    finally:
        watcher.close()


def test_an_instance_does_not_hear_its_own_changes(db) -> None:
    watcher = open_watcher()
    try:
        _elsewhere(lambda: announce({"people"}))
        _elsewhere(lambda: announce({"courses"}, origin="kollega"))
        assert _heard_within(watcher, 2.0) == {"courses"}
    finally:
        watcher.close()
