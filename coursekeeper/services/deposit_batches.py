"""Payments and forfeits for several enrolments at once, each batch in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, LedgerEntry, Person
from coursekeeper.errors import CourseKeeperError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import deposits


@dataclass(frozen=True)
class EntryBatch:
    """What a batch wrote: the new entry ids and their total."""

    entry_ids: tuple[int, ...]
    total_ore: int


def _name(enrolment_id: int) -> str:
    row = (
        Person.select(Person.first_name, Person.last_name)
        .join(Enrolment)
        .where(Enrolment.id == enrolment_id)
        .tuples()
        .first()
    )
    return f"{row[0]} {row[1]}" if row else tr("Påmelding {id}", id=enrolment_id)


def record_each(
    enrolment_ids: Iterable[int],
    record: Callable[[int], LedgerEntry],
    nothing_recorded: str,
    *,
    none_chosen: str | None = None,
) -> EntryBatch:
    """``record(enrolment_id)`` for each enrolment in ONE transaction: all are recorded or none.

    A refusal for one enrolment names the person, adds ``nothing_recorded`` (a translated sentence
    such as «Ingen innbetalinger er registrert.») and rolls back the whole batch.
    """
    ids = list(dict.fromkeys(enrolment_ids))
    if not ids:
        raise ValidationError(none_chosen or tr("Velg minst én påmelding."))
    entry_ids, total = [], 0
    with database.atomic():
        for enrolment_id in ids:
            try:
                entry = record(enrolment_id)
            except CourseKeeperError as exc:
                raise type(exc)(
                    f"{_name(enrolment_id)}: {exc.message} {nothing_recorded}", details=exc.details
                ) from exc
            entry_ids.append(entry.id)
            total += entry.amount_ore
    return EntryBatch(tuple(entry_ids), total)


def outstanding_ore(enrolment_id: int) -> int:
    """What is left to pay of the course's deposit (0 when paid in full or waived)."""
    row = (
        Course.select(Course.deposit_ore, Course.deposit_waived)
        .join(Enrolment)
        .where(Enrolment.id == enrolment_id)
        .tuples()
        .first()
    )
    if row is None or row[1]:
        return 0
    return max(row[0] - deposits.balance_of(enrolment_id).paid, 0)


def record_payments(
    *,
    enrolment_ids: Iterable[int],
    paid_on: dt.date,
    amount_ore: int | None = None,
    method: str = "",
    reference: str = "",
    note: str = "",
) -> EntryBatch:
    """Record a payment per enrolment (default: what is outstanding); all or nothing."""

    def pay(enrolment_id: int) -> LedgerEntry:
        amount = outstanding_ore(enrolment_id) if amount_ore is None else amount_ore
        if amount <= 0:
            raise RuleError(tr("Egenandelen er allerede betalt."))
        return deposits.record_payment(
            enrolment_id=enrolment_id,
            amount_ore=amount,
            paid_on=paid_on,
            method=method,
            reference=reference,
            note=note,
        )

    return record_each(enrolment_ids, pay, tr("Ingen innbetalinger er registrert."))


def record_forfeits(*, enrolment_ids: Iterable[int], on: dt.date, note: str = "") -> EntryBatch:
    """Keep everything held for each enrolment (a forfeit entry each); all or nothing."""
    return record_each(
        enrolment_ids,
        lambda enrolment_id: deposits.record_forfeit(enrolment_id=enrolment_id, on=on, note=note),
        tr("Ingen beholdte egenandeler er registrert."),
    )
