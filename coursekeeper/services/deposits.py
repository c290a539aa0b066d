"""The deposit ledger: append-only entries in øre, and the status derived from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, LedgerEntry, Person
from coursekeeper.domain.deposits import Balance, EntryKind, balance
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.domain.money import format_kr
from coursekeeper.errors import NotFoundError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, chains
from coursekeeper.services.locks import lock_row


@dataclass(frozen=True)
class LedgerRow:
    """One ledger entry for display, with the person and course it belongs to."""

    id: int
    enrolment_id: int
    course_id: int
    course_title: str
    person_id: int
    person_name: str
    kind: str
    amount_ore: int
    corrects_id: int | None
    entry_date: dt.date
    method: str
    reference: str
    note: str
    entered_by: str
    entered_at: dt.datetime


def _enrolment(enrolment_id: int) -> Enrolment:
    enrolment = Enrolment.get_or_none(Enrolment.id == enrolment_id)
    if enrolment is None:
        raise NotFoundError(tr("Fant ikke påmelding med id {id}.", id=enrolment_id))
    return enrolment


def _check_amount(amount_ore: int) -> None:
    if not isinstance(amount_ore, int) or amount_ore <= 0:
        raise ValidationError(tr("Beløpet må være et positivt beløp i kroner."))


def _add(
    enrolment: Enrolment,
    kind: EntryKind,
    amount_ore: int,
    entry_date: dt.date,
    *,
    method: str = "",
    reference: str = "",
    note: str = "",
    corrects: LedgerEntry | None = None,
) -> LedgerEntry:
    refuse_identity_numbers(method, tr("Betalingsmåte"))
    refuse_identity_numbers(reference, tr("Referanse"))
    refuse_identity_numbers(note, tr("Merknad"))
    entry = LedgerEntry(
        enrolment=enrolment,
        kind=kind,
        amount_ore=amount_ore,
        entry_date=entry_date,
        method=method.strip(),
        reference=reference.strip(),
        note=note.strip(),
        corrects=corrects,
        entered_by=audit.current_actor(),
    )
    chains.append(entry)
    audit.record(f"ledger_{kind}", "ledger_entry", entry.id, after=audit.snapshot(entry))
    return entry


def balances(
    enrolment_ids: Iterable[int] | None = None, *, course_id: int | None = None, as_of: dt.date | None = None
) -> dict[int, Balance]:
    """Ledger sums per enrolment (the given ones, one course's, or all), of entries dated by ``as_of``."""
    corrected = LedgerEntry.alias("corrected")
    query = LedgerEntry.select(
        LedgerEntry.enrolment, LedgerEntry.kind, LedgerEntry.amount_ore, corrected.kind
    ).join(corrected, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.corrects == corrected.id))
    if course_id is not None:
        query = query.switch(LedgerEntry).join(Enrolment).where(Enrolment.course == course_id)
    if as_of is not None:
        query = query.where(LedgerEntry.entry_date <= as_of)
    if enrolment_ids is not None:
        ids = list(enrolment_ids)
        if not ids:
            return {}
        query = query.where(LedgerEntry.enrolment.in_(ids))
    grouped: dict[int, list[tuple[str, int, str | None]]] = {}
    for enrolment_id, kind, amount, corrects_kind in query.tuples():
        grouped.setdefault(enrolment_id, []).append((kind, amount, corrects_kind))
    return {eid: balance(entries) for eid, entries in grouped.items()}


def balance_of(enrolment_id: int) -> Balance:
    """Ledger sums of one enrolment."""
    return balances([enrolment_id]).get(enrolment_id, Balance())


def record_payment(
    *,
    enrolment_id: int,
    amount_ore: int,
    paid_on: dt.date,
    method: str = "",
    reference: str = "",
    note: str = "",
) -> LedgerEntry:
    """Record a deposit payment."""
    _check_amount(amount_ore)
    with database.atomic():
        enrolment = _enrolment(enrolment_id)
        return _add(
            enrolment,
            EntryKind.PAYMENT,
            amount_ore,
            paid_on,
            method=method,
            reference=reference,
            note=note,
        )


def _take_from_held(
    kind: EntryKind, enrolment_id: int, amount_ore: int | None, on: dt.date, **details: str
) -> LedgerEntry:
    enrolment = _enrolment(enrolment_id)
    lock_row(Enrolment, enrolment_id)  # two refunds of one deposit: the second sees the first
    held = balance_of(enrolment_id).held
    if held <= 0:
        raise RuleError(
            tr("Det er ingen innbetalt egenandel å tilbakebetale.")
            if kind == EntryKind.REFUND
            else tr("Det er ingen innbetalt egenandel å beholde.")
        )
    amount = held if amount_ore is None else amount_ore
    _check_amount(amount)
    if amount > held:
        raise RuleError(
            tr(
                "Beløpet {amount} er mer enn innbetalt egenandel ({held}).",
                amount=format_kr(amount),
                held=format_kr(held),
            )
        )
    return _add(enrolment, kind, amount, on, **details)


def record_refund(
    *,
    enrolment_id: int,
    refunded_on: dt.date,
    amount_ore: int | None = None,
    method: str = "",
    reference: str = "",
    note: str = "",
) -> LedgerEntry:
    """Record money paid back (default: everything held)."""
    with database.atomic():
        return _take_from_held(
            EntryKind.REFUND,
            enrolment_id,
            amount_ore,
            refunded_on,
            method=method,
            reference=reference,
            note=note,
        )


def record_forfeit(
    *, enrolment_id: int, on: dt.date, amount_ore: int | None = None, note: str = ""
) -> LedgerEntry:
    """Record that the deposit is kept (default: everything held)."""
    with database.atomic():
        return _take_from_held(EntryKind.FORFEIT, enrolment_id, amount_ore, on, note=note)


def forfeit_held(enrolment: Enrolment, on: dt.date, note: str) -> LedgerEntry | None:
    """Inside a caller's transaction: keep whatever is held for ``enrolment``, if anything."""
    held = balance_of(enrolment.id).held
    if held <= 0:
        return None
    return _add(enrolment, EntryKind.FORFEIT, held, on, note=note)


def record_correction(*, entry_id: int, on: dt.date, note: str) -> LedgerEntry:
    """Reverse an entry with a correcting entry of the opposite amount (entries are never edited)."""
    if not note.strip():
        raise ValidationError(tr("Skriv hvorfor posteringen korrigeres."))
    with database.atomic():
        original = LedgerEntry.get_or_none(LedgerEntry.id == entry_id)
        if original is None:
            raise NotFoundError(tr("Fant ikke postering med id {id}.", id=entry_id))
        if original.kind == EntryKind.CORRECTION:
            raise RuleError(tr("En korrigering kan ikke korrigeres; registrer en ny postering i stedet."))
        if LedgerEntry.select().where(LedgerEntry.corrects == original).exists():
            raise RuleError(tr("Postering {id} er allerede korrigert.", id=entry_id))
        return _add(
            original.enrolment,
            EntryKind.CORRECTION,
            -original.amount_ore,
            on,
            note=note,
            corrects=original,
        )


def ledger(*, course_id: int | None = None, person_id: int | None = None) -> list[LedgerRow]:
    """Ledger entries, oldest first, for a course, a person, or everything."""
    query = (
        LedgerEntry.select(
            LedgerEntry.id,
            LedgerEntry.enrolment,
            Course.id,
            Course.title,
            Person.id,
            Person.first_name,
            Person.last_name,
            LedgerEntry.kind,
            LedgerEntry.amount_ore,
            LedgerEntry.corrects,
            LedgerEntry.entry_date,
            LedgerEntry.method,
            LedgerEntry.reference,
            LedgerEntry.note,
            LedgerEntry.entered_by,
            LedgerEntry.entered_at,
        )
        .join(Enrolment)
        .join(Course)
        .switch(Enrolment)
        .join(Person)
        .order_by(LedgerEntry.entry_date, LedgerEntry.id)
    )
    if course_id is not None:
        query = query.where(Course.id == course_id)
    if person_id is not None:
        query = query.where(Person.id == person_id)
    return [LedgerRow(t[0], t[1], t[2], t[3], t[4], f"{t[5]} {t[6]}", *t[7:]) for t in query.tuples()]
