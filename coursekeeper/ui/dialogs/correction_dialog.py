"""Korriger postering: a reversing entry with a reason (entries themselves are never edited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services.deposits import LedgerRow
from coursekeeper.ui.dialogs.form_dialog import DatedReasonDialog
from coursekeeper.ui.widgets import status_labels
from coursekeeper.ui.widgets.form_fields import date_of, kr


@dataclass(frozen=True)
class CorrectionValues:
    """What the user entered."""

    entry_id: int
    on: dt.date
    note: str


class CorrectionDialog(DatedReasonDialog):
    """Reverse one ledger entry: the new entry has the opposite amount and says why."""

    def __init__(self, entry: LedgerRow, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent, today)
        self.setWindowTitle(self.tr("Korriger postering"))
        self.setMinimumWidth(480)
        self._entry = entry
        facts = (
            self.tr("%1 på %2 for %3, datert %4.")
            .replace("%1", status_labels.entry_kind(entry.kind))
            .replace("%2", kr(entry.amount_ore))
            .replace("%3", entry.person_name)
            .replace("%4", format_date(entry.entry_date))
        )
        explain = QLabel(
            self.tr(
                "Posteringer endres aldri. Korrigeringen føres som en ny postering på %1, "
                "og begge vises i oversikten."
            ).replace("%1", kr(-entry.amount_ore))
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555555;")
        self.note.setPlaceholderText(self.tr("For eksempel: registrert på feil person"))
        self.lay_out(self.tr("Registrer korrigering"), facts, explain)

    def missing_reason(self) -> str:
        """Asked for when the reason is empty."""
        return self.tr("Skriv hvorfor posteringen korrigeres.")

    def values(self) -> CorrectionValues:
        """The entered values (call after the dialog was accepted)."""
        return CorrectionValues(self._entry.id, date_of(self.date), self.note.text().strip())
