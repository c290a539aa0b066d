"""The follow-up round trip: sheets per municipality out, filled-in assignments back in.

The stable id on each row is the enrolment id. A row whose id belongs to someone with another
name is refused (the sheet was sorted without the id column, or an id was edited); an
assignment already recorded differently is reported as a conflict and never overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Assignment, Certificate, Course, Enrolment, Municipality, Person
from coursekeeper.domain.dates import format_date
from coursekeeper.domain.text import search_key
from coursekeeper.errors import ValidationError
from coursekeeper.excel.followup import FollowupPerson, FollowupRow, followup_sheet, read_followup
from coursekeeper.excel.writing import ColumnSpec, SheetSpec
from coursekeeper.i18n import tr
from coursekeeper.services import assignments, courses, municipalities

Progress = Callable[[int, int], None]
NO_MUNICIPALITY = "Uten kommune"


def followup_sheets(course_id: int) -> list[SheetSpec]:
    """One sheet per municipality: certified participants, pre-filled with recorded assignments."""
    course = courses.get_course(course_id)
    home = course.municipality.name if course.municipality_id else NO_MUNICIPALITY
    query = (
        Certificate.select(
            Enrolment.id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.birth_date,
            Municipality.name,
            Certificate.number,
        )
        .join(Enrolment)
        .join(Person)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .where((Enrolment.course == course_id) & Certificate.revoked_at.is_null())
        .order_by(Person.last_name, Person.first_name)
        .tuples()
    )
    rows = list(query)
    recorded: dict[tuple[int, str], Assignment] = {}
    for a in (
        Assignment.select(Assignment, Municipality)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .where(Assignment.person.in_([r[1] for r in rows]))
        .order_by(Assignment.start_date)
    ):
        recorded[(a.person_id, a.municipality.name if a.municipality_id else home)] = a  # latest wins
    by_place: dict[str, list[FollowupPerson]] = {}
    for eid, pid, first, last, born, place, number in rows:
        place = place or home
        a = recorded.get((pid, place))
        by_place.setdefault(place, []).append(
            FollowupPerson(
                eid,
                f"{first} {last}",
                born,
                place,
                number,
                a.start_date if a else None,
                a.end_date if a else None,
                a.note if a else "",
            )
        )
    dates = f"{course.start_date:%d.%m.%Y}–{course.end_date:%d.%m.%Y}"
    subtitle = (
        f"{course.title} ({dates}). Fyll inn når oppdraget startet og eventuelt sluttet. "
        "Ikke endre ID eller navn."
    )
    sheets = []
    for place, people in sorted(by_place.items()):
        spec = followup_sheet(f"Oppfølging – {place}", people, subtitle=subtitle)
        spec.name = place
        # The course as the last column: read_followup matches by header, so it is ignored there.
        spec.columns = [*spec.columns, ColumnSpec("Kurs", width=40)]
        spec.rows = [[*row, course.title] for row in spec.rows]
        sheets.append(spec)
    if not sheets:
        sheets.append(followup_sheet("Oppfølging", [], subtitle=f"{course.title}: ingen har kursbevis ennå."))
    return sheets


@dataclass(frozen=True)
class FollowupNote:
    """A refused row or a conflict: Excel row, sheet and a Norwegian message."""

    sheet: str
    row: int
    message: str
    column: str = ""

    def to_dict(self) -> dict[str, object]:
        """For ``--json``."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class FollowupResult:
    """What reading back a follow-up workbook did (or would do, in a dry run)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    empty: int = 0
    refused: list[FollowupNote] = field(default_factory=list)
    conflicts: list[FollowupNote] = field(default_factory=list)
    dry_run: bool = False

    def to_dict(self) -> dict[str, object]:
        """For ``--json``."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "empty": self.empty,
            "refused": [n.to_dict() for n in self.refused],
            "conflicts": [n.to_dict() for n in self.conflicts],
            "dry_run": self.dry_run,
        }

    @property
    def message(self) -> str:
        """One summary in the user's language."""
        counts = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "empty": self.empty,
            "refused": len(self.refused),
            "conflicts": len(self.conflicts),
        }
        if self.dry_run:
            return tr(
                "Ville ha opprettet {created} og oppdatert {updated} oppdrag; {unchanged} uendret, "
                "{empty} rader uten utfylling, {refused} avvist, {conflicts} i konflikt.",
                **counts,
            )
        return tr(
            "Har opprettet {created} og oppdatert {updated} oppdrag; {unchanged} uendret, "
            "{empty} rader uten utfylling, {refused} avvist, {conflicts} i konflikt.",
            **counts,
        )


def _same_name(written: str, stored: str) -> bool:
    """True when the sheet's name is the stored one, in either order (``Nordmann, Ola``)."""
    a = sorted(search_key(written.replace(",", " ")).split())
    return bool(a) and a == sorted(search_key(stored).split())


def apply_followup(
    path: str | Path, *, dry_run: bool = False, today: dt.date | None = None, progress: Progress | None = None
) -> FollowupResult:
    """Read a filled-in follow-up workbook and create or update assignments (one transaction)."""
    rows = read_followup(path, today=today)
    result = FollowupResult(dry_run=dry_run)
    ids = {r.record_id for r in rows if r.record_id is not None}
    enrolled = {
        eid: (pid, f"{first} {last}", place, course_place)
        for eid, pid, first, last, place, course_place in Enrolment.select(
            Enrolment.id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Person.municipality,
            Course.municipality,
        )
        .join(Person)
        .switch(Enrolment)
        .join(Course)
        .where(Enrolment.id.in_(list(ids)) & Person.anonymised_at.is_null())
        .tuples()
    }
    existing: dict[int, list[Assignment]] = {}
    for a in Assignment.select().where(Assignment.person.in_([v[0] for v in enrolled.values()])):
        existing.setdefault(a.person_id, []).append(a)
    seen: dict[int, int] = {}
    with database.atomic():  # a dry run writes nothing; the transaction only keeps a real run whole
        for index, row in enumerate(rows, start=1):
            _apply_row(row, enrolled, existing, seen, result, dry_run)
            if progress is not None:
                progress(index, len(rows))
    return result


def _apply_row(
    row: FollowupRow,
    enrolled: dict[int, tuple[int, str, int | None, int | None]],
    existing: dict[int, list[Assignment]],
    seen: dict[int, int],
    result: FollowupResult,
    dry_run: bool,
) -> None:
    def refuse(message: str, column: str = "") -> None:
        result.refused.append(FollowupNote(row.sheet, row.excel_row, message, column))

    if row.has_errors:
        for issue in row.issues:
            refuse(issue.describe() + " " + tr("Raden er ikke lest inn."), issue.column)
        return
    if row.record_id is None:
        return
    found = enrolled.get(row.record_id)
    if found is None:
        refuse(
            tr(
                "Rad {row}: ID {id} finnes ikke i CourseKeeper. Raden er ikke lest inn.",
                row=row.excel_row,
                id=row.record_id,
            ),
            "ID",
        )
        return
    person_id, stored_name, person_place, course_place = found
    if not _same_name(row.name, stored_name):
        refuse(
            tr(
                "Rad {row}: ID {id} hører til «{stored}», ikke «{name}». "
                "Er arket sortert uten ID-kolonnen, eller er ID-en endret? Raden er ikke lest inn.",
                row=row.excel_row,
                id=row.record_id,
                stored=stored_name,
                name=row.name,
            ),
            "ID",
        )
        return
    if row.record_id in seen:
        refuse(
            tr(
                "Rad {row}: ID {id} står også på rad {other}. Raden er ikke lest inn.",
                row=row.excel_row,
                id=row.record_id,
                other=seen[row.record_id],
            )
        )
        return
    seen[row.record_id] = row.excel_row
    if not row.filled_in:
        result.empty += 1
        return
    place_id = person_place or course_place
    if row.municipality:
        try:
            place_id = municipalities.resolve(row.municipality).id
        except ValidationError as exc:
            refuse(
                tr(
                    "Rad {row}, kolonne «Kommune»: {problem} Raden er ikke lest inn.",
                    row=row.excel_row,
                    problem=exc.message,
                ),
                "Kommune",
            )
            return
    if row.start is None:
        refuse(
            tr("Rad {row}: Oppdrag start mangler, så merknaden er ikke lagret.", row=row.excel_row),
            "Oppdrag start",
        )
        return
    _record(row, person_id, stored_name, place_id, existing.setdefault(person_id, []), result, dry_run)


def _record(
    row: FollowupRow,
    person_id: int,
    name: str,
    place_id: int | None,
    current: list[Assignment],
    result: FollowupResult,
    dry_run: bool,
) -> None:
    """Create, update (fill in an end or a note), leave alone, or report a conflict."""
    same_place = [a for a in current if a.municipality_id == place_id]
    match = next((a for a in same_place if a.start_date == row.start), None)
    if match is not None:
        end_conflict = match.end_date is not None and row.end is not None and match.end_date != row.end
        note_conflict = bool(match.note and row.note and match.note != row.note)
        if end_conflict or note_conflict:
            what = (
                tr(
                    "slutt {stored}, arket sier {sheet}",
                    stored=format_date(match.end_date),
                    sheet=format_date(row.end),
                )
                if end_conflict
                else tr("merknad «{stored}», arket sier «{sheet}»", stored=match.note, sheet=row.note)
            )
            result.conflicts.append(
                FollowupNote(
                    row.sheet,
                    row.excel_row,
                    tr(
                        "Rad {row}: {name} har allerede oppdraget fra {start} med {what}. "
                        "Ikke endret; rett i CourseKeeper hvis arket er riktig.",
                        row=row.excel_row,
                        name=name,
                        start=format_date(match.start_date),
                        what=what,
                    ),
                )
            )
            return
        new_end = match.end_date or row.end
        new_note = match.note or row.note
        if (new_end, new_note) == (match.end_date, match.note):
            result.unchanged += 1
            return
        if not dry_run:
            assignments.update_assignment(
                assignment_id=match.id, start_date=match.start_date, end_date=new_end, note=new_note
            )
        match.end_date, match.note = new_end, new_note
        result.updated += 1
        return
    far_future = dt.date.max
    for a in same_place:
        if a.start_date <= (row.end or far_future) and row.start <= (a.end_date or far_future):
            shown = (
                f"{a.start_date:%d.%m.%Y}–{a.end_date:%d.%m.%Y}"
                if a.end_date
                else tr("fra {start}", start=format_date(a.start_date))
            )
            result.conflicts.append(
                FollowupNote(
                    row.sheet,
                    row.excel_row,
                    tr(
                        "Rad {row}: {name} har allerede et oppdrag {shown}, men arket sier start {start}. "
                        "Ikke endret; rett i CourseKeeper hvis arket er riktig.",
                        row=row.excel_row,
                        name=name,
                        shown=shown,
                        start=format_date(row.start),
                    ),
                )
            )
            return
    if not dry_run:
        # By number: names such as Herøy exist twice.
        number = Municipality.get_by_id(place_id).number if place_id is not None else None
        created = assignments.add_assignment(
            person_id=person_id, start_date=row.start, end_date=row.end, municipality=number, note=row.note
        )
        current.append(created)
    else:
        current.append(
            Assignment(
                person=person_id, municipality=place_id, start_date=row.start, end_date=row.end, note=row.note
            )
        )
    result.created += 1
