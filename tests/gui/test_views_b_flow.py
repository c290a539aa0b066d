"""One course's money and certificates end to end in the main window: pay, issue, assign, refund, verify."""

from __future__ import annotations

import datetime as dt

from coursekeeper.ui.dialogs.assignment_dialog import AssignmentDialog
from coursekeeper.ui.dialogs.payment_dialog import PaymentDialog
from coursekeeper.ui.dialogs.refund_dialog import RefundDialog
from coursekeeper.ui.widgets.form_fields import set_date
from tests import part_b_data
from tests.gui.b_helpers import drive_dialog, select_rows, table_texts

AS_OF = dt.date.today()  # the flow records payments and certificates today (as of means as of)


def test_pay_issue_assign_refund_verify(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.ui.main_window import MainWindow

    s = part_b_data.build()
    part_b_data.attend_fully(s, "Kari", "Ola")
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.show()

    # 1. Egenandeler: record payments for two of the course's participants in one step.
    deposits = window.show_view("deposits")
    tasks.wait_idle()
    deposits.course.choose(s.course_id)
    tasks.wait_idle()
    drive_dialog(monkeypatch, PaymentDialog, lambda d: d.method.setCurrentText("Vipps"))
    select_rows(deposits.status_panel.table, lambda r: r.person_name != "Per Hansen")
    deposits.new_item()  # Ctrl+N on Egenandeler: record a payment for the selection
    tasks.wait_idle()
    assert {r[0]: r[6] for r in table_texts(deposits.status_panel.model)} == {
        "Per Hansen": "Ikke betalt",
        "Kari Nordmann": "Betalt",
        "Ola Ødegård": "Betalt",
    }

    # 2. Kursbevis: the list says who gets one and why the other does not; issue.
    certificates = window.show_view("certificates")
    tasks.wait_idle()
    certificates.course.choose(s.course_id)
    certificates.new_item()
    tasks.wait_idle()
    dialog = certificates.dialog
    verdicts = {r[0]: (r[1], r[2]) for r in table_texts(dialog.panel.model)}
    assert verdicts["Kari Nordmann"] == ("Får kursbevis", "")
    assert verdicts["Ola Ødegård"] == ("Får kursbevis", "")
    assert verdicts["Per Hansen"] == ("Får ikke", "Mangler timer: 0 av 14 timer. Egenandelen er ikke betalt.")
    dialog.issue_button.click()
    tasks.wait_idle()
    dialog.close()
    assert shown["choose"][-1].startswith("2 kursbevis er utstedt:")
    register = {r[1]: r for r in table_texts(certificates.panel.model)}
    assert set(register) == {"Kari Nordmann", "Ola Ødegård"}

    # 3. Personer: find Ola by typing without Norwegian letters; add an assignment from May.
    people = window.show_view("people")
    tasks.wait_idle()
    people.search.setText("odegaard")
    people.apply_search("odegaard")
    tasks.wait_idle()  # the database searches
    assert [r[0] for r in table_texts(people.people.model)] == ["Ødegård"]
    select_rows(people.people.table, lambda r: True)
    people.open_selected()
    tasks.wait_idle()

    def fill(d: AssignmentDialog) -> None:
        d.municipality.setCurrentText("Øygarden")
        set_date(d.start, dt.date(2025, 5, 20))

    drive_dialog(monkeypatch, AssignmentDialog, fill)
    people.page.add_button.click()
    tasks.wait_idle()
    assert table_texts(people.page.assignments.model)[0][:2] == ["Øygarden", "20.05.2025"]

    # 4. Til tilbakebetaling as of today: six months reached 20.11.2025; record it for the selection.
    deposits = window.show_view("deposits")
    deposits.tabs.setCurrentWidget(deposits.refunds_panel)
    set_date(deposits.refunds_panel.as_of, AS_OF)
    tasks.wait_idle()
    due = table_texts(deposits.refunds_panel.model)
    assert [(r[0], r[4], r[5], r[6]) for r in due] == [
        ("Ola Ødegård", "Seks måneder i oppdrag", "Øygarden fra 20.05.2025", "20.11.2025")
    ]
    drive_dialog(monkeypatch, RefundDialog, lambda d: d.reference.setText("Utbetaling januar"))
    deposits.refunds_panel.table.selectAll()
    deposits.refunds_panel.refund_button.click()
    tasks.wait_idle()
    assert shown["choose"][-1].startswith("1 tilbakebetaling registrert: 1 000 kr.")
    assert table_texts(deposits.refunds_panel.model) == []

    # 5. The ledger shows the refund, after the two payments.
    deposits.tabs.setCurrentWidget(deposits.ledger_panel)
    tasks.wait_idle()
    assert [(r[2], r[4], r[5]) for r in table_texts(deposits.ledger_panel.model)] == [
        ("Kari Nordmann", "Innbetaling", "1 000 kr"),
        ("Ola Ødegård", "Innbetaling", "1 000 kr"),
        ("Ola Ødegård", "Tilbakebetaling", "1 000 kr"),
    ]

    # 6. «Kontroller kursbevis» with Ola's code: valid.
    certificates = window.show_view("certificates")
    certificates.open_verify()
    certificates.dialog.code.setText(register["Ola Ødegård"][6])
    certificates.dialog.check_button.click()
    tasks.wait_idle()
    assert certificates.dialog.verdict.text() == "✔ Gyldig kursbevis"
    assert shown["error"] == [] and shown["exception"] == []
