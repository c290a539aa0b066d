"""Everyone in a table, filtered in Python as the user types (æøå-aware): Personer and the person picker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from coursekeeper.services.person_overview import person_matches
from coursekeeper.services.phone_display import display_phone
from coursekeeper.ui.table_models import CENTER, Column, identifying_column
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.rows_panel import RowsPanel


class PeopleList(RowsPanel):
    """Everyone, loaded once; a keystroke filters the rows in memory."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, parent=parent)

    def make_columns(self) -> list[Column]:
        """Name, birth date, contact, municipality, number of courses."""
        return [
            identifying_column(self.tr("Etternavn"), lambda r: r.last_name),
            identifying_column(self.tr("Fornavn"), lambda r: r.first_name),
            Column(self.tr("Født"), lambda r: r.birth_date, sort_key=lambda r: r.birth_date or dt.date.min),
            Column(self.tr("E-post"), lambda r: r.email, sort_key=lambda r: r.email),
            Column(self.tr("Telefon"), lambda r: display_phone(r.phone), sort_key=lambda r: r.phone_digits),
            Column(self.tr("Kommune"), lambda r: r.municipality, sort_key=lambda r: nb_key(r.municipality)),
            Column(self.tr("Kurs"), lambda r: r.courses, CENTER, lambda r: r.courses),
        ]

    def _filter(self, terms: list[str]) -> None:
        """Same matching as the service's search: name, e-mail, birth date, and phone digits."""
        if not terms:
            self.model.set_filter(None)
        elif len(terms) == 1 and not terms[0].strip("+").isdigit():
            term = terms[0]
            self.model.set_filter(lambda r: term in r.search_text)
        else:
            self.model.set_filter(lambda r: person_matches(r, terms))
