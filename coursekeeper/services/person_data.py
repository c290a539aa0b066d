"""Everything stored about one person, gathered for an access request (innsyn, GDPR art. 15).

One read gathers the person, their enrolments, screenings with notes, attendance, certificates,
ledger entries, assignments and every audit entry about any of those rows (which includes who
opened their screening notes). ``write_access_export`` turns it into the two files the person is
given: a JSON file with every stored value and a PDF that says in plain words what is stored,
why and since when.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playhouse.shortcuts import model_to_dict

from coursekeeper.db.connection import database
from coursekeeper.db.models import (
    Assignment,
    Attendance,
    AuditLog,
    Certificate,
    Course,
    CourseSession,
    Enrolment,
    LedgerEntry,
    Municipality,
    Person,
    Screening,
)
from coursekeeper.errors import NotFoundError
from coursekeeper.i18n import tr
from coursekeeper.services import audit


@dataclass
class PersonRecord:
    """Every stored row about one person, as plain dicts (values as stored, dates as ISO text)."""

    person: dict
    enrolments: list[dict] = field(default_factory=list)
    screenings: list[dict] = field(default_factory=list)
    attendance: list[dict] = field(default_factory=list)
    certificates: list[dict] = field(default_factory=list)
    ledger: list[dict] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)
    audit: list[dict] = field(default_factory=list)

    @property
    def ids(self) -> dict[str, set[int]]:
        """The ids of the person's rows per audit entity."""
        return {
            "person": {self.person["id"]},
            "enrolment": {e["id"] for e in self.enrolments},
            "screening": {s["id"] for s in self.screenings},
            "attendance": {a["id"] for a in self.attendance},
            "certificate": {c["id"] for c in self.certificates},
            "ledger_entry": {e["id"] for e in self.ledger},
            "assignment": {a["id"] for a in self.assignments},
        }

    def as_json(self) -> dict:
        """The machine-readable export: one object with a list per kind of row."""
        return {
            "format": "coursekeeper-innsyn-1",
            "person": self.person,
            "enrolments": self.enrolments,
            "screenings": self.screenings,
            "attendance": self.attendance,
            "certificates": self.certificates,
            "ledger_entries": self.ledger,
            "assignments": self.assignments,
            "audit_log": self.audit,
        }


def _row(instance: object) -> dict:
    data = model_to_dict(instance, recurse=False)
    return {key: audit.plain_value(value) for key, value in data.items()}


def collect(person_id: int) -> PersonRecord:
    """Everything stored about the person (NotFoundError in Norwegian when there is no such person)."""
    with database.atomic():
        person = Person.get_or_none(Person.id == person_id)
        if person is None:
            raise NotFoundError(tr("Fant ikke person med id {id}.", id=person_id))
        record = PersonRecord(_row(person))
        if person.municipality_id:
            record.person["municipality_name"] = Municipality.get_by_id(person.municipality_id).name
        courses = {
            c.id: c for c in Course.select().join(Enrolment).where(Enrolment.person == person_id).distinct()
        }
        for enrolment in Enrolment.select().where(Enrolment.person == person_id).order_by(Enrolment.id):
            row = _row(enrolment)
            course = courses[enrolment.course_id]
            row["course_title"] = course.title
            row["course_start"] = course.start_date.isoformat()
            row["course_end"] = course.end_date.isoformat()
            record.enrolments.append(row)
        enrolment_ids = [e["id"] for e in record.enrolments]
        if enrolment_ids:
            record.screenings = [
                _row(s) for s in Screening.select().where(Screening.enrolment.in_(enrolment_ids))
            ]
            sessions = dict(CourseSession.select(CourseSession.id, CourseSession.date).tuples())
            for attended in Attendance.select().where(Attendance.enrolment.in_(enrolment_ids)):
                row = _row(attended)
                row["session_date"] = sessions[attended.session_id].isoformat()
                record.attendance.append(row)
            record.certificates = [
                _row(c) for c in Certificate.select().where(Certificate.enrolment.in_(enrolment_ids))
            ]
            record.ledger = [
                _row(e)
                for e in LedgerEntry.select()
                .where(LedgerEntry.enrolment.in_(enrolment_ids))
                .order_by(LedgerEntry.id)
            ]
        record.assignments = [_row(a) for a in Assignment.select().where(Assignment.person == person_id)]
        record.audit = [_row(entry) for entry in audit_entries(record.ids)]
    return record


def audit_entries(ids: dict[str, set[int]]) -> list[AuditLog]:
    """Every audit entry about one of these rows, oldest first."""
    condition = None
    for entity, wanted in ids.items():
        if not wanted:
            continue
        part = (AuditLog.entity == entity) & AuditLog.entity_id.in_(sorted(wanted))
        condition = part if condition is None else condition | part
    if condition is None:
        return []
    return list(AuditLog.select().where(condition).order_by(AuditLog.id))


@dataclass(frozen=True)
class AccessExport:
    """The two files an access request produces."""

    json_path: Path
    pdf_path: Path
    name: str

    @property
    def message(self) -> str:
        """One sentence for the user."""
        return tr(
            "Innsyn for {name} er lagret: «{pdf}» (til personen) og «{json}» (alle lagrede verdier).",
            name=self.name,
            pdf=self.pdf_path.name,
            json=self.json_path.name,
        )


def write_access_export(
    person_id: int, *, out: str | Path, progress: Callable[[int, int], None] | None = None
) -> AccessExport:
    """Write ``out`` (.pdf or .json; the other file beside it with the same name) for one person."""
    from coursekeeper.printing.access_report import write_access_report
    from coursekeeper.services.access_report_rows import access_report
    from coursekeeper.services.printouts import fonts_dir, own_profile

    base = Path(out)
    base = base.with_suffix("") if base.suffix.lower() in (".pdf", ".json") else base
    json_path, pdf_path = base.with_name(base.name + ".json"), base.with_name(base.name + ".pdf")
    record = collect(person_id)
    if progress:
        progress(0, 2)
    text = json.dumps(record.as_json(), ensure_ascii=False, indent=2, default=str)
    from coursekeeper.printing.batch import atomic_output

    with atomic_output(json_path) as temporary:
        temporary.write_text(text, encoding="utf-8")
    if progress:
        progress(1, 2)
    write_access_report(access_report(record, own_profile()), pdf_path, fonts_dir=fonts_dir())
    if progress:
        progress(2, 2)
    with database.atomic():
        audit.record("access_export", "person", person_id, after={"files": [json_path.name, pdf_path.name]})
    name = f"{record.person['first_name']} {record.person['last_name']}"
    return AccessExport(json_path, pdf_path, name)


@dataclass(frozen=True)
class NotesOpened:
    """One time someone opened a person's screening notes."""

    at: dt.datetime
    actor: str
    course_title: str


def screening_notes_opened(person_id: int) -> list[NotesOpened]:
    """Who opened the person's screening notes and when, newest first (DESIGN §6)."""
    screenings = dict(
        Screening.select(Screening.id, Course.title)
        .join(Enrolment)
        .join(Course)
        .where(Enrolment.person == person_id)
        .tuples()
    )
    if not screenings:
        return []
    entries = (
        AuditLog.select(AuditLog.at, AuditLog.actor, AuditLog.entity_id)
        .where(
            (AuditLog.action == "screening_view")
            & (AuditLog.entity == "screening")
            & AuditLog.entity_id.in_(sorted(screenings))
        )
        .order_by(AuditLog.id.desc())
        .tuples()
    )
    return [NotesOpened(at, actor, screenings[sid]) for at, actor, sid in entries]
