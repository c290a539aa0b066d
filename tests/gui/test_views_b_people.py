"""Personer: search folds æøå; a person's page; add and end an assignment that leads to a refund."""

from __future__ import annotations

import datetime as dt

from coursekeeper.services import certificates
from coursekeeper.ui.dialogs.assignment_dialog import AssignmentDialog
from coursekeeper.ui.dialogs.end_assignment_dialog import EndAssignmentDialog
from coursekeeper.ui.dialogs.refund_dialog import RefundDialog
from coursekeeper.ui.widgets.form_fields import set_date
from tests import part_b_data
from tests.gui.b_helpers import drive_dialog, reload_on_change, select_rows, table_texts


def _names(view) -> list[str]:
    return [f"{r[1]} {r[0]}" for r in table_texts(view.people.model)]


def test_search_finds_odegard_when_typing_odegaard(tasks, qtbot) -> None:
    from coursekeeper.ui.views.people_view import PeopleView

    part_b_data.build()
    view = PeopleView(tasks)
    qtbot.addWidget(view)
    view.reload()
    tasks.wait_idle()
    assert _names(view) == ["Per Hansen", "Kari Nordmann", "Ola Ødegård"]
    assert view.people.count_label.text() == "3 rader"
    qtbot.keyClicks(view.search, "odegaard")
    qtbot.waitUntil(lambda: view.people.model.rowCount() == 1)
    assert _names(view) == ["Ola Ødegård"]
    assert view.people.count_label.text() == "1 av 3 rader"
    view.search.setText("912 34 567")
    qtbot.waitUntil(lambda: _names(view) == ["Kari Nordmann"])
    view.search.setText("24.12.1979")
    qtbot.waitUntil(lambda: _names(view) == ["Per Hansen"])
    view.search.clear()
    qtbot.waitUntil(lambda: view.people.model.rowCount() == 3)


def test_person_page_assignment_makes_the_refund_due(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.ui.views.deposits_view import DepositsView
    from coursekeeper.ui.views.people_view import PeopleView

    s = part_b_data.build()
    part_b_data.pay(s, "Kari")
    part_b_data.attend_fully(s, "Kari")
    certificates.issue_for_course(s.course_id, dt.date(2025, 4, 10))
    view = PeopleView(tasks)
    deposits_view = DepositsView(tasks)
    qtbot.addWidget(view)
    qtbot.addWidget(deposits_view)
    reload_on_change(tasks, view, deposits_view)
    view.reload()
    tasks.wait_idle()
    select_rows(view.people.table, lambda r: r.first_name == "Kari")
    view.open_button.click()
    tasks.wait_idle()
    page = view.page
    assert page.name.text() == "Kari Nordmann"
    assert "Født 09.04.1985" in page.facts.text() and "kari.nordmann@example.no" in page.facts.text()
    assert [r[0] for r in table_texts(page.enrolments.model)] == ["Treningskontaktkurs Øygarden vår 2025"]
    assert [r[0] for r in table_texts(page.certificates.model)] == ["HIK-2025-0001"]
    assert [tuple(r[4:6]) for r in table_texts(page.ledger.model)] == [("Innbetaling", "1 000 kr")]
    assert page.tabs.tabText(3) == "Oppdrag (0)"

    def fill(dialog: AssignmentDialog) -> None:
        dialog.municipality.setCurrentText("Bergen")
        set_date(dialog.start, dt.date(2025, 5, 1))
        assert dialog.hint.text() == "Seks måneder nås 01.11.2025."

    drive_dialog(monkeypatch, AssignmentDialog, fill)
    view.new_item()  # Ctrl+N on a person's page
    tasks.wait_idle()
    assert page.feedback.text() == "Oppdrag fra 01.05.2025 er registrert."
    assert table_texts(page.assignments.model) == [["Bergen", "01.05.2025", "Pågår", "Nådd 01.11.2025", ""]]
    assert page.tabs.tabText(3) == "Oppdrag (1)"
    assert table_texts(page.enrolments.model)[0][3] == "Skal tilbakebetales"

    deposits_view.reload()
    deposits_view.tabs.setCurrentWidget(deposits_view.refunds_panel)
    set_date(deposits_view.refunds_panel.as_of, dt.date(2026, 1, 15))
    tasks.wait_idle()
    due = table_texts(deposits_view.refunds_panel.model)
    assert [(r[0], r[5], r[6]) for r in due] == [("Kari Nordmann", "Bergen fra 01.05.2025", "01.11.2025")]
    drive_dialog(monkeypatch, RefundDialog, lambda d: None)
    deposits_view.refunds_panel.select_all_button.click()
    deposits_view.refunds_panel.refund_button.click()
    tasks.wait_idle()
    assert [t.split("\n")[0] for t in shown["choose"]] == ["1 tilbakebetaling registrert: 1 000 kr."]
    assert [r[4] for r in table_texts(page.ledger.model)] == ["Innbetaling", "Tilbakebetaling"]
    assert table_texts(page.enrolments.model)[0][3] == "Tilbakebetalt"

    # End the assignment: the end date may not be before the start.
    def end(dialog: EndAssignmentDialog) -> None:
        set_date(dialog.end, dt.date(2025, 4, 1))
        assert not dialog.ok_button.isEnabled()
        assert dialog.error.text() == "Sluttdatoen kan ikke være før startdatoen."
        set_date(dialog.end, dt.date(2026, 2, 1))

    drive_dialog(monkeypatch, EndAssignmentDialog, end)
    select_rows(page.assignments.table, lambda r: True)
    page.end_button.click()
    tasks.wait_idle()
    assert table_texts(page.assignments.model)[0][:3] == ["Bergen", "01.05.2025", "01.02.2026"]
    assert shown["error"] == [] and shown["exception"] == []
