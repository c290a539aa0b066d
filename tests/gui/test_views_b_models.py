"""qtmodeltester over every table model of the people, deposit, certificate and key-figure screens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from coursekeeper.services import assignments, certificates, deposits
from coursekeeper.ui.widgets.form_fields import set_date
from tests import part_b_data


def _data(s) -> None:
    part_b_data.pay(s, "Kari", "Ola", "Per")
    part_b_data.attend_fully(s, "Kari", "Ola")
    issued = certificates.issue_for_course(s.course_id, dt.date(2025, 4, 10))
    certificates.revoke(issued[1].id, "Feil")
    assignments.add_assignment(person_id=s.people["Kari"], start_date=dt.date(2025, 5, 1))
    entry = next(r for r in deposits.ledger(course_id=s.course_id) if r.person_name == "Per Hansen")
    deposits.record_correction(entry_id=entry.id, on=dt.date(2025, 6, 1), note="Feil beløp")


def _check_sorted(qtmodeltester, model) -> None:
    qtmodeltester.check(model)
    assert model.rowCount() > 0
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)


def test_deposit_models(tasks, qtbot, qtmodeltester) -> None:
    from coursekeeper.ui.views.deposits_view import DepositsView

    s = part_b_data.build()
    _data(s)
    view = DepositsView(tasks)
    qtbot.addWidget(view)
    view.reload()
    tasks.wait_idle()
    for index, as_of in ((0, None), (1, None), (2, dt.date(2026, 1, 15))):
        view.tabs.setCurrentIndex(index)
        panel = view.tabs.currentWidget()
        if as_of is not None:
            set_date(panel.as_of, as_of)
        tasks.wait_idle()
        _check_sorted(qtmodeltester, panel.model)
    view.tabs.setCurrentIndex(3)
    tasks.wait_idle()
    qtmodeltester.check(view.forfeit_panel.model)  # empty: no course sets a deadline here


def test_people_certificate_and_key_figure_models(tasks, qtbot, qtmodeltester) -> None:
    from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog
    from coursekeeper.ui.views.certificates_view import CertificatesView
    from coursekeeper.ui.views.key_figures_view import KeyFiguresView
    from coursekeeper.ui.views.people_view import PeopleView

    s = part_b_data.build()
    _data(s)
    people = PeopleView(tasks)
    register = CertificatesView(tasks)
    figures = KeyFiguresView(tasks)
    for widget in (people, register, figures):
        qtbot.addWidget(widget)
        widget.reload()
    tasks.wait_idle()
    _check_sorted(qtmodeltester, people.people.model)
    _check_sorted(qtmodeltester, register.panel.model)
    qtmodeltester.check(figures.per_course)
    qtmodeltester.check(figures.per_municipality)

    people.open_person(s.people["Kari"])
    tasks.wait_idle()
    for panel in (
        people.page.enrolments,
        people.page.certificates,
        people.page.ledger,
        people.page.assignments,
    ):
        _check_sorted(qtmodeltester, panel.model)

    dialog = IssueCertificatesDialog(tasks, s.course_id, register)
    tasks.wait_idle()
    _check_sorted(qtmodeltester, dialog.panel.model)


def test_fast_fold_equals_search_key() -> None:
    from coursekeeper.domain.text import search_key
    from coursekeeper.ui.widgets.rows_panel import fold

    for text in ("Ola  Nordmann", "KID 123\tBank", "Ødegård", "AASEN Moe", "Oestby", "", "  x  ", "ÄÖ é"):
        assert fold(text) == search_key(text), text
