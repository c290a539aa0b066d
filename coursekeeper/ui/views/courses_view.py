"""Kurs: the course list with search and filters, and a course's page in the same place."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.text import search_key
from coursekeeper.services import courses
from coursekeeper.services.courses import CourseRow
from coursekeeper.ui import labels, role_gate
from coursekeeper.ui.dialogs.course_dialog import CourseDialog
from coursekeeper.ui.table_models import CENTER, Column, RowTableModel
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.course_page import CoursePage
from coursekeeper.ui.views.list_and_page_view import ListAndPageView
from coursekeeper.ui.widgets.search_field import SearchField
from coursekeeper.ui.widgets.table_view import RowTableView

ALL = None


class CoursesView(ListAndPageView):
    """The list of courses; opening one shows its page, «Alle kurs» goes back."""

    page: CoursePage

    areas = frozenset(
        {"courses", "enrolments", "screening", "attendance", "deposits", "certificates", "people"}
    )

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(tasks, CoursePage(tasks), parent)
        self.dialog: QWidget | None = None
        self._build_list()

    def _build_list(self) -> None:
        title = QLabel(self.tr("Kurs"))
        title.setObjectName("viewTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.search = SearchField(self.tr("Søk i tittel, kommune eller sted (Ctrl+F)"))
        self.search.search.connect(self._apply_filter)
        self.year = QComboBox()
        self.municipality = QComboBox()
        self.municipality.setMinimumContentsLength(14)
        self.status = QComboBox()
        self.status.addItem(self.tr("Alle statuser"), ALL)
        for code in ("planned", "open", "running", "finished", "cancelled"):
            self.status.addItem(labels.course_status(code), code)
        for combo in (self.year, self.municipality, self.status):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.new_button = QPushButton(self.tr("Nytt kurs …"))
        self.new_button.setToolTip(self.tr("Opprett et nytt kurs (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        self.followup_button = QPushButton(self.tr("Les inn oppfølgingsliste …"))
        self.followup_button.setToolTip(
            self.tr("Les inn oppdragene kommunen har fylt ut i oppfølgingslisten og sendt tilbake")
        )
        self.followup_button.clicked.connect(self.read_followup)
        self.open_button = QPushButton(self.tr("Åpne kurset"))
        self.open_button.clicked.connect(self._open_selected)
        role_gate.gate("can_edit_courses", self.new_button)
        role_gate.gate("can_assign", self.followup_button)

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.followup_button)
        heading.addWidget(self.open_button)
        heading.addWidget(self.new_button)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for text, combo in (
            (self.tr("År:"), self.year),
            (self.tr("Kommune:"), self.municipality),
            (self.tr("Status:"), self.status),
        ):
            label = QLabel(text)
            label.setBuddy(combo)
            # As narrow as a short name, wider when there is room: the page fits a 960 px window.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            bar.addWidget(label)
            bar.addWidget(combo, 1)

        self.model: RowTableModel[CourseRow] = RowTableModel(
            [
                Column(self.tr("Tittel"), lambda r: r.title, stretch=True),
                Column(self.tr("Start"), lambda r: r.start_date),
                Column(self.tr("Slutt"), lambda r: r.end_date),
                Column(self.tr("Kommune"), lambda r: r.municipality),
                Column(self.tr("Sted"), lambda r: r.venue),
                Column(self.tr("Status"), lambda r: labels.course_status(r.status)),
                Column(
                    self.tr("Plasser"),
                    lambda r: (
                        self.tr("%1 av %2")
                        .replace("%1", QLocale().toString(r.seats_taken))
                        .replace("%2", QLocale().toString(r.capacity))
                    ),
                    CENTER,
                    sort_key=lambda r: (r.seats_taken, r.capacity),
                ),
                Column(
                    self.tr("Venteliste"),
                    lambda r: QLocale().toString(r.waitlisted) if r.waitlisted else "",
                    CENTER,
                    sort_key=lambda r: r.waitlisted,
                ),
            ],
            self,
        )
        self.model.set_search_text(lambda r: search_key(f"{r.title} {r.municipality} {r.venue}"))
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.table.activated.connect(self._on_activated)
        self.count_label = QLabel()

        layout = QVBoxLayout(self.list_page)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the open course's page, or else the course list, on the worker.

        The hidden list is not read behind an open page: going back to it reads it (``show_list``).
        """
        if self.page_shown():
            self.page.reload()
            return
        self.tasks.run(
            courses.list_courses, label=self.tr("Henter kurs …"), on_done=self._on_loaded, parent=self
        )

    def focus_search(self) -> None:
        """Ctrl+F."""
        if self.page_shown():
            self.page.focus_search()
        else:
            self.search.setFocus()
            self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N: a new course (or add a person when a course page is open)."""
        if self.page_shown():
            self.page.add_person()
            return
        if not self.new_button.isEnabled():
            return
        self.dialog = CourseDialog(self.tasks, None, self)
        self.dialog.saved.connect(self.open_course)
        self.dialog.open()

    # -- list --------------------------------------------------------------------------------

    def _on_loaded(self, rows: list[CourseRow]) -> None:
        self._fill_combo(
            self.year, self.tr("Alle år"), sorted({r.start_date.year for r in rows}, reverse=True)
        )
        self._fill_combo(
            self.municipality,
            self.tr("Alle kommuner"),
            sorted({r.municipality for r in rows if r.municipality}),
        )
        self.model.set_rows(rows)
        self._apply_filter()

    @staticmethod
    def _fill_combo(combo: QComboBox, all_text: str, values: list) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, ALL)
        for value in values:
            combo.addItem(str(value), value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _apply_filter(self, *_args: object) -> None:
        year, municipality, status = (
            self.year.currentData(),
            self.municipality.currentData(),
            self.status.currentData(),
        )
        terms = search_key(self.search.text()).split()

        def keep(row: CourseRow) -> bool:
            if year is not None and row.start_date.year != year:
                return False
            if municipality is not None and row.municipality != municipality:
                return False
            if status is not None and row.status != status:
                return False
            if terms:
                text = search_key(f"{row.title} {row.municipality} {row.venue}")
                return all(t in text for t in terms)
            return True

        self.model.set_filter(keep)
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        self.count_label.setText(
            self.tr("%n kurs", "", total)
            if shown == total
            else self.tr("Viser %1 av %n kurs", "", total).replace("%1", str(shown))
        )

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_course(row.id)

    def _open_selected(self) -> None:
        row = self.model.row_at(self.table.currentIndex())
        if row is not None:
            self.open_course(row.id)

    def open_course(self, course_id: int, select: int | None = None) -> None:
        """Show a course's page (with the cursor on enrolment ``select`` when given)."""
        self.page.show_course(course_id, select=select)
        self.stack.setCurrentWidget(self.page)

    def read_followup(self) -> None:
        """Read back a follow-up sheet a municipality filled in (assignments for many courses)."""
        from coursekeeper.ui.dialogs.followup_dialog import FollowupDialog

        self.dialog = FollowupDialog(self.tasks, self)
        self.dialog.open()

    def show_list(self) -> None:
        """Back to the course list."""
        super().show_list()
        self.reload()
        self.table.setFocus()
