"""DESIGN §8: no silent overwrite. Two staff open the same form; the second save is refused with
who changed it and when, and nothing of it is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from coursekeeper.db.models import AuditLog, Course, Person
from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.services import (
    assignments,
    audit,
    course_overview,
    courses,
    organisations,
    people,
    screening,
)
from tests import factories as f


def last_author() -> str:
    """Who the audit log names for the last change: Kari Kollega on SQLite; on PostgreSQL the
    database user, since there the server says who made a change."""
    return AuditLog.select(AuditLog.actor).order_by(AuditLog.id.desc()).scalar()


def who_and_when() -> str:
    """The refusal expected now: the last change's author and when."""
    when = r"\d\d\.\d\d\.\d{4} \d\d:\d\d"
    return rf"^{re.escape(last_author())} lagret endringer her {when}, etter at du åpnet skjemaet"


@pytest.fixture
def colleague():
    """Changes made inside ``with colleague():`` are logged as Kari Kollega's."""

    class _As:
        def __enter__(self) -> None:
            audit.set_actor("Kari Kollega")

        def __exit__(self, *exc: object) -> None:
            audit.set_actor(None)

    return _As


def test_a_course_saved_from_an_old_form_is_refused_and_the_newer_save_kept(db, colleague) -> None:
    course = f.course(capacity=20)
    mine, theirs = course_overview.course_input(course), course_overview.course_input(course)
    with colleague():
        courses.update_course(course, dataclasses.replace(theirs, capacity=25))
    with pytest.raises(ChangedElsewhereError, match=who_and_when()):
        courses.update_course(course, dataclasses.replace(mine, title="Mitt kurs"))
    saved = Course.get_by_id(course)
    assert (saved.title, saved.capacity) == (theirs.title, 25)
    fresh = course_overview.course_input(course)
    assert fresh.version == mine.version + 1
    courses.update_course(course, dataclasses.replace(fresh, title="Mitt kurs"))  # built on the new one
    assert Course.get_by_id(course).title == "Mitt kurs"


def test_a_person_saved_from_an_old_form_is_refused(db, colleague) -> None:
    pid = f.person("Ola")
    before = Person.get_by_id(pid)
    form = people.PersonInput(
        "Ola", before.last_name, before.birth_date, before.email, version=before.version
    )
    with colleague():
        people.update_person(pid, dataclasses.replace(form, phone="912 34 567"))
    with pytest.raises(ChangedElsewhereError, match=who_and_when()):
        people.update_person(pid, dataclasses.replace(form, city="Bergen"))
    after = Person.get_by_id(pid)
    assert after.city == "" and after.phone.replace(" ", "").endswith(
        "91234567"
    )  # the colleague's save stays


def test_a_screening_saved_from_an_old_form_is_refused(db, colleague) -> None:
    e = f.enrol(f.course())
    opened = screening.record_screening(enrolment_id=e, outcome="follow_up", notes="Første samtale")
    with colleague():
        screening.record_screening(
            enrolment_id=e, outcome="suitable", notes="Andre samtale", based_on=opened.version
        )
    with pytest.raises(ChangedElsewhereError, match=who_and_when()):
        screening.record_screening(enrolment_id=e, outcome="unsuitable", based_on=opened.version)
    assert screening.open_screening(e).notes == "Andre samtale"


def test_the_organisation_profile_and_an_assignment_saved_from_old_forms_are_refused(db, colleague) -> None:
    f.own_profile()
    form = organisations.get_own_profile()
    with colleague():
        organisations.save_own_profile(dataclasses.replace(form, city="Voss"))
    with pytest.raises(ChangedElsewhereError, match=who_and_when()):
        organisations.save_own_profile(dataclasses.replace(form, phone="55 00 00 00"))
    assert (organisations.get_own_profile().city, organisations.get_own_profile().phone) == ("Voss", "")

    row = assignments.add_assignment(person_id=f.person(), start_date=dt.date(2026, 5, 1))
    with colleague():
        assignments.update_assignment(
            assignment_id=row.id, start_date=dt.date(2026, 5, 2), end_date=None, based_on=1
        )
    with pytest.raises(ChangedElsewhereError, match=who_and_when()):
        assignments.update_assignment(
            assignment_id=row.id, start_date=dt.date(2026, 6, 1), end_date=None, based_on=1
        )


def test_the_message_follows_the_language(db, colleague) -> None:
    from coursekeeper import i18n

    course = f.course()
    form = course_overview.course_input(course)
    with colleague():
        courses.update_course(course, form)
    i18n.set_language("en")
    try:
        with pytest.raises(ChangedElsewhereError) as caught:
            courses.update_course(course, form)
    finally:
        i18n.set_language("nb")
    pattern = rf"^{re.escape(last_author())} saved changes here at .*, after you opened the form"
    assert re.match(pattern, caught.value.message)
