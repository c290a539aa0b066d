"""Personer: everyone a page at a time, searched by the database as you type (æøå-aware); a person's
page in the same place.

A second tab lists likely duplicates (same e-mail, or same folded name and birth date), from which
the user opens the merge.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.services.person_merge import (
    SAME_EMAIL,
    DuplicatePair,
    likely_duplicates,
)
from coursekeeper.services.person_overview import PersonListRow
from coursekeeper.ui import role_gate
from coursekeeper.ui.dialogs.merge_people_dialog import open_merge
from coursekeeper.ui.dialogs.person_dialog import PersonDialog
from coursekeeper.ui.table_models import Column
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.list_and_page_view import ListAndPageView
from coursekeeper.ui.views.person_page import PersonPage
from coursekeeper.ui.widgets.people_list import PeopleList
from coursekeeper.ui.widgets.rows_panel import RowsPanel
from coursekeeper.ui.widgets.search_field import SearchField


class DuplicatesList(RowsPanel):
    """Pairs of records that are likely the same person."""

    def make_columns(self) -> list[Column]:
        """Both people with birth date and e-mail, and why they look alike."""
        return [
            Column(
                self.tr("Person"),
                lambda r: r.first.full_name,
                sort_key=lambda r: nb_key(r.first.last_name),
                stretch=True,
            ),
            Column(self.tr("Født"), lambda r: r.first.birth_date),
            Column(self.tr("E-post"), lambda r: r.first.email, stretch=True),
            Column(self.tr("Mulig samme som"), lambda r: r.second.full_name, stretch=True),
            Column(self.tr("Født"), lambda r: r.second.birth_date),
            Column(self.tr("E-post"), lambda r: r.second.email, stretch=True),
            Column(self.tr("Hvorfor"), self._reason),
        ]

    def _reason(self, row: DuplicatePair) -> str:
        if row.reason == SAME_EMAIL:
            return self.tr("Samme e-post")
        return self.tr("Samme navn og fødselsdato")


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
        self.new_button = QPushButton(self.tr("Ny person …"))
        self.new_button.setToolTip(self.tr("Registrer en ny person (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_person)
        self.duplicates = DuplicatesList(tasks)
        self.duplicates.table.activated.connect(self.merge_selected)
        self.merge_button = QPushButton(self.tr("Slå sammen …"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.duplicates.buttons.addWidget(self.merge_button)
        role_gate.gate("can_edit_people", self.new_button)
        role_gate.gate("can_erase", self.merge_button)
        self.duplicates.loaded.connect(self._update_duplicates_tab)
        hint = QLabel(
            self.tr(
                "Personer med samme e-post, eller samme navn og fødselsdato (Ø/O, Å/Aa og "
                "store/små bokstaver regnes som like). Velg et par og trykk «Slå sammen …»."
            )
        )
        hint.setWordWrap(True)
        duplicates_page = QWidget()
        dv = QVBoxLayout(duplicates_page)
        dv.addWidget(hint)
        dv.addWidget(self.duplicates, 1)
        everyone = QWidget()
        ev = QVBoxLayout(everyone)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.new_button)
        ev.addLayout(bar)
        ev.addWidget(self.people, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(everyone, self.tr("Alle personer"))
        self.tabs.addTab(duplicates_page, self.tr("Mulige duplikater"))
        inner = QVBoxLayout(self.list_page)
        inner.addWidget(title)
        inner.addWidget(self.tabs, 1)

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list's first page and the likely duplicates; also refresh an open person's page."""
        self.people.reload()
        self.duplicates.load(likely_duplicates, self.tr("Ser etter mulige duplikater …"))
        if self.page_shown():
            self.page.reload()

    def focus_search(self) -> None:
        """Ctrl+F: back to the list and into the search field."""
        self.show_list()
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N: a new person in the list, a new assignment on a person's page."""
        if self.page_shown():
            self.page.add_assignment()
        else:
            self.new_person()

    # -- list --------------------------------------------------------------------------------

    def apply_search(self, text: str) -> None:
        """Search: the database finds the matches (their first page is shown)."""
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

    def new_person(self) -> None:
        """Ny person: the form; once stored, the new person's page opens."""
        if not self.new_button.isEnabled():
            return
        dialog = PersonDialog(self.tasks, parent=self)
        dialog.saved.connect(self.open_person)
        dialog.exec()

    # -- duplicates --------------------------------------------------------------------------

    def _update_duplicates_tab(self) -> None:
        count = len(self.duplicates.model.all_rows())
        self.tabs.setTabText(1, self.tr("Mulige duplikater (%1)").replace("%1", str(count)))
        self.merge_button.setEnabled(count > 0)

    def merge_selected(self, *_args: object) -> None:
        """Open the merge of the selected pair (its counts and shared courses fetched first)."""
        row: DuplicatePair | None = self.duplicates.table.current_row()
        if row is not None and self.merge_button.isEnabled():
            open_merge(self.tasks, self, row.first.id, row.second.id)
