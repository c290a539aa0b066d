"""The "error workbook": skipped import rows with their original columns plus «Feil»."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coursekeeper.excel.cells import scrub_identity_numbers
from coursekeeper.excel.participants import ParticipantRow, ParticipantSheet
from coursekeeper.excel.safety import column_letters
from coursekeeper.excel.writing import ColumnSpec, Progress, SheetSpec, WrittenSheet, write_workbook

ERROR_COLUMN = "Feil"


def error_sheet(parsed: ParticipantSheet, rows: Sequence[ParticipantRow] | None = None) -> SheetSpec:
    """A sheet of ``rows`` (default: those with errors) that imports again once fixed."""
    chosen = [r for r in parsed.rows if r.has_errors] if rows is None else list(rows)
    headers = list(parsed.mapping.headers)
    width = max([len(headers)] + [len(r.values) for r in chosen])
    headers += [""] * (width - len(headers))
    birth = parsed.mapping.column("birth_date")
    identity = [i for i in parsed.identity_columns if i < width]
    # An identity column now holds birth dates (see ParticipantRow.values): it becomes the
    # birth date column, or is dropped when the file already has one.
    keep = list(range(width))
    for position, index in enumerate(identity):
        if position == 0 and (birth is None or birth in identity):
            headers[index] = "Fødselsdato"
        else:
            keep.remove(index)
    columns = [ColumnSpec(headers[i] or f"Kolonne {column_letters(i)}") for i in keep]
    columns.append(ColumnSpec(ERROR_COLUMN, width=60))
    out_rows = []
    for row in chosen:
        values = [row.values[i] if i < len(row.values) else None for i in keep]
        reasons = [
            f"{issue.column}: {issue.message}" if issue.column else issue.message
            for issue in row.issues
            if issue.severity == "error"
        ]
        values.append(" ".join(reasons))
        out_rows.append(values)
    return SheetSpec(
        title=f"Rader som ikke ble lest inn fra «{scrub_identity_numbers(parsed.file_name)[0]}»",
        subtitle="Rett feilene som står i kolonnen «Feil», og les inn filen på nytt.",
        columns=columns,
        rows=out_rows,
        name="Feil",
        money_in_ore=False,
    )


def write_error_workbook(
    path: str | Path,
    parsed: ParticipantSheet,
    rows: Sequence[ParticipantRow] | None = None,
    *,
    progress: Progress | None = None,
) -> WrittenSheet:
    """Write the error workbook for ``parsed`` to ``path``."""
    return write_workbook(path, [error_sheet(parsed, rows)], progress=progress)[0]
