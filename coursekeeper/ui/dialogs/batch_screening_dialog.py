"""One screening outcome for several applicants at once; notes optional, earlier notes kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from coursekeeper.domain.states import ScreeningOutcome
from coursekeeper.services.course_overview import EnrolmentRow
from coursekeeper.ui import labels
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of


@dataclass(frozen=True)
class ScreeningBatchValues:
    """The keyword arguments of ``enrolment_batches.record_screenings``."""

    enrolment_ids: tuple[int, ...]
    outcome: str
    date: dt.date
    interviewer: str
    notes: str
    reject: bool
    seen: dict[int, str]  # each outcome as the list showed it: one changed since refuses the batch


class BatchScreeningDialog(FormDialog):
    """Names who is screened, asks for the outcome; «Ikke egnet» can reject the applications too."""

    def __init__(self, rows: list[EnrolmentRow], parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent, today)
        self.setWindowTitle(self.tr("Egnethetsvurdering for %1 deltakere").replace("%1", str(len(rows))))
        self.setMinimumWidth(520)
        self._rows = rows
        who = self.tr("Samme vurdering for: %1.").replace("%1", ", ".join(r.name for r in rows))
        keep = self.tr(
            "Tomme felt beholder det som står i hver vurdering fra før. Notatene er personopplysninger "
            "og skrives i loggen."
        )
        self.outcome = QComboBox()
        for outcome in ScreeningOutcome:
            self.outcome.addItem(labels.screening_outcome(outcome), outcome)
        self.outcome.setCurrentIndex(self.outcome.findData(ScreeningOutcome.SUITABLE))
        self.date = date_edit(self._today)
        self.interviewer = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.notes.setPlaceholderText(self.tr("Valgfritt: samme notat til alle"))
        self.reject_too = QCheckBox(self.tr("Avslå søknadene samtidig"))
        self.date_error = ErrorLabel()
        self.form.addRow(self.tr("&Vurdering:"), self.outcome)
        self.form.addRow("", self.reject_too)
        self.form.addRow(self.tr("&Dato:"), self.date)
        self.form.addRow("", self.date_error)
        self.form.addRow(self.tr("&Intervjuet av:"), self.interviewer)
        self.form.addRow(self.tr("&Notater:"), self.notes)
        self.lay_out(self.tr("Lagre vurderingene"), who, keep)
        self.outcome.currentIndexChanged.connect(self._validate)
        self.date.dateChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args: object) -> bool:
        unsuitable = self.outcome.currentData() == ScreeningOutcome.UNSUITABLE
        self.reject_too.setEnabled(unsuitable)
        if not unsuitable:
            self.reject_too.setChecked(False)
        message = self.future_date_message(self.date)
        self.date_error.show_message(message)
        self.ok_button.setEnabled(not message)
        return not message

    def values(self) -> ScreeningBatchValues:
        """The entered values (call after the dialog was accepted)."""
        return ScreeningBatchValues(
            tuple(r.id for r in self._rows),
            str(self.outcome.currentData()),
            date_of(self.date),
            self.interviewer.text().strip(),
            self.notes.toPlainText().strip(),
            self.reject_too.isChecked(),
            {r.id: str(r.screening) for r in self._rows},
        )
