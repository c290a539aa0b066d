"""Enrolments: apply, accept (capacity, screening), waiting list, withdraw (forfeit, promotion)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, Person, Screening, now
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.domain.money import format_kr
from coursekeeper.domain.states import (
    SEAT_HOLDING,
    CourseStatus,
    EnrolmentState,
    ScreeningOutcome,
    check_transition,
)
from coursekeeper.errors import NotFoundError, RuleError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, deposits
from coursekeeper.services.courses import get_course
from coursekeeper.services.people import get_person

S = EnrolmentState


@dataclass(frozen=True)
class Promotion:
    """Who moved from the waiting list into a freed seat."""

    enrolment_id: int
    person_name: str


@dataclass(frozen=True)
class TransitionResult:
    """What a state change did, in words for the user and in numbers for the caller."""

    enrolment_id: int
    state: EnrolmentState
    message: str
    promoted: Promotion | None = None
    forfeited_ore: int = 0
    waitlisted_instead: bool = False


@dataclass(frozen=True)
class WithdrawalPreview:
    """What withdrawing would do, shown to the user before they confirm."""

    forfeit_ore: int
    refund_due_ore: int
    after_binding_date: bool
    would_promote: str | None
    message: str


def get_enrolment(enrolment_id: int) -> Enrolment:
    """The enrolment with this id; NotFoundError in Norwegian otherwise."""
    enrolment = Enrolment.get_or_none(Enrolment.id == enrolment_id)
    if enrolment is None:
        raise NotFoundError(tr("Fant ikke påmelding med id {id}.", id=enrolment_id))
    return enrolment


def _name(person: Person) -> str:
    return f"{person.first_name} {person.last_name}"


def seats_taken(course: Course) -> int:
    """Enrolments holding a seat on the course."""
    return (
        Enrolment.select()
        .where((Enrolment.course == course) & Enrolment.state.in_(list(SEAT_HOLDING)))
        .count()
    )


def screening_outcome(enrolment: Enrolment) -> ScreeningOutcome:
    """The enrolment's screening outcome (pending when not screened)."""
    row = Screening.get_or_none(Screening.enrolment == enrolment)
    return ScreeningOutcome(row.outcome) if row else ScreeningOutcome.PENDING


def apply_state(enrolment: Enrolment, target: EnrolmentState, action: str, on: dt.date | None = None) -> None:
    """Inside a caller's transaction: set the state (dated ``on``, default now) and log it."""
    before = audit.snapshot(enrolment)
    enrolment.state = target
    stamp = now()
    # A change dated another day (a withdrawal recorded afterwards) keeps that day, so lists
    # "as of" a date before it do not count it.
    enrolment.state_changed_at = (
        stamp if on is None or on == stamp.date() else dt.datetime.combine(on, dt.time())
    )
    enrolment.save()
    audit.record(action, "enrolment", enrolment.id, before=before, after=audit.snapshot(enrolment))


def enrol(
    *,
    course_id: int,
    person_id: int,
    source: str = "",
    source_file: str | None = None,
    source_row: int | None = None,
    notes: str = "",
    applied_at: dt.datetime | None = None,
) -> Enrolment:
    """Put a person on a course in state ``applied``."""
    refuse_identity_numbers(notes, tr("Merknad"))
    refuse_identity_numbers(source_file, tr("Filnavnet"))
    with database.atomic():
        course = get_course(course_id)
        person = get_person(person_id)
        if course.status in (CourseStatus.CANCELLED, CourseStatus.FINISHED):
            raise RuleError(
                f"Kurset «{course.title}» er {CourseStatus(course.status).label.lower()}"
                " og tar ikke imot påmeldinger."
            )
        if Enrolment.select().where((Enrolment.course == course) & (Enrolment.person == person)).exists():
            raise RuleError(f"{_name(person)} er allerede påmeldt «{course.title}».")
        enrolment = Enrolment.create(
            course=course,
            person=person,
            state=S.APPLIED,
            applied_at=applied_at or now(),
            source=source,
            source_file=source_file,
            source_row=source_row,
            notes=notes,
        )
        audit.record("create", "enrolment", enrolment.id, after=audit.snapshot(enrolment))
    return enrolment


def _check_screening(enrolment: Enrolment) -> None:
    if not enrolment.course.screening_required:
        return
    outcome = screening_outcome(enrolment)
    if outcome != ScreeningOutcome.SUITABLE:
        raise RuleError(
            f"{_name(enrolment.person)} kan ikke tas opp før egnethetsvurderingen er «Egnet» "
            f"(nå: «{outcome.label}»)."
        )


def accept(enrolment_id: int) -> TransitionResult:
    """Accept; a full course puts an applicant on the waiting list instead."""
    with database.atomic():
        enrolment = get_enrolment(enrolment_id)
        current = S(enrolment.state)
        check_transition(current, S.ACCEPTED)
        _check_screening(enrolment)
        course = enrolment.course
        name = _name(enrolment.person)
        if seats_taken(course) >= course.capacity:
            if current == S.WAITLISTED:
                raise RuleError(
                    f"Kurset er fullt ({course.capacity} plasser). {name} står fortsatt på ventelisten."
                )
            apply_state(enrolment, S.WAITLISTED, "waitlist_full")
            return TransitionResult(
                enrolment.id,
                S.WAITLISTED,
                f"Kurset er fullt ({course.capacity} plasser). {name} er satt på venteliste.",
                waitlisted_instead=True,
            )
        apply_state(enrolment, S.ACCEPTED, "accept")
        return TransitionResult(enrolment.id, S.ACCEPTED, f"{name} er tatt opp på kurset.")


def _simple(
    enrolment_id: int, target: EnrolmentState, action: str, message: str, on: dt.date | None = None
) -> TransitionResult:
    with database.atomic():
        enrolment = get_enrolment(enrolment_id)
        check_transition(S(enrolment.state), target)
        apply_state(enrolment, target, action, on)
        return TransitionResult(enrolment.id, target, message.format(name=_name(enrolment.person)))


def waitlist(enrolment_id: int) -> TransitionResult:
    """Put an applicant on the waiting list."""
    return _simple(enrolment_id, S.WAITLISTED, "waitlist", "{name} er satt på venteliste.")


def reject(enrolment_id: int, on: dt.date | None = None) -> TransitionResult:
    """Reject an applicant on ``on`` (default today); a paid deposit becomes due back at once."""
    return _simple(enrolment_id, S.REJECTED, "reject", "{name} har fått avslag.", on)


def mark_no_show(enrolment_id: int) -> TransitionResult:
    """Mark an accepted participant who never came."""
    return _simple(enrolment_id, S.NO_SHOW, "no_show", "{name} er registrert som «Møtte ikke».")


def _next_in_line(course: Course) -> Enrolment | None:
    """First on the waiting list by applied-at who may be accepted (screened suitable if required)."""
    waiting = (
        Enrolment.select()
        .where((Enrolment.course == course) & (Enrolment.state == S.WAITLISTED))
        .order_by(Enrolment.applied_at, Enrolment.id)
    )
    for candidate in waiting:
        if not course.screening_required or screening_outcome(candidate) == ScreeningOutcome.SUITABLE:
            return candidate
    return None


def _after_binding(course: Course, on: dt.date) -> bool:
    return course.binding_date is not None and on > course.binding_date


def withdrawal_preview(enrolment_id: int, on: dt.date) -> WithdrawalPreview:
    """What withdrawing on ``on`` would do to the deposit and the waiting list."""
    enrolment = get_enrolment(enrolment_id)
    check_transition(S(enrolment.state), S.WITHDRAWN)
    course = enrolment.course
    held = deposits.balance_of(enrolment.id).held
    holds_seat = enrolment.state == S.ACCEPTED
    after = _after_binding(course, on) and holds_seat
    nxt = _next_in_line(course) if holds_seat else None
    name = _name(enrolment.person)
    parts = [f"{name} trekkes fra «{course.title}»."]
    if after and held > 0:
        parts.append(
            f"Påmeldingen var bindende fra {course.binding_date:%d.%m.%Y}: egenandelen på "
            f"{format_kr(held)} beholdes."
        )
    elif held > 0:
        parts.append(f"Innbetalt egenandel på {format_kr(held)} skal betales tilbake.")
    if nxt is not None:
        parts.append(f"{_name(nxt.person)} får plassen fra ventelisten.")
    return WithdrawalPreview(
        forfeit_ore=held if after else 0,
        refund_due_ore=0 if after else max(held, 0),
        after_binding_date=after,
        would_promote=_name(nxt.person) if nxt else None,
        message=" ".join(parts),
    )


def withdraw(enrolment_id: int, on: dt.date | None = None) -> TransitionResult:
    """Withdraw; after the binding date the deposit is forfeited, and the next in line promoted."""
    on = on or dt.date.today()
    with database.atomic():
        preview = withdrawal_preview(enrolment_id, on)
        enrolment = get_enrolment(enrolment_id)
        held_seat = enrolment.state == S.ACCEPTED
        apply_state(enrolment, S.WITHDRAWN, "withdraw", on)
        forfeited = 0
        if preview.after_binding_date:
            entry = deposits.forfeit_held(enrolment, on, f"Trukket etter bindende påmelding ({on:%d.%m.%Y})")
            forfeited = entry.amount_ore if entry else 0
        promotion = None
        if held_seat:
            nxt = _next_in_line(enrolment.course)
            if nxt is not None:
                apply_state(nxt, S.ACCEPTED, "promote")
                promotion = Promotion(nxt.id, _name(nxt.person))
        message = f"{_name(enrolment.person)} er trukket fra kurset."
        if forfeited:
            message += f" Egenandelen på {format_kr(forfeited)} er beholdt."
        if promotion:
            message += f" {promotion.person_name} har fått plassen fra ventelisten."
        return TransitionResult(enrolment.id, S.WITHDRAWN, message, promotion, forfeited)
