"""``coursekeeper import / export / followup`` end to end: JSON shape, exit codes, files."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.cli.conftest import checkpoint, row_counts
from tests.unit.services.test_imports import NUMBERS, write_messy

Run = Callable[..., tuple[int, str, str]]


def new_course(run: Run, db: Path) -> int:
    code, out, err = run(
        "--db", db, "course-add", "--title", "Treningskontakt Øygarden", "--start", "2026-04-10",
        "--end", "2026-04-11", "--municipality", "Øygarden",
    )  # fmt: skip
    assert code == 0, err
    return int(out.strip())


def demo_course(run: Run, db: Path, place: str = "Øygarden") -> int:
    code, out, err = run("--db", db, "courses", "--json")
    assert code == 0, err
    return next(c["id"] for c in json.loads(out)["courses"] if c["title"].endswith(place))


def test_rows_with_errors_exit_1_with_the_json_shape_and_write_nothing(
    run: Run, fresh_db: Path, tmp_path: Path
) -> None:
    course = new_course(run, fresh_db)
    path = write_messy(tmp_path / "liste.xlsx")
    before = row_counts(fresh_db)
    code, out, err = run("--db", fresh_db, "import", path, "--course", course, "--json")
    assert code == 1, err
    data = json.loads(out)
    assert {"created", "updated", "unchanged", "errors", "warnings"} <= data.keys()
    assert (data["created"], data["updated"], data["unchanged"]) == (4, 0, 0)
    assert [(e["row"], e["column"]) for e in data["errors"]] == [(8, "Født"), (10, "Kommune")]
    assert "31.02.1990" in data["errors"][0]["message"] and "Bergen" in data["errors"][1]["message"]
    assert any("fødselsnummer" in w["message"] for w in data["warnings"])
    assert any(w["row"] == 7 for w in data["warnings"])  # the duplicate
    assert row_counts(fresh_db) == before
    assert not (tmp_path / "liste – feil.xlsx").exists()


def test_dry_run_and_skip_invalid(run: Run, fresh_db: Path, tmp_path: Path) -> None:
    course = new_course(run, fresh_db)
    path = write_messy(tmp_path / "liste.xlsx")
    before = row_counts(fresh_db)
    code, out, err = run("--db", fresh_db, "import", path, "--course", course, "--dry-run", "--skip-invalid")
    assert code == 0, err
    assert "Prøvekjøring: 4 nye" in out and row_counts(fresh_db) == before

    code, out, err = run("--db", fresh_db, "import", path, "--course", course, "--skip-invalid", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["created"], data["updated"], data["unchanged"]) == (4, 0, 0)
    assert data["skipped_rows"] == [8, 10]
    workbook = tmp_path / "liste – feil.xlsx"
    assert data["error_workbook"] == str(workbook) and workbook.exists()
    assert str(workbook) in err
    after = row_counts(fresh_db)
    assert after["person"] == before["person"] + 4 and after["enrolment"] == 4
    assert after["ledger_entry"] == 3  # «ja», «1 000 kr» and «x»; «nei» and empty are not payments

    code, out, err = run("--db", fresh_db, "import", path, "--course", course, "--skip-invalid")
    assert code == 0 and "0 nye, 0 oppdatert, 4 uendret" in out
    checkpoint(fresh_db)
    data_bytes = fresh_db.read_bytes()
    assert all(n.encode() not in data_bytes for n in NUMBERS.values())


def test_unreadable_file_exits_2_and_unknown_course_exits_1(run: Run, fresh_db: Path, tmp_path: Path) -> None:
    course = new_course(run, fresh_db)
    broken = tmp_path / "ødelagt.xlsx"
    broken.write_bytes(b"dette er ingen arbeidsbok\n" * 20)
    code, _, err = run("--db", fresh_db, "import", broken, "--course", course)
    assert code == 2 and err.startswith("Feil:")
    good = write_messy(tmp_path / "liste.xlsx")
    code, _, err = run("--db", fresh_db, "import", good, "--course", 999)
    assert code == 1 and "999" in err
    code, _, err = run("--db", fresh_db, "import", tmp_path / "finnes ikke.xlsx", "--course", course)
    assert code == 2


def test_several_sheets_need_a_choice(run: Run, fresh_db: Path, tmp_path: Path) -> None:
    course = new_course(run, fresh_db)
    path = write_messy(
        tmp_path / "to ark.xlsx", [["Ola", "Nordmann", "ola@example.no"]], ["Fornavn", "Etternavn", "E-post"]
    )
    book = openpyxl.load_workbook(path)
    extra = book.create_sheet("Reserve")
    extra.append(["Fornavn", "Etternavn", "E-post"])
    extra.append(["Kari", "Hansen", "kari@example.no"])
    book.save(path)
    code, _, err = run("--db", fresh_db, "import", path, "--course", course)
    assert code == 1 and "--sheet" in err
    code, out, err = run("--db", fresh_db, "import", path, "--course", course, "--sheet", "Reserve", "--json")
    assert code == 0, err
    assert json.loads(out)["created"] == 1


@pytest.mark.parametrize(
    "kind", ["participants", "attendance", "deposits", "certificates", "followup", "refunds"]
)
def test_export_every_kind(run: Run, demo_db: Path, tmp_path: Path, kind: str) -> None:
    course = demo_course(run, demo_db)
    out = tmp_path / f"{kind} æøå.xlsx"
    code, stdout, err = run("--db", demo_db, "export", kind, "--course", course, "--out", out)
    assert code == 0, err
    assert str(out) in stdout
    book = openpyxl.load_workbook(out)
    assert all(ws.max_row >= 5 for ws in book.worksheets)


def test_export_refusals(run: Run, demo_db: Path, tmp_path: Path) -> None:
    code, _, err = run(
        "--db", demo_db, "export", "participants", "--course", 9999, "--out", tmp_path / "x.xlsx"
    )
    assert code == 1 and "9999" in err
    code, _, _ = run("--db", demo_db, "export", "pdf", "--course", 1, "--out", tmp_path / "x.xlsx")
    assert code == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_followup_round_trip(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = demo_course(run, demo_db)
    out = tmp_path / "oppfølging.xlsx"
    assert run("--db", demo_db, "export", "followup", "--course", course, "--out", out)[0] == 0
    book = openpyxl.load_workbook(out)
    blank = []
    for ws in book.worksheets:
        header = next(r for r in ws.iter_rows() if r[0].value == "ID")
        blank += [r for r in ws.iter_rows(min_row=header[0].row + 1) if r[0].value and r[5].value is None]
    assert len(blank) >= 2
    blank[0][5].value = dt.date(2026, 9, 1)
    blank[1][5].value = dt.date(2026, 9, 2)
    blank[1][0].value = blank[0][0].value  # an edited id
    book.save(out)
    before = row_counts(demo_db)["assignment"]
    code, stdout, err = run("--db", demo_db, "followup", out, "--dry-run", "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["created"] == 1 and len(data["refused"]) == 1 and data["dry_run"]
    assert row_counts(demo_db)["assignment"] == before
    code, stdout, err = run("--db", demo_db, "followup", out)
    assert code == 0 and "opprettet 1" in stdout and "Avvist: Rad" in err
    assert row_counts(demo_db)["assignment"] == before + 1
