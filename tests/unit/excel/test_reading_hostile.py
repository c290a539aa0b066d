"""Reading real and hostile files: each ends with one Norwegian message, fast, nothing written."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from coursekeeper.excel import reading, safety
from coursekeeper.excel.errors import (
    HostileWorkbookError,
    PasswordProtectedError,
    SheetChoiceNeeded,
    UnreadableWorkbookError,
    WorkbookTooLargeError,
)
from coursekeeper.excel.reading import list_sheets, read_sheet
from tests.unit.excel import hostile_files as h

ROOT = Path(__file__).resolve().parents[3]


def _participants_xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Påmeldte"
    sheet.append(["Påmelding treningskontaktkurs"])
    sheet.append(["Fornavn", "Etternavn", "Født", "Mobil"])
    sheet.append(["Ola", "Nordmann", dt.date(1985, 4, 9), 91234567])
    sheet.append([None, None, None, None])
    sheet.append(["Kari ", "Ødegård", "9.4.85", "+47 912 34 567"])
    book.create_sheet("Tomt")
    book.save(path)
    return path


def test_reads_xlsx_rows_with_excel_row_numbers(tmp_path: Path) -> None:
    rows = read_sheet(_participants_xlsx(tmp_path / "liste.xlsx"))
    assert rows.sheet == "Påmeldte"
    assert [number for number, _ in rows.rows] == [1, 2, 3, 5]  # the empty row 4 is skipped
    assert rows.rows[2][1][:3] == ["Ola", "Nordmann", dt.date(1985, 4, 9)]
    assert rows.rows[3][1][0] == "Kari "


def test_rows_keep_column_positions_when_data_starts_at_c3(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["C3"] = "Fornavn"
    book.active["D3"] = "Etternavn"
    book.active["C4"] = "Ola"
    book.save(tmp_path / "c3.xlsx")
    rows = read_sheet(tmp_path / "c3.xlsx")
    assert rows.rows[0] == (3, [None, None, "Fornavn", "Etternavn"])


def test_sheet_is_chosen_only_when_one_has_data(tmp_path: Path) -> None:
    path = _participants_xlsx(tmp_path / "to.xlsx")
    book = openpyxl.load_workbook(path)
    book["Tomt"]["A1"] = "noe"
    book.save(path)
    assert list_sheets(path) == ["Påmeldte", "Tomt"]
    with pytest.raises(SheetChoiceNeeded) as caught:
        read_sheet(path)
    assert caught.value.sheet_names == ["Påmeldte", "Tomt"]
    assert "flere ark med data" in caught.value.message
    assert read_sheet(path, "Tomt").rows == [(1, ["noe"])]


def test_hidden_sheets_do_not_compete_with_the_visible_one(tmp_path: Path) -> None:
    path = _participants_xlsx(tmp_path / "skjult.xlsx")
    book = openpyxl.load_workbook(path)
    book["Tomt"]["A1"] = "Oppslagsliste"
    book["Tomt"].sheet_state = "hidden"
    book.save(path)
    assert read_sheet(path).sheet == "Påmeldte"


def test_xlsm_and_wrong_extension_are_read_by_content(tmp_path: Path) -> None:
    body = h.sheet_xml(h.rows_xml([["Fornavn", "Etternavn"], ["Ola", "Nordmann"]]))
    xlsm = h.build_xlsx(tmp_path / "makro.xlsm", {"Ark1": body}, main_type=h.XLSM_MAIN)
    assert read_sheet(xlsm).rows[1] == (2, ["Ola", "Nordmann"])
    disguised = _participants_xlsx(tmp_path / "eksport.xls")  # an .xlsx named .xls
    assert read_sheet(disguised).rows[2][1][0] == "Ola"


def test_reads_ods(tmp_path: Path) -> None:
    path = h.ods(
        tmp_path / "liste.ods",
        {"Ark1": [["Fornavn", "Født"], ["Ola", dt.date(1985, 4, 9)], ["Kari", 91234567]]},
    )
    assert read_sheet(path).rows == [
        (1, ["Fornavn", "Født"]),
        (2, ["Ola", dt.date(1985, 4, 9)]),
        (3, ["Kari", 91234567.0]),
    ]


def test_formatted_cell_at_xfd1048576_reads_without_building_the_grid(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Fornavn", "Etternavn"])
    book.active.append(["Ola", "Nordmann"])
    book.active["XFD1048576"].font = Font(bold=True)  # formatted, no value
    book.save(tmp_path / "formatert.xlsx")
    start = time.perf_counter()
    rows = read_sheet(tmp_path / "formatert.xlsx")
    assert time.perf_counter() - start < 10
    assert rows.rows == [(1, ["Fornavn", "Etternavn"]), (2, ["Ola", "Nordmann"])]


def _truncated(path: Path) -> Path:
    full = _participants_xlsx(path.with_name("hel.xlsx")).read_bytes()
    path.write_bytes(full[: len(full) // 2])
    return path


HOSTILE: list[tuple[str, Callable[[Path], Path], type[Exception], str]] = [
    ("text_renamed", h.text_file, UnreadableWorkbookError, "er en tekstfil"),
    ("png_renamed", h.png_file, UnreadableWorkbookError, "er ikke et regneark"),
    ("empty", h.empty_file, UnreadableWorkbookError, "er tom"),
    ("docx", h.docx_file, UnreadableWorkbookError, "ikke et regneark"),
    ("truncated", _truncated, UnreadableWorkbookError, "skadet eller ufullstendig"),
    ("password", h.encrypted_xlsx, PasswordProtectedError, "Filen er passordbeskyttet. Fjern passordet"),
    ("laughs_shared_strings", h.entity_bomb_xlsx, HostileWorkbookError, "DTD/entiteter"),
    ("laughs_sheet", lambda p: h.entity_bomb_xlsx(p, "sheet"), HostileWorkbookError, "DTD/entiteter"),
    ("zip_bomb", h.zip_bomb_xlsx, HostileWorkbookError, "zip-bombe"),
    ("lying_sizes", h.lying_size_xlsx, UnreadableWorkbookError, "skadet"),
    ("far_value", h.far_value_xlsx, HostileWorkbookError, "celle XFD1048576"),
    ("million_rows", h.million_rows_xlsx, WorkbookTooLargeError, "høyst 100 000 rader"),
    ("ods_far_value", h.ods_far_cell, HostileWorkbookError, "langt utenfor"),
    ("far_value_single_quotes", h.far_value_odd_quotes_xlsx, HostileWorkbookError, "celle XFD1048576"),
    (
        "far_value_spaces",
        lambda p: h.far_value_odd_quotes_xlsx(p, '"', " "),
        HostileWorkbookError,
        "XFD1048576",
    ),
    ("shared_string_bomb", h.shared_string_bomb_xlsx, HostileWorkbookError, "gjentar lang tekst"),
    ("xls_iv65536", h.xls_far_cell, HostileWorkbookError, "celle IV65536"),
    ("ods_zip_version", h.zip_version_ods, UnreadableWorkbookError, "skadet eller ufullstendig"),
    # Passes every check on the bytes; calamine then aborts the child (Rust allocation failure).
    ("child_aborts", h.far_row_without_references_xlsx, UnreadableWorkbookError, "mer minne"),
]


if sys.platform != "win32":  # named pipes are POSIX
    HOSTILE.append(("fifo", h.fifo, UnreadableWorkbookError, "ikke en vanlig fil"))


@pytest.mark.parametrize(("name", "build", "kind", "words"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_file_gets_one_clear_message(
    tmp_path: Path, name: str, build: Callable[[Path], Path], kind: type[Exception], words: str
) -> None:
    folder = tmp_path / "inn"
    folder.mkdir()
    path = build(folder / f"{name}.xlsx")
    before = sorted(p.name for p in folder.iterdir())
    start = time.perf_counter()
    with pytest.raises(kind) as caught:
        read_sheet(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{name} took {elapsed:.1f} s"
    assert words in caught.value.message
    assert caught.value.exit_code == 2
    assert "\n" not in caught.value.message  # one message, not a traceback
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing written


def test_newline_in_the_file_name_stays_one_line(tmp_path: Path) -> None:
    path = _truncated(tmp_path / "liste\nny.xlsx")
    with pytest.raises(UnreadableWorkbookError) as caught:
        read_sheet(path)
    assert "«liste\\nny.xlsx» er skadet" in caught.value.message


def test_a_child_over_the_time_limit_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "CHILD_SECONDS", 0.001)
    with pytest.raises(UnreadableWorkbookError, match="sekunder å lese og ble stoppet"):
        read_sheet(_participants_xlsx(tmp_path / "treg.xlsx"))
    assert not [p for p in multiprocessing.active_children() if p.name == "coursekeeper-read"]


def test_only_the_chosen_sheet_is_loaded(tmp_path: Path) -> None:
    # Loading Ark2 ends the child (calamine asks for hundreds of GB), so reading Ark1 and
    # offering the choice prove that Ark2 was never loaded.
    good = h.sheet_xml(h.rows_xml([["Fornavn", "Etternavn"], ["Ola", "Nordmann"]]))
    poisoned = (
        h.rows_xml([["x"]])
        + '<row r="1048576">'
        + "<c/>" * 16383
        + '<c t="inlineStr"><is><t>x</t></is></c></row>'
    )
    path = h.build_xlsx(tmp_path / "to ark.xlsx", {"Ark1": good, "Ark2": h.sheet_xml(poisoned)})
    with pytest.raises(SheetChoiceNeeded) as caught:
        read_sheet(path)
    assert caught.value.sheet_names == ["Ark1", "Ark2"]
    assert read_sheet(path, "Ark1").rows[1] == (2, ["Ola", "Nordmann"])
    with pytest.raises(UnreadableWorkbookError, match="mer minne"):
        read_sheet(path, "Ark2")


def test_bomb_is_small_on_disk(tmp_path: Path) -> None:
    path = h.zip_bomb_xlsx(tmp_path / "bombe.xlsx")
    assert path.stat().st_size < 400_000


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableWorkbookError, match="Finner ikke filen"):
        read_sheet(tmp_path / "finnes-ikke.xlsx")


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    with pytest.raises(WorkbookTooLargeError, match="høyst"):
        read_sheet(_participants_xlsx(tmp_path / "stor.xlsx"))


def test_many_columns_far_cell_is_refused_by_area(tmp_path: Path) -> None:
    rows = [[f"c{i}" for i in range(30)] for _ in range(5)]
    body = h.rows_xml(rows) + f'<row r="99000">{h.cell_xml("ZZ99000", "x")}</row>'
    path = h.build_xlsx(tmp_path / "bred.xlsx", {"Ark1": h.sheet_xml(body)})
    with pytest.raises(HostileWorkbookError, match="ZZ99000"):
        read_sheet(path)


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.unit.excel import hostile_files as h
from coursekeeper.excel.reading import read_sheet
path = getattr(h, {builder!r})(Path({path!r}))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    read_sheet(path)
    outcome = "read"
except Exception as exc:
    outcome = type(exc).__name__
print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "before_mb": before / 1024}}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX only")
@pytest.mark.parametrize(
    ("builder", "outcome"),
    [("far_value_xlsx", "HostileWorkbookError"), ("million_rows_xlsx", "WorkbookTooLargeError"),
     ("zip_bomb_xlsx", "HostileWorkbookError")],
)  # fmt: skip
def test_hostile_files_stay_under_500_mb_in_a_fresh_process(
    tmp_path: Path, builder: str, outcome: str
) -> None:
    code = _MEASURE.format(root=str(ROOT), builder=builder, path=str(tmp_path / "f.xlsx"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]  # a calamine abort would end the process
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["outcome"] == outcome
    assert result["seconds"] < 10
    assert result["peak_mb"] < 500
