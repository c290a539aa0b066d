"""«Deltakere» read a page at a time gives the rows, order and matches of ``deposit_rows`` searched and
sorted in Python (as the list did before), on a mixed Norwegian data set with every status."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.domain.text import norwegian_sort_key as nb
from coursekeeper.domain.text import search_key
from coursekeeper.services import courses, deposits, enrolments, people
from coursekeeper.services.deposit_overview import deposit_rows
from coursekeeper.services.deposit_pages import SORTS, DepositQuery, deposit_page

DAY = dt.date(2026, 3, 2)
PEOPLE = [
    ("Åse", "Ødegård", "Ålesund"),
    ("Ola", "Aamodt", "Bærum"),
    ("kari", "Nordmann", None),
    ("Æsa", "Øverland", "Ørsta"),
    ("Per", "Berg", "Bærum"),
    ("André", "Zahl", None),
    ("Øystein", "Ås", "Ålesund"),
    ("Ola", "Ødegaard", "Oslo"),
    ("Lise", "Berg", None),
]

PY_KEYS = {
    "name": lambda r: nb(r.person_name),
    "course": lambda r: nb(r.course_title),
    "state": lambda r: r.state,
    "deposit": lambda r: r.deposit_ore,
    "paid": lambda r: r.paid_ore,
    "held": lambda r: r.held_ore,
    "status": lambda r: r.status,
}


def _course(title: str, start: dt.date, **more: object) -> int:
    data = courses.CourseInput(
        title=title,
        capacity=20,
        screening_required=False,
        sessions=[courses.SessionInput(start, "09:00", "15:00")],
        **more,  # type: ignore[arg-type]
    )
    return courses.create_course(data).id


@pytest.fixture
def rows(db) -> list:
    """Three courses (one waived); unpaid, part paid, paid, refunded, kept and due back."""
    course_ids = [
        _course("Kurs i Ålesund", DAY),
        _course("Kurs i Bærum", DAY + dt.timedelta(days=30)),
        _course("Gratis kurs", DAY, deposit_waived=True),
    ]
    for i, (first, last, place) in enumerate(PEOPLE):
        person = people.create_person(people.PersonInput(first, last, None, None, None, municipality=place))
        eid = enrolments.enrol(course_id=course_ids[i % 3], person_id=person.id).id
        if i % 3 == 2:
            continue
        if i in (0, 1, 3, 4, 6):
            deposits.record_payment(enrolment_id=eid, amount_ore=100_000, paid_on=DAY)
        if i == 7:
            deposits.record_payment(enrolment_id=eid, amount_ore=40_000, paid_on=DAY)
        if i == 0:
            deposits.record_refund(enrolment_id=eid, refunded_on=DAY)
        if i == 1:
            deposits.record_forfeit(enrolment_id=eid, on=DAY)
        if i == 3:
            enrolments.withdraw(eid, on=DAY)  # money held: due back at once
    result = deposit_rows(as_of=DAY)
    assert {r.status.value for r in result} >= {
        "unpaid",
        "paid",
        "refunded",
        "forfeited",
        "refund_due",
        "waived",
    }
    return result


@pytest.mark.parametrize("sort", [None, *SORTS])
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_is_the_python_order(rows, sort: str | None, descending: bool) -> None:
    expected = list(rows)
    if sort is not None:
        expected.sort(key=PY_KEYS[sort], reverse=descending)
    page = deposit_page(DepositQuery(sort=sort, descending=descending), as_of=DAY)
    assert [r.enrolment_id for r in page.rows] == [r.enrolment_id for r in expected]
    assert page.rows == expected
    assert page.matching == page.total == len(rows)


@pytest.mark.parametrize(
    "text", ["odegard", "ØDEGAARD", "aase", "ålesund", "baerum", "ola aa", "kurs", "gratis", "x"]
)
def test_every_search_finds_what_the_python_search_found(rows, text: str) -> None:
    terms = tuple(search_key(text).split())
    expected = [r.enrolment_id for r in rows if all(t in r.search_text for t in terms)]
    page = deposit_page(DepositQuery(terms=terms), as_of=DAY)
    assert [r.enrolment_id for r in page.rows] == expected
    assert (page.matching, page.total) == (len(expected), len(rows))


def test_pages_follow_on_and_a_course_counts_its_own(rows) -> None:
    query = DepositQuery(sort="status")
    first, second = (
        deposit_page(query, limit=4, as_of=DAY),
        deposit_page(query, offset=4, limit=10, as_of=DAY),
    )
    assert first.rows + second.rows == deposit_page(query, as_of=DAY).rows
    course = rows[0].course_id
    mine = deposit_page(DepositQuery(course_id=course), as_of=DAY)
    assert mine.rows == [r for r in rows if r.course_id == course]
    assert mine.total == mine.matching == len(mine.rows)
