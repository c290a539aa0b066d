"""GUI fixtures: a task runner on the test database, QSettings kept out of the user's profile."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend


class _MemoryKeyring(KeyringBackend):
    """The operating system's credential store, kept in memory for the test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def store():
    """The credential store replaced by one in memory for the test."""
    import keyring

    previous = keyring.get_keyring()
    memory = _MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _collect_earlier_widgets(qapp) -> None:
    """Collect the reference cycles earlier tests left (windows, dialogs) now, between tests.

    Left to the garbage collector they are freed wherever it next runs, e.g. inside the
    ``processEvents`` of another window's ``closeEvent``; in the whole suite that crashed the
    interpreter (segmentation fault in test_startup) depending only on allocation timing.
    """
    gc.collect()


@pytest.fixture(autouse=True)
def _no_dialog_left_open(qapp) -> Iterator[None]:
    """A dialog a test leaves open is closed after it, so the next test's «active modal» is its own."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture(autouse=True)
def _qsettings_in_tmp(tmp_path: Path, qapp) -> None:
    """QSettings writes to a temporary folder, never the real registry or config; numbers are
    formatted in Norwegian as the program's default language sets them («1 000»), whatever an
    earlier test chose."""
    from PySide6.QtCore import QCoreApplication, QLocale, QSettings

    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))

    QCoreApplication.setApplicationName("CourseKeeper")
    QCoreApplication.setOrganizationName("CourseKeeperTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def tasks(db, qapp) -> Iterator:
    """The task runner with its worker thread on the fresh test database."""
    from coursekeeper.ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.wait_idle(5000)
    runner.shutdown()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """Capture every message the user would see; ``confirm`` answers yes, ``choose`` as queued."""
    from coursekeeper.ui import messages

    seen: dict[str, list] = {
        "error": [],
        "info": [],
        "confirm": [],
        "exception": [],
        "choose": [],
        "choice": [],
    }
    monkeypatch.setattr(messages, "show_error", lambda parent, text, details=None: seen["error"].append(text))
    monkeypatch.setattr(messages, "show_info", lambda parent, text: seen["info"].append(text))
    monkeypatch.setattr(messages, "show_exception", lambda parent, exc: seen["exception"].append(exc))

    def _confirm(parent, title, text, ok_text, **_options) -> bool:
        seen["confirm"].append(text)
        return True

    monkeypatch.setattr(messages, "confirm", _confirm)

    def _choose(parent, title, text, choices, skip_text) -> int | None:
        """Answer with the next index queued in ``seen["choice"]`` (none queued: skip)."""
        seen["choose"].append(text)
        return seen["choice"].pop(0) if seen["choice"] else None

    monkeypatch.setattr(messages, "choose", _choose)
    return seen


@pytest.fixture
def window(tasks, qtbot):
    """The main window on the test database, shown and loaded."""
    from coursekeeper.ui.main_window import MainWindow

    win = MainWindow(tasks)
    qtbot.addWidget(win)
    win.show()
    assert tasks.wait_idle()
    yield win
    win.close()


@pytest.fixture
def desktops(qapp, monkeypatch: pytest.MonkeyPatch):
    """Desktops started in a test; afterwards closed, with what start-up installed taken away again."""
    from PySide6.QtCore import QLocale

    from coursekeeper.db.connection import close_database

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handlers = set(logging.getLogger().handlers)
    started: list = []
    yield started
    for desktop in started:
        desktop.window.close()
        desktop.tasks.wait_idle(5000)
        desktop.tasks.shutdown()
        for translator in desktop.translators:
            qapp.removeTranslator(translator)
    close_database()
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
    for handler in set(logging.getLogger().handlers) - handlers:
        logging.getLogger().removeHandler(handler)
        handler.close()
