"""Column widths shared by every table: identifying columns stretch, the rest fit their content.

A column that identifies a row (title, name, reason) is marked ``stretch=True`` in its
:class:`~coursekeeper.ui.table_models.Column`; it gets the width of its content and shares the
spare width with the other such columns, so a wide window widens titles and names, not the last
column. Other columns fit their content (capped, so one long note cannot take the table); when
the room is short they give way first, widest first, until the stretching columns have their
content or half the table between them (a long reason does not push everything else out).
A short value (a year, a date, a count with its share) is never cut: a scroll bar beats «2…».
Text that still does not fit is cut at the end with "…", and hovering shows it whole.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QTableView, QToolTip

#: Rows measured per column (at each load and search): more would cost time, not width.
MEASURED_ROWS = 100
#: The widest a column that does not stretch gets from its content.
FITTED_MAX = 320
#: The least share a stretching column keeps (when its content is wider) before fitted columns give way.
STRETCH_FLOOR = 200
#: A fitted column whose content is no wider than this is kept whole when the room is short.
KEPT_WHOLE = 100
#: Room for the cell's margins when deciding whether its text was cut.
_CELL_PADDING = 12


class ColumnLayout(QObject):
    """Lays out the columns of ``view`` after each model reset and viewport resize."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._content: dict[int, int] = {}
        self._model: QAbstractItemModel | None = None
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        view.viewport().installEventFilter(self)

    @property
    def view(self) -> QTableView:
        """The table laid out (the parent; not kept in an attribute, which would make a reference
        cycle that Python's collector may break in the middle of building another widget)."""
        return self.parent()  # type: ignore[return-value]

    def attach(self, model: QAbstractItemModel | None) -> None:
        """Follow ``model`` (the view's model): measure again whenever its rows are replaced."""
        if self._model is not None:
            self._model.modelReset.disconnect(self.measure)
            self._model.rowsInserted.disconnect(self._measure_soon)
        self._model = model
        if model is not None:
            model.modelReset.connect(self.measure)
            # A further page (a paged list) may hold wider values, e.g. «100 000» after «999»:
            # measured once the view has scrolled to it, so the rows on screen are among those measured.
            model.rowsInserted.connect(self._measure_soon)
        self.measure()

    def _measure_soon(self, *_args: object) -> None:
        QTimer.singleShot(0, self, self.measure)

    def stretch_columns(self) -> set[int]:
        """The columns marked ``stretch`` by the model (none for a model without column flags)."""
        flags = getattr(self.view.model(), "stretch_columns", None)
        return set(flags()) if flags is not None else set()

    def measure(self) -> None:
        """Measure every column's content (the first rows only), then lay the columns out."""
        view, header = self.view, self.view.horizontalHeader()
        self._content = {
            column: max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(header.count())
            if not view.isColumnHidden(column)
        }
        self.lay_out()

    def lay_out(self) -> None:
        """Fitted columns get their content width; stretching ones share the rest (see module doc)."""
        header = self.view.horizontalHeader()
        stretch = self.stretch_columns() & set(self._content)
        header.setStretchLastSection(not stretch)
        widths = {c: min(w, FITTED_MAX) for c, w in self._content.items() if c not in stretch}
        if stretch:
            available = self.view.viewport().width()
            # What the other columns give way to: a title or name whole, a long reason up to a share.
            share = max(STRETCH_FLOOR, available // (2 * len(stretch)))
            floors = {c: min(self._content[c], share) for c in stretch}
            widths = self._trimmed(widths, available - sum(floors.values()))
            shared = _water_filled({c: self._content[c] for c in stretch}, available - sum(widths.values()))
            widths.update({c: max(floors[c], w) for c, w in shared.items()})
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _trimmed(self, widths: dict[int, int], room: int) -> dict[int, int]:
        """Fitted widths cut from the widest down (never below the header, short values never) to ``room``."""
        if sum(widths.values()) <= room:
            return widths
        header = self.view.horizontalHeader()
        floors = {c: w if w <= KEPT_WHOLE else min(w, header.sectionSizeHint(c)) for c, w in widths.items()}
        low, high = 0, max(widths.values())
        while low < high:  # the highest common cap that fits
            cap = (low + high + 1) // 2
            if sum(max(floors[c], min(w, cap)) for c, w in widths.items()) <= room:
                low = cap
            else:
                high = cap - 1
        return {c: max(floors[c], min(w, low)) for c, w in widths.items()}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Lay out again when the viewport changes width; a tooltip for text cut at the end."""
        if event.type() == QEvent.Type.Resize:
            self.lay_out()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._show_whole_text(event)
        return False

    def _show_whole_text(self, event: QHelpEvent) -> bool:
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the model's own tooltip, if any, is shown as usual
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = self.view.visualRect(index)
        if not text or self.view.fontMetrics().horizontalAdvance(text) + _CELL_PADDING <= rect.width():
            QToolTip.hideText()
            return True
        QToolTip.showText(event.globalPos(), text, self.view.viewport(), rect)
        return True


def _water_filled(content: dict[int, int], room: int) -> dict[int, int]:
    """Share ``room`` among columns: each gets its content, or an equal share when that is less.

    Narrow columns (a name) are satisfied first and what they leave goes to the wide ones (a
    reason); room beyond every column's content is shared out equally.
    """
    widths: dict[int, int] = {}
    waiting = sorted(content, key=content.__getitem__)
    while waiting:
        share = max(room, 0) // len(waiting)
        column = waiting[0]
        if content[column] > share:
            break
        widths[column] = content[column]
        room -= content[column]
        waiting.pop(0)
    if waiting:
        share, left_over = divmod(max(room, 0), len(waiting))
        for position, column in enumerate(sorted(waiting)):
            widths[column] = share + (1 if position < left_over else 0)
        return widths
    share, left_over = divmod(max(room, 0), len(widths))
    return {c: w + share + (1 if i < left_over else 0) for i, (c, w) in enumerate(sorted(widths.items()))}
