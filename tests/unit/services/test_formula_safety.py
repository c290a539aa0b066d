"""No exported cell is a formula unless CourseKeeper wrote it (DESIGN §4): every export kind and
the error workbook, with hostile course titles, organiser names, venues, topics, person names and
notes, read back as raw sheet XML."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coursekeeper.excel.error_workbook import write_error_workbook
from coursekeeper.excel.participants import read_participants
from coursekeeper.services import (
    assignments,
    attendance,
    certificates,
    courses,
    deposits,
    enrolments,
    exports,
    key_figure_reports,
    people,
)
from tests import factories

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]
OUR_SUM = re.compile(r"^SUM\([A-Z]+\d+:[A-Z]+\d+\)$")
OUR_RATE = re.compile(r'^IF\(([A-Z]+)(\d+)=0,"",[A-Z]+\2/\1\2\)$')  # key figures: a share of two cells


def formulas(path: Path, parts: str = "") -> list[str]:
    """Every formula element in every part of the workbook (or the parts under ``parts``)."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and name.startswith(parts):
                xml = z.read(name).decode()
                found += re.findall(r"<(?:\w+:)?f\b[^>]*>(.*?)</(?:\w+:)?f>", xml, re.S)
                found += re.findall(r"<(?:\w+:)?f\b[^>]*/>", xml)
    return found


def hostile_course() -> int:
    """A finished course whose every text field is hostile, with people in every export."""
    factories.own_profile()
    created = courses.create_course(
        courses.CourseInput(
            title=HOSTILE[0],
            municipality="Øygarden",
            venue=HOSTILE[6],
            capacity=10,
            screening_required=False,
            sessions=[courses.SessionInput(d, "09:00", "15:00") for d in factories.SESSION_DAYS],
            co_organisers=[HOSTILE[1], HOSTILE[3]],
            topics=[HOSTILE[2], HOSTILE[4]],
            notes=HOSTILE[5],
        )
    )
    course_id = created.id
    ids = []
    for i, bad in enumerate(HOSTILE):
        person = people.create_person(
            people.PersonInput(
                bad, HOSTILE[-1 - i], dt.date(1980, 1, 1 + i), f"h{i}@example.no", address=HOSTILE[i]
            )
        )
        eid = enrolments.enrol(course_id=course_id, person_id=person.id, notes=bad).id
        enrolments.accept(eid)
        deposits.record_payment(
            enrolment_id=eid, amount_ore=100_000, paid_on=dt.date(2026, 2, 1), reference=bad, note=bad
        )
        for s in courses.sessions(course_id):
            factories.present(enrolment_id=eid, session_id=s.id)
        assignments.add_assignment(person_id=person.id, start_date=dt.date(2026, 5, 1), note=bad)
        ids.append(eid)
    attendance.complete_course(course_id)
    certificates.issue_for_course(course_id, dt.date(2026, 4, 12))
    return course_id


@pytest.mark.parametrize("kind", [k.value for k in exports.ExportKind])
def test_every_export_with_hostile_texts_holds_only_our_sums(db, tmp_path: Path, kind: str) -> None:
    course_id = hostile_course()
    out = tmp_path / f"{kind}.xlsx"
    if kind == "refunds":
        exports.export_refunds(course_id, out, as_of=dt.date(2026, 11, 2))
    else:
        exports.export_kind(kind, course_id=course_id, out=out)
    found = formulas(out)
    assert all(OUR_SUM.match(f) for f in found), found
    cells = [c for ws in openpyxl.load_workbook(out).worksheets for row in ws.iter_rows() for c in row]
    shown = [c.value for c in cells if isinstance(c.value, str)]
    # The hostile texts are really in there, as text.
    assert any(v in HOSTILE for v in shown) or any(HOSTILE[0] in v for v in shown), shown[:20]
    assert all(c.data_type != "f" or OUR_SUM.match(str(c.value)[1:]) for c in cells)


def test_a_hostile_course_title_in_the_refunds_and_followup_subtitles_stays_text(db, tmp_path: Path) -> None:
    course_id = hostile_course()
    for kind in ("refunds", "followup"):
        out = tmp_path / f"{kind}.xlsx"
        if kind == "refunds":
            exports.export_refunds(course_id, out, as_of=dt.date(2026, 11, 2))
        else:
            exports.export_followup(course_id, out)
        top = [ws.cell(row, 1) for ws in openpyxl.load_workbook(out).worksheets for row in (1, 2)]
        hostile = [c for c in top if isinstance(c.value, str) and c.value.startswith("=")]
        assert hostile, kind
        assert all(c.data_type == "s" and c.quotePrefix for c in hostile), [
            (c.value, c.data_type) for c in hostile
        ]


def test_the_error_workbook_with_hostile_cells_and_file_name_holds_no_formula(tmp_path: Path) -> None:
    source = tmp_path / "=HYPERLINK(x).xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Fornavn", "Etternavn", "Fødselsdato", "E-post", "Merknad"])
    for i, bad in enumerate(HOSTILE):
        cell_values = [bad, bad, "31.02.1990", f"ikke-e-post {i}", bad]
        ws.append(cell_values)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # written as text, as a municipality's sheet would hold it
    book.save(source)
    parsed = read_participants(source)
    assert all(r.has_errors for r in parsed.rows)
    out = tmp_path / "feil.xlsx"
    write_error_workbook(out, parsed)
    assert formulas(out) == []
    back = openpyxl.load_workbook(out).active
    values = [c.value for row in back.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("=") for v in values)  # the hostile cells came through, as text


def test_the_key_figures_workbook_with_hostile_course_titles_holds_only_our_sums_and_shares(
    db, tmp_path: Path
) -> None:
    hostile_course()
    out = tmp_path / "nøkkeltall.xlsx"
    key_figure_reports.write_report(out=out, as_of=dt.date(2026, 11, 2))
    found = formulas(out, "xl/worksheets/")  # chart parts hold range references, not cell formulas
    assert found and all(OUR_SUM.match(f) or OUR_RATE.match(f) for f in found), found
    shown = [
        c.value
        for ws in openpyxl.load_workbook(out).worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.data_type == "s"
    ]
    assert HOSTILE[0] in shown  # the course title, as text
