"""DESIGN §8, no silent overwrite, from the window (the person form, «Avslutt oppdrag», the course
page's state changes, attendance; the course, screening and profile forms are in
test_edit_conflicts.py): a save after a colleague saved the same row is refused naming who and
when; what the user typed stays; «Hent det lagrede» shows the stored values under the fields and
the next save builds on them."""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Iterator

import pytest

from coursekeeper.db.models import Assignment, Person
from coursekeeper.services import assignments, attendance, courses, enrolments, people
from coursekeeper.services.courses import CourseInput, SessionInput
from coursekeeper.services.people import PersonInput
from tests.gui.as_user import User
from tests.gui.test_edit_conflicts import _as_colleague

WHO_AND_WHEN = (
    r"^Kari Kollega lagret endringer her \d\d\.\d\d\.\d{4} \d\d:\d\d, etter at du åpnet skjemaet\. "
)


@pytest.fixture
def user(window, tasks, qtbot) -> Iterator[User]:
    """Someone at the keyboard of the main window, on Åse Ødegård's page."""
    window.resize(1280, 720)
    answering = User(qtbot, window, tasks)
    view = answering.go("Personer")
    answering.double_click(answering.table(view), "Ødegård")
    answering.settle()
    yield answering
    answering.stop()
    del answering  # the User's timer cycle is collected here, on the GUI thread
    gc.collect()


@pytest.fixture
def person_id(db) -> int:
    """Åse Ødegård, before the window opens."""
    return people.create_person(PersonInput("Åse", "Ødegård", dt.date(1985, 4, 9), city="Os")).id


def test_the_person_form_refuses_a_stale_save_keeps_the_typed_text_and_builds_on_the_stored(
    person_id, user, tasks, shown
) -> None:
    def edit(dialog) -> None:
        user.type_into("Etternavn", "Berg", within=dialog)
        user.type_into("Poststed", "Bergen", within=dialog)
        with _as_colleague():  # behind the form's back
            people.update_person(
                person_id,
                PersonInput("Åse", "Ødegård", dt.date(1985, 4, 9), "ase@example.no", "41234567", city="Voss"),
            )
        user.click("Lagre endringer", within=dialog)
        user.tasks.wait_idle()  # refused; «Hent det lagrede» answered yes; the stored person loaded
        user.tasks.wait_idle()
        assert dialog.isVisible()
        assert re.match(WHO_AND_WHEN, shown["confirm"][-1])
        assert re.match(
            WHO_AND_WHEN + r"Ingenting er lagret\.\nSkjemaet bygger nå på det lagrede\.",
            dialog.form_error.text(),
        )
        assert user.input("Etternavn", dialog).text() == "Berg"  # what was typed stays
        assert user.input("Poststed", dialog).text() == "Bergen"
        assert dialog.fields["city"].error.text() == "Lagret nå: Voss"
        assert dialog.fields["last_name"].error.text() == "Lagret nå: Ødegård"
        assert not dialog.fields["first_name"].error.isVisible()  # the same in both
        # what only the colleague changed shows the stored value, unmarked
        assert user.input("E-post", dialog).text() == "ase@example.no"
        assert user.input("Telefon", dialog).text() == "412 34 567"
        assert not dialog.fields["email"].error.isVisible()
        field = dialog.fields["city"]  # a marked field keeps its full height, the mark its own line
        assert field.field.height() >= field.field.sizeHint().height()
        assert Person.get_by_id(person_id).last_name == "Ødegård"  # nothing of the refused save
        user.click("Lagre endringer", within=dialog)  # now on purpose over the colleague's save

    user.then(edit)
    user.click("Endre opplysninger")
    user.settle()
    saved = Person.get_by_id(person_id)
    assert (saved.last_name, saved.city, saved.email, saved.phone) == (
        "Berg",
        "Bergen",
        "ase@example.no",
        "+4741234567",
    )
    assert shown["error"] == [] and shown["exception"] == []


def test_swapping_names_a_colleague_already_swapped_is_refused(person_id, user, tasks, shown) -> None:
    with _as_colleague():
        people.swap_names(person_id)
    user.click("Bytt fornavn og etternavn")
    user.settle()
    assert re.match(WHO_AND_WHEN, shown["error"][-1])
    saved = Person.get_by_id(person_id)
    assert (saved.first_name, saved.last_name) == ("Ødegård", "Åse")  # swapped once, not back again
    assert user.window.current_view().page.name.text() == "Ødegård Åse"  # the page shows it now


def test_ending_an_assignment_a_colleague_changed_is_refused_and_offers_the_stored(
    db, tasks, qtbot, shown
) -> None:
    pid = people.create_person(PersonInput("Åse", "Ødegård", dt.date(1985, 4, 9))).id
    row = assignments.add_assignment(person_id=pid, start_date=dt.date(2026, 1, 5), municipality="Bergen")
    from coursekeeper.ui.main_window import MainWindow

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    user = User(qtbot, window, tasks)
    user.double_click(user.table(user.go("Personer")), "Ødegård")
    user.settle()
    page = user.tab("Oppdrag")
    user.table(page).selectRow(0)

    def end(dialog) -> None:
        user.type_into("Sluttdato", "30.06.2026", within=dialog)
        with _as_colleague():
            assignments.end_assignment(assignment_id=row.id, end_date=dt.date(2026, 5, 31))
        user.click("Avslutt oppdrag", within=dialog)
        tasks.wait_idle()
        tasks.wait_idle()
        assert dialog.isVisible()
        assert re.match(WHO_AND_WHEN, dialog.form_error.text())
        assert dialog.end_field.error.text() == "Lagret nå: 31.05.2026"
        assert dialog.values().end_date == dt.date(2026, 6, 30)  # the typed date stays
        assert Assignment.get_by_id(row.id).end_date == dt.date(2026, 5, 31)
        user.click("Avslutt oppdrag", within=dialog)

    user.then(end)
    user.click("Avslutt oppdrag")
    user.settle()
    user.stop()
    assert Assignment.get_by_id(row.id).end_date == dt.date(2026, 6, 30)
    assert shown["error"] == [] and shown["exception"] == []
    window.close()


def _course_with_applicant(first_day: dt.date) -> tuple[int, int]:
    """A course with Anne Aas applied; (course id, enrolment id)."""
    course = courses.create_course(
        CourseInput(
            title="Kurs Øygarden",
            municipality="Øygarden",
            screening_required=False,
            sessions=[SessionInput(first_day, "09:00", "15:00")],
        )
    ).id
    person = people.create_person(PersonInput("Anne", "Aas"))
    return course, enrolments.enrol(course_id=course, person_id=person.id).id


def test_a_state_chosen_on_the_course_page_after_a_colleague_changed_it_is_refused(
    window, tasks, qtbot, shown
) -> None:
    from tests.gui.test_enrolment_batches import _click_row, _open, _right_click

    course, e = _course_with_applicant(dt.date.today() + dt.timedelta(days=30))
    page = _open(window, tasks, course)
    assert page.model.display_text(0, 2) == "Søkt"
    with _as_colleague():
        enrolments.accept(e)  # the page still says «Søkt»
    user = User(qtbot, window, tasks)
    _click_row(qtbot, page.table, 0)
    user.then(lambda menu: user.trigger(menu, "Trekk …"))
    _right_click(qtbot, page.table, 0)
    user.settle()
    user.stop()
    assert re.match(
        r"^Kari Kollega endret statusen til «Tatt opp» \d\d\.\d\d\.\d{4} \d\d:\d\d, etter at du så listen\.$",
        shown["error"][-1],
    )
    assert shown["confirm"] == []  # refused before anything was offered
    assert enrolments.get_enrolment(e).state == "accepted"


def test_an_attendance_cell_saved_over_a_colleagues_entry_is_refused_and_shows_the_stored(
    window, tasks, shown
) -> None:
    from coursekeeper.ui.dialogs.attendance_dialog import AttendanceDialog

    course, e = _course_with_applicant(dt.date.today() - dt.timedelta(days=1))
    enrolments.accept(e)
    dialog = AttendanceDialog(tasks, course)
    assert tasks.wait_idle()
    session = courses.sessions(course)[0].id
    with _as_colleague():
        attendance.set_attendance(enrolment_id=e, session_id=session, minutes=180)  # 3 hours
    assert dialog.model.setData(dialog.model.index(0, 1), "6")
    assert tasks.wait_idle()
    assert re.match(
        r"^Kari Kollega førte oppmøte her .*, etter at du åpnet listen\. Ingenting er lagret;",
        dialog.problem.text(),
    )
    assert attendance.attendance_grid(course) == {(e, session): 180}
    assert dialog.model.data(dialog.model.index(0, 1)) == "3"  # the list shows what is stored
    dialog.close()


def test_a_merge_chosen_before_a_colleague_changed_one_record_is_refused_then_shows_the_stored(
    tasks, qtbot, shown
) -> None:
    from coursekeeper.services.person_merge import merge_preview
    from coursekeeper.ui.dialogs.merge_people_dialog import MergePeopleDialog

    born = dt.date(1990, 1, 2)
    first = people.create_person(PersonInput("Ola", "Ødegård", born, "ola@example.no")).id
    second = people.create_person(PersonInput("OLA", "ODEGAARD", born, None, "41 23 45 67")).id
    dialog = MergePeopleDialog(tasks, merge_preview(first, second))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choices["phone"].button(1).click()  # the user's choice: the second record's phone
    with _as_colleague():
        people.update_person(second, PersonInput("OLA", "ODEGAARD", born, None, "99 88 77 66"))
    dialog.ok_button.click()
    assert tasks.wait_idle()
    assert tasks.wait_idle()
    assert re.match(WHO_AND_WHEN, shown["confirm"][-1])
    assert dialog.isVisible() and re.match(WHO_AND_WHEN, dialog.form_error.text())
    assert dialog.form_error.text().endswith("Se over valgene og slå sammen igjen.")
    assert Person.get_or_none(Person.id == second) is not None  # nothing merged
    assert dialog.choices["phone"].button(1).text() == "998 87 766"  # as stored now
    assert dialog.choices["phone"].button(1).isChecked()  # the user's choice stays
    dialog.ok_button.click()
    assert tasks.wait_idle()
    assert Person.get_or_none(Person.id == second) is None
    assert Person.get_by_id(first).phone == "+4799887766"
