"""Kursbevis: issue for a course (names and reasons), the register, revoke, duplicate, verify."""

from __future__ import annotations

from coursekeeper.ui.dialogs.revoke_dialog import RevokeDialog
from tests import part_b_data
from tests.gui.b_helpers import drive_dialog, reload_on_change, select_rows, table_texts


def _issue_dialog(view, tasks):
    view.new_item()  # Ctrl+N: «Utsted kursbevis»
    tasks.wait_idle()
    return view.dialog


def test_issue_revoke_duplicate_and_verify(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.ui.dialogs.verify_dialog import VerifyDialog
    from coursekeeper.ui.views.certificates_view import CertificatesView

    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola", "Per")
    view = CertificatesView(tasks)
    qtbot.addWidget(view)
    reload_on_change(tasks, view)
    view.reload()
    tasks.wait_idle()
    view.course.choose(s.course_id)
    tasks.wait_idle()
    assert table_texts(view.panel.model) == []

    dialog = _issue_dialog(view, tasks)
    rows = table_texts(dialog.panel.model)
    assert sorted(r[:2] for r in rows) == [
        ["Kari Nordmann", "Får kursbevis"],
        ["Ola Ødegård", "Får kursbevis"],
        ["Per Hansen", "Får ikke"],
    ]
    assert [r[2] for r in rows if r[0] == "Per Hansen"] == ["Egenandelen er ikke betalt."]
    assert dialog.summary.text() == "2 får kursbevis · 1 får ikke · 0 har allerede"
    assert dialog.issue_button.text() == "Utsted 2 kursbevis"
    dialog.issue_button.click()
    tasks.wait_idle()
    [offer] = shown["choose"]  # answered «Ikke nå»: printing is tested in test_documents_from_window
    assert offer.startswith("2 kursbevis er utstedt:") and offer.endswith("Vil du skrive dem ut nå?")
    assert "Kari Nordmann" in offer and "Ola Ødegård" in offer
    assert dialog.summary.text() == "0 får kursbevis · 1 får ikke · 2 har allerede"
    assert not dialog.issue_button.isEnabled()
    dialog.close()

    register = table_texts(view.panel.model)
    assert sorted((r[1], r[4]) for r in register) == [("Kari Nordmann", "Gyldig"), ("Ola Ødegård", "Gyldig")]
    numbers = {r[1]: r[0] for r in register}
    codes = {r[1]: r[6] for r in register}
    assert sorted(numbers.values()) == [
        f"HIK-{numbers['Kari Nordmann'][4:8]}-0001",
        f"HIK-{numbers['Kari Nordmann'][4:8]}-0002",
    ]

    # Revoke Ola's with a reason (the reason is required).
    def fill(d: RevokeDialog) -> None:
        assert not d.ok_button.isEnabled()
        d.reason.setPlainText("Utstedt ved en feil")

    drive_dialog(monkeypatch, RevokeDialog, fill)
    select_rows(view.panel.table, lambda r: r.person_name == "Ola Ødegård")
    view.revoke_button.click()
    tasks.wait_idle()
    assert shown["info"][-1] == f"Kursbevis {numbers['Ola Ødegård']} er tilbakekalt."
    status = {r[1]: r[4] for r in table_texts(view.panel.model)}
    assert status["Ola Ødegård"].startswith("Tilbakekalt ") and status["Ola Ødegård"].endswith(
        ": Utstedt ved en feil"
    )
    select_rows(view.panel.table, lambda r: r.person_name == "Ola Ødegård")
    assert not view.duplicate_button.isEnabled() and not view.revoke_button.isEnabled()

    # Reprint Kari's as a duplicate: same number, recorded and shown.
    select_rows(view.panel.table, lambda r: r.person_name == "Kari Nordmann")
    view.duplicate_button.click()
    tasks.wait_idle()
    assert shown["confirm"][-1].startswith(
        f"Kursbevis {numbers['Kari Nordmann']} for Kari Nordmann får et nytt"
    )
    assert shown["info"][-1].startswith(
        f"Kursbevis {numbers['Kari Nordmann']} for Kari Nordmann er registrert som duplikat nr. 1, datert "
    )
    assert {r[1]: r[5] for r in table_texts(view.panel.model)}["Kari Nordmann"].startswith("1 (sist ")

    # «Kontroller kursbevis»: valid (green), revoked (red), unknown (amber).
    view.open_verify()
    verify: VerifyDialog = view.dialog
    for code, verdict, colour, detail in (
        (codes["Kari Nordmann"].lower(), "✔ Gyldig kursbevis", "#1b5e20", "for Kari Nordmann"),
        (codes["Ola Ødegård"], "✖ Tilbakekalt", "#b3261e", "Begrunnelse: Utstedt ved en feil"),
        ("AAAA-BBBB-CCCC-DDDD", "? Ukjent kode", "#7a4f00", "svarer ikke til noe kursbevis"),
    ):
        verify.code.setText(code)
        verify.check_button.click()
        tasks.wait_idle()
        assert verify.verdict.text() == verdict
        assert f"color: {colour}" in verify.verdict.styleSheet()
        assert detail in verify.details.text()
    assert shown["error"] == [] and shown["exception"] == []


def test_issuing_without_a_profile_explains_what_to_do(tasks, qtbot, shown) -> None:
    from coursekeeper.ui.views.certificates_view import CertificatesView

    s = part_b_data.build(profile=False)
    part_b_data.pay(s, "Kari")
    part_b_data.attend_fully(s, "Kari")
    view = CertificatesView(tasks)
    qtbot.addWidget(view)
    view.reload()
    tasks.wait_idle()
    view.course.choose(s.course_id)
    dialog = _issue_dialog(view, tasks)
    dialog.issue_button.click()
    tasks.wait_idle()
    assert shown["error"] and "Innstillinger" in shown["error"][0]
    assert dialog.issue_button.isEnabled()


def test_issue_for_the_selected_only(tasks, qtbot, shown) -> None:
    from coursekeeper.ui.views.certificates_view import CertificatesView

    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola", "Per")
    part_b_data.attend_fully(s, "Kari", "Ola")
    view = CertificatesView(tasks)
    qtbot.addWidget(view)
    view.reload()
    tasks.wait_idle()
    view.course.choose(s.course_id)
    dialog = _issue_dialog(view, tasks)
    select_rows(dialog.panel.table, lambda r: r.person_name in ("Ola Ødegård", "Per Hansen"))
    assert not dialog.selected_button.isEnabled()  # Per does not qualify
    select_rows(dialog.panel.table, lambda r: r.person_name == "Ola Ødegård")
    assert dialog.selected_button.isEnabled()
    dialog.selected_button.click()
    tasks.wait_idle()
    assert shown["choose"][-1].startswith("1 kursbevis er utstedt:") and "Ola Ødegård" in shown["choose"][-1]
    assert dialog.summary.text() == "1 får kursbevis · 1 får ikke · 1 har allerede"
