"""Importing participant lists: preview statuses, all-or-nothing, skip invalid, identity numbers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import openpyxl
import peewee
import pytest

from coursekeeper.db.models import AppSetting, AuditLog, Enrolment, LedgerEntry, Person
from coursekeeper.errors import Cancelled, RuleError, ValidationError
from coursekeeper.services import courses, enrolments, people
from coursekeeper.services.imports import RowStatus, commit_import, error_workbook_path, preview_import
from tests import factories
from tests.unit.excel.test_participants import fnr

BORN = {
    "ola": dt.date(1985, 4, 9),
    "kari": dt.date(1990, 5, 12),
    "ase": dt.date(1975, 1, 31),
    "per": dt.date(1990, 2, 20),
    "ingrid": dt.date(1980, 1, 1),
    "lars": dt.date(1983, 3, 3),
}
NUMBERS = {key: fnr(day) for key, day in BORN.items()}
HEADERS = ["Navn", "Født", "E-mail", "Tlf.", "Kommune", "Betalt", "Merknad", "Personnummer"]


def messy_rows() -> list[list[object]]:
    """Data rows 4–10 of the messy file (see ``write_messy``)."""
    n = NUMBERS
    return [
        ["Nordmann, Ola  ", BORN["ola"], "OLA@Example.no ", "+47 912 34 567", "Øygarden", "ja", "", n["ola"]],
        ["Kari Hansen", "12.05.1990", "kari@example.no", 91234568, "Bergen", "1 000 kr", "Veg", n["kari"]],
        ["Ødegård, Åse", "1975-01-31", None, "99887766", "øygarden", "nei", None, n["ase"]],
        ["Ola Nordmann", "9.4.85", "ola@example.no", None, "Øygarden", None, None, n["ola"]],
        ["Per Berg", "31.02.1990", "per@example.no", "95555555", "Bergen", None, None, n["per"]],
        ["Lie, Ingrid", "01.01.1980", "ingrid@example.no", "+4790011223", "Bergen", "x", None, n["ingrid"]],
        ["Lars Dahl", "03.03.1983", "lars@example.no", None, "Bergn", None, None, n["lars"]],
    ]


def write_messy(path: Path, rows: list[list[object]] | None = None, headers: list[str] | None = None) -> Path:
    """Two title rows, the header in row 3, data from row 4 (with a blank row kept out)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Påmeldte"
    sheet.append(["Deltakerliste treningskontaktkurs – Øygarden kommune"])
    sheet.append(["Sendt 01.03.2026"])
    sheet.append(headers or HEADERS)
    for row in messy_rows() if rows is None else rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def course_id(db) -> int:
    """A course with a 1000 kr deposit and an existing person (Ingrid Lie, no e-mail yet)."""
    people.create_person(people.PersonInput("Ingrid", "Lie", BORN["ingrid"], None, "22 33 44 55"))
    return factories.course(capacity=30)


def statuses(preview) -> dict[int, RowStatus]:
    return {r.excel_row: r.status for r in preview.rows}


def test_preview_shows_every_row_with_status_and_reason(course_id: int, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "påmeldte æøå.xlsx")
    before = Person.select().count()
    preview = preview_import(path, course_id=course_id)
    assert statuses(preview) == {
        4: RowStatus.NEW,
        5: RowStatus.NEW,
        6: RowStatus.NEW,
        7: RowStatus.SKIPPED,
        8: RowStatus.ERROR,
        9: RowStatus.UPDATE,
        10: RowStatus.ERROR,
    }
    rows = {r.excel_row: r for r in preview.rows}
    assert rows[7].duplicate_of == 4 and "rad 4" in rows[7].reason
    assert any("Rad 8, kolonne «Født»" in m and "31.02.1990" in m for m in rows[8].messages())
    bad_place = " ".join(rows[10].messages())
    assert "Rad 10, kolonne «Kommune»" in bad_place and "Bergen" in bad_place  # a suggestion
    assert "samme navn og fødselsdato" in rows[9].reason and "e-post" in rows[9].reason
    assert rows[4].source.email == "ola@example.no" and rows[4].payment == (100_000, dt.date.today())
    assert rows[5].payment[0] == 100_000
    assert rows[6].payment is None
    assert any("fødselsnummer" in n for n in preview.notices)
    summary = preview.summary()
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (3, 1, 0)
    assert {e["row"] for e in summary["errors"]} == {8, 10}
    assert Person.select().count() == before  # read-only
    assert Enrolment.select().count() == 0


def test_errors_without_skip_invalid_write_nothing(course_id: int, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "liste.xlsx")
    people_before, audit_before = Person.select().count(), AuditLog.select().count()
    with pytest.raises(ValidationError) as caught:
        commit_import(path, course_id=course_id)
    assert "2 av 7 rader har feil" in caught.value.message
    assert any(d.startswith("Rad 8") for d in caught.value.details)
    assert Person.select().count() == people_before
    assert Enrolment.select().count() == LedgerEntry.select().count() == 0
    assert AuditLog.select().count() == audit_before
    assert not error_workbook_path(path).exists()


def test_skip_invalid_imports_the_valid_rows_and_writes_the_error_workbook(
    course_id: int, tmp_path: Path
) -> None:
    path = write_messy(tmp_path / "liste.xlsx")
    result = commit_import(preview_import(path, course_id=course_id), skip_invalid=True)
    assert (result.created, result.updated, result.unchanged) == (3, 1, 0)
    assert result.skipped_rows == [8, 10] and result.payments == 3
    assert result.error_workbook == tmp_path / "liste – feil.xlsx"
    back = openpyxl.load_workbook(result.error_workbook).active
    values = [[c for c in row] for row in back.iter_rows(values_only=True)]
    header = next(r for r in values if r and r[0] == "Navn")
    assert header[-1] == "Feil" and "Personnummer" not in header
    data = [r for r in values[values.index(header) + 1 :] if r and r[0]]
    assert [r[0] for r in data] == ["Per Berg", "Lars Dahl"]
    assert "31.02.1990" in data[0][-1] and "Bergn" in data[1][-1]
    flat = " ".join(str(v) for r in values for v in r if v is not None)
    assert NUMBERS["per"] not in flat and NUMBERS["lars"] not in flat

    query = Enrolment.select(Enrolment, Person).join(Person).where(Enrolment.course == course_id)
    rows = list(query.order_by(Enrolment.id))
    assert [(e.person.first_name, e.source_row) for e in rows] == [
        ("Ola", 4),
        ("Kari", 5),
        ("Åse", 6),
        ("Ingrid", 9),
    ]
    assert {(e.state, e.source, e.source_file) for e in rows} == {("applied", "Import", "liste.xlsx")}
    ola = rows[0].person
    assert (ola.email, ola.phone, ola.birth_date) == ("ola@example.no", "912 34 567", BORN["ola"])
    assert ola.municipality.name == "Øygarden" and ola.search_key == people.person_key("Ola", "Nordmann")
    assert rows[1].notes == "Veg"
    ingrid = Person.get(Person.first_name == "Ingrid")
    assert (ingrid.email, ingrid.phone) == ("ingrid@example.no", "900 11 223")
    assert Person.select().where(Person.first_name == "Ingrid").count() == 1
    ledger = list(LedgerEntry.select().order_by(LedgerEntry.id))
    assert [(e.kind, e.amount_ore, e.method, e.entry_date) for e in ledger] == [
        ("payment", 100_000, "Import", dt.date.today())
    ] * 3
    assert ledger[0].reference == "liste.xlsx rad 4"
    entry = AuditLog.select().where(AuditLog.action == "import").get()
    assert "liste.xlsx" in entry.after and entry.entity_id == course_id


def test_importing_the_same_file_again_changes_nothing(course_id: int, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "liste.xlsx")
    commit_import(path, course_id=course_id, skip_invalid=True)
    counts = (Person.select().count(), Enrolment.select().count(), LedgerEntry.select().count())
    again = preview_import(path, course_id=course_id)
    assert {r.excel_row: r.status for r in again.rows if r.status != RowStatus.ERROR} == {
        4: RowStatus.UNCHANGED,
        5: RowStatus.UNCHANGED,
        6: RowStatus.UNCHANGED,
        7: RowStatus.SKIPPED,
        9: RowStatus.UNCHANGED,
    }
    result = commit_import(again, skip_invalid=True)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 4)
    assert (Person.select().count(), Enrolment.select().count(), LedgerEntry.select().count()) == counts


def test_identity_numbers_never_reach_the_database_file(
    db, course_id: int, db_path: Path, tmp_path: Path
) -> None:
    if not isinstance(db, peewee.SqliteDatabase):
        pytest.skip("greps the SQLite file")
    path = write_messy(tmp_path / "liste.xlsx")
    commit_import(path, course_id=course_id, skip_invalid=True)
    files = [db_path, db_path.with_name(db_path.name + "-wal")]
    for number in NUMBERS.values():
        for name in files:
            if name.exists():
                assert number.encode() not in name.read_bytes(), (number, name)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = db_path.read_bytes()
    for number in NUMBERS.values():
        assert number.encode() not in data and number.encode("utf-16-le") not in data


def test_english_headers_and_a_single_identity_column(course_id: int, tmp_path: Path) -> None:
    rows = [
        ["Anne", "Strand", "anne@example.no", "+47 400 00 000", NUMBERS["kari"]],
        ["Bjørn", "Aasen", "bjorn@example.no", "004795555556", fnr(dt.date(2001, 7, 15))],
    ]
    path = write_messy(tmp_path / "list.xlsx", rows, ["First name", "Last name", "Email", "Mobile", "ID"])
    preview = preview_import(path, course_id=course_id)
    assert [r.status for r in preview.rows] == [RowStatus.NEW, RowStatus.NEW]
    assert [r.source.birth_date for r in preview.rows] == [BORN["kari"], dt.date(2001, 7, 15)]
    assert any("Kolonne E" in n or "kolonne E" in n for n in preview.notices)


def test_a_fixed_mapping_is_remembered_for_the_next_file(course_id: int, tmp_path: Path) -> None:
    headers = ["Fornavn", "Etternavn", "E-post", "Info om deltaker"]
    rows = [["Ola", "Nordmann", "ola@example.no", "Trenger tolk"]]
    first = write_messy(tmp_path / "a.xlsx", rows, headers)
    preview = preview_import(first, course_id=course_id)
    assert preview.mapping.column("note") is None and not preview.mapping_remembered
    fixed = preview.mapping
    fixed.assign("note", 3)
    preview = preview_import(first, course_id=course_id, mapping=fixed)
    assert preview.user_mapping and preview.rows[0].source.note == "Trenger tolk"
    commit_import(preview)
    key = "import_mapping:" + fixed.signature
    stored = AppSetting.get(AppSetting.key == key).value
    assert stored == '{"first_name": 0, "last_name": 1, "email": 2, "note": 3}'

    second = write_messy(tmp_path / "b.xlsx", [["Kari", "Hansen", "kari@example.no", "Allergi"]], headers)
    again = preview_import(second, course_id=course_id)
    assert again.mapping_remembered and again.mapping.column("note") == 3
    assert again.rows[0].source.note == "Allergi"


def test_capacity_and_waiting_list_follow_the_rules(db, tmp_path: Path) -> None:
    course = factories.course(capacity=2)
    rows = [[f"Person{i}", "Hansen", f"p{i}@example.no"] for i in range(3)]
    path = write_messy(tmp_path / "tre.xlsx", rows, ["Fornavn", "Etternavn", "E-post"])
    preview = preview_import(path, course_id=course)
    assert any("2 plasser" in n for n in preview.notices)
    result = commit_import(preview)
    assert result.created == 3
    outcomes = [enrolments.accept(eid).state for eid in result.enrolment_ids]
    assert outcomes == ["accepted", "accepted", "waitlisted"]


def test_a_cancelled_course_refuses_the_import(course_id: int, tmp_path: Path) -> None:
    courses.set_status(course_id, "cancelled")
    rows = [["Ola", "Nordmann", "ola@example.no"]]
    path = write_messy(tmp_path / "liste.xlsx", rows, ["Fornavn", "Etternavn", "E-post"])
    preview = preview_import(path, course_id=course_id)
    assert preview.blocking
    with pytest.raises(RuleError):
        commit_import(preview)
    assert Enrolment.select().count() == 0


def test_cancel_during_commit_rolls_everything_back(course_id: int, tmp_path: Path) -> None:
    path = write_messy(tmp_path / "liste.xlsx")
    before = Person.select().count()

    def progress(i: int, n: int) -> None:
        if i > 0:
            raise Cancelled()

    with pytest.raises(Cancelled):
        commit_import(path, course_id=course_id, skip_invalid=True, progress=progress)
    assert Person.select().count() == before and Enrolment.select().count() == 0
    assert not error_workbook_path(path).exists()


def test_two_rows_matching_one_existing_person_do_not_enrol_twice(course_id: int, tmp_path: Path) -> None:
    people.create_person(people.PersonInput("Ola", "Nordmann", BORN["ola"], "ola@example.no"))
    rows = [
        ["Ola", "Nordmann", "ola@example.no", None],
        ["Ola", "Nordmann", "annen@example.no", BORN["ola"]],
    ]
    path = write_messy(tmp_path / "to.xlsx", rows, ["Fornavn", "Etternavn", "E-post", "Fødselsdato"])
    preview = preview_import(path, course_id=course_id)
    assert [r.status for r in preview.rows] == [RowStatus.UPDATE, RowStatus.SKIPPED]
    commit_import(preview)
    assert Enrolment.select().count() == 1
    assert Person.select().where(Person.first_name == "Ola").count() == 1


def test_betalt_as_an_amount_or_a_date_is_recorded_in_the_ledger(course_id: int, tmp_path: Path) -> None:
    rows = [
        ["Ola", "Nordmann", "ola@example.no", "kr 1 500,-"],
        ["Kari", "Hansen", "kari@example.no", dt.date(2026, 3, 1)],
        ["Per", "Berg", "per@example.no", "nei"],
    ]
    path = write_messy(tmp_path / "betalt.xlsx", rows, ["Fornavn", "Etternavn", "E-post", "Betalt"])
    result = commit_import(path, course_id=course_id, today=dt.date(2026, 3, 5))
    assert result.payments == 2
    entries = [(e.amount_ore, e.entry_date) for e in LedgerEntry.select().order_by(LedgerEntry.id)]
    assert entries == [(150_000, dt.date(2026, 3, 5)), (100_000, dt.date(2026, 3, 1))]
