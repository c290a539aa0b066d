"""Tilbakekall kursbevis: the certificate keeps its number; a reason is required."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services.certificate_register import CertificateRow
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel


@dataclass(frozen=True)
class RevokeValues:
    """What the user entered."""

    certificate_id: int
    reason: str


class RevokeDialog(FormDialog):
    """Revoke one certificate with a reason."""

    destructive = True

    def __init__(self, row: CertificateRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tilbakekall kursbevis"))
        self.setMinimumWidth(480)
        self._row = row
        facts = (
            self.tr("Kursbevis %1 for %2, «%3», utstedt %4.")
            .replace("%1", row.number)
            .replace("%2", row.person_name)
            .replace("%3", row.course_title)
            .replace("%4", format_date(row.issued_on))
        )
        warning = self.tr(
            "Et tilbakekalt kursbevis gjelder ikke lenger og viser «Tilbakekalt» når koden kontrolleres. "
            "Nummeret brukes aldri igjen."
        )
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("For eksempel: utstedt ved en feil"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.error = ErrorLabel()
        self.form.addRow(self.tr("&Begrunnelse:"), self.free_text(self.reason))
        self.form.addRow("", self.error)
        self.lay_out(self.tr("Tilbakekall kursbevis"), facts, warning)
        self.reason.textChanged.connect(self._validate)
        self._validate()

    def _validate(self, *_args: object) -> bool:
        ok = bool(self.reason.toPlainText().strip())
        self.error.show_message("" if ok else self.tr("Skriv hvorfor kursbeviset tilbakekalles."))
        self.ok_button.setEnabled(ok)
        return ok

    def values(self) -> RevokeValues:
        """The entered values (call after the dialog was accepted)."""
        return RevokeValues(self._row.id, self.reason.toPlainText().strip())
