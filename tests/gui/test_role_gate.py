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
    db, shown, municipal, window, tasks
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


def test_on_sqlite_the_backups_and_certificates_are_offered(db, shown, window, tasks) -> None:
    backups = window.show_view("settings").backups
    assert backups.backup_button.isEnabled() and not backups.server_note.isVisibleTo(backups)
