"""People: create, edit, find (æøå-aware), and match against existing records."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Municipality, Person
from coursekeeper.domain.identity_numbers import is_identity_number
from coursekeeper.domain.text import normalise_name, search_key
from coursekeeper.errors import NotFoundError, ValidationError
from coursekeeper.services import audit, municipalities
from coursekeeper.services.versions import check_version

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class PersonInput:
    """A person as entered; no identity number is ever accepted."""

    first_name: str
    last_name: str
    birth_date: dt.date | None = None
    email: str | None = None
    phone: str | None = None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    municipality: str | None = None
    version: int | None = None  # the version the form was filled from; None: do not check


@dataclass(frozen=True)
class PersonFacts:
    """Who a person is, as every person row starts (``person_query`` selects these first)."""

    id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    email: str
    phone: str

    @property
    def full_name(self) -> str:
        """``Fornavn Etternavn``."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class PersonRow(PersonFacts):
    """A person for lists and search results."""

    municipality: str


def person_not_found(person_id: int) -> NotFoundError:
    """The error for an unknown person id (Norwegian, for the user)."""
    return NotFoundError(f"Fant ikke person med id {person_id}.")


def get_person(person_id: int) -> Person:
    """The person with this id; NotFoundError in Norwegian otherwise."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise person_not_found(person_id)
    return person


def person_key(first_name: str, last_name: str) -> str:
    """The folded search key stored with each person (``Ødegård`` finds ``Odegaard``)."""
    return search_key(f"{first_name} {last_name}")


def _clean(data: PersonInput) -> PersonInput:
    first, last = normalise_name(data.first_name), normalise_name(data.last_name)
    if not first or not last:
        raise ValidationError("Både fornavn og etternavn må fylles ut.")
    email = (data.email or "").strip().lower() or None
    if email and not _EMAIL.match(email):
        raise ValidationError(f"Ugyldig e-postadresse: «{data.email}».")
    for label, value in (("telefon", data.phone), ("adresse", data.address)):
        if value and is_identity_number(re.sub(r"\s", "", value)):
            raise ValidationError(
                f"Feltet {label} ser ut til å inneholde et fødselsnummer. Fødselsnummer skal ikke lagres."
            )
    if data.birth_date and not dt.date(1900, 1, 1) <= data.birth_date <= dt.date.today():
        raise ValidationError(f"Fødselsdatoen {data.birth_date:%d.%m.%Y} er ikke mulig.")
    return PersonInput(
        first,
        last,
        data.birth_date,
        email,
        (data.phone or "").strip() or None,
        normalise_name(data.address),
        data.postal_code.strip(),
        normalise_name(data.city),
        data.municipality,
    )


def _apply(person: Person, data: PersonInput) -> None:
    clean = _clean(data)
    person.first_name, person.last_name = clean.first_name, clean.last_name
    person.birth_date, person.email, person.phone = clean.birth_date, clean.email, clean.phone
    person.address, person.postal_code, person.city = clean.address, clean.postal_code, clean.city
    person.municipality = municipalities.resolve_optional(clean.municipality)
    person.search_key = person_key(clean.first_name, clean.last_name)
    person.save()


def create_person(data: PersonInput) -> Person:
    """Create a person."""
    with database.atomic():
        person = Person()
        _apply(person, data)
        audit.record("create", "person", person.id, after=audit.snapshot(person))
    return person


def update_person(person_id: int, data: PersonInput) -> Person:
    """Change a person's details."""
    with database.atomic():
        check_version(Person, person_id, data.version, "person")
        person = get_person(person_id)
        before = audit.snapshot(person)
        _apply(person, data)
        audit.record("update", "person", person.id, before=before, after=audit.snapshot(person))
    return person


def find_match(
    *, email: str | None, first_name: str, last_name: str, birth_date: dt.date | None
) -> Person | None:
    """An existing person with the same e-mail, or the same name and birth date."""
    if email:
        found = Person.get_or_none(Person.email == email.strip().lower())
        if found:
            return found
    if birth_date:
        key = person_key(normalise_name(first_name), normalise_name(last_name))
        return Person.get_or_none((Person.search_key == key) & (Person.birth_date == birth_date))
    return None


def person_query(*more: pw.Node) -> pw.ModelSelect:
    """Select the ``PersonFacts`` columns, then ``more`` (the municipality is joined, may be NULL)."""
    return Person.select(
        Person.id, Person.first_name, Person.last_name, Person.birth_date, Person.email, Person.phone, *more
    ).join(Municipality, pw.JOIN.LEFT_OUTER)


def listed_people() -> pw.ModelSelect:
    """Everyone not anonymised: the facts, the municipality's name and the folded search key."""
    return person_query(Municipality.name, Person.search_key).where(Person.anonymised_at.is_null())


def _to_row(t: tuple) -> PersonRow:
    return PersonRow(t[0], t[1], t[2], t[3], t[4] or "", t[5] or "", t[6] or "")


def search_people(query: str = "", *, limit: int | None = None) -> list[PersonRow]:
    """People whose name, e-mail, phone or birth date matches ``query`` (æøå/aa folded).

    Matching is done in Python on the stored folded key, because SQLite's LIKE folds ASCII only.
    """
    rows = listed_people().order_by(Person.last_name, Person.first_name).tuples()
    terms = [t for t in search_key(query).split() if t]
    result = []
    for t in rows:
        if terms:
            digits_phone = re.sub(r"\D", "", t[5] or "")
            haystack = " ".join((t[7], (t[4] or ""), digits_phone, t[3].strftime("%d.%m.%Y") if t[3] else ""))
            if not all(term in haystack or term.replace(" ", "") in digits_phone for term in terms):
                continue
        result.append(_to_row(t))
        if limit and len(result) >= limit:
            break
    return result


def person_row(person_id: int) -> PersonRow:
    """One person as a display row."""
    t = listed_people().where(Person.id == person_id).tuples().first()
    if t is None:
        raise person_not_found(person_id)
    return _to_row(t)
