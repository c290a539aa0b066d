"""A role's missing capability keeps its controls off, with the reason, whatever the selection does."""

from __future__ import annotations

import dataclasses

import pytest

from coursekeeper.services import enrolments, permissions
from tests import factories as f


def _signed_in(monkeypatch: pytest.MonkeyPatch, **denied: object) -> None:
    """As a user of a shared server whom the server denies these capabilities."""
    limited = dataclasses.replace(permissions.EVERYTHING, shared=True, can_back_up=False, **denied)
    monkeypatch.setattr(permissions, "_current", limited)


@pytest.fixture
def course_staff(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a course-staff-like role on a shared server: no notes, erasure, payments or staff."""
    _signed_in(
        monkeypatch, user="kari", can_screen=False, can_erase=False, can_pay=False, can_manage_staff=False
    )


def test_denied_actions_stay_disabled_with_the_reason_when_rows_are_selected(
    db, shown, course_staff, window, tasks
) -> None:
    course = f.course(municipality="Bergen")
    enrolment = f.enrol(course)
    enrolments.accept(enrolment)
    view = window.show_view("courses")
    view.open_course(course)
    assert tasks.wait_idle()
    page = view.page
    page.select_enrolment(enrolment)
    buttons = page.enrolment_actions.buttons
    assert buttons["withdraw"].isEnabled()  # course work is allowed
    for key, reason in (("screening", "vurderingsnotater"), ("pay", "innbetalinger")):
        assert not buttons[key].isEnabled() and reason in buttons[key].toolTip()
        buttons[key].setEnabled(True)  # as a view's own enabling would
        assert not buttons[key].isEnabled()
    menu = {text: enabled for text, enabled, _ in filter(None, page.enrolment_actions.menu_entries())}
    assert menu["Egnethetsvurdering …"] is False and menu["Trekk …"] is True
    assert shown["error"] == [] and shown["exception"] == []
    page.open_screening()  # the keyboard's way in is closed too
    assert tasks.wait_idle() and page.dialog is None
    people = window.show_view("people")
    assert not people.merge_button.isEnabled() and "administrator" in people.merge_button.toolTip()
    settings = window.show_view("settings")
    assert settings.privacy is None and settings.staff is None  # retention proposes erasures: admins only


def test_on_sqlite_everything_is_offered(db, shown, window, tasks) -> None:
    settings = window.show_view("settings")
    assert settings.privacy is not None and settings.staff is None  # no staff on one laptop
    assert window.show_view("courses").new_button.isEnabled()


@pytest.fixture
def municipal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As municipal staff for Bergen on a shared server: no course work, payments or backups."""
    _signed_in(
        monkeypatch,
        user="kommune",
        scoped=True,
        municipalities=("Bergen",),
        can_edit_courses=False,
        can_edit_people=False,
        can_pay=False,
    )


def test_municipal_staff_cannot_open_certificate_dialogs_and_nobody_backs_up_a_shared_server(
    db, shown, municipal, window, tasks, qtbot
) -> None:
    course = f.course(municipality="Bergen")
    view = window.show_view("courses")
    view.open_course(course)
    assert tasks.wait_idle()
    documents = view.page.documents_button
    for action in (documents.issue_action, documents.save_certificates_action):
        assert not action.isEnabled() and "kursbevis" in action.toolTip()
        action.trigger()  # the keyboard or a stray click opens nothing
    assert documents.dialog is None and documents.export_actions["participants"].isEnabled()
    backups = window.show_view("settings").backups
    assert not backups.backup_button.isEnabled() and not backups.automatic.isEnabled()
    assert backups.server_note.isVisibleTo(backups) and "pg_dump" in backups.server_note.text()
    assert shown["error"] == [] and shown["exception"] == []
    # Not the time of some laptop file's copy (this test is a shared role simulated on SQLite).
    qtbot.waitUntil(lambda: backups.last.text() == "Tas på serveren (se under)")


def test_on_sqlite_the_backups_and_certificates_are_offered(db, shown, window, tasks) -> None:
    backups = window.show_view("settings").backups
    assert backups.backup_button.isEnabled() and not backups.server_note.isVisibleTo(backups)


@pytest.fixture
def reads_little(monkeypatch: pytest.MonkeyPatch) -> None:
    """A role that may see neither every stored value nor the money."""
    _signed_in(monkeypatch, user="kari", can_erase=False, can_read_everything=False, can_see_money=False)


def test_an_access_request_and_the_participant_list_need_what_they_read(
    db, shown, reads_little, window, tasks
) -> None:
    """Innsyn reads every stored value; the participant list shows payments (second trial's finding)."""
    course = f.course(municipality="Bergen")
    enrolment = f.enrol(course)
    view = window.show_view("courses")
    view.open_course(course)
    assert tasks.wait_idle()
    export = view.page.documents_button.export_actions["participants"]
    assert not export.isEnabled() and "egenandeler" in export.toolTip()
    person = enrolments.get_enrolment(enrolment).person_id
    window.views["people"].open_person(person)
    assert tasks.wait_idle()
    privacy = window.views["people"].page.privacy_button
    assert not privacy.access_action.isEnabled() and "administrator" in privacy.access_action.toolTip()
