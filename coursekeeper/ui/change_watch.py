"""Other instances' changes reach the open views (DESIGN §8).

The change feed is polled on a thread of its own (``services.change_feed.BackgroundWatch``), so a
server that does not answer never freezes the window; a timer here only picks up what was heard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from coursekeeper.services.change_feed import EVERYTHING, BackgroundWatch, ChangeWatcher, open_watcher
from coursekeeper.ui.tasks import ALL_AREAS

#: How often the feed is polled; a change shows in another instance within this, TAKE_MS and one
#: view reload.
POLL_MS = 1000
#: How often the window picks up what the watch thread heard (a queue read, no database).
TAKE_MS = 200


class ChangeWatch(QObject):
    """Emits ``changed(areas)`` when another program instance wrote to the same database."""

    changed = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
        opener: Callable[[], ChangeWatcher] = open_watcher,
    ) -> None:
        super().__init__(parent)
        self._watch = BackgroundWatch(interval_ms / 1000, opener)
        self._timer = QTimer(self)
        self._timer.setInterval(min(TAKE_MS, interval_ms))
        self._timer.timeout.connect(self.take)
        self._timer.start()

    def take(self) -> None:
        """Emit what the watch thread heard since the last look (everything after an outage)."""
        areas = self._watch.take()
        if EVERYTHING in areas:
            areas = set(ALL_AREAS)
        if areas:
            self.changed.emit(areas)

    def stop(self) -> None:
        """Stop looking; the watch thread closes its connection."""
        self._timer.stop()
        self._watch.stop()
