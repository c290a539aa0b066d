"""The course page's rows: one joined query with screening, deposit status, hours and certificate."""

from __future__ import annotations

import datetime as dt

from coursekeeper.domain.deposits import DepositStatus
from coursekeeper.domain.money import kroner
from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
from coursekeeper.services import (
    course_overview,
    courses,
    deposits,
    enrolments,
    people,
    screening,
)
from tests import factories

DAY1, DAY2 = dt.date(2025, 4, 9), dt.date(2025, 4, 10)


def _course(capacity: int = 2) -> int:
    course = courses.create_course(
        courses.CourseInput(
            title="Treningskontaktkurs Øygarden",
            municipality="Øygarden",
            venue="Straume",
            capacity=capacity,
            screening_required=False,
            binding_date=dt.date(2025, 3, 1),
            sessions=[
                courses.SessionInput(DAY1, "09:00", "15:00"),
                courses.SessionInput(DAY2, "09:00", "12:00"),
            ],
        )
    )
    return course.id


def _enrol(course_id: int, first: str, last: str) -> int:
    person = people.create_person(people.PersonInput(first, last, municipality="Bergen"))
    return enrolments.enrol(course_id=course_id, person_id=person.id).id


def test_empty_database_has_no_courses(db) -> None:
    assert not course_overview.has_courses()
    _course()
    assert course_overview.has_courses()


def test_rows_carry_state_screening_deposit_hours_and_never_notes(db) -> None:
    course_id = _course()
    kari = _enrol(course_id, "Kari", "Nordmann")
    ola = _enrol(course_id, "Ola", "Ødegård")
    per = _enrol(course_id, "Per", "Hansen")
    screening.record_screening(enrolment_id=kari, outcome="suitable", notes="hemmelig notat")
    for eid in (kari, ola, per):
        enrolments.accept(eid)
    deposits.record_payment(enrolment_id=kari, amount_ore=kroner(1000), paid_on=DAY1)
    session_ids = [s.id for s in courses.sessions(course_id)]
    factories.present(enrolment_id=kari, session_id=session_ids[0])

    overview = course_overview.course_overview(course_id, as_of=DAY2)
    by_name = {r.name: r for r in overview.enrolments}
    assert list(by_name) == ["Kari Nordmann", "Ola Ødegård", "Per Hansen"]
    assert by_name["Kari Nordmann"].screening == ScreeningOutcome.SUITABLE
    assert by_name["Kari Nordmann"].deposit_status == DepositStatus.PAID
    assert by_name["Kari Nordmann"].attended_minutes == 360
    assert by_name["Kari Nordmann"].municipality == "Bergen"
    assert by_name["Ola Ødegård"].deposit_status == DepositStatus.UNPAID
    assert by_name["Per Hansen"].state == EnrolmentState.WAITLISTED
    assert (overview.seats_taken, overview.waitlisted) == (2, 1)
    assert overview.course.total_minutes == 540 and overview.course.required_minutes == 540
    assert [s.date for s in overview.sessions] == [DAY1, DAY2]
    assert "hemmelig" not in repr(overview)


def test_attendance_sheet_lists_only_participants(db) -> None:
    course_id = _course(capacity=1)
    kari = _enrol(course_id, "Kari", "Nordmann")
    ola = _enrol(course_id, "Ola", "Nordmann")
    enrolments.accept(kari)
    enrolments.accept(ola)  # full: waiting list
    sheet = course_overview.attendance_sheet(course_id)
    assert [p.id for p in sheet.participants] == [kari]
    assert len(sheet.sessions) == 2 and sheet.minutes == {}


def test_course_input_round_trips_the_form(db) -> None:
    course_id = _course()
    data = course_overview.course_input(course_id)
    assert data.title == "Treningskontaktkurs Øygarden"
    assert data.municipality == "Øygarden"
    assert [(s.date, s.start_time, s.minutes) for s in data.sessions] == [
        (DAY1, "09:00", 360),
        (DAY2, "09:00", 180),
    ]
    data.capacity = 5
    courses.update_course(course_id, data)
    assert course_overview.course_header(course_id).capacity == 5
