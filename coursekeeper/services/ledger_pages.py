"""The ledger a page at a time: searched, sorted and counted by the database (100,000 entries and more).

The same rows, order and matches as reading every entry and searching and sorting in Python
(``deposits.ledger`` with the list's own search and sort), but only one page is read.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, LedgerEntry, Person
from coursekeeper.db.text_sql import contains, folded, norwegian_order
from coursekeeper.domain.text import search_key
from coursekeeper.services.deposits import LedgerRow, ledger_query, ledger_row

#: Rows per page: a screenful many times over, read in a few milliseconds.
PAGE_SIZE = 500
#: What the list can be sorted by (its columns, left to right).
SORTS = ("id", "date", "name", "course", "kind", "amount", "method", "reference", "note")


@dataclass(frozen=True)
class LedgerQuery:
    """Which entries (one course, one person, or all; matching every search term) in which order."""

    course_id: int | None = None
    person_id: int | None = None
    terms: tuple[str, ...] = ()
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class LedgerPage:
    """Entries from ``offset`` on, how many match, how many there are, and which of them are corrected."""

    rows: list[LedgerRow]
    offset: int
    matching: int
    total: int
    corrected: frozenset[int]


def _sort_keys(sort: str) -> list[pw.Node]:
    """The ORDER BY of a column, as its Python sort key compares (the date with the number)."""
    if sort == "date":
        return [LedgerEntry.entry_date, LedgerEntry.id]
    name = Person.first_name.concat(" ").concat(Person.last_name)
    key = {
        "id": LedgerEntry.id,
        "name": norwegian_order(name),
        "course": norwegian_order(Course.title),
        "kind": LedgerEntry.kind,
        "amount": LedgerEntry.amount_ore,
        "method": norwegian_order(LedgerEntry.method),
        "reference": norwegian_order(LedgerEntry.reference),
        "note": norwegian_order(LedgerEntry.note),
    }[sort]
    return [key]


def _matches(term: str, titles: dict[int, str]) -> pw.Node:
    """``term`` in the name, course, method, reference, note or number (each folded as the list's
    search folds them; the person's folded name is stored, the few course titles are folded here)."""
    courses = [cid for cid, title in titles.items() if term in title]
    entered = (
        LedgerEntry.method.concat(" ").concat(LedgerEntry.reference).concat(" ").concat(LedgerEntry.note)
    )
    return (
        contains(Person.search_key, term)
        | Enrolment.course.in_(courses)
        | contains(folded(entered), term)
        | contains(LedgerEntry.id.cast("TEXT"), term)
    )


def _where(query: LedgerQuery, *, searched: bool) -> pw.Node:
    condition: pw.Node = pw.SQL("1 = 1")
    if query.course_id is not None:
        condition &= Enrolment.course == query.course_id
    if query.person_id is not None:
        condition &= Enrolment.person == query.person_id
    if searched and query.terms:
        titles = {cid: search_key(title) for cid, title in Course.select(Course.id, Course.title).tuples()}
        for term in query.terms:
            condition &= _matches(term, titles)
    return condition


def _count(query: LedgerQuery, *, searched: bool) -> int:
    counted = LedgerEntry.select(pw.fn.COUNT(LedgerEntry.id))
    if searched and query.terms:
        counted = counted.join(Enrolment).join(Person).join_from(Enrolment, Course)
    elif query.course_id is not None or query.person_id is not None:
        counted = counted.join(Enrolment)
    return counted.where(_where(query, searched=searched)).scalar()


def ledger_page(query: LedgerQuery, *, offset: int = 0, limit: int | None = None) -> LedgerPage:
    """One page of entries; three queries (five with a search) whatever the ledger's size."""
    order: list[pw.Node] = []
    if query.sort is not None:
        order = [key.desc() if query.descending else key for key in _sort_keys(query.sort)]
    page = (
        ledger_query()
        .where(_where(query, searched=True))
        .order_by(*order, LedgerEntry.entry_date, LedgerEntry.id)
        .offset(offset)
        .limit(limit or PAGE_SIZE)
    )
    rows = [ledger_row(values) for values in database.execute(page)]
    total = _count(query, searched=False)
    matching = _count(query, searched=True) if query.terms else total
    corrected: frozenset[int] = frozenset()
    if rows:
        ids = [r.id for r in rows]
        corrections = LedgerEntry.select(LedgerEntry.corrects).where(LedgerEntry.corrects.in_(ids))
        corrected = frozenset(c for (c,) in corrections.tuples())
    return LedgerPage(rows, offset, matching, total, corrected)
