"""Behold egenandel: the held deposit is kept (a forfeit entry), with a reason."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from coursekeeper.ui.dialogs.form_dialog import DatedReasonDialog
from coursekeeper.ui.widgets.form_fields import date_of, kr


@dataclass(frozen=True)
class ForfeitValues:
    """What the user entered."""

    enrolment_ids: tuple[int, ...]
    on: dt.date
    note: str


class ForfeitDialog(DatedReasonDialog):
    """Keep the deposit of one or more participants; the reason is required."""

    destructive = True

    def __init__(
        self,
        targets: list[tuple[int, str, int]],
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent, today)
        self.setWindowTitle(self.tr("Behold egenandel"))
        self.setMinimumWidth(460)
        self._ids = tuple(t[0] for t in targets)
        total = kr(sum(t[2] for t in targets))
        if len(targets) == 1:
            text = self.tr("Egenandelen til %1 (%2) beholdes og betales ikke tilbake.")
            text = text.replace("%1", targets[0][1]).replace("%2", total)
        else:
            text = self.tr("Egenandelene til %1 deltakere (til sammen %2) beholdes og betales ikke tilbake.")
            text = text.replace("%1", str(len(targets))).replace("%2", total)
        self.note.setPlaceholderText(self.tr("For eksempel: fristen for å starte oppdrag er passert"))
        self.lay_out(self.tr("Behold egenandel"), text)

    def missing_reason(self) -> str:
        """Asked for when the reason is empty."""
        return self.tr("Skriv hvorfor egenandelen beholdes.")

    def values(self) -> ForfeitValues:
        """The entered values (call after the dialog was accepted)."""
        return ForfeitValues(self._ids, date_of(self.date), self.note.text().strip())
