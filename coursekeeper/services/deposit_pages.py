"""Deposit status a page at a time: searched, sorted and counted by the database (100,000 enrolments).

The same rows, order and matches as ``deposit_rows`` searched and sorted in Python (as the
«Deltakere» list did before), but only one page is read. Sorting by money or status sums the
ledger for every enrolment (the status follows ``derive_status``, written once more in SQL).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, Municipality, Person
from coursekeeper.db.raw import as_date
from coursekeeper.db.text_sql import contains, norwegian_order
from coursekeeper.domain.deposits import Balance
from coursekeeper.domain.deposits import DepositStatus as D
from coursekeeper.domain.text import search_key
from coursekeeper.services import deposits, refunds
from coursekeeper.services.deposit_overview import (
    LIST_ORDER,
    CourseFacts,
    DepositRow,
    build_rows,
    enrolment_query,
)

#: Rows per page.
PAGE_SIZE = 500
#: What the list can be sorted by (the «Deltakere» columns, left to right).
SORTS = ("name", "course", "state", "deposit", "paid", "held", "status")
_MONEY_SORTS = {"paid", "held", "status"}


@dataclass(frozen=True)
class DepositQuery:
    """Which enrolments (one course or all; matching every search term), in which order."""

    course_id: int | None = None
    terms: tuple[str, ...] = ()
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class DepositPage:
    """Rows from ``offset`` on, how many match the search, and how many there are."""

    rows: list[DepositRow]
    offset: int
    matching: int
    total: int


def _matches(term: str, titles: dict[int, str], places: dict[int, str]) -> pw.Node:
    """``term`` in the person's folded name (stored), the course's title or the municipality."""
    return (
        contains(Person.search_key, term)
        | Enrolment.course.in_([cid for cid, title in titles.items() if term in title])
        | Person.municipality.in_([mid for mid, name in places.items() if term in name])
    )


def _where(query: DepositQuery, *, searched: bool) -> pw.Node:
    condition: pw.Node = pw.SQL("1 = 1")
    if query.course_id is not None:
        condition &= Enrolment.course == query.course_id
    if searched and query.terms:
        titles = {cid: search_key(title) for cid, title in Course.select(Course.id, Course.title).tuples()}
        municipalities = Municipality.select(Municipality.id, Municipality.name).tuples()
        places = {mid: search_key(name) for mid, name in municipalities}
        for term in query.terms:
            condition &= _matches(term, titles, places)
    return condition


def _sort_key(sort: str, sums: pw.Node, due: set[int]) -> pw.Node:
    paid = pw.fn.COALESCE(sums.c.paid, 0)
    refunded = pw.fn.COALESCE(sums.c.refunded, 0)
    forfeited = pw.fn.COALESCE(sums.c.forfeited, 0)
    held = paid - refunded - forfeited
    if sort == "status":  # derive_status, case by case
        return pw.Case(
            None,
            [
                (paid <= 0, pw.Case(None, [(Course.deposit_waived, D.WAIVED.value)], D.UNPAID.value)),
                (held <= 0, pw.Case(None, [(forfeited > 0, D.FORFEITED.value)], D.REFUNDED.value)),
                (Enrolment.id.in_(sorted(due)), D.REFUND_DUE.value),
                (paid < Course.deposit_ore, D.UNPAID.value),
            ],
            D.PAID.value,
        )
    return {
        "name": norwegian_order(Person.first_name.concat(" ").concat(Person.last_name)),
        "course": norwegian_order(Course.title),
        "state": Enrolment.state,
        "deposit": pw.Case(None, [(Course.deposit_waived, 0)], Course.deposit_ore),
        "paid": paid,
        "held": held,
    }[sort]


def deposit_page(
    query: DepositQuery, *, offset: int = 0, limit: int | None = None, as_of: dt.date | None = None
) -> DepositPage:
    """One page of rows; a handful of queries whatever the number of enrolments."""
    due = refunds.refund_due_ids(as_of or dt.date.today(), course_id=query.course_id)
    page = enrolment_query().where(_where(query, searched=True))
    page = page.select_extend(Course.title, Course.start_date, Course.deposit_ore, Course.deposit_waived)
    order = list(LIST_ORDER)
    if query.sort is not None:
        sums = deposits.ledger_sums_query(course_id=query.course_id).alias("sums")
        if query.sort in _MONEY_SORTS:
            page = page.join_from(
                Enrolment, sums, pw.JOIN.LEFT_OUTER, on=(sums.c.enrolment_id == Enrolment.id)
            )
        key = _sort_key(query.sort, sums, due)
        order.insert(0, key.desc() if query.descending else key)
    found = list(database.execute(page.order_by(*order).offset(offset).limit(limit or PAGE_SIZE)))
    balances = deposits.balances([values[0] for values in found]) if found else {}
    rows, courses = [], {}
    for *values, title, start, deposit_ore, waived in found:
        balance = balances.get(values[0]) or Balance()
        rows.append((*values, balance.paid, balance.refunded, balance.forfeited))
        if values[1] not in courses:  # the course's facts, read with its first row
            courses[values[1]] = CourseFacts(
                title, as_date(start), deposit_ore, bool(waived), search_key(title)
            )
    total = _count(query, searched=False)
    matching = _count(query, searched=True) if query.terms else total
    return DepositPage(build_rows(rows, courses, due), offset, matching, total)


def _count(query: DepositQuery, *, searched: bool) -> int:
    counted = Enrolment.select(pw.fn.COUNT(Enrolment.id))
    if searched and query.terms:
        counted = counted.join(Person)
    return counted.where(_where(query, searched=searched)).scalar()
