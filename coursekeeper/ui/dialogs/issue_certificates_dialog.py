"""Utsted kursbevis: who on a course gets a certificate, why the others do not, and issuing."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coursekeeper.errors import Cancelled, CourseKeeperError
from coursekeeper.i18n import tr
from coursekeeper.services import certificate_batches, certificates
from coursekeeper.services.certificate_register import certificate_rows
from coursekeeper.services.certificates import Eligibility
from coursekeeper.services.deposit_overview import DepositRow, deposit_rows
from coursekeeper.ui import messages
from coursekeeper.ui.dialogs.payment_dialog import record_payments
from coursekeeper.ui.table_models import Column, PagedRowTableModel, identifying_column
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.course_combo import CourseCombo
from coursekeeper.ui.widgets.form_fields import date_edit, date_of, set_date
from coursekeeper.ui.widgets.rows_panel import RowsPanel

_GREEN, _RED = QColor("#1b5e20"), QColor("#8c1d18")


def issue_and_describe(course_id: int, issued_on: dt.date) -> list[tuple[str, str]]:
    """Issue every qualifying certificate (one transaction); (number, name) of each, read on the worker."""
    issued = certificates.issue_for_course(course_id, issued_on)
    result = []
    for cert in issued:
        content = certificates.content_of(cert)
        result.append((cert.number, f"{content['first_name']} {content['last_name']}"))
    return result


def issued_with_ids(issue: Callable[[], list[tuple[str, str]]], course_id: int) -> list[tuple[int, str, str]]:
    """Run ``issue`` on the worker and add each new certificate's id, so they can be printed."""
    issued = issue()
    ids = {row.number: row.id for row in certificate_rows(course_id=course_id)}
    return [(ids[number], number, name) for number, name in issued]


def unpaid_deposit_rows(course_id: int, enrolment_ids: set[int]) -> list[DepositRow]:
    """The deposit rows of the chosen enrolments that still owe something, read on the worker."""
    rows = deposit_rows(course_id=course_id, as_of=dt.date.today())
    return [r for r in rows if r.enrolment_id in enrolment_ids and r.outstanding_ore > 0]


#: The service's reason for an unpaid deposit (Norwegian, or in the chosen language once translated).
UNPAID = "Egenandelen er ikke betalt."


def owes_deposit(row: Eligibility) -> bool:
    """True when the deposit is what stands between this participant and a certificate."""
    return row.certificate_number is None and bool({UNPAID, tr(UNPAID)} & set(row.reasons))


def _ordered_eligibility(course_id: int) -> list[Eligibility]:
    rows = certificates.eligibility(course_id)
    return sorted(rows, key=lambda e: (not e.eligible, e.certificate_number is not None))


def _reasons(row: Eligibility) -> str:
    # Someone who already has a certificate needs no explanation beyond its number.
    return "" if row.certificate_number else " ".join(row.reasons)


class EligibilityModel(PagedRowTableModel):
    """Eligible rows in green, the others in dark red."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Colour by eligibility; everything else as the base model."""
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.certificate_number is None:
                return QBrush(_GREEN if row.eligible else _RED)
            return None
        return super().data(index, role)


class EligibilityPanel(RowsPanel):
    """Who gets a certificate and why not."""

    model_class = EligibilityModel

    def make_columns(self) -> list[Column]:
        """Name, the verdict, the reasons."""
        return [
            identifying_column(self.tr("Navn"), lambda r: r.person_name),
            Column(
                self.tr("Kursbevis"),
                self._verdict,
                sort_key=lambda r: (not r.eligible, r.certificate_number or ""),
            ),
            Column(self.tr("Hvorfor ikke"), _reasons, sort_key=_reasons, stretch=True),
        ]

    def _verdict(self, row: Eligibility) -> str:
        if row.certificate_number:
            return self.tr("Har %1").replace("%1", row.certificate_number)
        return self.tr("Får kursbevis") if row.eligible else self.tr("Får ikke")


class IssueCertificatesDialog(QDialog):
    """Lists everyone accepted on a course; issue to all who qualify, or to the selected, in one step."""

    def __init__(
        self,
        tasks: TaskRunner,
        course_id: int | None,
        parent: QWidget | None = None,
        *,
        preselect: Iterable[int] = (),
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._preselect = set(preselect)
        self.setWindowTitle(self.tr("Utsted kursbevis"))
        self.resize(760, 460)
        self.course = CourseCombo(tasks, all_text=None)
        self.course.course_changed.connect(self._on_course_changed)
        self.issued_on = date_edit()
        self.panel = EligibilityPanel(tasks, multi_select=True, text_of=lambda r: r.person_name)
        self.panel.loaded.connect(self._update_summary)
        self.panel.loaded.connect(self._select_preselected)
        self.panel.table.selectionModel().selectionChanged.connect(self._update_selected_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.issue_button = QPushButton(self.tr("Utsted kursbevis"))
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.issue)
        self.selected_button = QPushButton(self.tr("Utsted for valgte"))
        self.selected_button.setToolTip(self.tr("Utsted kursbevis bare til de valgte deltakerne"))
        self.selected_button.clicked.connect(self.issue_selected)
        self.selected_button.setEnabled(False)
        self.pay_button = QPushButton(self.tr("Registrer innbetaling …"))
        self.pay_button.setToolTip(
            self.tr("Registrer egenandelen for de valgte som ikke har betalt (dobbeltklikk gjør det samme)")
        )
        self.pay_button.clicked.connect(self.record_payment)
        self.pay_button.setEnabled(False)
        self.panel.table.doubleClicked.connect(self._on_double_click)
        close = QPushButton(self.tr("Lukk"))
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        course_label = QLabel(self.tr("&Kurs:"))
        course_label.setBuddy(self.course)
        date_label = QLabel(self.tr("&Utstedt dato:"))
        date_label.setBuddy(self.issued_on)
        top.addWidget(course_label)
        top.addWidget(self.course, 1)
        top.addWidget(date_label)
        top.addWidget(self.issued_on)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.pay_button)
        bottom.addWidget(self.selected_button)
        bottom.addWidget(self.issue_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)
        self.issue_button.setEnabled(False)
        # The course the user is on is chosen as the list arrives: no detour via the first course.
        if course_id is not None:
            self.course.choose(course_id)
        self.course.reload()

    def _on_course_changed(self, course_id: int | None) -> None:
        if course_id is None:
            return
        self._load_rows(course_id)
        self.tasks.run(
            functools.partial(certificates.default_issue_date, course_id),
            label=self.tr("Henter kurset …"),
            on_done=self._set_default_date,
            parent=self,
        )

    def _load_rows(self, course_id: int) -> None:
        self.panel.load(
            functools.partial(_ordered_eligibility, course_id), self.tr("Vurderer hvem som får kursbevis …")
        )

    def _select_preselected(self) -> None:
        """Once: select the enrolments the user had chosen on the course page."""
        wanted, self._preselect = self._preselect, set()
        selection = QItemSelection()
        for number, row in enumerate(self.panel.rows()):
            if row.enrolment_id in wanted:
                selection.select(self.panel.model.index(number, 0), self.panel.model.index(number, 2))
        if not selection.isEmpty():
            self.panel.table.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _set_default_date(self, day: dt.date) -> None:
        """Today, or the course's last session while that is still ahead (docs/desktop.md)."""
        set_date(self.issued_on, day)

    def _update_summary(self) -> None:
        rows: list[Eligibility] = self.panel.model.all_rows()
        count = sum(1 for r in rows if r.eligible)
        others = sum(1 for r in rows if not r.eligible and r.certificate_number is None)
        have = sum(1 for r in rows if r.certificate_number is not None)
        self.summary.setText(
            self.tr("%1 får kursbevis · %2 får ikke · %3 har allerede")
            .replace("%1", str(count))
            .replace("%2", str(others))
            .replace("%3", str(have))
        )
        self.issue_button.setText(
            self.tr("Utsted %n kursbevis", "", count) if count else self.tr("Utsted kursbevis")
        )
        self.issue_button.setEnabled(count > 0)
        self._update_selected_button()

    def _update_selected_button(self) -> None:
        rows = self.panel.selected_rows()
        self.selected_button.setEnabled(bool(rows) and all(r.eligible for r in rows))
        self.pay_button.setEnabled(any(owes_deposit(r) for r in rows))

    def _on_double_click(self) -> None:
        if self.pay_button.isEnabled():
            self.record_payment()

    def record_payment(self) -> None:
        """«Registrer innbetaling»: the payment dialog for the selected who owe their deposit."""
        course_id = self.course.course_id()
        ids = {r.enrolment_id for r in self.panel.selected_rows() if owes_deposit(r)}
        if course_id is None or not ids:
            return
        self.tasks.run(
            functools.partial(unpaid_deposit_rows, course_id, ids),
            label=self.tr("Henter egenandeler …"),
            on_done=functools.partial(record_payments, self, self.tasks, on_done=self._on_paid),
            parent=self,
        )

    def _on_paid(self, _batch: object) -> None:
        self._on_course_changed(self.course.course_id())

    def issue(self) -> None:
        """Issue to everyone who qualifies, on the database worker."""
        course_id = self.course.course_id()
        if course_id is None:
            return
        self.issue_button.setEnabled(False)
        self.tasks.run(
            functools.partial(
                issued_with_ids,
                functools.partial(issue_and_describe, course_id, date_of(self.issued_on)),
                course_id,
            ),
            label=self.tr("Utsteder kursbevis …"),
            touches={"certificates", "enrolments"},
            on_done=self._on_issued,
            on_error=self._on_failed,
            parent=self,
        )

    def issue_selected(self) -> None:
        """Issue only to the selected (qualifying) participants, in one transaction."""
        course_id = self.course.course_id()
        ids = [r.enrolment_id for r in self.panel.selected_rows() if r.eligible]
        if course_id is None or not ids:
            return
        self.issue_button.setEnabled(False)
        self.selected_button.setEnabled(False)
        self.tasks.run(
            functools.partial(
                issued_with_ids,
                functools.partial(
                    certificate_batches.issue_selected, enrolment_ids=ids, issued_on=date_of(self.issued_on)
                ),
                course_id,
            ),
            label=self.tr("Utsteder kursbevis …"),
            touches={"certificates", "enrolments"},
            on_done=self._on_issued,
            on_error=self._on_failed,
            parent=self,
        )

    def _on_issued(self, issued: list[tuple[int, str, str]]) -> None:
        course_id = self.course.course_id()
        self._on_course_changed(course_id)
        lines = "\n".join(f"{number}  {name}" for _id, number, name in issued)
        choice = messages.choose(
            self,
            self.tr("Kursbevis utstedt"),
            self.tr("%n kursbevis er utstedt:", "", len(issued))
            + "\n\n"
            + lines
            + "\n\n"
            + self.tr("Vil du skrive dem ut nå?"),
            [self.tr("Skriv ut …"), self.tr("Lagre som PDF …")],
            self.tr("Ikke nå"),
        )
        if choice is None:
            return
        # Imported here: the PDF machinery is not needed until something is printed.
        from coursekeeper.ui import printing_actions

        action = printing_actions.print_pdf if choice == 0 else printing_actions.save_pdf
        action(
            self,
            self.tasks,
            kind="certificates",
            course_id=course_id,
            certificate_ids=[cert_id for cert_id, _number, _name in issued],
            reprints=True,
        )

    def _on_failed(self, exc: BaseException) -> None:
        self._update_summary()
        if isinstance(exc, CourseKeeperError):
            messages.show_error(self, exc.message, "\n".join(exc.details) or None)
        elif not isinstance(exc, Cancelled):
            messages.show_exception(self, exc)
