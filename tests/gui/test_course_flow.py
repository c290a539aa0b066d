"""A whole course through the real widgets: create, enrol three, withdraw, screen, attendance."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from coursekeeper.services import audit, people
from coursekeeper.services.people import PersonInput


def _column(model, header: str) -> int:
    return next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header
    )


def _table(model) -> dict[str, dict[str, str]]:
    """What the user sees: name → {column header: cell text}."""
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {
        model.display_text(r, 0): {h: model.display_text(r, c) for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    }


@pytest.fixture
def view(tasks, qtbot):
    from coursekeeper.ui.main_window import MainWindow

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.show()
    widget = window.show_view("courses")
    assert tasks.wait_idle()
    yield widget
    window.close()


def _create_course(view, tasks, qtbot) -> None:
    view.new_item()
    dialog = view.dialog
    qtbot.keyClicks(dialog.title, "Treningskontaktkurs Øygarden våren 2026")
    qtbot.keyClicks(dialog.municipality, "Øygarden")
    dialog.venue.setText("Straume idrettshall")
    dialog.capacity.setValue(2)
    dialog.screening_required.setChecked(False)
    table = dialog.sessions.table
    table.item(0, 0).setText("09.04.2026")
    table.item(0, 1).setText("09:00")
    table.item(0, 2).setText("15:00")
    dialog.sessions.add_button.click()  # continues with the next day, same times
    assert table.rowCount() == 2 and table.item(1, 0).text() == "10.04.2026"
    table.item(1, 2).setText("12:00")
    assert table.item(1, 3).text() == "3"  # hours follow the times
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert tasks.wait_idle()
    assert dialog.result() == dialog.DialogCode.Accepted


def _add_new(page, tasks, first: str, last: str) -> None:
    page.add_person()
    dialog = page.dialog
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.municipality.setText("Bergen")
    dialog.accept_now.setChecked(True)
    dialog.create_button.click()
    assert tasks.wait_idle()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_whole_course_flow(view, tasks, qtbot, shown) -> None:
    people.create_person(PersonInput("Ola", "Ødegård", email="ola@example.no"))

    # 1. Create a course with two sessions and capacity 2.
    _create_course(view, tasks, qtbot)
    page = view.page
    assert view.stack.currentWidget() is page
    assert page.title.text() == "Treningskontaktkurs Øygarden våren 2026"
    assert "09.04.2026–10.04.2026 · Øygarden · Straume idrettshall" in page.facts.text()
    assert "9 timer" in page.facts.text()
    assert page.capacity_label.text() == "0 av 2 plasser"

    # 2. Three people: a new one, an existing one found by search (æøå-folded), a new one.
    _add_new(page, tasks, "Kari", "Nordmann")
    page.add_person()
    dialog = page.dialog
    dialog.search.setText("odegard")
    dialog.search._emit()
    assert tasks.wait_idle()
    assert dialog.model.rowCount() == 1 and dialog.model.display_text(0, 0) == "Ola Ødegård"
    dialog.accept_now.setChecked(True)
    dialog.pick_button.click()
    assert tasks.wait_idle()
    _add_new(page, tasks, "Per", "Hansen")
    assert shown["info"] == ["Kurset er fullt (2 plasser): Per Hansen er satt på venteliste."]
    assert page.capacity_label.text() == "2 av 2 plasser · 1 på venteliste"
    rows = _table(page.model)
    assert {n: r["Status"] for n, r in rows.items()} == {
        "Kari Nordmann": "Tatt opp",
        "Ola Ødegård": "Tatt opp",
        "Per Hansen": "Venteliste",
    }
    assert rows["Kari Nordmann"]["Egenandel"] == "Ikke betalt"
    assert rows["Kari Nordmann"]["Vurdering"] == "Ikke vurdert"

    # 3. Withdraw Kari with the Delete key: the preview names who gets the seat; the promotion is announced.
    page.select_enrolment(next(r.id for r in page.model.rows() if r.name == "Kari Nordmann"))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert tasks.wait_idle()
    assert "Per Hansen får plassen fra ventelisten." in shown["confirm"][-1]
    assert (
        shown["info"][-1]
        == "Kari Nordmann er trukket fra kurset. Per Hansen har fått plassen fra ventelisten."
    )
    assert page.capacity_label.text() == "2 av 2 plasser"
    assert {n: r["Status"] for n, r in _table(page.model).items()}["Per Hansen"] == "Tatt opp"

    # 4. Screening of Per: opening is logged, the outcome shows in the table, the notes nowhere.
    page.select_enrolment(next(r.id for r in page.model.rows() if r.name == "Per Hansen"))
    page.open_screening()
    assert tasks.wait_idle()
    screening = page.dialog
    screening.interviewer.setText("Kari Nordmann")
    screening.outcome.setCurrentIndex(screening.outcome.findText("Egnet"))
    screening.notes.setPlainText("Rolig og trygg; ønsker svømming.")
    screening.buttons.button(screening.buttons.StandardButton.Save).click()
    assert tasks.wait_idle()
    rows = _table(page.model)
    assert rows["Per Hansen"]["Vurdering"] == "Egnet"
    assert not any("svømming" in text for row in rows.values() for text in row.values())
    assert any(e.action == "screening_view" for e in audit.entries(entity="screening"))

    # 5. Attendance from the keyboard: Space ticks, typing a number sets hours; totals update as you type.
    page.open_attendance()
    assert tasks.wait_idle()
    grid = page.dialog
    model = grid.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["Ola Ødegård", "Per Hansen"]
    grid.table.setFocus()
    grid.table.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(grid.table, Qt.Key.Key_Space)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(0, model.total_column)) == "6"
    assert model.data(model.index(0, model.done_column)) == "Nei"
    grid.table.setCurrentIndex(model.index(0, 2))
    qtbot.keyClicks(grid.table, "3")
    editor = grid.table.findChild(QLineEdit)
    assert editor is not None and editor.text() == "3"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: model.data(model.index(0, model.total_column)) == "9", timeout=2000)
    assert model.data(model.index(0, model.done_column)) == "Ja"
    grid.table.setCurrentIndex(model.index(1, 1))
    grid.all_present.click()  # everyone present on day one
    assert model.data(model.index(1, model.total_column)) == "6"
    assert tasks.wait_idle()
    assert tasks.wait_idle()
    rows = _table(page.model)
    assert rows["Ola Ødegård"]["Timer"] == "9" and rows["Per Hansen"]["Timer"] == "6"

    # 6. Close attendance: states follow the hours.
    grid.complete_button.click()
    assert tasks.wait_idle()
    assert shown["info"][-1] == "1 fullførte, 1 fullførte ikke, 0 møtte ikke."
    grid.close()
    statuses = {n: r["Status"] for n, r in _table(page.model).items()}
    assert statuses == {"Kari Nordmann": "Trukket", "Ola Ødegård": "Fullført", "Per Hansen": "Ikke fullført"}
    assert shown["error"] == [] and shown["exception"] == []
