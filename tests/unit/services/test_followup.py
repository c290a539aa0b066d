"""The follow-up round trip: export, fill in with openpyxl, read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from coursekeeper.db.models import Assignment, Enrolment
from coursekeeper.services import assignments, exports
from coursekeeper.services.followup import apply_followup
from tests.unit.services.test_exports import certified_course


@pytest.fixture
def course(db) -> tuple[int, list[int]]:
    return certified_course(4, hostile=False)


def fill(path: Path, changes: dict[int, dict[str, object]], out: Path) -> Path:
    """Fill in rows by id: {"start": date, "end": date, "note": text, "id": new id, "name": text}."""
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        header_row = next(r for r in ws.iter_rows() if r[0].value == "ID")
        col = {c.value: c.column for c in header_row}
        for row in ws.iter_rows(min_row=header_row[0].row + 1):
            record = row[0].value
            if record not in changes:
                continue
            for key, value in changes[record].items():
                header = {"start": "Oppdrag start", "end": "Oppdrag slutt", "note": "Merknad"}.get(key)
                target = ws.cell(
                    row=row[0].row, column=col[header] if header else 1 if key == "id" else col["Navn"]
                )
                target.value = value
    book.save(out)
    return out


def sheet_ids(path: Path) -> dict[str, list[int]]:
    book = openpyxl.load_workbook(path)
    found = {}
    for ws in book.worksheets:
        values = [r[0] for r in ws.iter_rows(values_only=True)]
        at = values.index("ID")
        found[ws.title] = [v for v in values[at + 1 :] if isinstance(v, int)]
    return found


def test_round_trip_creates_refuses_and_reports_conflicts(course, tmp_path: Path) -> None:
    course_id, ids = course
    a, b, c, d = ids
    person_c = Enrolment.get_by_id(c).person_id
    assignments.add_assignment(person_id=person_c, start_date=dt.date(2026, 5, 1), municipality="Øygarden")
    out = tmp_path / "Oppfølging.xlsx"
    exports.export_followup(course_id, out)
    by_sheet = sheet_ids(out)
    assert sorted(by_sheet) == ["Bergen", "Øygarden"]  # one sheet per municipality
    assert sorted(i for v in by_sheet.values() for i in v) == sorted(ids)
    book = openpyxl.load_workbook(out)
    prefilled = next(r for ws in book.worksheets for r in ws.iter_rows(values_only=True) if r[0] == c)
    assert prefilled[5] == dt.datetime(2026, 5, 1)  # existing assignment pre-filled
    assert prefilled[-1] == "Kurs for treningskontakter – Øygarden"

    filled = fill(
        out,
        {
            a: {"start": dt.date(2026, 6, 1), "note": "Svømming"},
            b: {"start": "15.06.2026", "end": "15.12.2026"},
            c: {"start": dt.date(2026, 7, 1)},  # differs from the recorded 01.05.2026
            d: {"start": dt.date(2026, 8, 1), "id": a},  # id edited: it now says a's id
        },
        tmp_path / "utfylt.xlsx",
    )
    dry = apply_followup(filled, dry_run=True)
    assert (dry.created, dry.updated, len(dry.conflicts)) == (2, 0, 1) and dry.dry_run
    assert Assignment.select().count() == 1

    result = apply_followup(filled)
    assert (result.created, result.updated) == (2, 0)
    assert len(result.refused) == 1 and "hører til" in result.refused[0].message
    assert result.refused[0].message.startswith("Rad ")
    assert len(result.conflicts) == 1 and "01.05.2026" in result.conflicts[0].message
    person_a = Enrolment.get_by_id(a).person_id
    made = Assignment.get(Assignment.person == person_a)
    assert (made.start_date, made.note, made.municipality.name) == (
        dt.date(2026, 6, 1),
        "Svømming",
        "Øygarden",
    )
    made_b = Assignment.get(Assignment.person == Enrolment.get_by_id(b).person_id)
    assert (made_b.start_date, made_b.end_date, made_b.municipality.name) == (
        dt.date(2026, 6, 15),
        dt.date(2026, 12, 15),
        "Bergen",
    )
    kept = Assignment.get(Assignment.person == person_c)
    assert kept.start_date == dt.date(2026, 5, 1)  # not overwritten
    assert Assignment.select().where(Assignment.person == Enrolment.get_by_id(d).person_id).count() == 0


def test_reading_the_same_sheet_twice_changes_nothing_and_an_end_date_updates(course, tmp_path: Path) -> None:
    course_id, ids = course
    out = exports.export_followup(course_id, tmp_path / "f.xlsx").path
    filled = fill(out, {ids[0]: {"start": dt.date(2026, 6, 1)}}, tmp_path / "1.xlsx")
    assert apply_followup(filled).created == 1
    again = apply_followup(filled)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    ended = fill(filled, {ids[0]: {"end": dt.date(2026, 9, 30)}}, tmp_path / "2.xlsx")
    assert apply_followup(ended).updated == 1
    row = Assignment.get()
    assert row.end_date == dt.date(2026, 9, 30)
    conflicting = fill(ended, {ids[0]: {"end": dt.date(2026, 10, 31)}}, tmp_path / "3.xlsx")
    result = apply_followup(conflicting)
    assert len(result.conflicts) == 1 and Assignment.get().end_date == dt.date(2026, 9, 30)


def test_a_sheet_sorted_by_name_without_its_ids_is_refused_row_by_row(course, tmp_path: Path) -> None:
    course_id, _ = course
    out = exports.export_followup(course_id, tmp_path / "f.xlsx").path
    book = openpyxl.load_workbook(out)
    ws = book.worksheets[0]
    header = next(r for r in ws.iter_rows() if r[0].value == "ID")[0].row
    rows = list(ws.iter_rows(min_row=header + 1))
    names = [r[1].value for r in rows]
    for r, name in zip(rows, reversed(names), strict=True):
        r[1].value = name  # names sorted, ids left where they were
        r[5].value = dt.date(2026, 6, 1)
    book.save(tmp_path / "sortert.xlsx")
    result = apply_followup(tmp_path / "sortert.xlsx")
    assert len(result.refused) == len(rows) and result.created == 0
    assert Assignment.select().count() == 0


def test_unknown_ids_and_bad_dates_are_refused_with_row_numbers(course, tmp_path: Path) -> None:
    course_id, ids = course
    out = exports.export_followup(course_id, tmp_path / "f.xlsx").path
    filled = fill(
        out, {ids[0]: {"id": 99999, "start": dt.date(2026, 6, 1)}, ids[1]: {"start": "31.02.2026"}}, out
    )
    result = apply_followup(filled)
    messages = " ".join(n.message for n in result.refused)
    assert "99999 finnes ikke" in messages and "31.02.2026" in messages
    assert Assignment.select().count() == 0
