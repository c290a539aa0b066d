"""Small builders for service tests: a course with sessions, people, paid and screened enrolments."""

from __future__ import annotations

import datetime as dt
import itertools

from coursekeeper.services import attendance, courses, deposits, enrolments, organisations, people, screening

_counter = itertools.count(1)

SESSION_DAYS = (dt.date(2026, 4, 10), dt.date(2026, 4, 11))


def own_profile(prefix: str = "HIK") -> None:
    """Set up the organiser profile needed for certificate numbers."""
    organisations.save_own_profile(
        organisations.OwnProfile(
            name="Hordaland Idrettskrets",
            certificate_prefix=prefix,
            city="Bergen",
            signatory_name="Kari Nordmann",
            signatory_title="Daglig leder",
        )
    )


def course(
    *,
    capacity: int = 30,
    binding_date: dt.date | None = None,
    screening_required: bool = False,
    deposit_waived: bool = False,
    required_minutes: int | None = None,
    deadline_months: int | None = None,
    title: str = "Kurs for treningskontakter – Øygarden",
    municipality: str | None = "Øygarden",
) -> int:
    """A course with two sessions of 6 hours each; returns its id."""
    created = courses.create_course(
        courses.CourseInput(
            title=title,
            municipality=municipality,
            capacity=capacity,
            binding_date=binding_date,
            screening_required=screening_required,
            deposit_waived=deposit_waived,
            required_minutes=required_minutes,
            assignment_deadline_months=deadline_months,
            sessions=[courses.SessionInput(d, "09:00", "15:00") for d in SESSION_DAYS],
            co_organisers=["Øygarden kommune", "Helse Bergen"],
            topics=["Aktivitet og helse"],
        )
    )
    return created.id


def person(first: str = "Åse", last: str | None = None) -> int:
    """A person with a unique e-mail; returns the id."""
    n = next(_counter)
    created = people.create_person(
        people.PersonInput(first, last or f"Ødegård{n}", dt.date(1985, 4, 9), f"p{n}@example.no")
    )
    return created.id


def enrol(course_id: int, *, applied_at: dt.datetime | None = None, first: str = "Åse") -> int:
    """A new person applied to the course; returns the enrolment id."""
    return enrolments.enrol(course_id=course_id, person_id=person(first), applied_at=applied_at).id


def pay(enrolment_id: int, amount_ore: int = 100_000, on: dt.date = dt.date(2026, 2, 1)) -> None:
    """Record a deposit payment."""
    deposits.record_payment(enrolment_id=enrolment_id, amount_ore=amount_ore, paid_on=on)


def suitable(enrolment_id: int) -> None:
    """Record a suitable screening."""
    screening.record_screening(enrolment_id=enrolment_id, outcome="suitable", notes="Godt intervju")


def ready_for_certificate(course_id: int) -> int:
    """An accepted, paid enrolment present at every session; returns its id."""
    e = enrol(course_id)
    pay(e)
    enrolments.accept(e)
    for s in courses.sessions(course_id):
        present(enrolment_id=e, session_id=s.id)
    return e


def present(*, enrolment_id: int, session_id: int, at: dt.datetime | None = None) -> None:
    """Tick someone present for a whole session, as the attendance grid's «til stede» does."""
    from coursekeeper.db.models import CourseSession

    minutes = CourseSession.get_by_id(session_id).minutes
    attendance.set_attendance(enrolment_id=enrolment_id, session_id=session_id, minutes=minutes, at=at)
