"""Deposit status per enrolment for lists: what is due, paid, held, and the derived status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.models import Course, Enrolment, Municipality, Person
from coursekeeper.domain.deposits import Balance, DepositStatus, derive_status
from coursekeeper.domain.text import search_key
from coursekeeper.services import deposits, refunds


@dataclass(frozen=True)
class DepositRow:
    """One enrolment's deposit: amounts in øre and the status derived from the ledger."""

    enrolment_id: int
    course_id: int
    course_title: str
    course_start: dt.date
    person_id: int
    person_name: str
    municipality: str
    state: str
    deposit_ore: int
    paid_ore: int
    held_ore: int
    refunded_ore: int
    forfeited_ore: int
    status: DepositStatus
    search_text: str

    @property
    def outstanding_ore(self) -> int:
        """What is still to be paid (0 when paid in full, waived or no longer relevant)."""
        if self.status != DepositStatus.UNPAID:
            return 0
        return max(self.deposit_ore - self.paid_ore, 0)


def deposit_rows(
    *, course_id: int | None = None, person_id: int | None = None, as_of: dt.date | None = None
) -> list[DepositRow]:
    """Every enrolment (of a course, of a person, or all) with its deposit status as of a date."""
    as_of = as_of or dt.date.today()
    query = (
        Enrolment.select(
            Enrolment.id,
            Course.id,
            Course.title,
            Course.start_date,
            Person.id,
            Person.first_name,
            Person.last_name,
            Municipality.name,
            Enrolment.state,
            Course.deposit_ore,
            Course.deposit_waived,
        )
        .join(Course)
        .switch(Enrolment)
        .join(Person)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .order_by(Course.start_date.desc(), Course.id, Person.last_name, Person.first_name)
    )
    if course_id is not None:
        query = query.where(Enrolment.course == course_id)
    if person_id is not None:
        query = query.where(Enrolment.person == person_id)
    rows = list(query.tuples())
    if not rows:
        return []
    ids = None if course_id is None and person_id is None else [r[0] for r in rows]
    sums = deposits.balances(ids)
    due = _refund_due_ids(as_of, course_id, {r[1] for r in rows if sums.get(r[0], Balance()).held > 0})
    result = []
    for eid, cid, title, start, pid, first, last, mname, state, deposit, waived, *_ in rows:
        bal = sums.get(eid, Balance())
        name = f"{first} {last}"
        status = derive_status(bal, deposit_ore=deposit, refund_due=eid in due, waived=waived)
        result.append(
            DepositRow(
                eid,
                cid,
                title,
                start,
                pid,
                name,
                mname or "",
                state,
                0 if waived else deposit,
                bal.paid,
                bal.held,
                bal.refunded,
                bal.forfeited,
                status,
                search_key(f"{name} {title} {mname or ''}"),
            )
        )
    return result


def _refund_due_ids(as_of: dt.date, course_id: int | None, held_courses: set[int]) -> set[int]:
    """Enrolments due a refund (asked only when some money is held at all)."""
    if not held_courses:
        return set()
    return refunds.refund_due_ids(as_of, course_id=course_id)
