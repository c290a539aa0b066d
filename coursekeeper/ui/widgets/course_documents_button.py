"""«Utskrift og eksport»: a course's PDFs and Excel workbooks from one button with a menu."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from coursekeeper.ui.tasks import TaskRunner

EXPORT_KINDS = ("participants", "attendance", "deposits", "refunds", "certificates", "followup")


class CourseDocumentsButton(QPushButton):
    """Sign-in sheets as PDF and every Excel export of the course set in ``course_id``."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course_id: int | None = None
        self.setText(self.tr("Utskrift og eksport"))
        menu = QMenu(self)
        self.sign_in_action = menu.addAction(self.tr("Oppmøtelister (PDF) …"))
        self.sign_in_action.setToolTip(
            self.tr("Lagre oppmøtelister for hver økt som PDF, klare til utskrift")
        )
        self.sign_in_action.triggered.connect(self.save_sign_in_sheets)
        menu.addSeparator()
        self.export_actions = {}
        for kind in EXPORT_KINDS:
            action = menu.addAction(self._export_label(kind))
            action.triggered.connect(functools.partial(self.export_xlsx, kind))
            self.export_actions[kind] = action
        self.setMenu(menu)

    def _export_label(self, kind: str) -> str:
        return {
            "participants": self.tr("Deltakerliste (Excel) …"),
            "attendance": self.tr("Oppmøte (Excel) …"),
            "deposits": self.tr("Egenandeler (Excel) …"),
            "refunds": self.tr("Tilbakebetalinger (Excel) …"),
            "certificates": self.tr("Kursbevisregister (Excel) …"),
            "followup": self.tr("Oppfølgingsliste til kommunen (Excel) …"),
        }[kind]

    def save_sign_in_sheets(self, *_args: object) -> None:
        """Sign-in sheets for every session as one PDF (written on the worker)."""
        # Imported here: the PDF and Excel machinery is not needed to start the program.
        from coursekeeper.ui import printing_actions

        if self.course_id is not None:
            printing_actions.save_pdf(self.window(), self.tasks, kind="attendance", course_id=self.course_id)

    def export_xlsx(self, kind: str, *_args: object) -> None:
        """Write one of the course's Excel workbooks (file name asked for, written on the worker)."""
        from coursekeeper.ui import export_actions

        if self.course_id is not None:
            export_actions.export_xlsx(self.window(), self.tasks, kind=kind, course_id=self.course_id)
