"""What an import shows and returns: issues with Excel row and column, the preview, the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coursekeeper.excel.headers import ColumnMapping
from coursekeeper.excel.participants import CellIssue, ParticipantSheet
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services.import_matching import PlannedRow, RowStatus


@dataclass(frozen=True)
class ImportIssue:
    """An error or warning as the user sees it: Excel row (None for the whole file), column, text."""

    row: int | None
    column: str
    message: str
    severity: str = "error"

    @classmethod
    def of(cls, issue: CellIssue) -> ImportIssue:
        """From the excel layer's CellIssue."""
        return cls(issue.row, issue.column, issue.message, issue.severity)

    def to_dict(self) -> dict[str, object]:
        """``{"row": r, "column": "…", "message": "…"}`` for ``--json``."""
        return {"row": self.row, "column": self.column, "message": self.message}

    def describe(self) -> str:
        """``Rad 7, kolonne «Fødselsdato»: …``."""
        if self.row is None:
            return self.message
        return CellIssue(self.row, self.column, "", self.message).describe()


@dataclass
class ImportPreview:
    """What committing would do, row by row; nothing has been written."""

    path: Path
    course_id: int
    parsed: ParticipantSheet
    rows: list[PlannedRow]
    detected_mapping: ColumnMapping
    mapping_remembered: bool = False
    notices: list[str] = field(default_factory=list)
    blocking: str = ""  # why no commit is possible at all (e.g. a cancelled course)
    name_keys: dict[int, str] = field(default_factory=dict, repr=False)

    @property
    def mapping(self) -> ColumnMapping:
        """The column mapping used."""
        return self.parsed.mapping

    @property
    def user_mapping(self) -> bool:
        """True when the mapping differs from what CourseKeeper found itself."""
        return self.mapping.to_dict() != self.detected_mapping.to_dict()

    def count(self, status: RowStatus) -> int:
        """Rows with ``status``."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def errors(self) -> list[ImportIssue]:
        """Errors of rows that cannot be imported."""
        return [ImportIssue.of(i) for r in self.rows for i in r.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[ImportIssue]:
        """File notices (identity numbers, capacity) and row warnings."""
        found = [ImportIssue(None, "", n, "warning") for n in self.notices]
        return found + [ImportIssue.of(i) for r in self.rows for i in r.issues if i.severity == "warning"]

    def summary(self) -> dict[str, object]:
        """The ``--json`` shape of DESIGN §7 (what a commit would do)."""
        return {
            "created": self.count(RowStatus.NEW),
            "updated": self.count(RowStatus.UPDATE),
            "unchanged": self.count(RowStatus.UNCHANGED),
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
        }


@dataclass
class ImportResult:
    """What a commit wrote."""

    created: int
    updated: int
    unchanged: int
    errors: list[ImportIssue]
    warnings: list[ImportIssue]
    skipped_rows: list[int]
    error_workbook: Path | None = None
    payments: int = 0
    enrolment_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The ``--json`` shape of DESIGN §7, plus the skipped rows and the error workbook."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
            "skipped_rows": self.skipped_rows,
            "error_workbook": str(self.error_workbook) if self.error_workbook else None,
        }

    @property
    def message(self) -> str:
        """What was read in, in the user's language."""
        text = tr(
            "Lest inn: {created} nye, {updated} oppdatert, {unchanged} uendret.",
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
        )
        text += " " + tr_n("{n} betaling registrert.", "{n} betalinger registrert.", self.payments)
        if self.skipped_rows:
            skipped = len(self.skipped_rows)
            if self.error_workbook:
                text += " " + tr_n(
                    "{n} rad med feil ble ikke lest inn; den er lagret i «{path}».",
                    "{n} rader med feil ble ikke lest inn; de er lagret i «{path}».",
                    skipped,
                    path=self.error_workbook,
                )
            else:
                text += " " + tr_n(
                    "{n} rad med feil ble ikke lest inn.", "{n} rader med feil ble ikke lest inn.", skipped
                )
        return text
