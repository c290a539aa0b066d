"""Import a municipality's participant list: a read-only preview, then one all-or-nothing commit.

Matching and statuses are in ``import_matching``, bulk writes in ``import_writing``, the
preview and result types in ``import_types``. The audit
log gets one «import» entry per file (the ids created, the file name and counts) plus a before/
after entry per person whose details changed, rather than three JSON entries per row.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from coursekeeper.db.connection import database
from coursekeeper.db.models import Course, Enrolment, LedgerEntry, Person, now
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.domain.states import CourseStatus, EnrolmentState
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.excel.cells import scrub_identity_numbers
from coursekeeper.excel.error_workbook import write_error_workbook
from coursekeeper.excel.errors import SheetChoiceNeeded
from coursekeeper.excel.headers import FIELD_LABELS, ColumnMapping, detect_header
from coursekeeper.excel.participants import parse_participants
from coursekeeper.excel.reading import list_sheets, read_sheet
from coursekeeper.excel.safety import column_letters
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit, courses
from coursekeeper.services.database import get_setting, set_setting
from coursekeeper.services.enrolments import lock_seats, seats_taken
from coursekeeper.services.import_matching import (
    PlannedRow,
    RowStatus,
    load_existing,
    name_keys,
    plan_import,
)
from coursekeeper.services.import_types import ImportIssue, ImportPreview, ImportResult
from coursekeeper.services.import_writing import audit_rows, insert_rows, sql_value, update_rows
from coursekeeper.services.locks import lock_name
from coursekeeper.services.phone_display import display_phone

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # may raise Cancelled
MAPPING_KEY = "import_mapping:"
SOURCE = "Import"
IMPORT_LOCK = "participant import"
PAYMENT_METHOD = "Import"
__all__ = [
    "FIELD_LABELS",
    "ColumnMapping",
    "ImportIssue",
    "ImportPreview",
    "ImportResult",
    "RowStatus",
    "SheetChoiceNeeded",
    "column_choices",
    "commit_import",
    "copy_mapping",
    "error_workbook_path",
    "list_sheets",
    "preview_import",
]


def column_choices(mapping: ColumnMapping) -> list[str]:
    """``A: Fornavn`` for each column of the file, for choosing a mapping."""
    return [f"{column_letters(i)}: {h}" if h else column_letters(i) for i, h in enumerate(mapping.headers)]


def copy_mapping(mapping: ColumnMapping) -> ColumnMapping:
    """An independent copy the user may change."""
    return ColumnMapping(list(mapping.headers), dict(mapping.fields))


def error_workbook_path(path: str | Path) -> Path:
    """``<name> – feil.xlsx`` beside the imported file."""
    source = Path(path)
    return source.with_name(f"{source.stem} – feil.xlsx")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during an import; the previous state comes back after.

    An import allocates a dozen objects per cell (rows, issues, tuples for the database), all
    freed by reference counting. Each full collection the allocations trigger walks every
    object of the program (Qt's too): ~0.06 s of a 10,000-row import in the benchmark.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _tick(progress: Progress | None, i: int, n: int) -> None:
    if progress is not None:
        progress(i, n)


@_collector_paused()
def preview_import(
    path: str | Path,
    *,
    course_id: int,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportPreview:
    """Read, parse and match the file against the database; writes nothing.

    Raises UnreadableWorkbookError (exit 2), SheetChoiceNeeded, ValidationError (no header),
    NotFoundError (unknown course).
    """
    today = today or dt.date.today()
    preview = _parse(path, course_id=course_id, sheet=sheet, mapping=mapping, progress=progress, today=today)
    course = courses.get_course(course_id)
    preview.rows = _plan(preview, course, today)
    _tick(progress, 4, 4)
    applicants = preview.count(RowStatus.NEW) + sum(
        1 for r in preview.rows if r.status == RowStatus.UPDATE and r.enrolment_id is None
    )
    if applicants and seats_taken(course) + applicants > course.capacity:
        preview.notices.append(
            tr_n(
                "Kurset har {n} plass. Alle leses inn som «Søkt»; opptak gjøres som "
                "eget steg, og de som ikke får plass settes på venteliste.",
                "Kurset har {n} plasser. Alle leses inn som «Søkt»; opptak gjøres som "
                "eget steg, og de som ikke får plass settes på venteliste.",
                course.capacity,
            )
        )
    return preview


def _parse(
    path: str | Path,
    *,
    course_id: int,
    sheet: str | None,
    mapping: ColumnMapping | None,
    progress: Progress | None,
    today: dt.date,
) -> ImportPreview:
    """Read and parse the file (with a remembered mapping if there is one); rows not yet planned."""
    course = courses.get_course(course_id)
    _tick(progress, 0, 4)
    rows = read_sheet(path, sheet)
    _tick(progress, 1, 4)
    detected = detect_header(rows.rows)
    remembered = False
    if mapping is None:
        stored = get_setting(MAPPING_KEY + detected.mapping.signature)
        if stored:
            try:
                mapping = ColumnMapping.from_dict(detected.mapping.headers, json.loads(stored))
                remembered = True
            except (ValueError, TypeError, AttributeError):
                logger.warning("Ignoring a damaged remembered mapping for %s", detected.mapping.signature)
    parsed = parse_participants(rows, mapping=mapping, header_row=detected.excel_row, today=today)
    _tick(progress, 2, 4)
    preview = ImportPreview(Path(path), course_id, parsed, [], detected.mapping, remembered)
    preview.name_keys = name_keys(parsed)
    preview.notices = list(parsed.notices)
    if remembered:
        preview.notices.append(
            tr("Kolonnevalget du gjorde sist for en fil med de samme overskriftene er brukt.")
        )
    if course.status in (CourseStatus.CANCELLED, CourseStatus.FINISHED):
        state = CourseStatus(course.status).label.lower()
        preview.blocking = tr(
            "Kurset «{title}» er {state} og tar ikke imot påmeldinger.", title=course.title, state=state
        )
        preview.notices.append(preview.blocking)
    return preview


def _plan(preview: ImportPreview, course: Course, today: dt.date) -> list[PlannedRow]:
    """Match the parsed rows against the database as it is now."""
    existing = load_existing(preview.course_id, preview.parsed, preview.name_keys)
    return plan_import(preview.parsed, existing, deposit_ore=course.deposit_ore, today=today)


def remember_mapping(mapping: ColumnMapping) -> None:
    """Use ``mapping`` automatically for the next file with the same headers."""
    set_setting(MAPPING_KEY + mapping.signature, json.dumps(mapping.to_dict()))


@_collector_paused()
def commit_import(
    source: ImportPreview | str | Path,
    *,
    course_id: int | None = None,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
    skip_invalid: bool = False,
    error_workbook: Path | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Write the import in one transaction: all or nothing, or (``skip_invalid``) the valid rows.

    Rows are matched again inside the transaction, so a preview that is a few minutes old
    cannot create a person twice. Skipped rows go to ``error_workbook`` (default: beside the
    file) when ``skip_invalid`` is set.
    """
    today = today or dt.date.today()
    if isinstance(source, ImportPreview):
        preview = source
        if course_id is not None and course_id != preview.course_id:
            raise ValueError("course_id differs from the preview's")
    else:
        if course_id is None:
            raise ValueError("course_id is required with a path")
        preview = _parse(
            source, course_id=course_id, sheet=sheet, mapping=mapping, progress=None, today=today
        )
    today = today or dt.date.today()
    if preview.blocking:
        raise RuleError(preview.blocking)
    written_workbook: Path | None = None
    with database.atomic():
        lock_name(IMPORT_LOCK)  # the same list imported twice at once matches the first one's people
        lock_seats(preview.course_id)
        course = courses.get_course(preview.course_id)
        planned = _plan(preview, course, today)
        preview.rows = planned
        error = RowStatus.ERROR
        bad = [r for r in planned if r.status == error]
        if bad and not skip_invalid:
            details = [m for r in bad for m in r.messages()][:200]
            raise ValidationError(
                tr_n(
                    "{bad} av {n} rad har feil, så ingenting er lest inn. Rett feilene, "
                    "eller velg å lese inn bare de gyldige radene.",
                    "{bad} av {n} rader har feil, så ingenting er lest inn. Rett feilene, "
                    "eller velg å lese inn bare de gyldige radene.",
                    len(planned),
                    bad=len(bad),
                ),
                details=details,
            )
        if bad:
            written_workbook = error_workbook or error_workbook_path(preview.path)
            rows = [dataclasses.replace(r.source, issues=r.issues) for r in bad]
            write_error_workbook(written_workbook, preview.parsed, rows)
        for r in planned:
            if r.status != error:
                # The original cells are only for the error workbook; at 100,000 rows they are
                # ~70 MB that the writes below can reuse.
                r.source.values = []
        try:
            result = _write(preview, planned, course, progress)
            if preview.user_mapping:
                remember_mapping(preview.mapping)
        except BaseException:
            if written_workbook is not None:
                written_workbook.unlink(missing_ok=True)
            raise
    result.error_workbook = written_workbook
    return result


def _shown_phone(e164: str | None) -> str | None:
    """``display_phone`` for the person table; a Norwegian mobile (most rows) without its regex."""
    if e164 and len(e164) == 11 and e164.startswith("+47") and e164[3] in "49" and e164[4:].isdecimal():
        return f"{e164[3:6]} {e164[6:8]} {e164[8:]}"
    return display_phone(e164) or None


def _write(
    preview: ImportPreview, planned: list[PlannedRow], course: Course, progress: Progress | None
) -> ImportResult:
    """Inside the transaction: people, person updates, enrolments, payments, audit."""
    total = len(planned) or 1
    _tick(progress, 0, total)
    file_name = scrub_identity_numbers(preview.path.name)[0]  # kept with each enrolment (DESIGN §6)
    stamp = sql_value(now())  # the same text sqlite3 stores for a datetime, converted once
    new_status, update_status = RowStatus.NEW, RowStatus.UPDATE  # enum lookups are slow-ish
    active = (new_status, update_status)
    new = [p for p in planned if p.status == new_status]
    keys = preview.name_keys
    as_text = isinstance(stamp, str)  # SQLite: dates as the adapter's text too, without the adapter
    person_rows = (  # generators: insert_rows takes them a chunk at a time
        (
            r.first_name,
            r.last_name,
            r.birth_date.isoformat() if as_text and r.birth_date else r.birth_date,
            r.email,
            _shown_phone(r.phone),
            r.address,
            r.postal_code,
            r.city,
            p.municipality_id,
            keys[p.excel_row],
            stamp,
        )
        for p in new
        if (r := p.source) is not None
    )
    names = ["first_name", "last_name", "birth_date", "email", "phone", "address", "postal_code", "city"]
    ids = insert_rows(Person, [*names, "municipality", "search_key", "created_at"], person_rows)
    for p, pid in zip(new, ids, strict=True):
        p.person_id = pid
    _tick(progress, len(new), total)
    entries: list[tuple[str, str, int | None, dict | None, dict | None]] = []
    updates: dict[tuple[str, ...], list[tuple]] = {}  # one executemany per set of changed fields
    for p in planned:
        if p.status == update_status and p.changes:
            fields = tuple("municipality" if n == "municipality_id" else n for n in p.changes)
            updates.setdefault(fields, []).append((*p.changes.values(), p.person_id))
            entries.append(("update", "person", p.person_id, p.before, dict(p.changes)))
    for fields, rows in updates.items():
        update_rows(Person, fields, rows)
    to_enrol = [p for p in planned if p.status in active and p.enrolment_id is None]
    enrolment_rows = (
        (
            course.id,
            p.person_id,
            EnrolmentState.APPLIED.value,
            stamp,
            stamp,
            SOURCE,
            file_name,
            p.excel_row,
            p.source.note,
        )
        for p in to_enrol
    )
    enrol_fields = ["course", "person", "state", "applied_at", "state_changed_at", "source", "source_file"]
    enrolment_ids = insert_rows(Enrolment, [*enrol_fields, "source_row", "notes"], enrolment_rows)
    for p, eid in zip(to_enrol, enrolment_ids, strict=True):
        p.enrolment_id = eid
    _tick(progress, len(new) + len(to_enrol), total)
    actor = audit.current_actor()
    pay_days = {day: sql_value(day) for day in {p.payment[1] for p in planned if p.payment}}
    payments = (
        (
            p.enrolment_id,
            EntryKind.PAYMENT.value,
            p.payment[0],
            pay_days[p.payment[1]],
            PAYMENT_METHOD,
            f"{file_name} rad {p.excel_row}",
            "",
            actor,
            stamp,
        )
        for p in planned
        if p.payment and p.status in active
    )
    ledger_fields = [
        "enrolment",
        "kind",
        "amount_ore",
        "entry_date",
        "method",
        "reference",
        "note",  # the model's default, given here so no row is built twice
        "entered_by",
        "entered_at",
    ]
    payment_ids = insert_rows(LedgerEntry, ledger_fields, payments)
    created = [p.person_id for p in new]
    entries.append(
        (
            "import",
            "course",
            course.id,
            None,
            {
                "file": file_name,
                "sheet": preview.parsed.sheet,
                "created_people": created,
                "updated_people": [p.person_id for p in planned if p.status == update_status],
                "enrolments": enrolment_ids,
                "payments": payment_ids,
            },
        )
    )
    audit_rows(entries)
    _tick(progress, total, total)
    error, unchanged = RowStatus.ERROR, RowStatus.UNCHANGED
    skipped = [p for p in planned if p.status == error]
    return ImportResult(
        created=len(new),
        updated=sum(1 for p in planned if p.status == update_status),
        unchanged=sum(1 for p in planned if p.status == unchanged),
        errors=[ImportIssue.of(i) for p in skipped for i in p.issues if i.severity == "error"],
        warnings=preview.warnings,
        skipped_rows=[p.excel_row for p in skipped],
        payments=len(payment_ids),
        enrolment_ids=enrolment_ids,
    )
