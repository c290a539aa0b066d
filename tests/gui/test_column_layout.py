"""Identifying columns stretch and are not cut; the rest fit their content; cut text has a tooltip."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from coursekeeper.ui.table_models import Column, RowTableModel
from coursekeeper.ui.widgets.column_layout import FITTED_MAX
from coursekeeper.ui.widgets.data_table import DataTable
from coursekeeper.ui.widgets.table_view import RowTableView

TITLE = "Kurs for treningskontakter – Øygarden kommune, vårsemesteret"


@dataclass(frozen=True)
class Row:
    title: str
    start: str
    place: str
    note: str


ROWS = [
    Row(TITLE, "09.04.2026", "Øygarden", "Kort"),
    Row("Kurs – Bergen", "10.04.2026", "Bergen", "En merknad som er mye lengre enn det er plass til " * 4),
]


def _model() -> RowTableModel[Row]:
    return RowTableModel(
        [
            Column("Tittel", lambda r: r.title, stretch=True),
            Column("Start", lambda r: r.start),
            Column("Kommune", lambda r: r.place),
            Column("Merknad", lambda r: r.note),
        ]
    )


@pytest.fixture(params=["RowTableView", "DataTable"])
def table(request, qtbot):
    model = _model()
    if request.param == "DataTable":
        view = DataTable(model)
    else:
        view = RowTableView()
        view.setModel(model)
    qtbot.addWidget(view)
    model.set_rows(ROWS)
    view.show()
    return view


def _needed(view, column: int) -> int:
    return max(view.sizeHintForColumn(column), view.horizontalHeader().sectionSizeHint(column))


@pytest.mark.parametrize("width", [1000, 1280, 1920])
def test_the_title_is_never_cut_and_takes_the_spare_width(table, width: int) -> None:
    table.resize(width, 400)
    assert table.columnWidth(0) >= _needed(table, 0)
    assert table.columnWidth(1) == _needed(table, 1)
    assert table.columnWidth(2) == _needed(table, 2)
    assert table.columnWidth(3) == FITTED_MAX  # a long note is capped, not the title
    used = sum(table.columnWidth(c) for c in range(4))
    assert used == table.viewport().width()  # no spare width left at the end, no scroll bar
    assert table.horizontalHeader().stretchLastSection() is False


def test_a_wider_window_widens_the_title_only(table) -> None:
    table.resize(1280, 400)
    narrow = [table.columnWidth(c) for c in range(4)]
    table.resize(1920, 400)
    wide = [table.columnWidth(c) for c in range(4)]
    assert wide[1:] == narrow[1:]
    assert wide[0] - narrow[0] == 640


def test_too_narrow_trims_the_other_columns_before_the_title(table) -> None:
    table.resize(820, 400)  # half is room for the title; the other three want more than the rest
    assert table.columnWidth(0) >= _needed(table, 0)
    assert table.columnWidth(3) < FITTED_MAX
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_cut_text_shows_whole_in_a_tooltip(table, qtbot) -> None:
    table.resize(1000, 400)
    note = table.visualRect(table.model().index(1, 3)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, note, table.viewport().mapToGlobal(note))
    assert table.column_layout.eventFilter(table.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == ROWS[1].note
    short = table.visualRect(table.model().index(0, 3)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, short, table.viewport().mapToGlobal(QPoint(short)))
    assert table.column_layout.eventFilter(table.viewport(), event)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # the whole text fits: no tooltip


def test_short_values_are_never_cut_when_the_room_is_short(table) -> None:
    table.resize(500, 400)  # far too narrow: the long note gives way, a date stays whole (no «09.0…»)
    assert table.columnWidth(1) == _needed(table, 1)
    assert table.columnWidth(2) == _needed(table, 2)
    assert table.columnWidth(3) < FITTED_MAX


def test_a_further_page_with_wider_values_widens_its_column(qtbot) -> None:
    """Posteringer showed «999…» for entry 100 000 after scrolling (second new-user trial)."""
    from coursekeeper.ui.table_models import PagedRowTableModel

    model: PagedRowTableModel[Row] = PagedRowTableModel(
        [Column("Tittel", lambda r: r.title, stretch=True), Column("Nr.", lambda r: r.place)]
    )
    view = DataTable(model)
    qtbot.addWidget(view)
    view.resize(600, 300)
    model.set_page([Row("Kurs", "", "9", "")], 2)
    view.show()
    narrow = view.horizontalHeader().sectionSize(1)
    model.add_rows([Row("Kurs", "", "100 000 000 000 000", "")])
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(1) > narrow)
    assert view.horizontalHeader().sectionSize(1) >= _needed(view, 1)
