"""The queue and the dates from the window: what the user is asked, told and prevented from doing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from coursekeeper.db.models import AuditLog, Course
from coursekeeper.services import courses, enrolments, people
from coursekeeper.services.courses import CourseInput, SessionInput
from coursekeeper.ui import messages

TODAY = dt.date.today()
T0 = dt.datetime(2026, 1, 5, 9, 0)


def _course(days: list[dt.date], *, capacity: int = 30) -> int:
    data = CourseInput(
        title="Kurs Øygarden",
        municipality="Øygarden",
        status="open",
        capacity=capacity,
        screening_required=False,
        sessions=[SessionInput(day, "00:00", "23:59") for day in days],
    )
    return courses.create_course(data).id


def _waitlisted(course_id: int, first: str, hours: int) -> int:
    person = people.create_person(people.PersonInput(first, "Hansen"))
    eid = enrolments.enrol(
        course_id=course_id, person_id=person.id, applied_at=T0 + dt.timedelta(hours=hours)
    ).id
    enrolments.waitlist(eid)
    return eid


def _open_page(window, tasks, course_id: int):
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    return view.page


def _state(eid: int) -> str:
    return enrolments.get_enrolment(eid).state


def test_accepting_ahead_of_the_queue_asks_naming_who_is_ahead(window, tasks, shown) -> None:
    course_id = _course([TODAY + dt.timedelta(days=30)], capacity=5)
    _waitlisted(course_id, "Anne", 1)
    late = _waitlisted(course_id, "Per", 2)
    page = _open_page(window, tasks, course_id)
    page.select_enrolment(late)
    page.action_buttons["accept"].click()
    assert tasks.wait_idle()
    assert shown["confirm"] == [  # the batch confirmation, for one row (views/enrolment_actions.py)
        "Tas opp (1): Per Hansen\n\n"
        "Tas opp foran andre på ventelisten (1):\n• Anne Hansen står foran Per Hansen på ventelisten.\n\n"
        "Vil du fortsette?"
    ]
    assert _state(late) == "accepted"
    actions = [a for (a,) in AuditLog.select(AuditLog.action).where(AuditLog.entity_id == late).tuples()]
    assert actions[-1] == "accept_ahead_of_queue"


def test_declining_keeps_the_queue(window, tasks, shown, monkeypatch) -> None:
    course_id = _course([TODAY + dt.timedelta(days=30)], capacity=5)
    _waitlisted(course_id, "Anne", 1)
    late = _waitlisted(course_id, "Per", 2)
    monkeypatch.setattr(messages, "confirm", lambda *args: False)
    page = _open_page(window, tasks, course_id)
    page.select_enrolment(late)
    page.action_buttons["accept"].click()
    assert tasks.wait_idle()
    assert _state(late) == "waitlisted" and shown["error"] == []


def test_raising_capacity_in_the_course_form_names_who_got_a_seat(window, tasks, shown) -> None:
    course_id = _course([TODAY + dt.timedelta(days=30)], capacity=1)
    seated = _waitlisted(course_id, "Kari", 0)
    enrolments.accept(seated)
    anne, per = _waitlisted(course_id, "Anne", 1), _waitlisted(course_id, "Per", 2)
    page = _open_page(window, tasks, course_id)
    page.edit_button.click()
    assert tasks.wait_idle()
    page.dialog.capacity.setValue(30)
    page.dialog.submit()
    assert tasks.wait_idle()
    assert shown["info"] == ["Anne Hansen og Per Hansen har fått plass fra ventelisten."]
    assert _state(anne) == _state(per) == "accepted"
    assert page.capacity_label.text() == "3 av 30 plasser"


def test_the_course_form_asks_before_finishing_a_course_with_sessions_left(window, tasks, shown) -> None:
    course_id = _course([TODAY, TODAY + dt.timedelta(days=14)])
    page = _open_page(window, tasks, course_id)
    page.edit_button.click()
    assert tasks.wait_idle()
    dialog = page.dialog
    dialog.status.setCurrentIndex(dialog.status.findData("finished"))
    dialog.submit()
    assert tasks.wait_idle()
    last = (TODAY + dt.timedelta(days=14)).strftime("%d.%m.%Y")
    assert len(shown["confirm"]) == 1 and f"(siste økt {last})" in shown["confirm"][0]
    assert Course.get_by_id(course_id).status == "finished"


def test_attendance_locks_sessions_not_started_and_finishing_early_warns(window, tasks, shown) -> None:
    from coursekeeper.ui.dialogs.attendance_dialog import AttendanceDialog

    course_id = _course([TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=7)])
    eid = _waitlisted(course_id, "Kari", 0)
    enrolments.accept(eid)
    dialog = AttendanceDialog(tasks, course_id)
    assert tasks.wait_idle()
    model = dialog.model
    past, future = model.index(0, 1), model.index(0, 2)
    assert model.flags(past) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(future) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
    assert not model.setData(future, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.headerData(2, Qt.Orientation.Horizontal).endswith("ikke begynt")
    assert model.data(future, Qt.ItemDataRole.ToolTipRole) == "Økten har ikke begynt ennå"
    dialog.table.setCurrentIndex(future)
    assert not dialog.all_present.isEnabled()
    dialog.table.setCurrentIndex(past)
    assert dialog.all_present.isEnabled()
    dialog.complete_button.click()
    assert tasks.wait_idle()
    last = (TODAY + dt.timedelta(days=7)).strftime("%d.%m.%Y")
    assert shown["confirm"][0].startswith(f"Kurset har økter igjen: siste økt er {last}.")
    assert shown["info"] == ["0 fullførte, 0 fullførte ikke, 1 møtte ikke."]
    assert Course.get_by_id(course_id).status == "finished"


def test_issue_dialog_proposes_the_last_session_for_a_course_not_yet_held(tasks, qtbot) -> None:
    from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog
    from coursekeeper.ui.widgets.form_fields import date_of

    last = TODAY + dt.timedelta(days=20)
    course_id = _course([TODAY + dt.timedelta(days=19), last])
    dialog = IssueCertificatesDialog(tasks, course_id)
    qtbot.addWidget(dialog)
    assert tasks.wait_idle()
    assert date_of(dialog.issued_on) == last
