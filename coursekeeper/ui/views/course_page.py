"""A course's page: facts, capacity line, enrolments table and the actions on an enrolment."""

from __future__ import annotations

import functools

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date
from coursekeeper.domain.hours import hours_text
from coursekeeper.domain.money import format_kr
from coursekeeper.domain.states import EnrolmentState
from coursekeeper.services import course_overview
from coursekeeper.services.course_overview import CourseOverview, EnrolmentRow
from coursekeeper.ui import labels, messages, navigation, role_gate
from coursekeeper.ui.dialogs.add_person_dialog import AddPersonDialog
from coursekeeper.ui.dialogs.attendance_dialog import AttendanceDialog
from coursekeeper.ui.dialogs.course_dialog import CourseDialog
from coursekeeper.ui.table_models import RIGHT, Column, Hours, RowTableModel
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.enrolment_actions import EnrolmentActions
from coursekeeper.ui.widgets.course_documents_button import CourseDocumentsButton
from coursekeeper.ui.widgets.flow_layout import FlowLayout
from coursekeeper.ui.widgets.search_field import SearchField
from coursekeeper.ui.widgets.table_view import RowTableView

S = EnrolmentState


class CoursePage(QWidget):
    """Everything about one course; actions run on the worker and the page reloads after."""

    back_requested = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course_id: int | None = None
        self.overview: CourseOverview | None = None
        self.dialog: QWidget | None = None
        self._select_after: int | None = None

        self.back_button = QPushButton(self.tr("← Alle kurs"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.capacity_label = QLabel()
        self.capacity_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.edit_button = QPushButton(self.tr("Rediger kurset …"))
        self.edit_button.clicked.connect(self.edit_course)
        self.attendance_button = QPushButton(self.tr("Oppmøte …"))
        self.attendance_button.clicked.connect(self.open_attendance)
        self.documents_button = CourseDocumentsButton(tasks)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.attendance_button)
        top.addWidget(self.documents_button)

        self.search = SearchField(self.tr("Søk etter navn eller kommune"))
        self.search.search.connect(self._apply_filter)
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("Alle påmeldinger"), None)
        for state in S:
            self.state_filter.addItem(labels.enrolment_state(state), state)
        self.state_filter.currentIndexChanged.connect(self._apply_filter)
        state_label = QLabel(self.tr("Vis:"))
        state_label.setBuddy(self.state_filter)
        self.add_button = QPushButton(self.tr("Legg til person …"))
        self.add_button.setToolTip(self.tr("Søk opp en person som finnes, eller opprett en ny (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_person)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(state_label)
        filters.addWidget(self.state_filter)
        filters.addStretch(1)
        filters.addWidget(self.add_button)
        self.import_button = QPushButton(self.tr("Importer deltakerliste …"))
        self.import_button.setToolTip(self.tr("Les inn en deltakerliste fra Excel (xlsx, xls eller ods)"))
        self.import_button.clicked.connect(self.import_participants)
        filters.addWidget(self.import_button)

        columns = [
            Column(self.tr("Navn"), lambda r: r.name, stretch=True),
            Column(self.tr("Kommune"), lambda r: r.municipality),
            Column(self.tr("Status"), lambda r: labels.enrolment_state(r.state)),
            Column(self.tr("Vurdering"), lambda r: labels.screening_outcome(r.screening)),
            Column(self.tr("Egenandel"), lambda r: labels.deposit_status(r.deposit_status)),
            Column(self.tr("Timer"), lambda r: Hours(r.attended_minutes), RIGHT),
            Column(self.tr("Kursbevis"), lambda r: r.certificate_number),
            Column(self.tr("Søkt"), lambda r: r.applied_at, sort_key=lambda r: r.applied_at),
        ]
        allowed = role_gate.allowed()
        hidden = {  # municipal staff: no screening at all; the screening role: no money, no register
            3: not allowed.can_see_screening,
            4: not allowed.can_see_money,
            6: not allowed.can_see_certificates,
        }
        columns = [c for i, c in enumerate(columns) if not hidden.get(i)]
        self.model: RowTableModel[EnrolmentRow] = RowTableModel(columns, self)
        self.table = RowTableView(multi_select=True)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.open_person_at)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.installEventFilter(self)

        self.enrolment_actions = EnrolmentActions(self)
        self.table.customContextMenuRequested.connect(self.enrolment_actions.show_menu)
        self.action_buttons = self.enrolment_actions.buttons
        buttons = QWidget()  # wraps onto a second line in a narrow window (960 px) instead of clipping
        flow = FlowLayout(buttons)
        for button in self.action_buttons.values():
            flow.addWidget(button)
        flow.addWidget(self.enrolment_actions.certificate_button)
        self.count_label = QLabel()
        self.count_label.setContentsMargins(12, 0, 0, 0)
        self.count_label.setMinimumHeight(self.enrolment_actions.certificate_button.sizeHint().height())
        flow.addWidget(self.count_label)

        role_gate.gate(
            "can_edit_courses", self.edit_button, self.attendance_button, self.add_button, self.import_button
        )

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.capacity_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete on the enrolments table plans a withdrawal; Enter opens the person."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Delete:
                self.withdraw_selected()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_person_at(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)

    # -- loading -----------------------------------------------------------------------------

    def show_course(self, course_id: int, *, select: int | None = None) -> None:
        """Show this course (loads on the worker), with the cursor on enrolment ``select`` if given."""
        if course_id != self.course_id:
            self.search.clear()
            self.state_filter.setCurrentIndex(0)
            self.model.set_rows([])
        self.course_id = course_id
        self._select_after = select
        self.documents_button.course_id = course_id
        self.reload()

    def reload(self) -> None:
        """Fetch the course's overview on the worker."""
        if self.course_id is None:
            return
        self.tasks.run(
            functools.partial(course_overview.course_overview, self.course_id),
            label=self.tr("Henter kurset …"),
            on_done=self._on_loaded,
            parent=self,
        )

    def focus_search(self) -> None:
        """Ctrl+F on the course page."""
        self.search.setFocus()
        self.search.selectAll()

    def capacity_text(self, taken: int, capacity: int, waitlisted: int) -> str:
        """``24 av 30 plasser · 3 på venteliste`` (``1 av 1 plass``)."""
        locale = QLocale()  # «1 000» in Norwegian, «1,000» in English, as the row counts say it
        text = self.tr("%1 av %Ln plasser", "", capacity).replace("%1", locale.toString(taken))
        if waitlisted:
            text += " · " + self.tr("%1 på venteliste").replace("%1", locale.toString(waitlisted))
        return text

    def _on_loaded(self, overview: CourseOverview) -> None:
        if overview.course.id != self.course_id:
            return
        self.overview = overview
        c = overview.course
        self.title.setText(c.title)
        facts = [
            f"{format_date(c.start_date)}–{format_date(c.end_date)}",
            c.municipality,
            c.venue,
            labels.course_status(c.status),
            hours_text(c.total_minutes),
            self.tr("egenandel %1").replace("%1", format_kr(c.deposit_ore))
            if not c.deposit_waived
            else self.tr("ingen egenandel"),
        ]
        if c.binding_date:
            facts.append(self.tr("bindende fra %1").replace("%1", format_date(c.binding_date)))
        self.facts.setText(" · ".join(f for f in facts if f))
        self.capacity_label.setText(self.capacity_text(overview.seats_taken, c.capacity, overview.waitlisted))
        selected = [r.id for r in self.selected_rows()]
        self.model.set_rows(overview.enrolments)  # the search and «Vis» filter stay applied
        self._show_count()
        wanted = [self._select_after] if self._select_after is not None else selected
        self._select_after = None
        self.select_enrolments(wanted)
        self._update_buttons()

    def _apply_filter(self, *_args: object) -> None:
        state = self.state_filter.currentData()
        from coursekeeper.domain.text import search_key

        terms = search_key(self.search.text()).split()

        def keep(row: EnrolmentRow) -> bool:
            if state is not None and row.state != state:
                return False
            text = search_key(f"{row.name} {row.municipality}")
            return all(t in text for t in terms)

        self.model.set_filter(keep)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        self.count_label.setText(
            self.tr("%1 av %Ln påmeldinger vises", "", len(self.model.all_rows())).replace(
                "%1", QLocale().toString(self.model.rowCount())
            )
        )

    # -- selection and actions ---------------------------------------------------------------

    def selected(self) -> EnrolmentRow | None:
        """The enrolment under the cursor."""
        return self.model.row_at(self.table.currentIndex())

    def selected_rows(self) -> list[EnrolmentRow]:
        """The selected enrolments, top to bottom."""
        numbers = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [row for n in numbers if (row := self.model.row_at(n)) is not None]

    def select_enrolment(self, enrolment_id: int) -> None:
        """Put the cursor on an enrolment (if it is shown)."""
        self.select_enrolments([enrolment_id])

    def select_enrolments(self, enrolment_ids: list[int]) -> None:
        """Select these enrolments (those shown); the cursor goes to the first."""
        wanted = set(enrolment_ids)
        selection = QItemSelection()
        first = None
        for i, row in enumerate(self.model.rows()):
            if row.id in wanted:
                selection.select(self.model.index(i, 0), self.model.index(i, self.model.columnCount() - 1))
                first = i if first is None else first
        if first is None:
            return
        self.table.setCurrentIndex(self.model.index(first, 0))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_buttons(self, *_args: object) -> None:
        self.enrolment_actions.update(self.selected_rows())
        self.add_button.setEnabled(self.course_id is not None)

    def open_person_at(self, index: QModelIndex) -> None:
        """Double-click or Enter: the row's person under «Personer»."""
        row = self.model.row_at(index)
        if row is not None:
            navigation.open_person(self, row.person_id)

    def withdraw_selected(self) -> None:
        """Delete / «Trekk …»: the plan (forfeit, promotion) first, then ONE confirmation."""
        self.enrolment_actions.run("withdraw")

    def open_screening(self, *_args: object) -> None:
        """The screening of the selected enrolment, or one outcome for several."""
        self.enrolment_actions.run("screening")

    # -- dialogs -----------------------------------------------------------------------------

    def add_person(self) -> None:
        """Find or create a person and enrol them on this course."""
        if self.overview is None or not self.add_button.isEnabled():
            return
        self.dialog = AddPersonDialog(self.tasks, self.overview.course, self)
        self.dialog.enrolled.connect(self._on_enrolled)
        self.dialog.open()

    def _on_enrolled(self, enrolment_id: int, message: str) -> None:
        self._select_after = enrolment_id
        if message:
            messages.show_info(self, message)

    def edit_course(self) -> None:
        """Open the course form."""
        if self.course_id is None:
            return
        self.dialog = CourseDialog(self.tasks, self.course_id, self)
        self.dialog.open()

    def import_participants(self) -> None:
        """The import wizard for a municipality's participant list."""
        from coursekeeper.ui.dialogs.import_wizard import ImportWizard

        if self.course_id is None:
            return
        self.dialog = ImportWizard(self.tasks, self.course_id, self)
        self.dialog.open()

    def open_attendance(self) -> None:
        """The attendance grid for this course."""
        if self.course_id is None:
            return
        self.dialog = AttendanceDialog(self.tasks, self.course_id, self)
        self.dialog.open()
