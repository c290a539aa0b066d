"""The main window: navigation, remembered view, shortcuts reach the view."""

from __future__ import annotations


def test_navigation_lists_every_area_and_remembers_last_view(tasks, qtbot) -> None:
    from coursekeeper.ui.main_window import MainWindow

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["Kurs", "Personer", "Egenandeler", "Kursbevis", "Nøkkeltall", "Innstillinger"]
    window.show_view("settings")
    assert window.current_key() == "settings"
    window.save_state()
    tasks.wait_idle()

    again = MainWindow(tasks)
    qtbot.addWidget(again)
    assert again.current_key() == "settings"
    tasks.wait_idle()


def test_keyboard_shortcuts_reach_the_current_view(tasks, qtbot) -> None:
    from PySide6.QtGui import QKeySequence

    from coursekeeper.ui.dialogs.course_dialog import CourseDialog
    from coursekeeper.ui.main_window import MainWindow

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.show()
    view = window.show_view("courses")
    tasks.wait_idle()
    by_key = {a.shortcut().toString(): a for a in window.actions()}
    by_key[QKeySequence(QKeySequence.StandardKey.New).toString()].trigger()
    assert isinstance(view.dialog, CourseDialog) and view.dialog.isVisible()
    view.dialog.reject()
    by_key["F5"].trigger()
    assert not tasks.is_idle()  # a reload was queued
    assert tasks.wait_idle()
    window.activateWindow()
    by_key[QKeySequence(QKeySequence.StandardKey.Find).toString()].trigger()
    assert view.search.hasFocus() or window.focusWidget() is view.search
    window.close()
