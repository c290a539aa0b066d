"""Certificates and refund letters printed and saved from the window, read back from the PDFs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.services import assignments, certificates, courses
from coursekeeper.ui import printing_actions
from coursekeeper.ui.dialogs.payment_dialog import PaymentDialog
from coursekeeper.ui.dialogs.refund_dialog import RefundDialog
from tests import part_b_data
from tests.gui.b_helpers import drive_dialog, select_rows, table_texts

SAVE, PRINT = 1, 0  # the answers to «Skriv ut …» / «Lagre som PDF …» / «Ikke nå»


def button(parent: QWidget, text: str) -> QPushButton:
    """The visible button with this text, as the user finds it."""
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, f"one visible button «{text}» expected, found {[b.text() for b in found]}"
    return found[0]


def menu_action(menu, text: str):
    """The menu entry with this text."""
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with whitespace folded."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """«Lagre som PDF» saves to a new file in tmp_path each time; the PDFs it would open."""
    names = iter(f"dokument {n}.pdf" for n in range(1, 100))
    monkeypatch.setattr(
        printing_actions.QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / next(names)), "")
    )
    opened: list[Path] = []
    monkeypatch.setattr(printing_actions, "open_file", lambda path: opened.append(Path(path)) or True)
    return opened


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The print dialog answers «Skriv ut» on a QPrinter writing a PDF file at 100 dpi."""
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "skriveren.pdf"

    def ask(parent, printer) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        return True

    monkeypatch.setattr(printing_actions, "ask_printer", ask)
    return out


@pytest.fixture
def window(tasks, qtbot):
    """The main window on the test database."""
    from coursekeeper.ui.main_window import MainWindow

    main = MainWindow(tasks)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    return main


def test_certificates_from_the_kursbevis_view(
    window, tasks, qtbot, shown, monkeypatch, saved, printed
) -> None:
    s = part_b_data.build()
    # A newer course comes first in every course list: the dialog must not fall back on it.
    courses.create_course(
        courses.CourseInput(
            title="Et senere kurs",
            sessions=[courses.SessionInput(dt.date(2027, 9, 1), "09:00", "16:00")],
        )
    )
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola", "Per")
    view = window.show_view("certificates")
    tasks.wait_idle()
    view.course.choose(s.course_id)
    tasks.wait_idle()
    assert not button(view, "Skriv ut kurset …").isEnabled() or table_texts(view.panel.model) == []

    # «Utsted kursbevis …» opens on the course chosen in the view.
    button(view, "Utsted kursbevis …").click()
    tasks.wait_idle()
    dialog = view.dialog
    assert dialog.course.course_id() == s.course_id
    reasons = {r[0]: r[2] for r in table_texts(dialog.panel.model)}
    assert reasons["Per Hansen"] == "Egenandelen er ikke betalt."

    # Per has not paid: «Registrer innbetaling …» on his row opens the payment dialog for him.
    paid_for: list[str] = []
    drive_dialog(monkeypatch, PaymentDialog, lambda d: paid_for.append(d.windowTitle()))
    select_rows(dialog.panel.table, lambda r: r.person_name == "Kari Nordmann")
    assert not button(dialog, "Registrer innbetaling …").isEnabled()
    select_rows(dialog.panel.table, lambda r: r.person_name == "Per Hansen")
    button(dialog, "Registrer innbetaling …").click()
    tasks.wait_idle()
    assert paid_for == ["Registrer innbetaling"]
    assert dialog.summary.text() == "3 får kursbevis · 0 får ikke · 0 har allerede"

    # Issue: the user is offered to print what was just issued, and saves it as PDF.
    shown["choice"].append(SAVE)
    button(dialog, "Utsted 3 kursbevis").click()
    tasks.wait_idle()
    assert shown["choose"][-1].startswith("3 kursbevis er utstedt:")
    dialog.close()
    numbers = {r[1]: r[0] for r in table_texts(view.panel.model)}
    [first] = saved
    pages = pdf_pages(first)
    assert len(pages) == 3
    for name, number in numbers.items():
        [page] = [p for p in pages if name in p]
        assert number in page and "Duplikat" not in page
    assert "Treningskontaktkurs Øygarden vår 2025" in pages[0]

    # A reprint of Kari's from the register: same number, stamped and registered as a duplicate.
    select_rows(view.panel.table, lambda r: r.person_name == "Kari Nordmann")
    button(view, "Lagre valgte som PDF (1) …").click()
    tasks.wait_idle()
    [page] = pdf_pages(saved[-1])
    assert numbers["Kari Nordmann"] in page
    assert f"Duplikat utstedt {format_date(dt.date.today())}" in page
    assert "1 er skrevet ut før og er merket og registrert som duplikat." in shown["confirm"][-1]
    duplicates = {r[1]: r[5] for r in table_texts(view.panel.model)}
    assert duplicates["Kari Nordmann"].startswith("1 (sist ") and duplicates["Ola Ødegård"] == ""

    # Right-click offers the same actions; «Skriv ut …» for the whole course goes to the printer.
    view.panel.table.clearSelection()
    print_course = button(view, "Skriv ut kurset …")
    print_course.click()
    tasks.wait_idle()
    assert len(PdfReader(printed).pages) == 3
    assert shown["info"][-1].startswith("3 sider er sendt til ")
    select_rows(view.panel.table, lambda r: r.person_name == "Ola Ødegård")
    view.panel.table.customContextMenuRequested.emit(QPoint(5, 5))
    texts = [a.text() for a in view.menu.actions() if a.text()]
    assert texts == [
        "Skriv ut valgte (1) …",
        "Lagre valgte som PDF (1) …",
        "Registrer duplikat …",
        "Tilbakekall …",
        "Åpne personen",
    ]
    view.menu.close()

    # Double-click opens the person.
    row = next(
        n
        for n in range(view.panel.model.rowCount())
        if view.panel.model.row_at(n).person_name == "Per Hansen"
    )
    cell = view.panel.table.visualRect(view.panel.model.index(row, 1)).center()
    qtbot.mouseClick(view.panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.panel.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    tasks.wait_idle()
    assert window.current_key() == "people"
    assert window.current_view().page.name.text().startswith("Per Hansen")
    assert shown["error"] == [] and shown["exception"] == []


def _refund_due_for_ola() -> part_b_data.Scenario:
    """Kari and Ola paid and certified; Ola's assignment from 20.05.2025 reached six months 20.11.2025."""
    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola")
    certificates.issue_for_course(s.course_id, part_b_data.COURSE_END)
    assignments.add_assignment(
        person_id=s.people["Ola"], start_date=dt.date(2025, 5, 20), municipality="Øygarden"
    )
    return s


def _assert_letter_for_ola(path: Path) -> None:
    [letter] = pdf_pages(path)
    for expected in ("Ola Ødegård", "1 000 kr", "Øygarden, fra 20.05.2025", "20.11.2025"):
        assert expected in letter, expected


def test_refund_letters_from_the_refunds_due_list(window, tasks, qtbot, shown, monkeypatch, saved) -> None:
    _refund_due_for_ola()
    deposits = window.show_view("deposits")
    deposits.tabs.setCurrentWidget(deposits.refunds_panel)
    tasks.wait_idle()
    panel = deposits.refunds_panel
    assert [r[0] for r in table_texts(panel.model)] == ["Ola Ødegård"]

    # Nothing selected: a letter to everyone listed.
    button(panel, "Lagre alle brev som PDF …").click()
    tasks.wait_idle()
    _assert_letter_for_ola(saved[-1])
    assert "Skrev 1 brev (1 side)" in shown["confirm"][-1]

    # Right-click on the selection offers recording the refund and the letters.
    select_rows(panel.table, lambda r: True)
    panel.table.customContextMenuRequested.emit(QPoint(5, 5))
    assert [a.text() for a in panel.menu.actions() if a.text()] == [
        "Registrer tilbakebetaling …",
        "Skriv ut brev til valgte (1) …",
        "Lagre brev til valgte (1) …",
        "Åpne personen",
    ]
    panel.menu.close()

    # Recording the refund offers the letter; it is written although the deposit is no longer due.
    drive_dialog(monkeypatch, RefundDialog, lambda d: d.reference.setText("Utbetaling desember"))
    shown["choice"].append(SAVE)
    menu_action(panel.menu, "Registrer tilbakebetaling …").trigger()
    tasks.wait_idle()
    assert shown["choose"][-1].startswith("1 tilbakebetaling registrert: 1 000 kr.")
    assert table_texts(panel.model) == []
    assert len(saved) == 2
    _assert_letter_for_ola(saved[-1])
    assert shown["error"] == [] and shown["exception"] == []


def test_documents_menu_on_the_course_page(window, tasks, qtbot, shown, saved, printed) -> None:
    s = _refund_due_for_ola()
    courses_view = window.show_view("courses")
    tasks.wait_idle()
    courses_view.open_course(s.course_id)
    tasks.wait_idle()
    menu = button(courses_view.page, "Utskrift og eksport").menu()

    menu_action(menu, "Kursbevis (PDF) …").trigger()
    tasks.wait_idle()
    pages = pdf_pages(saved[-1])
    assert len(pages) == 2 and any("Kari Nordmann" in p for p in pages)

    menu_action(menu, "Brev om tilbakebetaling (PDF) …").trigger()
    tasks.wait_idle()
    _assert_letter_for_ola(saved[-1])

    # Printing again is a reprint: both are duplicates now.
    menu_action(menu, "Skriv ut kursbevis …").trigger()
    tasks.wait_idle()
    assert len(PdfReader(printed).pages) == 2
    assert "2 er skrevet ut før" in shown["info"][-1]

    menu_action(menu, "Utsted kursbevis …").trigger()
    tasks.wait_idle()
    assert courses_view.page.documents_button.dialog.course.course_id() == s.course_id
    courses_view.page.documents_button.dialog.close()
    assert shown["error"] == [] and shown["exception"] == []


def test_the_offer_to_print_defaults_to_not_now(qapp, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coursekeeper.ui import messages

    seen: list[tuple[list[str], str]] = []

    def press(text: str) -> None:
        def exec_(self) -> int:
            seen.append(([b.text() for b in self.buttons()], self.defaultButton().text()))
            [wanted] = [b for b in self.buttons() if b.text() == text]
            wanted.click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", exec_)

    press("Lagre som PDF …")
    assert messages.choose(None, "T", "Tekst", ["Skriv ut …", "Lagre som PDF …"], "Ikke nå") == 1
    press("Ikke nå")
    assert messages.choose(None, "T", "Tekst", ["Skriv ut …", "Lagre som PDF …"], "Ikke nå") is None
    assert seen == [(["Skriv ut …", "Lagre som PDF …", "Ikke nå"], "Ikke nå")] * 2
