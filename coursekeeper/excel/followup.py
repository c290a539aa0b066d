"""The follow-up workbook: written per municipality, filled in there, read back here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coursekeeper.errors import ValidationError
from coursekeeper.excel import cells
from coursekeeper.excel.headers import HEADER_SCAN_ROWS, column_label, header_key
from coursekeeper.excel.participants import CellIssue
from coursekeeper.excel.reading import read_sheets_with_data
from coursekeeper.excel.writing import ColumnSpec, SheetSpec
from coursekeeper.i18n import tr

ID_HEADER = "ID"
FOLLOWUP_COLUMNS = [
    ColumnSpec(ID_HEADER, "integer", width=8),
    ColumnSpec("Navn"),
    ColumnSpec("Fødselsdato", "date"),
    ColumnSpec("Kommune"),
    ColumnSpec("Kursbevis"),
    ColumnSpec("Oppdrag start", "date", width=14),
    ColumnSpec("Oppdrag slutt", "date", width=14),
    ColumnSpec("Merknad", width=40),
]

_FIELDS = {
    "id": ["ID", "Id-nr", "Løpenummer", "Nr"],
    "name": ["Navn", "Name", "Deltaker", "Fullt navn"],
    "municipality": ["Kommune", "Municipality"],
    "start": ["Oppdrag start", "Oppdragsstart", "Start oppdrag", "Startdato", "Start",
              "Oppdrag fra", "Fra", "Assignment start"],
    "end": ["Oppdrag slutt", "Oppdragsslutt", "Slutt oppdrag", "Sluttdato", "Slutt",
            "Oppdrag til", "Til", "Assignment end"],
    "note": ["Merknad", "Merknader", "Kommentar", "Notat", "Note", "Notes"],
}  # fmt: skip
_KEYS = {header_key(name): f for f, names in _FIELDS.items() for name in names}


@dataclass(frozen=True)
class FollowupPerson:
    """One certified participant to list on a follow-up sheet."""

    record_id: int
    name: str
    birth_date: dt.date | None = None
    municipality: str = ""
    certificate: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    note: str = ""


def followup_sheet(title: str, people: Sequence[FollowupPerson], *, subtitle: str = "") -> SheetSpec:
    """A sheet for ``write_workbook``: stable ids first, then the columns to fill in."""
    rows = [
        [p.record_id, p.name, p.birth_date, p.municipality, p.certificate, p.start, p.end, p.note]
        for p in people
    ]
    return SheetSpec(
        title=title,
        subtitle=subtitle
        or tr("Fyll inn når oppdraget startet og eventuelt sluttet. Ikke endre ID eller navn."),
        columns=list(FOLLOWUP_COLUMNS),
        rows=rows,
    )


@dataclass
class FollowupRow:
    """A row read back: the id and name to match, the dates and note filled in."""

    sheet: str
    excel_row: int
    record_id: int | None
    name: str
    municipality: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    note: str = ""
    issues: list[CellIssue] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        """True when the row cannot be used."""
        return any(issue.severity == "error" for issue in self.issues)

    @property
    def filled_in(self) -> bool:
        """True when the municipality wrote a start, an end or a note."""
        return bool(self.start or self.end or self.note)


def read_followup(path: str | Path, *, today: dt.date | None = None) -> list[FollowupRow]:
    """Rows of every sheet that has an ID column; raises ValidationError when none has."""
    rows: list[FollowupRow] = []
    found_any = False
    for sheet in read_sheets_with_data(path):
        header = _find_header(sheet.rows)
        if header is None:
            continue
        found_any = True
        position, columns, texts = header
        for number, values in sheet.rows[position + 1 :]:
            rows.append(_parse_row(sheet.sheet, number, values, columns, texts, today))
    if not found_any:
        raise ValidationError(
            tr(
                "Fant ingen oppfølgingsliste i filen: ingen ark har kolonnene «ID» og «Navn». "
                "Bruk arket CourseKeeper laget, uten å endre overskriftene."
            )
        )
    return rows


def _find_header(
    rows: list[tuple[int, list[object]]],
) -> tuple[int, dict[str, int], list[str]] | None:
    for position, (_, values) in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for index, value in enumerate(values):
            name = _KEYS.get(header_key(value)) if isinstance(value, str) else None
            if name and name not in columns:
                columns[name] = index
        if "id" in columns and "name" in columns:
            return position, columns, [cells.clean_text(v) for v in values]
    return None


def _parse_row(
    sheet: str,
    number: int,
    values: list[object],
    columns: dict[str, int],
    texts: list[str],
    today: dt.date | None,
) -> FollowupRow:
    def cell(name: str) -> object:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    issues: list[CellIssue] = []

    def problem(name: str, message: str) -> None:
        issues.append(CellIssue(number, column_label(texts, columns[name]), name, message))

    raw_id = cell("id")
    record_id = None
    if isinstance(raw_id, int | float) and not isinstance(raw_id, bool) and float(raw_id).is_integer():
        record_id = int(raw_id)
    elif isinstance(raw_id, str) and raw_id.strip().isdigit():
        record_id = int(raw_id.strip())
    if record_id is None or record_id <= 0:
        if cells.is_blank(raw_id):
            problem("id", tr("ID mangler. Ikke endre ID-kolonnen; bruk arket slik CourseKeeper laget det."))
        else:
            problem(
                "id",
                tr(
                    "ID {verdi} er ikke et løpenummer. Ikke endre ID-kolonnen; bruk arket slik CourseKeeper "
                    "laget det.",
                    verdi=cells.shown(raw_id),
                ),
            )
        record_id = None
    row = FollowupRow(sheet, number, record_id, cells.clean_text(cell("name")), issues=issues)
    row.municipality = cells.clean_text(cell("municipality"))
    row.note = cells.scrub_identity_numbers(cells.clean_text(cell("note")))[0]
    for name in ("start", "end"):
        if name not in columns:
            continue
        try:
            setattr(row, name, cells.parse_date_cell(cell(name), today=today))
        except cells.CellValueError as exc:
            problem(name, exc.reason)
    if row.start and row.end and row.end < row.start:
        problem("end", tr("Oppdraget slutter før det starter."))
    if row.end and not row.start and "start" in columns:
        problem("start", tr("Oppdraget har sluttdato, men mangler startdato."))
    return row
