"""«Vis hva som skal slettes»: what the retention rules would delete, deleted only when confirmed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from coursekeeper.services.retention import RetentionPlan


class RetentionDialog(QDialog):
    """The plan's summary and one line per note or person; «Slett nå» accepts."""

    def __init__(self, plan: RetentionPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sletting etter reglene"))
        summary = QLabel(plan.summary())
        summary.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "Notatene slettes for godt. Personene anonymiseres: navn, kontaktopplysninger, "
                "fødselsdato og notater fjernes overalt, mens beløp, kursbevisnumre og tall i "
                "nøkkeltallene blir stående. "
                "Personer som det fortsatt holdes egenandel for, hoppes over."
            )
        )
        explain.setWordWrap(True)
        self.list = QListWidget()
        self.list.addItems(plan.lines())
        self.list.setVisible(not plan.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton(
            self.tr("Slett nå"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setEnabled(not plan.empty)
        self.delete_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Lukk"))
        cancel.setDefault(True)  # the safe choice: nothing is deleted by pressing Enter
        self.delete_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(explain)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
