"""Batches from the window: select several rows with mouse or keyboard, one confirmation, one summary."""

from __future__ import annotations

import datetime as dt
import gc

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from coursekeeper.domain.money import kroner
from coursekeeper.services import courses, deposits, enrolments, people
from coursekeeper.services.courses import CourseInput, SessionInput
from coursekeeper.ui import printing_actions
from coursekeeper.ui.dialogs.batch_screening_dialog import BatchScreeningDialog
from coursekeeper.ui.dialogs.payment_dialog import PaymentDialog
from tests import part_b_data
from tests.gui.as_user import User, plain
from tests.gui.b_helpers import drive_dialog

T0 = dt.datetime(2026, 1, 5, 9, 0)


@pytest.fixture
def user(window, tasks, qtbot):
    """Answers the right-click menus as they open (``as_user``)."""
    answering = User(qtbot, window, tasks)
    yield answering
    answering.stop()
    # User and its parentless QTimer form a cycle: collect it here, on the GUI thread. Left to a
    # later GC run, it may be collected on the database worker, which then deletes a GUI-thread timer.
    del answering
    gc.collect()


def _course(capacity: int, names: list[str], **kw) -> tuple[int, dict[str, int]]:
    course = courses.create_course(
        CourseInput(
            title="Kurs Øygarden",
            municipality="Øygarden",
            capacity=capacity,
            screening_required=False,
            sessions=[SessionInput(dt.date.today() + dt.timedelta(days=30), "09:00", "15:00")],
            **kw,
        )
    ).id
    ids = {}
    for hour, name in enumerate(names):
        first, last = name.split()
        person = people.create_person(people.PersonInput(first, last))
        ids[name] = enrolments.enrol(
            course_id=course, person_id=person.id, applied_at=T0 + dt.timedelta(hours=hour)
        ).id
    return course, ids


def _open(window, tasks, course_id: int):
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    return view.page


def _statuses(page) -> dict[str, str]:
    return {
        page.model.display_text(r, 0): page.model.display_text(r, 2) for r in range(page.model.rowCount())
    }


def _click_row(
    qtbot, table, row: int, modifier=Qt.KeyboardModifier.NoModifier, button=Qt.MouseButton.LeftButton
):
    pos = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), button, modifier, pos)


def _double_click(qtbot, table, row: int) -> None:
    """Two clicks as a mouse sends them (Qt acts on a double-click only on the row pressed first)."""
    pos = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def _right_click(qtbot, table, row: int) -> None:
    """A right-click as the platform delivers it: the mouse press, then the context-menu event."""
    pos = table.visualRect(table.model().index(row, 0)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.RightButton, pos=pos)
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)


def test_accept_three_with_the_mouse_and_the_context_menu(window, tasks, qtbot, shown, user) -> None:
    course, _ids = _course(2, ["Anne Aas", "Bjørn Berg", "Cecilie Dahl"])
    page = _open(window, tasks, course)
    _click_row(qtbot, page.table, 0)
    _click_row(qtbot, page.table, 2, Qt.KeyboardModifier.ShiftModifier)
    assert [r.name for r in page.selected_rows()] == ["Anne Aas", "Bjørn Berg", "Cecilie Dahl"]
    offered: dict[str, bool] = {}

    def pick(menu: QMenu) -> None:
        offered.update({plain(a.text()): a.isEnabled() for a in menu.actions() if not a.isSeparator()})
        user.trigger(menu, "Ta opp")

    user.then(pick)
    _right_click(qtbot, page.table, 1)
    qtbot.waitUntil(user.all_answered, timeout=3000)
    assert offered["Ta opp"] and not offered["Møtte ikke"]  # nobody is accepted yet
    assert tasks.wait_idle()
    assert shown["confirm"] == [
        "Tas opp (2): Anne Aas, Bjørn Berg\n\n"
        "Settes på venteliste fordi kurset er fullt (1): Cecilie Dahl\n\n"
        "Vil du fortsette?"
    ]
    assert shown["info"] == [
        "Tatt opp (2): Anne Aas, Bjørn Berg\n\nSatt på venteliste fordi kurset er fullt (1): Cecilie Dahl"
    ]
    assert _statuses(page) == {"Anne Aas": "Tatt opp", "Bjørn Berg": "Tatt opp", "Cecilie Dahl": "Venteliste"}
    assert page.capacity_label.text() == "2 av 2 plasser · 1 på venteliste"
    assert len(page.selected_rows()) == 3  # the selection survives the reload


def test_withdraw_with_the_keyboard_names_the_forfeit_and_the_promotion(window, tasks, qtbot, shown) -> None:
    yesterday = dt.date.today() - dt.timedelta(days=1)
    course, ids = _course(2, ["Anne Aas", "Bjørn Berg", "Cecilie Dahl", "Dag Eide"], binding_date=yesterday)
    for name in ("Anne Aas", "Bjørn Berg"):
        enrolments.accept(ids[name])
        deposits.record_payment(enrolment_id=ids[name], amount_ore=kroner(1000), paid_on=yesterday)
    enrolments.waitlist(ids["Cecilie Dahl"])
    page = _open(window, tasks, course)
    page.table.setFocus()
    page.select_enrolment(ids["Anne Aas"])
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert [r.name for r in page.selected_rows()] == ["Anne Aas", "Bjørn Berg"]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert tasks.wait_idle()
    (confirm,) = shown["confirm"]
    assert confirm.startswith("Trekkes fra kurset (2): Anne Aas, Bjørn Berg")
    assert "Cecilie Dahl får plassen fra ventelisten." in confirm
    kept = (
        "Egenandelen beholdes fordi påmeldingen var bindende (2):\n"
        "• Anne Aas: 1 000 kr\n• Bjørn Berg: 1 000 kr"
    )
    assert kept in confirm
    assert "Cecilie Dahl har fått plassen fra ventelisten." in shown["info"][0]
    assert _statuses(page) == {
        "Anne Aas": "Trukket",
        "Bjørn Berg": "Trukket",
        "Cecilie Dahl": "Tatt opp",
        "Dag Eide": "Søkt",
    }
    # Only Cecilie is on the waiting list now; Dag Eide never was, so one seat stays free.
    assert page.capacity_label.text() == "1 av 2 plasser"


def test_a_refused_row_is_named_and_left_out(window, tasks, qtbot, shown) -> None:
    course, ids = _course(5, ["Anne Aas", "Bjørn Berg"])
    enrolments.accept(ids["Anne Aas"])
    page = _open(window, tasks, course)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.action_buttons["no_show"].isEnabled()
    page.action_buttons["no_show"].click()
    assert tasks.wait_idle()
    (confirm,) = shown["confirm"]
    assert confirm.startswith(
        "Registreres som «Møtte ikke» (1): Anne Aas\n\nBlir ikke endret (1):\n• Bjørn Berg: "
    )
    assert shown["info"][0].startswith("Registrert som «Møtte ikke» (1): Anne Aas\n\nIkke endret (1):")
    assert _statuses(page) == {"Anne Aas": "Møtte ikke", "Bjørn Berg": "Søkt"}


def test_one_screening_for_several_then_payment(window, tasks, qtbot, shown, monkeypatch) -> None:
    course, _ids = _course(5, ["Anne Aas", "Bjørn Berg", "Cecilie Dahl"])
    page = _open(window, tasks, course)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    def unsuitable(dialog: BatchScreeningDialog) -> None:
        assert dialog.windowTitle() == "Egnethetsvurdering for 3 deltakere"
        dialog.outcome.setCurrentIndex(dialog.outcome.findText("Ikke egnet"))
        assert dialog.reject_too.isEnabled()
        dialog.reject_too.setChecked(True)
        dialog.interviewer.setText("Kari")

    drive_dialog(monkeypatch, BatchScreeningDialog, unsuitable)
    page.action_buttons["screening"].click()
    assert tasks.wait_idle()
    assert shown["info"] == [
        "Vurderingen «Ikke egnet» er lagret for 3 deltakere.\n\n"
        "Fått avslag (3): Anne Aas, Bjørn Berg, Cecilie Dahl"
    ]
    assert set(_statuses(page).values()) == {"Avslått"}
    assert {page.model.display_text(r, 3) for r in range(3)} == {"Ikke egnet"}

    course2, ids2 = _course(5, ["Dag Eide", "Eva Fjeld"])
    page = _open(window, tasks, course2)
    page.select_enrolments(list(ids2.values()))
    drive_dialog(monkeypatch, PaymentDialog, lambda d: d.reference.setText("Bilag 7"))
    page.action_buttons["pay"].click()
    assert tasks.wait_idle()
    assert shown["info"][-1] == "Innbetalinger registrert for 2 deltakere: til sammen 2 000 kr."
    assert {page.model.display_text(r, 4) for r in range(2)} == {"Betalt"}


def test_issue_opens_preselected_and_print_saves_the_selected(
    window, tasks, qtbot, shown, monkeypatch, tmp_path, user
) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola", "Per")
    part_b_data.attend_fully(s, "Kari", "Ola", "Per")
    page = _open(window, tasks, s.course_id)
    page.select_enrolments([s.enrolments["Kari"], s.enrolments["Per"]])
    user.context_menu(page.table, "Utsted kursbevis til de valgte …")  # as the whole-job tests do it
    assert tasks.wait_idle()
    dialog = page.dialog
    qtbot.waitUntil(lambda: len(dialog.panel.selected_rows()) == 2, timeout=3000)
    assert sorted(r.person_name for r in dialog.panel.selected_rows()) == ["Kari Nordmann", "Per Hansen"]
    dialog.selected_button.click()
    assert tasks.wait_idle()
    dialog.close()
    page.reload()
    assert tasks.wait_idle()

    out = tmp_path / "utvalgte.pdf"
    monkeypatch.setattr(printing_actions, "ask_save_path", lambda parent, default: out)
    monkeypatch.setattr(printing_actions, "open_file", lambda path: True)
    page.select_enrolments(list(s.enrolments.values()))  # Ola has no certificate: left out
    page.enrolment_actions.actions["save_pdf"].trigger()
    assert tasks.wait_idle(10_000)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Kari Nordmann" in text and "Per Hansen" in text and "Ola" not in text
    assert shown["error"] == [] and shown["exception"] == []


def test_double_click_opens_the_person_and_the_course(window, tasks, qtbot, shown, user) -> None:
    course, ids = _course(5, ["Anne Aas"])
    page = _open(window, tasks, course)
    _double_click(qtbot, page.table, 0)
    assert window.current_key() == "people"
    assert tasks.wait_idle()
    assert window.views["people"].page_shown()
    assert window.views["people"].page.person_id == page.model.row_at(0).person_id

    deposits_view = window.show_view("deposits")
    assert tasks.wait_idle()
    panel = deposits_view.status_panel
    table = panel.table
    _click_row(qtbot, table, 0)
    texts: list[str] = []

    def look(menu: QMenu) -> None:
        texts.extend(plain(a.text()) for a in menu.actions() if not a.isSeparator())
        menu.close()

    user.then(look)
    _right_click(qtbot, table, 0)
    qtbot.waitUntil(user.all_answered, timeout=3000)
    assert texts == [
        "Registrer innbetaling",
        "Tilbakebetal",
        "Behold egenandel",
        "Åpne personen",
        "Åpne kurset",
    ]
    _double_click(qtbot, table, 0)
    assert window.current_key() == "courses"
    assert tasks.wait_idle()
    assert window.views["courses"].page.course_id == course
    assert [r.id for r in window.views["courses"].page.selected_rows()] == [ids["Anne Aas"]]
    course_page = window.views["courses"].page
    course_page.table.setFocus()
    qtbot.keyClick(course_page.table, Qt.Key.Key_Return)  # Enter does what double-click does
    assert window.current_key() == "people"


def test_the_confirmation_for_990_names_a_few_and_counts_the_rest(window, tasks, qtbot, shown) -> None:
    names = [f"Deltaker{i:03d} Ødegård" for i in range(990)]
    course, _ids = _course(15, names)
    page = _open(window, tasks, course)
    page.table.selectAll()
    assert len(page.selected_rows()) == 990
    page.enrolment_actions.buttons["accept"].click()
    assert tasks.wait_idle(30_000)
    [question] = shown["confirm"]
    accepted, full, ask = question.split("\n\n")
    assert accepted == "Tas opp (15): " + ", ".join(names[:15])  # fifteen are all named
    assert (
        full == "Settes på venteliste fordi kurset er fullt (975): " + ", ".join(names[15:29]) + " og 961 til"
    )
    assert ask == "Vil du fortsette?"
