"""Nøkkeltall from the window: charts and tables for a scope as of a date, and the reports to hand on."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from PySide6.QtCore import Qt

from coursekeeper.services import assignments, certificates
from coursekeeper.ui.widgets.form_fields import set_date
from tests import part_b_data
from tests.gui.as_user import User, save_to
from tests.gui.b_helpers import table_texts


def _register() -> part_b_data.Scenario:
    s = part_b_data.build()
    part_b_data.build(profile=False, title="Treningskontaktkurs Øygarden høst 2025")
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola")
    certificates.issue_for_course(s.course_id, dt.date(2025, 4, 10))
    assignments.add_assignment(
        person_id=s.people["Kari"], start_date=dt.date(2025, 5, 1), municipality="Øygarden"
    )
    return s


def test_tables_show_counts_with_shares_and_a_total(tasks, qtbot) -> None:
    from coursekeeper.ui.views.key_figures_view import KeyFiguresView

    _register()
    view = KeyFiguresView(tasks)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        set_date(view.as_of, dt.date(2025, 12, 1))
    headers = [view.per_course.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in range(12)]
    assert headers == [
        "Kurs", "År", "Kommune", "Påmeldt", "Tatt opp", "Møtte", "Kursbevis", "I oppdrag",
        "6 måneder", "12 måneder", "18 måneder", "Tilbakebetalt",
    ]  # fmt: skip
    rows = {r[0]: r[1:] for r in table_texts(view.per_course)}
    assert rows["Treningskontaktkurs Øygarden vår 2025"] == [
        "2025", "Øygarden", "3", "3 · 100 %", "2 · 67 %", "2 · 67 %", "1 · 33 %",
        "1 · 33 %", "0 · 0 %", "0 · 0 %", "0 · 0 %",
    ]  # fmt: skip
    assert table_texts(view.per_course)[-1][:4] == ["Totalt", "", "", "6"]
    bold = view.per_course.data(view.per_course.index(2, 0), Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    assert table_texts(view.per_year) == [
        [
            "2025",
            "6",
            "6 · 100 %",
            "2 · 33 %",
            "2 · 33 %",
            "1 · 17 %",
            "1 · 17 %",
            "0 · 0 %",
            "0 · 0 %",
            "0 · 0 %",
        ],
        [
            "Totalt",
            "6",
            "6 · 100 %",
            "2 · 33 %",
            "2 · 33 %",
            "1 · 17 %",
            "1 · 17 %",
            "0 · 0 %",
            "0 · 0 %",
            "0 · 0 %",
        ],
    ]
    assert view.summary.text() == (
        "Av 6 påmeldte fikk 2 kursbevis; 1 startet i oppdrag, 0 var fortsatt i oppdrag etter 12 måneder."
    )
    # The charts carry the same numbers (the accessible description is what a screen reader says).
    assert "Kursbevis: 2 (33 %)" in view.funnel_chart.accessibleDescription()
    # 12 and 18 months after April 2025 have not come by 01.12.2025: «–», not a «0 %» not yet measured.
    assert view.retention_chart.accessibleDescription() == "2025: 100 %, –, –"
    assert view.reach_chart.accessibleDescription() == "2025: 1"


def test_scope_a_course_year_and_nothing_cut_at_1280(tasks, qtbot) -> None:
    from coursekeeper.ui.views.key_figures_view import KeyFiguresView

    _register()
    view = KeyFiguresView(tasks)
    qtbot.addWidget(view)
    view.resize(1080, 640)  # what a 1280×720 window leaves beside the navigation
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        set_date(view.as_of, dt.date(2025, 12, 1))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.scope_kind.setCurrentIndex(view.scope_kind.findText("Ett kursår"))
    assert view.scope_choice.isVisible() and view.scope_choice.currentText() == "2025"
    assert view.summary.text().startswith("Av 6 påmeldte")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.scope_kind.setCurrentIndex(view.scope_kind.findText("Ett kurs"))
    assert view.scope_choice.currentText() == "Treningskontaktkurs Øygarden høst 2025 (2025)"
    assert view.summary.text().startswith("Av 3 påmeldte fikk 0 kursbevis")
    table = view.tables.widget(0)
    for column in range(view.per_course.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_save_the_report_from_the_window(tasks, qtbot, shown, monkeypatch, tmp_path, suffix) -> None:
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.views import key_figures_view

    opened = []
    monkeypatch.setattr(key_figures_view, "open_file", lambda path: opened.append(path) or True)
    _register()
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    user = User(qtbot, window, tasks)
    chosen = save_to(monkeypatch, tmp_path)
    user.go("Nøkkeltall")
    user.click("Lagre rapport som Excel" if suffix == ".xlsx" else "Lagre rapport som PDF")
    user.settle()
    user.stop()
    assert len(chosen) == 1 and chosen[0].suffix == suffix and chosen[0].exists()
    assert shown["confirm"] and "Nøkkeltallrapporten er lagret" in shown["confirm"][-1]
    assert opened == chosen  # «Åpne filen» opens what was written
    if suffix == ".pdf":
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(chosen[0]).pages)
        assert "Nøkkeltall – Hele registeret" in " ".join(text.split())
    else:
        with zipfile.ZipFile(chosen[0]) as archive:
            assert sum(n.startswith("xl/charts/chart") for n in archive.namelist()) == 4
    window.close()
