"""What the program does by itself around the user's work (DESIGN §6): backups and the retention rules.

At start (once the database is open) it takes the day's first automatic backup on the worker,
then shows a notice when the newest backup is older than a week, and one when the retention
rules have something to delete. When the window closes it takes the closing backup. Nothing here
interrupts: a failed backup becomes a notice, never a dialog, and the program carries on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject

from coursekeeper.errors import CourseKeeperError
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.notice_bar import NoticeBar

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartFindings:
    """What the start-up round found, for the notices."""

    backup_error: str | None
    stale_backup: str | None
    retention: str | None


def start_round() -> StartFindings:
    """On the worker: the day's first backup if due, then the backup age and the retention plan."""
    from coursekeeper.services import auto_backups

    error = None
    try:
        if auto_backups.due_at_start():
            auto_backups.take_automatic()
    except CourseKeeperError as exc:
        error = exc.message
    return StartFindings(error, auto_backups.stale_warning(), retention_due())


def retention_due() -> str | None:
    """On the worker: what the retention rules would delete now, in a sentence (None: nothing)."""
    from coursekeeper.services import permissions, retention

    # Only an administrator may carry out the retention rules (and only they read every note).
    plan = retention.plan() if permissions.current().can_erase else None
    return None if plan is None or plan.empty else plan.summary()


def closing_backup() -> None:
    """On the worker: the backup taken when the program closes (when switched on)."""
    from coursekeeper.db.connection import database, is_sqlite
    from coursekeeper.services import auto_backups

    chosen = auto_backups.get_settings()
    if chosen.enabled and chosen.on_close and is_sqlite(database):
        auto_backups.take_automatic()


class Housekeeping(QObject):
    """Runs the start-up round and the closing backup for one main window."""

    def __init__(
        self, tasks: TaskRunner, notices: NoticeBar, open_settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.notices = notices
        self.open_settings = open_settings

    def start(self) -> None:
        """Queue the start-up round (no progress dialog: it is not the user's work)."""
        self.tasks.run(
            start_round,
            label=self.tr("Tar sikkerhetskopi …"),
            on_done=self._show,
            on_error=self._failed,
            dialog=False,
        )

    def _show(self, found: StartFindings) -> None:
        action = (self.tr("Innstillinger …"), self.open_settings)
        backup_text = found.backup_error or found.stale_backup
        if backup_text:
            self.notices.show_notice("backup", backup_text, action)
        else:
            self.notices.hide_notice("backup")
        self._show_retention(found.retention)

    def _show_retention(self, due: str | None) -> None:
        if not due:
            self.notices.hide_notice("retention")
            return
        text = self.tr("Personvern: %1 Se listen og bekreft under Innstillinger.").replace("%1", due)
        self.notices.show_notice("retention", text, (self.tr("Innstillinger …"), self.open_settings))

    def people_changed(self) -> None:
        """People were changed or deleted: a retention notice on screen is brought up to date."""
        if any(notice.key == "retention" for notice in self.notices.notices()):
            self.tasks.run(
                retention_due, label=self.tr("Personvern"), on_done=self._show_retention, dialog=False
            )

    def _failed(self, exc: BaseException) -> None:
        logger.warning("Start-up housekeeping failed: %s", exc, exc_info=exc)

    def on_close(self) -> None:
        """Take the closing backup and wait for it (errors go to the log; the next start tells)."""
        self.tasks.run(
            closing_backup, label=self.tr("Tar sikkerhetskopi …"), on_error=self._failed, dialog=False
        )
        self.tasks.wait_idle(60_000)
