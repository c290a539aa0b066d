"""The waiting list as a queue: seats, who may be accepted, and filling freed seats in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.models import Course, Enrolment, Person, Screening, now
from coursekeeper.domain.states import SEAT_HOLDING, CourseStatus, EnrolmentState, ScreeningOutcome
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit
from coursekeeper.services.locks import lock_row

S = EnrolmentState


@dataclass(frozen=True)
class Promotion:
    """Who moved from the waiting list into a freed seat."""

    enrolment_id: int
    person_name: str


def person_name(person: Person) -> str:
    """First and last name as shown in messages."""
    return f"{person.first_name} {person.last_name}"


def join_names(names: Sequence[str]) -> str:
    """``Kari``, ``Kari og Ola``, ``Kari, Ola og Per`` (in the chosen language)."""
    if len(names) < 2:
        return "".join(names)
    return tr("{first} og {last}", first=", ".join(names[:-1]), last=names[-1])


def promoted_message(promoted: Sequence[Promotion]) -> str:
    """One sentence naming everyone promoted, or "" when nobody was."""
    if not promoted:
        return ""
    return tr_n(
        "{names} har fått plassen fra ventelisten.",
        "{names} har fått plass fra ventelisten.",
        len(promoted),
        names=join_names([p.person_name for p in promoted]),
    )


def lock_seats(course_id: int | pw.SelectQuery) -> None:
    """Inside a caller's transaction: one seat decision per course at a time (PostgreSQL row lock).

    ``course_id`` may be a query selecting it (the course of an enrolment), saving a round trip.
    SQLite needs none: its single writer lock refuses a write based on a stale count.
    """
    lock_row(Course, course_id)


def seats_taken(course: Course) -> int:
    """Enrolments holding a seat on the course."""
    return (
        Enrolment.select()
        .where((Enrolment.course == course) & Enrolment.state.in_(list(SEAT_HOLDING)))
        .count()
    )


def screening_outcome(enrolment: Enrolment) -> ScreeningOutcome:
    """The enrolment's screening outcome (pending when not screened).

    Only the outcome is read: course staff may see it, but not the notes (DESIGN §8).
    """
    outcome = Screening.select(Screening.outcome).where(Screening.enrolment == enrolment).scalar()
    return ScreeningOutcome(outcome) if outcome else ScreeningOutcome.PENDING


def may_be_accepted(course: Course, outcomes: dict[int, str], enrolment_id: int) -> bool:
    """The screening rule: only «Egnet» applicants once the course requires screening."""
    return not course.screening_required or outcomes.get(enrolment_id) == ScreeningOutcome.SUITABLE


def apply_state(enrolment: Enrolment, target: EnrolmentState, action: str, on: dt.date | None = None) -> None:
    """Inside a caller's transaction: set the state (dated ``on``, default now) and log it."""
    before = audit.snapshot(enrolment)
    enrolment.state = target
    stamp = now()
    # A change dated another day (a withdrawal recorded afterwards) keeps that day, so lists
    # "as of" a date before it do not count it.
    enrolment.state_changed_at = (
        stamp if on is None or on == stamp.date() else dt.datetime.combine(on, dt.time())
    )
    enrolment.save()
    audit.record(action, "enrolment", enrolment.id, before=before, after=audit.snapshot(enrolment))


def queue(course: Course) -> list[Enrolment]:
    """Waitlisted people who may be accepted, earliest applied-at first (person joined)."""
    waiting = list(
        Enrolment.select(Enrolment, Person)
        .join(Person)
        .where((Enrolment.course == course) & (Enrolment.state == S.WAITLISTED))
        .order_by(Enrolment.applied_at, Enrolment.id)
    )
    outcomes = dict(
        Screening.select(Screening.enrolment, Screening.outcome)
        .where(Screening.enrolment.in_([e.id for e in waiting]))
        .tuples()
    )
    return [e for e in waiting if may_be_accepted(course, outcomes, e.id)]


def promote_waiting(course: Course) -> tuple[Promotion, ...]:
    """Inside a caller's transaction: fill every free seat from the head of the queue, in order.

    A finished or cancelled course takes nobody in.
    """
    if course.status in (CourseStatus.FINISHED, CourseStatus.CANCELLED):
        return ()
    free = course.capacity - seats_taken(course)
    if free <= 0:
        return ()
    promoted = []
    for enrolment in queue(course)[:free]:
        apply_state(enrolment, S.ACCEPTED, "promote")
        promoted.append(Promotion(enrolment.id, person_name(enrolment.person)))
    return tuple(promoted)
