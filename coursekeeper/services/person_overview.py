"""The people list's rows (read a page at a time by ``people_pages``), and everything about one person."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.models import Municipality, Person
from coursekeeper.db.raw import as_date
from coursekeeper.services import municipalities, permissions
from coursekeeper.services.assignments import AssignmentRow, assignments_of
from coursekeeper.services.certificate_register import CertificateRow, certificate_rows
from coursekeeper.services.deposit_overview import DepositRow, deposit_rows
from coursekeeper.services.deposits import LedgerRow, ledger
from coursekeeper.services.people import (
    PersonFacts,
    person_not_found,
    person_query,
)


@dataclass(frozen=True)
class PersonListRow(PersonFacts):
    """A person in the people list, with the phone's digits (its sort key)."""

    municipality: str
    courses: int
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


def digits_of(text: str | None) -> str:
    """The digits of a text (a phone number as the search compares it)."""
    return re.sub(r"\D", "", text or "")


def list_row(values: tuple) -> PersonListRow:
    """A list row from the driver's values: ``listed_people``'s columns, then the number of courses."""
    pid, first, last, born, email, phone, mname, _key, courses = values
    return PersonListRow(
        pid, first, last, as_date(born), email or "", phone or "", mname or "", courses, digits_of(phone)
    )


def phone_term(term: str) -> str:
    """The digits of a search word that is a phone number («912», «+47»); empty for any other word."""
    digits = digits_of(term)
    return digits if digits and len(digits) == len(term.lstrip("+")) else ""


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
