"""Two staff edit one record: the later save is refused with who and when; the form keeps the typing
and, on request, builds on what is stored (course form, screening form, organisation profile)."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Iterator

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course
from coursekeeper.services import audit, course_overview, courses
from tests import factories as f


@contextlib.contextmanager
def _as_colleague() -> Iterator[None]:
    """Changes made inside are logged as Kari Kollega's, as if saved from her program."""
    audit.set_actor("Kari Kollega")
    try:
        yield
    finally:
        audit.set_actor(None)


def _colleague_sets_capacity(course_id: int, capacity: int) -> None:
    """Another staff member saves the course from their own program (own connection, own name)."""

    def run() -> None:
        database.connect(reuse_if_open=True)
        try:
            with _as_colleague():
                form = course_overview.course_input(course_id)
                courses.update_course(course_id, dataclasses.replace(form, capacity=capacity))
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)


def test_a_stale_course_form_is_refused_then_built_on_the_stored_version(tasks, qtbot, shown) -> None:
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog

    course_id = f.course(capacity=20)
    dialog = CourseDialog(tasks, course_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert tasks.wait_idle()
    stored_title = dialog.title.text()
    _colleague_sets_capacity(course_id, 25)

    dialog.title.setText("Kurs for treningskontakter – Sotra")
    dialog.submit()
    assert tasks.wait_idle()
    [question] = shown["confirm"]
    assert question.startswith("Kari Kollega lagret endringer her ")
    assert "Ingenting er lagret" in question
    assert dialog.isVisible() and dialog.title.text() == "Kurs for treningskontakter – Sotra"
    assert dialog.fields["capacity"].error.text() == "Lagret nå: 25"
    assert dialog.fields["title"].error.text() == f"Lagret nå: {stored_title}"
    assert Course.get_by_id(course_id).capacity == 25

    dialog.capacity.setValue(25)
    dialog.submit()
    assert tasks.wait_idle()
    assert not dialog.isVisible()
    saved = Course.get_by_id(course_id)
    assert (saved.title, saved.capacity) == ("Kurs for treningskontakter – Sotra", 25)


def test_a_screening_created_by_someone_else_meanwhile_is_not_overwritten(tasks, qtbot, shown) -> None:
    from coursekeeper.services import screening
    from coursekeeper.services.course_overview import enrolment_rows
    from coursekeeper.ui.dialogs.screening_dialog import ScreeningDialog

    course_id = f.course()
    e = f.enrol(course_id)
    dialog = ScreeningDialog(tasks, next(r for r in enrolment_rows(course_id) if r.id == e))
    qtbot.addWidget(dialog)
    dialog.show()
    assert tasks.wait_idle()
    with _as_colleague():
        screening.record_screening(
            enrolment_id=e, outcome="suitable", interviewer="Kari", notes="Hennes notat"
        )

    dialog.notes.setPlainText("Mitt notat")
    dialog.submit()
    assert tasks.wait_idle()
    assert shown["confirm"][0].startswith("Kari Kollega lagret endringer her ")
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Mitt notat"
    assert "Lagret nå: «Egnet», intervjuet av Kari." in dialog.form_error.text()
    assert screening.open_screening(e).notes == "Hennes notat"
    dialog.submit()  # now built on the stored one: the user's words win, on purpose
    assert tasks.wait_idle()
    assert screening.open_screening(e).notes == "Mitt notat"


def test_the_organisation_profile_saved_elsewhere_meanwhile_is_not_overwritten(tasks, qtbot, shown) -> None:
    from coursekeeper.services import organisations
    from coursekeeper.ui.main_window import MainWindow

    f.own_profile()
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    view = window.show_view("settings")
    assert tasks.wait_idle()
    with _as_colleague():
        stored = organisations.get_own_profile()
        organisations.save_own_profile(dataclasses.replace(stored, city="Voss"))

    view.phone.setText("55 00 00 00")
    view.save_profile()
    assert tasks.wait_idle()
    assert shown["confirm"][0].startswith("Kari Kollega lagret endringer her ")
    assert view.phone.text() == "55 00 00 00"
    assert (organisations.get_own_profile().city, organisations.get_own_profile().phone) == ("Voss", "")
    assert view.saved_label.text() == "Lagre igjen for å skrive over det lagrede med det du har skrevet."
    view.save_profile()
    assert tasks.wait_idle()
    assert view.saved_label.text() == "Lagret."
    assert organisations.get_own_profile().phone == "55 00 00 00"
    window.close()
