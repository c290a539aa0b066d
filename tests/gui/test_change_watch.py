"""Two program instances on one database: a course added in one shows in the other's open list."""

from __future__ import annotations

import datetime as dt
import threading
import time

from coursekeeper.db.connection import database
from coursekeeper.services import courses
from coursekeeper.services.change_feed import announce


def _other_instance_adds_a_course(title: str) -> None:
    database.connect(reuse_if_open=True)
    try:
        courses.create_course(
            courses.CourseInput(
                title=title,
                sessions=[courses.SessionInput(dt.date(2026, 9, 1), "09:00", "15:00")],
            )
        )
        announce({"courses"}, origin="kollegaens-maskin")
    finally:
        database.close()


def test_a_course_added_by_someone_else_appears_within_2_seconds(window, tasks, qtbot) -> None:
    window.start_change_watch()
    view = window.show_view("courses")
    assert tasks.wait_idle()
    titles = lambda: [view.model.display_text(r, 0) for r in range(view.model.rowCount())]  # noqa: E731
    assert "Kurs på Sotra" not in titles()
    started = time.monotonic()
    thread = threading.Thread(target=_other_instance_adds_a_course, args=("Kurs på Sotra",))
    thread.start()
    thread.join(10)
    qtbot.waitUntil(lambda: "Kurs på Sotra" in titles(), timeout=2000)
    assert time.monotonic() - started < 2.0
