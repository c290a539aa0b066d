"""Innstillinger → Personvern: the retention periods, and what the rules would delete now."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from coursekeeper.services import retention
from coursekeeper.services.retention import RetentionPlan, RetentionResult, RetentionSettings
from coursekeeper.ui import messages
from coursekeeper.ui.dialogs.retention_dialog import RetentionDialog
from coursekeeper.ui.tasks import ALL_AREAS, TaskRunner


class PrivacyPanel(QGroupBox):
    """Two periods (DESIGN §6), saved for everyone on the database, and «Vis hva som skal slettes»."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Personvern"), parent)
        self.tasks = tasks
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setSuffix(self.tr(" måneder"))
        self.years = QSpinBox()
        self.years.setRange(1, 30)
        self.years.setSuffix(self.tr(" år"))
        for box in (self.months, self.years):
            box.setMaximumWidth(160)  # a number, not a text field
        self.save_button = QPushButton(self.tr("Lagre tidene"))
        self.save_button.clicked.connect(self.save)
        self.show_button = QPushButton(self.tr("Vis hva som skal slettes …"))
        self.show_button.clicked.connect(self.show_plan)
        self.state = QLabel()
        self.state.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(
            self.tr("Notater fra egnethetsvurdering av søkere som ikke ble tatt opp, slettes etter:"),
            self.months,
        )
        form.addRow(
            self.tr("Personer uten kurs, oppdrag eller betalinger foreslås anonymisert etter:"), self.years
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.state)
        for index in range(form.rowCount()):
            label = form.itemAt(index, QFormLayout.ItemRole.LabelRole)
            if label is not None and isinstance(label.widget(), QLabel):
                label.widget().setWordWrap(True)

    def reload(self) -> None:
        """Load the periods and count what is due now."""
        self.tasks.run(
            retention.plan, label=self.tr("Ser etter hva som skal slettes …"), on_done=self._fill, parent=self
        )

    def _fill(self, plan: RetentionPlan) -> None:
        self.months.setValue(plan.settings.screening_months)
        self.years.setValue(plan.settings.inactive_years)
        self.state.setText(plan.summary())

    def save(self) -> None:
        """Store the two periods (logged)."""
        value = RetentionSettings(self.months.value(), self.years.value())
        self.tasks.run(
            functools.partial(retention.save_settings, value),
            label=self.tr("Lagrer …"),
            touches={"settings"},
            on_done=lambda _saved: self.reload(),
            parent=self,
        )

    def show_plan(self) -> None:
        """Count on the worker, then show the list and delete on confirmation."""
        self.tasks.run(
            retention.plan,
            label=self.tr("Ser etter hva som skal slettes …"),
            on_done=self._confirm,
            parent=self,
        )

    def _confirm(self, plan: RetentionPlan) -> None:
        self.dialog = RetentionDialog(plan, self)
        if self.dialog.exec() != RetentionDialog.DialogCode.Accepted:
            return
        self.tasks.run(
            functools.partial(retention.apply, plan.as_of),
            label=self.tr("Sletter …"),
            touches=ALL_AREAS,
            on_done=self._on_applied,
            parent=self,
        )

    def _on_applied(self, result: RetentionResult) -> None:
        messages.show_info(self, result.message)
        self.reload()
