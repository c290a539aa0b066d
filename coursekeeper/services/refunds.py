"""Refunds due (the six-month rule and the at-once cases) and forfeit candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from coursekeeper.db.models import Assignment, Certificate, Course, Enrolment, Municipality, Person
from coursekeeper.domain.dates import add_months
from coursekeeper.domain.deposits import Balance
from coursekeeper.domain.six_months import AssignmentPeriod, qualifying_date, refundable_since
from coursekeeper.domain.states import CourseStatus, EnrolmentState
from coursekeeper.services import deposits

S = EnrolmentState


class RefundReason(StrEnum):
    """Why a deposit is due back."""

    SIX_MONTHS = "six_months"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Norwegian wording for lists and letters."""
        return {
            RefundReason.SIX_MONTHS: "Seks måneder i oppdrag",
            RefundReason.WITHDRAWN: "Trukket før bindende frist",
            RefundReason.REJECTED: "Ikke tatt opp",
            RefundReason.CANCELLED: "Kurset er avlyst",
        }[self]


@dataclass(frozen=True)
class RefundDue:
    """A deposit that should be paid back, with what made it due."""

    enrolment_id: int
    person_id: int
    person_name: str
    course_id: int
    course_title: str
    municipality: str
    amount_ore: int
    reason: RefundReason
    assignment_id: int | None = None
    assignment_start: dt.date | None = None
    assignment_municipality: str = ""
    reached_on: dt.date | None = None


@dataclass(frozen=True)
class ForfeitCandidate:
    """A held deposit whose course deadline for starting an assignment has passed."""

    enrolment_id: int
    person_name: str
    course_id: int
    course_title: str
    amount_ore: int
    deadline: dt.date


def assignment_deadline(course: Course) -> dt.date | None:
    """Last day to start an assignment that counts, if the course sets a deadline."""
    if course.assignment_deadline_months is None:
        return None
    return add_months(course.end_date, course.assignment_deadline_months)


@dataclass
class _Held:
    enrolment: Enrolment
    balance: Balance
    certified: bool
    periods: list[tuple[Assignment, AssignmentPeriod]]


def _held_deposits(course_id: int | None) -> list[_Held]:
    sums = {eid: b for eid, b in deposits.balances().items() if b.held > 0}
    if not sums:
        return []
    query = (
        Enrolment.select(Enrolment, Course, Person, Municipality)
        .join(Course)
        .join(Municipality, on=(Course.municipality == Municipality.id), join_type=pw.JOIN.LEFT_OUTER)
        .switch(Enrolment)
        .join(Person)
        .where(Enrolment.id.in_(list(sums)))
    )
    if course_id is not None:
        query = query.where(Enrolment.course == course_id)
    enrolments = list(query)
    certified = {
        eid
        for (eid,) in Certificate.select(Certificate.enrolment)
        .where(Certificate.revoked_at.is_null() & Certificate.enrolment.in_([e.id for e in enrolments]))
        .tuples()
    }
    person_ids = {e.person_id for e in enrolments}
    periods: dict[int, list[tuple[Assignment, AssignmentPeriod]]] = {}
    if person_ids:
        for a in (
            Assignment.select(Assignment, Municipality)
            .join(Municipality, join_type=pw.JOIN.LEFT_OUTER)
            .where(Assignment.person.in_(list(person_ids)))
        ):
            periods.setdefault(a.person_id, []).append((a, AssignmentPeriod(a.start_date, a.end_date)))
    return [_Held(e, sums[e.id], e.id in certified, periods.get(e.person_id, [])) for e in enrolments]


def _counting(held: _Held) -> list[tuple[Assignment, AssignmentPeriod]]:
    deadline = assignment_deadline(held.enrolment.course)
    return [(a, p) for a, p in held.periods if deadline is None or p.start <= deadline]


def _due(held: _Held, as_of: dt.date) -> RefundDue | None:
    e = held.enrolment
    base = dict(
        enrolment_id=e.id,
        person_id=e.person_id,
        person_name=f"{e.person.first_name} {e.person.last_name}",
        course_id=e.course_id,
        course_title=e.course.title,
        municipality=e.course.municipality.name if e.course.municipality_id else "",
        amount_ore=held.balance.held,
    )
    if e.course.status == CourseStatus.CANCELLED:
        return RefundDue(**base, reason=RefundReason.CANCELLED)
    if e.state == S.REJECTED:
        return RefundDue(**base, reason=RefundReason.REJECTED)
    if e.state == S.WITHDRAWN:
        return RefundDue(**base, reason=RefundReason.WITHDRAWN)
    if not held.certified:
        return None
    counting = _counting(held)
    found = refundable_since([p for _, p in counting], as_of)
    if found is None:
        return None
    period, reached = found
    assignment = next(a for a, p in counting if p is period)
    return RefundDue(
        **base,
        reason=RefundReason.SIX_MONTHS,
        assignment_id=assignment.id,
        assignment_start=assignment.start_date,
        assignment_municipality=assignment.municipality.name if assignment.municipality_id else "",
        reached_on=reached,
    )


def refunds_due(as_of: dt.date, *, course_id: int | None = None) -> list[RefundDue]:
    """Deposits to pay back as of a date: six months reached, or due at once."""
    result = [d for h in _held_deposits(course_id) if (d := _due(h, as_of)) is not None]
    return sorted(result, key=lambda d: (d.course_title, d.person_name))


def forfeit_candidates(as_of: dt.date, *, course_id: int | None = None) -> list[ForfeitCandidate]:
    """Held deposits past the course's assignment deadline with no assignment that can still count."""
    result = []
    for held in _held_deposits(course_id):
        course = held.enrolment.course
        deadline = assignment_deadline(course)
        if deadline is None or as_of <= deadline or _due(held, as_of) is not None:
            continue
        # An assignment started in time and still running may yet reach six months.
        pending = (
            any(p.end is None or p.end >= qualifying_date(p.start) for _, p in _counting(held))
            and held.certified
        )
        if pending:
            continue
        e = held.enrolment
        result.append(
            ForfeitCandidate(
                e.id,
                f"{e.person.first_name} {e.person.last_name}",
                course.id,
                course.title,
                held.balance.held,
                deadline,
            )
        )
    return result


def refund_due_ids(as_of: dt.date, *, course_id: int | None = None) -> set[int]:
    """Enrolment ids whose deposit is due back as of a date."""
    return {d.enrolment_id for d in refunds_due(as_of, course_id=course_id)}
