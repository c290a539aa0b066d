"""Exports read back with openpyxl: cell types, formats, no screening notes, formula safety."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coursekeeper.db.models import Certificate, Enrolment
from coursekeeper.errors import NotFoundError
from coursekeeper.services import (
    assignments,
    attendance,
    certificates,
    courses,
    deposits,
    enrolments,
    exports,
    people,
    screening,
)
from tests import factories

SECRET = "HEMMELIG-SCREENINGNOTAT"
HOSTILE = ["=1+1", "+4791234567", "-2", "@SUM(A1)", '=HYPERLINK("http://x")', "＝1+1"]
HOSTILE_NOTES = ["\t=cmd|' /C calc'!A0", "\r=1+1", "=2+3"]


def certified_course(count: int = 6, *, hostile: bool = True) -> tuple[int, list[int]]:
    """A finished course: people (some with hostile names) accepted, paid, present and certified."""
    factories.own_profile()
    course_id = factories.course(capacity=count + 2)
    ids = []
    for i in range(count):
        first = HOSTILE[i % len(HOSTILE)] if hostile and i < len(HOSTILE) else f"Deltaker{i}"
        last = f"Ødegård{i}" if i % 2 else f"Hansen{i}"
        person = people.create_person(
            people.PersonInput(
                first,
                last,
                dt.date(1980 + i, 1 + i % 12, 1 + i),
                f"p{i}@example.no",
                "+4791234567" if i % 2 else "22 12 34 56",
                municipality="Bergen" if i % 2 else "Øygarden",
            )
        )
        note = HOSTILE_NOTES[i % len(HOSTILE_NOTES)] if hostile else ""
        eid = enrolments.enrol(course_id=course_id, person_id=person.id, notes=note).id
        screening.record_screening(enrolment_id=eid, outcome="suitable", notes=SECRET)
        enrolments.accept(eid)
        factories.pay(eid)
        for s in courses.sessions(course_id):
            factories.present(enrolment_id=eid, session_id=s.id)
        ids.append(eid)
    attendance.complete_course(course_id)
    certificates.issue_for_course(course_id, dt.date(2026, 4, 12))
    return course_id, ids


def sheet_values(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def data_rows(rows: list[list[object]], first_header: str) -> tuple[list[object], list[list[object]]]:
    at = next(i for i, r in enumerate(rows) if r and r[0] == first_header)
    return rows[at], [r for r in rows[at + 1 :] if r and r[0] not in (None, "Sum")]


def formulas_in(path: Path) -> list[str]:
    """Every <f> element in the raw sheet XML."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                found += re.findall(r"<f>(.*?)</f>", z.read(name).decode())
    return found


@pytest.fixture
def course(db) -> tuple[int, list[int]]:
    return certified_course()


def test_participants_export_types_formats_and_no_screening_notes(course, tmp_path: Path) -> None:
    course_id, _ = course
    out = tmp_path / "Deltakerliste æøå.xlsx"
    result = exports.export_participants(course_id, out)
    assert result.rows == 6 and result.path == out
    values = sheet_values(out)["Deltakere"]
    assert values[0][0].startswith("Deltakerliste – Kurs for treningskontakter")
    assert any(r and str(r[0]).startswith("Eksportert ") for r in values[:4])
    header, rows = data_rows(values, "Etternavn")
    assert header[:5] == ["Etternavn", "Fornavn", "Fødselsdato", "E-post", "Telefon"]
    col = {h: i for i, h in enumerate(header)}
    for row in rows:
        assert isinstance(row[col["Fødselsdato"]], dt.datetime)
        assert row[col["Innbetalt"]] == 1000 and row[col["Egenandel"]] == "Betalt"
        assert row[col["Telefon"]] in ("912 34 567", "22 12 34 56")
        assert row[col["Egnethet"]] == "Egnet" and row[col["Status"]] == "Fullført"
        assert row[col["Timer"]] == 12
        assert str(row[col["Kursbevis"]]).startswith("HIK-2026-")
    book = openpyxl.load_workbook(out)
    ws = book["Deltakere"]
    assert ws.freeze_panes is not None and ws.auto_filter.ref
    first_data = next(r for r in ws.iter_rows() if r[0].value in [row[0] for row in rows])
    assert first_data[col["Fødselsdato"]].number_format == "DD.MM.YYYY"
    assert "kr" in first_data[col["Innbetalt"]].number_format
    assert first_data[col["Telefon"]].data_type == "s"
    everything = " ".join(str(v) for r in values for v in r if v is not None)
    assert SECRET not in everything


@pytest.mark.parametrize("kind", [k.value for k in exports.ExportKind])
def test_hostile_values_stay_text_in_every_export(course, tmp_path: Path, kind: str) -> None:
    course_id, ids = course
    enrolment = Enrolment.get_by_id(ids[1])
    assignments.add_assignment(person_id=enrolment.person_id, start_date=dt.date(2026, 5, 1), note="=1+1")
    out = tmp_path / f"{kind}.xlsx"
    exports.export_kind(kind, course_id=course_id, out=out, progress=lambda i, n: None)
    assert all(f.startswith("SUM(") for f in formulas_in(out)), formulas_in(out)
    book = openpyxl.load_workbook(out)
    risky = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@", "\t", "\n", "＝"):
                    if cell.value.startswith("=SUM("):
                        continue
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    risky += 1
    if kind in ("participants", "certificates", "followup", "attendance", "deposits"):
        assert risky > 0  # the hostile names are really in there
    text = " ".join(str(c) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for c in r if c)
    assert SECRET not in text


def test_attendance_is_participants_by_sessions_in_hours(course, tmp_path: Path) -> None:
    course_id, _ = course
    out = tmp_path / "oppmøte.xlsx"
    exports.export_attendance(course_id, out)
    header, rows = data_rows(sheet_values(out)["Oppmøte"], "Navn")
    assert header[3:] == ["10.04.2026", "11.04.2026", "Sum timer", "Påkrevd"]
    assert all(r[3:] == [6, 6, 12, 12] for r in rows)
    assert formulas_in(out) == ["SUM(D6:D11)", "SUM(E6:E11)", "SUM(F6:F11)", "SUM(G6:G11)"]


def test_deposit_ledger_with_signed_amounts_and_a_total(course, tmp_path: Path) -> None:
    course_id, ids = course
    deposits.record_refund(enrolment_id=ids[0], refunded_on=dt.date(2026, 10, 1), method="Bank")
    out = tmp_path / "egenandeler.xlsx"
    exports.export_deposits(course_id, out)
    header, rows = data_rows(sheet_values(out)["Egenandeler"], "Dato")
    amounts = [r[header.index("Beløp")] for r in rows]
    assert sorted(amounts) == [-1000] + [1000] * 6
    assert isinstance(rows[0][0], dt.datetime)
    assert any(f.startswith("SUM(D") for f in formulas_in(out))


def test_refunds_one_sheet_per_municipality_with_sum_formulas(course, tmp_path: Path) -> None:
    course_id, ids = course
    for eid in ids[:3]:
        person = Enrolment.get_by_id(eid).person_id
        place = "Bergen" if eid == ids[1] else "Øygarden"
        assignments.add_assignment(person_id=person, start_date=dt.date(2026, 5, 1), municipality=place)
    out = tmp_path / "refusjon.xlsx"
    result = exports.export_refunds(course_id, out, as_of=dt.date(2026, 11, 2))
    values = sheet_values(out)
    assert sorted(values) == ["Bergen", "Øygarden"] and result.rows == 3
    header, rows = data_rows(values["Øygarden"], "Navn")
    assert [r[header.index("Beløp")] for r in rows] == [1000, 1000]
    assert rows[0][header.index("Seks måneder nådd")] == dt.datetime(2026, 11, 1)
    sums = formulas_in(out)
    assert len(sums) == 2 and all(f.startswith("SUM(K") for f in sums)


def test_certificate_register_with_revoked_and_duplicates(course, tmp_path: Path) -> None:
    course_id, _ = course
    first, second = list(Certificate.select().order_by(Certificate.sequence))[:2]
    certificates.revoke(first.id, "=Feil person")
    certificates.record_duplicate(second.id, dt.date(2026, 6, 1))
    out = tmp_path / "register.xlsx"
    exports.export_certificates(course_id, out)
    header, rows = data_rows(sheet_values(out)["Kursbevis"], "Nummer")
    by_number = {r[0]: r for r in rows}
    revoked = by_number[first.number]
    assert revoked[header.index("Status")] == "Tilbakekalt"
    assert revoked[header.index("Grunn")] == "=Feil person"
    assert by_number[second.number][header.index("Duplikater")] == 1
    assert isinstance(by_number[second.number][header.index("Utstedt")], dt.datetime)


def test_unknown_course_and_kind_are_refused(db, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        exports.export_kind("participants", course_id=999, out=tmp_path / "x.xlsx")
    course_id = factories.course()
    with pytest.raises(Exception, match="Ukjent eksport"):
        exports.export_kind("pdf", course_id=course_id, out=tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    assert exports.suggested_file_name("participants", course_id).startswith("Deltakerliste – Kurs for")
