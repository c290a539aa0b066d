"""What the deposit panels share: one course or all, an «as of» date, and keep or refund the selection."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from coursekeeper.services import deposit_batches
from coursekeeper.services.deposit_batches import EntryBatch
from coursekeeper.services.refund_batches import RefundBatch, record_refunds
from coursekeeper.ui import navigation
from coursekeeper.ui.dialogs.forfeit_dialog import ForfeitDialog
from coursekeeper.ui.dialogs.refund_dialog import RefundDialog, RefundTarget
from coursekeeper.ui.table_models import Column, identifying_column
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.context_menu import MenuEntry, exec_menu
from coursekeeper.ui.widgets.form_fields import date_edit
from coursekeeper.ui.widgets.rows_panel import RowsPanel


class DepositActionsPanel(RowsPanel):
    """Deposit rows (multi-select) whose held money can be kept or paid back in one transaction.

    Each panel defines ``reload`` (fetch its rows) and ``_update_buttons`` (enable its actions).
    """

    #: A line for the user about what was just recorded.
    recorded = Signal(str)

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        text_of: Callable[[Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, multi_select=True, text_of=text_of, parent=parent)
        self.course_id: int | None = None

    def set_course(self, course_id: int | None) -> None:
        """Show one course (None: every course)."""
        self.course_id = course_id

    def who_columns(self) -> list[Column]:
        """The first columns of every deposit panel: the person's name and the course's title."""
        return [
            identifying_column(self.tr("Navn"), lambda r: r.person_name),
            identifying_column(self.tr("Kurs"), lambda r: r.course_title),
        ]

    def add_row_menu(self) -> None:
        """Right-click: the panel's buttons and «Åpne personen/kurset»; double-click opens the course."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_menu)
        self.table.doubleClicked.connect(self._on_double_click)

    def menu_entries(self) -> list[MenuEntry]:
        """The panel's buttons for the selected rows, then open the person (when known) or the course."""
        entries: list[MenuEntry] = []
        for i in range(self.buttons.count()):
            button = self.buttons.itemAt(i).widget()
            if isinstance(button, QPushButton) and not button.isHidden():
                entries.append((button.text(), button.isEnabled(), button.click))
        entries.append(None)
        rows = self.selected_rows()
        one = len(rows) == 1
        if all(hasattr(r, "person_id") for r in rows):  # forfeit candidates carry only the course
            entries.append((self.tr("Åpne personen"), one, self.open_person))
        entries.append((self.tr("Åpne kurset"), one, self.open_course))
        return entries

    def show_menu(self, pos: QPoint) -> None:
        """Right-click on the table."""
        exec_menu(self.table, pos, self.menu_entries())

    def _on_double_click(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            navigation.open_course(self, row.course_id, row.enrolment_id)

    def open_person(self) -> None:
        """The selected row's person under «Personer»."""
        rows = self.selected_rows()
        if len(rows) == 1:
            navigation.open_person(self, rows[0].person_id)

    def open_course(self) -> None:
        """The selected row's course page, with the cursor on the enrolment."""
        rows = self.selected_rows()
        if len(rows) == 1:
            navigation.open_course(self, rows[0].course_id, rows[0].enrolment_id)

    def follow_selection(self) -> None:
        """Call ``_update_buttons`` now and whenever the selection or the rows change."""
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def add_as_of_row(self, beside: QWidget | None = None) -> QDateEdit:
        """A «Per dato» field above the table that reloads the rows; ``beside`` fills the rest of the row."""
        as_of = date_edit()
        as_of.dateChanged.connect(self.reload)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Per dato:"))
        label.setBuddy(as_of)
        top.addWidget(label)
        top.addWidget(as_of)
        if beside is None:
            top.addStretch(1)
        else:
            top.addWidget(beside, 1)
        self.layout().insertLayout(0, top)
        return as_of

    def keep_deposits(self, targets: list[tuple[int, str, int]]) -> None:
        """Ask for a date and a reason, then keep what is held for (enrolment id, name, øre) ``targets``."""
        if targets:
            ForfeitDialog(targets, self).run_when_accepted(
                self.tasks,
                deposit_batches.record_forfeits,
                label=self.tr("Registrerer beholdte egenandeler …"),
                touches={"deposits"},
                on_done=self._on_forfeited,
            )

    def _on_forfeited(self, batch: EntryBatch) -> None:
        text = self.batch_message(
            self.tr("Egenandel beholdt: %1."),
            self.tr("Egenandeler beholdt for %2 deltakere: til sammen %1."),
            len(batch.entry_ids),
            batch.total_ore,
        )
        self.recorded.emit(text)

    def refund_deposits(self, targets: list[RefundTarget], on_done: Callable[[RefundBatch], None]) -> None:
        """Ask for the refund's date and method, then pay back what is held for ``targets``."""
        if targets:
            RefundDialog(targets, self).run_when_accepted(
                self.tasks,
                record_refunds,
                label=self.tr("Registrerer tilbakebetalinger …"),
                touches={"deposits"},
                on_done=on_done,
            )
