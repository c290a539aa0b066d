"""«Utskrift og eksport»: a course's certificates, letters, sheets and workbooks from one button's menu."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QWidget

from coursekeeper.ui import role_gate
from coursekeeper.ui.tasks import TaskRunner

EXPORT_KINDS = ("participants", "attendance", "deposits", "refunds", "certificates", "followup")


class CourseDocumentsButton(QPushButton):
    """Certificates, refund letters, sign-in sheets and every Excel export of the course in ``course_id``."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course_id: int | None = None
        self.setText(self.tr("Utskrift og eksport"))
        self.dialog: QDialog | None = None
        menu = QMenu(self)
        self.issue_action = menu.addAction(self.tr("Utsted kursbevis …"))
        self.issue_action.triggered.connect(self.issue_certificates)
        menu.addSeparator()
        self.print_certificates_action = menu.addAction(self.tr("Skriv ut kursbevis …"))
        self.print_certificates_action.triggered.connect(functools.partial(self.certificates, True))
        self.save_certificates_action = menu.addAction(self.tr("Kursbevis (PDF) …"))
        self.save_certificates_action.triggered.connect(functools.partial(self.certificates, False))
        for action in (self.print_certificates_action, self.save_certificates_action):
            action.setToolTip(
                self.tr("Alle gyldige kursbevis på kurset; de som er skrevet ut før, merkes som duplikat")
            )
        certificates = (self.issue_action, self.print_certificates_action, self.save_certificates_action)
        role_gate.gate("can_edit_courses", *certificates)  # issuing and printing write the register
        menu.setToolTipsVisible(True)
        self.print_letters_action = menu.addAction(self.tr("Skriv ut brev om tilbakebetaling …"))
        self.print_letters_action.triggered.connect(functools.partial(self.refund_letters, True))
        self.save_letters_action = menu.addAction(self.tr("Brev om tilbakebetaling (PDF) …"))
        self.save_letters_action.triggered.connect(functools.partial(self.refund_letters, False))
        for action in (self.print_letters_action, self.save_letters_action):
            action.setToolTip(
                self.tr("Et brev til hver deltaker på kurset som skal ha egenandelen tilbake i dag")
            )
        menu.addSeparator()
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
        role_gate.gate("can_see_money", self.print_letters_action, self.save_letters_action)
        role_gate.gate("can_see_money", self.export_actions["deposits"], self.export_actions["refunds"])
        role_gate.gate("can_see_certificates", self.export_actions["certificates"])
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

    def issue_certificates(self, *_args: object) -> None:
        """«Utsted kursbevis» opened on this course."""
        from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog

        if self.course_id is not None:
            self.dialog = IssueCertificatesDialog(self.tasks, self.course_id, self.window())
            self.dialog.open()

    def certificates(self, to_printer: bool, *_args: object) -> None:
        """Print or save every valid certificate of the course (a reprint is marked as a duplicate)."""
        from coursekeeper.ui import printing_actions

        action = printing_actions.print_pdf if to_printer else printing_actions.save_pdf
        if self.course_id is not None:
            action(self.window(), self.tasks, kind="certificates", course_id=self.course_id, reprints=True)

    def refund_letters(self, to_printer: bool, *_args: object) -> None:
        """Print or save a letter to everyone on the course whose deposit is due back today."""
        from coursekeeper.ui import printing_actions

        action = printing_actions.print_pdf if to_printer else printing_actions.save_pdf
        if self.course_id is not None:
            action(self.window(), self.tasks, kind="refund-letters", course_id=self.course_id)

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
