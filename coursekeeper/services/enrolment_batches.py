"""Several enrolments at once: a plan shown before, one transaction after, all or nothing.

The batch calls the single-enrolment rules in ``services.enrolments`` for each enrolment, so
capacity, the waiting list, screening and the binding date are decided in one place. The plan
shown before the user confirms is the same batch run inside a transaction that is then rolled
back: what the user reads is exactly what the rules would do, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from enum import StrEnum

from coursekeeper.db.connection import database
from coursekeeper.db.models import Certificate, Enrolment, Person, Screening
from coursekeeper.domain.money import format_count, format_kr
from coursekeeper.domain.states import TRANSITIONS, EnrolmentState, ScreeningOutcome, parse_choice
from coursekeeper.errors import (
    ChangedElsewhereError,
    CourseKeeperError,
    NeedsConfirmation,
    RuleError,
    ValidationError,
)
from coursekeeper.i18n import tr
from coursekeeper.services import audit, deposits, enrolments, screening
from coursekeeper.services.versions import last_change

S = EnrolmentState


class BatchAction(StrEnum):
    """A state change that can be applied to several enrolments at once."""

    ACCEPT = "accept"
    WAITLIST = "waitlist"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    NO_SHOW = "no_show"


@dataclass(frozen=True)
class BatchStep:
    """What happens (or happened) to one enrolment; ``state`` None means it was refused."""

    enrolment_id: int
    name: str
    state: EnrolmentState | None
    message: str
    waitlisted_instead: bool = False
    promoted: tuple[str, ...] = ()
    forfeited_ore: int = 0
    refund_due_ore: int = 0
    #: Accepted ahead of earlier people on the waiting list: who stands before them (user confirms).
    ahead: str = ""

    @property
    def refused(self) -> bool:
        """True when the rules refuse this enrolment (``message`` says why)."""
        return self.state is None

    def outcome(self) -> tuple:
        """What the step does, for comparing a confirmed plan with what a run did."""
        return (self.enrolment_id, self.state, self.promoted, self.forfeited_ore)


@dataclass(frozen=True)
class BatchPlan:
    """Every selected enrolment's step, in the order the rules take them."""

    action: BatchAction
    steps: tuple[BatchStep, ...]

    def doable(self) -> list[BatchStep]:
        """The steps the rules allow."""
        return [s for s in self.steps if not s.refused]

    def refused(self) -> list[BatchStep]:
        """The steps the rules refuse."""
        return [s for s in self.steps if s.refused]

    def doable_ids(self) -> list[int]:
        """The enrolments a run would change."""
        return [s.enrolment_id for s in self.doable()]


@dataclass(frozen=True)
class ScreeningBatch:
    """Who got the screening outcome, and who was also rejected."""

    outcome: ScreeningOutcome
    names: tuple[str, ...]
    rejected: tuple[str, ...]


class _DryRun(Exception):
    """Raised to roll back a preview; carries the plan out of the transaction."""

    def __init__(self, plan: BatchPlan) -> None:
        super().__init__("dry run")
        self.plan = plan


def _chosen(enrolment_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(enrolment_ids))
    if not ids:
        raise ValidationError(tr("Velg minst én påmelding i tabellen."))
    return ids


def _named(name: str, reason: str) -> str:
    """``reason`` with the person's name in front, unless the reason already names them."""
    return reason if name in reason else f"{name}: {reason}"


def _nothing_changed(name: str, reason: str) -> str:
    return tr("{reason} Ingenting er endret.", reason=_named(name, reason))


def _facts(ids: list[int]) -> dict[int, tuple[str, dt.datetime, str]]:
    """Name, applied-at and state per enrolment, in one query."""
    query = (
        Enrolment.select(
            Enrolment.id, Person.first_name, Person.last_name, Enrolment.applied_at, Enrolment.state
        )
        .join(Person)
        .where(Enrolment.id.in_(ids))
        .tuples()
    )
    return {eid: (f"{first} {last}", applied, state) for eid, first, last, applied, state in query}


def _ordered(action: BatchAction, ids: list[int], facts: dict) -> list[int]:
    """Queue order (applied-at); a withdrawal takes the seat holders last, so nobody selected is promoted."""
    missing = [eid for eid in ids if eid not in facts]
    if missing:
        raise RuleError(tr("Fant ikke påmelding med id {id}.", id=missing[0]))

    def key(eid: int) -> tuple:
        _name, applied, state = facts[eid]
        last = action == BatchAction.WITHDRAW and state == S.ACCEPTED
        return (last, applied, eid)

    return sorted(ids, key=key)


_SINGLE: dict[BatchAction, Callable[[int], enrolments.TransitionResult]] = {
    BatchAction.WAITLIST: enrolments.waitlist,
    BatchAction.REJECT: enrolments.reject,
    BatchAction.NO_SHOW: enrolments.mark_no_show,
}


def _step(
    name: str, result: enrolments.TransitionResult, *, refund_due_ore: int = 0, ahead: str = ""
) -> BatchStep:
    """What a single-enrolment rule did, as a step of the batch."""
    return BatchStep(
        result.enrolment_id,
        name,
        result.state,
        result.message,
        waitlisted_instead=result.waitlisted_instead,
        promoted=tuple(p.person_name for p in result.promotions),
        forfeited_ore=result.forfeited_ore,
        refund_due_ore=max(refund_due_ore, 0),
        ahead=ahead,
    )


def _accept(enrolment_id: int, name: str, may_go_ahead: bool) -> BatchStep:
    """Accept; taking a waitlisted person ahead of earlier ones only when ``may_go_ahead``."""
    try:
        return _step(name, enrolments.accept(enrolment_id))
    except NeedsConfirmation as exc:
        if not may_go_ahead:
            raise
        return _step(name, enrolments.accept(enrolment_id, ahead_of_queue=True), ahead=exc.message)


def _one(action: BatchAction, enrolment_id: int, name: str, on: dt.date, may_go_ahead: bool) -> BatchStep:
    """Apply the single-enrolment rule and describe what it did."""
    if action == BatchAction.ACCEPT:
        return _accept(enrolment_id, name, may_go_ahead)
    if action == BatchAction.WITHDRAW:
        preview = enrolments.withdrawal_preview(enrolment_id, on)
        return _step(name, enrolments.withdraw(enrolment_id, on), refund_due_ore=preview.refund_due_ore)
    result = _SINGLE[action](enrolment_id)
    refund_due = deposits.balance_of(enrolment_id).held if result.state == S.REJECTED else 0
    return _step(name, result, refund_due_ore=refund_due)


def _moved_since_seen(enrolment_id: int, state: str) -> ChangedElsewhereError:
    """The refusal of a state change the user chose while the enrolment was in another state."""
    last = last_change("enrolment", enrolment_id)
    label = S(state).label
    if last is None:
        return ChangedElsewhereError(
            tr("Statusen er endret til «{state}» etter at du så listen.", state=label)
        )
    who, when = last
    return ChangedElsewhereError(
        tr(
            "{who} endret statusen til «{state}» {when}, etter at du så listen.",
            who=who,
            state=label,
            when=when,
        )
    )


def _held(ids: list[int], seen: Mapping[int, str] | None) -> AbstractContextManager[None]:
    """The enrolments and their courses held for the block when the user saw their states."""
    return enrolments.locked_together(ids) if seen is not None else nullcontext()


def _screened_since_seen(row: Screening) -> ChangedElsewhereError:
    """The refusal of an outcome chosen while the list showed an older screening."""
    outcome = ScreeningOutcome(row.outcome).label
    last = last_change("screening", row.id)
    if last is None:
        return ChangedElsewhereError(
            tr("Vurderingen er endret til «{outcome}» etter at du så listen.", outcome=outcome)
        )
    who, when = last
    return ChangedElsewhereError(
        tr(
            "{who} satte vurderingen til «{outcome}» {when}, etter at du så listen.",
            who=who,
            outcome=outcome,
            when=when,
        )
    )


def _perform(
    action: BatchAction,
    ids: list[int],
    on: dt.date,
    *,
    keep_going: bool,
    ahead_ok: frozenset[int],
    seen: Mapping[int, str] | None,
) -> BatchPlan:
    """Inside the caller's transaction: each enrolment in turn; a refusal is noted or ends the batch.

    A preview (``keep_going``) takes waitlisted people ahead of the queue and says so; a run does
    that only for ``ahead_ok``, the ones the user saw in the confirmation. An enrolment whose
    state is no longer the one the user ``seen`` in the list is refused, naming who changed it.
    """
    # Locked first when the user saw the states (so what is read next stays true); the audit
    # entries of the whole batch join the chain at its end: one head read, one insert. A run (not
    # a preview) is all or nothing, so its steps need no savepoints of their own.
    flat = nullcontext() if keep_going else enrolments.all_or_nothing()
    with _held(ids, seen), audit.appended_together(), flat:
        facts = _facts(ids)
        steps = []
        for enrolment_id in _ordered(action, ids, facts):
            name, _applied, state = facts[enrolment_id]
            may_go_ahead = keep_going or enrolment_id in ahead_ok
            try:
                if seen is not None and enrolment_id in seen and S(seen[enrolment_id]) != S(state):
                    raise _moved_since_seen(enrolment_id, state)
                # No savepoint of its own: in a preview each rule it calls is one (nested) transaction
                # already, so a refused enrolment leaves nothing behind; a refused run is undone whole.
                steps.append(_one(action, enrolment_id, name, on, may_go_ahead))
            except CourseKeeperError as exc:
                if not keep_going:
                    raise type(exc)(_nothing_changed(name, exc.message), details=exc.details) from exc
                steps.append(BatchStep(enrolment_id, name, None, exc.message))
    return BatchPlan(action, tuple(steps))


def preview_batch(
    *,
    action: str,
    enrolment_ids: Iterable[int],
    on: dt.date | None = None,
    seen: Mapping[int, str] | None = None,
) -> BatchPlan:
    """What the batch would do to each enrolment (refusals included); nothing is kept.

    ``seen``: each enrolment's state as the user saw it; one that moved since is refused.
    """
    chosen = BatchAction(action)
    ids = _chosen(enrolment_ids)
    day = on or dt.date.today()
    try:
        with database.atomic():
            raise _DryRun(_perform(chosen, ids, day, keep_going=True, ahead_ok=frozenset(), seen=seen))
    except _DryRun as dry:
        return dry.plan


def run_batch(
    *,
    action: str,
    enrolment_ids: Iterable[int],
    on: dt.date | None = None,
    confirmed: BatchPlan | None = None,
    seen: Mapping[int, str] | None = None,
) -> BatchPlan:
    """Apply the action to every enrolment in ONE transaction: all change, or none does.

    ``confirmed`` is the plan the user agreed to; when someone else changed the course since
    (so the outcome would differ), nothing is written and the user is asked to look again.
    ``seen``: each enrolment's state as the user saw it; one that moved since refuses the batch.
    """
    chosen = BatchAction(action)
    ids = _chosen(enrolment_ids)
    with database.atomic():
        ahead_ok = frozenset(s.enrolment_id for s in confirmed.steps if s.ahead) if confirmed else frozenset()
        day = on or dt.date.today()
        plan = _perform(chosen, ids, day, keep_going=False, ahead_ok=ahead_ok, seen=seen)
        if confirmed is not None and [s.outcome() for s in plan.steps] != [
            s.outcome() for s in confirmed.doable()
        ]:
            raise RuleError(
                tr(
                    "Påmeldingene er endret av noen andre siden du bekreftet, så ingenting er endret. "
                    "Se over valget og prøv igjen."
                )
            )
    return plan


def record_screenings(
    *,
    enrolment_ids: Iterable[int],
    outcome: str,
    date: dt.date | None = None,
    interviewer: str = "",
    notes: str = "",
    reject: bool = False,
    seen: Mapping[int, str] | None = None,
) -> ScreeningBatch:
    """One screening outcome for every enrolment in ONE transaction; empty fields keep what was there.

    ``reject`` (only with «Ikke egnet») also rejects those whose application can still be rejected.
    ``seen``: each enrolment's outcome as the user saw it; one someone else changed since refuses all.
    """
    result = parse_choice(ScreeningOutcome, outcome, "vurdering")
    if reject and result != ScreeningOutcome.UNSUITABLE:
        raise ValidationError(tr("Bare søkere vurdert som «Ikke egnet» kan avslås sammen med vurderingen."))
    ids = _chosen(enrolment_ids)
    names, rejected = [], []
    with database.atomic(), _held(ids, seen):
        facts = _facts(ids)
        for enrolment_id in _ordered(BatchAction.REJECT, ids, facts):
            name, _applied, state = facts[enrolment_id]
            old = Screening.get_or_none(Screening.enrolment == enrolment_id)
            try:
                shown = (seen or {}).get(enrolment_id)
                if shown is not None and old is not None and ScreeningOutcome(shown) != old.outcome:
                    raise _screened_since_seen(old)
                screening.record_screening(
                    enrolment_id=enrolment_id,
                    outcome=result,
                    date=date or (old.date if old else None),
                    interviewer=interviewer.strip() or (old.interviewer if old else ""),
                    notes=notes.strip() or (old.notes if old else ""),
                )
                if reject and S.REJECTED in TRANSITIONS[S(state)]:
                    enrolments.reject(enrolment_id)
                    rejected.append(name)
            except CourseKeeperError as exc:
                raise type(exc)(_nothing_changed(name, exc.message), details=exc.details) from exc
            names.append(name)
    return ScreeningBatch(result, tuple(names), tuple(rejected))


def certificate_ids_of(enrolment_ids: Iterable[int]) -> list[int]:
    """The valid certificates of these enrolments, in the given order; refused when none has one."""
    ids = _chosen(enrolment_ids)
    found = dict(
        Certificate.select(Certificate.enrolment, Certificate.id)
        .where(Certificate.enrolment.in_(ids) & Certificate.revoked_at.is_null())
        .tuples()
    )
    chosen = [found[eid] for eid in ids if eid in found]
    if not chosen:
        raise RuleError(tr("Ingen av de valgte har et gyldig kursbevis å skrive ut."))
    return chosen


# -- what the user reads ---------------------------------------------------------------------------


#: How many names a list in a confirmation or summary shows; the rest are counted, so that a batch
#: of 990 still fits the screen with its buttons.
SHOWN_NAMES = 15


def _at_most(items: list[str]) -> list[str]:
    """The first ``SHOWN_NAMES`` of ``items``, then «og N til» for the rest."""
    if len(items) <= SHOWN_NAMES:
        return items
    rest = len(items) - SHOWN_NAMES + 1
    return [*items[: SHOWN_NAMES - 1], tr("og {n} til", n=format_count(rest))]


def _comma_list(names: list[str]) -> str:
    """``A, B, C``; a long list ends «… N og 961 til»."""
    shown = _at_most(names)
    if len(shown) == len(names):
        return ", ".join(names)
    return ", ".join(shown[:-1]) + " " + shown[-1]


def _headings(before: bool) -> dict[str, str]:
    if before:
        return {
            S.ACCEPTED: tr("Tas opp ({n}):"),
            "full": tr("Settes på venteliste fordi kurset er fullt ({n}):"),
            S.WAITLISTED: tr("Settes på venteliste ({n}):"),
            S.REJECTED: tr("Får avslag ({n}):"),
            S.WITHDRAWN: tr("Trekkes fra kurset ({n}):"),
            S.NO_SHOW: tr("Registreres som «Møtte ikke» ({n}):"),
        }
    return {
        S.ACCEPTED: tr("Tatt opp ({n}):"),
        "full": tr("Satt på venteliste fordi kurset er fullt ({n}):"),
        S.WAITLISTED: tr("Satt på venteliste ({n}):"),
        S.REJECTED: tr("Fått avslag ({n}):"),
        S.WITHDRAWN: tr("Trukket fra kurset ({n}):"),
        S.NO_SHOW: tr("Registrert som «Møtte ikke» ({n}):"),
    }


def _promotion_and_money(plan: BatchPlan, before: bool) -> list[str]:
    """Who gets a seat from the waiting list; whose deposit is kept, and whose is due back."""
    steps = plan.doable()
    promoted = [
        tr("{name} får plassen fra ventelisten.", name=name)
        if before
        else tr("{name} har fått plassen fra ventelisten.", name=name)
        for s in steps
        for name in s.promoted
    ]
    parts = ["\n".join(_at_most(promoted))] if promoted else []
    kept = [(s.name, s.forfeited_ore) for s in steps if s.forfeited_ore]
    due = [(s.name, s.refund_due_ore) for s in steps if s.refund_due_ore]
    for heading, amounts in (
        (
            tr("Egenandelen beholdes fordi påmeldingen var bindende ({n}):")
            if before
            else tr("Egenandelen er beholdt ({n}):"),
            kept,
        ),
        (tr("Egenandelen skal betales tilbake ({n}):"), due),
    ):
        if amounts:
            lines = [f"• {line}" for line in _at_most([f"{name}: {format_kr(ore)}" for name, ore in amounts])]
            parts.append("\n".join([heading.format(n=len(amounts)), *lines]))
    return parts


def describe(plan: BatchPlan, *, before: bool) -> str:
    """The plan in words, grouped by outcome: before confirming (``before``) or as the summary after."""
    headings = _headings(before)
    groups: dict[str, list[str]] = {}
    for step in plan.doable():
        key = "full" if step.waitlisted_instead else str(step.state)
        groups.setdefault(key, []).append(step.name)
    parts = [
        headings[key].format(n=len(names)) + " " + _comma_list(names)
        for key, names in sorted(groups.items(), key=lambda kv: list(headings).index(kv[0]))
    ]
    ahead = [s.ahead for s in plan.doable() if s.ahead]
    if ahead:
        heading = (
            tr("Tas opp foran andre på ventelisten ({n}):")
            if before
            else tr("Tatt opp foran andre på ventelisten ({n}):")
        )
        parts.append("\n".join([heading.format(n=len(ahead)), *(f"• {a}" for a in _at_most(ahead))]))
    parts += _promotion_and_money(plan, before)
    refused = plan.refused()
    if refused:
        heading = tr("Blir ikke endret ({n}):") if before else tr("Ikke endret ({n}):")
        parts.append(
            heading.format(n=len(refused))
            + "\n"
            + "\n".join(f"• {line}" for line in _at_most([_named(s.name, s.message) for s in refused]))
        )
    return "\n\n".join(parts)
