"""«Eksporter til Excel» for a course: ask for a file name, write on the worker, offer to open it.

Views call ``export_xlsx(parent, tasks, kind=…, course_id=…)``; the kinds are those of
``coursekeeper export`` (participants, attendance, deposits, refunds, certificates, followup).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from coursekeeper.errors import CourseKeeperError
from coursekeeper.services import exports
from coursekeeper.services.exports import ExportKind, ExportResult
from coursekeeper.ui import messages
from coursekeeper.ui.printing_actions import documents_folder, open_file
from coursekeeper.ui.tasks import Progress, TaskRunner

logger = logging.getLogger(__name__)

__all__ = ["ask_xlsx_path", "export_xlsx", "open_file"]


def kind_label(kind: ExportKind) -> str:
    """The export's name as the user sees it (translated)."""
    return {
        ExportKind.PARTICIPANTS: QCoreApplication.translate("export_actions", "Deltakerliste"),
        ExportKind.ATTENDANCE: QCoreApplication.translate("export_actions", "Oppmøte"),
        ExportKind.DEPOSITS: QCoreApplication.translate("export_actions", "Egenandeler"),
        ExportKind.REFUNDS: QCoreApplication.translate("export_actions", "Tilbakebetalinger"),
        ExportKind.CERTIFICATES: QCoreApplication.translate("export_actions", "Kursbevisregister"),
        ExportKind.FOLLOWUP: QCoreApplication.translate("export_actions", "Oppfølging"),
    }[kind]


def ask_xlsx_path(parent: QWidget | None, default: Path) -> Path | None:
    """Ask where to save the workbook; None when the user cancels (tests replace this)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export_actions", "Eksporter til Excel"),
        str(default),
        QCoreApplication.translate("export_actions", "Excel-arbeidsbøker (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def _write(progress: Progress, *, kind: str, course_id: int, out: Path) -> ExportResult:
    """On the worker: write the workbook, reporting progress (Cancel raises ``Cancelled``)."""
    return exports.export_kind(kind, course_id=course_id, out=out, progress=progress.update)


class _ExportFlow(QObject):
    """One export: the suggested name (worker), the save dialog, the workbook (worker), then open."""

    def __init__(self, parent: QWidget | None, tasks: TaskRunner, kind: ExportKind, course_id: int) -> None:
        super().__init__()  # a QObject for self.tr's counted texts; kept alive by the task callbacks
        self.owner = parent
        self.tasks = tasks
        self.kind = kind
        self.course_id = course_id

    def start(self) -> None:
        """Ask the worker for the default file name; continues in ``_on_named``."""
        self.tasks.run(
            functools.partial(exports.suggested_file_name, self.kind.value, self.course_id),
            label=QCoreApplication.translate("export_actions", "Forbereder eksport …"),
            on_done=self._on_named,
            parent=self.owner,
        )

    def _on_named(self, file_name: str) -> None:
        out = ask_xlsx_path(self.owner, documents_folder() / file_name)
        if out is None:
            return
        self.tasks.run(
            functools.partial(_write, kind=self.kind.value, course_id=self.course_id, out=out),
            label=QCoreApplication.translate("export_actions", "Skriver %1 …").replace(
                "%1", kind_label(self.kind).lower()
            ),
            on_done=self._on_written,
            on_error=self._on_failed,
            parent=self.owner,
        )

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            messages.show_error(
                self.owner,
                QCoreApplication.translate(
                    "export_actions", "Kunne ikke lagre filen. Er den åpen i Excel?\n%1"
                ).replace("%1", str(exc)),
            )
            return
        if isinstance(exc, CourseKeeperError):
            messages.show_error(self.owner, exc.message, "\n".join(exc.details) or None)
        else:
            messages.show_exception(self.owner, exc)

    def _on_written(self, result: ExportResult) -> None:
        text = (
            self.tr("%1 er lagret:\n%2\n%n rader.", "", result.rows)
            .replace("%1", kind_label(result.kind))
            .replace("%2", str(result.path))
        )
        if messages.confirm(
            self.owner,
            QCoreApplication.translate("export_actions", "Eksportert til Excel"),
            text + "\n\n" + QCoreApplication.translate("export_actions", "Vil du åpne filen nå?"),
            QCoreApplication.translate("export_actions", "Åpne filen"),
            safe=True,
        ):
            open_file(result.path)


def export_xlsx(parent: QWidget | None, tasks: TaskRunner, *, kind: str, course_id: int) -> None:
    """«Eksporter til Excel»: ask for a file name (in Documents), write it, offer to open it."""
    _ExportFlow(parent, tasks, ExportKind(kind), course_id).start()
