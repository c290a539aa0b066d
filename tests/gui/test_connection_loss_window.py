"""DESIGN §8 / issue 11 item 5 from the window: the PostgreSQL server goes away during a save and
comes back, and a server that does not answer never freezes the window."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import os
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playhouse.db_url import connect
from PySide6.QtCore import QTimer

from coursekeeper.db.models import AuditLog, Person
from coursekeeper.services import audit, busy, people
from coursekeeper.services.change_feed import ChangeWatcher
from coursekeeper.services.people import PersonInput
from tests.conftest import PG_ENV
from tests.gui.as_user import User
from tests.tcp_proxy import CuttableProxy


@pytest.fixture
def on_postgres_through_a_proxy(qapp, monkeypatch: pytest.MonkeyPatch) -> Iterator[CuttableProxy]:
    """The program bound to the real PostgreSQL server through a proxy the test can cut."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"needs a PostgreSQL server ({PG_ENV})")
    from coursekeeper.db.connection import close_database
    from coursekeeper.services.database import prepare
    from tests.pg import reset_postgres

    monkeypatch.setattr(busy, "BACKOFF_S", 0.01)
    url = urlparse(os.environ[PG_ENV])
    reset_postgres(url.geturl())
    proxy = CuttableProxy((url.hostname or "localhost", url.port or 5432))
    prepare(url._replace(netloc=f"{url.username}:{url.password}@127.0.0.1:{proxy.port}").geturl())
    yield proxy
    close_database()
    proxy.close()


def _stored(person_id: int) -> tuple[str, int, int]:
    """Last name, version and audit entries of the person, read on a connection that reconnects."""
    return busy.retrying(
        lambda: (
            Person.get_by_id(person_id).last_name,
            Person.get_by_id(person_id).version,
            AuditLog.select()
            .where((AuditLog.entity == "person") & (AuditLog.entity_id == person_id))
            .count(),
        )
    )


def test_the_server_lost_during_a_save_is_one_norwegian_sentence_then_the_program_reconnects(
    on_postgres_through_a_proxy, qtbot, shown, monkeypatch
) -> None:
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.tasks import ALL_AREAS, TaskRunner

    proxy = on_postgres_through_a_proxy
    person_id = people.create_person(PersonInput("Åse", "Ødegård", dt.date(1985, 4, 9))).id
    before = _stored(person_id)
    tasks = TaskRunner()
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.start_change_watch()
    user = User(qtbot, window, tasks)
    user.double_click(user.table(user.go("Personer")), "Ødegård")
    user.settle()

    record = audit.record

    def cut_then_record(*args, **kwargs):
        """The server goes away after the person's row was updated, before the audit entry."""
        proxy.cut()
        return record(*args, **kwargs)

    def edit(dialog) -> None:
        user.type_into("Etternavn", "Berg", within=dialog)
        monkeypatch.setattr(audit, "record", cut_then_record)
        user.click("Lagre endringer", within=dialog)
        assert tasks.wait_idle(30_000)
        monkeypatch.setattr(audit, "record", record)
        message = dialog.form_error.text()
        assert message == (
            "Forbindelsen til databasen er brutt, og ingenting er lagret. CourseKeeper kobler til igjen "
            "av seg selv når tjeneren svarer; prøv igjen om litt."
        )
        assert dialog.isVisible() and user.input("Etternavn", dialog).text() == "Berg"
        proxy.restore()
        assert _stored(person_id) == before  # nothing half-written: no new name, version or audit entry
        with qtbot.waitSignal(window.change_watch.changed, timeout=5000) as heard:
            pass  # the watcher connected again by itself and reloads everything it could not hear
        assert heard.args[0] == set(ALL_AREAS)
        user.click("Lagre endringer", within=dialog)  # the worker reconnects by itself

    user.then(edit)
    user.click("Endre opplysninger")
    user.settle()
    user.stop()
    assert _stored(person_id) == ("Berg", before[1] + 1, before[2] + 1)
    assert window.current_view().page.name.text() == "Åse Berg"
    assert shown["error"] == [] and shown["exception"] == []  # one sentence, in the form; no traceback
    window.close()
    tasks.wait_idle(5000)
    tasks.shutdown()
    gc.collect()


@contextlib.contextmanager
def server_that_never_answers() -> Iterator[int]:
    """A port that accepts connections and then says nothing (a server hung or cut off)."""
    hole = socket.create_server(("127.0.0.1", 0), backlog=8)
    try:
        yield hole.getsockname()[1]
    finally:
        hole.close()


def test_the_window_keeps_running_while_the_change_watch_waits_for_a_dead_server(
    window, tasks, qtbot
) -> None:
    from coursekeeper.ui.change_watch import ChangeWatch

    with server_that_never_answers() as port:
        dead = connect(f"postgresql://ck:ck@127.0.0.1:{port}/ck?connect_timeout=3", prefer_psycopg3=True)
        ticks: list[float] = []
        timer = QTimer(window)
        timer.setInterval(20)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        started = time.monotonic()
        tries, answered = [], []

        def opener() -> ChangeWatcher:
            tries.append(time.monotonic())
            try:
                return ChangeWatcher(dead)
            finally:
                answered.append(time.monotonic())

        watch = ChangeWatch(window, interval_ms=100, opener=opener)
        assert time.monotonic() - started < 0.2  # nothing waits for the server on the GUI thread
        qtbot.wait(1500)
        timer.stop()
        assert len(tries) == 1 and answered == []  # the watch thread is still waiting for the server
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        assert len(ticks) >= 30 and max(gaps) < 0.3, (len(ticks), max(gaps))
        stopping = time.monotonic()
        watch.stop()
        assert time.monotonic() - stopping < 1.5
