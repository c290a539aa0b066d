"""A read-only table view set up the same way everywhere: row selection, sorting, sensible widths."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from coursekeeper.ui.widgets.column_layout import ColumnLayout


class RowTableView(QTableView):
    """Whole-row selection, click-to-sort (the model sorts in Python), no grid clutter.

    ``multi_select`` lets the user pick several rows (Ctrl/Shift + click, Shift + arrows).
    """

    def __init__(self, parent: QWidget | None = None, *, multi_select: bool = False) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi_select
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.column_layout = ColumnLayout(self)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Show ``model``; its columns are measured again whenever its rows are replaced."""
        super().setModel(model)
        self.column_layout.attach(model)
