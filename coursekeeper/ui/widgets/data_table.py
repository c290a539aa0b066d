"""A read-only table view over a RowTableModel: whole rows, header click sorts (in Python)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from coursekeeper.ui.table_models import RowTableModel
from coursekeeper.ui.widgets.column_layout import ColumnLayout


class DataTable(QTableView):
    """Rows are read-only; sorting calls the model's Python sort; no per-row size computation."""

    def __init__(
        self,
        model: RowTableModel,
        *,
        multi_select: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi_select
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.column_layout = ColumnLayout(self)
        self.column_layout.attach(model)
        # Start unsorted (the service's order, e.g. by name, is the natural one): with the indicator
        # at -1, enabling sorting asks the model to sort column -1, which it ignores.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.verticalScrollBar().sliderReleased.connect(self._on_slider_released)

    def selectAll(self) -> None:
        """Ctrl+A: every matching row, also those not read yet (they are fetched first)."""
        model = self.model()
        fetch_all = getattr(model, "fetch_all", None)
        if fetch_all is not None and model.rowCount() < model.matching:
            fetch_all(super().selectAll)
        else:
            super().selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """End and Ctrl+End go to the last matching row, also when it is not read yet."""
        if event.key() == Qt.Key.Key_End and self._rows_not_read():
            self._to_the_end()
            return
        super().keyPressEvent(event)

    def _rows_not_read(self) -> bool:
        model = self.model()
        return getattr(model, "fetch_all", None) is not None and model.rowCount() < model.matching

    def _on_slider_released(self) -> None:
        bar = self.verticalScrollBar()
        if bar.value() == bar.maximum() and self._rows_not_read():
            self._to_the_end()  # dragged to the bottom: the user wants the end, not one more page

    def _to_the_end(self) -> None:
        """Read every matching row (with the cancellable progress dialog), then show the last."""

        def then() -> None:
            model = self.model()
            last = model.index(model.rowCount() - 1, max(self.currentIndex().column(), 0))
            self.setCurrentIndex(last)
            self.scrollTo(last)

        self.model().fetch_all(then)

    def row_model(self) -> RowTableModel:
        """The RowTableModel shown."""
        return self.model()  # type: ignore[return-value]

    def current_row(self) -> Any:
        """The row dataclass of the current (focused) row, or None."""
        rows = self.selected_rows()
        return rows[0] if rows else None

    def selected_rows(self) -> list[Any]:
        """The row dataclasses of the selected rows, top to bottom."""
        model = self.row_model()
        numbers = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [row for n in numbers if (row := model.row_at(n)) is not None]
