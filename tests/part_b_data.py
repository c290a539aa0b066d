"""A small, realistic course for the deposit, certificate and people tests (part B)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coursekeeper.domain.states import ScreeningOutcome
from tests import factories

COURSE_START = dt.date(2025, 4, 9)
COURSE_END = dt.date(2025, 4, 10)


@dataclass
class Scenario:
    """Ids the tests refer to."""

    course_id: int
    session_ids: list[int]
    people: dict[str, int]
    enrolments: dict[str, int]


PEOPLE = [
    ("Kari", "Nordmann", dt.date(1985, 4, 9), "kari.nordmann@example.no", "+47 912 34 567"),
    ("Ola", "Ødegård", dt.date(1990, 1, 2), "ola@example.no", "98765432"),
    ("Per", "Hansen", dt.date(1979, 12, 24), None, None),
]


def build(*, profile: bool = True, title: str = "Treningskontaktkurs Øygarden vår 2025") -> Scenario:
    """Own profile (prefix HIK), one two-day course and three accepted participants, nothing paid yet."""
    from coursekeeper.services import courses, enrolments, organisations, people, screening

    if profile:
        organisations.save_own_profile(
            organisations.OwnProfile(name="Hordaland Idrettskrets", certificate_prefix="HIK", city="Bergen")
        )
    course = courses.create_course(
        courses.CourseInput(
            title=title,
            municipality="Øygarden",
            venue="Straume idrettshall",
            capacity=30,
            sessions=[
                courses.SessionInput(COURSE_START, "09:00", "16:00"),
                courses.SessionInput(COURSE_END, "09:00", "16:00"),
            ],
        )
    )
    session_ids = [s.id for s in courses.sessions(course.id)]
    ids: dict[str, int] = {}
    enrolled: dict[str, int] = {}
    for first, last, born, email, phone in PEOPLE:
        person = people.create_person(
            people.PersonInput(first, last, born, email, phone, municipality="Øygarden")
        )
        ids[first] = person.id
        # Applied before the course, so lists "as of" a date in 2025 count them (DESIGN §3).
        applied = dt.datetime.combine(COURSE_START - dt.timedelta(days=60), dt.time(12))
        enrolment = enrolments.enrol(course_id=course.id, person_id=person.id, applied_at=applied)
        screening.record_screening(
            enrolment_id=enrolment.id, outcome=ScreeningOutcome.SUITABLE, interviewer="Test", notes=""
        )
        enrolments.accept(enrolment.id)
        enrolled[first] = enrolment.id
    return Scenario(course.id, session_ids, ids, enrolled)


def attend_fully(scenario: Scenario, *names: str) -> None:
    """Tick the named participants present at every session."""

    for name in names:
        for session_id in scenario.session_ids:
            factories.present(enrolment_id=scenario.enrolments[name], session_id=session_id)


def pay(scenario: Scenario, *names: str, on: dt.date = dt.date(2025, 3, 1)) -> None:
    """Record the full deposit for the named participants."""
    from coursekeeper.services import deposits

    for name in names:
        deposits.record_payment(
            enrolment_id=scenario.enrolments[name], amount_ore=100_000, paid_on=on, method="Bank"
        )
