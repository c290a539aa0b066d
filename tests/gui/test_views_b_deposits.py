"""Egenandeler and Kursbevis driven through their real widgets: pay, issue, refund, correct, verify."""

from __future__ import annotations

import datetime as dt

from coursekeeper.services import assignments
from coursekeeper.ui.dialogs.correction_dialog import CorrectionDialog
from coursekeeper.ui.dialogs.payment_dialog import PaymentDialog
from coursekeeper.ui.dialogs.refund_dialog import RefundDialog
from coursekeeper.ui.widgets.form_fields import set_date
from tests import part_b_data
from tests.gui.b_helpers import deposits_view_on, drive_dialog, reload_on_change, select_rows, table_texts


def _status_by_name(panel) -> dict[str, str]:
    return {row[0]: row[6] for row in table_texts(panel.model)}


def test_record_payments_for_a_course_then_correct_one(tasks, qtbot, shown, monkeypatch) -> None:
    s = part_b_data.build()
    view = deposits_view_on(tasks, qtbot, s.course_id)
    panel = view.status_panel
    assert _status_by_name(panel) == {
        "Per Hansen": "Ikke betalt",
        "Kari Nordmann": "Ikke betalt",
        "Ola Ødegård": "Ikke betalt",
    }

    def fill(dialog: PaymentDialog) -> None:
        assert dialog.amount.text() == "1 000"
        dialog.reference.setText("KID 123")

    drive_dialog(monkeypatch, PaymentDialog, fill)
    select_rows(panel.table, lambda r: r.person_name in ("Kari Nordmann", "Ola Ødegård"))
    assert panel.pay_button.isEnabled()
    panel.pay_button.click()
    tasks.wait_idle()
    assert view.feedback.text() == "Innbetalinger registrert for 2 deltakere: til sammen 2 000 kr."
    assert _status_by_name(panel) == {
        "Per Hansen": "Ikke betalt",
        "Kari Nordmann": "Betalt",
        "Ola Ødegård": "Betalt",
    }

    # The ledger is read-only; a correction is a new, reversing entry.
    view.tabs.setCurrentWidget(view.ledger_panel)
    tasks.wait_idle()
    ledger = view.ledger_panel
    rows = table_texts(ledger.model)
    assert [(r[2], r[4], r[5], r[7]) for r in rows] == [
        ("Kari Nordmann", "Innbetaling", "1 000 kr", "KID 123"),
        ("Ola Ødegård", "Innbetaling", "1 000 kr", "KID 123"),
    ]
    drive_dialog(monkeypatch, CorrectionDialog, lambda d: d.note.setText("Betalt av kommunen"))
    select_rows(ledger.table, lambda r: r.person_name == "Ola Ødegård")
    ledger.correct_button.click()
    tasks.wait_idle()
    rows = table_texts(ledger.model)
    assert (rows[-1][2], rows[-1][4], rows[-1][5]) == ("Ola Ødegård", "Korrigering", "-1 000 kr")
    assert rows[-1][8].startswith("Korrigerer nr. ")
    select_rows(ledger.table, lambda r: r.person_name == "Ola Ødegård" and r.kind == "payment")
    assert not ledger.correct_button.isEnabled()
    view.tabs.setCurrentWidget(panel)
    tasks.wait_idle()
    assert _status_by_name(panel)["Ola Ødegård"] == "Ikke betalt"
    assert shown["error"] == [] and shown["exception"] == []


def test_refund_due_after_six_months_is_recorded_for_the_selection(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.services import certificates
    from coursekeeper.ui.views.deposits_view import DepositsView

    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola")
    certificates.issue_for_course(s.course_id, dt.date(2025, 4, 10))
    assignments.add_assignment(
        person_id=s.people["Kari"], start_date=dt.date(2025, 5, 1), municipality="Bergen"
    )
    assignments.add_assignment(person_id=s.people["Ola"], start_date=dt.date(2025, 12, 1))

    view = DepositsView(tasks)
    qtbot.addWidget(view)
    reload_on_change(tasks, view)
    view.reload()
    view.tabs.setCurrentWidget(view.refunds_panel)
    set_date(view.refunds_panel.as_of, dt.date(2026, 1, 15))
    tasks.wait_idle()
    panel = view.refunds_panel
    assert [(r[0], r[3], r[4], r[5], r[6]) for r in table_texts(panel.model)] == [
        ("Kari Nordmann", "1 000 kr", "Seks måneder i oppdrag", "Bergen fra 01.05.2025", "01.11.2025")
    ]
    assert "Til sammen 1 000 kr å tilbakebetale" in panel.count_label.text()

    drive_dialog(monkeypatch, RefundDialog, lambda d: d.reference.setText("Bilag 42"))
    panel.select_all_button.click()
    panel.refund_button.click()
    tasks.wait_idle()
    [offer] = shown["choose"]  # «Ikke nå»: the letters are tested in test_documents_from_window
    assert offer.startswith("1 tilbakebetaling registrert: 1 000 kr.")
    # Recorded today: as of 15.01.2026 it was still due (DESIGN §3); as of today it is paid.
    assert len(table_texts(panel.model)) == 1
    set_date(panel.as_of, dt.date.today())
    tasks.wait_idle()
    assert "Kari Nordmann" not in [r[0] for r in table_texts(panel.model)]

    view.tabs.setCurrentWidget(view.ledger_panel)
    tasks.wait_idle()
    last = table_texts(view.ledger_panel.model)[-1]
    assert (last[2], last[4], last[5], last[7]) == (
        "Kari Nordmann",
        "Tilbakebetaling",
        "1 000 kr",
        "Bilag 42",
    )


def test_forfeit_candidates_and_keeping_a_deposit(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.db.models import Course
    from coursekeeper.ui.dialogs.forfeit_dialog import ForfeitDialog
    from coursekeeper.ui.views.deposits_view import DepositsView

    s = part_b_data.build()
    part_b_data.pay(s, "Per", "Kari")
    Course.update(assignment_deadline_months=3).where(Course.id == s.course_id).execute()
    view = DepositsView(tasks)
    qtbot.addWidget(view)
    reload_on_change(tasks, view)
    view.reload()
    view.tabs.setCurrentWidget(view.forfeit_panel)
    set_date(view.forfeit_panel.as_of, dt.date(2025, 9, 1))
    tasks.wait_idle()
    assert sorted(tuple(r) for r in table_texts(view.forfeit_panel.model)) == [
        ("Kari Nordmann", "Treningskontaktkurs Øygarden vår 2025", "1 000 kr", "10.07.2025"),
        ("Per Hansen", "Treningskontaktkurs Øygarden vår 2025", "1 000 kr", "10.07.2025"),
    ]

    def fill(d: ForfeitDialog) -> None:
        assert not d.ok_button.isEnabled()  # the reason is required
        d.note.setText("Ikke startet oppdrag innen fristen")

    drive_dialog(monkeypatch, ForfeitDialog, fill)
    select_rows(view.forfeit_panel.table, lambda r: r.person_name == "Per Hansen")
    view.forfeit_panel.forfeit_button.click()
    tasks.wait_idle()
    assert view.feedback.text() == "Egenandel beholdt: 1 000 kr."
    set_date(view.forfeit_panel.as_of, dt.date.today())  # the deposit was kept today
    tasks.wait_idle()
    assert [r[0] for r in table_texts(view.forfeit_panel.model)] == ["Kari Nordmann"]
    view.tabs.setCurrentWidget(view.status_panel)
    tasks.wait_idle()
    assert _status_by_name(view.status_panel)["Per Hansen"] == "Beholdt"
