"""Course workbooks for finance and municipalities: formatted, formula-safe xlsx via excel.writing.

Default exports never hold screening notes (DESIGN §6); the screening outcome may be listed.
Phones are written in display form (``912 34 567``) as text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from coursekeeper.db.models import Certificate, Enrolment, Person
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.errors import ValidationError
from coursekeeper.excel.writing import ColumnSpec, SheetSpec, write_workbook
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import courses, deposits, refunds
from coursekeeper.services.course_overview import attendance_sheet
from coursekeeper.services.export_rows import PARTICIPANT_COLUMNS, participant_rows
from coursekeeper.services.followup import followup_sheets
from coursekeeper.services.phone_display import display_phone

Progress = Callable[[int, int], None]


class ExportKind(StrEnum):
    """What can be exported; the values are the command-line KIND names."""

    PARTICIPANTS = "participants"
    ATTENDANCE = "attendance"
    DEPOSITS = "deposits"
    REFUNDS = "refunds"
    CERTIFICATES = "certificates"
    FOLLOWUP = "followup"

    @property
    def label(self) -> str:
        """Norwegian name used in titles and file names."""
        return {
            ExportKind.PARTICIPANTS: "Deltakerliste",
            ExportKind.ATTENDANCE: "Oppmøte",
            ExportKind.DEPOSITS: "Egenandeler",
            ExportKind.REFUNDS: "Tilbakebetalinger",
            ExportKind.CERTIFICATES: "Kursbevisregister",
            ExportKind.FOLLOWUP: "Oppfølging",
        }[self]


@dataclass(frozen=True)
class ExportResult:
    """Where the workbook went and how many data rows it holds."""

    path: Path
    kind: ExportKind
    rows: int
    sheets: int

    @property
    def message(self) -> str:
        """One sentence for the user, in the chosen language."""
        return tr_n(
            "{kind}: {n} rad på {sheets} ark lagret i «{path}».",
            "{kind}: {n} rader på {sheets} ark lagret i «{path}».",
            self.rows,
            kind=self.kind.label,
            sheets=self.sheets,
            path=self.path,
        )


def suggested_file_name(kind: str, course_id: int) -> str:
    """``Deltakerliste – <kurs>.xlsx``, safe as a Windows file name."""
    title = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", courses.get_course(course_id).title)
    title = re.sub(r"\s+", " ", title).strip(" .")[:80].strip()
    label = ExportKind(kind).label
    return f"{label} – {title}.xlsx" if title else f"{label}.xlsx"


def _write(
    kind: ExportKind, out: str | Path, sheets: list[SheetSpec], progress: Progress | None
) -> ExportResult:
    path = Path(out)
    write_workbook(path, sheets, progress=progress)
    return ExportResult(path, kind, sum(len(s.rows) for s in sheets), len(sheets))


_phone = display_phone
_phone = display_phone


def _subtitle(course_id: int) -> tuple[str, str]:
    course = courses.get_course(course_id)
    return course.title, f"{course.start_date:%d.%m.%Y}–{course.end_date:%d.%m.%Y}"


def export_participants(course_id: int, out: str | Path, *, progress: Progress | None = None) -> ExportResult:
    """The participant list of a course."""
    title, dates = _subtitle(course_id)
    rows = participant_rows(course_id)
    spec = SheetSpec(f"Deltakerliste – {title}", PARTICIPANT_COLUMNS, rows, subtitle=dates, name="Deltakere")
    return _write(ExportKind.PARTICIPANTS, out, [spec], progress)


def export_attendance(course_id: int, out: str | Path, *, progress: Progress | None = None) -> ExportResult:
    """Participants × sessions, in hours, with a total per participant and per session."""
    sheet = attendance_sheet(course_id)
    columns = [ColumnSpec("Navn"), ColumnSpec("Fødselsdato", "date"), ColumnSpec("Status")]
    columns += [ColumnSpec(f"{s.date:%d.%m.%Y}", "hours", width=11) for s in sheet.sessions]
    columns += [ColumnSpec("Sum timer", "hours", width=10), ColumnSpec("Påkrevd", "hours", width=9)]
    born = dict(
        Person.select(Person.id, Person.birth_date)
        .where(Person.id.in_([p.person_id for p in sheet.participants]))
        .tuples()
    )
    required = sheet.course.required_minutes / 60
    rows = []
    for p in sheet.participants:
        minutes = [sheet.minutes.get((p.id, s.id)) for s in sheet.sessions]
        rows.append(
            [p.name, born.get(p.person_id), p.state.label]
            + [m / 60 if m is not None else None for m in minutes]
            + [sum(m or 0 for m in minutes) / 60, required]
        )
    spec = SheetSpec(
        f"Oppmøte – {sheet.course.title}",
        columns,
        rows,
        subtitle="Timer per samling. Tom celle: ikke registrert.",
        totals=True,
        name="Oppmøte",
    )
    return _write(ExportKind.ATTENDANCE, out, [spec], progress)


def export_deposits(course_id: int, out: str | Path, *, progress: Progress | None = None) -> ExportResult:
    """The course's deposit ledger, oldest first, with a total."""
    title, dates = _subtitle(course_id)
    columns = [
        ColumnSpec("Dato", "date"),
        ColumnSpec("Navn"),
        ColumnSpec("Type"),
        ColumnSpec("Beløp", "money"),
        ColumnSpec("Metode"),
        ColumnSpec("Referanse"),
        ColumnSpec("Merknad", width=30),
        ColumnSpec("Registrert av"),
        ColumnSpec("Registrert", "datetime", width=17),
        ColumnSpec("Korrigerer post", "integer"),
        ColumnSpec("Post", "integer"),
    ]
    rows = [
        [
            e.entry_date,
            e.person_name,
            EntryKind(e.kind).label,
            _signed(e.kind, e.amount_ore),
            e.method,
            e.reference,
            e.note,
            e.entered_by,
            e.entered_at,
            e.corrects_id,
            e.id,
        ]
        for e in deposits.ledger(course_id=course_id)
    ]
    spec = SheetSpec(
        f"Egenandeler – {title}",
        columns,
        rows,
        subtitle=f"{dates}. Innbetalinger er positive, tilbakebetalinger og beholdte beløp negative.",
        totals=True,
        name="Egenandeler",
    )
    return _write(ExportKind.DEPOSITS, out, [spec], progress)


def _signed(kind: str, amount: int) -> int:
    """Money in as positive, money out (refund, forfeit) as negative, so the sum is what is held."""
    return -amount if kind in (EntryKind.REFUND, EntryKind.FORFEIT) else amount


def export_refunds(
    course_id: int, out: str | Path, *, progress: Progress | None = None, as_of: dt.date | None = None
) -> ExportResult:
    """Deposits due back, one sheet per paying municipality, each with a «Sum» formula row."""
    as_of = as_of or dt.date.today()
    title, _ = _subtitle(course_id)
    due = refunds.refunds_due(as_of, course_id=course_id)
    details = {
        p.id: p
        for p in Person.select(
            Person.id,
            Person.birth_date,
            Person.address,
            Person.postal_code,
            Person.city,
            Person.email,
            Person.phone,
        ).where(Person.id.in_([d.person_id for d in due]))
    }
    columns = [
        ColumnSpec("Navn"),
        ColumnSpec("Fødselsdato", "date"),
        ColumnSpec("Adresse"),
        ColumnSpec("Postnr", width=8),
        ColumnSpec("Poststed"),
        ColumnSpec("E-post"),
        ColumnSpec("Telefon", width=14),
        ColumnSpec("Grunn"),
        ColumnSpec("Oppdrag start", "date", width=14),
        ColumnSpec("Seks måneder nådd", "date", width=14),
        ColumnSpec("Beløp", "money"),
    ]
    by_place: dict[str, list[list[object]]] = {}
    for d in due:
        p = details.get(d.person_id)
        place = d.assignment_municipality or d.municipality or "Uten kommune"
        by_place.setdefault(place, []).append(
            [
                d.person_name,
                p.birth_date if p else None,
                p.address if p else "",
                p.postal_code if p else "",
                p.city if p else "",
                (p.email or "") if p else "",
                _phone(p.phone) if p else "",
                d.reason.label,
                d.assignment_start,
                d.reached_on,
                d.amount_ore,
            ]
        )
    sheets = [
        SheetSpec(
            f"Tilbakebetaling av egenandel – {place}",
            columns,
            rows,
            subtitle=f"{title}. Til utbetaling per {as_of:%d.%m.%Y}.",
            totals=True,
            name=place,
        )
        for place, rows in sorted(by_place.items())
    ]
    if not sheets:
        sheets = [
            SheetSpec(
                "Tilbakebetaling av egenandel",
                columns,
                [],
                subtitle=f"{title}. Ingen egenandeler skal betales tilbake per {as_of:%d.%m.%Y}.",
                name="Ingen",
            )
        ]
    return _write(ExportKind.REFUNDS, out, sheets, progress)


def export_certificates(course_id: int, out: str | Path, *, progress: Progress | None = None) -> ExportResult:
    """The certificate register of a course: valid and revoked, with duplicates."""
    title, dates = _subtitle(course_id)
    query = (
        Certificate.select(
            Certificate.number,
            Person.first_name,
            Person.last_name,
            Person.birth_date,
            Certificate.issued_on,
            Certificate.revoked_at,
            Certificate.revoked_reason,
            Certificate.duplicate_count,
            Certificate.last_duplicate_on,
        )
        .join(Enrolment)
        .join(Person)
        .where(Enrolment.course == course_id)
        .order_by(Certificate.year, Certificate.sequence)
        .tuples()
    )
    rows = [
        [
            number,
            f"{first} {last}",
            born,
            issued,
            "Tilbakekalt" if revoked else "Gyldig",
            revoked.date() if revoked else None,
            reason or "",
            duplicates or 0,
            last_copy,
        ]
        for number, first, last, born, issued, revoked, reason, duplicates, last_copy in query
    ]
    columns = [
        ColumnSpec("Nummer", width=16),
        ColumnSpec("Navn"),
        ColumnSpec("Fødselsdato", "date"),
        ColumnSpec("Utstedt", "date"),
        ColumnSpec("Status"),
        ColumnSpec("Tilbakekalt", "date"),
        ColumnSpec("Grunn", width=30),
        ColumnSpec("Duplikater", "integer", width=11),
        ColumnSpec("Siste duplikat", "date", width=14),
    ]
    spec = SheetSpec(f"Kursbevisregister – {title}", columns, rows, subtitle=dates, name="Kursbevis")
    return _write(ExportKind.CERTIFICATES, out, [spec], progress)


def export_followup(course_id: int, out: str | Path, *, progress: Progress | None = None) -> ExportResult:
    """The follow-up workbook: a sheet per municipality to fill in and send back."""
    return _write(ExportKind.FOLLOWUP, out, followup_sheets(course_id), progress)


EXPORTERS: dict[ExportKind, Callable[..., ExportResult]] = {
    ExportKind.PARTICIPANTS: export_participants,
    ExportKind.ATTENDANCE: export_attendance,
    ExportKind.DEPOSITS: export_deposits,
    ExportKind.REFUNDS: export_refunds,
    ExportKind.CERTIFICATES: export_certificates,
    ExportKind.FOLLOWUP: export_followup,
}


def export_kind(
    kind: str, *, course_id: int, out: str | Path, progress: Progress | None = None
) -> ExportResult:
    """Run the exporter for ``kind`` (one of ExportKind's values)."""
    try:
        chosen = ExportKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in ExportKind)
        raise ValidationError(
            tr("Ukjent eksport «{kind}». Velg en av: {names}.", kind=kind, names=names)
        ) from None
    courses.get_course(course_id)  # NotFoundError before any file is touched
    return EXPORTERS[chosen](course_id, out, progress=progress)
