"""Avslutt oppdrag: the day a running assignment ended."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.services import assignments
from coursekeeper.services.assignments import AssignmentRow
from coursekeeper.ui import stale_form
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError
from coursekeeper.ui.widgets.form_fields import ErrorLabel, FormErrorLabel, date_edit, date_of


@dataclass(frozen=True)
class EndAssignmentValues:
    """What the user entered."""

    assignment_id: int
    end_date: dt.date
    based_on: int  # the version of the assignment the dialog was opened on


class EndAssignmentDialog(FormDialog):
    """Set the end date of an assignment (not before its start)."""

    def __init__(self, tasks: TaskRunner, row: AssignmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
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
        self.end_field = FieldWithError(self.end)
        self.error = ErrorLabel()
        self.form_error = FormErrorLabel()
        self.form.addRow(self.tr("&Sluttdato:"), self.end_field)
        self.form.addRow("", self.error)
        self.form.addRow(self.form_error)
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
        return EndAssignmentValues(self._row.id, date_of(self.end), self._row.version)

    def refused(self, exc: BaseException) -> None:
        """Say why above the buttons; when someone else saved first, offer what is stored now."""
        self.form_error.show_refusal(exc)
        if isinstance(exc, ChangedElsewhereError):
            stale_form.offer_stored(
                self,
                self._tasks,
                exc,
                load=functools.partial(assignments.assignment_row, self._row.id),
                label=self.tr("Henter oppdraget …"),
                show=functools.partial(self._show_stored, exc.message),
            )

    def _show_stored(self, conflict: str, stored: AssignmentRow) -> None:
        """Keep the typed end date; build on ``stored``'s version and show its end date if it differs."""
        self._row = stored
        shown = format_date(stored.end_date) if stored.end_date else self.tr("pågår fortsatt")
        typed = {"end": format_date(date_of(self.end))}
        fields = {"end": self.end_field}
        stale_form.mark_stored(fields, stale_form.differences(typed, {"end": shown}))
        self.form_error.show_message(stale_form.built_on_stored(conflict))
