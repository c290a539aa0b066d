"""People: create, edit, find (æøå-aware), and match against existing records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import peewee as pw

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import Municipality, Person
from coursekeeper.domain.identity_numbers import contains_identity_number
from coursekeeper.domain.text import normalise_name, search_key
from coursekeeper.errors import CourseKeeperError, NotFoundError, ValidationError
from coursekeeper.excel import cells
from coursekeeper.i18n import tr
from coursekeeper.services import audit, municipalities
from coursekeeper.services.versions import check_version

T = TypeVar("T")

#: The person's own fields, in the order a form shows them.
PERSON_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "email",
    "phone",
    "address",
    "postal_code",
    "city",
    "municipality",
)
#: What an edit of a person writes (the version besides): never when they were created or anonymised.
EDITED_FIELDS = (*PERSON_FIELDS, "search_key")


@dataclass
class PersonInput:
    """A person as entered; ``birth_date`` may be typed text. No identity number is ever accepted."""

    first_name: str
    last_name: str
    birth_date: dt.date | str | None = None
    email: str | None = None
    phone: str | None = None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    municipality: str | None = None
    version: int | None = None  # the version the form was filled from; None: do not check


class PersonFieldsError(ValidationError):
    """Fields of a person that cannot be saved: ``fields`` maps a field name to its sentence."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__(" ".join(fields.values()))
        self.fields = fields


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
    return NotFoundError(tr("Fant ikke person med id {id}.", id=person_id))


def get_person(person_id: int) -> Person:
    """The person with this id; NotFoundError in Norwegian otherwise."""
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise person_not_found(person_id)
    return person


def person_key(first_name: str, last_name: str) -> str:
    """The folded search key stored with each person (``Ødegård`` finds ``Odegaard``)."""
    return search_key(f"{first_name} {last_name}")


def _identity_refusal(field: str) -> str:
    labels = {
        "first_name": tr("Fornavnet"),
        "last_name": tr("Etternavnet"),
        "birth_date": tr("Fødselsdatoen"),
        "email": tr("E-postadressen"),
        "phone": tr("Telefonnummeret"),
        "address": tr("Adressen"),
        "postal_code": tr("Postnummeret"),
        "city": tr("Poststedet"),
        "municipality": tr("Kommunen"),
    }
    return tr(
        "{felt} ser ut til å inneholde et fødselsnummer. Fødselsnummer skal ikke lagres; "
        "skriv bare fødselsdatoen.",
        felt=labels[field],
    )


def _parse_cell(parse: Callable[[Any], T], value: object, refusal: Callable[[str], str]) -> T:
    """``parse(value)`` as an import parses a cell; its refusal as ValueError(refusal(«value»))."""
    try:
        return parse(value)
    except cells.CellValueError:
        raise ValueError(refusal(cells.shown(value))) from None


def _birth_date(value: dt.date | str | None) -> dt.date | None:
    day = _parse_cell(
        cells.parse_date_cell,
        value,
        lambda v: tr(
            "{verdi} er ikke en dato. Skriv fødselsdatoen som dd.mm.åååå, for eksempel 09.04.1985.", verdi=v
        ),
    )
    if day is None:
        return None
    if day > dt.date.today():
        raise ValueError(tr("Fødselsdatoen {dato} ligger fram i tid.", dato=f"{day:%d.%m.%Y}"))
    if day.year < 1900:
        raise ValueError(tr("Fødselsdatoen {dato} er før 1900.", dato=f"{day:%d.%m.%Y}"))
    return day


def _email(value: str | None) -> str | None:
    address, several = _parse_cell(
        cells.parse_email,
        value,
        lambda v: tr("{verdi} er ikke en gyldig e-postadresse. Skriv for eksempel ola@eksempel.no.", verdi=v),
    )
    if several:
        raise ValueError(tr("Skriv bare én e-postadresse."))
    return address


def _phone(value: str | None) -> str | None:
    return _parse_cell(
        cells.parse_phone,
        value,
        lambda v: tr("Telefonnummeret {verdi} ser ikke riktig ut. Skriv for eksempel 912 34 567.", verdi=v),
    )


def _postal_code(value: str) -> str:
    return _parse_cell(
        cells.parse_postal_code,
        value,
        lambda v: tr("{verdi} er ikke et postnummer. Skriv fire sifre, for eksempel 5003.", verdi=v),
    )


def _municipality(value: str | None) -> str | None:
    text = normalise_name(value or "")
    if not text:
        return None
    registry = municipalities.registry()
    try:
        return registry.resolve(text).number
    except CourseKeeperError:
        same_name = [m.display for m in registry.items if search_key(m.name) == search_key(text)]
        if same_name:
            raise ValueError(
                tr(
                    "Det finnes flere kommuner som heter {verdi}. Velg en av: {valg}.",
                    verdi=cells.shown(text),
                    valg=", ".join(same_name),
                )
            ) from None
        raise ValueError(
            tr("Fant ingen kommune som heter {verdi}. Velg en kommune fra listen.", verdi=cells.shown(text))
        ) from None


def clean_person(data: PersonInput) -> PersonInput:
    """The input checked field by field as an import checks a row; PersonFieldsError lists what is wrong."""
    errors: dict[str, str] = {}
    raw = {name: getattr(data, name) for name in PERSON_FIELDS}
    for name, value in raw.items():
        if isinstance(value, str) and contains_identity_number(value):
            errors[name] = _identity_refusal(name)
    first, last = cells.clean_name(data.first_name), cells.clean_name(data.last_name)
    if not first:
        errors.setdefault("first_name", tr("Skriv fornavnet."))
    if not last:
        errors.setdefault("last_name", tr("Skriv etternavnet."))
    parsed: dict[str, object] = {}
    for name, parse in (
        ("birth_date", _birth_date),
        ("email", _email),
        ("phone", _phone),
        ("postal_code", _postal_code),
        ("municipality", _municipality),
    ):
        if name in errors:
            continue
        try:
            parsed[name] = parse(raw[name])
        except ValueError as exc:
            errors[name] = str(exc)
    if errors:
        raise PersonFieldsError({name: errors[name] for name in PERSON_FIELDS if name in errors})
    return PersonInput(
        first,
        last,
        parsed["birth_date"],  # type: ignore[arg-type]
        parsed["email"],  # type: ignore[arg-type]
        parsed["phone"],  # type: ignore[arg-type]
        normalise_name(data.address),
        parsed["postal_code"],  # type: ignore[arg-type]
        normalise_name(data.city),
        parsed["municipality"],  # type: ignore[arg-type]
    )


def _apply(person: Person, data: PersonInput) -> None:
    clean = clean_person(data)
    person.first_name, person.last_name = clean.first_name, clean.last_name
    person.birth_date, person.email, person.phone = clean.birth_date, clean.email, clean.phone
    person.address, person.postal_code, person.city = clean.address, clean.postal_code, clean.city
    person.municipality = municipalities.resolve_optional(clean.municipality)
    person.search_key = person_key(clean.first_name, clean.last_name)
    _save_edit(person)


def _save_edit(person: Person) -> None:
    """Insert a new person whole; an edit writes only the columns a form edits (and the version)."""
    person.save(only=None if person.id is None else [Person._meta.fields[n] for n in EDITED_FIELDS])


def create_person(data: PersonInput) -> Person:
    """Create a person."""
    with database.atomic():
        person = Person()
        _apply(person, data)
        audit.record("create", "person", person.id, after=audit.snapshot(person))
    return person


def update_person(person_id: int, data: PersonInput) -> Person:
    """Change a person's details; refused when ``data.version`` (what the form showed) is no longer stored."""
    with database.atomic():
        person = _locked_person(person_id)
        check_version(Person, person_id, data.version, "person", locked=person)
        before = audit.snapshot(person)
        _apply(person, data)
        audit.record("update", "person", person.id, before=before, after=audit.snapshot(person))
    return person


def _locked_person(person_id: int) -> Person:
    """The person, read and locked in one statement (PostgreSQL), so two saves of one person take turns."""
    query = Person.select().where(Person.id == person_id)
    person = (query.for_update() if database.for_update else query).first()
    if person is None:
        raise person_not_found(person_id)
    return person


def lock_people(*person_ids: int) -> None:
    """Hold these rows until the transaction ends (PostgreSQL), so two saves of one person take turns."""
    if not is_sqlite(database):
        list(Person.select(Person.id).where(Person.id.in_(person_ids)).order_by(Person.id).for_update())


def swap_names(person_id: int, *, based_on: int | None = None) -> Person:
    """Swap first and last name (an imported «Johansen Mats»), in one step, audit-logged.

    ``based_on``: the version the user saw, so a colleague's swap is not undone by a second one.
    """
    with database.atomic():
        check_version(Person, person_id, based_on, "person")
        person = get_person(person_id)
        before = audit.snapshot(person)
        person.first_name, person.last_name = person.last_name, person.first_name
        person.search_key = person_key(person.first_name, person.last_name)
        _save_edit(person)
        audit.record("swap_names", "person", person.id, before=before, after=audit.snapshot(person))
    return person


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
