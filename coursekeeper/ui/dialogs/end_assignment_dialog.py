"""Avslutt oppdrag: the day a running assignment ended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services.assignments import AssignmentRow
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of


@dataclass(frozen=True)
class EndAssignmentValues:
    """What the user entered."""

    assignment_id: int
    end_date: dt.date


class EndAssignmentDialog(FormDialog):
    """Set the end date of an assignment (not before its start)."""

    def __init__(self, row: AssignmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Avslutt oppdrag"))
        self.setMinimumWidth(420)
        self._row = row
        where = row.municipality or self.tr("uten kommune")
        intro = (
            self.tr("Oppdrag i %1, startet %2.")
            .replace("%1", where)
            .replace("%2", format_date(row.start_date))
        )
        self.end = date_edit(max(dt.date.today(), row.start_date))
        self.error = ErrorLabel()
        self.form.addRow(self.tr("&Sluttdato:"), self.end)
        self.form.addRow("", self.error)
        self.lay_out(self.tr("Avslutt oppdrag"), intro)
        self.end.dateChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args: object) -> bool:
        ok = date_of(self.end) >= self._row.start_date
        self.error.show_message("" if ok else self.tr("Sluttdatoen kan ikke være før startdatoen."))
        self.ok_button.setEnabled(ok)
        return ok

    def values(self) -> EndAssignmentValues:
        """The entered values (call after the dialog was accepted)."""
        return EndAssignmentValues(self._row.id, date_of(self.end))
