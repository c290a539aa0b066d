"""The import wizard, «Eksporter til Excel» and the follow-up dialog driven through real widgets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from coursekeeper.db.models import AppSetting, Assignment, Enrolment, Person
from coursekeeper.services import exports, people
from coursekeeper.ui import export_actions
from coursekeeper.ui.dialogs import followup_dialog, import_wizard
from coursekeeper.ui.dialogs.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    SHEET_PAGE,
    ImportWizard,
)
from tests import factories
from tests.unit.excel.hostile_files import far_row_without_references_xlsx
from tests.unit.services.test_exports import certified_course
from tests.unit.services.test_imports import BORN, write_messy


@pytest.fixture
def course_id(db) -> int:
    people.create_person(people.PersonInput("Ingrid", "Lie", BORN["ingrid"], None))
    return factories.course()


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The open-file dialog answers with ``state['path']``."""
    state: dict = {"path": None, "opened": []}
    monkeypatch.setattr(import_wizard, "ask_open_path", lambda parent: state["path"])
    monkeypatch.setattr(import_wizard, "open_file", lambda path: state["opened"].append(path) or True)
    return state


def statuses(wizard: ImportWizard) -> dict[int, str]:
    model = wizard.preview_model
    return {int(model.display_text(i, 0)): model.display_text(i, 1) for i in range(model.rowCount())}


def test_choose_map_preview_commit_valid_rows(qtbot, tasks, shown, chosen, course_id, tmp_path: Path) -> None:
    chosen["path"] = write_messy(tmp_path / "påmeldte.xlsx")
    wizard = ImportWizard(tasks, course_id)
    qtbot.addWidget(wizard)
    assert wizard.pages.currentIndex() == FILE_PAGE
    qtbot.mouseClick(wizard.choose_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    assert "rad 3" in wizard.mapping_label.text()
    assert wizard.mapping_table.combos["full_name"].currentText() == "A: Navn"
    assert wizard.mapping_table.combos["birth_date"].currentText() == "B: Født"

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert statuses(wizard) == {
        4: "Ny",
        5: "Ny",
        6: "Ny",
        7: "Hoppes over",
        8: "Feil",
        9: "Oppdateres",
        10: "Feil",
    }
    model = wizard.preview_model
    error_row = next(i for i in range(model.rowCount()) if model.display_text(i, 0) == "8")
    assert "Rad 8, kolonne «Født»" in model.display_text(error_row, 6)
    assert model.data(model.index(error_row, 1), Qt.ItemDataRole.ForegroundRole) is not None
    assert "fødselsnummer" in wizard.notices_label.text()
    assert not wizard.commit_all_button.isEnabled()  # errors: all-or-nothing is not possible
    assert wizard.commit_valid_button.isEnabled()
    assert Person.select().count() == 1  # nothing written by the preview

    qtbot.mouseClick(wizard.commit_valid_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert wizard.pages.currentIndex() == RESULT_PAGE
    text = wizard.result_label.text()
    assert "3 nye, 1 oppdatert" in text and "påmeldte – feil.xlsx" in text
    assert (tmp_path / "påmeldte – feil.xlsx").exists()
    assert Enrolment.select().count() == 4
    qtbot.mouseClick(wizard.open_errors_button, Qt.MouseButton.LeftButton)
    assert chosen["opened"] == [tmp_path / "påmeldte – feil.xlsx"]
    assert shown["error"] == [] and shown["exception"] == []


def test_several_sheets_a_changed_mapping_and_commit_all(
    qtbot, tasks, shown, chosen, course_id, tmp_path: Path
) -> None:
    headers = ["Fornavn", "Etternavn", "E-post", "Info"]
    path = write_messy(tmp_path / "to ark.xlsx", [["Ola", "Nordmann", "ola@example.no", "Tolk"]], headers)
    book = openpyxl.load_workbook(path)
    other = book.create_sheet("Gammel liste")
    other.append(["Fornavn", "Etternavn"])
    other.append(["Kari", "Hansen"])
    book.save(path)
    chosen["path"] = path
    wizard = ImportWizard(tasks, course_id)
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.choose_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert wizard.pages.currentIndex() == SHEET_PAGE
    assert [wizard.sheet_combo.itemText(i) for i in range(wizard.sheet_combo.count())] == [
        "Påmeldte",
        "Gammel liste",
    ]
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert wizard.pages.currentIndex() == MAPPING_PAGE
    note = wizard.mapping_table.combos["note"]
    assert note.currentIndex() == 0  # «Info» is not a known header
    note.setCurrentIndex(4)  # D: Info
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert wizard.pages.currentIndex() == PREVIEW_PAGE
    assert statuses(wizard) == {4: "Ny"}
    assert wizard.commit_all_button.isEnabled() and not wizard.commit_valid_button.isVisible()
    qtbot.mouseClick(wizard.commit_all_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert wizard.pages.currentIndex() == RESULT_PAGE
    assert Enrolment.get().notes == "Tolk"
    assert AppSetting.select().where(AppSetting.key.startswith("import_mapping:")).count() == 1


def test_unreadable_file_shows_one_message(qtbot, tasks, shown, chosen, course_id, tmp_path: Path) -> None:
    broken = tmp_path / "ikke en arbeidsbok.xlsx"
    broken.write_text("hei")
    chosen["path"] = broken
    wizard = ImportWizard(tasks, course_id)
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.choose_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert len(shown["error"]) == 1 and wizard.pages.currentIndex() == FILE_PAGE


def test_a_file_that_ends_the_reading_child_leaves_the_wizard_working(
    qtbot, tasks, shown, chosen, course_id, tmp_path: Path
) -> None:
    # calamine aborts on this file (a Rust allocation failure); only the reading child ends.
    chosen["path"] = far_row_without_references_xlsx(tmp_path / "fiendtlig.xlsx")
    wizard = ImportWizard(tasks, course_id)
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.choose_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(30_000)
    assert len(shown["error"]) == 1 and "minne" in str(shown["error"][0])
    assert wizard.pages.currentIndex() == FILE_PAGE
    chosen["path"] = write_messy(tmp_path / "påmeldte.xlsx")
    qtbot.mouseClick(wizard.choose_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(30_000)
    assert wizard.pages.currentIndex() == MAPPING_PAGE


def test_export_asks_in_documents_writes_and_offers_to_open(
    qtbot, tasks, shown, monkeypatch: pytest.MonkeyPatch, course_id, tmp_path: Path
) -> None:
    asked: list[Path] = []
    opened: list[Path] = []
    target = tmp_path / "liste"

    def ask(parent, default: Path) -> Path:
        asked.append(default)
        return target.with_suffix(".xlsx")

    monkeypatch.setattr(export_actions, "ask_xlsx_path", ask)
    monkeypatch.setattr(export_actions, "open_file", lambda path: opened.append(path) or True)
    export_actions.export_xlsx(None, tasks, kind="participants", course_id=course_id)
    assert tasks.wait_idle(10_000)
    assert asked[0].name == "Deltakerliste – Kurs for treningskontakter – Øygarden.xlsx"
    assert opened == [tmp_path / "liste.xlsx"] and (tmp_path / "liste.xlsx").exists()
    assert "Vil du åpne filen nå?" in shown["confirm"][0]


def test_followup_dialog_dry_run_then_save(
    qtbot, tasks, shown, monkeypatch: pytest.MonkeyPatch, db, tmp_path
) -> None:
    course, _ = certified_course(3, hostile=False)
    out = exports.export_followup(course, tmp_path / "oppfølging.xlsx").path
    book = openpyxl.load_workbook(out)
    rows = [r for ws in book.worksheets for r in ws.iter_rows() if isinstance(r[0].value, int)]
    rows[0][5].value = dt.date(2026, 6, 1)
    rows[1][5].value = dt.date(2026, 6, 2)
    rows[1][1].value = "Feil Navn"
    book.save(out)
    monkeypatch.setattr(followup_dialog, "ask_followup_path", lambda parent: out)
    dialog = followup_dialog.FollowupDialog(tasks)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert dialog.result.dry_run and dialog.result.created == 1
    assert dialog.model.rowCount() == 1 and dialog.model.display_text(0, 0) == "Avvist"
    assert Assignment.select().count() == 0 and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_idle(10_000)
    assert Assignment.select().count() == 1 and not dialog.save_button.isEnabled()
    assert "Opprettet: 1" in dialog.summary.text()


def test_preview_model_passes_qtmodeltester(qtmodeltester, db, tmp_path: Path) -> None:
    from coursekeeper.services.imports import preview_import
    from coursekeeper.ui.dialogs.import_wizard_pages import PreviewModel, preview_columns

    course = factories.course()
    preview = preview_import(write_messy(tmp_path / "liste.xlsx"), course_id=course)
    model = PreviewModel(preview_columns())
    model.set_rows(preview.rows)
    qtmodeltester.check(model)
    model.sort(1)
    qtmodeltester.check(model)
