"""Writing: formats, formula safety read back from the raw XML, atomic files, round trips."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coursekeeper.errors import Cancelled
from coursekeeper.excel.error_workbook import ERROR_COLUMN, write_error_workbook
from coursekeeper.excel.followup import FollowupPerson, followup_sheet, read_followup
from coursekeeper.excel.headers import map_columns
from coursekeeper.excel.participants import parse_participants
from coursekeeper.excel.reading import SheetRows, read_sheet
from coursekeeper.excel.writing import (
    DATE_FORMAT,
    MONEY_FORMAT,
    ColumnSpec,
    SheetSpec,
    is_risky_text,
    sheet_name,
    write_workbook,
)
from tests.unit.excel.test_participants import fnr

HOSTILE_NAMES = [
    "=1+1", "+47 123", "-2", "@SUM(A1)", "\t=cmd", "\r=x", '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0", "#N/A", "＝1+1", "-", "=", "Ola\x00Nordmann", "Ola \x07Bell",
]  # fmt: skip
COLUMNS = [
    ColumnSpec("Navn"),
    ColumnSpec("Fødselsdato", "date"),
    ColumnSpec("Betalt", "money"),
    ColumnSpec("Timer", "hours"),
    ColumnSpec("Merknad"),
]


def _sheet_xml(path: Path, index: int = 1) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode()


def test_hostile_text_is_stored_as_text_never_as_a_formula(tmp_path: Path) -> None:
    rows = [[name, dt.date(1985, 4, 9), 100000, 7.5, name] for name in HOSTILE_NAMES]
    path = tmp_path / "deltakere.xlsx"
    written = write_workbook(path, [SheetSpec("Deltakere", COLUMNS, rows, totals=True)])
    xml = _sheet_xml(path)
    formulas = re.findall(r"<f>(.*?)</f>", xml)
    assert ["=" + f for f in formulas] == written[0].formulas == ["=SUM(C5:C18)", "=SUM(D5:D18)"]
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows(min_row=5, max_row=18):
        for cell in (row[0], row[4]):
            assert cell.data_type == "s", (cell.coordinate, cell.value)
    names = [sheet.cell(r, 1).value for r in range(5, 19)]
    expected = [n.replace("\x00", "").replace("\x07", "").replace("\r", "\n") for n in HOSTILE_NAMES]
    assert names == expected  # the text itself survives (XML turns a lone CR into LF)
    assert sheet["A5"].quotePrefix  # Excel keeps it text even when the cell is edited


def test_every_written_cell_type(tmp_path: Path) -> None:
    rows = [["Ola", dt.date(1985, 4, 9), 100000, 7.5, None], ["Kari", None, 123450, 15, "ok"]]
    path = tmp_path / "typer.xlsx"
    write_workbook(
        path,
        [SheetSpec("Deltakere", COLUMNS, rows, subtitle="Øygarden kommune", totals=True)],
        exported_on=dt.date(2026, 4, 9),
    )
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "Deltakere" and sheet["A1"].font.b
    assert sheet["A2"].value == "Øygarden kommune"
    assert sheet["A3"].value == "Eksportert 09.04.2026"
    assert [c.value for c in sheet[5]] == ["Navn", "Fødselsdato", "Betalt", "Timer", "Merknad"]
    assert all(c.font.b for c in sheet[5])
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:E7"
    assert sheet["B6"].is_date and sheet["B6"].number_format == DATE_FORMAT
    assert sheet["B6"].value == dt.datetime(1985, 4, 9)
    assert sheet["C6"].value == 1000 and sheet["C6"].data_type == "n"
    assert sheet["C7"].value == 1234.5 and sheet["C7"].number_format.startswith("#,##0.00")
    assert sheet["D6"].value == 7.5 and sheet["D6"].number_format == "0.0"
    assert sheet["A8"].value == "Sum" and sheet["C8"].value == "=SUM(C6:C7)"
    assert 6 <= sheet.column_dimensions["A"].width <= 50


def test_money_format_for_whole_kroner(tmp_path: Path) -> None:
    path = tmp_path / "kr.xlsx"
    write_workbook(path, [SheetSpec("Refusjon", [ColumnSpec("Beløp", "money")], [[100000], [50000]])])
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A5"].value == 1000 and sheet["A5"].number_format == MONEY_FORMAT


def test_widths_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "bred.xlsx"
    write_workbook(path, [SheetSpec("T", [ColumnSpec("Merknad")], [["x" * 500]])])
    assert openpyxl.load_workbook(path).active.column_dimensions["A"].width == 50


def test_several_sheets_with_safe_unique_names(tmp_path: Path) -> None:
    specs = [
        SheetSpec("Refusjoner", [ColumnSpec("Navn")], [["A"]], name="Bergen"),
        SheetSpec("Refusjoner", [ColumnSpec("Navn")], [["B"]], name="Bergen"),
        SheetSpec("Refusjoner", [ColumnSpec("Navn")], [["C"]], name="Øygarden: [vest]/nord*?" * 3),
    ]
    path = tmp_path / "kommuner.xlsx"
    write_workbook(path, specs)
    names = openpyxl.load_workbook(path).sheetnames
    assert names[:2] == ["Bergen", "Bergen (2)"]
    assert len(names[2]) <= 31 and not set("[]:*?/\\") & set(names[2])
    assert sheet_name("Ark", {"ark"}) == "Ark (2)"


def test_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "eksport.xlsx"
    path.write_bytes(b"gammel")
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= 1000:
            raise Cancelled()

    rows = [[f"Person {i}", None, 0, 0, ""] for i in range(3000)]
    with pytest.raises(Cancelled):
        write_workbook(path, [SheetSpec("Deltakere", COLUMNS, rows)], progress=progress)
    assert path.read_bytes() == b"gammel"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["eksport.xlsx"]
    assert calls[0] == (500, 3000)


def test_progress_reaches_the_end(tmp_path: Path) -> None:
    calls = []
    write_workbook(
        tmp_path / "a.xlsx",
        [SheetSpec("A", COLUMNS, [["x"]] * 700), SheetSpec("B", COLUMNS, [["y"]] * 10)],
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls[-1] == (710, 710)


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@x", "\tx", "\rx", "#REF!", "＝1"])
def test_risky_text(text: str) -> None:
    assert is_risky_text(text)


@pytest.mark.parametrize("text", ["Ola", "1+1", "ola@x.no", "#1", "Sum = 3"])
def test_ordinary_text(text: str) -> None:
    assert not is_risky_text(text)


def test_error_workbook_round_trip(tmp_path: Path) -> None:
    number = fnr(dt.date(1985, 4, 9))
    headers = ["Fornavn", "Etternavn", "Fnr", "E-post", "Mobil", "Merknad"]
    rows = [
        ["Ola", "Nordmann", number, "ola@x.no", 91234567, "=1+1"],
        ["", "", fnr(dt.date(1990, 1, 1)), "kari@x.no", "", "uten navn"],
        ["Per", "Hansen", "31.02.1990", "per@x.no", "", ""],
    ]
    sheet = SheetRows(
        "fra kommunen.xlsx", "Ark1", [(3, ["Liste"]), (5, headers)] + [(6 + i, r) for i, r in enumerate(rows)]
    )
    parsed = parse_participants(sheet, today=dt.date(2026, 11, 24))
    skipped = [r for r in parsed.rows if r.has_errors]
    assert [r.excel_row for r in skipped] == [7]
    path = tmp_path / "feil.xlsx"
    write_error_workbook(path, parsed)
    assert number not in _sheet_xml(path) and "<f>" not in _sheet_xml(path)
    back = read_sheet(path)
    again = parse_participants(back, today=dt.date(2026, 11, 24))
    assert set(again.mapping.fields) == {"first_name", "last_name", "birth_date", "email", "phone", "note"}
    assert again.mapping.headers[-1] == ERROR_COLUMN
    assert [r.email for r in again.rows] == ["kari@x.no"]
    assert again.rows[0].birth_date == dt.date(1990, 1, 1)  # the number became its birth date
    feil = back.rows[-1][1][again.mapping.headers.index(ERROR_COLUMN)]
    assert "Mangler navn." in feil
    assert map_columns(again.mapping.headers[:-1]).fields.keys() == again.mapping.fields.keys()


def test_followup_round_trip(tmp_path: Path) -> None:
    people = [
        FollowupPerson(11, "Ola Nordmann", dt.date(1985, 4, 9), "Øygarden", "HIK-2026-0001"),
        FollowupPerson(12, "=Kari Ødegård", None, "Øygarden", "HIK-2026-0002", dt.date(2026, 1, 5)),
        FollowupPerson(13, "Per Hansen", None, "Øygarden"),
        FollowupPerson(14, "Anne Berg", None, "Øygarden"),
    ]
    path = tmp_path / "oppfolging.xlsx"
    write_workbook(path, [followup_sheet("Oppfølging Øygarden", people)])
    # The municipality fills in dates as real cells and as text, and makes one mistake.
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet["F6"] = dt.datetime(2026, 3, 1)
    sheet["G6"] = "01.09.2026"
    sheet["H6"] = "Svømming"
    sheet["F8"] = "31.02.2026"
    sheet["F9"] = "01.05.2026"
    sheet["G9"] = "01.04.2026"
    sheet["A9"] = "fjorten"
    book.save(path)
    rows = read_followup(path, today=dt.date(2026, 11, 24))
    by_row = {r.excel_row: r for r in rows}
    assert (by_row[6].record_id, by_row[6].name, by_row[6].start, by_row[6].end, by_row[6].note) == (
        11, "Ola Nordmann", dt.date(2026, 3, 1), dt.date(2026, 9, 1), "Svømming"
    )  # fmt: skip
    assert by_row[7].name == "=Kari Ødegård" and by_row[7].start == dt.date(2026, 1, 5)
    assert [i.describe() for i in by_row[8].issues] == [
        "Rad 8, kolonne «Oppdrag start»: «31.02.2026» er ingen gyldig dato."
    ]
    messages = [i.message for i in by_row[9].issues]
    assert any("ikke et løpenummer" in m for m in messages)
    assert "Oppdraget slutter før det starter." in messages
    assert by_row[9].record_id is None


def test_followup_without_id_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "annet.xlsx"
    write_workbook(path, [SheetSpec("Noe annet", [ColumnSpec("Navn")], [["Ola"]])])
    with pytest.raises(Exception, match="Fant ingen oppfølgingsliste"):
        read_followup(path)
