"""Key figures: the funnel from registered to refunded, per course and per municipality."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.models import (
    Assignment,
    Attendance,
    AuditLog,
    Certificate,
    CourseSession,
    Enrolment,
    LedgerEntry,
)
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.domain.six_months import AssignmentPeriod, reached_on
from coursekeeper.domain.states import SEAT_HOLDING, EnrolmentState

MILESTONES = (6, 12, 18)


@dataclass
class Funnel:
    """Counts of people at each step; ``label`` names the course or municipality."""

    label: str
    registered: int = 0
    accepted: int = 0
    attended: int = 0
    certified: int = 0
    in_assignment: int = 0
    reached_6: int = 0
    reached_12: int = 0
    reached_18: int = 0
    refunded: int = 0
    course_id: int | None = None  # set on per-course funnels: titles can repeat
    start_date: dt.date | None = None

    def add(self, other: Funnel) -> None:
        """Add another funnel's counts to this one."""
        for name in STEP_LABELS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


STEP_LABELS = {
    "registered": "Påmeldt",
    "accepted": "Tatt opp",
    "attended": "Møtte",
    "certified": "Kursbevis",
    "in_assignment": "I oppdrag",
    "reached_6": "6 måneder",
    "reached_12": "12 måneder",
    "reached_18": "18 måneder",
    "refunded": "Tilbakebetalt",
}


_EXITS = ("withdraw", "reject")
_EXIT_STATES = frozenset({EnrolmentState.WITHDRAWN, EnrolmentState.REJECTED})


def _day_after(as_of: dt.date) -> dt.datetime:
    return dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time())


def _seats_held_before_later_exits(as_of: dt.date) -> dict[int, int]:
    """Per course: enrolments withdrawn or rejected after ``as_of`` that held a seat on that day.

    The state they held is the one the audit log recorded when they left (the latest exit wins:
    it is the one the enrolment is in now); one without such an entry had only applied.
    """
    day_after = _day_after(as_of)
    query = (
        AuditLog.select(AuditLog.entity_id, Enrolment.course, AuditLog.before)
        .join(Enrolment, on=(AuditLog.entity_id == Enrolment.id))
        .where(
            (AuditLog.entity == "enrolment")
            & AuditLog.action.in_(_EXITS)
            & (AuditLog.at >= day_after)
            & AuditLog.before.is_null(False)
            & (Enrolment.applied_at < day_after)
            & Enrolment.state.in_(list(_EXIT_STATES))
            & (Enrolment.state_changed_at >= day_after)
        )
        .order_by(AuditLog.at, AuditLog.id)
    )
    found: dict[int, tuple[int, str]] = {}
    for eid, course_id, before in query.tuples():
        try:
            state = json.loads(before).get("state")
        except (ValueError, AttributeError):
            continue
        if isinstance(state, str):
            found[eid] = (course_id, state)
    held: dict[int, int] = defaultdict(int)
    for course_id, state in found.values():
        if state in SEAT_HOLDING:
            held[course_id] += 1
    return held


#: An assignment as the funnel reads it: person, municipality (or None), start, end (or None).
Started = tuple[int, int | None, dt.date, dt.date | None]


def assignments_started(as_of: dt.date) -> list[Started]:
    """Every assignment started by ``as_of`` (one query; the funnel and the reach both use them)."""
    return list(
        Assignment.select(
            Assignment.person, Assignment.municipality, Assignment.start_date, Assignment.end_date
        )
        .where(Assignment.start_date <= as_of)
        .tuples()
    )


def counts_per_course(as_of: dt.date, started: list[Started] | None = None) -> dict[int, Funnel]:
    """Each course's funnel counts as of ``as_of``, in a fixed number of queries whatever the size.

    Only what had happened by ``as_of`` counts (DESIGN §3): enrolments, state changes,
    attendance, certificates, assignments and refunds dated later are left out. The database
    counts the registered, accepted and attended; only the certified (a few per course) are
    looked at one by one, for their assignments.
    """
    day_after = _day_after(as_of)
    registered = Enrolment.applied_at < day_after
    counts: dict[int, Funnel] = {}
    seat_holding = pw.Case(None, [(Enrolment.state.in_(list(SEAT_HOLDING)), 1)], 0)
    for course_id, total, accepted in (
        Enrolment.select(Enrolment.course, pw.fn.COUNT(Enrolment.id), pw.fn.SUM(seat_holding))
        .where(registered)
        .group_by(Enrolment.course)
        .tuples()
    ):
        counts[course_id] = Funnel("", registered=total, accepted=int(accepted or 0), course_id=course_id)
    # Withdrawn or rejected after ``as_of``: on that day they still held the state they left.
    for course_id, held in _seats_held_before_later_exits(as_of).items():
        counts[course_id].accepted += held
    for course_id, attended in (
        Enrolment.select(Enrolment.course, pw.fn.COUNT(Attendance.enrolment.distinct()))
        .join(Attendance)
        .join(CourseSession)
        .where(registered & (Attendance.minutes > 0) & (CourseSession.date <= as_of))
        .group_by(Enrolment.course)
        .tuples()
    ):
        counts[course_id].attended = attended
    _count_certified(as_of, registered, counts, assignments_started(as_of) if started is None else started)
    return counts


def _count_certified(
    as_of: dt.date, registered: pw.Expression, counts: dict[int, Funnel], started: list[Started]
) -> None:
    """Add the certified, their assignments' milestones and the refunded after certification."""
    day_after = _day_after(as_of)
    # Only refunds after certification belong to the funnel; refunds for a rejection, a
    # withdrawal or a cancelled course are not the six-month step.
    refunded = pw.fn.EXISTS(
        LedgerEntry.select(LedgerEntry.id).where(
            (LedgerEntry.enrolment == Enrolment.id)
            & (LedgerEntry.kind == EntryKind.REFUND)
            & (LedgerEntry.entry_date <= as_of)
        )
    )
    certified = (
        Enrolment.select(Enrolment.course, Enrolment.person, refunded)
        .join(Certificate)
        .where(
            registered
            & (Certificate.issued_on <= as_of)
            & (Certificate.revoked_at.is_null() | (Certificate.revoked_at >= day_after))
        )
        .group_by(Enrolment.id, Enrolment.course, Enrolment.person)
        .tuples()
    )
    periods: dict[int, list[AssignmentPeriod]] = defaultdict(list)
    for person, _municipality, start, end in started:
        periods[person].append(AssignmentPeriod(start, end))
    for course_id, person, was_refunded in certified:
        funnel = counts[course_id]
        funnel.certified += 1
        funnel.refunded += bool(was_refunded)
        mine = periods.get(person, [])
        funnel.in_assignment += bool(mine)
        for months in MILESTONES:
            if any((d := reached_on(p, months)) is not None and d <= as_of for p in mine):
                setattr(funnel, f"reached_{months}", getattr(funnel, f"reached_{months}") + 1)


def course_funnel(course_id: int, title: str, start: dt.date, counts: dict[int, Funnel]) -> Funnel:
    """The course's funnel from ``counts_per_course``, labelled with its title (empty if nobody joined)."""
    funnel = counts.get(course_id) or Funnel(title, course_id=course_id)
    funnel.label, funnel.start_date = title, start
    return funnel


def summed(label: str, funnels: list[Funnel]) -> Funnel:
    """The sum of several funnels, labelled ``label`` (a total, a year, a municipality)."""
    result = Funnel(label)
    for funnel in funnels:
        result.add(funnel)
    return result
