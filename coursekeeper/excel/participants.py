"""A participant sheet → ParticipantRow values with per-cell issues; no database involved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from coursekeeper.domain.identity_numbers import looks_like_identity_column
from coursekeeper.domain.text import search_key
from coursekeeper.errors import ValidationError
from coursekeeper.excel import cells
from coursekeeper.excel.headers import ColumnMapping, detect_header, header_at
from coursekeeper.excel.participant_rows import CellIssue, ParticipantRow, RowBuilder, Severity
from coursekeeper.excel.reading import SheetRows, read_sheet
from coursekeeper.excel.safety import MAX_DATA_ROWS, column_letters
from coursekeeper.i18n import tr

__all__ = [
    "CellIssue",
    "ParticipantRow",
    "ParticipantSheet",
    "Severity",
    "parse_participants",
    "read_participants",
]

_IDENTITY_SAMPLE = 200  # filled cells looked at per column when hunting for fødselsnummer


@dataclass
class ParticipantSheet:
    """The whole parse: the rows, the mapping used and file-level notices for the user."""

    file_name: str
    sheet: str
    header_row: int
    mapping: ColumnMapping
    rows: list[ParticipantRow]
    identity_columns: list[int] = field(default_factory=list)  # fødselsnummer columns (0 = A)
    notices: list[str] = field(default_factory=list)
    # Excel row → search_key("first last"): computed once for the duplicates, reused for matching.
    name_keys: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def issues(self) -> list[CellIssue]:
        """Every issue of every row, in row order."""
        return [issue for row in self.rows for issue in row.issues]

    @property
    def errors(self) -> list[CellIssue]:
        """Issues that stop a row from being imported."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[CellIssue]:
        """Issues the user should see but that do not stop the import."""
        return [i for i in self.issues if i.severity == "warning"]


def read_participants(
    path: str | Path,
    sheet: str | None = None,
    *,
    mapping: ColumnMapping | None = None,
    header_row: int | None = None,
    today: dt.date | None = None,
) -> ParticipantSheet:
    """Read a participant list file end to end (see ``parse_participants``)."""
    return parse_participants(read_sheet(path, sheet), mapping=mapping, header_row=header_row, today=today)


def parse_participants(
    sheet: SheetRows,
    *,
    mapping: ColumnMapping | None = None,
    header_row: int | None = None,
    today: dt.date | None = None,
    fix_name_case: bool = True,
) -> ParticipantSheet:
    """Header detection (unless given), cell parsing, fødselsnummer removal and duplicate marks."""
    rows = sheet.rows
    found = header_at(rows, header_row) if header_row is not None else detect_header(rows)
    if mapping is None:
        mapping = found.mapping
    data = rows[found.position + 1 :]
    if len(data) > MAX_DATA_ROWS:
        limit = f"{MAX_DATA_ROWS:,}".replace(",", " ")
        raise ValidationError(
            tr(
                "Arket «{ark}» har {antall} rader med data. CourseKeeper leser høyst {grense} rader om "
                "gangen; del listen i flere filer.",
                ark=sheet.sheet,
                antall=len(data),
                grense=limit,
            )
        )
    if (
        "first_name" not in mapping.fields
        and "last_name" not in mapping.fields
        and ("full_name" not in mapping.fields)
    ):
        raise ValidationError(
            tr(
                "Fant ingen kolonne med navn i overskriftsraden (rad {rad}). Velg hvilke kolonner som "
                "er Fornavn og Etternavn, eller Navn.",
                rad=found.excel_row,
            )
        )
    result = ParticipantSheet(sheet.file_name, sheet.sheet, found.excel_row, mapping, [])
    identity = _identity_columns(data, mapping, sheet.width)
    for index in identity:
        label = _letter_label(mapping.headers, index)
        result.identity_columns.append(index)
        result.notices.append(
            tr(
                "{kolonne} inneholder fødselsnummer. Bare fødselsdatoen er tatt vare på; selve numrene "
                "blir ikke lagret.",
                kolonne=label[0].upper() + label[1:],
            )
        )
    builder = RowBuilder(mapping, identity, today or dt.date.today(), fix_name_case)
    result.rows = [builder.build(number, values) for number, values in data]
    result.name_keys = _mark_duplicates(result.rows)
    return result


def _letter_label(headers: list[str], index: int) -> str:
    header = headers[index].strip() if index < len(headers) else ""
    letter = column_letters(index)
    if header:
        return tr("kolonne {bokstav} («{overskrift}»)", bokstav=letter, overskrift=header)
    return tr("kolonne {bokstav}", bokstav=letter)


def _identity_columns(data: list[tuple[int, list[object]]], mapping: ColumnMapping, width: int) -> list[int]:
    """Columns whose filled cells are mostly valid fødselsnummer, whatever the header says."""
    found = []
    forced = mapping.column("identity_number")  # a "Fødselsnummer" header is believed as is
    for index in range(width):
        sample: list[object] = []
        for _, values in data:
            if index < len(values) and not cells.is_blank(values[index]):
                sample.append(values[index])
                if len(sample) == _IDENTITY_SAMPLE:
                    break
        if not sample:
            continue
        if index == forced or (
            any(_maybe_identity(v) for v in sample) and looks_like_identity_column(sample)
        ):
            found.append(index)
    return found


def _maybe_identity(value: object) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return 1_000_000_000 <= value < 100_000_000_000
    return isinstance(value, str) and 11 <= len(value.strip()) <= 14


def _mark_duplicates(rows: list[ParticipantRow]) -> dict[int, str]:
    """Flag later rows with the same e-mail, or the same name and birth date, as duplicates.

    Returns every row's folded name key (Excel row → ``search_key("first last")``).
    """
    by_email: dict[str, int] = {}
    by_person: dict[tuple[str, dt.date], int] = {}
    keys: dict[int, str] = {}
    for row in rows:
        key = keys[row.excel_row] = search_key(f"{row.first_name} {row.last_name}")
        if not row.first_name and not row.last_name:
            continue
        earlier, why = None, ""
        if row.email:
            earlier = by_email.setdefault(row.email, row.excel_row)
            why = tr("samme e-post")
        person = None
        if row.birth_date:
            person = (key, row.birth_date)
            first = by_person.setdefault(person, row.excel_row)
            if earlier in (None, row.excel_row):
                earlier, why = first, tr("samme navn og fødselsdato")
        if earlier is not None and earlier != row.excel_row:
            row.duplicate_of = earlier
            row.issues.append(
                CellIssue(
                    row.excel_row,
                    "",
                    "",
                    tr("Samme person som rad {rad} ({grunn}).", rad=earlier, grunn=why),
                    "warning",
                )
            )
    return keys
