"""Personal data from the window: notices at start, retention from Innstillinger, the closing backup."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.db.models import Screening
from coursekeeper.services import auto_backups, courses, enrolments, people, screening
from tests.gui.as_user import User


@pytest.fixture
def window(tasks, qtbot):
    from coursekeeper.ui.main_window import MainWindow

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    yield window
    if window.isVisible():
        window.close()


def _rejected_with_notes_long_ago() -> int:
    course = courses.create_course(
        courses.CourseInput(
            title="Kurs for treningskontakter – Askøy 2023",
            municipality="Askøy",
            sessions=[courses.SessionInput(dt.date(2023, 3, 1), "09:00", "15:00")],
        )
    )
    person = people.create_person(people.PersonInput("Rune", "Hansen"))
    enrolment = enrolments.enrol(course_id=course.id, person_id=person.id)
    screening.record_screening(enrolment_id=enrolment.id, outcome="unsuitable", notes="Virket urolig")
    enrolments.reject(enrolment.id)
    return enrolment.id


def test_start_takes_the_days_backup_and_tells_what_privacy_rules_would_delete(
    window, tasks, qtbot, shown
) -> None:
    enrolment = _rejected_with_notes_long_ago()
    assert auto_backups.list_backups() == []
    user = User(qtbot, window, tasks)
    window.start_housekeeping()
    user.settle()
    assert len(auto_backups.list_backups()) == 1  # the first start of the day
    texts = [n.label.text() for n in window.notices.notices()]
    assert texts == [
        "Personvern: Per "
        + dt.date.today().strftime("%d.%m.%Y")
        + ": notater fra 1 egnethetsvurdering skal slettes og 0 personer skal anonymiseres."
        " Se listen og bekreft under Innstillinger."
    ]
    user.click("Innstillinger", within=window.notices.notices()[0])
    user.settle()
    assert window.current_key() == "settings"

    def confirm_deletion(dialog) -> None:
        lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert lines and "Rune Hansen" in lines[0] and "Kurs for treningskontakter – Askøy 2023" in lines[0]
        user.click("Slett nå", within=dialog)

    user.then(confirm_deletion)
    user.click("Vis hva som skal slettes …")
    user.settle()
    assert Screening.get(Screening.enrolment == enrolment).notes == ""
    assert shown["info"][-1] == "Notater fra 1 vurdering slettet, 0 personer anonymisert."
    user.settle()
    assert not any("Personvern" in n.label.text() for n in window.notices.notices())  # gone at once
    window.start_housekeeping()  # a second start the same day: no new backup, no privacy notice
    user.settle()
    user.stop()
    assert len(auto_backups.list_backups()) == 1
    assert not any("Personvern" in n.label.text() for n in window.notices.notices())


def test_closing_the_window_takes_a_backup_and_an_old_backup_is_warned_about(window, tasks, qtbot) -> None:
    auto_backups.take_automatic(dt.datetime.now() - dt.timedelta(days=9))
    window.start_housekeeping()
    tasks.wait_idle()
    window.housekeeping.tasks.wait_idle()
    texts = [n.label.text() for n in window.notices.notices()]
    assert texts == []  # the day's backup was taken at start, so it is not old any more
    for backup in auto_backups.list_backups():
        backup.path.unlink()
    auto_backups.take_automatic(dt.datetime.now() - dt.timedelta(days=9))
    auto_backups.save_settings(auto_backups.AutoBackupSettings(enabled=False, on_close=True))
    window.start_housekeeping()
    tasks.wait_idle()
    texts = [n.label.text() for n in window.notices.notices()]
    assert len(texts) == 1 and "mer enn en uke siden" in texts[0]
    auto_backups.save_settings(auto_backups.AutoBackupSettings(enabled=True, on_close=True))
    before = len(auto_backups.list_backups())
    window.close()
    assert len(auto_backups.list_backups()) == before + 1
