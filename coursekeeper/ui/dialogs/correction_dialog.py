"""Korriger postering: a reversing entry with a reason (entries themselves are never edited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services.deposits import LedgerRow
from coursekeeper.ui.widgets import status_labels
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of, kr, ok_cancel_buttons


@dataclass(frozen=True)
class CorrectionValues:
    """What the user entered."""

    entry_id: int
    on: dt.date
    note: str


class CorrectionDialog(QDialog):
    """Reverse one ledger entry: the new entry has the opposite amount and says why."""

    def __init__(self, entry: LedgerRow, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Korriger postering"))
        self.setMinimumWidth(480)
        self._entry = entry
        self._today = today or dt.date.today()
        facts = QLabel(
            self.tr("%1 på %2 for %3, datert %4.")
            .replace("%1", status_labels.entry_kind(entry.kind))
            .replace("%2", kr(entry.amount_ore))
            .replace("%3", entry.person_name)
            .replace("%4", format_date(entry.entry_date))
        )
        facts.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "Posteringer endres aldri. Korrigeringen føres som en ny postering på %1, "
                "og begge vises i oversikten."
            ).replace("%1", kr(-entry.amount_ore))
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555555;")
        self.date = date_edit(self._today)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("For eksempel: registrert på feil person"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Dato:"), self.date)
        form.addRow(self.tr("&Begrunnelse:"), self.note)
        form.addRow("", self.error)
        self.buttons, self.ok_button = ok_cancel_buttons(self.tr("Registrer korrigering"), self.tr("Avbryt"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(self._validate)
        self.date.dateChanged.connect(self._validate)
        self._validate(initial=True)

    def _validate(self, *_args: object, initial: bool = False) -> bool:
        message = ""
        if date_of(self.date) > self._today:
            message = self.tr("Datoen kan ikke være fram i tid.")
        elif not self.note.text().strip() and not initial:
            message = self.tr("Skriv hvorfor posteringen korrigeres.")
        ok = not message and bool(self.note.text().strip())
        self.error.show_message(message)
        self.ok_button.setEnabled(ok)
        return ok

    def _on_accept(self) -> None:
        if self._validate():
            self.accept()

    def values(self) -> CorrectionValues:
        """The entered values (call after the dialog was accepted)."""
        return CorrectionValues(self._entry.id, date_of(self.date), self.note.text().strip())
