"""The suitability screening of one enrolment: interviewer, date, outcome and the sensitive notes."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date, parse_date
from coursekeeper.domain.states import TRANSITIONS, EnrolmentState, ScreeningOutcome
from coursekeeper.errors import ChangedElsewhereError, ValidationError
from coursekeeper.services import enrolments, screening
from coursekeeper.services.course_overview import EnrolmentRow
from coursekeeper.services.screening import ScreeningView
from coursekeeper.ui import labels, messages, stale_form
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError
from coursekeeper.ui.widgets.form_fields import FormErrorLabel, ok_cancel_buttons


class ScreeningDialog(QDialog):
    """Opening it reads the notes through ``screening.open_screening``, which writes the audit entry."""

    def __init__(self, tasks: TaskRunner, enrolment: EnrolmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.enrolment = enrolment
        self._version: int | None = None  # of the screening this form was filled from
        self._opened: dict[str, object] = {}  # what the form showed when filled from the database
        self.setWindowTitle(self.tr("Egnethetsvurdering – %1").replace("%1", enrolment.name))
        self.setMinimumWidth(560)

        notice = QLabel(
            self.tr(
                "Notatene er personopplysninger. De vises bare her, og hver gang vurderingen åpnes "
                "eller endres, skrives det i loggen."
            )
        )
        notice.setWordWrap(True)
        notice.setStyleSheet("color: palette(placeholder-text);")
        self.interviewer = QLineEdit()
        self.date = QLineEdit(format_date(dt.date.today()))
        self.date.setPlaceholderText(self.tr("dd.mm.åååå"))
        self.outcome = QComboBox()
        for outcome in ScreeningOutcome:
            self.outcome.addItem(labels.screening_outcome(outcome), outcome)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(160)
        self.date_field = FieldWithError(self.date)
        self.interviewer_field = FieldWithError(self.interviewer).refuse_identity_numbers()
        self.notes_field = FieldWithError(self.notes).refuse_identity_numbers()
        self.fields = {
            "interviewer": self.interviewer_field,
            "date": self.date_field,
            "outcome": FieldWithError(self.outcome),
            "notes": self.notes_field,
        }
        form = QFormLayout()
        form.addRow(self.tr("&Intervjuet av:"), self.interviewer_field)
        form.addRow(self.tr("&Dato:"), self.date_field)
        form.addRow(self.tr("&Vurdering:"), self.fields["outcome"])
        form.addRow(self.tr("&Notater:"), self.notes_field)
        self.form_error = FormErrorLabel()
        self.buttons, _ = ok_cancel_buttons(
            self.tr("Lagre"), self.tr("Avbryt"), QDialogButtonBox.StandardButton.Save
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(notice)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)

        self.setEnabled(False)
        tasks.run(
            functools.partial(screening.open_screening, enrolment.id),
            label=self.tr("Åpner vurderingen …"),
            touches={"audit"},
            on_done=self._fill,
            parent=self,
        )

    def _fill(self, view: ScreeningView) -> None:
        self._version = view.version
        self.interviewer.setText(view.interviewer)
        if view.date:
            self.date.setText(format_date(view.date))
        self.outcome.setCurrentIndex(max(self.outcome.findData(view.outcome), 0))
        self.notes.setPlainText(view.notes)
        self._opened = stale_form.snapshot(self.fields)
        self.setEnabled(True)
        self.interviewer.setFocus()

    def submit(self) -> None:
        """Save; an «Ikke egnet» outcome then proposes rejecting the application."""
        self.date_field.set_error(None)
        date = None
        if self.date.text().strip():
            try:
                date = parse_date(self.date.text())
            except ValidationError:
                self.date_field.set_error(self.tr("Skriv datoen som dd.mm.åååå, for eksempel 09.04.2026."))
                self.date.setFocus()
                return
        for field in (self.interviewer_field, self.notes_field):
            if field.identity_problem():
                field.field.setFocus()
                return  # the field says why
        self.buttons.setEnabled(False)
        self.tasks.run(
            functools.partial(
                screening.record_screening,
                enrolment_id=self.enrolment.id,
                outcome=self.outcome.currentData(),
                date=date,
                interviewer=self.interviewer.text(),
                notes=self.notes.toPlainText(),
                based_on=self._version,
            ),
            label=self.tr("Lagrer vurderingen …"),
            touches={"screening", "enrolments"},
            on_done=self._on_saved,
            on_error=self._on_error,
            parent=self,
        )

    def _on_saved(self, view: ScreeningView) -> None:
        if (
            view.outcome == ScreeningOutcome.UNSUITABLE
            and EnrolmentState.REJECTED in TRANSITIONS[self.enrolment.state]
        ):
            parent = self.parentWidget()
            if messages.confirm(
                self,
                self.tr("Avslå søknaden?"),
                self.tr("%1 er vurdert som ikke egnet. Vil du avslå søknaden nå?").replace(
                    "%1", self.enrolment.name
                ),
                self.tr("Avslå søknaden"),
            ):
                self.tasks.run(
                    functools.partial(enrolments.reject, self.enrolment.id),
                    label=self.tr("Avslår …"),
                    touches={"enrolments", "courses", "deposits"},
                    parent=parent,
                )
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.form_error.show_refusal(exc)
        if isinstance(exc, ChangedElsewhereError):
            stale_form.offer_stored(
                self,
                self.tasks,
                exc,
                load=functools.partial(screening.open_screening, self.enrolment.id),
                label=self.tr("Åpner vurderingen …"),
                show=functools.partial(self._show_stored, exc.message),
                touches={"audit"},
            )

    def _show_stored(self, conflict: str, stored: ScreeningView) -> None:
        """Show ``stored`` where the user changed nothing, keep the user's changes; build on its version."""
        stale_form.build_on_stored(self.fields, self._opened, functools.partial(self._fill, stored))
        self.form_error.show_message(stale_form.built_on_stored(conflict))
