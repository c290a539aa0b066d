"""Enter presses the safe, expected button: Cancel before what cannot be taken back, yes to the welcome."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout

from coursekeeper.ui import messages


def _press_enter_in_the_next_box(seen: list[str]) -> None:
    """Once the message box is up, note its default button's text and press it (as Enter would)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        box.defaultButton().click()  # what Enter does

    QTimer.singleShot(0, press)


@pytest.mark.parametrize(
    ("safe", "answer", "default"), [(False, False, "Avbryt"), (True, True, "Åpne filen")]
)
def test_enter_in_a_confirmation(qapp, safe: bool, answer: bool, default: str) -> None:
    seen: list[str] = []
    _press_enter_in_the_next_box(seen)
    assert messages.confirm(None, "Tittel", "Tekst", "Åpne filen", safe=safe) is answer
    assert seen == [default]


def test_the_welcome_loads_the_demo_on_enter(tasks, qtbot, monkeypatch) -> None:
    from coursekeeper import app
    from coursekeeper.services import demo
    from coursekeeper.ui.main_window import MainWindow

    calls: list[str] = []
    monkeypatch.setattr(demo, "build_demo", lambda: calls.append("demo"))
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    seen: list[str] = []
    _press_enter_in_the_next_box(seen)
    app.offer_demo(window, tasks, has_courses=False)
    assert tasks.wait_idle()
    assert seen == ["Last inn demodata"] and calls == ["demo"]
    window.close()


def test_keeping_a_deposit_defaults_to_cancel(qtbot) -> None:
    from coursekeeper.ui.dialogs.forfeit_dialog import ForfeitDialog

    dialog = ForfeitDialog([(1, "Kari Nordmann", 100_000)])
    qtbot.addWidget(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    assert not dialog.ok_button.isDefault()


def test_recording_a_payment_defaults_to_ok(qtbot) -> None:
    from coursekeeper.ui.widgets.form_fields import ok_cancel_buttons

    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons, ok = ok_cancel_buttons("Registrer innbetaling", "Avbryt")
    QVBoxLayout(dialog).addWidget(buttons)
    assert ok.isDefault()
    assert not buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
