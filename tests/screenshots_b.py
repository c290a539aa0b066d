"""Part B's screens for ``tests/screenshots.py``: person page, deposit tabs, dialogs, certificates, figures.

Each entry is ``(file name, function(ctx) -> QWidget)`` like the entries of ``SHOTS`` there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel


def _settle(ctx) -> None:
    ctx.settle()


def _select(table, predicate) -> None:
    model = table.model()
    selection = table.selectionModel()
    selection.clearSelection()
    for n in range(model.rowCount()):
        if predicate(model.row_at(n)):
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(model.index(n, 0), flags)


def _person_with_most(ctx) -> int:
    from coursekeeper.services import refunds

    due = refunds.refunds_due(dt.date.today())
    if due:
        return due[0].person_id
    return ctx.window.views["people"].people.model.all_rows()[0].id


def _person_page(ctx):
    view = ctx.window.show_view("people")
    _settle(ctx)
    view.open_person(_person_with_most(ctx))
    _settle(ctx)
    return view.page


def _person_page_shot(tab: int) -> Callable:
    def shot(ctx):
        page = _person_page(ctx)
        page.tabs.setCurrentIndex(tab)
        _settle(ctx)
        return ctx.window

    return shot


def _people_search(ctx):
    view = ctx.window.show_view("people")
    view.show_list()
    _settle(ctx)
    view.search.setText("aase")
    view.apply_search("aase")
    _settle(ctx)
    return ctx.window


def _deposits_tab(tab: int, select_all: bool = False) -> Callable:
    def shot(ctx):
        view = ctx.window.show_view("deposits")
        view.tabs.setCurrentIndex(tab)
        _settle(ctx)
        if select_all:
            view.tabs.currentWidget().table.selectAll()
        _settle(ctx)
        return ctx.window

    return shot


def _dialog(make: Callable) -> Callable:
    def shot(ctx):
        dialog = make(ctx)
        ctx.keep.append(dialog)
        dialog.show()
        _settle(ctx)
        return dialog

    return shot


def _payment_dialog(ctx):
    from coursekeeper.ui.dialogs.payment_dialog import PaymentDialog

    view = ctx.window.show_view("deposits")
    view.tabs.setCurrentIndex(0)
    _settle(ctx)
    row = next(r for r in view.status_panel.model.all_rows() if r.outstanding_ore > 0)
    dialog = PaymentDialog([row], ctx.window)
    dialog.reference.setText("Vipps 4471")
    return dialog


def _refund_dialog(ctx):
    from coursekeeper.ui.dialogs.refund_dialog import RefundDialog, RefundTarget

    view = ctx.window.show_view("deposits")
    view.tabs.setCurrentIndex(2)
    _settle(ctx)
    rows = view.refunds_panel.model.all_rows() or []
    targets = [RefundTarget(r.enrolment_id, r.person_name, r.amount_ore) for r in rows]
    return RefundDialog(targets or [RefundTarget(0, "Kari Nordmann", 100_000)], ctx.window)


def _forfeit_dialog(ctx):
    from coursekeeper.ui.dialogs.forfeit_dialog import ForfeitDialog

    view = ctx.window.show_view("deposits")
    rows = [r for r in view.status_panel.model.all_rows() if r.held_ore > 0][:1]
    dialog = ForfeitDialog([(r.enrolment_id, r.person_name, r.held_ore) for r in rows], ctx.window)
    dialog.note.setText("Fristen for å starte oppdrag er passert")
    return dialog


def _correction_dialog(ctx):
    from coursekeeper.ui.dialogs.correction_dialog import CorrectionDialog

    view = ctx.window.show_view("deposits")
    view.tabs.setCurrentIndex(1)
    _settle(ctx)
    entry = next(r for r in view.ledger_panel.model.all_rows() if r.kind == "payment")
    return CorrectionDialog(entry, ctx.window)


def _assignment_dialog(ctx):
    from coursekeeper.services import municipalities
    from coursekeeper.ui.dialogs.assignment_dialog import AssignmentDialog

    page = _person_page(ctx)
    d = page.overview.details
    dialog = AssignmentDialog(d.id, d.full_name, municipalities.all_names(), d.municipality, ctx.window)
    dialog.note.setText("Svømming to ganger i uken")
    return dialog


def _end_assignment_dialog(ctx):
    from coursekeeper.ui.dialogs.end_assignment_dialog import EndAssignmentDialog

    page = _person_page(ctx)
    rows = [r for r in page.overview.assignments if r.end_date is None] or page.overview.assignments
    return EndAssignmentDialog(rows[0], ctx.window)


def _issue_dialog(ctx):
    from coursekeeper.services import certificates
    from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog

    view = ctx.window.show_view("courses")
    _settle(ctx)

    def mix(course_id: int) -> tuple[int, int]:
        rows = certificates.eligibility(course_id)
        return sum(r.eligible for r in rows), sum(not r.eligible and not r.certificate_number for r in rows)

    course_id = max((r.id for r in view.model.all_rows()), key=mix)
    dialog = IssueCertificatesDialog(ctx.tasks, course_id, ctx.window)
    dialog.resize(860, 520)
    return dialog


def _register(ctx):
    view = ctx.window.show_view("certificates")
    _settle(ctx)
    return view


def _revoke_dialog(ctx):
    from coursekeeper.ui.dialogs.revoke_dialog import RevokeDialog

    view = _register(ctx)
    row = next(r for r in view.panel.model.all_rows() if r.valid)
    dialog = RevokeDialog(row, ctx.window)
    dialog.reason.setPlainText("Utstedt ved en feil: deltakeren manglet timer")
    return dialog


def _login_dialog(ctx):
    from coursekeeper.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog("kursserver.bergen.kommune.no", "kari.nordmann", parent=ctx.window)
    dialog.password.setText("hemmelig-passord")
    return dialog


def _verify(kind: str) -> Callable:
    def make(ctx):
        from coursekeeper.ui.dialogs.verify_dialog import VerifyDialog

        view = _register(ctx)
        rows = view.panel.model.all_rows()
        valid = next((r.code for r in rows if r.valid), "")
        revoked = next((r.code for r in rows if not r.valid), valid)
        dialog = VerifyDialog(ctx.tasks, ctx.window)
        dialog.code.setText({"valid": valid, "revoked": revoked, "unknown": "ABCD-EFGH-IJKL-MNOP"}[kind])
        dialog.check()
        return dialog

    return make


def _register_selected(ctx):
    """Kursbevis for one course with three rows selected: the print buttons count them."""
    view = _register(ctx)
    rows = [r for r in view.panel.model.all_rows() if r.valid]
    view.course.choose(rows[0].course_id)
    _settle(ctx)
    chosen = {r.id for r in view.panel.model.all_rows() if r.valid}
    _select(view.panel.table, lambda r: r.id in sorted(chosen)[:3])
    _settle(ctx)
    return ctx.window


def _popup(menu, ctx):
    """A context menu as a widget of its own (a popup is not part of the window's grab)."""
    menu.adjustSize()
    menu.show()
    _settle(ctx)
    ctx.keep.append(menu)
    return menu


def _register_menu(ctx):
    from PySide6.QtCore import QPoint

    _register_selected(ctx)
    view = ctx.window.views["certificates"]
    view.panel.table.customContextMenuRequested.emit(QPoint(20, 20))
    return _popup(view.menu, ctx)


def _refund_letters(ctx):
    """Til tilbakebetaling with nothing selected: the letter buttons cover everyone listed."""
    view = ctx.window.show_view("deposits")
    view.tabs.setCurrentIndex(2)
    _settle(ctx)
    view.refunds_panel.table.clearSelection()
    _settle(ctx)
    return ctx.window


def _documents_menu(ctx):
    from tests.screenshots import _page

    page = _page(ctx)
    return _popup(page.documents_button.menu(), ctx)


def _issue_dialog_unpaid(ctx):
    """Utsted kursbevis with an unpaid participant selected: «Registrer innbetaling …» is offered."""
    from coursekeeper.services import certificates
    from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog, owes_deposit

    view = ctx.window.show_view("courses")
    _settle(ctx)
    course_id = next(
        r.id for r in view.model.all_rows() if any(owes_deposit(e) for e in certificates.eligibility(r.id))
    )
    dialog = IssueCertificatesDialog(ctx.tasks, course_id, ctx.window)
    dialog.resize(860, 520)
    dialog.show()
    _settle(ctx)
    _select(dialog.panel.table, owes_deposit)
    return dialog


def _key_figures_municipality(ctx):
    view = ctx.window.show_view("key_figures")
    view.tables.setCurrentIndex(1)
    _settle(ctx)
    return ctx.window


PART_B_SHOTS: list[tuple[str, Callable]] = [
    ("11_personer_sok.png", _people_search),
    ("12_personside_kurs.png", _person_page_shot(0)),
    ("13_personside_egenandel.png", _person_page_shot(2)),
    ("14_personside_oppdrag.png", _person_page_shot(3)),
    ("15_nytt_oppdrag.png", _dialog(_assignment_dialog)),
    ("16_avslutt_oppdrag.png", _dialog(_end_assignment_dialog)),
    ("21_posteringer.png", _deposits_tab(1)),
    ("22_til_tilbakebetaling.png", _deposits_tab(2, select_all=True)),
    ("23_kan_beholdes.png", _deposits_tab(3)),
    ("24_registrer_innbetaling.png", _dialog(_payment_dialog)),
    ("25_registrer_tilbakebetaling.png", _dialog(_refund_dialog)),
    ("26_behold_egenandel.png", _dialog(_forfeit_dialog)),
    ("27_korriger_postering.png", _dialog(_correction_dialog)),
    ("31_utsted_kursbevis.png", _dialog(_issue_dialog)),
    ("36_kursbevis_valgte.png", _register_selected),
    ("37_kursbevis_hoyreklikk.png", _register_menu),
    ("38_utsted_ikke_betalt.png", _dialog(_issue_dialog_unpaid)),
    ("28_brev_om_tilbakebetaling.png", _refund_letters),
    ("09_utskrift_og_eksport.png", _documents_menu),
    ("32_tilbakekall_kursbevis.png", _dialog(_revoke_dialog)),
    ("33_kontroller_gyldig.png", _dialog(_verify("valid"))),
    ("34_kontroller_tilbakekalt.png", _dialog(_verify("revoked"))),
    ("35_kontroller_ukjent.png", _dialog(_verify("unknown"))),
    ("41_nokkeltall_per_kommune.png", _key_figures_municipality),
    ("51_logg_inn.png", _dialog(_login_dialog)),
]
