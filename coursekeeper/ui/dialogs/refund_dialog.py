"""Registrer tilbakebetaling: everything held is paid back to each selected participant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of, kr, method_combo


@dataclass(frozen=True)
class RefundTarget:
    """Who gets money back and how much is held for them."""

    enrolment_id: int
    person_name: str
    amount_ore: int


@dataclass(frozen=True)
class RefundValues:
    """What the user entered."""

    enrolment_ids: tuple[int, ...]
    refunded_on: dt.date
    method: str
    reference: str
    note: str


class RefundDialog(FormDialog):
    """Pay back the held deposit of one or more participants in one step."""

    def __init__(
        self, targets: list[RefundTarget], parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent, today)
        self.setWindowTitle(self.tr("Registrer tilbakebetaling"))
        self.setMinimumWidth(480)
        self._targets = targets
        total = sum(t.amount_ore for t in targets)
        summary = (
            self.tr("Tilbakebetaling til %1 deltakere, til sammen %2.")
            .replace("%1", str(len(targets)))
            .replace("%2", kr(total))
            if len(targets) != 1
            else self.tr("Tilbakebetaling til %1: %2.")
            .replace("%1", targets[0].person_name)
            .replace("%2", kr(total))
        )
        people = QListWidget()
        people.addItems([f"{t.person_name} – {kr(t.amount_ore)}" for t in targets])
        people.setMaximumHeight(min(24 * max(len(targets), 1) + 8, 160))
        people.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.date = date_edit(self._today)
        self.date_error = ErrorLabel()
        self.method = method_combo()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("For eksempel bilagsnummer i regnskapet"))
        self.note = QLineEdit()
        self.form.addRow(self.tr("&Dato utbetalt:"), self.date)
        self.form.addRow("", self.date_error)
        self.form.addRow(self.tr("Betalings&måte:"), self.method)
        self.form.addRow(self.tr("&Referanse:"), self.free_text(self.reference))
        self.form.addRow(self.tr("M&erknad:"), self.free_text(self.note))
        self.lay_out(self.tr("Registrer tilbakebetaling"), summary, people)
        self.date.dateChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args: object) -> bool:
        future = self.future_date_message(self.date)
        self.date_error.show_message(future)
        self.ok_button.setEnabled(not future)
        return not future

    def values(self) -> RefundValues:
        """The entered values (call after the dialog was accepted)."""
        return RefundValues(
            tuple(t.enrolment_id for t in self._targets),
            date_of(self.date),
            self.method.currentText().strip(),
            self.reference.text().strip(),
            self.note.text().strip(),
        )
