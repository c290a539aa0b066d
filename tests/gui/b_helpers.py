"""Helpers for the part B GUI tests: drive a modal dialog's real widgets, reload like MainWindow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog


def drive_dialog(monkeypatch, cls: type[QDialog], fill: Callable[[QDialog], None]) -> list[QDialog]:
    """Replace ``cls.exec``: show the dialog, let ``fill`` type into it, press its OK button."""
    opened: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        self.show()
        opened.append(self)
        fill(self)
        assert self.ok_button.isEnabled(), "the OK button should be enabled after filling in the dialog"
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened


def reload_on_change(tasks, *views) -> None:
    """Reload views whose areas a finished task touched, as the main window does."""

    def on_changed(areas: set[str]) -> None:
        for view in views:
            if set(view.areas) & set(areas):
                view.reload()

    tasks.changed.connect(on_changed)


def table_texts(model) -> list[list[str]]:
    """Every visible cell's text, row by row (what the user sees)."""
    return [[model.display_text(r, c) for c in range(model.column_count())] for r in range(model.rowCount())]


def select_rows(table, predicate) -> None:
    """Select the table rows whose row dataclass matches ``predicate``."""
    from PySide6.QtCore import QItemSelectionModel

    selection = table.selectionModel()
    selection.clearSelection()
    model = table.model()
    for n in range(model.rowCount()):
        if predicate(model.row_at(n)):
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(model.index(n, 0), flags)


def deposits_view_on(tasks, qtbot, course_id: int):
    """Egenandeler shown on one course, reloading on changes as in the main window."""
    from coursekeeper.ui.views.deposits_view import DepositsView

    view = DepositsView(tasks)
    qtbot.addWidget(view)
    reload_on_change(tasks, view)
    view.reload()
    tasks.wait_idle()
    view.course.choose(course_id)
    tasks.wait_idle()
    return view
