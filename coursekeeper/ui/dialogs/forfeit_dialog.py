"""Behold egenandel: the held deposit is kept (a forfeit entry), with a reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of, kr, ok_cancel_buttons


@dataclass(frozen=True)
class ForfeitValues:
    """What the user entered."""

    enrolment_ids: tuple[int, ...]
    on: dt.date
    note: str


class ForfeitDialog(QDialog):
    """Keep the deposit of one or more participants; the reason is required."""

    def __init__(
        self,
        targets: list[tuple[int, str, int]],
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Behold egenandel"))
        self.setMinimumWidth(460)
        self._ids = tuple(t[0] for t in targets)
        self._today = today or dt.date.today()
        total = kr(sum(t[2] for t in targets))
        if len(targets) == 1:
            text = self.tr("Egenandelen til %1 (%2) beholdes og betales ikke tilbake.")
            text = text.replace("%1", targets[0][1]).replace("%2", total)
        else:
            text = self.tr("Egenandelene til %1 deltakere (til sammen %2) beholdes og betales ikke tilbake.")
            text = text.replace("%1", str(len(targets))).replace("%2", total)
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.date = date_edit(self._today)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("For eksempel: fristen for å starte oppdrag er passert"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Dato:"), self.date)
        form.addRow(self.tr("&Begrunnelse:"), self.note)
        form.addRow("", self.error)
        self.buttons, self.ok_button = ok_cancel_buttons(self.tr("Behold egenandel"), self.tr("Avbryt"))
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.note.textChanged.connect(self._validate)
        self.date.dateChanged.connect(self._validate)
        self._validate(initial=True)

    def _validate(self, *_args: object, initial: bool = False) -> bool:
        message = ""
        if date_of(self.date) > self._today:
            message = self.tr("Datoen kan ikke være fram i tid.")
        elif not self.note.text().strip():
            message = "" if initial else self.tr("Skriv hvorfor egenandelen beholdes.")
        ok = not message and bool(self.note.text().strip())
        self.error.show_message(message)
        self.ok_button.setEnabled(ok)
        return ok

    def _on_accept(self) -> None:
        if self._validate():
            self.accept()

    def values(self) -> ForfeitValues:
        """The entered values (call after the dialog was accepted)."""
        return ForfeitValues(self._ids, date_of(self.date), self.note.text().strip())
