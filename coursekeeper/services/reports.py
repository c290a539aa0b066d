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
    Course,
    CourseSession,
    Enrolment,
    LedgerEntry,
    Municipality,
)
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.domain.six_months import AssignmentPeriod, reached_on
from coursekeeper.domain.states import SEAT_HOLDING, EnrolmentState
from coursekeeper.i18n import tr

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


def _states_before_later_exits(as_of: dt.date) -> dict[int, str]:
    """For enrolments withdrawn or rejected after ``as_of``: the state they held before (audit log)."""
    found: dict[int, str] = {}
    query = (
        AuditLog.select(AuditLog.entity_id, AuditLog.before)
        .where(
            (AuditLog.entity == "enrolment")
            & AuditLog.action.in_(_EXITS)
            & (AuditLog.at >= _day_after(as_of))
            & AuditLog.before.is_null(False)
        )
        .order_by(AuditLog.at, AuditLog.id)
    )
    for eid, before in query.tuples():
        try:
            state = json.loads(before).get("state")
        except (ValueError, AttributeError):
            continue
        if isinstance(state, str):
            found[eid] = state  # the latest exit wins: it is the one the enrolment is in now
    return found


def _per_enrolment(as_of: dt.date) -> tuple[list[tuple[int, int, str, str]], dict[str, set[int]]]:
    """Enrolments (id, course, course title, municipality) and the ids at each funnel step.

    Only what had happened by ``as_of`` counts (DESIGN §3): enrolments, state changes,
    attendance, certificates, assignments and refunds dated later are left out.
    """
    day_after = _day_after(as_of)
    rows = list(
        Enrolment.select(
            Enrolment.id,
            Enrolment.course,
            Course.title,
            Municipality.name,
            Enrolment.state,
            Enrolment.person,
            Enrolment.state_changed_at,
        )
        .join(Course)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .where(Enrolment.applied_at < day_after)
        .tuples()
    )
    earlier = _states_before_later_exits(as_of)
    steps: dict[str, set[int]] = defaultdict(set)
    person_of = {r[0]: r[5] for r in rows}
    for eid, _course, _title, _m, state, _p, changed in rows:
        steps["registered"].add(eid)
        if state in _EXIT_STATES and changed >= day_after:
            state = earlier.get(eid, EnrolmentState.APPLIED)  # withdrawn or rejected later: not yet
        if state in SEAT_HOLDING:
            steps["accepted"].add(eid)
    attended = (
        Attendance.select(Attendance.enrolment)
        .join(CourseSession)
        .where((Attendance.minutes > 0) & (CourseSession.date <= as_of))
        .distinct()
    )
    steps["attended"] = {e for (e,) in attended.tuples()}
    certified = Certificate.select(Certificate.enrolment, Certificate.issued_on).where(
        (Certificate.issued_on <= as_of)
        & (Certificate.revoked_at.is_null() | (Certificate.revoked_at >= day_after))
    )
    issued = {eid: day for eid, day in certified.tuples()}
    steps["certified"] = set(issued) & steps["registered"]
    periods: dict[int, list[AssignmentPeriod]] = defaultdict(list)
    for person, start, end in Assignment.select(
        Assignment.person, Assignment.start_date, Assignment.end_date
    ).tuples():
        periods[person].append(AssignmentPeriod(start, end))
    for eid in steps["certified"]:
        mine = [p for p in periods.get(person_of[eid], []) if p.start <= as_of]
        if mine:
            steps["in_assignment"].add(eid)
        for months in MILESTONES:
            if any((d := reached_on(p, months)) is not None and d <= as_of for p in mine):
                steps[f"reached_{months}"].add(eid)
    refunded = (
        LedgerEntry.select(LedgerEntry.enrolment)
        .where((LedgerEntry.kind == EntryKind.REFUND) & (LedgerEntry.entry_date <= as_of))
        .distinct()
    )
    # Only refunds after certification belong to the funnel; refunds for a rejection, a
    # withdrawal or a cancelled course are not the six-month step.
    steps["refunded"] = {e for (e,) in refunded.tuples()} & steps["certified"]
    return [(r[0], r[1], r[2], r[3] or "") for r in rows], steps


def _funnels(as_of: dt.date, key_index: int) -> dict[object, Funnel]:
    rows, steps = _per_enrolment(as_of)
    result: dict[object, Funnel] = {}
    for row in rows:
        key = row[key_index]
        label = row[2] if key_index == 1 else (row[3] or tr("Uten kommune"))
        funnel = result.setdefault(key, Funnel(label))
        for name, ids in steps.items():
            if row[0] in ids:
                setattr(funnel, name, getattr(funnel, name) + 1)
    return result


def funnel_per_course(as_of: dt.date | None = None) -> list[Funnel]:
    """One funnel per course, courses newest first (courses without enrolments included)."""
    as_of = as_of or dt.date.today()
    by_course = _funnels(as_of, 1)
    out = []
    for course_id, title, start in (
        Course.select(Course.id, Course.title, Course.start_date).order_by(Course.start_date.desc()).tuples()
    ):
        funnel = by_course.get(course_id, Funnel(title))
        funnel.course_id, funnel.start_date = course_id, start
        out.append(funnel)
    return out


def summed(label: str, funnels: list[Funnel]) -> Funnel:
    """The sum of several funnels, labelled ``label`` (a total, a year, a municipality)."""
    result = Funnel(label)
    for funnel in funnels:
        result.add(funnel)
    return result
