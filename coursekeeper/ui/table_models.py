"""Table models over lists of plain row dataclasses; sorting and filtering are done in Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coursekeeper.domain.dates import format_date, format_datetime
from coursekeeper.domain.text import norwegian_sort_key, search_key

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class Money(int):
    """An amount in øre that the model shows as ``1 000 kr`` and sorts as a number."""


class Hours(int):
    """Minutes that the model shows as hours (``7,5``) and sorts as a number."""


def format_value(value: object) -> str:
    """Display text: dates dd.mm.yyyy, money ``1 000 kr``, hours with a decimal comma."""
    from coursekeeper.domain.money import format_kr

    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, Money):
        return format_kr(int(value))
    if isinstance(value, Hours):
        return format_hours(int(value))
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def format_hours(minutes: int) -> str:
    """Minutes as hours with a Norwegian decimal comma: ``7,5``."""
    return f"{minutes / 60:g}".replace(".", ",")


@dataclass(frozen=True)
class Column(Generic[R]):
    """A table column: header, how to get the value from a row, alignment, sort key, tooltip.

    ``stretch`` marks a column that identifies the row (title, name, reason): it is never cut
    while there is room and takes the spare width; other columns fit their content.
    """

    header: str
    value: Callable[[R], object]
    align: Qt.AlignmentFlag = _LEFT
    sort_key: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str] | None = None
    stretch: bool = False


def identifying_column(header: str, value: Callable[[R], str]) -> Column[R]:
    """A column that names the row (a person, a course): stretches, sorts in Norwegian order."""
    return Column(header, value, sort_key=lambda row: norwegian_sort_key(value(row)), stretch=True)


def _default_sort_key(value: object) -> tuple:
    # None sorts first; text in Norwegian order (Æ, Ø, Å after Z), numbers and dates by value.
    if value is None:
        return (0, "")
    if isinstance(value, str):
        return (1, norwegian_sort_key(value))
    if isinstance(value, dt.datetime):
        return (2, value.isoformat())
    if isinstance(value, dt.date):
        return (2, value.isoformat())
    if isinstance(value, (int, float)):
        return (3, value)
    return (1, str(value))


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of row dataclasses; ``set_filter`` and ``sort`` rebuild the visible list."""

    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._alignments = [
            int(c.align.value) if hasattr(c.align, "value") else int(c.align) for c in self._columns
        ]
        self._all: list[R] = []
        self._rows: list[R] = []
        self._filter: Callable[[R], bool] | None = None
        self._text_of: Callable[[R], str] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace all rows (filter and sort order are kept)."""
        self.beginResetModel()
        self._all = list(rows)
        self._rebuild()
        self.endResetModel()

    def set_filter(self, predicate: Callable[[R], bool] | str | None) -> None:
        """Show only matching rows: a predicate, or text matched against every column (æøå-folded)."""
        self.beginResetModel()
        if isinstance(predicate, str):
            terms = search_key(predicate).split()
            self._filter = (lambda row: self._matches(row, terms)) if terms else None
        else:
            self._filter = predicate
        self._rebuild()
        self.endResetModel()

    def _matches(self, row: R, terms: list[str]) -> bool:
        text = self._text_of(row) if self._text_of else self.row_text(row)
        return all(t in text for t in terms)

    def row_text(self, row: R) -> str:
        """The folded text a search term is matched against: every column's display text."""
        return search_key(" ".join(format_value(c.value(row)) for c in self._columns))

    def set_search_text(self, text_of: Callable[[R], str] | None) -> None:
        """Use ``text_of(row)`` (already folded) instead of the column texts for text filters."""
        self._text_of = text_of

    def _rebuild(self) -> None:
        rows = [r for r in self._all if self._filter(r)] if self._filter else list(self._all)
        if self._sort is not None:
            column, order = self._sort
            col = self._columns[column]
            key = col.sort_key or (lambda r, c=col: _default_sort_key(c.value(r)))
            rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = rows

    # -- data out ----------------------------------------------------------------------------

    def row_at(self, index: _Index | int) -> R | None:
        """The row dataclass shown at ``index`` (a model index or a row number)."""
        row = index if isinstance(index, int) else (index.row() if index.isValid() else -1)
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        """The visible rows in display order."""
        return list(self._rows)

    def all_rows(self) -> list[R]:
        """Every row, including filtered-out ones."""
        return list(self._all)

    def column_count(self) -> int:
        """Number of columns."""
        return len(self._columns)

    def stretch_columns(self) -> list[int]:
        """The columns marked ``stretch`` (they share the table's spare width)."""
        return [number for number, column in enumerate(self._columns) if column.stretch]

    def display_text(self, row: int, column: int) -> str:
        """What the user sees in a cell (for tests)."""
        return format_value(self._columns[column].value(self._rows[row]))

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Visible rows (zero under any valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Number of columns (zero under any valid parent)."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Display text, alignment and tooltips (asked per cell and role: the role is checked first)."""
        if role != _DISPLAY and role != _ALIGNMENT and role != _TOOLTIP:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)) or not index.isValid():
            return None
        col = self._columns[column]
        if role == _DISPLAY:
            return format_value(col.value(self._rows[row]))
        if role == _ALIGNMENT:
            return self._alignments[column]
        return col.tooltip(self._rows[row]) if col.tooltip is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column headers; row numbers for the vertical header."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the visible rows in Python (fast; a sort proxy would call back per comparison)."""
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        old = self._rows
        self._rebuild()
        # Persistent indexes follow their rows (selection survives a sort).
        position = {id(r): i for i, r in enumerate(self._rows)}
        for index in self.persistentIndexList():
            if index.row() < len(old):
                new_row = position.get(id(old[index.row()]), -1)
                self.changePersistentIndex(
                    index, self.index(new_row, index.column()) if new_row >= 0 else QModelIndex()
                )
        self.layoutChanged.emit()


class PagedRowTableModel(RowTableModel[R]):
    """Rows that arrive a page at a time: the database searches and sorts, the view asks for more.

    Without ``more``, ``resort`` and ``fetch_all`` (rows shown whole) it is a plain RowTableModel.
    """

    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(columns, parent)
        #: Asks for the next page (the view scrolled near the end); the rows come to ``add_rows``.
        self.more: Callable[[], None] | None = None
        #: Asks for the rows again in another order (a header was clicked).
        self.resort: Callable[[int, Qt.SortOrder], None] | None = None
        #: Asks for every matching row not yet shown, then calls its argument (select all).
        self.fetch_all: Callable[[Callable[[], None]], None] | None = None
        self.matching = 0
        self._asked = False

    def set_page(self, rows: Sequence[R], matching: int) -> None:
        """The first page of ``matching`` rows (searched and sorted by the database already)."""
        self.matching = matching
        self._asked = False
        self._filter = self._sort = None
        self.set_rows(rows)

    def add_rows(self, rows: Sequence[R]) -> None:
        """The next page, after the rows shown."""
        self._asked = False
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._all.extend(rows)
        self._rows.extend(rows)
        self.endInsertRows()

    def canFetchMore(self, parent: _Index) -> bool:
        """More rows match than are shown, and none are on their way."""
        return (
            self.more is not None
            and not parent.isValid()
            and not self._asked
            and len(self._rows) < self.matching
        )

    def fetchMore(self, parent: _Index) -> None:
        """Ask for the next page (once until it has come)."""
        if self.more is not None and self.canFetchMore(parent):
            self._asked = True
            self.more()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the database when paged (the rows come again), in Python otherwise."""
        if self.resort is None:
            super().sort(column, order)
        elif 0 <= column < len(self._columns):
            self.resort(column, order)
