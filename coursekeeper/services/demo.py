"""The demo data set behind ``coursekeeper demo``: realistic, deterministic and safe to run twice.

Everything is built through the services, so the rules and the audit log apply, in one
transaction. Dates follow a fixed calendar (courses in 2024–2027), so the demo looks the same
whichever day it is built; only the "as of" figure in the message uses ``today``.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass, field

from coursekeeper.db.connection import database
from coursekeeper.db.models import Assignment, Certificate, Course, Enrolment, LedgerEntry, Person
from coursekeeper.domain.dates import format_date, format_datetime
from coursekeeper.domain.money import format_kr, kroner
from coursekeeper.domain.states import CourseStatus, EnrolmentState
from coursekeeper.i18n import tr
from coursekeeper.services import (
    assignments,
    attendance,
    certificates,
    courses,
    deposits,
    enrolments,
    organisations,
    people,
    refunds,
    screening,
)
from coursekeeper.services.database import get_setting, set_setting
from coursekeeper.services.demo_names import (
    ACCEPTED_FATES,
    ASSIGNMENT_NOTES,
    ASSIGNMENTS,
    COURSES,
    FIRST_NAMES,
    FOLLOW_UP_NOTES,
    INTERVIEWERS,
    LAST_NAMES,
    OUTCOME,
    PAID_FATES,
    PAYMENT_METHODS,
    PENDING_NOTES,
    POSTAL_PLACES,
    RETURNING,
    STREETS,
    SUITABLE_NOTES,
    TOPICS,
    UNSUITABLE_NOTES,
    CourseSpec,
)

logger = logging.getLogger(__name__)

D = dt.date
DAY = dt.timedelta(days=1)
DEMO_KEY = "demo_loaded"
SEED = 2026


@dataclass(frozen=True)
class DemoSummary:
    """What ``build_demo`` added (all zero when the demo was there already) and a message."""

    created: bool
    message: str
    courses: int = 0
    people: int = 0
    enrolments: int = 0
    certificates: int = 0
    revoked: int = 0
    ledger_entries: int = 0
    assignments: int = 0
    refunds_due: int = 0
    by_state: dict[str, int] = field(default_factory=dict)


def _ascii(name: str) -> str:
    return name.lower().replace(" ", "").replace("æ", "ae").replace("ø", "o").replace("å", "aa")


class _Builder:
    """Builds the demo step by step; ``enrolment``/``person`` map (course, position) to ids."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.names: set[tuple[str, str]] = set()
        self.emails: set[str] = set()
        self.course: dict[str, Course] = {}
        self.enrolment: dict[tuple[str, int], int] = {}
        self.person: dict[tuple[str, int], int] = {}

    def new_person(self, home: str) -> int:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        while (first, last) in self.names:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        self.names.add((first, last))
        local, n = f"{_ascii(first)}.{_ascii(last)}", 1
        while (email := f"{local}{n if n > 1 else ''}@example.no") in self.emails:
            n += 1
        self.emails.add(email)
        municipality = home if rng.random() < 0.75 else rng.choice(sorted(POSTAL_PLACES))
        postal_code, city = rng.choice(POSTAL_PLACES[municipality])
        born = D(1955, 1, 1) + rng.randint(0, (D(2004, 12, 31) - D(1955, 1, 1)).days) * DAY
        digits = [rng.choice("49"), *(str(rng.randint(0, 9)) for _ in range(7))]
        if digits[0] == "4" and digits[1] in "2349":
            digits[0] = "9"  # 42-44 and 49 are no mobile ranges; people.create_person checks it
        phone = "+47 {}{}{} {}{} {}{}{}".format(*digits)
        person = people.create_person(
            people.PersonInput(
                first, last, born, email, phone, f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                postal_code, city, municipality,
            )
        )  # fmt: skip
        return person.id

    def build_course(self, spec: CourseSpec) -> None:
        first_day, last_day = spec.days[0][0], spec.days[-1][0]
        course = courses.create_course(
            courses.CourseInput(
                title=f"Kurs for treningskontakter – {spec.municipality}",
                municipality=spec.municipality,
                venue=spec.venue,
                capacity=spec.capacity,
                binding_date=spec.binding,
                topics=list(TOPICS),
                co_organisers=list(spec.partners),
                status=CourseStatus.PLANNED if spec.status == CourseStatus.PLANNED else CourseStatus.OPEN,
                assignment_deadline_months=spec.deadline_months,
                notes=spec.notes,
                sessions=[courses.SessionInput(day, start, end) for day, start, end in spec.days],
            )
        )
        self.course[spec.key] = course
        for position, fate in enumerate(spec.fates):
            self.applicant(spec, course, position, fate)
        if spec.status == CourseStatus.FINISHED:
            self.attend(spec, course)
            attendance.complete_course(course.id)
            certificates.issue_for_course(course.id, issued_on=last_day)
        if spec.status != course.status:
            courses.set_status(course.id, spec.status, today=spec.cancelled_on)
        logger.debug("Demo course %s: %s–%s", course.title, first_day, last_day)

    def applicant(self, spec: CourseSpec, course: Course, position: int, fate: str) -> None:
        rng, key = self.rng, (spec.key, position)
        earlier = RETURNING.get(key)
        person_id = self.person[earlier] if earlier else self.new_person(spec.municipality)
        self.person[key] = person_id
        applied = dt.datetime.combine(
            spec.first_application + (2 * position + rng.randint(0, 1)) * DAY,
            dt.time(rng.randint(8, 21), rng.randint(0, 59)),
        )
        enrolment = enrolments.enrol(
            course_id=course.id,
            person_id=person_id,
            applied_at=applied,
            source=f"Påmeldingsliste fra {spec.municipality} kommune",
            source_file=f"Påmeldte treningskontaktkurs {spec.municipality} {spec.days[0][0].year}.xlsx",
            source_row=position + 3,
        )
        self.enrolment[key] = eid = enrolment.id
        outcome = OUTCOME.get(fate, "suitable")
        screened = applied.date() + rng.randint(4, 12) * DAY
        if outcome is not None:
            notes = {
                "suitable": SUITABLE_NOTES,
                "follow_up": FOLLOW_UP_NOTES,
                "unsuitable": UNSUITABLE_NOTES,
                "pending": PENDING_NOTES,
            }[outcome]
            screening.record_screening(
                enrolment_id=eid,
                outcome=outcome,
                date=None if outcome == "pending" else screened,
                interviewer=rng.choice(INTERVIEWERS),
                notes=rng.choice(notes),
            )
        if fate in PAID_FATES:
            paid = (
                applied.date()
                if fate.startswith(("reject", "applied"))
                else screened + rng.randint(2, 9) * DAY
            )
            deposits.record_payment(
                enrolment_id=eid,
                amount_ore=course.deposit_ore,
                paid_on=min(paid, spec.binding - 6 * DAY) if spec.binding else paid,
                method=rng.choice(PAYMENT_METHODS),
                reference=f"Egenandel {course.id}-{position + 1:03d}",
            )
        if fate in ACCEPTED_FATES:
            enrolments.accept(eid)
        elif fate.startswith("reject"):
            enrolments.reject(eid, on=screened)
        if fate.startswith("withdraw-early"):
            enrolments.withdraw(eid, on=spec.binding - 3 * DAY)
        elif fate == "withdraw-late":
            enrolments.withdraw(eid, on=spec.days[0][0] - 4 * DAY)

    def attend(self, spec: CourseSpec, course: Course) -> None:
        sessions = courses.sessions(course.id)
        for position, fate in enumerate(spec.fates):
            if fate not in ACCEPTED_FATES or fate.startswith("withdraw"):
                continue
            for index, session in enumerate(sessions):
                minutes = session.minutes
                if fate.startswith("noshow") or (fate == "partial" and index == 2):
                    minutes = 0
                elif fate == "left-early" and index == 1:
                    minutes -= 120
                attendance.set_attendance(
                    enrolment_id=self.enrolment[(spec.key, position)], session_id=session.id, minutes=minutes
                )

    def certificate_of(self, key: tuple[str, int]) -> Certificate:
        return (
            Certificate.select()
            .where(Certificate.enrolment == self.enrolment[key])
            .order_by(Certificate.id)
            .first()
        )

    def aftermath(self) -> None:
        """What happened after the courses: reprints, a revocation, money, assignments."""
        e = self.enrolment
        # A seat freed on the open course goes to the first on the waiting list.
        enrolments.withdraw(e[("alver", 10)], on=D(2026, 11, 16))
        certificates.record_duplicate(self.certificate_of(("askoy", 2)).id, on=D(2025, 3, 10))
        # A wrong birth date on a certificate: revoke it, correct the person, issue a new number.
        wrong = self.certificate_of(("bergen", 5))
        certificates.revoke(
            wrong.id,
            "Feil fødselsdato på kursbeviset. Erstattet av nytt kursbevis.",
            at=dt.datetime(2025, 11, 24, 10, 0),
        )
        person = people.get_person(self.person[("bergen", 5)])
        born = person.birth_date.replace(day=person.birth_date.day % 28 + 1)
        fixed = people.PersonInput(
            person.first_name, person.last_name, born,
            person.email, person.phone, person.address, person.postal_code, person.city,
            person.municipality.name if person.municipality_id else None,
        )  # fmt: skip
        people.update_person(person.id, fixed)
        certificates.issue_certificate(e[("bergen", 5)], issued_on=D(2025, 11, 24))
        # A payment entered twice, reversed by a correcting entry.
        twice = deposits.record_payment(
            enrolment_id=e[("bergen", 8)], amount_ore=kroner(1000), paid_on=D(2025, 9, 22), method="Vipps"
        )
        deposits.record_correction(
            entry_id=twice.id, on=D(2025, 9, 29), note="Innbetalingen var registrert to ganger."
        )
        for key, on, note in (
            (("askoy", 14), D(2024, 9, 5), "Ikke tatt opp etter egnethetssamtale."),
            (("askoy", 15), D(2024, 9, 10), "Trukket før bindende frist."),
            (("osteroy", 0), D(2026, 3, 2), "Kurset ble avlyst."),
            (("osteroy", 2), D(2026, 3, 2), "Kurset ble avlyst."),
        ):
            deposits.record_refund(enrolment_id=e[key], refunded_on=on, method="Bankoverføring", note=note)
        deposits.record_forfeit(
            enrolment_id=e[("askoy", 13)], on=D(2024, 10, 15), note="Møtte ikke; påmeldingen var bindende."
        )
        deadline = refunds.assignment_deadline(self.course["askoy"])
        for position in (7, 8):
            deposits.record_forfeit(
                enrolment_id=e[("askoy", position)],
                on=D(2025, 11, 14),
                note=f"Fristen for å starte i oppdrag gikk ut {format_date(deadline)}.",
            )
        for course_key, position, start, end, municipality, refunded_on in ASSIGNMENTS:
            assignments.add_assignment(
                person_id=self.person[(course_key, position)],
                start_date=start,
                end_date=end,
                municipality=municipality,
                note=self.rng.choice(ASSIGNMENT_NOTES),
            )
            if refunded_on is not None:
                deposits.record_refund(
                    enrolment_id=e[(course_key, position)],
                    refunded_on=refunded_on,
                    method="Bankoverføring",
                    reference=f"Tilbakebetaling {refunded_on:%m/%Y}",
                    note="Seks måneder i oppdrag.",
                )


_COUNTED = {
    "courses": Course,
    "people": Person,
    "enrolments": Enrolment,
    "certificates": Certificate,
    "ledger_entries": LedgerEntry,
    "assignments": Assignment,
}


def is_loaded() -> bool:
    """True when the demo was built into this database before."""
    return get_setting(DEMO_KEY) is not None


def _loaded_when() -> str:
    try:
        moment = dt.datetime.fromisoformat(get_setting(DEMO_KEY) or "")
    except ValueError:
        return tr("Demodataene er allerede lagt inn.")
    return tr("Demodataene er allerede lagt inn (første gang {moment}).", moment=format_datetime(moment))


def build_demo(today: dt.date | None = None) -> DemoSummary:
    """Add the demo data set alongside whatever is there; a second run changes nothing."""
    today = today or dt.date.today()
    if is_loaded():
        return DemoSummary(False, _loaded_when() + " " + tr("Ingenting er endret."))
    with database.atomic():
        before = {name: model.select().count() for name, model in _COUNTED.items()}
        if organisations.own_organisation() is None:
            organisations.save_own_profile(
                organisations.OwnProfile(
                    name="Hordaland Idrettskrets",
                    certificate_prefix="HIK",
                    address="Demovegen 1",
                    postal_code="5003",
                    city="Bergen",
                    email="kurs@example.no",
                    phone="+47 55 00 00 00",
                    signatory_name="Kari Nordmann",
                    signatory_title="daglig leder",
                )
            )
        builder = _Builder()
        for spec in COURSES:
            builder.build_course(spec)
        builder.aftermath()
        added = {name: model.select().count() - before[name] for name, model in _COUNTED.items()}
        ids = [c.id for c in builder.course.values()]
        by_state = {s.value: 0 for s in EnrolmentState}
        for (state,) in Enrolment.select(Enrolment.state).where(Enrolment.course.in_(ids)).tuples():
            by_state[state] += 1
        revoked = (
            Certificate.select()
            .join(Enrolment)
            .where(Enrolment.course.in_(ids) & Certificate.revoked_at.is_null(False))
            .count()
        )
        set_setting(DEMO_KEY, dt.datetime.now().isoformat(timespec="minutes"))
    due = refunds.refunds_due(today)
    message = tr(
        "Demodata er lagt inn: {courses} kurs, {people} personer, {enrolments} påmeldinger, "
        "{certificates} kursbevis ({revoked} tilbakekalt), {assignments} oppdrag og {entries} posteringer "
        "i egenandelsregnskapet. Per {date} skal {due} egenandeler tilbakebetales ({total}).",
        courses=added["courses"],
        people=added["people"],
        enrolments=added["enrolments"],
        certificates=added["certificates"],
        revoked=revoked,
        assignments=added["assignments"],
        entries=added["ledger_entries"],
        date=format_date(today),
        due=len(due),
        total=format_kr(sum(d.amount_ore for d in due)),
    )
    return DemoSummary(True, message, revoked=revoked, refunds_due=len(due), by_state=by_state, **added)
