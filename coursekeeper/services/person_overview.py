"""Everyone in one list for fast searching, and everything about one person for their page."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Enrolment, Municipality, Person
from coursekeeper.db.raw import as_date
from coursekeeper.domain.text import search_key
from coursekeeper.services import municipalities, permissions
from coursekeeper.services.assignments import AssignmentRow, assignments_of
from coursekeeper.services.certificate_register import CertificateRow, certificate_rows
from coursekeeper.services.deposit_overview import DepositRow, deposit_rows
from coursekeeper.services.deposits import LedgerRow, ledger
from coursekeeper.services.people import (
    PersonFacts,
    listed_people,
    person_not_found,
    person_query,
)


@dataclass(frozen=True)
class PersonListRow(PersonFacts):
    """A person in the people list, with a folded text to search in (never shown)."""

    municipality: str
    courses: int
    search_text: str
    phone_digits: str


@dataclass(frozen=True)
class PersonDetails(PersonFacts):
    """A person's own facts for the top of their page."""

    address: str
    postal_code: str
    city: str
    municipality: str
    municipality_number: str = ""
    version: int = 1  # what a form filled from these facts builds on (DESIGN §8)


@dataclass(frozen=True)
class PersonOverview:
    """Everything on a person's page: enrolments (with deposit status), certificates, money, work."""

    details: PersonDetails
    enrolments: list[DepositRow]
    certificates: list[CertificateRow]
    ledger: list[LedgerRow]
    assignments: list[AssignmentRow]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def _fold_email(email: str) -> str:
    # Same result as search_key for plain ASCII addresses (nearly all), several times faster.
    if email.isascii():
        return email.lower().replace("aa", "a").replace("oe", "o")
    return search_key(email)


def people_directory() -> list[PersonListRow]:
    """Everyone (not anonymised), by last name, with their number of courses; one query.

    The driver's values are read as they come (peewee's per-value conversions cost more than the
    query at 20,000 people); SQLite hands the birth date over as ISO text.
    """
    counts = (
        Enrolment.select(Enrolment.person.alias("person_id"), pw.fn.COUNT(Enrolment.id).alias("n"))
        .group_by(Enrolment.person)
        .alias("counts")
    )
    query = (
        listed_people()
        .select_extend(pw.fn.COALESCE(counts.c.n, 0))
        .join_from(Person, counts, pw.JOIN.LEFT_OUTER, on=(counts.c.person_id == Person.id))
        .order_by(Person.last_name, Person.first_name, Person.id)
    )
    rows = []
    for pid, first, last, born, email, phone, mname, key, courses in database.execute(query):
        born = as_date(born)
        iso = born.isoformat() if born else ""
        email = email or ""
        born_text = f"{iso[8:10]}.{iso[5:7]}.{iso[:4]} {iso}" if iso else ""
        text = " ".join((key or search_key(f"{first} {last}"), email, _fold_email(email), born_text))
        rows.append(
            PersonListRow(
                pid, first, last, born, email, phone or "", mname or "", courses, text, _digits(phone)
            )
        )
    return rows


def search_terms(query: str) -> list[str]:
    """The folded words of a search text (``Ødegård`` → ``odegard``)."""
    return [t for t in search_key(query).split() if t]


def person_matches(row: PersonListRow, terms: list[str]) -> bool:
    """True when every term is in the name, e-mail or birth date, or (as digits) in the phone."""
    for term in terms:
        if term in row.search_text:
            continue
        digits = _digits(term)
        if digits and len(digits) == len(term.lstrip("+")) and digits in row.phone_digits:
            continue
        return False
    return True


def filter_people(rows: list[PersonListRow], query: str) -> list[PersonListRow]:
    """The rows matching ``query`` (all rows for an empty query); pure Python, no database."""
    terms = search_terms(query)
    if not terms:
        return list(rows)
    return [r for r in rows if person_matches(r, terms)]


def _details_query() -> pw.ModelSelect:
    return person_query(
        Person.address,
        Person.postal_code,
        Person.city,
        Municipality.name,
        Municipality.number,
        Person.version,
    )


def _to_details(t: tuple) -> PersonDetails:
    return PersonDetails(
        t[0], t[1], t[2], t[3], t[4] or "", t[5] or "", t[6], t[7], t[8], t[9] or "", t[10] or "", t[11]
    )


def person_details(person_id: int) -> PersonDetails:
    """One person's own facts."""
    t = _details_query().where(Person.id == person_id).tuples().first()
    if t is None:
        raise person_not_found(person_id)
    return _to_details(t)


def people_details(person_ids: set[int]) -> list[PersonDetails]:
    """The own facts of these people, by id (one query)."""
    if not person_ids:
        return []
    query = _details_query().where(Person.id.in_(sorted(person_ids))).order_by(Person.id)
    return [_to_details(t) for t in query.tuples()]


def municipality_choice(details: PersonDetails) -> str:
    """The municipality as the municipality fields list it: ``Herøy (Nordland)`` where a name repeats."""
    if not details.municipality_number:
        return details.municipality
    names = municipalities.all_names()
    if details.municipality in names:
        return details.municipality
    info = municipalities.registry().by_number(details.municipality_number)
    return info.display if info else details.municipality


def person_overview(person_id: int, *, as_of: dt.date | None = None) -> PersonOverview:
    """Everything about one person, with deposit statuses as of a date (default today).

    A role that may not read the ledger or the certificate register (screening) gets the person
    without them, rather than a refusal.
    """
    allowed = permissions.current()
    money = allowed.can_see_money
    return PersonOverview(
        person_details(person_id),
        deposit_rows(person_id=person_id, as_of=as_of, money=money),
        certificate_rows(person_id=person_id) if allowed.can_see_certificates else [],
        ledger(person_id=person_id) if money else [],
        assignments_of(person_id),
    )
