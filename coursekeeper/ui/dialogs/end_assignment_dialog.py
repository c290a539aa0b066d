"""Avslutt oppdrag: the day a running assignment ended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services.assignments import AssignmentRow
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of, ok_cancel_buttons


@dataclass(frozen=True)
class EndAssignmentValues:
    """What the user entered."""

    assignment_id: int
    end_date: dt.date


class EndAssignmentDialog(QDialog):
    """Set the end date of an assignment (not before its start)."""

    def __init__(self, row: AssignmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Avslutt oppdrag"))
        self.setMinimumWidth(420)
        self._row = row
        where = row.municipality or self.tr("uten kommune")
        intro = QLabel(
            self.tr("Oppdrag i %1, startet %2.")
            .replace("%1", where)
            .replace("%2", format_date(row.start_date))
        )
        intro.setWordWrap(True)
        self.end = date_edit(max(dt.date.today(), row.start_date))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Sluttdato:"), self.end)
        form.addRow("", self.error)
        self.buttons, self.ok_button = ok_cancel_buttons(self.tr("Avslutt oppdrag"), self.tr("Avbryt"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.end.dateChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args: object) -> bool:
        ok = date_of(self.end) >= self._row.start_date
        self.error.show_message("" if ok else self.tr("Sluttdatoen kan ikke være før startdatoen."))
        self.ok_button.setEnabled(ok)
        return ok

    def _on_accept(self) -> None:
        if self._validate():
            self.accept()

    def values(self) -> EndAssignmentValues:
        """The entered values (call after the dialog was accepted)."""
        return EndAssignmentValues(self._row.id, date_of(self.end))
