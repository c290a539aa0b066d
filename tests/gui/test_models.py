"""Every table model passes qtmodeltester; sorting and filtering happen in Python."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt

from coursekeeper.domain.deposits import DepositStatus
from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
from coursekeeper.services.course_overview import AttendanceSheet, CourseHeader, EnrolmentRow, SessionRow
from coursekeeper.ui.attendance_model import AttendanceModel, parse_hours
from coursekeeper.ui.table_models import RIGHT, Column, Hours, Money, RowTableModel


@dataclass(frozen=True)
class Row:
    name: str
    born: dt.date | None
    amount: int
    minutes: int


ROWS = [
    Row("Åse Lygre", dt.date(1980, 1, 2), 100_000, 90),
    Row("Ola Ødegård", None, 0, 360),
    Row("Anne Aasen", dt.date(1975, 12, 24), 123_450, 0),
]


def _model() -> RowTableModel[Row]:
    model = RowTableModel(
        [
            Column("Navn", lambda r: r.name),
            Column("Født", lambda r: r.born),
            Column("Beløp", lambda r: Money(r.amount), RIGHT),
            Column("Timer", lambda r: Hours(r.minutes), RIGHT),
        ]
    )
    model.set_rows(ROWS)
    return model


def test_row_model_formats_dates_money_and_hours(qtmodeltester) -> None:
    model = _model()
    qtmodeltester.check(model)
    assert [model.display_text(0, c) for c in range(4)] == ["Åse Lygre", "02.01.1980", "1 000 kr", "1,5"]
    assert model.display_text(1, 1) == ""


def test_row_model_sorts_and_filters_in_python(qtmodeltester) -> None:
    model = _model()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    # Norwegian alphabetical order: Æ, Ø, Å come after Z.
    assert [r.name for r in model.rows()] == ["Anne Aasen", "Ola Ødegård", "Åse Lygre"]
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [r.amount for r in model.rows()] == [123_450, 100_000, 0]
    model.set_filter("odegard")
    assert [r.name for r in model.rows()] == ["Ola Ødegård"]
    qtmodeltester.check(model)
    model.set_filter(lambda r: r.minutes > 0)
    assert len(model.rows()) == 2 and len(model.all_rows()) == 3
    model.set_filter(None)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def _sheet() -> AttendanceSheet:
    today = dt.date(2026, 4, 9)
    header = CourseHeader(
        1,
        "Kurs",
        "Øygarden",
        "Straume",
        today,
        today,
        "open",
        2,
        100_000,
        False,
        None,
        540,
        540,
        False,
        (),
        (),
    )
    sessions = (SessionRow(1, today, "09:00", "15:00", 360), SessionRow(2, today, "09:00", "12:00", 180))
    people = tuple(
        EnrolmentRow(
            i, i, name, "", EnrolmentState.ACCEPTED, dt.datetime(2026, 1, i), ScreeningOutcome.SUITABLE,
            DepositStatus.PAID, 100_000, 0, "",
        )
        for i, name in ((1, "Kari Nordmann"), (2, "Per Hansen"))
    )  # fmt: skip
    return AttendanceSheet(header, sessions, people, {(1, 1): 360})


def test_attendance_model(qtmodeltester) -> None:
    model = AttendanceModel()
    qtmodeltester.check(model)
    model.set_sheet(_sheet())
    qtmodeltester.check(model)
    saved: list = []
    model.minutes_changed.connect(lambda *args: saved.append(args))
    assert model.data(model.index(0, 1), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(0, 2), "1,5")
    assert model.data(model.index(0, 2), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    assert model.data(model.index(0, model.total_column)) == "7,5"
    assert not model.setData(model.index(0, 2), "4")  # longer than the session
    assert model.setData(model.index(1, 1), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert saved == [(1, 2, 90, None), (2, 1, 360, None)]  # what each cell showed before: empty
    assert model.setData(model.index(0, 1), "3")
    assert saved[-1] == (1, 1, 180, 360)
    assert model.mark_all_present(2) == {1: 90, 2: None}  # the cells as they were, for the save to check
    assert model.data(model.index(1, model.done_column)) == "Ja"


def test_parse_hours() -> None:
    assert parse_hours("3") == 180
    assert parse_hours("7,5") == 450
    assert parse_hours("") == 0
    assert parse_hours("tre") is None
    assert parse_hours("-1") is None
