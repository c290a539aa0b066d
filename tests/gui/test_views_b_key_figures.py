"""Nøkkeltall: the funnel per course and per municipality, with a total row, as of a date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from coursekeeper.services import assignments, certificates
from coursekeeper.ui.widgets.form_fields import set_date
from tests import part_b_data
from tests.gui.b_helpers import table_texts


def test_funnel_tables_with_totals(tasks, qtbot) -> None:
    from coursekeeper.ui.views.key_figures_view import KeyFiguresView

    s = part_b_data.build()
    part_b_data.build(profile=False, title="Treningskontaktkurs Øygarden høst 2025")
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola")
    certificates.issue_for_course(s.course_id, dt.date(2025, 4, 10))
    assignments.add_assignment(person_id=s.people["Kari"], start_date=dt.date(2025, 5, 1))
    view = KeyFiguresView(tasks)
    qtbot.addWidget(view)
    set_date(view.as_of, dt.date(2025, 12, 1))
    tasks.wait_idle()
    headers = [view.per_course.headerData(c, Qt.Orientation.Horizontal) for c in range(10)]
    assert headers == [
        "Kurs", "Påmeldt", "Tatt opp", "Møtte", "Kursbevis", "I oppdrag",
        "6 måneder", "12 måneder", "18 måneder", "Tilbakebetalt",
    ]  # fmt: skip
    rows = {r[0]: r[1:] for r in table_texts(view.per_course)}
    assert rows["Treningskontaktkurs Øygarden vår 2025"] == ["3", "3", "2", "2", "1", "1", "0", "0", "0"]
    assert rows["Treningskontaktkurs Øygarden høst 2025"] == ["3", "3", "0", "0", "0", "0", "0", "0", "0"]
    assert table_texts(view.per_course)[-1] == ["Totalt", "6", "6", "2", "2", "1", "1", "0", "0", "0"]
    assert table_texts(view.per_municipality) == [
        ["Øygarden", "6", "6", "2", "2", "1", "1", "0", "0", "0"],
        ["Totalt", "6", "6", "2", "2", "1", "1", "0", "0", "0"],
    ]
    bold = view.per_course.data(view.per_course.index(2, 0), Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    spring = [r[0] for r in table_texts(view.per_course)].index("Treningskontaktkurs Øygarden vår 2025")
    tip = view.per_course.data(view.per_course.index(spring, 4), Qt.ItemDataRole.ToolTipRole)
    assert tip == "67 % av de påmeldte"  # 2 of 3 attended
