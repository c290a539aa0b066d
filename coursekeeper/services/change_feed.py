"""Everyone sees the same (DESIGN §8): a write is announced, other program instances hear it.

After a task wrote, :func:`announce` names the data areas it touched. PostgreSQL carries them to
every listening instance with ``NOTIFY``; on SQLite each area has a row ``changed:<area>`` in the
key/value settings, and a :class:`ChangeWatcher` looks at them only when ``PRAGMA data_version``
says another connection committed (a check that reads no table). Each instance ignores its own
announcements: its views already reloaded when its task finished.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable

import peewee as pw

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import AppSetting

logger = logging.getLogger(__name__)

CHANNEL = "coursekeeper_changes"
KEY_PREFIX = "changed:"
#: This program instance; its own announcements are not news to it.
ORIGIN = uuid.uuid4().hex
#: The area heard after the watcher was away: anything may have changed meanwhile.
EVERYTHING = "*"


def announce(areas: Iterable[str], *, origin: str = ORIGIN) -> None:
    """Tell other instances that ``areas`` changed (one small transaction)."""
    names = sorted(set(areas))
    if not names:
        return
    with database.atomic():
        if is_sqlite(database):
            stamp = f"{origin} {time.time_ns()}"
            AppSetting.insert_many(
                [(KEY_PREFIX + a, stamp) for a in names], [AppSetting.key, AppSetting.value]
            ).on_conflict(conflict_target=[AppSetting.key], update={AppSetting.value: stamp}).execute()
        else:
            payload = json.dumps({"origin": origin, "areas": names})
            database.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


class ChangeWatcher:
    """Hears other instances' announcements on a connection of its own; :meth:`poll` is cheap."""

    def __init__(self, db: pw.Database, *, origin: str = ORIGIN) -> None:
        self._origin = origin
        self._sqlite = is_sqlite(db)
        self._conn = db._connect()  # a raw connection outside peewee's per-thread state
        self._seen: dict[str, str] = {}
        if self._sqlite:
            self._version = self._data_version()
            self._seen = self._stamps()
        else:
            self._conn.autocommit = True
            self._conn.execute(f"LISTEN {CHANNEL}")

    def poll(self) -> set[str]:
        """The areas other instances changed since the last poll (empty when none)."""
        return self._poll_sqlite() if self._sqlite else self._poll_postgres()

    def close(self) -> None:
        """Close the watcher's connection."""
        self._conn.close()

    def _poll_postgres(self) -> set[str]:
        areas: set[str] = set()
        for note in self._conn.notifies(timeout=0):
            message = json.loads(note.payload)
            if message.get("origin") != self._origin:
                areas.update(message.get("areas", ()))
        return areas

    def _data_version(self) -> int:
        return self._conn.execute("PRAGMA data_version").fetchone()[0]

    def _stamps(self) -> dict[str, str]:
        try:
            rows = self._conn.execute(
                f"SELECT key, value FROM {AppSetting._meta.table_name} WHERE key LIKE ?", (KEY_PREFIX + "%",)
            ).fetchall()
        except sqlite3.OperationalError:  # busy: look again next time
            return dict(self._seen)
        return {key[len(KEY_PREFIX) :]: value for key, value in rows}

    def _poll_sqlite(self) -> set[str]:
        version = self._data_version()
        if version == self._version:
            return set()
        self._version = version
        stamps = self._stamps()
        changed = {
            area
            for area, stamp in stamps.items()
            if stamp != self._seen.get(area) and not stamp.startswith(self._origin + " ")
        }
        self._seen = stamps
        return changed


def open_watcher() -> ChangeWatcher:
    """A watcher on the database the program has open."""
    return ChangeWatcher(database.obj)


class BackgroundWatch:
    """A :class:`ChangeWatcher` polled on a thread of its own; :meth:`take` never waits.

    Connecting to a server that does not answer can block for as long as the connect timeout;
    here that blocks only this thread, never the caller (the window's event loop). When the
    server went away, the thread connects again on a later round and then reports
    ``EVERYTHING``, because what changed meanwhile was not heard.
    """

    def __init__(self, interval_s: float, opener: Callable[[], ChangeWatcher] = open_watcher) -> None:
        self._heard: queue.SimpleQueue[set[str]] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(opener, interval_s), name="change-watch", daemon=True
        )
        self._thread.start()

    def take(self) -> set[str]:
        """The areas heard since the last call (empty when none)."""
        areas: set[str] = set()
        while True:
            try:
                areas |= self._heard.get_nowait()
            except queue.Empty:
                return areas

    def stop(self, timeout_s: float = 1.0) -> None:
        """Stop looking; a thread still waiting for a dead server is left to end by itself."""
        self._stop.set()
        self._thread.join(timeout_s)

    def is_alive(self) -> bool:
        """True while the thread runs."""
        return self._thread.is_alive()

    def _run(self, opener: Callable[[], ChangeWatcher], interval_s: float) -> None:
        watcher: ChangeWatcher | None = None
        missed = False
        try:
            while not self._stop.is_set():
                try:
                    if watcher is None:
                        watcher = opener()
                        if missed:
                            self._heard.put({EVERYTHING})
                    elif areas := watcher.poll():
                        self._heard.put(areas)
                    missed = False
                except Exception:
                    if not missed:  # once per outage, not every round
                        logger.warning("Could not look for other users' changes", exc_info=True)
                    missed = True
                    watcher = _closed(watcher)
                self._stop.wait(interval_s)
        finally:
            _closed(watcher)


def _closed(watcher: ChangeWatcher | None) -> None:
    """Close ``watcher`` (its connection may be gone already); None, to forget it."""
    if watcher is not None:
        try:
            watcher.close()
        except Exception:
            logger.debug("Closing the watcher failed", exc_info=True)
    return None
