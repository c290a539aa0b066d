"""Posteringer: the deposit ledger, read-only; a mistake is corrected by a reversing entry."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from coursekeeper.domain.money import format_kr
from coursekeeper.domain.text import search_key
from coursekeeper.services import deposits
from coursekeeper.services.deposits import LedgerRow
from coursekeeper.services.ledger_pages import SORTS, LedgerPage, LedgerQuery, ledger_page
from coursekeeper.ui.dialogs.correction_dialog import CorrectionDialog
from coursekeeper.ui.table_models import RIGHT, Column, Money, PagedRowTableModel, identifying_column
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
    model_class = PagedRowTableModel
    model: PagedRowTableModel

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, text_of=_ledger_text, parent=parent)
        self.course_id: int | None = None
        self.person_id: int | None = None
        self._page: LedgerPage | None = None  # the last page read (None: rows shown whole)
        self._corrected: set[int] = set()
        self._order: tuple[str | None, bool] = (None, False)
        self.correct_button = QPushButton(self.tr("Korriger …"))
        self.correct_button.setToolTip(
            self.tr("Posteringer kan ikke endres. Korrigering fører en ny postering med motsatt beløp.")
        )
        self.correct_button.clicked.connect(self.correct)
        self.buttons.addWidget(self.correct_button)
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
        self.model.more, self.model.resort = self._more, self._resort
        self.load(functools.partial(ledger_page, self._query()), self.tr("Henter posteringer …"))

    def show_rows(self, rows: list) -> None:
        """Show a short list whole (a person's entries): searched and sorted in Python."""
        self.model.more = self.model.resort = None
        self._page = None
        super().show_rows(rows)

    def _query(self) -> LedgerQuery:
        sort, descending = self._order
        return LedgerQuery(self.course_id, self.person_id, tuple(self._terms), sort, descending)

    def _on_fetched(self, generation: int, result: LedgerPage | list) -> None:
        if not isinstance(result, LedgerPage):
            super()._on_fetched(generation, result)
            return
        if generation != self._generation:
            return
        kept = self.selected_identities()
        self._page = result
        self._corrected = set(result.corrected)
        self.model.set_page(result.rows, result.matching)
        self.reselect(kept)
        self._update_count()
        self.loaded.emit()

    def _more(self) -> None:
        generation, query, offset = self._generation, self._query(), self.model.rowCount()

        def shown(page: LedgerPage) -> None:
            if generation == self._generation:
                self._corrected |= page.corrected
                self.model.add_rows(page.rows)

        self.tasks.run(
            functools.partial(ledger_page, query, offset=offset),
            label=self.tr("Henter posteringer …"),
            on_done=shown,
            parent=self,
            dialog=False,
        )

    def _resort(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (SORTS[column], order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def set_search(self, text: str) -> None:
        """Paged: the database finds the entries (folded as in Python); whole: filtered in Python."""
        if self.model.resort is None:
            super().set_search(text)
            return
        terms = search_key(text).split()
        if terms != self._terms:
            self._terms = terms
            self.reload()

    def counts(self) -> tuple[int, int]:
        """Paged: the entries matching the search and all entries, as counted by the database."""
        if self.model.resort is None:
            return super().counts()
        return (self._page.matching, self._page.total) if self._page is not None else (0, 0)

    def _corrected_ids(self) -> set[int]:
        if self.model.resort is not None:
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
