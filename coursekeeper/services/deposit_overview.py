"""Deposit status per enrolment for lists: what is due, paid, held, and the derived status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, Municipality, Person
from coursekeeper.domain.deposits import Balance, DepositStatus, derive_status
from coursekeeper.domain.text import search_key
from coursekeeper.services import deposits, refunds


@dataclass(slots=True)
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


def enrolment_query(*sums: pw.Node) -> pw.ModelSelect:
    """The enrolments with their person, in the columns ``build_rows`` reads (then ``sums``)."""
    return (
        Enrolment.select(
            Enrolment.id,
            Enrolment.course,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.search_key,
            Municipality.name,
            Enrolment.state,
            *sums,
        )
        .join(Person)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .join_from(Enrolment, Course)
    )


#: The lists' order: newest course first, then by name.
LIST_ORDER = (Course.start_date.desc(), Course.id, Person.last_name, Person.first_name, Enrolment.id)


def deposit_rows(
    *,
    course_id: int | None = None,
    person_id: int | None = None,
    as_of: dt.date | None = None,
    money: bool = True,
) -> list[DepositRow]:
    """Every enrolment (of a course, of a person, or all) with its deposit status as of a date.

    Four queries whatever the number of rows: the courses, the enrolments with their ledger sums
    (summed by the database), and the few enrolments due a refund. ``money`` False (a role that
    may not read the ledger): the enrolments alone, every sum nought.
    """
    if money:
        sums = deposits.ledger_sums_query(course_id=course_id, person_id=person_id).alias("sums")
        query = enrolment_query(
            pw.fn.COALESCE(sums.c.paid, 0),
            pw.fn.COALESCE(sums.c.refunded, 0),
            pw.fn.COALESCE(sums.c.forfeited, 0),
        ).join_from(Enrolment, sums, pw.JOIN.LEFT_OUTER, on=(sums.c.enrolment_id == Enrolment.id))
    else:
        query = enrolment_query(pw.Value(0), pw.Value(0), pw.Value(0))
    query = query.order_by(*LIST_ORDER)
    if course_id is not None:
        query = query.where(Enrolment.course == course_id)
    if person_id is not None:
        query = query.where(Enrolment.person == person_id)
    rows = list(database.execute(query))
    held = any(paid - refunded - forfeited > 0 for *_, paid, refunded, forfeited in rows)
    due = refunds.refund_due_ids(as_of or dt.date.today(), course_id=course_id) if held else set()
    return build_rows(rows, course_facts(course_id), due)


def build_rows(rows: list[tuple], courses: dict[int, CourseFacts], due: set[int]) -> list[DepositRow]:
    """Rows of ``enrolment_query`` with paid, refunded and forfeited; what repeats is worked out once."""
    statuses: dict[tuple, DepositStatus] = {}
    places: dict[str | None, str] = {}
    result = []
    for eid, cid, pid, first, last, key, mname, state, paid, refunded, forfeited in rows:
        course = courses[cid]
        facts = (paid, refunded, forfeited, course.deposit_ore, course.waived, eid in due)
        status = statuses.get(facts)
        if status is None:
            status = statuses[facts] = derive_status(
                Balance(paid, refunded, forfeited),
                deposit_ore=course.deposit_ore,
                refund_due=eid in due,
                waived=course.waived,
            )
        place = places.get(mname)
        if place is None:
            place = places[mname] = search_key(mname or "")
        name = f"{first} {last}"
        result.append(
            DepositRow(
                eid,
                cid,
                course.title,
                course.start,
                pid,
                name,
                mname or "",
                state,
                0 if course.waived else course.deposit_ore,
                paid,
                paid - refunded - forfeited,
                refunded,
                forfeited,
                status,
                f"{key or search_key(name)} {course.key} {place}",
            )
        )
    return result


@dataclass(frozen=True)
class CourseFacts:
    """What every row of a course repeats."""

    title: str
    start: dt.date
    deposit_ore: int
    waived: bool
    key: str


def course_facts(course_id: int | None) -> dict[int, CourseFacts]:
    """What every row of a course repeats, read once per course."""
    query = Course.select(
        Course.id, Course.title, Course.start_date, Course.deposit_ore, Course.deposit_waived
    )
    if course_id is not None:
        query = query.where(Course.id == course_id)
    return {
        cid: CourseFacts(title, start, deposit, bool(waived), search_key(title))
        for cid, title, start, deposit, waived in query.tuples()
    }
