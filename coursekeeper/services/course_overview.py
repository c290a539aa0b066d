"""A course's page in one go: enrolment rows with screening outcome, deposit, hours, certificate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.models import (
    Certificate,
    Course,
    CourseSession,
    Enrolment,
    Municipality,
    Person,
    Screening,
)
from coursekeeper.domain.deposits import Balance, DepositStatus, derive_status
from coursekeeper.domain.states import SEAT_HOLDING, EnrolmentState, ScreeningOutcome
from coursekeeper.services import attendance, courses, deposits, permissions, refunds
from coursekeeper.services.courses import CourseInput, SessionInput

S = EnrolmentState


@dataclass(frozen=True)
class SessionRow:
    """One session of a course."""

    id: int
    date: dt.date
    start_time: str
    end_time: str
    minutes: int


@dataclass(frozen=True)
class EnrolmentRow:
    """One line of a course's enrolment table (never the screening notes)."""

    id: int
    person_id: int
    name: str
    municipality: str
    state: EnrolmentState
    applied_at: dt.datetime
    screening: ScreeningOutcome
    deposit_status: DepositStatus
    deposit_held_ore: int
    attended_minutes: int
    certificate_number: str

    @property
    def holds_seat(self) -> bool:
        """True when this enrolment counts against the capacity."""
        return self.state in SEAT_HOLDING


@dataclass(frozen=True)
class CourseHeader:
    """The facts shown at the top of a course's page."""

    id: int
    title: str
    municipality: str
    venue: str
    start_date: dt.date
    end_date: dt.date
    status: str
    capacity: int
    deposit_ore: int
    deposit_waived: bool
    binding_date: dt.date | None
    required_minutes: int
    total_minutes: int
    screening_required: bool
    co_organisers: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True)
class CourseOverview:
    """Header, sessions and enrolment rows of one course, with the seat counts."""

    course: CourseHeader
    sessions: tuple[SessionRow, ...]
    enrolments: tuple[EnrolmentRow, ...]

    @property
    def seats_taken(self) -> int:
        """Enrolments holding a seat."""
        return sum(1 for e in self.enrolments if e.holds_seat)

    @property
    def waitlisted(self) -> int:
        """Enrolments on the waiting list."""
        return sum(1 for e in self.enrolments if e.state == S.WAITLISTED)


@dataclass(frozen=True)
class AttendanceSheet:
    """Participants × sessions with the minutes recorded (absent cells are missing)."""

    course: CourseHeader
    sessions: tuple[SessionRow, ...]
    participants: tuple[EnrolmentRow, ...]
    minutes: dict[tuple[int, int], int]


def has_courses() -> bool:
    """True when at least one course exists (first-start check)."""
    return Course.select(Course.id).exists()


def course_header(course_id: int, sessions: tuple[SessionRow, ...] | None = None) -> CourseHeader:
    """The course's facts as plain values (hours from ``sessions`` when the caller has them)."""
    course = (
        Course.select(Course, Municipality.name.alias("municipality_name"))
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .where(Course.id == course_id)
        .objects()
        .first()
    )
    if course is None:
        courses.get_course(course_id)  # raises the Norwegian NotFoundError
    total = sum(s.minutes for s in sessions) if sessions is not None else courses.total_minutes(course_id)
    return CourseHeader(
        course.id,
        course.title,
        course.municipality_name or "",
        course.venue,
        course.start_date,
        course.end_date,
        course.status,
        course.capacity,
        course.deposit_ore,
        course.deposit_waived,
        course.binding_date,
        course.required_minutes if course.required_minutes is not None else total,
        total,
        course.screening_required,
        tuple(courses.co_organiser_names(course_id)),
        tuple(t for t in course.topics.splitlines() if t.strip()),
    )


def session_rows(course_id: int) -> tuple[SessionRow, ...]:
    """The course's sessions in date order."""
    return tuple(
        SessionRow(s.id, s.date, s.start_time, s.end_time, s.minutes) for s in courses.sessions(course_id)
    )


def enrolment_rows(
    course_id: int, *, as_of: dt.date | None = None, header: CourseHeader | None = None
) -> list[EnrolmentRow]:
    """Every enrolment of a course (one joined query plus bulk balances, hours and refunds due)."""
    header = header or course_header(course_id)
    as_of = as_of or dt.date.today()
    # Municipal staff on a shared server may not read screening at all: their rows say «not yet».
    allowed = permissions.current()
    seen = allowed.can_see_screening
    number = (
        Certificate.select(Certificate.number)
        .where((Certificate.enrolment == Enrolment.id) & Certificate.revoked_at.is_null())
        .order_by(Certificate.id.desc())
        .limit(1)
    )
    query = (
        Enrolment.select(
            Enrolment.id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Municipality.name,
            Enrolment.state,
            Enrolment.applied_at,
            Screening.outcome if seen else pw.Value(None),
            number if allowed.can_see_certificates else pw.Value(""),
        )
        .join(Person)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .switch(Enrolment)
    )
    if seen:
        query = query.join(Screening, pw.JOIN.LEFT_OUTER)
    query = query.where(Enrolment.course == course_id).order_by(Enrolment.applied_at, Enrolment.id).tuples()
    # The screening role sees no money: its rows carry no deposit (the page shows no such column).
    bals = deposits.balances(course_id=course_id) if allowed.can_see_money else {}
    hours = attendance.attended_minutes(course_id)
    due = refunds.refund_due_ids(as_of, course_id=course_id) if allowed.can_see_money else set()
    rows = []
    for eid, pid, first, last, municipality, state, applied_at, outcome, certificate in query:
        bal = bals.get(eid, Balance())
        status = derive_status(
            bal, deposit_ore=header.deposit_ore, refund_due=eid in due, waived=header.deposit_waived
        )
        rows.append(
            EnrolmentRow(
                eid,
                pid,
                f"{first} {last}".strip(),
                municipality or "",
                S(state),
                applied_at,
                ScreeningOutcome(outcome) if outcome else ScreeningOutcome.PENDING,
                status,
                bal.held,
                hours.get(eid, 0),
                certificate or "",
            )
        )
    return rows


def course_overview(course_id: int, *, as_of: dt.date | None = None) -> CourseOverview:
    """Everything the course page shows (a fixed number of queries, however many enrolled)."""
    sessions = session_rows(course_id)
    header = course_header(course_id, sessions)
    return CourseOverview(header, sessions, tuple(enrolment_rows(course_id, as_of=as_of, header=header)))


def attendance_sheet(course_id: int) -> AttendanceSheet:
    """Participants who may have attendance recorded, the sessions, and the minutes so far."""
    overview = course_overview(course_id)
    participants = tuple(e for e in overview.enrolments if e.state in attendance.ATTENDING)
    return AttendanceSheet(
        overview.course, overview.sessions, participants, attendance.attendance_grid(course_id)
    )


def course_input(course_id: int) -> CourseInput:
    """A course as the edit form holds it (sessions included)."""
    course = courses.get_course(course_id)
    return CourseInput(
        title=course.title,
        start_date=course.start_date,
        end_date=course.end_date,
        municipality=course.municipality.name if course.municipality_id else None,
        venue=course.venue,
        capacity=course.capacity,
        deposit_ore=course.deposit_ore,
        deposit_waived=course.deposit_waived,
        binding_date=course.binding_date,
        required_minutes=course.required_minutes,
        screening_required=course.screening_required,
        topics=courses.topics(course),
        co_organisers=courses.co_organiser_names(course_id),
        status=course.status,
        assignment_deadline_months=course.assignment_deadline_months,
        notes=course.notes,
        version=course.version,
        sessions=[
            SessionInput(s.date, s.start_time, s.end_time, s.minutes)
            for s in CourseSession.select()
            .where(CourseSession.course == course_id)
            .order_by(CourseSession.date, CourseSession.start_time)
        ],
    )
