"""Retention (GDPR art. 5(1)(e), DESIGN §6): what the rules say may go, shown first, removed on confirmation.

Two rules with periods kept in the database (so every staff member on a shared database follows
the same): screening notes of applicants who were never accepted go a number of months after the
course ended (default 12); people with no course, assignment or money movement for a number of
years (default 5, the accounting period) are anonymised. The program proposes, a person confirms,
and every run is logged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Assignment, Course, Enrolment, LedgerEntry, Person, Screening
from coursekeeper.domain.dates import add_months, format_date
from coursekeeper.domain.states import EnrolmentState
from coursekeeper.errors import CourseKeeperError, ValidationError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit
from coursekeeper.services.database import get_setting, set_setting

S = EnrolmentState
#: Applicants whose screening notes go: never given a seat.
NOT_ACCEPTED = (S.APPLIED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN)
SCREENING_KEY, INACTIVE_KEY = "retention_screening_months", "retention_inactive_years"
DEFAULT_SCREENING_MONTHS, DEFAULT_INACTIVE_YEARS = 12, 5


@dataclass(frozen=True)
class RetentionSettings:
    """The two periods of DESIGN §6."""

    screening_months: int = DEFAULT_SCREENING_MONTHS
    inactive_years: int = DEFAULT_INACTIVE_YEARS


@dataclass(frozen=True)
class NotesDue:
    """Screening notes of one applicant who was not accepted, due for deletion."""

    enrolment_id: int
    person_name: str
    course_title: str
    course_end: dt.date
    due_on: dt.date


@dataclass(frozen=True)
class PersonDue:
    """A person with nothing going on for the set number of years, due for anonymisation."""

    person_id: int
    name: str
    last_activity: dt.date
    due_on: dt.date


@dataclass(frozen=True)
class RetentionPlan:
    """What the rules would delete as of a date."""

    as_of: dt.date
    settings: RetentionSettings
    notes: list[NotesDue]
    people: list[PersonDue]

    @property
    def empty(self) -> bool:
        """Nothing to do."""
        return not self.notes and not self.people

    def summary(self) -> str:
        """One sentence with the counts."""
        if self.empty:
            return tr("Ingenting skal slettes etter reglene per {date}.", date=format_date(self.as_of))
        return tr(
            "Per {date}: {notes} og {people}.",
            date=format_date(self.as_of),
            notes=tr_n(
                "notater fra {n} egnethetsvurdering skal slettes",
                "notater fra {n} egnethetsvurderinger skal slettes",
                len(self.notes),
            ),
            people=tr_n("{n} person skal anonymiseres", "{n} personer skal anonymiseres", len(self.people)),
        )

    def lines(self) -> list[str]:
        """One line per thing to delete, for the list shown before confirming."""
        out = [
            tr(
                "Notater om {name} fra «{title}» (kurset sluttet {end}; slettes fra {due})",
                name=n.person_name,
                title=n.course_title,
                end=format_date(n.course_end),
                due=format_date(n.due_on),
            )
            for n in self.notes
        ]
        out += [
            tr(
                "{name}: ingenting siden {last}; anonymiseres fra {due}",
                name=p.name,
                last=format_date(p.last_activity),
                due=format_date(p.due_on),
            )
            for p in self.people
        ]
        return out


@dataclass(frozen=True)
class RetentionResult:
    """What a run deleted."""

    notes_deleted: int
    people_anonymised: int
    skipped: list[str]

    @property
    def message(self) -> str:
        """One or two sentences for the user."""
        text = tr(
            "{notes} slettet, {people} anonymisert.",
            notes=tr_n("Notater fra {n} vurdering", "Notater fra {n} vurderinger", self.notes_deleted),
            people=tr_n("{n} person", "{n} personer", self.people_anonymised),
        )
        if self.skipped:
            text += " " + " ".join(self.skipped)
        return text


def get_settings() -> RetentionSettings:
    """The periods stored in the database (defaults when never set)."""
    months = int(get_setting(SCREENING_KEY) or DEFAULT_SCREENING_MONTHS)
    return RetentionSettings(months, int(get_setting(INACTIVE_KEY) or DEFAULT_INACTIVE_YEARS))


def save_settings(value: RetentionSettings) -> RetentionSettings:
    """Store the periods (months 1–120, years 1–30), logged."""
    if not 1 <= value.screening_months <= 120:
        raise ValidationError(tr("Tiden før notater slettes må være mellom 1 og 120 måneder."))
    if not 1 <= value.inactive_years <= 30:
        raise ValidationError(tr("Tiden før inaktive personer anonymiseres må være mellom 1 og 30 år."))
    with database.atomic():
        before = get_settings()
        set_setting(SCREENING_KEY, str(value.screening_months))
        set_setting(INACTIVE_KEY, str(value.inactive_years))
        audit.record("retention_settings", "database", None, before=before.__dict__, after=value.__dict__)
    return value


def plan(as_of: dt.date | None = None) -> RetentionPlan:
    """What the rules would delete as of ``as_of`` (default today); nothing is written."""
    as_of = as_of or dt.date.today()
    settings = get_settings()
    notes = [
        NotesDue(eid, f"{first} {last}", title, end, due)
        for eid, first, last, title, end in (
            Enrolment.select(Enrolment.id, Person.first_name, Person.last_name, Course.title, Course.end_date)
            .join(Screening, on=(Screening.enrolment == Enrolment.id))
            .switch(Enrolment)
            .join(Person)
            .switch(Enrolment)
            .join(Course)
            .where(Enrolment.state.in_(list(NOT_ACCEPTED)) & (Screening.notes != ""))
            .order_by(Course.end_date, Person.last_name)
            .tuples()
        )
        if (due := add_months(end, settings.screening_months)) <= as_of
    ]
    return RetentionPlan(as_of, settings, notes, _inactive_people(as_of, settings.inactive_years))


def _latest_due_day(as_of: dt.date, months: int) -> dt.date:
    """The latest day of last activity that is due by ``as_of`` (``add_months(day, months) <= as_of``)."""
    day = add_months(as_of, -months)  # going back and forth clamps month ends: never later than as_of
    while add_months(day + dt.timedelta(days=1), months) <= as_of:
        day += dt.timedelta(days=1)  # e.g. 29.02 + 12 months is 28.02: one more day is still due
    return day


def _day(value: dt.date | str) -> dt.date:
    """A date from a date, a timestamp, or the ISO text SQLite gives for a subquery's MAX."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])


def _inactive_people(as_of: dt.date, years: int) -> list[PersonDue]:
    """People whose last course end, assignment end or money movement is ``years`` before ``as_of``.

    One query: the database rules out everyone with later activity through its indexes, and the
    latest dates are looked up only for those left (no row per enrolment crosses the network).
    """
    latest = _latest_due_day(as_of, 12 * years)
    course_enrolment, money_enrolment = Enrolment.alias(), Enrolment.alias()

    def course_ends(*columns: pw.Node) -> pw.Select:
        return course_enrolment.select(*columns).join(Course).where(course_enrolment.person == Person.id)

    def money_dates(*columns: pw.Node) -> pw.Select:
        return LedgerEntry.select(*columns).join(money_enrolment).where(money_enrolment.person == Person.id)

    running_or_later = Assignment.select(Assignment.id).where(
        (Assignment.person == Person.id) & (Assignment.end_date.is_null() | (Assignment.end_date > latest))
    )
    rows = Person.select(
        Person.id,
        Person.first_name,
        Person.last_name,
        Person.created_at,
        course_ends(pw.fn.MAX(Course.end_date)),
        Assignment.select(pw.fn.MAX(Assignment.end_date)).where(Assignment.person == Person.id),
        money_dates(pw.fn.MAX(LedgerEntry.entry_date)),
    ).where(
        Person.anonymised_at.is_null()
        & (Person.created_at < dt.datetime.combine(latest + dt.timedelta(days=1), dt.time()))
        & ~pw.fn.EXISTS(course_ends(Course.id).where(Course.end_date > latest))
        & ~pw.fn.EXISTS(running_or_later)
        & ~pw.fn.EXISTS(money_dates(LedgerEntry.id).where(LedgerEntry.entry_date > latest))
    )
    due = []
    for pid, first, last_name, created, *ends in rows.tuples():
        last = max(_day(value) for value in (created, *ends) if value is not None)
        due.append(PersonDue(pid, f"{first} {last_name}", last, add_months(last, 12 * years)))
    return sorted(due, key=lambda p: (p.last_activity, p.name))


def apply(as_of: dt.date | None = None) -> RetentionResult:
    """Delete what ``plan(as_of)`` lists: notes in one transaction, then each person's erasure."""
    from coursekeeper.services.erasure import erase_person

    todo = plan(as_of)
    with database.atomic():
        ids = [n.enrolment_id for n in todo.notes]
        if ids:
            Screening.update(notes="").where(Screening.enrolment.in_(ids)).execute()
            for screening_id in Screening.select(Screening.id).where(Screening.enrolment.in_(ids)).tuples():
                audit.record("retention_notes", "screening", screening_id[0], after={"notes": ""})
    anonymised, skipped = 0, []
    for person in todo.people:
        try:
            erase_person(person.person_id)
            anonymised += 1
        except CourseKeeperError as refused:  # money still held: the user settles it first
            skipped.append(refused.message)
    with database.atomic():
        audit.record(
            "retention",
            "database",
            None,
            after={"as_of": todo.as_of.isoformat(), "notes": len(todo.notes), "people": anonymised},
        )
    return RetentionResult(len(todo.notes), anonymised, skipped)
