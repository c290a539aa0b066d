"""Enrolments: apply, accept (capacity, screening), waiting list, withdraw (forfeit, promotion)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass

import peewee as pw

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
from coursekeeper.errors import NeedsConfirmation, NotFoundError, RuleError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit, deposits
from coursekeeper.services.courses import get_course
from coursekeeper.services.people import get_person
from coursekeeper.services.waiting_list import (
    Promotion,
    apply_state,
    join_names,
    lock_seats,
    person_name,
    promote_waiting,
    promoted_message,
    queue,
    seats_taken,
)

S = EnrolmentState


@dataclass(frozen=True)
class TransitionResult:
    """What a state change did, in words for the user and in numbers for the caller."""

    enrolment_id: int
    state: EnrolmentState
    message: str
    promotions: tuple[Promotion, ...] = ()
    forfeited_ore: int = 0
    waitlisted_instead: bool = False

    @property
    def promoted(self) -> Promotion | None:
        """The first person promoted into the freed seat (one seat frees one place), if any."""
        return self.promotions[0] if self.promotions else None


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


_held = threading.local()


@contextmanager
def locked_together(enrolment_ids: list[int]) -> Iterator[None]:
    """Inside a caller's transaction: hold these enrolments and their courses for the block.

    Two statements on PostgreSQL for any number: every course first, then every enrolment, each
    in id order (the order each seat decision takes them, so two writers never wait for each
    other in a circle). SQLite's writer lock holds everything already. Within the block,
    :func:`locked_enrolment` of one of them does not lock its course again.
    """
    if database.for_update:
        courses = Enrolment.select(Enrolment.course).where(Enrolment.id.in_(enrolment_ids))
        Course.select(Course.id).where(Course.id.in_(courses)).order_by(Course.id).for_update().execute()
        Enrolment.select(Enrolment.id).where(Enrolment.id.in_(enrolment_ids)).order_by(
            Enrolment.id
        ).for_update().execute()
    outer = getattr(_held, "ids", frozenset())
    _held.ids = outer | frozenset(enrolment_ids)
    try:
        yield
    finally:
        _held.ids = outer


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """Inside a caller's transaction that any refusal rolls back whole (a batch run): the state
    changes called in the block take no savepoint of their own, two round trips less each."""
    outer = getattr(_held, "flat", False)
    _held.flat = True
    try:
        yield
    finally:
        _held.flat = outer


def _own_transaction() -> AbstractContextManager[object]:
    """A state change's own (nested) transaction, or none inside :func:`all_or_nothing`."""
    return nullcontext() if getattr(_held, "flat", False) else database.atomic()


def locked_enrolment(enrolment_id: int) -> Enrolment:
    """Inside a caller's transaction: the enrolment as it is once its course and its row are locked.

    Course first, then the enrolment, always in that order, so two writers never wait in a circle;
    of two contradictory changes the second then sees the first one's state and is refused.
    The enrolment comes with its course, its person, ``seats_taken`` (the course's seats held,
    counted after the course's lock: no other seat decision can change it until this one ends)
    and ``screened`` (its screening outcome, None when not screened).
    """
    # Two statements on PostgreSQL (one inside ``locked_together``), one on SQLite: the rules read
    # the course, the person, the seat count and the screening from the same row, which matters
    # when a batch of ten crosses a slow network.
    if enrolment_id not in getattr(_held, "ids", ()):
        lock_seats(Enrolment.select(Enrolment.course).where(Enrolment.id == enrolment_id))
    holder = Enrolment.alias()
    seats = holder.select(pw.fn.COUNT(holder.id)).where(
        (holder.course == Course.id) & holder.state.in_(list(SEAT_HOLDING))
    )
    outcome = Screening.select(Screening.outcome).where(Screening.enrolment == Enrolment.id)
    query = (
        Enrolment.select(Enrolment, Course, Person, seats.alias("seats_taken"), outcome.alias("screened"))
        .join(Course)
        .switch(Enrolment)
        .join(Person)
        .where(Enrolment.id == enrolment_id)
    )
    enrolment = (query.for_update(of=Enrolment) if database.for_update else query).first()
    if enrolment is None:
        raise NotFoundError(tr("Fant ikke påmelding med id {id}.", id=enrolment_id))
    return enrolment


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
                tr(
                    "Kurset «{title}» er {status} og tar ikke imot påmeldinger.",
                    title=course.title,
                    status=CourseStatus(course.status).label.lower(),
                )
            )
        if Enrolment.select().where((Enrolment.course == course) & (Enrolment.person == person)).exists():
            raise RuleError(
                tr("{name} er allerede påmeldt «{title}».", name=person_name(person), title=course.title)
            )
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
    """Refuse accepting before «Egnet» (``enrolment`` as :func:`locked_enrolment` read it)."""
    if not enrolment.course.screening_required:
        return
    outcome = ScreeningOutcome(enrolment.screened or ScreeningOutcome.PENDING)
    if outcome != ScreeningOutcome.SUITABLE:
        raise RuleError(
            tr(
                "{name} kan ikke tas opp før egnethetsvurderingen er «Egnet» (nå: «{outcome}»).",
                name=person_name(enrolment.person),
                outcome=outcome.label,
            )
        )


def _ahead_of(enrolment: Enrolment) -> list[Enrolment]:
    """Waitlisted people who may be accepted and applied before ``enrolment``."""
    line = queue(enrolment.course)
    ids = [e.id for e in line]
    return line[: ids.index(enrolment.id)] if enrolment.id in ids else line


def accept(enrolment_id: int, *, ahead_of_queue: bool = False) -> TransitionResult:
    """Accept; a full course puts an applicant on the waiting list instead.

    A waitlisted person is accepted ahead of earlier ones in the queue only with ``ahead_of_queue``
    (the user confirmed it; the audit log records ``accept_ahead_of_queue``).
    """
    with _own_transaction():
        enrolment = locked_enrolment(enrolment_id)
        current = S(enrolment.state)
        check_transition(current, S.ACCEPTED)
        _check_screening(enrolment)
        course = enrolment.course
        name = person_name(enrolment.person)
        if enrolment.seats_taken >= course.capacity:
            if current == S.WAITLISTED:
                raise RuleError(
                    tr_n(
                        "Kurset er fullt ({n} plass): {name} står fortsatt på ventelisten.",
                        "Kurset er fullt ({n} plasser): {name} står fortsatt på ventelisten.",
                        course.capacity,
                        name=name,
                    )
                )
            apply_state(enrolment, S.WAITLISTED, "waitlist_full")
            return TransitionResult(
                enrolment.id,
                S.WAITLISTED,
                tr_n(
                    "Kurset er fullt ({n} plass): {name} er satt på venteliste.",
                    "Kurset er fullt ({n} plasser): {name} er satt på venteliste.",
                    course.capacity,
                    name=name,
                ),
                waitlisted_instead=True,
            )
        ahead = _ahead_of(enrolment) if current == S.WAITLISTED else []
        if ahead and not ahead_of_queue:
            raise NeedsConfirmation(
                tr_n(
                    "{ahead} står foran {name} på ventelisten.",
                    "{ahead} står foran {name} på ventelisten.",
                    len(ahead),
                    ahead=join_names([person_name(e.person) for e in ahead]),
                    name=name,
                )
            )
        apply_state(enrolment, S.ACCEPTED, "accept_ahead_of_queue" if ahead else "accept")
        return TransitionResult(enrolment.id, S.ACCEPTED, tr("{name} er tatt opp på kurset.", name=name))


def _simple(
    enrolment_id: int, target: EnrolmentState, action: str, message: str, on: dt.date | None = None
) -> TransitionResult:
    with _own_transaction():
        enrolment = locked_enrolment(enrolment_id)
        check_transition(S(enrolment.state), target)
        apply_state(enrolment, target, action, on)
        return TransitionResult(enrolment.id, target, message.format(name=person_name(enrolment.person)))


def waitlist(enrolment_id: int) -> TransitionResult:
    """Put an applicant on the waiting list."""
    return _simple(enrolment_id, S.WAITLISTED, "waitlist", tr("{name} er satt på venteliste."))


def reject(enrolment_id: int, on: dt.date | None = None) -> TransitionResult:
    """Reject an applicant on ``on`` (default today): a paid deposit becomes due back at once."""
    return _simple(enrolment_id, S.REJECTED, "reject", tr("{name} har fått avslag."), on)


def mark_no_show(enrolment_id: int) -> TransitionResult:
    """Mark an accepted participant who never came (the seat stays counted: nobody is promoted)."""
    return _simple(enrolment_id, S.NO_SHOW, "no_show", tr("{name} er registrert som «Møtte ikke»."))


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
    open_course = course.status not in (CourseStatus.FINISHED, CourseStatus.CANCELLED)
    free_after = course.capacity - seats_taken(course) + 1 if holds_seat and open_course else 0
    next_names = [person_name(e.person) for e in queue(course)[: max(free_after, 0)]]
    parts = [tr("{name} trekkes fra «{title}».", name=person_name(enrolment.person), title=course.title)]
    if after and held > 0:
        parts.append(
            tr(
                "Påmeldingen var bindende fra {date}: egenandelen på {amount} beholdes.",
                date=f"{course.binding_date:%d.%m.%Y}",
                amount=format_kr(held),
            )
        )
    elif held > 0:
        parts.append(tr("Innbetalt egenandel på {amount} skal betales tilbake.", amount=format_kr(held)))
    if next_names:
        parts.append(tr("{names} får plassen fra ventelisten.", names=join_names(next_names)))
    return WithdrawalPreview(
        forfeit_ore=held if after else 0,
        refund_due_ore=0 if after else max(held, 0),
        after_binding_date=after,
        would_promote=join_names(next_names) or None,
        message=" ".join(parts),
    )


def withdraw(enrolment_id: int, on: dt.date | None = None) -> TransitionResult:
    """Withdraw; after the binding date the deposit is forfeited, and freed seats go to the queue."""
    on = on or dt.date.today()
    with _own_transaction():
        locked_enrolment(enrolment_id)
        preview = withdrawal_preview(enrolment_id, on)
        enrolment = get_enrolment(enrolment_id)
        held_seat = enrolment.state == S.ACCEPTED
        apply_state(enrolment, S.WITHDRAWN, "withdraw", on)
        forfeited = 0
        if preview.after_binding_date:
            note = tr("Trukket etter bindende påmelding ({date})", date=f"{on:%d.%m.%Y}")
            entry = deposits.forfeit_held(enrolment, on, note)
            forfeited = entry.amount_ore if entry else 0
        promotions = promote_waiting(enrolment.course) if held_seat else ()
        parts = [tr("{name} er trukket fra kurset.", name=person_name(enrolment.person))]
        if forfeited:
            parts.append(tr("Egenandelen på {amount} er beholdt.", amount=format_kr(forfeited)))
        if promotions:
            parts.append(promoted_message(promotions))
        return TransitionResult(enrolment.id, S.WITHDRAWN, " ".join(parts), promotions, forfeited)
