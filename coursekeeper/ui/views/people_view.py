"""Personer: everyone, searched in Python as you type (æøå-aware); a person's page in the same place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coursekeeper.services.person_overview import (
    PersonListRow,
    people_directory,
    person_matches,
    search_terms,
)
from coursekeeper.ui.table_models import CENTER, Column, identifying_column
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.list_and_page_view import ListAndPageView
from coursekeeper.ui.views.person_page import PersonPage
from coursekeeper.ui.widgets.rows_panel import RowsPanel
from coursekeeper.ui.widgets.search_field import SearchField


class PeopleList(RowsPanel):
    """Everyone, loaded once; a keystroke filters the rows in memory."""

    def make_columns(self) -> list[Column]:
        """Name, birth date, contact, municipality, number of courses."""
        return [
            identifying_column(self.tr("Etternavn"), lambda r: r.last_name),
            identifying_column(self.tr("Fornavn"), lambda r: r.first_name),
            Column(self.tr("Født"), lambda r: r.birth_date, sort_key=lambda r: r.birth_date or dt.date.min),
            Column(self.tr("E-post"), lambda r: r.email, sort_key=lambda r: r.email),
            Column(self.tr("Telefon"), lambda r: r.phone, sort_key=lambda r: r.phone_digits),
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


class PeopleView(ListAndPageView):
    """The people list; Enter or a double click opens the person's page."""

    page: PersonPage

    areas = frozenset({"people", "enrolments", "deposits", "certificates", "assignments"})

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, PersonPage(tasks), parent)
        title = QLabel(self.tr("Personer"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.search = SearchField(self.tr("Søk etter navn, e-post, telefon eller fødselsdato (Ctrl+F)"))
        self.search.search.connect(self.apply_search)
        self.people = PeopleList(tasks)
        self.people.table.activated.connect(self._on_activated)
        self.open_button = QPushButton(self.tr("Åpne personen"))
        self.open_button.clicked.connect(self.open_selected)
        self.people.buttons.addWidget(self.open_button)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        inner = QVBoxLayout(self.list_page)
        inner.addWidget(title)
        inner.addLayout(bar)
        inner.addWidget(self.people, 1)

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Load everyone once (one query); also refresh an open person's page."""
        self.people.load(people_directory, self.tr("Henter personer …"))
        if self.page_shown():
            self.page.reload()

    def focus_search(self) -> None:
        """Ctrl+F: back to the list and into the search field."""
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N on a person's page: a new assignment."""
        if self.page_shown():
            self.page.add_assignment()

    # -- list --------------------------------------------------------------------------------

    def apply_search(self, text: str) -> None:
        """Filter the loaded rows (no query per keystroke)."""
        self.people.set_search(text)

    def _on_activated(self, index: QModelIndex) -> None:
        row: PersonListRow | None = self.people.model.row_at(index)
        if row is not None:
            self.open_person(row.id)

    def open_selected(self) -> None:
        """Open the selected person's page."""
        row: PersonListRow | None = self.people.table.current_row()
        if row is not None:
            self.open_person(row.id)

    def open_person(self, person_id: int) -> None:
        """Show a person's page."""
        self.stack.setCurrentWidget(self.page)
        self.page.show_person(person_id)

    def show_list(self) -> None:
        """Back to the list."""
        super().show_list()
        self.people.table.setFocus()
