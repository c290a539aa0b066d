"""Posteringer: the deposit ledger, read-only; a mistake is corrected by a reversing entry."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from coursekeeper.domain.money import format_kr
from coursekeeper.services import deposits
from coursekeeper.services.deposits import LedgerRow
from coursekeeper.services.ledger_pages import SORTS, LedgerPage, LedgerQuery, ledger_page
from coursekeeper.ui import role_gate
from coursekeeper.ui.dialogs.correction_dialog import CorrectionDialog
from coursekeeper.ui.table_models import RIGHT, Column, Money, identifying_column
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets import status_labels
from coursekeeper.ui.widgets.rows_panel import RowsPanel


def _ledger_text(row: LedgerRow) -> str:
    return f"{row.person_name} {row.course_title} {row.method} {row.reference} {row.note} {row.id}"


class LedgerPanel(RowsPanel):
    """Ledger entries oldest first, for a course, a person or everything.

    ``reload`` reads a page at a time: the database searches, sorts and counts, and the next page
    comes when the user scrolls near the end, so a ledger of 100,000 entries opens at once.
    ``show_rows`` (a person's page) shows a short list whole, searched and sorted in Python.
    """

    #: A line for the user about what was just recorded.
    recorded = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, text_of=_ledger_text, parent=parent)
        self.course_id: int | None = None
        self.person_id: int | None = None
        self._corrected: set[int] = set()  # paged: the entries of the pages read that are corrected
        self.correct_button = QPushButton(self.tr("Korriger …"))
        self.correct_button.setToolTip(
            self.tr("Posteringer kan ikke endres. Korrigering fører en ny postering med motsatt beløp.")
        )
        self.correct_button.clicked.connect(self.correct)
        self.buttons.addWidget(self.correct_button)
        role_gate.gate("can_pay", self.correct_button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def make_columns(self) -> list[Column]:
        """Number, date, who, course, kind, amount, method, reference, note, corrects."""
        return [
            Column(self.tr("Nr."), lambda r: r.id, RIGHT),
            Column(self.tr("Dato"), lambda r: r.entry_date, sort_key=lambda r: (r.entry_date, r.id)),
            identifying_column(self.tr("Navn"), lambda r: r.person_name),
            identifying_column(self.tr("Kurs"), lambda r: r.course_title),
            Column(self.tr("Type"), lambda r: status_labels.entry_kind(r.kind), sort_key=lambda r: r.kind),
            Column(self.tr("Beløp"), lambda r: Money(r.amount_ore), RIGHT, lambda r: r.amount_ore),
            Column(self.tr("Måte"), lambda r: r.method, sort_key=lambda r: nb_key(r.method)),
            Column(self.tr("Referanse"), lambda r: r.reference, sort_key=lambda r: nb_key(r.reference)),
            Column(
                self.tr("Merknad"),
                self._note_text,
                sort_key=lambda r: nb_key(r.note),
                tooltip=self._note_tooltip,
            ),
        ]

    def _note_tooltip(self, row: LedgerRow) -> str:
        by = self.tr("Registrert av %1").replace("%1", row.entered_by)
        note = self._note_text(row)
        return f"{note}\n{by}" if note else by

    def _note_text(self, row: LedgerRow) -> str:
        if row.corrects_id is None:
            return row.note
        prefix = self.tr("Korrigerer nr. %1").replace("%1", str(row.corrects_id))
        return f"{prefix}: {row.note}" if row.note else prefix

    def set_source(self, *, course_id: int | None = None, person_id: int | None = None) -> None:
        """Show the entries of one course, one person, or (both None) everything."""
        self.course_id, self.person_id = course_id, person_id

    def reload(self) -> None:
        """Read the first page again (same search and order)."""
        self.load_pages(self.tr("Henter posteringer …"))

    def read_page(self, offset: int, limit: int | None) -> Callable[[], LedgerPage]:
        """Entries from ``offset`` in the order and with the search shown."""
        column, descending = self.order
        sort = SORTS[column] if column is not None else None
        query = LedgerQuery(self.course_id, self.person_id, tuple(self._terms), sort, descending)
        return functools.partial(ledger_page, query, offset=offset, limit=limit)

    def _on_page(self, page: LedgerPage) -> None:
        self._corrected = set(page.corrected)
        super()._on_page(page)

    def added(self, page: LedgerPage) -> None:
        """Remember which entries of a further page are corrected."""
        self._corrected |= page.corrected

    def _corrected_ids(self) -> set[int]:
        if self.paged():
            return self._corrected
        return {r.corrects_id for r in self.model.all_rows() if r.corrects_id is not None}

    def _update_buttons(self) -> None:
        row = self.table.current_row()
        ok = row is not None and row.kind != "correction" and row.id not in self._corrected_ids()
        self.correct_button.setEnabled(ok)

    def correct(self) -> None:
        """Reverse the selected entry with a correcting entry."""
        row: LedgerRow | None = self.table.current_row()
        if row is None:
            return
        CorrectionDialog(row, self).run_when_accepted(
            self.tasks,
            deposits.record_correction,
            label=self.tr("Registrerer korrigering …"),
            touches={"deposits"},
            on_done=self._on_corrected,
        )

    def _on_corrected(self, entry: object) -> None:
        amount = format_kr(entry.amount_ore)  # type: ignore[attr-defined]
        self.recorded.emit(self.tr("Korrigering registrert: %1.").replace("%1", amount))
