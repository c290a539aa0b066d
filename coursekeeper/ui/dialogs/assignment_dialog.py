"""Nytt oppdrag: municipality, start, optional end and a note for a person's assignment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.domain.six_months import qualifying_date
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of, municipality_combo


@dataclass(frozen=True)
class AssignmentValues:
    """What the user entered; ``end_date`` None while the assignment is running."""

    person_id: int
    municipality: str | None
    start_date: dt.date
    end_date: dt.date | None
    note: str


class AssignmentDialog(FormDialog):
    """Record an assignment as training contact; shows when six months will be reached."""

    def __init__(
        self,
        person_id: int,
        person_name: str,
        municipalities: list[str],
        default_municipality: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nytt oppdrag"))
        self.setMinimumWidth(460)
        self._person_id = person_id
        self._names = set(municipalities)
        self.municipality = municipality_combo(municipalities)
        self.municipality.setCurrentText(default_municipality)
        self.start = date_edit()
        self.running = QCheckBox(self.tr("Oppdraget pågår fortsatt"))
        self.running.setChecked(True)
        self.end = date_edit()
        self.end.setEnabled(False)
        self.note = QLineEdit()
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        self.error = ErrorLabel()
        self.form.addRow(self.tr("&Kommune:"), self.municipality)
        self.form.addRow(self.tr("&Startdato:"), self.start)
        self.form.addRow("", self.running)
        self.form.addRow(self.tr("S&luttdato:"), self.end)
        self.form.addRow(self.tr("M&erknad:"), self.free_text(self.note))
        self.form.addRow("", self.hint)
        self.form.addRow("", self.error)
        self.lay_out(
            self.tr("Registrer oppdrag"),
            self.tr("Oppdrag som treningskontakt for %1.").replace("%1", person_name),
        )
        self.running.toggled.connect(self._on_running_toggled)
        self.start.dateChanged.connect(self._validate)
        self.end.dateChanged.connect(self._validate)
        self.municipality.currentTextChanged.connect(self._validate)
        self._validate()

    def _on_running_toggled(self, running: bool) -> None:
        self.end.setEnabled(not running)
        self._validate()

    def _end(self) -> dt.date | None:
        return None if self.running.isChecked() else date_of(self.end)

    def _validate(self, *_args: object) -> bool:
        start, end = date_of(self.start), self._end()
        name = self.municipality.currentText().strip()
        message = ""
        if name and name not in self._names:
            message = self.tr("Velg en kommune fra listen, eller la feltet stå tomt.")
        elif end is not None and end < start:
            message = self.tr("Sluttdatoen kan ikke være før startdatoen.")
        self.error.show_message(message)
        reached = qualifying_date(start)
        if end is not None and end < reached:
            self.hint.setText(self.tr("Oppdraget varer kortere enn seks måneder."))
        else:
            self.hint.setText(self.tr("Seks måneder nås %1.").replace("%1", format_date(reached)))
        self.ok_button.setEnabled(not message)
        return not message

    def values(self) -> AssignmentValues:
        """The entered values (call after the dialog was accepted)."""
        return AssignmentValues(
            self._person_id,
            self.municipality.currentText().strip() or None,
            date_of(self.start),
            self._end(),
            self.note.text().strip(),
        )
