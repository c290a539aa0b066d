"""Courses: create, edit, sessions, co-organisers, and the course list with counts by state."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import (
    Course,
    CourseOrganiser,
    CourseSession,
    Enrolment,
    Municipality,
    Organisation,
)
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.domain.money import kroner
from coursekeeper.domain.states import SEAT_HOLDING, CourseStatus, EnrolmentState, parse_choice
from coursekeeper.domain.text import normalise_name, search_key
from coursekeeper.errors import NeedsConfirmation, NotFoundError, ValidationError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit, municipalities, organisations
from coursekeeper.services.versions import check_version
from coursekeeper.services.waiting_list import Promotion, lock_seats, promote_waiting, promoted_message

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


@dataclass
class SessionInput:
    """One session as entered: date, ``HH:MM`` times and its length in minutes."""

    date: dt.date
    start_time: str = ""
    end_time: str = ""
    minutes: int | None = None  # computed from the times when not given


@dataclass
class CourseInput:
    """Everything a course form holds; amounts in øre, hours in minutes."""

    title: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    municipality: str | None = None
    venue: str = ""
    capacity: int = 30
    deposit_ore: int = kroner(1000)
    deposit_waived: bool = False
    binding_date: dt.date | None = None
    required_minutes: int | None = None
    screening_required: bool = True
    topics: list[str] = field(default_factory=list)
    co_organisers: list[str] = field(default_factory=list)
    status: str = CourseStatus.PLANNED
    assignment_deadline_months: int | None = None
    notes: str = ""
    sessions: list[SessionInput] | None = None  # None: leave sessions as they are
    version: int | None = None  # the version the form was filled from; None: do not check


@dataclass(frozen=True)
class CourseRow:
    """A course for lists: plain values and counts by enrolment state."""

    id: int
    title: str
    start_date: dt.date
    end_date: dt.date
    municipality: str
    venue: str
    capacity: int
    status: str
    counts: dict[str, int]

    @property
    def seats_taken(self) -> int:
        """Enrolments holding a seat (accepted and later)."""
        return sum(self.counts.get(s, 0) for s in SEAT_HOLDING)

    @property
    def waitlisted(self) -> int:
        """Enrolments on the waiting list."""
        return self.counts.get(EnrolmentState.WAITLISTED, 0)


def get_course(course_id: int) -> Course:
    """The course with this id; NotFoundError in Norwegian otherwise."""
    course = Course.get_or_none(Course.id == course_id)
    if course is None:
        raise NotFoundError(tr("Fant ikke kurs med id {id}.", id=course_id))
    return course


def _session_minutes(s: SessionInput, index: int) -> tuple[str, str, int]:
    where = tr("Økt {n} ({date})", n=index, date=f"{s.date:%d.%m.%Y}")
    times = []
    for label, value in ((tr("fra"), s.start_time), (tr("til"), s.end_time)):
        value = (value or "").strip()
        if value and not _TIME.match(value):
            raise ValidationError(
                tr(
                    "{where}: ugyldig klokkeslett {label} «{value}». Skriv TT:MM.",
                    where=where,
                    label=label,
                    value=value,
                )
            )
        times.append(value.replace(".", ":").zfill(5) if value else "")
    start, end = times
    minutes = s.minutes
    if minutes is None:
        if not (start and end):
            raise ValidationError(
                tr("{where}: oppgi klokkeslett fra og til, eller antall timer.", where=where)
            )
        to_min = [int(t[:2]) * 60 + int(t[3:]) for t in (start, end)]
        minutes = to_min[1] - to_min[0]
    if start and end and end <= start:
        raise ValidationError(tr("{where}: sluttid må være etter starttid.", where=where))
    if minutes <= 0 or minutes > 24 * 60:
        raise ValidationError(tr("{where}: varigheten må være mellom 0 og 24 timer.", where=where))
    return start, end, minutes


def _validate(data: CourseInput) -> None:
    if not normalise_name(data.title):
        raise ValidationError(tr("Kurstittel mangler."))
    if data.capacity is None or data.capacity < 1:
        raise ValidationError(tr("Antall plasser må være minst 1 (var {capacity}).", capacity=data.capacity))
    if data.deposit_ore < 0:
        raise ValidationError(tr("Egenandelen kan ikke være negativ."))
    if data.required_minutes is not None and data.required_minutes < 0:
        raise ValidationError(tr("Påkrevde timer kan ikke være negativt."))
    if data.assignment_deadline_months is not None and data.assignment_deadline_months < 1:
        raise ValidationError(tr("Fristen for å starte oppdrag må være minst 1 måned etter kurset."))
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ValidationError(_end_before_start(data.start_date, data.end_date))
    parse_choice(CourseStatus, data.status, "kursstatus")
    for label, text in (
        (tr("Kurstittel"), data.title),
        (tr("Kurssted"), data.venue),
        (tr("Temaer"), "\n".join(data.topics)),
        (tr("Medarrangører"), "\n".join(data.co_organisers)),
        (tr("Notater"), data.notes),
    ):
        refuse_identity_numbers(text, label)


def _end_before_start(start: dt.date, end: dt.date) -> str:
    return tr("Sluttdato {end} er før startdato {start}.", end=f"{end:%d.%m.%Y}", start=f"{start:%d.%m.%Y}")


def _dates(data: CourseInput) -> tuple[dt.date, dt.date]:
    days = sorted(s.date for s in data.sessions or [])
    start = data.start_date or (days[0] if days else None)
    end = data.end_date or (days[-1] if days else start)
    if start is None or end is None:
        raise ValidationError(tr("Kurset må ha en startdato eller minst én økt."))
    if end < start:
        raise ValidationError(_end_before_start(start, end))
    for day in days:
        if not start <= day <= end:
            raise ValidationError(
                tr(
                    "Økten {day} ligger utenfor kursperioden {start}–{end}.",
                    day=f"{day:%d.%m.%Y}",
                    start=f"{start:%d.%m.%Y}",
                    end=f"{end:%d.%m.%Y}",
                )
            )
    return start, end


def _apply(course: Course, data: CourseInput) -> None:
    _validate(data)
    start, end = _dates(data)
    municipality = municipalities.resolve_optional(data.municipality)
    course.title = normalise_name(data.title)
    course.start_date, course.end_date = start, end
    course.municipality = municipality
    course.venue = normalise_name(data.venue)
    course.capacity = data.capacity
    course.deposit_ore = data.deposit_ore
    course.deposit_waived = data.deposit_waived
    course.binding_date = data.binding_date
    course.required_minutes = data.required_minutes
    course.screening_required = data.screening_required
    course.topics = "\n".join(t.strip() for t in data.topics if t.strip())
    _set_status(course, data.status)
    course.assignment_deadline_months = data.assignment_deadline_months
    course.notes = data.notes
    course.save()
    if data.sessions is not None:
        _replace_sessions(course, data.sessions)
    _replace_organisers(course, data.co_organisers)


def _replace_sessions(course: Course, sessions: list[SessionInput]) -> None:
    existing = list(course.sessions.order_by(CourseSession.date, CourseSession.id))
    parsed = [_session_minutes(s, i) for i, s in enumerate(sessions, start=1)]
    ordered = sorted(zip(sessions, parsed, strict=True), key=lambda p: (p[0].date, p[1][0]))
    # Keep ids of sessions that stay (attendance refers to them); drop the rest.
    for index, (s, (start, end, minutes)) in enumerate(ordered):
        row = existing[index] if index < len(existing) else CourseSession(course=course)
        row.date, row.start_time, row.end_time, row.minutes = s.date, start, end, minutes
        row.save()
    for row in existing[len(ordered) :]:
        row.delete_instance(recursive=True)


def _replace_organisers(course: Course, names: list[str]) -> None:
    CourseOrganiser.delete().where(CourseOrganiser.course == course).execute()
    seen: set[int] = set()
    for position, name in enumerate(n for n in names if n.strip()):
        org = organisations.find_or_create_partner(name)
        if org.id not in seen:
            CourseOrganiser.create(course=course, organisation=org, position=position)
            seen.add(org.id)


@dataclass(frozen=True)
class CourseUpdate:
    """A saved course and who got a seat from the waiting list because capacity was raised."""

    id: int
    promotions: tuple[Promotion, ...]

    @property
    def message(self) -> str:
        """One sentence naming the people promoted ("" when nobody was)."""
        return promoted_message(self.promotions)


def last_day(course: Course) -> dt.date:
    """The date of the course's last session (its end date when it has no sessions)."""
    value = CourseSession.select(pw.fn.MAX(CourseSession.date)).where(CourseSession.course == course).scalar()
    if isinstance(value, str):  # SQLite returns an aggregate over a date column as text
        value = dt.date.fromisoformat(value)
    return value or course.end_date


def finishing_early(course: Course, *, today: dt.date | None, confirmed: bool) -> bool:
    """True when ``today`` is before the last session; refused unless the user ``confirmed`` it."""
    last = last_day(course)
    early = (today or dt.date.today()) < last
    if early and not confirmed:
        raise NeedsConfirmation(
            tr(
                "Kurset «{title}» har økter igjen (siste økt {date}) og avsluttes ikke før da "
                "uten at du bekrefter det.",
                title=course.title,
                date=f"{last:%d.%m.%Y}",
            )
        )
    return early


def _check_finish(
    course: Course, before_status: str, today: dt.date | None, before_last_session: bool
) -> bool:
    """A change to «finished» before the last session happens only on purpose; True when it did."""
    if course.status != CourseStatus.FINISHED or before_status == CourseStatus.FINISHED:
        return False
    return finishing_early(course, today=today, confirmed=before_last_session)


def create_course(
    data: CourseInput, *, today: dt.date | None = None, before_last_session: bool = False
) -> Course:
    """Create a course with its sessions and co-organisers."""
    with database.atomic():
        course = Course()
        _apply(course, data)
        early = _check_finish(course, "", today, before_last_session)
        action = "create_finish_before_last_session" if early else "create"
        audit.record(action, "course", course.id, after=course_snapshot(course))
    return course


def update_course(
    course_id: int, data: CourseInput, *, today: dt.date | None = None, before_last_session: bool = False
) -> CourseUpdate:
    """Change a course; capacity may not drop below the seats taken, a raise fills seats from the queue."""
    with database.atomic():
        lock_seats(course_id)
        check_version(Course, course_id, data.version, "course")
        course = get_course(course_id)
        before = course_snapshot(course)
        taken = (
            Enrolment.select()
            .where((Enrolment.course == course) & (Enrolment.state.in_(list(SEAT_HOLDING))))
            .count()
        )
        if data.capacity < taken:
            raise ValidationError(
                tr_n(
                    "Kurset har allerede {n} deltaker med plass; "
                    "antall plasser kan ikke settes til {capacity}.",
                    "Kurset har allerede {n} deltakere med plass; "
                    "antall plasser kan ikke settes til {capacity}.",
                    taken,
                    capacity=data.capacity,
                )
            )
        _apply(course, data)
        early = _check_finish(course, before["status"], today, before_last_session)
        action = "update_finish_before_last_session" if early else "update"
        audit.record(action, "course", course.id, before=before, after=course_snapshot(course))
        promotions = promote_waiting(course)
    return CourseUpdate(course.id, promotions)


def set_status(
    course_id: int, status: str, *, today: dt.date | None = None, before_last_session: bool = False
) -> Course:
    """Change only the course status; «finished» before the last session needs ``before_last_session``."""
    parse_choice(CourseStatus, status, "kursstatus")
    with database.atomic():
        course = get_course(course_id)
        before = audit.snapshot(course)
        _set_status(course, status, today)
        course.save()
        early = _check_finish(course, before["status"], today, before_last_session)
        action = "finish_before_last_session" if early else "status"
        audit.record(action, "course", course.id, before=before, after=audit.snapshot(course))
    return course


def _set_status(course: Course, status: str, today: dt.date | None = None) -> None:
    """Set the status; a cancellation keeps its day (refunds due as of an earlier day leave it out)."""
    if status == CourseStatus.CANCELLED and course.status != CourseStatus.CANCELLED:
        course.cancelled_on = today or dt.date.today()
    elif status != CourseStatus.CANCELLED:
        course.cancelled_on = None
    course.status = status


def course_snapshot(course: Course) -> dict:
    """Course columns plus its sessions and co-organisers, for the audit log."""
    data = audit.snapshot(course) or {}
    data["sessions"] = [
        [s.date.isoformat(), s.start_time, s.end_time, s.minutes]
        for s in course.sessions.order_by(CourseSession.date)
    ]
    data["co_organisers"] = co_organiser_names(course.id)
    return data


def sessions(course_id: int) -> list[CourseSession]:
    """A course's sessions in date order."""
    return list(
        CourseSession.select()
        .where(CourseSession.course == course_id)
        .order_by(CourseSession.date, CourseSession.start_time, CourseSession.id)
    )


def total_minutes(course_id: int) -> int:
    """All hours of the course, in minutes."""
    value = (
        CourseSession.select(pw.fn.COALESCE(pw.fn.SUM(CourseSession.minutes), 0))
        .where(CourseSession.course == course_id)
        .scalar()
    )
    return int(value or 0)


def required_minutes(course: Course) -> int:
    """Minutes needed for completion: the course setting, else all its hours."""
    if course.required_minutes is not None:
        return course.required_minutes
    return total_minutes(course.id)


def co_organiser_names(course_id: int) -> list[str]:
    """Co-organiser names in print order."""
    query = (
        Organisation.select(Organisation.name)
        .join(CourseOrganiser)
        .where(CourseOrganiser.course == course_id)
        .order_by(CourseOrganiser.position)
    )
    return [o.name for o in query]


def topics(course: Course) -> list[str]:
    """The topics printed on the certificate."""
    return [t for t in course.topics.splitlines() if t.strip()]


def list_courses(
    *,
    year: int | None = None,
    municipality: str | None = None,
    status: str | None = None,
    search: str = "",
) -> list[CourseRow]:
    """Courses newest first with counts by enrolment state (one grouped query)."""
    query = (
        Course.select(Course, Municipality.name.alias("municipality_name"))
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .order_by(Course.start_date.desc(), Course.id.desc())
    )
    if year is not None:
        query = query.where(
            (Course.start_date >= dt.date(year, 1, 1)) & (Course.start_date <= dt.date(year, 12, 31))
        )
    if municipality:
        query = query.where(Course.municipality == municipalities.resolve(municipality))
    if status:
        query = query.where(Course.status == status)
    counts: dict[int, dict[str, int]] = {}
    grouped = (
        Enrolment.select(Enrolment.course, Enrolment.state, pw.fn.COUNT(Enrolment.id))
        .group_by(Enrolment.course, Enrolment.state)
        .tuples()
    )
    for course_id, state, n in grouped:
        counts.setdefault(course_id, {})[state] = n
    key = search_key(search)
    rows = []
    for c in query.objects():
        name = c.municipality_name or ""
        if key and key not in search_key(f"{c.title} {name} {c.venue}"):
            continue
        rows.append(
            CourseRow(
                c.id,
                c.title,
                c.start_date,
                c.end_date,
                name,
                c.venue,
                c.capacity,
                c.status,
                counts.get(c.id, {}),
            )
        )
    return rows
