"""``coursekeeper import`` reads the old .xls (written by xlwt) and LibreOffice .ods end to end."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import xlwt

from tests.cli.test_import_export_cli import new_course
from tests.unit.excel.hostile_files import ods

Run = Callable[..., tuple[int, str, str]]
HEADER = ["Fornavn", "Etternavn", "E-post", "Fødselsdato", "Mobil", "Kommune"]


def _xls(path: Path) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Påmeldte")
    sheet.write(0, 0, "Påmeldingsliste Øygarden kommune")  # a title row above the header
    for col, text in enumerate(HEADER):
        sheet.write(2, col, text)
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    rows = [
        ("Åse", "Ødegård", "ase@example.no", dt.date(1985, 4, 9), 91234567, "Øygarden"),
        ("Bjørn", "Sæther ", "BJORN@example.no", "9.4.85", "+47 412 34 567", "Bergen"),
    ]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values):
            sheet.write(r, c, value, date_style if isinstance(value, dt.date) else xlwt.Style.default_style)
    book.save(str(path))
    return path


def _ods(path: Path) -> Path:
    return ods(
        path, {"Ark1": [HEADER, ["Kari", "Kjærstad", "kari@example.no", "1990-01-02", "98765432", "Askøy"]]}
    )


@pytest.mark.parametrize(("maker", "name", "expected"), [(_xls, "liste æøå.xls", 2), (_ods, "liste.ods", 1)])
def test_old_excel_and_libreoffice_files_import(
    run: Run,
    fresh_db: Path,
    tmp_path: Path,
    maker,
    name: str,
    expected: int,
) -> None:
    course = new_course(run, fresh_db)
    source = maker(tmp_path / name)
    code, out, err = run("--db", fresh_db, "import", source, "--course", course, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["created"] == expected and result["errors"] == []
    code, out, _ = run("--db", fresh_db, "courses", "--json")
    counts = next(c for c in json.loads(out)["courses"] if c["id"] == course)["counts"]
    assert counts["applied"] == expected
