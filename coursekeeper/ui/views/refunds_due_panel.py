"""Til tilbakebetaling: deposits due back as of a date; refund a selection, print or save its letters."""

from __future__ import annotations

import functools

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from coursekeeper.domain.money import format_kr
from coursekeeper.services import refunds
from coursekeeper.services.refund_batches import RefundBatch
from coursekeeper.services.refunds import RefundDue
from coursekeeper.ui import messages, navigation, role_gate
from coursekeeper.ui.dialogs.refund_dialog import RefundTarget
from coursekeeper.ui.table_models import RIGHT, Column, Money
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.deposit_actions_panel import DepositActionsPanel
from coursekeeper.ui.widgets import status_labels
from coursekeeper.ui.widgets.form_fields import date_of


def _due_text(row: RefundDue) -> str:
    return f"{row.person_name} {row.course_title} {row.municipality} {row.assignment_municipality}"


class RefundsDuePanel(DepositActionsPanel):
    """Refunds due as of a date, with the assignment and the day six months were reached."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, text_of=_due_text, parent=parent)
        self.as_of = self.add_as_of_row()
        self.as_of.setToolTip(self.tr("Vis egenandeler som skal tilbakebetales per denne datoen"))
        self.select_all_button = QPushButton(self.tr("Velg alle"))
        self.select_all_button.clicked.connect(self.table.selectAll)
        self.refund_button = QPushButton(self.tr("Registrer tilbakebetaling …"))
        self.refund_button.clicked.connect(self.refund_selected)
        self.print_button = QPushButton(self.tr("Skriv ut brev …"))
        self.print_button.setObjectName("printRefundLetters")
        self.print_button.clicked.connect(self.print_letters)
        self.save_button = QPushButton(self.tr("Lagre brev som PDF …"))
        self.save_button.setObjectName("saveRefundLetters")
        self.save_button.clicked.connect(self.save_letters)
        for button in (self.select_all_button, self.print_button, self.save_button, self.refund_button):
            self.buttons.addWidget(button)
        self.table.doubleClicked.connect(self.open_person)
        role_gate.gate("can_refund", self.refund_button)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.menu: QMenu | None = None
        self.follow_selection()

    def make_columns(self) -> list[Column]:
        """Who, which course, how much, why, and the assignment that made it due."""
        return [
            *self.who_columns(),
            Column(
                self.tr("Kurskommune"), lambda r: r.municipality, sort_key=lambda r: nb_key(r.municipality)
            ),
            Column(self.tr("Beløp"), lambda r: Money(r.amount_ore), RIGHT, lambda r: r.amount_ore),
            Column(
                self.tr("Grunn"), lambda r: status_labels.refund_reason(r.reason), sort_key=lambda r: r.reason
            ),
            Column(
                self.tr("Oppdrag"),
                self._assignment_text,
                sort_key=lambda r: nb_key(r.assignment_municipality),
            ),
            Column(
                self.tr("Seks måneder nådd"),
                lambda r: r.reached_on,
                sort_key=lambda r: (r.reached_on is not None, r.reached_on),
            ),
        ]

    def _assignment_text(self, row: RefundDue) -> str:
        if row.assignment_start is None:
            return ""
        start = row.assignment_start.strftime("%d.%m.%Y")
        if row.assignment_municipality:
            return self.tr("%1 fra %2").replace("%1", row.assignment_municipality).replace("%2", start)
        return self.tr("Fra %1").replace("%1", start)

    def reload(self) -> None:
        """Fetch the refunds due again for the chosen date."""
        self.load(
            functools.partial(refunds.refunds_due, date_of(self.as_of), course_id=self.course_id),
            self.tr("Finner egenandeler som skal tilbakebetales …"),
        )

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        self.refund_button.setEnabled(bool(rows))
        self.select_all_button.setEnabled(self.model.rowCount() > 0)
        if rows:
            self.print_button.setText(
                self.tr("Skriv ut brev til valgte (%1) …").replace("%1", str(len(rows)))
            )
            self.save_button.setText(self.tr("Lagre brev til valgte (%1) …").replace("%1", str(len(rows))))
            tip = self.tr("Brev om tilbakebetaling til de valgte")
        else:
            self.print_button.setText(self.tr("Skriv ut alle brev …"))
            self.save_button.setText(self.tr("Lagre alle brev som PDF …"))
            tip = self.tr("Brev om tilbakebetaling til alle i listen. Velg rader for å skrive ut bare dem.")
        for button in (self.print_button, self.save_button):
            button.setEnabled(self.model.rowCount() > 0)
            button.setToolTip(tip)
        self._update_count()

    # -- letters -----------------------------------------------------------------------------

    def print_letters(self) -> None:
        """«Skriv ut brev»: a letter to each selected, or with none selected to everyone listed."""
        self._letters(to_printer=True)

    def save_letters(self) -> None:
        """«Lagre brev som PDF»: a letter to each selected, or with none selected to everyone listed."""
        self._letters(to_printer=False)

    def _letters(self, *, to_printer: bool, recorded: list[RefundDue] | None = None) -> None:
        # Imported here: the PDF machinery is not needed to show the list.
        from coursekeeper.ui import printing_actions

        action = printing_actions.print_pdf if to_printer else printing_actions.save_pdf
        if recorded is not None:
            action(self.window(), self.tasks, kind="refund-letters", recorded=recorded)
            return
        rows: list[RefundDue] = self.selected_rows() or self.rows()
        if rows:
            action(
                self.window(),
                self.tasks,
                kind="refund-letters",
                course_id=self.course_id,
                as_of=date_of(self.as_of),
                enrolment_ids=[r.enrolment_id for r in rows],
            )

    def open_person(self) -> None:
        """Double-click or «Åpne personen»: the selected row's person in Personer."""
        row: RefundDue | None = self.table.current_row()
        if row is not None:
            navigation.open_person(self, row.person_id)

    def _show_menu(self, position: QPoint) -> None:
        """Right-click: the same actions as the buttons, on the selected rows."""
        if not self.selected_rows():
            return
        menu = QMenu(self)
        for button in (self.refund_button, self.print_button, self.save_button):
            menu.addAction(button.text(), button.click).setEnabled(button.isEnabled())
        menu.addSeparator()
        menu.addAction(self.tr("Åpne personen"), self.open_person)
        self.menu = menu
        menu.popup(self.table.viewport().mapToGlobal(position))

    def summary_suffix(self) -> str:
        """The total to pay back, and the selected part of it."""
        rows = self.selected_rows()
        total = sum(r.amount_ore for r in self.model.rows())
        text = self.tr("Til sammen %1 å tilbakebetale").replace("%1", format_kr(total))
        if rows:
            selected = format_kr(sum(r.amount_ore for r in rows))
            text += self.tr(" · valgt: %1 (%2)").replace("%1", str(len(rows))).replace("%2", selected)
        return text

    def refund_selected(self) -> None:
        """Record refunds for every selected row in one transaction."""
        rows: list[RefundDue] = self.selected_rows()
        self.refund_deposits(
            [RefundTarget(r.enrolment_id, r.person_name, r.amount_ore) for r in rows],
            functools.partial(self._on_refunded, rows),
        )

    def _on_refunded(self, rows: list[RefundDue], batch: RefundBatch) -> None:
        count = len(batch.entry_ids)
        if count == 1:
            text = self.tr("1 tilbakebetaling registrert: %1.").replace("%1", format_kr(batch.total_ore))
        else:
            text = (
                self.tr("%1 tilbakebetalinger registrert, til sammen %2.")
                .replace("%1", str(count))
                .replace("%2", format_kr(batch.total_ore))
            )
        self.recorded.emit(text)
        # Once paid back they are no longer due: the letters come from the rows as they were.
        choice = messages.choose(
            self,
            self.tr("Tilbakebetaling registrert"),
            text + "\n\n" + self.tr("Vil du skrive ut brev om tilbakebetalingen nå?"),
            [self.tr("Skriv ut brev …"), self.tr("Lagre brev som PDF …")],
            self.tr("Ikke nå"),
        )
        if choice is not None:
            self._letters(to_printer=choice == 0, recorded=rows)
