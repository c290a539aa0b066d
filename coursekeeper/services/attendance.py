"""Attendance per session and completion by attended hours."""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Attendance, CourseSession, Enrolment
from coursekeeper.domain.states import EnrolmentState
from coursekeeper.errors import NotFoundError, RuleError, ValidationError
from coursekeeper.services import audit
from coursekeeper.services.courses import get_course, required_minutes
from coursekeeper.services.enrolments import apply_state, get_enrolment

S = EnrolmentState
#: States in which attendance may be recorded.
ATTENDING = (S.ACCEPTED, S.COMPLETED, S.NOT_COMPLETED, S.NO_SHOW)


@dataclass(frozen=True)
class CompletionSummary:
    """What ``complete_course`` decided."""

    completed: list[int]
    not_completed: list[int]
    no_show: list[int]


def _session(session_id: int) -> CourseSession:
    session = CourseSession.get_or_none(CourseSession.id == session_id)
    if session is None:
        raise NotFoundError(f"Fant ikke kursøkt med id {session_id}.")
    return session


def _write(enrolment: Enrolment, session: CourseSession, minutes: int) -> None:
    if enrolment.course_id != session.course_id:
        raise ValidationError("Økten hører til et annet kurs enn påmeldingen.")
    if S(enrolment.state) not in ATTENDING:
        raise RuleError(
            f"Oppmøte kan bare føres for deltakere som er tatt opp (status nå: «{S(enrolment.state).label}»)."
        )
    if minutes < 0 or minutes > session.minutes:
        raise ValidationError(
            f"Oppmøtt tid må være mellom 0 og {session.minutes / 60:g} timer for økten "
            f"{session.date:%d.%m.%Y}."
        )
    row = Attendance.get_or_none((Attendance.enrolment == enrolment) & (Attendance.session == session))
    before = audit.snapshot(row)
    if row is None:
        row = Attendance(enrolment=enrolment, session=session)
    if before is not None and row.minutes == minutes:
        return
    row.minutes = minutes
    row.save()
    audit.record("attendance", "attendance", row.id, before=before, after=audit.snapshot(row))


def set_attendance(*, enrolment_id: int, session_id: int, minutes: int) -> None:
    """Record minutes attended (0 = absent, the session's length = present)."""
    with database.atomic():
        _write(get_enrolment(enrolment_id), _session(session_id), minutes)


def set_present(*, enrolment_id: int, session_id: int, present: bool) -> None:
    """Tick present (full session) or absent."""
    with database.atomic():
        session = _session(session_id)
        _write(get_enrolment(enrolment_id), session, session.minutes if present else 0)


def mark_all_present(session_id: int) -> int:
    """Everyone accepted on the course present for the session; returns how many rows."""
    with database.atomic():
        session = _session(session_id)
        enrolments = Enrolment.select().where(
            (Enrolment.course == session.course_id) & (Enrolment.state == S.ACCEPTED)
        )
        count = 0
        for enrolment in enrolments:
            _write(enrolment, session, session.minutes)
            count += 1
        return count


def attended_minutes(course_id: int) -> dict[int, int]:
    """Attended minutes per enrolment of a course (one grouped query)."""
    query = (
        Attendance.select(Attendance.enrolment, pw.fn.SUM(Attendance.minutes))
        .join(Enrolment)
        .where(Enrolment.course == course_id)
        .group_by(Attendance.enrolment)
        .tuples()
    )
    return {eid: int(total or 0) for eid, total in query}


def attendance_grid(course_id: int) -> dict[tuple[int, int], int]:
    """``(enrolment_id, session_id) → minutes`` for a course."""
    query = (
        Attendance.select(Attendance.enrolment, Attendance.session, Attendance.minutes)
        .join(Enrolment)
        .where(Enrolment.course == course_id)
        .tuples()
    )
    return {(e, s): m for e, s, m in query}


def complete_course(course_id: int) -> CompletionSummary:
    """Close attendance: accepted → completed when hours ≥ required, else not completed (or no-show)."""
    with database.atomic():
        course = get_course(course_id)
        needed = required_minutes(course)
        attended = attended_minutes(course_id)
        summary = CompletionSummary([], [], [])
        for enrolment in Enrolment.select().where(
            (Enrolment.course == course) & (Enrolment.state == S.ACCEPTED)
        ):
            got = attended.get(enrolment.id, 0)
            if got == 0:
                apply_state(enrolment, S.NO_SHOW, "no_show")
                summary.no_show.append(enrolment.id)
            elif got >= needed:
                apply_state(enrolment, S.COMPLETED, "complete")
                summary.completed.append(enrolment.id)
            else:
                apply_state(enrolment, S.NOT_COMPLETED, "not_complete")
                summary.not_completed.append(enrolment.id)
        return summary
