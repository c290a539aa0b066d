"""Utsted kursbevis: who on a course gets a certificate, why the others do not, and issuing."""

from __future__ import annotations

import datetime as dt
import functools
import re

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coursekeeper.domain.states import ENROLMENT_STATE_LABELS
from coursekeeper.errors import Cancelled, CourseKeeperError
from coursekeeper.services import certificate_batches, certificates
from coursekeeper.services.certificates import Eligibility
from coursekeeper.ui import labels, messages
from coursekeeper.ui.table_models import Column, RowTableModel, identifying_column
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.course_combo import CourseCombo
from coursekeeper.ui.widgets.form_fields import date_edit, date_of
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


def _ordered_eligibility(course_id: int) -> list[Eligibility]:
    rows = certificates.eligibility(course_id)
    return sorted(rows, key=lambda e: (not e.eligible, e.certificate_number is not None))


_HOURS = re.compile(r"^Mangler timer: (.+) av (.+) timer\.$")
_STATE = re.compile(r"^Status er «(.+)»\.$")
_STATE_CODES = {label: code for code, label in ENROLMENT_STATE_LABELS.items()}


def translate_reason(reason: str) -> str:
    """The service's Norwegian reason through Qt's translation (same text in Norwegian)."""
    # Literal translate() calls (not a local ``tr`` alias): pyside6-lupdate files them under this context.
    if match := _HOURS.match(reason):
        return (
            QCoreApplication.translate("IssueCertificatesDialog", "Mangler timer: %1 av %2 timer.")
            .replace("%1", match[1])
            .replace("%2", match[2])
        )
    if match := _STATE.match(reason):
        state = _STATE_CODES.get(match[1])
        return QCoreApplication.translate("IssueCertificatesDialog", "Status er «%1».").replace(
            "%1", labels.enrolment_state(state) if state else match[1]
        )
    known = {
        "Egenandelen er ikke betalt.": QCoreApplication.translate(
            "IssueCertificatesDialog", "Egenandelen er ikke betalt."
        ),
        "Ikke vurdert som egnet.": QCoreApplication.translate(
            "IssueCertificatesDialog", "Ikke vurdert som egnet."
        ),
        "Har allerede kursbevis.": QCoreApplication.translate(
            "IssueCertificatesDialog", "Har allerede kursbevis."
        ),
    }
    return known.get(reason, reason)


def _reasons(row: Eligibility) -> str:
    # Someone who already has a certificate needs no explanation beyond its number.
    return "" if row.certificate_number else " ".join(translate_reason(r) for r in row.reasons)


class EligibilityModel(RowTableModel):
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

    def __init__(self, tasks: TaskRunner, course_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Utsted kursbevis"))
        self.resize(760, 460)
        self.course = CourseCombo(tasks, all_text=None)
        self.course.course_changed.connect(self._on_course_changed)
        self._wanted = course_id
        self.issued_on = date_edit()
        self.panel = EligibilityPanel(tasks, multi_select=True, text_of=lambda r: r.person_name)
        self.panel.loaded.connect(self._update_summary)
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
        bottom.addWidget(self.selected_button)
        bottom.addWidget(self.issue_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)
        self.issue_button.setEnabled(False)
        self.course.loaded.connect(self._choose_wanted)
        self.course.reload()

    def _choose_wanted(self) -> None:
        self.course.loaded.disconnect(self._choose_wanted)
        if self._wanted is not None:
            self.course.choose(self._wanted)

    def _on_course_changed(self, course_id: int | None) -> None:
        if course_id is None:
            return
        self.panel.load(
            functools.partial(_ordered_eligibility, course_id), self.tr("Vurderer hvem som får kursbevis …")
        )

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

    def issue(self) -> None:
        """Issue to everyone who qualifies, on the database worker."""
        course_id = self.course.course_id()
        if course_id is None:
            return
        self.issue_button.setEnabled(False)
        self.tasks.run(
            functools.partial(issue_and_describe, course_id, date_of(self.issued_on)),
            label=self.tr("Utsteder kursbevis …"),
            touches={"certificates", "enrolments"},
            on_done=self._on_issued,
            on_error=self._on_failed,
            parent=self,
        )

    def issue_selected(self) -> None:
        """Issue only to the selected (qualifying) participants, in one transaction."""
        ids = [r.enrolment_id for r in self.panel.selected_rows() if r.eligible]
        if not ids:
            return
        self.issue_button.setEnabled(False)
        self.selected_button.setEnabled(False)
        self.tasks.run(
            functools.partial(
                certificate_batches.issue_selected, enrolment_ids=ids, issued_on=date_of(self.issued_on)
            ),
            label=self.tr("Utsteder kursbevis …"),
            touches={"certificates", "enrolments"},
            on_done=self._on_issued,
            on_error=self._on_failed,
            parent=self,
        )

    def _on_issued(self, issued: list[tuple[str, str]]) -> None:
        lines = "\n".join(f"{number}  {name}" for number, name in issued)
        messages.show_info(self, self.tr("%n kursbevis er utstedt:", "", len(issued)) + "\n\n" + lines)
        self._on_course_changed(self.course.course_id())

    def _on_failed(self, exc: BaseException) -> None:
        self._update_summary()
        if isinstance(exc, CourseKeeperError):
            messages.show_error(self, exc.message, "\n".join(exc.details) or None)
        elif not isinstance(exc, Cancelled):
            messages.show_exception(self, exc)
