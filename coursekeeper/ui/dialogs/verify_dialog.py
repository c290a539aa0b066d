"""Kontroller kursbevis: type the code printed on a certificate; see valid, revoked or unknown."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date
from coursekeeper.services import certificates
from coursekeeper.services.certificates import Verification, VerificationStatus
from coursekeeper.ui.tasks import TaskRunner

#: Background and text colour per result: green valid, red revoked, amber unknown.
COLOURS = {
    VerificationStatus.VALID: ("#e3f4e6", "#1b5e20"),
    VerificationStatus.REVOKED: ("#fde7e7", "#b3261e"),
    VerificationStatus.UNKNOWN: ("#fff4d6", "#7a4f00"),
}


class VerifyDialog(QDialog):
    """Checks a verification code against the register; the answer is colour and words."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(self.tr("Kontroller kursbevis"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr("Skriv inn kontrollkoden som står nederst på kursbeviset, og trykk «Kontroller».")
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.code.setMinimumWidth(260)
        self.check_button = QPushButton(self.tr("&Kontroller"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        row = QHBoxLayout()
        code_label = QLabel(self.tr("K&ode:"))
        code_label.setBuddy(self.code)
        row.addWidget(code_label)
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)

        self.verdict = QLabel()
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumHeight(48)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._show_waiting()

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(close)
        self.status: VerificationStatus | None = None

    def _show_waiting(self) -> None:
        self.verdict.setStyleSheet(
            "background: palette(base); color: palette(placeholder-text); border: 2px dashed palette(mid);"
            "border-radius: 6px; font-size: 12pt; padding: 8px;"
        )
        self.verdict.setText(self.tr("Ingen kode kontrollert ennå"))
        self.details.setText("")

    def check(self) -> None:
        """Look the code up (on the database worker)."""
        code = self.code.text().strip()
        if not code:
            self._show_waiting()
            self.details.setText(self.tr("Skriv inn en kode først."))
            return
        self.tasks.run(
            functools.partial(certificates.verify, code),
            label=self.tr("Kontrollerer kursbevis …"),
            on_done=self.show_result,
            parent=self,
        )

    def show_result(self, result: Verification) -> None:
        """Show the answer: a coloured verdict and what the register says."""
        self.status = result.status
        background, colour = COLOURS[result.status]
        self.verdict.setStyleSheet(
            f"background: {background}; color: {colour}; border: 2px solid {colour}; border-radius: 6px;"
            "font-size: 15pt; font-weight: 700; padding: 8px;"
        )
        if result.status == VerificationStatus.VALID:
            self.verdict.setText(self.tr("✔ Gyldig kursbevis"))
            text = (
                self.tr("Kursbevis %1 for %2, «%3», utstedt %4.")
                .replace("%1", result.number)
                .replace("%2", result.name)
                .replace("%3", result.course_title)
                .replace("%4", format_date(result.issued_on))
            )
        elif result.status == VerificationStatus.REVOKED:
            self.verdict.setText(self.tr("✖ Tilbakekalt"))
            text = (
                self.tr("Kursbevis %1 for %2 er trukket tilbake og gjelder ikke. Begrunnelse: %3")
                .replace("%1", result.number)
                .replace("%2", result.name)
                .replace("%3", result.revoked_reason)
            )
        else:
            self.verdict.setText(self.tr("? Ukjent kode"))
            text = self.tr(
                "Koden svarer ikke til noe kursbevis i registeret. Sjekk at den er skrevet riktig; "
                "et endret eller forfalsket kursbevis gir ukjent kode."
            )
        self.details.setText(text)
