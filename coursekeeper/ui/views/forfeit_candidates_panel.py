"""Kan beholdes: held deposits past the course's deadline for starting an assignment."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from coursekeeper.services import refunds
from coursekeeper.services.refunds import ForfeitCandidate
from coursekeeper.ui import role_gate
from coursekeeper.ui.table_models import RIGHT, Column, Money
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.deposit_actions_panel import DepositActionsPanel
from coursekeeper.ui.widgets.form_fields import date_of


def _candidate_text(row: ForfeitCandidate) -> str:
    return f"{row.person_name} {row.course_title}"


class ForfeitCandidatesPanel(DepositActionsPanel):
    """Deposits that may be kept as of a date; keeping them is a deliberate step."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, text_of=_candidate_text, parent=parent)
        explain = QLabel(
            self.tr(
                "Egenandeler der kursets frist for å starte oppdrag er passert uten et oppdrag som "
                "kan gi tilbakebetaling. Pengene beholdes først når du registrerer det."
            )
        )
        explain.setWordWrap(True)
        self.as_of = self.add_as_of_row(explain)
        self.forfeit_button = QPushButton(self.tr("Behold egenandel …"))
        self.forfeit_button.clicked.connect(self.forfeit_selected)
        self.buttons.addWidget(self.forfeit_button)
        role_gate.gate("can_pay", self.forfeit_button)
        self.add_row_menu()
        self.follow_selection()

    def make_columns(self) -> list[Column]:
        """Who, which course, how much, and the deadline that passed."""
        return [
            *self.who_columns(),
            Column(self.tr("Beløp"), lambda r: Money(r.amount_ore), RIGHT, lambda r: r.amount_ore),
            Column(self.tr("Frist for å starte oppdrag"), lambda r: r.deadline),
        ]

    def reload(self) -> None:
        """Fetch the candidates again for the chosen date."""
        self.load(
            functools.partial(refunds.forfeit_candidates, date_of(self.as_of), course_id=self.course_id),
            self.tr("Finner egenandeler som kan beholdes …"),
        )

    def _update_buttons(self) -> None:
        self.forfeit_button.setEnabled(bool(self.selected_rows()))

    def forfeit_selected(self) -> None:
        """Keep the deposits of the selected rows (one transaction)."""
        rows: list[ForfeitCandidate] = self.selected_rows()
        self.keep_deposits([(r.enrolment_id, r.person_name, r.amount_ore) for r in rows])
