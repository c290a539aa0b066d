"""Other instances' changes reach the open views: a timer polls the change feed (DESIGN §8)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from coursekeeper.services.change_feed import ChangeWatcher, open_watcher
from coursekeeper.ui.tasks import ALL_AREAS

logger = logging.getLogger(__name__)

#: How often to look; a change shows in another instance within this and one view reload.
POLL_MS = 1000


class ChangeWatch(QObject):
    """Emits ``changed(areas)`` when another program instance wrote to the same database."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._watcher: ChangeWatcher | None = open_watcher()
        self._failing = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> None:
        """Look once (a PRAGMA or a socket read, no table scan) and emit what others changed.

        When the server went away, the watcher connects again on a later tick; everything is
        reloaded then, because what changed meanwhile was not heard.
        """
        try:
            if self._watcher is None:
                self._watcher = open_watcher()
                areas = set(ALL_AREAS)
            else:
                areas = self._watcher.poll()
        except Exception:
            if not self._failing:  # once per outage, not every second
                logger.warning("Could not look for other users' changes", exc_info=True)
            self._failing = True
            self._drop()
            return
        self._failing = False
        if areas:
            self.changed.emit(areas)

    def _drop(self) -> None:
        if self._watcher is None:
            return
        try:
            self._watcher.close()
        except Exception:  # the connection is already gone
            logger.debug("Closing the watcher failed", exc_info=True)
        self._watcher = None

    def stop(self) -> None:
        """Stop looking and close the watcher's connection."""
        self._timer.stop()
        self._drop()
