"""Two staff edit one record: the later save is refused with who and when; the form keeps the typing
and, on request, builds on what is stored (course form, screening form, organisation profile): the
fields the user left alone take the colleague's values, so saving again keeps both changes."""

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


def _colleague_changes(course_id: int, **changes: object) -> None:
    """Another staff member saves the course from their own program (own connection, own name)."""

    def run() -> None:
        database.connect(reuse_if_open=True)
        try:
            with _as_colleague():
                form = course_overview.course_input(course_id)
                courses.update_course(course_id, dataclasses.replace(form, **changes))
        finally:
            database.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)


def _course_form(tasks, qtbot):
    """A course of 20 seats and its edit form, filled."""
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog

    course_id = f.course(capacity=20)
    dialog = CourseDialog(tasks, course_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert tasks.wait_idle()
    return course_id, dialog


def test_a_stale_course_form_is_refused_then_built_on_the_stored_version(tasks, qtbot, shown) -> None:
    course_id, dialog = _course_form(tasks, qtbot)
    stored_title = dialog.title.text()
    days = course_overview.course_input(course_id).sessions
    later = [dataclasses.replace(s, start_time="10:00", minutes=None) for s in days]
    _colleague_changes(
        course_id,
        capacity=25,
        venue="Os kulturhus, sal 2",
        topics=["Taushetsplikt"],
        co_organisers=["Helse Bergen"],
        sessions=later,
    )

    dialog.title.setText("Kurs for treningskontakter – Sotra")
    dialog.submit()
    assert tasks.wait_idle()
    [question] = shown["confirm"]
    assert question.startswith("Kari Kollega lagret endringer her ")
    assert "Ingenting er lagret" in question
    assert dialog.isVisible() and dialog.title.text() == "Kurs for treningskontakter – Sotra"
    assert dialog.fields["title"].error.text() == f"Lagret nå: {stored_title}"
    # what only the colleague changed shows the stored value, unmarked
    assert (dialog.capacity.value(), dialog.venue.text()) == (25, "Os kulturhus, sal 2")
    assert dialog.topics.toPlainText() == "Taushetsplikt"
    assert dialog.co_organisers.toPlainText() == "Helse Bergen"
    assert [s.start_time for s in dialog.sessions.sessions()] == ["10:00"] * len(days)
    assert not any(dialog.fields[k].has_error() for k in ("capacity", "venue", "topics", "sessions"))
    assert Course.get_by_id(course_id).title == stored_title

    dialog.submit()
    assert tasks.wait_idle()
    assert not dialog.isVisible()
    saved = course_overview.course_input(course_id)
    assert (saved.title, saved.capacity, saved.venue) == (
        "Kurs for treningskontakter – Sotra",
        25,
        "Os kulturhus, sal 2",
    )
    assert (saved.topics, saved.co_organisers) == (["Taushetsplikt"], ["Helse Bergen"])
    assert [s.start_time for s in saved.sessions] == ["10:00"] * len(days)


def test_a_field_both_changed_keeps_the_typing_and_marks_the_stored_value(tasks, qtbot, shown) -> None:
    course_id, dialog = _course_form(tasks, qtbot)
    _colleague_changes(course_id, capacity=25, screening_required=False)
    dialog.capacity.setValue(22)
    dialog.submit()
    assert tasks.wait_idle()
    assert dialog.capacity.value() == 22
    assert dialog.fields["capacity"].error.text() == "Lagret nå: 25"
    assert not dialog.screening_required.isChecked()  # the colleague's untouched change
    dialog.submit()
    assert tasks.wait_idle()
    saved = course_overview.course_input(course_id)
    assert (saved.capacity, saved.screening_required) == (22, False)


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
    assert dialog.fields["notes"].error.text() == "Lagret nå: Hennes notat"
    assert (dialog.interviewer.text(), dialog.outcome.currentData()) == ("Kari", "suitable")  # hers
    assert screening.open_screening(e).notes == "Hennes notat"
    dialog.submit()  # now built on the stored one: the user's words win, on purpose
    assert tasks.wait_idle()
    saved = screening.open_screening(e)
    assert (saved.notes, saved.interviewer, saved.outcome) == ("Mitt notat", "Kari", "suitable")


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
    assert view.city.text() == "Voss"  # the colleague's change, untouched here, shows
    assert (organisations.get_own_profile().city, organisations.get_own_profile().phone) == ("Voss", "")
    assert view.saved_label.text() == "Lagre igjen for å skrive over det lagrede med det du har skrevet."
    view.save_profile()
    assert tasks.wait_idle()
    assert view.saved_label.text() == "Lagret."
    assert (organisations.get_own_profile().city, organisations.get_own_profile().phone) == (
        "Voss",
        "55 00 00 00",
    )
    window.close()
