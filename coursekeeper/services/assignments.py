"""Service assignments (oppdrag) as training contact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Assignment, Municipality, Person
from coursekeeper.domain.dates import format_date
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.errors import NotFoundError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, municipalities
from coursekeeper.services.locks import lock_row
from coursekeeper.services.people import get_person
from coursekeeper.services.versions import check_version
from coursekeeper.services.waiting_list import person_name


@dataclass(frozen=True)
class AssignmentRow:
    """An assignment for display."""

    id: int
    person_id: int
    municipality: str
    start_date: dt.date
    end_date: dt.date | None
    note: str
    version: int = 1  # what a form filled from this row builds on (DESIGN §8)


def _check_dates(start: dt.date, end: dt.date | None) -> None:
    if end is not None and end < start:
        raise ValidationError(
            tr(
                "Oppdraget kan ikke slutte ({end}) før det starter ({start}).",
                end=format_date(end),
                start=format_date(start),
            )
        )


def add_assignment(
    *,
    person_id: int,
    start_date: dt.date,
    end_date: dt.date | None = None,
    municipality: str | None = None,
    note: str = "",
) -> Assignment:
    """Record an assignment for a person; the same one twice (place and start) is refused.

    The person's row is locked first, so two staff registering the same assignment at once make
    one, and the second is told it exists.
    """
    _check_dates(start_date, end_date)
    refuse_identity_numbers(note, tr("Merknad"))
    with database.atomic():
        lock_row(Person, person_id)
        person = get_person(person_id)
        place = municipalities.resolve_optional(municipality)
        same = Assignment.select().where(
            (Assignment.person == person)
            & (Assignment.start_date == start_date)
            & (Assignment.municipality.is_null() if place is None else Assignment.municipality == place)
        )
        if same.exists():
            raise RuleError(
                tr(
                    "{name} har allerede et oppdrag{where} fra {start}. Ingenting er lagret.",
                    name=person_name(person),
                    where=tr(" i {kommune}", kommune=place.name) if place is not None else "",
                    start=format_date(start_date),
                )
            )
        row = Assignment.create(
            person=person,
            start_date=start_date,
            end_date=end_date,
            note=note.strip(),
            municipality=place,
        )
        audit.record("create", "assignment", row.id, after=audit.snapshot(row))
    return row


def update_assignment(
    *,
    assignment_id: int,
    start_date: dt.date,
    end_date: dt.date | None,
    note: str | None = None,
    based_on: int | None = None,
) -> Assignment:
    """Change an assignment's dates (and note); ``based_on``: the version the form was filled from."""
    refuse_identity_numbers(note, tr("Merknad"))
    _check_dates(start_date, end_date)
    with database.atomic():
        check_version(Assignment, assignment_id, based_on, "assignment")
        row = Assignment.get_or_none(Assignment.id == assignment_id)
        if row is None:
            raise NotFoundError(tr("Fant ikke oppdrag med id {id}.", id=assignment_id))
        before = audit.snapshot(row)
        row.start_date, row.end_date = start_date, end_date
        if note is not None:
            row.note = note.strip()
        row.save()
        audit.record("update", "assignment", row.id, before=before, after=audit.snapshot(row))
    return row


def end_assignment(*, assignment_id: int, end_date: dt.date, based_on: int | None = None) -> Assignment:
    """Set the end date of a running assignment; ``based_on``: the version the user saw."""
    row = Assignment.get_or_none(Assignment.id == assignment_id)
    if row is None:
        raise NotFoundError(tr("Fant ikke oppdrag med id {id}.", id=assignment_id))
    return update_assignment(
        assignment_id=assignment_id, start_date=row.start_date, end_date=end_date, based_on=based_on
    )


def _rows(*where: pw.Expression) -> list[AssignmentRow]:
    query = (
        Assignment.select(Assignment, Municipality.name.alias("mname"))
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .where(*where)
        .order_by(Assignment.start_date.desc())
        .objects()
    )
    return [
        AssignmentRow(a.id, a.person_id, a.mname or "", a.start_date, a.end_date, a.note, a.version)
        for a in query
    ]


def assignments_of(person_id: int) -> list[AssignmentRow]:
    """A person's assignments, newest first."""
    return _rows(Assignment.person == person_id)


def assignment_row(assignment_id: int) -> AssignmentRow:
    """One assignment as stored now (a form reloads it after someone else saved)."""
    rows = _rows(Assignment.id == assignment_id)
    if not rows:
        raise NotFoundError(tr("Fant ikke oppdrag med id {id}.", id=assignment_id))
    return rows[0]
