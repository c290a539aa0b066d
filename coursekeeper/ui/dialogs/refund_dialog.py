"""Registrer tilbakebetaling: everything held is paid back to each selected participant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from coursekeeper.ui.widgets.form_fields import (
    ErrorLabel,
    date_edit,
    date_of,
    kr,
    method_combo,
    ok_cancel_buttons,
)


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


class RefundDialog(QDialog):
    """Pay back the held deposit of one or more participants in one step."""

    def __init__(
        self, targets: list[RefundTarget], parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registrer tilbakebetaling"))
        self.setMinimumWidth(480)
        self._targets = targets
        self._today = today or dt.date.today()
        total = sum(t.amount_ore for t in targets)
        summary = QLabel(
            self.tr("Tilbakebetaling til %1 deltakere, til sammen %2.")
            .replace("%1", str(len(targets)))
            .replace("%2", kr(total))
            if len(targets) != 1
            else self.tr("Tilbakebetaling til %1: %2.")
            .replace("%1", targets[0].person_name)
            .replace("%2", kr(total))
        )
        summary.setWordWrap(True)
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
        form = QFormLayout()
        form.addRow(self.tr("&Dato utbetalt:"), self.date)
        form.addRow("", self.date_error)
        form.addRow(self.tr("Betalings&måte:"), self.method)
        form.addRow(self.tr("&Referanse:"), self.reference)
        form.addRow(self.tr("M&erknad:"), self.note)

        self.buttons, self.ok_button = ok_cancel_buttons(
            self.tr("Registrer tilbakebetaling"), self.tr("Avbryt")
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(people)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.date.dateChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> bool:
        future = date_of(self.date) > self._today
        self.date_error.show_message(self.tr("Datoen kan ikke være fram i tid.") if future else "")
        self.ok_button.setEnabled(not future)
        return not future

    def _on_accept(self) -> None:
        if self._validate():
            self.accept()

    def values(self) -> RefundValues:
        """The entered values (call after the dialog was accepted)."""
        return RefundValues(
            tuple(t.enrolment_id for t in self._targets),
            date_of(self.date),
            self.method.currentText().strip(),
            self.reference.text().strip(),
            self.note.text().strip(),
        )
