"""Egenandeler: each participant's deposit status, with payment, refund and forfeit."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from coursekeeper.services.deposit_batches import EntryBatch
from coursekeeper.services.deposit_pages import SORTS, DepositPage, DepositQuery, deposit_page
from coursekeeper.services.refund_batches import RefundBatch
from coursekeeper.ui import labels, role_gate
from coursekeeper.ui.dialogs.payment_dialog import paid_message, record_payments
from coursekeeper.ui.dialogs.refund_dialog import RefundTarget
from coursekeeper.ui.table_models import RIGHT, Column, Money
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.deposit_actions_panel import DepositActionsPanel


class DepositStatusPanel(DepositActionsPanel):
    """One row per enrolment: what is due, paid and held; record money for the selection."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent=parent)
        self.pay_button = QPushButton(self.tr("Registrer innbetaling …"))
        self.pay_button.clicked.connect(self.pay)
        self.refund_button = QPushButton(self.tr("Tilbakebetal …"))
        self.refund_button.clicked.connect(self.refund)
        self.forfeit_button = QPushButton(self.tr("Behold egenandel …"))
        self.forfeit_button.clicked.connect(self.forfeit)
        for button in (self.pay_button, self.refund_button, self.forfeit_button):
            self.buttons.addWidget(button)
        role_gate.gate("can_pay", self.pay_button, self.forfeit_button)
        role_gate.gate("can_refund", self.refund_button)
        self.add_row_menu()
        self.follow_selection()

    def make_columns(self) -> list[Column]:
        """Name, course, state, and the money."""
        return [
            *self.who_columns(),
            Column(
                self.tr("Påmelding"), lambda r: labels.enrolment_state(r.state), sort_key=lambda r: r.state
            ),
            Column(self.tr("Egenandel"), lambda r: Money(r.deposit_ore), RIGHT, lambda r: r.deposit_ore),
            Column(self.tr("Innbetalt"), lambda r: Money(r.paid_ore), RIGHT, lambda r: r.paid_ore),
            Column(self.tr("Innestående"), lambda r: Money(r.held_ore), RIGHT, lambda r: r.held_ore),
            Column(self.tr("Status"), lambda r: labels.deposit_status(r.status), sort_key=lambda r: r.status),
        ]

    def reload(self) -> None:
        """Read the first page again (same search and order); more come as the user scrolls."""
        self.load_pages(self.tr("Henter egenandeler …"))

    def read_page(self, offset: int, limit: int | None) -> Callable[[], DepositPage]:
        """Rows from ``offset`` in the order and with the search shown."""
        column, descending = self.order
        sort = SORTS[column] if column is not None else None
        query = DepositQuery(self.course_id, tuple(self._terms), sort, descending)
        return functools.partial(deposit_page, query, offset=offset, limit=limit, as_of=dt.date.today())

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        self.pay_button.setEnabled(bool(rows))
        held = any(r.held_ore > 0 for r in rows)
        self.refund_button.setEnabled(held)
        self.forfeit_button.setEnabled(held)

    # -- actions -----------------------------------------------------------------------------

    def pay(self) -> None:
        """Record a payment for the selected participants."""
        record_payments(self, self.tasks, self.selected_rows(), self._on_paid)

    def _on_paid(self, batch: EntryBatch) -> None:
        self.recorded.emit(paid_message(batch))

    def refund(self) -> None:
        """Pay back what is held for the selected participants."""
        targets = [
            RefundTarget(r.enrolment_id, r.person_name, r.held_ore)
            for r in self.selected_rows()
            if r.held_ore > 0
        ]
        self.refund_deposits(targets, self._on_refunded)

    def _on_refunded(self, batch: RefundBatch) -> None:
        text = self.batch_message(
            self.tr("Tilbakebetaling registrert: %1."),
            self.tr("Tilbakebetalinger registrert for %2 deltakere: til sammen %1."),
            len(batch.entry_ids),
            batch.total_ore,
        )
        self.recorded.emit(text)

    def forfeit(self) -> None:
        """Keep what is held for the selected participants."""
        self.keep_deposits(
            [(r.enrolment_id, r.person_name, r.held_ore) for r in self.selected_rows() if r.held_ore > 0]
        )
