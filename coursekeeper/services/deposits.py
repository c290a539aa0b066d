"""The deposit ledger: append-only entries in øre, and the status derived from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, LedgerEntry, Person
from coursekeeper.db.raw import as_date, as_datetime
from coursekeeper.domain.deposits import Balance, EntryKind
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.domain.money import format_kr
from coursekeeper.errors import NotFoundError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, chains
from coursekeeper.services.locks import lock_row


@dataclass(slots=True)
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
    enrolment_ids: Iterable[int] | None = None,
    *,
    course_id: int | None = None,
    as_of: dt.date | None = None,
    among: pw.SelectQuery | None = None,
) -> dict[int, Balance]:
    """Ledger sums per enrolment (the given ones, one course's, those ``among`` selects, or all).

    Only entries dated by ``as_of`` count. Summed by the database, one row per enrolment: the
    same sums as :func:`~coursekeeper.domain.deposits.balance` (a correction counts as the kind it
    corrects), without shipping every entry to Python.
    """
    query = ledger_sums_query(as_of, course_id=course_id)
    if among is not None:
        query = query.where(LedgerEntry.enrolment.in_(among))
    if enrolment_ids is not None:
        ids = list(enrolment_ids)
        if not ids:
            return {}
        query = query.where(LedgerEntry.enrolment.in_(ids))
    return {
        eid: Balance(paid, refunded, forfeited) for eid, paid, refunded, forfeited in database.execute(query)
    }


def ledger_sums_query(
    as_of: dt.date | None = None, *, course_id: int | None = None, person_id: int | None = None
) -> pw.SelectQuery:
    """Enrolment id, paid, refunded, forfeited per enrolment with entries dated by ``as_of``.

    Only those of one course or one person when given (so a course's list sums its own entries).
    """
    corrected = LedgerEntry.alias("corrected")
    target = pw.Case(None, [(LedgerEntry.kind == EntryKind.CORRECTION, corrected.kind)], LedgerEntry.kind)

    def total(kind: EntryKind) -> pw.Expression:
        return pw.fn.COALESCE(pw.fn.SUM(pw.Case(None, [(target == kind, LedgerEntry.amount_ore)], 0)), 0)

    query = (
        LedgerEntry.select(
            LedgerEntry.enrolment.alias("enrolment_id"),
            total(EntryKind.PAYMENT).alias("paid"),
            total(EntryKind.REFUND).alias("refunded"),
            total(EntryKind.FORFEIT).alias("forfeited"),
        )
        .join(corrected, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.corrects == corrected.id))
        .group_by(LedgerEntry.enrolment)
    )
    if course_id is not None or person_id is not None:
        query = query.join_from(LedgerEntry, Enrolment)
    if course_id is not None:
        query = query.where(Enrolment.course == course_id)
    if person_id is not None:
        query = query.where(Enrolment.person == person_id)
    if as_of is not None:
        query = query.where(LedgerEntry.entry_date <= as_of)
    return query


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


def ledger_query() -> pw.ModelSelect:
    """The entries with their person and course, in the columns ``ledger_row`` reads."""
    return (
        LedgerEntry.select(
            LedgerEntry.id,
            LedgerEntry.enrolment,
            Enrolment.course,
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
        .join(Person)
        .join_from(Enrolment, Course)
    )


def ledger_row(values: tuple) -> LedgerRow:
    """A row of ``ledger_query`` as the driver gives it (see ``coursekeeper.db.raw``)."""
    (
        eid,
        enrolment,
        cid,
        title,
        pid,
        first,
        last,
        kind,
        amount,
        corrects,
        day,
        method,
        reference,
        note,
        by,
        at,
    ) = values
    return LedgerRow(
        eid,
        enrolment,
        cid,
        title,
        pid,
        f"{first} {last}",
        kind,
        amount,
        corrects,
        as_date(day),  # type: ignore[arg-type]
        method,
        reference,
        note,
        by,
        as_datetime(at),  # type: ignore[arg-type]
    )


def ledger(*, course_id: int | None = None, person_id: int | None = None) -> list[LedgerRow]:
    """Ledger entries, oldest first, for a course, a person, or everything (one query)."""
    query = ledger_query().order_by(LedgerEntry.entry_date, LedgerEntry.id)
    if course_id is not None:
        query = query.where(Enrolment.course == course_id)
    if person_id is not None:
        query = query.where(Enrolment.person == person_id)
    return [ledger_row(values) for values in database.execute(query)]
