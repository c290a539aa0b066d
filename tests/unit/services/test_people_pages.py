"""«Alle personer» read a page at a time: searched (the matches the list found in Python before),
sorted in the columns' order, and counted by the database."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.domain.text import norwegian_sort_key as nb
from coursekeeper.domain.text import search_key
from coursekeeper.services import courses, enrolments, people
from coursekeeper.services.people_pages import SORTS, PeopleQuery, people_page

PEOPLE = [
    ("Åse", "Ødegård", dt.date(1990, 5, 17), "ase.odegard@example.no", "+47 912 34 567", "Ålesund"),
    ("Ola", "Aamodt", dt.date(1979, 12, 24), "Ola.Aamodt@Example.no", "41 22 33 44", "Bærum"),
    ("kari", "Nordmann", None, None, None, None),
    ("Æsa", "Øverland", dt.date(2001, 1, 2), "æsa@øverland.no", "22 33 44 55", "Ørsta"),
    ("Per", "Berg", dt.date(1990, 5, 18), "per@berg.no", None, "Bærum"),
    ("André", "Zahl", None, "andre@zahl.no", "+47 480 00 000", None),
    ("Ola", "Ødegaard", dt.date(1985, 3, 3), None, "912 00 111", "Oslo"),
]

PY_KEYS = {
    "last_name": lambda r: nb(r.last_name),
    "first_name": lambda r: nb(r.first_name),
    "birth_date": lambda r: r.birth_date or dt.date.min,
    "phone": lambda r: r.phone_digits,
    "municipality": lambda r: nb(r.municipality),
    "courses": lambda r: r.courses,
}


@pytest.fixture
def rows(db) -> list:
    """Seven people with and without birth date, e-mail, phone and municipality; 0–2 courses each."""
    course_ids = [
        courses.create_course(
            courses.CourseInput(
                title=title, sessions=[courses.SessionInput(dt.date(2026, 3, 2), "09:00", "15:00")]
            )
        ).id
        for title in ("Kurs A", "Kurs B")
    ]
    for i, (first, last, born, email, phone, place) in enumerate(PEOPLE):
        person = people.create_person(people.PersonInput(first, last, born, email, phone, municipality=place))
        for course_id in course_ids[: i % 3]:
            enrolments.enrol(course_id=course_id, person_id=person.id)
    return people_page(PeopleQuery()).rows


def _ids(found) -> list[int]:
    return [r.id for r in found]


# What the list's search in Python found on these people (before the database searched).
FOUND = {
    "": [
        "André Zahl",
        "Kari Nordmann",
        "Ola Aamodt",
        "Ola Ødegaard",
        "Per Berg",
        "Åse Ødegård",
        "Æsa Øverland",
    ],
    "odegard": ["Ola Ødegaard", "Åse Ødegård"],
    "ØDEGÅRD": ["Ola Ødegaard", "Åse Ødegård"],
    "aase": ["Åse Ødegård"],
    "ola": ["Ola Aamodt", "Ola Ødegaard"],
    "ola 1990": [],
    "example.no": ["Ola Aamodt", "Åse Ødegård"],
    "ola.aamodt@": ["Ola Aamodt"],
    "17.05": ["Åse Ødegård"],
    "1990-05": ["Per Berg", "Åse Ødegård"],
    "24.12.1979": ["Ola Aamodt"],
    "912 34": ["Åse Ødegård"],
    "+47 912": ["Ola Ødegaard", "Åse Ødegård"],
    "912": ["Ola Ødegaard", "Åse Ødegård"],
    "aesa": ["Æsa Øverland"],
    "overland.no": ["Æsa Øverland"],
    "bærum": [],
    "ingen slik": [],
    "per berg": ["Per Berg"],
}


@pytest.mark.parametrize("text", list(FOUND))
def test_every_search_finds_what_the_python_search_found(rows, text: str) -> None:
    page = people_page(PeopleQuery(tuple(search_key(text).split())))
    assert sorted(r.full_name for r in page.rows) == FOUND[text]
    assert (page.matching, page.total) == (len(FOUND[text]), 7)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", [None, *PY_KEYS])
def test_every_order_is_the_order_of_the_column(rows, sort: str | None, descending: bool) -> None:
    found = people_page(PeopleQuery(sort=sort, descending=descending)).rows
    if sort is None:  # last name, first name
        assert [r.last_name for r in found][:3] == ["Aamodt", "Berg", "Nordmann"]
        return
    keys = [PY_KEYS[sort](r) for r in found]
    assert keys == sorted(keys, reverse=descending)
    assert sorted(_ids(found)) == sorted(_ids(rows))


def test_e_mail_order_and_every_column_can_be_sorted(rows) -> None:
    assert set(SORTS) == {*PY_KEYS, "email"}
    emails = [r.email.lower() for r in people_page(PeopleQuery(sort="email")).rows]
    assert emails[:2] == ["", ""] and emails[2:] == sorted(emails[2:])


def test_pages_follow_on_and_one_person_can_be_left_out(rows) -> None:
    first = people_page(PeopleQuery(), limit=3)
    rest = people_page(PeopleQuery(), offset=3)
    assert _ids(first.rows) + _ids(rest.rows) == _ids(rows)
    assert (first.offset, rest.offset, rest.total) == (0, 3, 7)
    others = people_page(PeopleQuery(leave_out=rows[0].id))
    assert _ids(others.rows) == _ids(rows[1:])
    assert others.total == 6
    counts = {r.id: r.courses for r in rows}
    assert {r.id: r.courses for r in people_page(PeopleQuery()).rows} == counts
