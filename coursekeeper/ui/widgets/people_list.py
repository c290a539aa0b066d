"""Everyone in a table, filtered in Python as the user types (æøå-aware): Personer and the person picker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHeaderView, QWidget

from coursekeeper.services.person_overview import person_matches, search_terms
from coursekeeper.services.phone_display import display_phone
from coursekeeper.ui.table_models import CENTER, Column
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.rows_panel import RowsPanel


def stretch_columns(panel: RowsPanel, stretch: tuple[int, ...], fit: tuple[int, ...] = ()) -> None:
    """Spare width goes to the columns that identify a row (names, e-mail), not to the last one."""
    header = panel.table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    for column in fit:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


class PeopleList(RowsPanel):
    """Everyone, loaded once; a keystroke filters the rows in memory."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, widths=(150, 140, 95, 230, 130, 140, 60), parent=parent)
        stretch_columns(self, (0, 1), fit=(3,))

    def make_columns(self) -> list[Column]:
        """Name, birth date, contact, municipality, number of courses."""
        return [
            Column(self.tr("Etternavn"), lambda r: r.last_name, sort_key=lambda r: nb_key(r.last_name)),
            Column(self.tr("Fornavn"), lambda r: r.first_name, sort_key=lambda r: nb_key(r.first_name)),
            Column(self.tr("Født"), lambda r: r.birth_date, sort_key=lambda r: r.birth_date or dt.date.min),
            Column(self.tr("E-post"), lambda r: r.email, sort_key=lambda r: r.email),
            Column(self.tr("Telefon"), lambda r: display_phone(r.phone), sort_key=lambda r: r.phone_digits),
            Column(self.tr("Kommune"), lambda r: r.municipality, sort_key=lambda r: nb_key(r.municipality)),
            Column(self.tr("Kurs"), lambda r: r.courses, CENTER, lambda r: r.courses),
        ]

    def set_search(self, text: str) -> None:
        """Same matching as the service's search: name, e-mail, birth date, and phone digits."""
        terms = search_terms(text)
        if terms == self._terms:
            return
        self._terms = terms
        if not terms:
            self.model.set_filter(None)
        elif len(terms) == 1 and not terms[0].strip("+").isdigit():
            term = terms[0]
            self.model.set_filter(lambda r: term in r.search_text)
        else:
            self.model.set_filter(lambda r: person_matches(r, terms))
        self._update_count()
