"""Registrer innbetaling: date, amount, method and reference for one or more participants."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from coursekeeper.domain.money import format_kr
from coursekeeper.errors import ValidationError
from coursekeeper.services import deposit_batches
from coursekeeper.services.deposit_batches import EntryBatch
from coursekeeper.services.deposit_overview import DepositRow
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_fields import (
    ErrorLabel,
    amount_text,
    date_edit,
    date_of,
    method_combo,
    parse_amount,
)


@dataclass(frozen=True)
class PaymentValues:
    """What the user entered; ``amount_ore`` None means «what is outstanding for each»."""

    enrolment_ids: tuple[int, ...]
    paid_on: dt.date
    amount_ore: int | None
    method: str
    reference: str
    note: str


class PaymentDialog(FormDialog):
    """Record a deposit payment; the amount defaults to what is outstanding."""

    def __init__(self, rows: list[DepositRow], parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent, today)
        self.setWindowTitle(self.tr("Registrer innbetaling"))
        self.setMinimumWidth(460)
        self._rows = rows
        if len(rows) == 1:
            who = self.tr("Innbetaling av egenandel for %1 («%2»).").replace("%1", rows[0].person_name)
            who = who.replace("%2", rows[0].course_title)
        else:
            who = self.tr("Innbetaling av egenandel for %1 deltakere.").replace("%1", str(len(rows)))

        self.date = date_edit(self._today)
        self.amount = QLineEdit()
        outstanding = {r.outstanding_ore for r in rows}
        if len(outstanding) == 1 and (value := outstanding.pop()) > 0:
            self.amount.setText(amount_text(value))
        else:
            self.amount.setPlaceholderText(self.tr("Det som gjenstår for hver"))
        self.amount_error = ErrorLabel()
        self.method = method_combo()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("For eksempel KID, Vipps-nummer eller bilagsnummer"))
        self.note = QLineEdit()
        self.date_error = ErrorLabel()

        self.form.addRow(self.tr("&Dato:"), self.date)
        self.form.addRow("", self.date_error)
        self.form.addRow(self.tr("&Beløp (kr):"), self.amount)
        self.form.addRow("", self.amount_error)
        self.form.addRow(self.tr("Betalings&måte:"), self.method)
        self.form.addRow(self.tr("&Referanse:"), self.free_text(self.reference))
        self.form.addRow(self.tr("M&erknad:"), self.free_text(self.note))
        self.lay_out(self.tr("Registrer innbetaling"), who)
        self.amount.textChanged.connect(self._validate)
        self.date.dateChanged.connect(self._validate)
        self._validate()

    def _amount(self) -> int | None:
        text = self.amount.text().strip()
        return parse_amount(text) if text else None

    def _validate(self) -> bool:
        ok = True
        try:
            amount = self._amount()
            if amount is None and all(r.outstanding_ore <= 0 for r in self._rows):
                self.amount_error.show_message(self.tr("Skriv beløpet som er betalt."))
                ok = False
            else:
                self.amount_error.show_message("")
        except ValidationError:
            self.amount_error.show_message(self.tr("Skriv et beløp større enn 0 kr, for eksempel 1000."))
            ok = False
        future = self.future_date_message(self.date)
        self.date_error.show_message(future)
        ok = ok and not future
        self.ok_button.setEnabled(ok)
        return ok

    def values(self) -> PaymentValues:
        """The entered values (call after the dialog was accepted)."""
        return PaymentValues(
            tuple(r.enrolment_id for r in self._rows),
            date_of(self.date),
            self._amount(),
            self.method.currentText().strip(),
            self.reference.text().strip(),
            self.note.text().strip(),
        )


def record_payments(
    parent: QWidget, tasks: TaskRunner, rows: list[DepositRow], on_done: Callable[[EntryBatch], None]
) -> None:
    """The payment dialog for ``rows``; once accepted, the payments are recorded on the worker."""
    if rows:
        PaymentDialog(rows, parent).run_when_accepted(
            tasks,
            deposit_batches.record_payments,
            label=QCoreApplication.translate("PaymentDialog", "Registrerer innbetalinger …"),
            touches={"deposits"},
            on_done=on_done,
        )


def paid_message(batch: EntryBatch) -> str:
    """«Innbetaling registrert: 1 000 kr.» or, for several, how many and the total."""
    count = len(batch.entry_ids)
    text = (
        QCoreApplication.translate("PaymentDialog", "Innbetaling registrert: %1.")
        if count == 1
        else QCoreApplication.translate(
            "PaymentDialog", "Innbetalinger registrert for %2 deltakere: til sammen %1."
        )
    )
    return text.replace("%1", format_kr(batch.total_ore)).replace("%2", str(count))
