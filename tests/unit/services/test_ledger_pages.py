"""The ledger read a page at a time gives the rows, order and matches of the whole ledger searched
and sorted in Python (as the list did before), on a mixed Norwegian data set."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.db.models import LedgerEntry
from coursekeeper.domain.text import norwegian_sort_key as nb
from coursekeeper.domain.text import search_key
from coursekeeper.services import courses, deposits, enrolments, people
from coursekeeper.services.ledger_pages import SORTS, LedgerQuery, ledger_page

DAY = dt.date(2026, 3, 2)
PEOPLE = [
    ("Åse", "Ødegård"),
    ("Ola", "Aamodt"),
    ("kari", "Nordmann"),
    ("Æsa", "Øverland"),
    ("Per", "Berg"),
    ("André", "Zahl"),
    ("Øystein", "Ås"),
    ("Ola", "Ødegaard"),
]
NOTES = ["Betalt på døra", "", "Ærlig talt", "Ålesund kommune", "betalt PÅ DØRA", "50% rabatt", "a_b", ""]
METHODS = ["Bank", "Vipps", "bank", "Kontant", "Vipps", "Bank", "Faktura fra kommunen", "Kontant"]

PY_KEYS = {
    "id": lambda r: r.id,
    "date": lambda r: (r.entry_date, r.id),
    "name": lambda r: nb(r.person_name),
    "course": lambda r: nb(r.course_title),
    "kind": lambda r: r.kind,
    "amount": lambda r: r.amount_ore,
    "method": lambda r: nb(r.method),
    "reference": lambda r: nb(r.reference),
    "note": lambda r: nb(r.note),
}


@pytest.fixture
def ledger_rows(db) -> list:
    """Two courses, eight people, payments on different days, a refund and a correction."""
    course_ids = [
        courses.create_course(
            courses.CourseInput(
                title=title,
                capacity=20,
                screening_required=False,
                sessions=[courses.SessionInput(DAY, "09:00", "15:00")],
            )
        ).id
        for title in ("Kurs i Ålesund", "Kurs i Bærum")
    ]
    for i, (first, last) in enumerate(PEOPLE):
        person = people.create_person(people.PersonInput(first, last, None, None, None))
        enrolment = enrolments.enrol(course_id=course_ids[i % 2], person_id=person.id)
        deposits.record_payment(
            enrolment_id=enrolment.id,
            amount_ore=50_000 + 25_000 * (i % 3),
            paid_on=DAY - dt.timedelta(days=i % 4),
            method=METHODS[i],
            reference=f"KID {i % 3}",
            note=NOTES[i],
        )
        if i == 2:
            deposits.record_refund(enrolment_id=enrolment.id, refunded_on=DAY, method="Bank")
    first_payment = LedgerEntry.select().order_by(LedgerEntry.id).first()
    deposits.record_correction(entry_id=first_payment.id, on=DAY, note="Feilført")
    return deposits.ledger()


@pytest.mark.parametrize("sort", [None, *SORTS])
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_is_the_python_order(ledger_rows, sort: str | None, descending: bool) -> None:
    expected = list(ledger_rows)
    if sort is not None:
        expected.sort(key=PY_KEYS[sort], reverse=descending)
    page = ledger_page(LedgerQuery(sort=sort, descending=descending))
    assert [r.id for r in page.rows] == [r.id for r in expected]
    assert page.rows == expected
    assert page.matching == page.total == len(expected)


@pytest.mark.parametrize(
    "text",
    [
        "odegard",
        "ØDEGAARD",
        "aase",
        "ålesund",
        "baerum",
        "døra",
        "KID 1",
        "50%",
        "a_b",
        "andre",
        "ola aa",
        "x",
    ],
)
def test_every_search_finds_what_the_python_search_found(ledger_rows, text: str) -> None:
    terms = tuple(search_key(text).split())

    def line(r) -> str:
        return search_key(f"{r.person_name} {r.course_title} {r.method} {r.reference} {r.note} {r.id}")

    expected = [r.id for r in ledger_rows if all(t in line(r) for t in terms)]
    page = ledger_page(LedgerQuery(terms=terms))
    assert [r.id for r in page.rows] == expected
    assert (page.matching, page.total) == (len(expected), len(ledger_rows))


def test_pages_follow_on_and_name_the_corrected_entries(ledger_rows) -> None:
    query = LedgerQuery(sort="name")
    first, second = ledger_page(query, limit=5), ledger_page(query, offset=5, limit=5)
    assert [r.id for r in first.rows + second.rows] == [r.id for r in ledger_page(query).rows]
    corrected = {r.corrects_id for r in ledger_rows if r.corrects_id}
    assert first.corrected | second.corrected == corrected
    course = ledger_rows[0].course_id
    mine = ledger_page(LedgerQuery(course_id=course))
    assert [r.id for r in mine.rows] == [r.id for r in ledger_rows if r.course_id == course]
    assert mine.total == mine.matching == len(mine.rows)
