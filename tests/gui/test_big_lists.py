"""The list views under reload storms: one query per burst, the search kept, Ctrl+A acting on every match."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import Qt

from coursekeeper.services import enrolments, people
from coursekeeper.ui.dialogs.payment_dialog import PaymentDialog
from tests import part_b_data
from tests.gui.b_helpers import deposits_view_on, drive_dialog, select_rows, table_texts


def _names(panel) -> list[str]:
    return [row[0] for row in table_texts(panel.model)]


def _counted(db) -> list[int]:
    """A one-element list counting the statements run from now on (every thread)."""
    count = [0]
    plain = db.execute_sql

    def counted(sql, params=None, *args, **kwargs):
        count[0] += 1
        return plain(sql, params, *args, **kwargs)

    db.execute_sql = counted
    return count


def test_a_burst_of_reloads_reads_once_and_shows_the_newest_rows(db, tasks, qtbot, shown) -> None:
    s = part_b_data.build()
    view = deposits_view_on(tasks, qtbot, s.course_id)
    panel = view.status_panel
    count = _counted(db)
    panel.reload()
    tasks.wait_idle()
    one_load = count[0]
    assert one_load > 0

    # Three reloads asked for while the worker is busy (a change announced to every view, the
    # change watcher, the user): the rows are read once, and they are the newest.
    _enrol(s.course_id, "Åse", "Aamodt")
    gate = threading.Event()
    tasks.run(lambda: gate.wait(5), label="busy")
    loads: list[int] = []
    panel.loaded.connect(lambda: loads.append(1))
    count[0] = 0
    for _ in range(3):
        panel.reload()
    gate.set()
    tasks.wait_idle()
    assert loads == [1]
    assert count[0] == one_load
    assert "Åse Aamodt" in _names(panel)
    assert shown["error"] == [] and shown["exception"] == []


def _enrol(course_id: int, first: str, last: str) -> None:
    person = people.create_person(people.PersonInput(first, last, dt.date(1991, 5, 17), None, None))
    enrolments.enrol(course_id=course_id, person_id=person.id)


def test_the_search_stays_across_a_reload_and_finds_new_rows_folded(tasks, qtbot, shown) -> None:
    s = part_b_data.build()
    view = deposits_view_on(tasks, qtbot, s.course_id)
    qtbot.keyClicks(view.search, "odegaard")
    qtbot.waitUntil(lambda: _names(view.status_panel) == ["Ola Ødegård"])
    _enrol(s.course_id, "Åse", "Ødegård")
    view.reload()
    tasks.wait_idle()
    assert sorted(_names(view.status_panel)) == ["Ola Ødegård", "Åse Ødegård"]
    assert view.status_panel.count_label.text().startswith("2 av 4 rader")
    view.search.clear()
    qtbot.waitUntil(lambda: len(_names(view.status_panel)) == 4)


def test_ctrl_a_on_a_search_pays_for_every_matching_row(tasks, qtbot, shown, monkeypatch) -> None:
    s = part_b_data.build()
    for first in ("Åse", "Øystein", "Ærlend"):
        _enrol(s.course_id, first, "Nordmann")
    view = deposits_view_on(tasks, qtbot, s.course_id)
    panel = view.status_panel
    qtbot.keyClicks(view.search, "NORDMANN")
    qtbot.waitUntil(lambda: len(_names(panel)) == 4)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(panel.selected_rows()) == 4
    drive_dialog(monkeypatch, PaymentDialog, lambda d: None)
    panel.pay_button.click()
    tasks.wait_idle()
    assert view.feedback.text() == "Innbetalinger registrert for 4 deltakere: til sammen 4 000 kr."
    view.search.clear()
    qtbot.waitUntil(lambda: len(_names(panel)) == 6)
    status = {row[0]: row[6] for row in table_texts(panel.model)}
    assert status == {
        "Kari Nordmann": "Betalt",
        "Åse Nordmann": "Betalt",
        "Øystein Nordmann": "Betalt",
        "Ærlend Nordmann": "Betalt",
        "Ola Ødegård": "Ikke betalt",
        "Per Hansen": "Ikke betalt",
    }
    assert shown["error"] == [] and shown["exception"] == []


def test_people_search_by_phone_digits_survives_a_reload(tasks, qtbot) -> None:
    from coursekeeper.ui.views.people_view import PeopleView

    part_b_data.build()
    view = PeopleView(tasks)
    qtbot.addWidget(view)
    view.reload()
    tasks.wait_idle()
    view.search.setText("91234567")
    qtbot.waitUntil(lambda: view.people.model.rowCount() == 1)
    view.reload()
    tasks.wait_idle()
    assert [r[1] for r in table_texts(view.people.model)] == ["Kari"]
    assert view.people.count_label.text() == "1 av 3 rader"


def test_a_reload_keeps_the_selection_of_rows_still_listed(tasks, qtbot, shown) -> None:
    s = part_b_data.build()
    view = deposits_view_on(tasks, qtbot, s.course_id)
    panel = view.status_panel
    select_rows(panel.table, lambda r: r.person_name in ("Kari Nordmann", "Ola Ødegård"))
    _enrol(s.course_id, "Åse", "Aamodt")  # as another program instance would, then announces it
    view.reload()
    tasks.wait_idle()
    assert len(_names(panel)) == 4
    assert sorted(r.person_name for r in panel.selected_rows()) == ["Kari Nordmann", "Ola Ødegård"]
    assert panel.pay_button.isEnabled()
    view.tabs.setCurrentWidget(view.ledger_panel)
    tasks.wait_idle()
    assert view.ledger_panel.selected_rows() == []


def test_the_ledger_comes_a_page_at_a_time_searched_and_sorted_in_sql(tasks, qtbot, monkeypatch) -> None:
    from coursekeeper.services import deposits, ledger_pages
    from coursekeeper.ui.views.deposits_view import DepositsView

    monkeypatch.setattr(ledger_pages, "PAGE_SIZE", 2)
    s = part_b_data.build()
    part_b_data.pay(s, "Per", "Kari", "Ola")
    first = deposits.ledger()[0]
    deposits.record_correction(entry_id=first.id, on=dt.date(2025, 3, 2), note="Feilført")
    view = DepositsView(tasks)
    qtbot.addWidget(view)
    view.reload()
    view.tabs.setCurrentWidget(view.ledger_panel)
    tasks.wait_idle()
    ledger = view.ledger_panel
    assert len(ledger.page.rows) == 2  # the first page; the rest when the table asks for it
    assert ledger.count_label.text() == "4 rader"
    ledger.table.scrollToBottom()
    qtbot.waitUntil(lambda: ledger.model.rowCount() == 4)
    tasks.wait_idle()
    assert [r[4] for r in table_texts(ledger.model)] == ["Innbetaling"] * 3 + ["Korrigering"]
    select_rows(ledger.table, lambda r: r.id == first.id)
    assert not ledger.correct_button.isEnabled()  # corrected already (told by the page)

    ledger.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # Navn, Å to A: the last page first
    tasks.wait_idle()
    assert [r[2] for r in table_texts(ledger.model)][:2] == ["Per Hansen", "Per Hansen"]
    ledger.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    tasks.wait_idle()
    assert [r[2] for r in table_texts(ledger.model)][:2] == ["Kari Nordmann", "Ola Ødegård"]
    qtbot.keyClicks(view.search, "ØDEGAARD")
    qtbot.waitUntil(lambda: ledger.count_label.text() == "1 av 4 rader")
    assert [r[2] for r in table_texts(ledger.model)] == ["Ola Ødegård"]
    assert [r.id for r in ledger.selected_rows()] == []


def test_ctrl_a_on_a_paged_list_fetches_and_pays_every_matching_row(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.services import deposit_pages
    from coursekeeper.ui.table_models import PagedRowTableModel

    monkeypatch.setattr(deposit_pages, "PAGE_SIZE", 2)
    # The table never asks for more by itself here: as if the user had not scrolled down.
    monkeypatch.setattr(PagedRowTableModel, "canFetchMore", lambda self, parent: False)
    s = part_b_data.build()
    for first in ("Åse", "Øystein", "Ærlend"):
        _enrol(s.course_id, first, "Nordmann")
    view = deposits_view_on(tasks, qtbot, s.course_id)
    panel = view.status_panel
    assert panel.model.rowCount() == 2
    assert panel.count_label.text() == "6 rader"
    qtbot.keyClicks(view.search, "NORDMANN")
    qtbot.waitUntil(lambda: panel.count_label.text() == "4 av 6 rader")
    assert panel.model.rowCount() == 2
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    tasks.wait_idle()
    assert {r.person_name for r in panel.selected_rows()} == {
        "Kari Nordmann",
        "Ærlend Nordmann",
        "Øystein Nordmann",
        "Åse Nordmann",
    }
    assert panel.model.rowCount() == 4  # fetched for Ctrl+A
    drive_dialog(monkeypatch, PaymentDialog, lambda d: None)
    panel.pay_button.click()
    tasks.wait_idle()
    assert view.feedback.text() == "Innbetalinger registrert for 4 deltakere: til sammen 4 000 kr."
    panel.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # Status: «Betalt» (paid) before «Ikke betalt»
    tasks.wait_idle()
    assert [r[6] for r in table_texts(panel.model)][:2] == ["Betalt", "Betalt"]
    assert shown["error"] == [] and shown["exception"] == []


def test_a_burst_of_course_list_reloads_reads_the_courses_once(db, tasks, qtbot, shown) -> None:
    s = part_b_data.build()
    view = deposits_view_on(tasks, qtbot, s.course_id)
    count = _counted(db)
    view.course.reload()
    tasks.wait_idle()
    one_load = count[0]
    gate = threading.Event()
    tasks.run(lambda: gate.wait(5), label="busy")
    filled: list[int] = []
    view.course.loaded.connect(lambda: filled.append(1))
    count[0] = 0
    for _ in range(3):  # the view reopened, a change announced, the change watcher
        view.course.reload()
    gate.set()
    tasks.wait_idle()
    assert filled == [1]
    assert count[0] == one_load > 0
    assert view.course.course_id() == s.course_id
    assert shown["error"] == [] and shown["exception"] == []


def test_personer_reads_a_page_sorts_and_searches_in_the_database_and_ctrl_a_fetches_every_match(
    tasks, qtbot, shown, monkeypatch
) -> None:
    from coursekeeper.services import people_pages
    from coursekeeper.ui.dialogs.pick_person_dialog import PickPersonDialog
    from coursekeeper.ui.table_models import PagedRowTableModel
    from coursekeeper.ui.views.people_view import PeopleView

    monkeypatch.setattr(people_pages, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedRowTableModel, "canFetchMore", lambda self, parent: False)  # not scrolled
    s = part_b_data.build()
    for first in ("Åse", "Øystein", "Ærlend"):
        _enrol(s.course_id, first, "Nordmann")
    view = PeopleView(tasks)
    qtbot.addWidget(view)
    view.reload()
    tasks.wait_idle()
    people = view.people
    assert people.model.rowCount() == 2
    assert people.count_label.text() == "6 rader"
    people.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # Fornavn, Ø and Å last in Norwegian
    tasks.wait_idle()
    assert [r[1] for r in table_texts(people.model)] == ["Åse", "Øystein"]
    qtbot.keyClicks(view.search, "nordmann")
    qtbot.waitUntil(lambda: people.count_label.text() == "4 av 6 rader")
    assert people.model.rowCount() == 2
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    tasks.wait_idle()
    assert [r[1] for r in table_texts(people.model)] == ["Åse", "Øystein", "Ærlend", "Kari"]
    # The merge's picker (opened from «Mulige duplikater») leaves the first record out.
    kari = next(r for r in people.model.rows() if r.first_name == "Kari")
    picker = PickPersonDialog(tasks, kari.id, kari.full_name, view)
    tasks.wait_idle()
    assert picker.people.page.total == 5
    assert kari.id not in {r.id for r in picker.people.model.rows()}
    assert shown["error"] == [] and shown["exception"] == []


def test_end_and_the_scrollbar_at_the_bottom_reach_the_last_row_of_a_paged_list(
    tasks, qtbot, monkeypatch
) -> None:
    from coursekeeper.services import deposits, ledger_pages
    from coursekeeper.ui.table_models import PagedRowTableModel
    from coursekeeper.ui.views.deposits_view import DepositsView

    monkeypatch.setattr(ledger_pages, "PAGE_SIZE", 2)
    monkeypatch.setattr(PagedRowTableModel, "canFetchMore", lambda self, parent: False)  # no scrolling
    s = part_b_data.build()
    part_b_data.pay(s, "Per", "Kari", "Ola")
    for entry in deposits.ledger():
        deposits.record_correction(entry_id=entry.id, on=dt.date(2025, 3, 2), note="Feilført")
    view = DepositsView(tasks)
    qtbot.addWidget(view)
    view.reload()
    view.tabs.setCurrentWidget(view.ledger_panel)
    tasks.wait_idle()
    table, model = view.ledger_panel.table, view.ledger_panel.model
    assert (model.rowCount(), model.matching) == (2, 6)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    tasks.wait_idle()
    assert model.rowCount() == 6 and table.currentIndex().row() == 5  # every row read, the last current

    view.reload()
    tasks.wait_idle()
    assert model.rowCount() == 2
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum())
    bar.sliderReleased.emit()
    tasks.wait_idle()
    assert model.rowCount() == 6
