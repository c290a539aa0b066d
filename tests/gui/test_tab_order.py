"""Tab walks through every dialog's fields in reading order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _walk(qtbot, dialog, start, steps: int) -> list:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    start.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_course_dialog_tab_order(tasks, qtbot) -> None:
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog

    d = CourseDialog(tasks, None)
    qtbot.addWidget(d)
    expected = [
        d.title, d.municipality, d.venue, d.co_organisers, d.status, d.topics, d.capacity, d.deposit,
        d.deposit_waived, d.binding_date, d.required_hours, d.screening_required, d.sessions.table,
        d.sessions.add_button, d.sessions.remove_button,
    ]  # fmt: skip
    seen = _walk(qtbot, d, d.title, len(expected) - 1)
    assert [w.objectName() or type(w).__name__ for w in seen] == [
        w.objectName() or type(w).__name__ for w in expected
    ]
    assert seen == expected


def test_add_person_dialog_tab_order(tasks, qtbot) -> None:
    import datetime as dt

    from coursekeeper.services.course_overview import CourseHeader
    from coursekeeper.ui.dialogs.add_person_dialog import AddPersonDialog

    day = dt.date(2026, 4, 9)
    header = CourseHeader(1, "Kurs", "", "", day, day, "open", 2, 0, False, None, 60, 60, False, (), ())
    d = AddPersonDialog(tasks, header)
    qtbot.addWidget(d)
    expected = [
        d.search, d.results, d.pick_button, d.first_name, d.last_name, d.birth_date, d.email, d.phone,
        d.municipality, d.create_button, d.accept_now,
    ]  # fmt: skip
    assert _walk(qtbot, d, d.search, len(expected) - 1) == expected


def test_screening_dialog_tab_order(tasks, qtbot) -> None:
    import datetime as dt

    from coursekeeper.domain.deposits import DepositStatus
    from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
    from coursekeeper.services import courses, enrolments, people
    from coursekeeper.services.course_overview import EnrolmentRow
    from coursekeeper.ui.dialogs.screening_dialog import ScreeningDialog

    course = courses.create_course(courses.CourseInput(title="Kurs", start_date=dt.date(2026, 4, 9)))
    person = people.create_person(people.PersonInput("Kari", "Nordmann"))
    eid = enrolments.enrol(course_id=course.id, person_id=person.id).id
    row = EnrolmentRow(
        eid, person.id, "Kari Nordmann", "", EnrolmentState.APPLIED, dt.datetime(2026, 1, 1),
        ScreeningOutcome.PENDING, DepositStatus.UNPAID, 0, 0, "",
    )  # fmt: skip
    d = ScreeningDialog(tasks, row)
    qtbot.addWidget(d)
    assert tasks.wait_idle()
    seen = _walk(qtbot, d, d.interviewer, 3)
    assert seen == [d.interviewer, d.date, d.outcome, d.notes]
