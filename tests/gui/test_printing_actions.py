"""«Lagre som PDF» and «Skriv ut»: warnings first, the file dialog, the worker, then open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from coursekeeper.db.models import Certificate
from coursekeeper.services import certificates, courses, enrolments
from coursekeeper.ui import printing_actions
from tests import factories as f

TITLE = "Kurs for treningskontakter – Øygarden"


@pytest.fixture
def course(db) -> int:
    """A course with two certified participants (the profile has no logo: one warning)."""
    f.own_profile()
    course_id = f.course(title=TITLE)
    for _ in range(2):
        e = f.enrol(course_id)
        enrolments.accept(e)
        f.pay(e)
        for s in courses.sessions(course_id):
            f.present(enrolment_id=e, session_id=s.id)
        certificates.issue_certificate(e, dt.date(2026, 4, 11))
    return course_id


@pytest.fixture
def dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict:
    """The save dialog answers with ``answer`` (empty: Cancel) and records what it was shown."""
    state: dict = {"answer": str(tmp_path / "valgt navn"), "asked": []}

    def fake(parent, caption, directory, file_filter):
        state["asked"].append(directory)
        return state["answer"], file_filter

    monkeypatch.setattr(printing_actions.QFileDialog, "getSaveFileName", fake)
    return state


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the action would open in the system's PDF viewer."""
    seen: list[Path] = []
    monkeypatch.setattr(printing_actions, "open_file", lambda path: seen.append(Path(path)) or True)
    return seen


def test_save_pdf_warns_asks_writes_and_offers_to_open(
    tasks, shown, dialog, opened, course, tmp_path
) -> None:
    printing_actions.save_pdf(None, tasks, kind="certificates", course_id=course)
    assert tasks.wait_idle(10_000)
    out = tmp_path / "valgt navn.pdf"  # .pdf is added when the user left it out
    assert len(PdfReader(out).pages) == 2
    assert dialog["asked"] == [str(printing_actions.documents_folder() / f"Kursbevis – {TITLE}.pdf")]
    warned, done = shown["confirm"]
    assert "Logo mangler" in warned and "Lagre PDF-en likevel?" in warned  # saving, not printing
    assert str(out) in done and "Skrev 2 kursbevis (2 sider)" in done
    assert opened == [out]
    assert shown["error"] == [] and shown["exception"] == []


def test_cancel_in_the_file_dialog_writes_nothing(tasks, shown, dialog, opened, course, tmp_path) -> None:
    dialog["answer"] = ""
    printing_actions.save_pdf(None, tasks, kind="attendance", course_id=course)
    assert tasks.wait_idle(10_000)
    assert dialog["asked"] and list(tmp_path.rglob("*.pdf")) == []
    assert len(shown["confirm"]) == 1 and opened == []


def test_declining_the_warnings_stops_before_the_file_dialog(
    tasks, shown, dialog, opened, course, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(printing_actions.messages, "confirm", lambda *a, **k: False)
    printing_actions.save_pdf(None, tasks, kind="certificates", course_id=course)
    assert tasks.wait_idle(10_000)
    assert dialog["asked"] == [] and list(tmp_path.rglob("*.pdf")) == []


def test_a_duplicate_batch_is_recorded_and_reloads_views(tasks, shown, dialog, opened, course, qtbot) -> None:
    ids = [c.id for c in Certificate.select()]
    with qtbot.waitSignal(tasks.changed, timeout=10_000) as changed:
        printing_actions.save_pdf(None, tasks, kind="certificates", certificate_ids=ids[:1], duplicate=True)
    assert tasks.wait_idle(10_000)
    assert "certificates" in changed.args[0]
    assert [Certificate.get_by_id(i).duplicate_count for i in ids] == [1, 0]
    assert dialog["asked"] == [str(printing_actions.documents_folder() / "Kursbevis.pdf")]


def test_nothing_to_print_is_shown_as_an_error(tasks, shown, dialog, opened, db, tmp_path) -> None:
    f.own_profile()
    empty = f.course(title="Tomt kurs")
    printing_actions.save_pdf(None, tasks, kind="certificates", course_id=empty)
    assert tasks.wait_idle(10_000)
    assert shown["error"] == ["Ingen kursbevis å skrive ut for dette kurset."]
    assert list(tmp_path.rglob("*.pdf")) == [] and opened == []


def test_print_pdf_hands_the_file_to_the_pdf_viewer_without_qtpdf(
    tasks, shown, dialog, opened, course, monkeypatch
) -> None:
    monkeypatch.setattr(printing_actions, "renderer_available", lambda: False)
    monkeypatch.setattr(printing_actions, "on_windows", lambda: False)
    printing_actions.print_pdf(None, tasks, kind="attendance", course_id=course)
    assert tasks.wait_idle(10_000)
    [path] = opened
    try:
        assert path.name == f"Oppmøteliste – {TITLE}.pdf"
        assert len(PdfReader(path).pages) == 2  # one sheet per session
        assert dialog["asked"] == []
        [info] = shown["info"]
        assert "PDF-leseren" in info and "Ctrl+P" in info
    finally:
        path.unlink()
        path.parent.rmdir()


def test_print_pdf_uses_the_windows_print_verb(tasks, shown, dialog, opened, course, monkeypatch) -> None:
    printed: list[tuple[str, str]] = []
    monkeypatch.setattr(printing_actions, "renderer_available", lambda: False)
    monkeypatch.setattr(printing_actions, "on_windows", lambda: True)
    monkeypatch.setattr(
        printing_actions.os, "startfile", lambda p, verb: printed.append((p, verb)), raising=False
    )
    printing_actions.print_pdf(None, tasks, kind="certificates", course_id=course)
    assert tasks.wait_idle(10_000)
    [(path, verb)] = printed
    try:
        assert verb == "print" and opened == []
        assert "standardskriveren" in shown["info"][0]
    finally:
        Path(path).unlink()
        Path(path).parent.rmdir()


@pytest.fixture
def printer_to_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict:
    """The print dialog answers «Skriv ut» on a QPrinter that writes a PDF file (pages as asked)."""
    from PySide6.QtPrintSupport import QPrinter

    state: dict = {"out": tmp_path / "skriver.pdf", "asked": [], "pages": None}

    def fake(parent, printer) -> bool:
        state["asked"].append((printer.fromPage(), printer.toPage(), printer.docName()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(state["out"]))
        printer.setResolution(150)
        if state["pages"]:
            printer.setFromTo(*state["pages"])
        return True

    monkeypatch.setattr(printing_actions, "ask_printer", fake)
    return state


def _printed_page_image_sizes(path: Path) -> list[tuple[int, int]]:
    """The size of the one image painted on each page of a PDF written by QPrinter (not blank)."""
    sizes = []
    for page in PdfReader(path).pages:
        [image] = page.images
        darkest, lightest = image.image.convert("L").getextrema()
        assert darkest < 80 and lightest > 240, "the page should show dark text on white paper"
        sizes.append(image.image.size)
    return sizes


def test_print_opens_the_print_dialog_and_paints_every_page(
    tasks, shown, dialog, opened, course, printer_to_file
) -> None:
    printing_actions.print_pdf(None, tasks, kind="certificates", course_id=course)
    assert tasks.wait_idle(20_000)
    assert printer_to_file["asked"] == [(1, 2, f"Kursbevis – {TITLE}")]
    # Each A4 page rendered at the printer's 150 dpi (capped at 300), one page per certificate.
    assert _printed_page_image_sizes(printer_to_file["out"]) == [(1241, 1754)] * 2
    [info] = shown["info"]
    assert info.startswith("2 sider er sendt til ") and "Skrev 2 kursbevis (2 sider)" in info
    assert opened == [] and dialog["asked"] == [] and shown["error"] == []


def test_print_only_the_pages_chosen_in_the_print_dialog(
    tasks, shown, dialog, opened, course, printer_to_file
) -> None:
    printer_to_file["pages"] = (2, 2)
    printing_actions.print_pdf(None, tasks, kind="certificates", course_id=course)
    assert tasks.wait_idle(20_000)
    assert len(PdfReader(printer_to_file["out"]).pages) == 1
    assert shown["info"][0].startswith("1 side er sendt til ")


def test_print_dialog_cancelled_prints_nothing(
    tasks, shown, dialog, opened, course, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(printing_actions, "ask_printer", lambda parent, printer: False)
    printing_actions.print_pdf(None, tasks, kind="certificates", course_id=course)
    assert tasks.wait_idle(10_000)
    assert shown["info"] == [] and opened == [] and list(tmp_path.rglob("*.pdf")) == []
