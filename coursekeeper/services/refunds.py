"""Refunds due (the six-month rule and the at-once cases) and forfeit candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import peewee as pw

from coursekeeper.db.models import (
    Assignment,
    Certificate,
    Course,
    Enrolment,
    LedgerEntry,
    Municipality,
    Person,
)
from coursekeeper.domain.dates import add_months
from coursekeeper.domain.deposits import Balance
from coursekeeper.domain.six_months import AssignmentPeriod, qualifying_date, refundable_since
from coursekeeper.domain.states import CourseStatus, EnrolmentState
from coursekeeper.i18n import tr
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
            RefundReason.SIX_MONTHS: tr("Seks måneder i oppdrag"),
            RefundReason.WITHDRAWN: tr("Trukket før bindende frist"),
            RefundReason.REJECTED: tr("Ikke tatt opp"),
            RefundReason.CANCELLED: tr("Kurset er avlyst"),
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


class _HasDeadline(Protocol):
    end_date: dt.date
    assignment_deadline_months: int | None


def assignment_deadline(course: _HasDeadline) -> dt.date | None:
    """Last day to start an assignment that counts, if the course sets a deadline."""
    if course.assignment_deadline_months is None:
        return None
    return add_months(course.end_date, course.assignment_deadline_months)


@dataclass(frozen=True)
class _Course:
    id: int
    title: str
    status: str
    end_date: dt.date
    assignment_deadline_months: int | None
    cancelled_on: dt.date | None
    municipality: str


@dataclass(frozen=True)
class _Assignment:
    id: int
    municipality: str
    period: AssignmentPeriod


@dataclass(frozen=True)
class _Held:
    enrolment_id: int
    person_id: int
    person_name: str
    state: str
    course: _Course
    balance: Balance
    certified: bool
    assignments: list[_Assignment]


def _held_deposits(course_id: int | None, as_of: dt.date, *, due: bool) -> list[_Held]:
    """The enrolments holding money as of a date that may be due a refund (``due``) or forfeited.

    Only what had happened by ``as_of`` counts (DESIGN §3): ledger entries, certificates,
    withdrawals, rejections and assignments dated later are left out.

    The database narrows the enrolments to those the rules can pick: for a refund, a cancelled
    course, a rejection or withdrawal, or a certificate; for forfeiting, a course whose assignment
    deadline has passed. One query returns them with their course, person, ledger sums and
    certificate; a second reads assignments only when a certified one is among them (the six-month
    rule). A refund list is thus one or two round trips, a forfeit list two or three, whatever
    the register holds. No ``IN (…)`` lists of enrolment ids (SQLite limits their length).
    """
    day_after = dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())
    certified_query = Certificate.select(Certificate.enrolment).where(
        (Certificate.issued_on <= as_of)
        & (Certificate.revoked_at.is_null() | (Certificate.revoked_at >= day_after))
    )
    if due:
        chosen = (
            (Course.status == CourseStatus.CANCELLED)
            | Enrolment.state.in_([S.REJECTED, S.WITHDRAWN])
            | Enrolment.id.in_(certified_query)
        )
    else:
        deadlines = Course.select(Course.id, Course.end_date, Course.assignment_deadline_months)
        if course_id is not None:
            deadlines = deadlines.where(Course.id == course_id)
        chosen = Enrolment.course.in_(
            [
                cid
                for cid, end, months in deadlines.tuples()
                if months is not None and as_of > add_months(end, months)
            ]
        )
    if course_id is not None:
        chosen &= Enrolment.course == course_id
    candidates = Enrolment.select(Enrolment.id).join(Course).where(chosen)
    sums = (
        deposits.ledger_sums_query(as_of, course_id=course_id)
        .where(LedgerEntry.enrolment.in_(candidates))
        .alias("sums")
    )
    held = sums.c.paid - sums.c.refunded - sums.c.forfeited
    query = (
        Enrolment.select(
            Enrolment.id,
            Enrolment.person,
            Enrolment.state,
            Enrolment.state_changed_at,
            Person.first_name,
            Person.last_name,
            Course.id,
            Course.title,
            Course.status,
            Course.end_date,
            Course.assignment_deadline_months,
            Course.cancelled_on,
            Municipality.name,
            sums.c.paid,
            sums.c.refunded,
            sums.c.forfeited,
            Enrolment.id.in_(certified_query),
        )
        .join(Person)
        .switch(Enrolment)
        .join(Course)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .join_from(Enrolment, sums, on=(sums.c.enrolment_id == Enrolment.id))
        .where(chosen & (held > 0))
        .tuples()
    )
    rows = []
    for (
        eid,
        person,
        state,
        changed,
        first,
        last,
        *course,
        municipality,
        paid,
        refunded,
        forfeited,
        cert,
    ) in query:
        rows.append(
            _Held(
                eid,
                person,
                f"{first} {last}",
                state if changed < day_after else "",  # a later withdrawal or rejection: not yet
                _Course(*course, municipality or ""),
                Balance(paid, refunded, forfeited),
                bool(cert),
                [],
            )
        )
    if any(h.certified for h in rows):
        assignments: dict[int, list[_Assignment]] = {}
        for aid, person, start, end, municipality in (
            Assignment.select(
                Assignment.id,
                Assignment.person,
                Assignment.start_date,
                Assignment.end_date,
                Municipality.name,
            )
            .join(Municipality, pw.JOIN.LEFT_OUTER)
            .where(
                (Assignment.start_date <= as_of) & Assignment.person.in_(candidates.select(Enrolment.person))
            )
            .tuples()
        ):
            assignments.setdefault(person, []).append(
                _Assignment(aid, municipality or "", AssignmentPeriod(start, end))
            )
        for h in rows:
            h.assignments.extend(assignments.get(h.person_id, []))
    return rows


def _counting(held: _Held) -> list[_Assignment]:
    deadline = assignment_deadline(held.course)
    return [a for a in held.assignments if deadline is None or a.period.start <= deadline]


def _due(held: _Held, as_of: dt.date) -> RefundDue | None:
    course = held.course
    base = dict(
        enrolment_id=held.enrolment_id,
        person_id=held.person_id,
        person_name=held.person_name,
        course_id=course.id,
        course_title=course.title,
        municipality=course.municipality,
        amount_ore=held.balance.held,
    )
    if course.status == CourseStatus.CANCELLED and (
        course.cancelled_on is None or course.cancelled_on <= as_of
    ):
        return RefundDue(**base, reason=RefundReason.CANCELLED)
    if held.state == S.REJECTED:
        return RefundDue(**base, reason=RefundReason.REJECTED)
    if held.state == S.WITHDRAWN:
        return RefundDue(**base, reason=RefundReason.WITHDRAWN)
    if not held.certified:
        return None
    counting = _counting(held)
    found = refundable_since([a.period for a in counting], as_of)
    if found is None:
        return None
    period, reached = found
    assignment = next(a for a in counting if a.period is period)
    return RefundDue(
        **base,
        reason=RefundReason.SIX_MONTHS,
        assignment_id=assignment.id,
        assignment_start=period.start,
        assignment_municipality=assignment.municipality,
        reached_on=reached,
    )


def refunds_due(as_of: dt.date, *, course_id: int | None = None) -> list[RefundDue]:
    """Deposits to pay back as of a date: six months reached, or due at once."""
    result = [d for h in _held_deposits(course_id, as_of, due=True) if (d := _due(h, as_of)) is not None]
    return sorted(result, key=lambda d: (d.course_title, d.person_name))


def forfeit_candidates(as_of: dt.date, *, course_id: int | None = None) -> list[ForfeitCandidate]:
    """Held deposits past the course's assignment deadline with no assignment that can still count."""
    result = []
    for held in _held_deposits(course_id, as_of, due=False):
        deadline = assignment_deadline(held.course)
        if deadline is None or as_of <= deadline or _due(held, as_of) is not None:
            continue
        # An assignment started in time and still running may yet reach six months.
        pending = held.certified and any(
            a.period.end is None or a.period.end >= qualifying_date(a.period.start) for a in _counting(held)
        )
        if not pending:
            result.append(
                ForfeitCandidate(
                    held.enrolment_id,
                    held.person_name,
                    held.course.id,
                    held.course.title,
                    held.balance.held,
                    deadline,
                )
            )
    return result


def refund_due_ids(as_of: dt.date, *, course_id: int | None = None) -> set[int]:
    """Enrolment ids whose deposit is due back as of a date."""
    return {d.enrolment_id for d in refunds_due(as_of, course_id=course_id)}
