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
