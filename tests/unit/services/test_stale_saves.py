"""DESIGN §8 / issue 11 item 2: two staff load the same row, both save 0.4 s apart, each on its own
thread and connection (SQLite and PostgreSQL). The second save is refused naming the first staff
member and when, and nothing of it is written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
from collections.abc import Callable, Iterator

import pytest

from coursekeeper.db.models import Assignment, AuditLog, Person
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.services import (
    assignments,
    attendance,
    audit,
    course_overview,
    courses,
    enrolment_batches,
    people,
    person_merge,
    screening,
)
from coursekeeper.services.enrolments import get_enrolment
from coursekeeper.services.people import PersonInput
from coursekeeper.services.person_overview import person_details
from tests import factories as f
from tests.unit.services.test_concurrency import together

WHEN = r"\d\d\.\d\d\.\d{4} \d\d:\d\d"
LATER = dt.datetime(2027, 1, 1)  # every factory session has begun: attendance may be recorded


@pytest.fixture(autouse=True)
def first_staff() -> Iterator[None]:
    """On SQLite the first save is Kari Kollega's; on PostgreSQL the server names the database user."""
    audit.set_actor("Kari Kollega")
    yield
    audit.set_actor(None)


def first_then_second(first: Callable[[], object], second: Callable[[], object]) -> object:
    """``first`` and, 0.4 s later, ``second`` on two connections; the second one's outcome."""

    def later() -> object:
        time.sleep(0.4)
        return second()

    done, outcome = together(first, later)
    assert not isinstance(done, Exception), done
    return outcome


def refused_naming_the_first(outcome: object, text: str = "lagret endringer her") -> None:
    """``outcome`` is a refusal naming who saved first (the last audit entry) and when (a batch
    names the person first)."""
    assert isinstance(outcome, ChangedElsewhereError), outcome
    who = AuditLog.select(AuditLog.actor).order_by(AuditLog.id.desc()).scalar()
    assert re.match(rf"^(Åse Ødegård\d*: )?{re.escape(who)} {text}.*{WHEN}", outcome.message), outcome.message


def form_of(person_id: int) -> PersonInput:
    """The person form as filled from the stored person (with the version it builds on)."""
    d = person_details(person_id)
    return PersonInput(d.first_name, d.last_name, d.birth_date, d.email, d.phone, version=d.version)


def test_person(db) -> None:
    pid = f.person("Ola")
    mine, theirs = form_of(pid), form_of(pid)
    outcome = first_then_second(
        lambda: people.update_person(pid, dataclasses.replace(theirs, phone="912 34 567")),
        lambda: people.update_person(pid, dataclasses.replace(mine, city="Bergen")),
    )
    refused_naming_the_first(outcome)
    saved = Person.get_by_id(pid)
    assert (saved.phone, saved.city) == ("+4791234567", "")


def test_a_merge_based_on_an_old_record(db) -> None:
    keep, other = f.person("Ola"), f.person("Ola")
    seen = {pid: person_details(pid).version for pid in (keep, other)}
    outcome = first_then_second(
        lambda: people.update_person(other, dataclasses.replace(form_of(other), phone="912 34 567")),
        lambda: person_merge.merge_people(keep_id=keep, other_id=other, based_on=seen),
    )
    refused_naming_the_first(outcome)
    assert Person.get_by_id(other).phone == "+4791234567"  # still there, with the colleague's change


def test_assignment(db) -> None:
    row = assignments.add_assignment(person_id=f.person(), start_date=dt.date(2026, 1, 5))
    mine, theirs = assignments.assignment_row(row.id), assignments.assignment_row(row.id)
    outcome = first_then_second(
        lambda: assignments.end_assignment(
            assignment_id=row.id, end_date=dt.date(2026, 6, 30), based_on=theirs.version
        ),
        lambda: assignments.end_assignment(
            assignment_id=row.id, end_date=dt.date(2026, 7, 31), based_on=mine.version
        ),
    )
    refused_naming_the_first(outcome)
    assert Assignment.get_by_id(row.id).end_date == dt.date(2026, 6, 30)


def test_sessions_are_guarded_by_their_course_version(db) -> None:
    """The course form saves its session rows as one list (rows are matched by date order, so a
    row's id may move to another day): the course's version, counted up by every save of the form,
    is what a session edit builds on."""
    course = f.course()
    mine, theirs = course_overview.course_input(course), course_overview.course_input(course)
    first, second = theirs.sessions
    moved = [dataclasses.replace(first, start_time="10:00", minutes=None), second]
    shorter = [first, dataclasses.replace(mine.sessions[1], end_time="14:00", minutes=None)]
    outcome = first_then_second(
        lambda: courses.update_course(course, dataclasses.replace(theirs, sessions=moved)),
        lambda: courses.update_course(course, dataclasses.replace(mine, sessions=shorter)),
    )
    refused_naming_the_first(outcome)
    stored = [(s.start_time, s.end_time) for s in courses.sessions(course)]
    assert stored == [("10:00", "15:00"), ("09:00", "15:00")]  # the first staff's change, and only it


def test_an_enrolment_state_chosen_from_an_old_list_is_refused(db) -> None:
    """Accepted meanwhile, a withdrawal chosen while the list said «Søkt» would be allowed by the
    state machine (accepted → withdrawn) and forfeit money or promote: the state the user saw is
    what decides."""
    e = f.enrol(f.course(capacity=5))
    seen = {e: str(S.APPLIED)}
    outcome = first_then_second(
        lambda: enrolment_batches.run_batch(action="accept", enrolment_ids=[e], seen=seen),
        lambda: enrolment_batches.run_batch(action="withdraw", enrolment_ids=[e], seen=seen),
    )
    refused_naming_the_first(outcome, "endret statusen til «Tatt opp»")
    assert outcome.message.endswith("etter at du så listen. Ingenting er endret.")
    assert get_enrolment(e).state == S.ACCEPTED
    plan = enrolment_batches.preview_batch(action="withdraw", enrolment_ids=[e], seen=seen)
    assert plan.doable() == [] and "endret statusen til «Tatt opp»" in plan.steps[0].message
    without_seen = enrolment_batches.preview_batch(action="withdraw", enrolment_ids=[e])
    assert without_seen.doable_ids() == [e]  # the transition check alone would let it through


def test_accept_and_reject_from_the_same_list_one_wins_and_the_other_names_it(db) -> None:
    e = f.enrol(f.course(capacity=5))
    seen = {e: str(S.APPLIED)}
    outcome = first_then_second(
        lambda: enrolment_batches.run_batch(action="reject", enrolment_ids=[e], seen=seen),
        lambda: enrolment_batches.run_batch(action="accept", enrolment_ids=[e], seen=seen),
    )
    refused_naming_the_first(outcome, "endret statusen til «Avslått»")
    assert get_enrolment(e).state == S.REJECTED


def _participant(course: int) -> int:
    e = f.enrol(course)
    enrolment_batches.run_batch(action="accept", enrolment_ids=[e])
    return e


def test_attendance_saved_over_a_colleagues_entry_is_refused(db) -> None:
    course = f.course()
    e, session = _participant(course), courses.sessions(course)[0].id
    outcome = first_then_second(
        lambda: attendance.set_attendance(
            enrolment_id=e, session_id=session, minutes=360, at=LATER, was=None
        ),
        lambda: attendance.set_attendance(enrolment_id=e, session_id=session, minutes=0, at=LATER, was=None),
    )
    refused_naming_the_first(outcome, "førte oppmøte her")
    assert attendance.attendance_grid(course) == {(e, session): 360}


def test_all_present_over_a_colleagues_absent_mark_writes_nothing(db) -> None:
    course = f.course()
    e, other, session = _participant(course), _participant(course), courses.sessions(course)[0].id
    outcome = first_then_second(
        lambda: attendance.set_attendance(
            enrolment_id=other, session_id=session, minutes=0, at=LATER, was=None
        ),
        lambda: attendance.mark_all_present(session, at=LATER, was={e: None, other: None}),
    )
    refused_naming_the_first(outcome, "førte oppmøte her")
    assert attendance.attendance_grid(course) == {(other, session): 0}


def test_one_outcome_for_several_over_a_colleagues_screening_writes_nothing(db) -> None:
    course = f.course()
    first, second = f.enrol(course), f.enrol(course)
    seen = {first: "pending", second: "pending"}
    outcome = first_then_second(
        lambda: screening.record_screening(enrolment_id=second, outcome="unsuitable", notes="Hennes notat"),
        lambda: enrolment_batches.record_screenings(
            enrolment_ids=[first, second], outcome="suitable", seen=seen
        ),
    )
    refused_naming_the_first(outcome, "satte vurderingen til «Ikke egnet»")
    assert outcome.message.endswith("etter at du så listen. Ingenting er endret.")
    assert screening.open_screening(first).outcome == "pending"  # not even the unchanged one
    assert screening.open_screening(second).outcome == "unsuitable"
