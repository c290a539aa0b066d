"""Kursbevis: the register; issue for a course, print or save the selected or a course's, revoke, verify."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services import certificates
from coursekeeper.services.certificate_register import CertificateRow, certificate_rows
from coursekeeper.ui import messages, navigation, role_gate
from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog
from coursekeeper.ui.dialogs.revoke_dialog import RevokeDialog
from coursekeeper.ui.dialogs.verify_dialog import VerifyDialog
from coursekeeper.ui.table_models import CENTER, Column, PagedRowTableModel, identifying_column
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.course_combo import CourseCombo
from coursekeeper.ui.widgets.rows_panel import RowsPanel
from coursekeeper.ui.widgets.search_field import SearchField

_REVOKED = QColor("#b3261e")


def record_duplicate_row(certificate_id: int, on: dt.date) -> tuple[str, str, int, dt.date]:
    """Record a reprint and return (number, name, duplicate number, date) read on the worker."""
    cert = certificates.record_duplicate(certificate_id, on)
    content = certificates.content_of(cert)
    return cert.number, f"{content['first_name']} {content['last_name']}", cert.duplicate_count, on


class RegisterModel(PagedRowTableModel):
    """Revoked certificates in red."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Red text for revoked rows; everything else as the base model."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            return QBrush(_REVOKED) if row is not None and not row.valid else None
        return super().data(index, role)


class RegisterPanel(RowsPanel):
    """Every certificate: number, name, course, issued, status, duplicates."""

    model_class = RegisterModel

    def make_columns(self) -> list[Column]:
        """The register's columns."""
        return [
            Column(self.tr("Nummer"), lambda r: r.number, sort_key=lambda r: r.number),
            identifying_column(self.tr("Navn"), lambda r: r.person_name),
            identifying_column(self.tr("Kurs"), lambda r: r.course_title),
            Column(self.tr("Utstedt"), lambda r: r.issued_on),
            Column(
                self.tr("Status"),
                self._status,
                sort_key=lambda r: (r.valid, r.revoked_at or dt.datetime.min),
                tooltip=self._status,
            ),
            Column(self.tr("Duplikater"), self._duplicates, CENTER, lambda r: r.duplicate_count),
            Column(self.tr("Kontrollkode"), lambda r: r.code, sort_key=lambda r: r.code),
        ]

    def _status(self, row: CertificateRow) -> str:
        if row.valid:
            return self.tr("Gyldig")
        text = self.tr("Tilbakekalt %1").replace("%1", format_date(row.revoked_at.date()))
        return f"{text}: {row.revoked_reason}" if row.revoked_reason else text

    def _duplicates(self, row: CertificateRow) -> str:
        if not row.duplicate_count:
            return ""
        return (
            self.tr("%1 (sist %2)")
            .replace("%1", str(row.duplicate_count))
            .replace("%2", format_date(row.last_duplicate_on))
        )


class CertificatesView(QWidget):
    """The register with its actions; «Utsted kursbevis» works on the chosen course."""

    areas = frozenset({"certificates", "enrolments", "courses", "people", "attendance", "deposits"})

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.dialog: QDialog | None = None
        self.menu: QMenu | None = None
        title = QLabel(self.tr("Kursbevis"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.course = CourseCombo(tasks, all_text=self.tr("Alle kurs"))
        self.course.course_changed.connect(self._on_course_changed)
        self.search = SearchField(self.tr("Søk etter nummer, navn eller kurs (Ctrl+F)"))
        self.search.search.connect(self._on_search)
        self.panel = RegisterPanel(tasks, multi_select=True)
        self.panel.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.panel.model.modelReset.connect(self._update_buttons)
        self.panel.table.doubleClicked.connect(self.open_person)
        self.panel.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.panel.table.customContextMenuRequested.connect(self._show_menu)

        self.print_button = QPushButton(self.tr("Skriv ut …"))
        self.print_button.setObjectName("printCertificates")
        self.print_button.clicked.connect(self.print_certificates)
        self.save_button = QPushButton(self.tr("Lagre som PDF …"))
        self.save_button.setObjectName("saveCertificates")
        self.save_button.clicked.connect(self.save_certificates)

        self.issue_button = QPushButton(self.tr("Utsted kursbevis …"))
        self.issue_button.setToolTip(self.tr("Vis hvem på kurset som får kursbevis, og utsted dem (Ctrl+N)"))
        self.issue_button.clicked.connect(self.new_item)
        self.revoke_button = QPushButton(self.tr("Tilbakekall …"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.duplicate_button = QPushButton(self.tr("Registrer duplikat …"))
        self.duplicate_button.setToolTip(self.tr("Et nytt eksemplar med samme nummer, merket som duplikat"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.verify_button = QPushButton(self.tr("Kontroller kursbevis …"))
        self.verify_button.clicked.connect(self.open_verify)
        role_gate.gate("can_edit_courses", self.issue_button, self.revoke_button, self.duplicate_button)

        bar = QHBoxLayout()
        course_label = QLabel(self.tr("&Kurs:"))
        course_label.setBuddy(self.course)
        bar.addWidget(course_label)
        bar.addWidget(self.course, 2)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.verify_button)
        for button in (
            self.issue_button,
            self.print_button,
            self.save_button,
            self.revoke_button,
            self.duplicate_button,
        ):
            self.panel.buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.panel, 1)
        self._update_buttons()

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Refresh the course list and the register."""
        self.course.reload()
        self._load()

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N: «Utsted kursbevis» for the chosen course."""
        if not role_gate.allowed().can_edit_courses:
            return
        self.dialog = IssueCertificatesDialog(self.tasks, self.course.course_id(), self)
        self.dialog.open()

    # -- actions -----------------------------------------------------------------------------

    def print_certificates(self) -> None:
        """«Skriv ut»: the selected certificates, or with none selected all of the chosen course."""
        self._print(to_printer=True)

    def save_certificates(self) -> None:
        """«Lagre som PDF»: the selected certificates, or with none selected all of the chosen course."""
        self._print(to_printer=False)

    def _print(self, *, to_printer: bool) -> None:
        # Imported here: the PDF machinery is not needed to show the register.
        from coursekeeper.ui import printing_actions

        action = printing_actions.print_pdf if to_printer else printing_actions.save_pdf
        rows: list[CertificateRow] = self.panel.selected_rows()
        course_id = self.course.course_id()
        if rows:
            # Revoked ones are left out by the service, which says so after printing.
            action(self, self.tasks, kind="certificates", certificate_ids=[r.id for r in rows], reprints=True)
        elif course_id is not None:
            action(self, self.tasks, kind="certificates", course_id=course_id, reprints=True)

    def open_person(self) -> None:
        """Double-click or «Åpne personen»: the selected certificate's person in Personer."""
        row: CertificateRow | None = self.panel.table.current_row()
        if row is not None:
            navigation.open_person(self, row.person_id)

    def _show_menu(self, position: QPoint) -> None:
        """Right-click: the same actions as the buttons, on the selected rows."""
        if not self.panel.selected_rows():
            return
        menu = QMenu(self)
        for button in (self.print_button, self.save_button, None, self.duplicate_button, self.revoke_button):
            if button is None:
                menu.addSeparator()
                continue
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.addSeparator()
        menu.addAction(self.tr("Åpne personen"), self.open_person)
        self.menu = menu
        menu.popup(self.panel.table.viewport().mapToGlobal(position))

    def open_verify(self) -> None:
        """«Kontroller kursbevis»: check a code."""
        self.dialog = VerifyDialog(self.tasks, self)
        self.dialog.open()

    def revoke_selected(self) -> None:
        """Revoke the selected certificate with a reason."""
        row: CertificateRow | None = self.panel.table.current_row()
        if row is None or not row.valid:
            return
        RevokeDialog(row, self).run_when_accepted(
            self.tasks,
            certificates.revoke,
            label=self.tr("Tilbakekaller kursbevis …"),
            touches={"certificates"},
            on_done=functools.partial(self._on_revoked, row.number),
        )

    def _on_revoked(self, number: str, _cert: object) -> None:
        messages.show_info(self, self.tr("Kursbevis %1 er tilbakekalt.").replace("%1", number))

    def duplicate_selected(self) -> None:
        """Record a reprint of the selected certificate as a duplicate (same number)."""
        row: CertificateRow | None = self.panel.table.current_row()
        if row is None or not row.valid:
            return
        ok = messages.confirm(
            self,
            self.tr("Registrer duplikat"),
            self.tr(
                "Kursbevis %1 for %2 får et nytt eksemplar med samme nummer, merket som duplikat. "
                "Registrere duplikatet nå?"
            )
            .replace("%1", row.number)
            .replace("%2", row.person_name),
            self.tr("Registrer duplikat"),
            safe=True,
        )
        if not ok:
            return
        self.tasks.run(
            functools.partial(record_duplicate_row, row.id, dt.date.today()),
            label=self.tr("Registrerer duplikat …"),
            touches={"certificates"},
            on_done=self._on_duplicate,
            parent=self,
        )

    def _on_duplicate(self, result: tuple[str, str, int, dt.date]) -> None:
        number, name, count, day = result
        messages.show_info(
            self,
            self.tr("Kursbevis %1 for %2 er registrert som duplikat nr. %3, datert %4.")
            .replace("%1", number)
            .replace("%2", name)
            .replace("%3", str(count))
            .replace("%4", format_date(day)),
        )

    # -- internals ---------------------------------------------------------------------------

    def _load(self) -> None:
        self.panel.load(
            functools.partial(certificate_rows, course_id=self.course.course_id()),
            self.tr("Henter kursbevisregisteret …"),
        )

    def _on_course_changed(self, _course_id: int | None) -> None:
        self._load()
        self._update_buttons()

    def _on_search(self, text: str) -> None:
        self.panel.set_search(text)

    def _update_buttons(self) -> None:
        rows: list[CertificateRow] = self.panel.selected_rows()
        # Revoking and recording a duplicate by hand are deliberate acts on one certificate at a time.
        usable = len(rows) == 1 and rows[0].valid
        self.revoke_button.setEnabled(usable)
        self.duplicate_button.setEnabled(usable)
        valid = sum(1 for r in rows if r.valid)
        if rows:
            self.print_button.setText(self.tr("Skriv ut valgte (%1) …").replace("%1", str(valid)))
            self.save_button.setText(self.tr("Lagre valgte som PDF (%1) …").replace("%1", str(valid)))
            tip = self.tr("Kursbevis som er skrevet ut før, blir merket og registrert som duplikat.")
        else:
            self.print_button.setText(self.tr("Skriv ut kurset …"))
            self.save_button.setText(self.tr("Lagre kurset som PDF …"))
            tip = self.tr(
                "Alle gyldige kursbevis på kurset som er valgt over. Velg rader for å skrive ut bare dem."
            )
        for button in (self.print_button, self.save_button):
            button.setEnabled(valid > 0 if rows else self.course.course_id() is not None)
            button.setToolTip(tip)
