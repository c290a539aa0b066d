"""One database worker thread for the whole program, with delayed progress dialogs and Cancel.

Imported before the main window is first shown, so it imports only PySide6 and small modules: not
peewee (the worker connects on its first task), not the messages module or the dialogs, not the
``Qt`` namespace (building its ~120 enums costs ~10 ms; see main_window.py).
"""

from __future__ import annotations

import functools
import gc
import inspect
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from coursekeeper.errors import Cancelled, CourseKeeperError
from coursekeeper.services.worker_connection import connect_worker, disconnect_worker

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

logger = logging.getLogger(__name__)

#: Every data area; a restore touches all of them.
ALL_AREAS = frozenset(
    {
        "courses",
        "enrolments",
        "people",
        "screening",
        "attendance",
        "deposits",
        "certificates",
        "assignments",
        "audit",
        "settings",
    }
)

#: Milliseconds before a running task shows its progress dialog.
PROGRESS_DELAY_MS = 500
#: How often the GUI thread collects cyclic garbage (automatic collection is off, see TaskRunner).
GC_INTERVAL_MS = 500


class Progress:
    """Passed to long work: report ``i`` of ``n`` and learn whether the user pressed Cancel."""

    def __init__(self, job: _Job, report: Callable[[_Job, int, int, str], None]) -> None:
        self._job = job
        self._report = report
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        """True once the user pressed Cancel."""
        return self._job.cancel.is_set()

    def update(self, i: int, n: int, text: str = "") -> None:
        """Report progress (throttled); raises Cancelled once the user pressed Cancel."""
        if self._job.cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last >= 0.05 or i >= n:
            self._last = now
            self._report(self._job, i, n, text)


class _Job:
    """One queued call, its callbacks, its Cancel flag and its progress dialog (if shown)."""

    __slots__ = (
        "at_once",
        "cancel",
        "dialog",
        "dialog_allowed",
        "fn",
        "id",
        "label",
        "last_progress",
        "on_done",
        "on_error",
        "parent",
        "touches",
    )

    def __init__(
        self,
        id: int,
        fn: Callable[..., Any],
        label: str,
        touches: frozenset[str],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        parent: QWidget | None,
        dialog_allowed: bool = True,
        at_once: bool = False,
    ) -> None:
        self.id = id
        self.fn = fn
        self.label = label
        self.touches = touches
        self.on_done = on_done
        self.on_error = on_error
        self.parent = parent
        self.dialog_allowed = dialog_allowed
        self.at_once = at_once
        self.cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.last_progress: tuple[int, int, str] = (0, 0, "")


def _wants_progress(fn: Callable[..., Any]) -> bool:
    try:
        params = [
            p
            for p in inspect.signature(fn).parameters.values()
            if p.default is inspect.Parameter.empty
            and p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        ]
    except (TypeError, ValueError):
        return False
    return len(params) == 1


class TaskRunner(QObject):
    """Runs service calls one at a time on the database worker thread; results come back here."""

    #: Emitted with the set of data areas a successful task touched, so views reload.
    changed = Signal(object)
    #: Emitted when the last queued task has finished (tests wait on it).
    idle = Signal()
    _started = Signal(object)
    _progress = Signal(object, int, int, str)
    _finished = Signal(object, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._pending = 0
        # Emitted on the worker, received by this object on the GUI thread: Qt's automatic
        # connection type queues them (tests/gui/test_tasks.py checks the callbacks' thread).
        self._started.connect(self._on_started)
        self._progress.connect(self._on_progress)
        self._finished.connect(self._on_finished)
        self._thread = threading.Thread(target=self._work, name="coursekeeper-db", daemon=True)
        self._thread.start()
        # Python's cyclic garbage collector runs in whichever thread happens to allocate. On the
        # worker it freed PySide wrappers of GUI objects and crashed the GUI thread's event loop
        # (seen in the test suite: SIGSEGV in QUnifiedTimer). So, as Anki does, automatic collection
        # is off while a runner lives and the GUI thread collects on a timer instead.
        self._gc_was_enabled = gc.isenabled()
        gc.disable()
        self._gc_timer = QTimer(self)
        self._gc_timer.setInterval(GC_INTERVAL_MS)
        self._gc_timer.timeout.connect(self.collect_garbage)
        self._gc_timer.start()

    # -- GUI thread ---------------------------------------------------------------------------

    def run(
        self,
        fn: Callable[..., Any],
        *,
        label: str,
        touches: Iterable[str] = frozenset(),
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        parent: QWidget | None = None,
        dialog: bool = True,
        at_once: bool = False,
    ) -> None:
        """Queue ``fn`` (optionally taking a Progress) on the worker; call back on the GUI thread.

        ``dialog=False``: no progress dialog however long it takes (the caller shows its own state).
        ``at_once``: the progress dialog shows as the work starts, not after a short wait (for work
        the user just asked for and may wait seconds on, such as checking a batch of 990).
        """
        job = _Job(next(self._ids), fn, label, frozenset(touches), on_done, on_error, parent, dialog, at_once)
        self._pending += 1
        self._queue.put(job)

    def is_idle(self) -> bool:
        """True when no task is queued or running."""
        return self._pending == 0

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Process events until every queued task has finished (for tests and shutdown)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._pending and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        QCoreApplication.processEvents()
        return self._pending == 0

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop the worker after the queued tasks; its database connection is closed."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout_s)
        self._gc_timer.stop()
        gc.collect()
        if self._gc_was_enabled:
            gc.enable()

    @staticmethod
    def collect_garbage() -> None:
        """On the GUI thread: the generations automatic collection would have collected by now."""
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if gc.get_count()[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def _on_started(self, job: _Job) -> None:
        if not job.dialog_allowed:
            return
        QTimer.singleShot(
            0 if job.at_once else PROGRESS_DELAY_MS, self, functools.partial(self._show_dialog, job)
        )

    def _show_dialog(self, job: _Job) -> None:
        if job.id < 0 or job.cancel.is_set():
            return
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(job.label, self.tr("Avbryt"), 0, 0, job.parent)
        dialog.setWindowTitle(self.tr("Arbeider …"))
        from PySide6.QtCore import Qt

        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(380)
        if _wants_progress(job.fn):
            dialog.canceled.connect(job.cancel.set)
        else:
            dialog.setCancelButton(None)  # work that cannot stop half-way offers no Cancel
        job.dialog = dialog
        self._apply_progress(job)
        dialog.show()

    def _on_progress(self, job: _Job, i: int, n: int, text: str) -> None:
        job.last_progress = (i, n, text)
        self._apply_progress(job)

    @staticmethod
    def _apply_progress(job: _Job) -> None:
        if job.dialog is None:
            return
        i, n, text = job.last_progress
        job.dialog.setMaximum(max(n, 0))
        job.dialog.setValue(min(i, n) if n else 0)
        if text:
            job.dialog.setLabelText(f"{job.label}\n{text}")

    def _on_finished(self, job: _Job, ok: bool, value: object) -> None:
        self._pending -= 1
        if job.dialog is not None:
            job.dialog.hide()
            job.dialog.deleteLater()
            job.dialog = None
        job.id = -1  # a late progress-dialog timer for this job does nothing
        try:
            if ok:
                if job.touches:
                    self.changed.emit(set(job.touches))
                if job.on_done is not None:
                    job.on_done(value)
            else:
                self._report_error(job, value)  # type: ignore[arg-type]
        finally:
            if self._pending == 0:
                self.idle.emit()

    @staticmethod
    def _report_error(job: _Job, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        if job.on_error is not None:
            job.on_error(exc)
        else:
            report_error(job.parent, exc)

    # -- worker thread ------------------------------------------------------------------------

    @staticmethod
    def _announce(job: _Job) -> None:
        """Tell other program instances what this task changed; a failure here loses no data."""
        if not job.touches:
            return
        from coursekeeper.services.busy import retrying
        from coursekeeper.services.change_feed import announce

        try:
            retrying(announce, job.touches)
        except Exception:
            logger.warning("Could not announce the change of %s", sorted(job.touches), exc_info=True)

    def _report(self, job: _Job, i: int, n: int, text: str) -> None:
        self._progress.emit(job, i, n, text)

    def _work(self) -> None:
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                self._started.emit(job)
                try:
                    from coursekeeper.services.busy import retrying  # first task: after the first paint

                    args = (Progress(job, self._report),) if _wants_progress(job.fn) else ()
                    value = retrying(_connected, job.fn, *args)
                    self._announce(job)
                except BaseException as raised:
                    from coursekeeper.services.server_login import as_refusal  # not before the first paint

                    exc = as_refusal(raised, writing=bool(job.touches))  # "permission denied" in a sentence
                    if not isinstance(exc, (CourseKeeperError, Cancelled)):
                        logger.exception("Task %r failed", job.label)
                    self._finished.emit(job, False, exc)
                else:
                    self._finished.emit(job, True, value)
        finally:
            disconnect_worker()


def _connected(fn: Callable[..., Any], *args: object) -> Any:
    """Call ``fn`` on the worker's connection, connecting first (again, after a lost connection)."""
    connect_worker()
    return fn(*args)


def report_error(parent: QWidget | None, exc: BaseException) -> None:
    """What a task's error shows by default: a refusal in plain words, anything else with details."""
    from coursekeeper.ui import messages

    if isinstance(exc, CourseKeeperError):
        messages.show_error(parent, exc.message, "\n".join(exc.details) or None)
    elif not isinstance(exc, Cancelled):
        messages.show_exception(parent, exc)
