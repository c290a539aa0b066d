"""Personer a page at a time: searched, sorted and counted by the database (20,000 people).

Every search word must occur in the folded name, the e-mail as written or folded, or the birth
date as 17.05.1990 or 1990-05-17; a word of digits («912», «+47») also in the phone's digits (as
the list searched in Python before). Only one page is read, with each person's number of courses.
"""

from __future__ import annotations

from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Enrolment, Municipality, Person
from coursekeeper.db.text_sql import contains, digits, folded, norwegian_order
from coursekeeper.services.people import listed_people
from coursekeeper.services.person_overview import PersonListRow, list_row, phone_term

#: Rows per page.
PAGE_SIZE = 500
#: What the list can be sorted by (the «Alle personer» columns, left to right).
SORTS = ("last_name", "first_name", "birth_date", "email", "phone", "municipality", "courses")
#: The order without a sort chosen, and after the chosen one.
LIST_ORDER = (Person.last_name, Person.first_name, Person.id)


@dataclass(frozen=True)
class PeopleQuery:
    """Which people (matching every search word; one left out), in which order."""

    terms: tuple[str, ...] = ()
    sort: str | None = None
    descending: bool = False
    #: A person not to list (the merge's first record, when picking the second).
    leave_out: int | None = None


@dataclass(frozen=True)
class PeoplePage:
    """Rows from ``offset`` on, how many match the search, and how many there are."""

    rows: list[PersonListRow]
    offset: int
    matching: int
    total: int


def _born_text() -> pw.Node:
    """The birth date as the list's search text has it: ``17.05.1990 1990-05-17``."""
    iso = Person.birth_date.cast("TEXT")
    day, month, year = pw.fn.SUBSTR(iso, 9, 2), pw.fn.SUBSTR(iso, 6, 2), pw.fn.SUBSTR(iso, 1, 4)
    return day.concat(".").concat(month).concat(".").concat(year).concat(" ").concat(iso)


def _matches(term: str) -> pw.Node:
    """``term`` (folded) in the name, the e-mail, the birth date, or as digits in the phone."""
    name = pw.fn.COALESCE(Person.search_key, folded(Person.first_name.concat(" ").concat(Person.last_name)))
    found = (
        contains(name, term)
        | contains(Person.email, term)
        | contains(folded(Person.email), term)
        | contains(_born_text(), term)
    )
    number = phone_term(term)
    return found | contains(digits(Person.phone), number) if number else found


def _where(query: PeopleQuery, *, searched: bool) -> pw.Node:
    condition: pw.Node = Person.anonymised_at.is_null()
    if query.leave_out is not None:
        condition &= Person.id != query.leave_out
    if searched:
        for term in query.terms:
            condition &= _matches(term)
    return condition


def _courses() -> pw.Node:
    """The person's number of enrolments (counted for the page's rows only)."""
    return Enrolment.select(pw.fn.COUNT(Enrolment.id)).where(Enrolment.person == Person.id)


def _sort_keys(sort: str) -> list[pw.Node]:
    if sort == "birth_date":  # as the list sorts: no birth date before the earliest
        return [pw.Case(None, [(Person.birth_date.is_null(), 0)], 1), Person.birth_date]
    return [
        {
            "last_name": norwegian_order(Person.last_name),
            "first_name": norwegian_order(Person.first_name),
            "email": pw.fn.COALESCE(Person.email, ""),
            "phone": digits(pw.fn.COALESCE(Person.phone, "")),
            "municipality": norwegian_order(pw.fn.COALESCE(Municipality.name, "")),
            "courses": _courses(),
        }[sort]
    ]


def people_page(query: PeopleQuery, *, offset: int = 0, limit: int | None = None) -> PeoplePage:
    """One page of the people list; three queries whatever the number of people."""
    order: list[pw.Node] = list(LIST_ORDER)
    if query.sort is not None:
        keys = _sort_keys(query.sort)
        order = [pw.Ordering(k, "DESC") if query.descending else k for k in keys] + order
    page = (
        listed_people()
        .select_extend(_courses())
        .where(_where(query, searched=True))
        .order_by(*order)
        .offset(offset)
        .limit(limit or PAGE_SIZE)
    )
    rows = [list_row(values) for values in database.execute(page)]
    total = _count(query, searched=False)
    matching = _count(query, searched=True) if query.terms else total
    return PeoplePage(rows, offset, matching, total)


def _count(query: PeopleQuery, *, searched: bool) -> int:
    return Person.select(pw.fn.COUNT(Person.id)).where(_where(query, searched=searched)).scalar()
