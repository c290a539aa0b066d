"""The task runner: results, errors, cancellation and the changed signal."""

from __future__ import annotations

import threading

import psycopg

from coursekeeper.errors import Cancelled, ValidationError


def test_result_arrives_on_gui_thread_and_changed_is_emitted(tasks, qtbot) -> None:
    got: list = []
    main = threading.get_ident()
    with qtbot.waitSignal(tasks.changed, timeout=3000) as blocker:
        tasks.run(lambda: threading.get_ident(), label="x", touches={"courses"}, on_done=got.append)
    assert blocker.args == [{"courses"}]
    tasks.wait_idle()
    assert got and got[0] != main


def test_course_keeper_error_is_shown_as_error(tasks, qtbot, shown) -> None:
    def fail() -> None:
        raise ValidationError("Kurstittel mangler.")

    tasks.run(fail, label="x")
    assert tasks.wait_idle()
    assert shown["error"] == ["Kurstittel mangler."]


def test_unexpected_error_is_shown_with_details(tasks, qtbot, shown) -> None:
    tasks.run(lambda: 1 / 0, label="x")
    assert tasks.wait_idle()
    assert isinstance(shown["exception"][0], ZeroDivisionError)


def test_cancel_stops_long_work_quietly(tasks, qtbot, shown) -> None:
    started = threading.Event()
    done: list = []

    def long(progress) -> int:
        for i in range(1000):
            started.set()
            progress.update(i, 1000, "arbeider")
            threading.Event().wait(0.01)
        return 1

    tasks.run(long, label="Lang jobb", on_done=done.append)
    qtbot.waitUntil(lambda: any(j for j in _dialogs(qtbot)), timeout=3000)
    from PySide6.QtWidgets import QPushButton

    _dialogs(qtbot)[0].findChild(QPushButton).click()
    assert tasks.wait_idle(5000)
    assert done == [] and shown["error"] == [] and shown["exception"] == []


def test_database_work_runs_on_worker(tasks, qtbot) -> None:
    from coursekeeper.services import course_overview

    got: list = []
    tasks.run(course_overview.has_courses, label="x", on_done=got.append)
    assert tasks.wait_idle()
    assert got == [False]


def _dialogs(qtbot) -> list:
    from PySide6.QtWidgets import QApplication, QProgressDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_cancelled_is_quiet(tasks, shown) -> None:
    def stop() -> None:
        raise Cancelled()

    tasks.run(stop, label="x")
    assert tasks.wait_idle()
    assert all(seen == [] for seen in shown.values())


def test_work_asked_to_show_its_wait_at_once_shows_the_dialog_before_the_usual_delay(tasks, qtbot) -> None:
    from coursekeeper.ui.tasks import PROGRESS_DELAY_MS

    release = threading.Event()
    tasks.run(lambda: release.wait(5), label="Sjekker …", at_once=True)
    try:
        qtbot.waitUntil(lambda: bool(_dialogs(qtbot)), timeout=PROGRESS_DELAY_MS // 2)
        assert _dialogs(qtbot)[0].labelText() == "Sjekker …"
    finally:
        release.set()
    assert tasks.wait_idle()


def test_a_refused_read_does_not_say_nothing_was_saved(tasks, qtbot, shown) -> None:
    def refused() -> None:
        raise psycopg.errors.InsufficientPrivilege("permission denied for table ledger_entry")

    tasks.run(refused, label="leser")  # touches nothing: only read
    tasks.run(refused, label="lagrer", touches={"deposits"})
    assert tasks.wait_idle()
    read, write = shown["error"]
    assert read.startswith("Databasen viser ikke dette") and "lagret" not in read
    assert write.endswith("Ingenting er lagret.")
