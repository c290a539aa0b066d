"""Attendance per session and completion by attended hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Attendance, CourseSession, Enrolment
from coursekeeper.domain.states import CourseStatus, EnrolmentState
from coursekeeper.errors import ChangedElsewhereError, NotFoundError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, courses
from coursekeeper.services.courses import get_course, required_minutes
from coursekeeper.services.enrolments import apply_state, get_enrolment
from coursekeeper.services.locks import lock_row
from coursekeeper.services.versions import last_change

S = EnrolmentState
#: ``was`` for a save that overwrites whatever is recorded (minutes are never negative).
NOT_CHECKED = -1
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
        raise NotFoundError(tr("Fant ikke kursøkt med id {id}.", id=session_id))
    return session


def has_started(day: dt.date, start_time: str, at: dt.datetime | None = None) -> bool:
    """A session has started once its date has come and, on the day, its start time (if any)."""
    at = at or dt.datetime.now()
    if at.date() != day:
        return at.date() > day
    return not start_time or f"{at:%H:%M}" >= start_time


def _check_started(session: CourseSession, at: dt.datetime | None) -> None:
    if not has_started(session.date, session.start_time, at):
        when = f"{session.date:%d.%m.%Y}"
        if session.start_time:
            when = tr("{date} kl. {time}", date=when, time=session.start_time)
        raise RuleError(tr("Økten {when} har ikke begynt ennå, så oppmøte kan ikke føres.", when=when))


def _write(enrolment: Enrolment, session: CourseSession, minutes: int, was: int | None = NOT_CHECKED) -> None:
    if enrolment.course_id != session.course_id:
        raise ValidationError(tr("Økten hører til et annet kurs enn påmeldingen."))
    if S(enrolment.state) not in ATTENDING:
        raise RuleError(
            tr(
                "Oppmøte kan bare føres for deltakere som er tatt opp (status nå: «{state}»).",
                state=S(enrolment.state).label,
            )
        )
    if minutes < 0 or minutes > session.minutes:
        raise ValidationError(
            tr(
                "Oppmøtt tid må være mellom 0 og {hours} timer for økten {date}.",
                hours=f"{session.minutes / 60:g}".replace(".", ","),
                date=f"{session.date:%d.%m.%Y}",
            )
        )
    lock_row(Enrolment, enrolment.id)  # two saves of one cell take turns; the second sees the first
    row = Attendance.get_or_none((Attendance.enrolment == enrolment) & (Attendance.session == session))
    if was != NOT_CHECKED and (row.minutes if row else None) != was:
        raise _recorded_since(row)
    before = audit.snapshot(row)
    if row is None:
        row = Attendance(enrolment=enrolment, session=session)
    if before is not None and row.minutes == minutes:
        return
    row.minutes = minutes
    row.save()
    audit.record("attendance", "attendance", row.id, before=before, after=audit.snapshot(row))


def _recorded_since(row: Attendance | None) -> ChangedElsewhereError:
    """The refusal of a cell saved over what someone else recorded after the list was opened."""
    last = last_change("attendance", row.id) if row is not None else None
    if last is None:  # the colleague's entry was removed again with its session
        return ChangedElsewhereError(
            tr("Oppmøtet her er endret etter at du åpnet listen. Ingenting er lagret.")
        )
    who, when = last
    return ChangedElsewhereError(
        tr(
            "{who} førte oppmøte her {when}, etter at du åpnet listen. Ingenting er lagret; "
            "listen viser nå det som er lagret.",
            who=who,
            when=when,
        )
    )


def set_attendance(
    *,
    enrolment_id: int,
    session_id: int,
    minutes: int,
    at: dt.datetime | None = None,
    was: int | None = NOT_CHECKED,
) -> None:
    """Record minutes attended (0 = absent, the session's length = present) once the session began.

    ``was``: the minutes the user saw in the cell (None: empty); refused when someone else has
    recorded something else since. The default, ``NOT_CHECKED``, overwrites (the command line).
    """
    with database.atomic():
        session = _session(session_id)
        _check_started(session, at)
        _write(get_enrolment(enrolment_id), session, minutes, was)


def mark_all_present(
    session_id: int, *, at: dt.datetime | None = None, was: Mapping[int, int | None] | None = None
) -> int:
    """Everyone accepted on the course present for the session; returns how many rows.

    ``was``: each accepted enrolment's cell as the user saw it (None: empty); only they are
    marked, and when someone else recorded another value for any of them since, nothing is written.
    """
    with database.atomic():
        session = _session(session_id)
        _check_started(session, at)
        enrolments = Enrolment.select().where(
            (Enrolment.course == session.course_id) & (Enrolment.state == S.ACCEPTED)
        )
        count = 0
        if was is not None:  # only the people the user saw; someone accepted since is left for them
            enrolments = enrolments.where(Enrolment.id.in_(list(was)))
        for enrolment in enrolments:
            _write(enrolment, session, session.minutes, NOT_CHECKED if was is None else was[enrolment.id])
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


def complete_course(
    course_id: int, *, today: dt.date | None = None, before_last_session: bool = False
) -> CompletionSummary:
    """«Avslutt kurset»: accepted → completed / not completed / no-show by hours; the course is finished.

    Before the last session this needs ``before_last_session`` (the user confirmed it).
    """
    with database.atomic():
        course = get_course(course_id)
        courses.finishing_early(course, today=today, confirmed=before_last_session)
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
        if course.status not in (CourseStatus.FINISHED, CourseStatus.CANCELLED):
            courses.set_status(
                course.id, CourseStatus.FINISHED, today=today, before_last_session=before_last_session
            )
        return summary
