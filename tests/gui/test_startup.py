"""Start-up: the window is on screen before the database is open, and nothing heavy comes first."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Modules that must not be loaded on the way to the first paint.
HEAVY = ("peewee", "playhouse", "psycopg", "psycopg2", "openpyxl", "reportlab", "python_calamine")

BEFORE_SHOW = """
import sys
import coursekeeper.app, coursekeeper.ui.main_window, coursekeeper.ui.tasks
imported = set(sys.modules)
from coursekeeper.app import make_application
from coursekeeper.ui.main_window import MainWindow
from coursekeeper.ui.tasks import TaskRunner
app = make_application([])
tasks = TaskRunner()
window = MainWindow(tasks, database_ready=False)
window.show()
app.processEvents()
shown = set(sys.modules)
tasks.shutdown()
for name, modules in (("import", imported), ("shown", shown)):
    print(name, " ".join(sorted(modules)))
"""


def _loaded(names: str) -> list[str]:
    """The heavy or database-bound modules among a space-separated module list."""
    return [
        m
        for m in names.split()
        if m.split(".")[0] in HEAVY
        or m.startswith(("coursekeeper.db", "coursekeeper.ui.views", "coursekeeper.ui.dialogs"))
        or (m.startswith("coursekeeper.services.") and m != "coursekeeper.services.worker_connection")
    ]


def test_importing_app_and_main_window_and_showing_it_loads_no_peewee(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env["COURSEKEEPER_DATA_DIR"] = str(tmp_path / "data")
    out = subprocess.run(
        [sys.executable, "-c", BEFORE_SHOW], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    ).stdout
    lines = dict(line.split(" ", 1) for line in out.strip().splitlines())
    assert "peewee" not in lines["import"].split()
    assert _loaded(lines["import"]) == []
    assert _loaded(lines["shown"]) == [], "the window's first paint must need only PySide6 and small modules"


@pytest.fixture
def started(db_path: Path, desktops: list, monkeypatch: pytest.MonkeyPatch):
    """``app.start_desktop`` on a real (not yet opened) database whose opening waits for ``release``."""
    from coursekeeper import app
    from coursekeeper.services import demo

    offered: list[str] = []
    monkeypatch.setattr(demo, "build_demo", lambda: offered.append("demo"))
    release = threading.Event()
    url = "sqlite:///" + db_path.as_posix()

    def slow_open() -> bool:
        assert release.wait(10), "the test never released the database"
        return app.open_database(url)

    desktop = app.start_desktop(str(db_path), prepare=slow_open)
    desktop.release = release
    desktop.offered = offered
    desktops.append(desktop)
    yield desktop
    release.set()


def test_window_is_shown_before_the_database_is_ready_and_usable_after(started, qtbot, shown) -> None:
    desktop, window = started, started.window
    qtbot.addWidget(window)
    # On screen, calm, nothing clickable yet: the worker is still waiting to open the database.
    assert window.isVisible() and not window.is_ready() and not desktop.database_open
    assert window.stack.currentWidget() is window.opening
    assert window.opening.title.text() == "Åpner databasen …"
    assert window.opening.location.text().endswith("coursekeeper.db")
    assert not window.nav.isEnabled()
    assert window.nav.item(0).text() == "Kurs"
    assert window.views == {}  # no view built (nor its services imported) before the database is open
    window.refresh_current()  # F5 while opening does nothing
    window.new_item()
    assert window.views == {}

    desktop.release.set()
    qtbot.waitUntil(lambda: desktop.data_shown, timeout=10_000)
    assert desktop.database_open and desktop.exit_code is None
    assert window.is_ready() and window.nav.isEnabled() and window.opening is None
    view = window.current_view()
    assert window.stack.currentWidget() is view and view.isVisible()
    assert window.current_key() == "courses"
    assert view.model.rowCount() == 0
    # The empty database is offered the demo once, after the window became usable.
    assert len(shown["confirm"]) == 1 and "demodata" in shown["confirm"][0]
    assert desktop.tasks.wait_idle() and desktop.offered == ["demo"]
    assert {a.shortcut().toString() for a in window.actions()} >= {"F5"}


def test_database_error_after_the_window_is_shown_exits_with_code_2(desktops, qtbot, shown, tmp_path) -> None:
    from coursekeeper import app

    bad = tmp_path / "ikke-en-database.db"
    bad.write_text("dette er tekst", encoding="utf-8")
    desktop = app.start_desktop(str(bad))
    desktops.append(desktop)
    qtbot.addWidget(desktop.window)
    assert desktop.window.isVisible() and desktop.window.opening is not None
    qtbot.waitUntil(lambda: desktop.exit_code is not None, timeout=10_000)
    assert desktop.exit_code == 2 and not desktop.database_open
    assert len(shown["error"]) == 1
    assert shown["error"][0].startswith("CourseKeeper kan ikke åpne databasen.")
    assert "ikke en CourseKeeper-database" in shown["error"][0]


def test_task_callbacks_run_on_the_gui_thread(tasks, qtbot, shown) -> None:
    """The runner's signals are connected without an explicit Qt.QueuedConnection (see tasks.py):
    the worker's results must still be delivered on the GUI thread."""
    main = threading.get_ident()
    seen: dict[str, int] = {}
    tasks.changed.connect(lambda areas: seen.setdefault("changed", threading.get_ident()))
    tasks.run(
        lambda: 1,
        label="x",
        touches={"courses"},
        on_done=lambda v: seen.setdefault("done", threading.get_ident()),
    )
    tasks.run(lambda: 1 / 0, label="y", on_error=lambda e: seen.setdefault("error", threading.get_ident()))
    assert tasks.wait_idle()
    assert seen == {"changed": main, "done": main, "error": main}


def test_closing_while_the_database_opens_waits_for_it_and_builds_nothing_more(started, qtbot, shown) -> None:
    from PySide6.QtCore import QTimer

    window = started.window
    QTimer.singleShot(50, started.release.set)  # the database finishes opening during closeEvent
    window.close()
    assert started.database_open and not window.isVisible()
    assert window.views == {} and shown["confirm"] == []  # no view loaded, no demo offered
