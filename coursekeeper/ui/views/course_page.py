"""A course's page: facts, capacity line, enrolments table and the actions on an enrolment."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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
from coursekeeper.domain.money import format_kr
from coursekeeper.domain.states import TRANSITIONS, EnrolmentState
from coursekeeper.errors import NeedsConfirmation
from coursekeeper.services import course_overview, enrolments
from coursekeeper.services.course_overview import CourseOverview, EnrolmentRow
from coursekeeper.ui import labels, messages
from coursekeeper.ui.dialogs.add_person_dialog import AddPersonDialog
from coursekeeper.ui.dialogs.attendance_dialog import AttendanceDialog
from coursekeeper.ui.dialogs.course_dialog import CourseDialog
from coursekeeper.ui.dialogs.screening_dialog import ScreeningDialog
from coursekeeper.ui.table_models import RIGHT, Column, Hours, RowTableModel
from coursekeeper.ui.tasks import TaskRunner, report_error
from coursekeeper.ui.widgets.course_documents_button import CourseDocumentsButton
from coursekeeper.ui.widgets.search_field import SearchField
from coursekeeper.ui.widgets.table_view import RowTableView

S = EnrolmentState
ENROLMENT_AREAS = frozenset({"enrolments", "courses", "deposits"})


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

        self.model: RowTableModel[EnrolmentRow] = RowTableModel(
            [
                Column(self.tr("Navn"), lambda r: r.name, stretch=True),
                Column(self.tr("Kommune"), lambda r: r.municipality),
                Column(self.tr("Status"), lambda r: labels.enrolment_state(r.state)),
                Column(self.tr("Vurdering"), lambda r: labels.screening_outcome(r.screening)),
                Column(self.tr("Egenandel"), lambda r: labels.deposit_status(r.deposit_status)),
                Column(self.tr("Timer"), lambda r: Hours(r.attended_minutes), RIGHT),
                Column(self.tr("Kursbevis"), lambda r: r.certificate_number),
                Column(self.tr("Søkt"), lambda r: r.applied_at, sort_key=lambda r: r.applied_at),
            ],
            self,
        )
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.activated.connect(self.open_screening)
        self.table.installEventFilter(self)

        actions = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("accept", self.tr("Ta opp"), self.tr("Gi plass på kurset (venteliste når kurset er fullt)")),
            ("waitlist", self.tr("Sett på venteliste"), ""),
            ("reject", self.tr("Avslå"), ""),
            ("withdraw", self.tr("Trekk …"), self.tr("Trekk påmeldingen (Delete)")),
            ("screening", self.tr("Egnethetsvurdering …"), self.tr("Åpne vurderingen med notater (logges)")),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(functools.partial(self._run_action, key))
            self.action_buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.count_label = QLabel()
        actions.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.capacity_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete on the enrolments table asks before withdrawing."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            self.withdraw_selected()
            return True
        return super().eventFilter(watched, event)

    # -- loading -----------------------------------------------------------------------------

    def show_course(self, course_id: int) -> None:
        """Show this course (loads on the worker)."""
        if course_id != self.course_id:
            self.search.clear()
            self.state_filter.setCurrentIndex(0)
            self.model.set_rows([])
        self.course_id = course_id
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
        text = self.tr("%1 av %n plasser", "", capacity).replace("%1", str(taken))
        if waitlisted:
            text += " · " + self.tr("%1 på venteliste").replace("%1", str(waitlisted))
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
            self.tr("%1 timer").replace("%1", f"{c.total_minutes / 60:g}".replace(".", ",")),
            self.tr("egenandel %1").replace("%1", format_kr(c.deposit_ore))
            if not c.deposit_waived
            else self.tr("ingen egenandel"),
        ]
        if c.binding_date:
            facts.append(self.tr("bindende fra %1").replace("%1", format_date(c.binding_date)))
        self.facts.setText(" · ".join(f for f in facts if f))
        self.capacity_label.setText(self.capacity_text(overview.seats_taken, c.capacity, overview.waitlisted))
        selected = self.selected()
        self.model.set_rows(overview.enrolments)
        self._apply_filter()
        wanted = self._select_after or (selected.id if selected is not None else None)
        self._select_after = None
        if wanted is not None:
            self.select_enrolment(wanted)
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
        self.count_label.setText(
            self.tr("%1 av %n påmeldinger vises", "", len(self.model.all_rows())).replace(
                "%1", str(self.model.rowCount())
            )
        )
        self._update_buttons()

    # -- selection and actions ---------------------------------------------------------------

    def selected(self) -> EnrolmentRow | None:
        """The enrolment under the cursor."""
        return self.model.row_at(self.table.currentIndex())

    def select_enrolment(self, enrolment_id: int) -> None:
        """Put the cursor on an enrolment (if it is shown)."""
        for i, row in enumerate(self.model.rows()):
            if row.id == enrolment_id:
                self.table.selectRow(i)
                self.table.setCurrentIndex(self.model.index(i, 0))
                return

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected()
        allowed = TRANSITIONS[row.state] if row else frozenset()
        self.action_buttons["accept"].setEnabled(S.ACCEPTED in allowed)
        self.action_buttons["waitlist"].setEnabled(S.WAITLISTED in allowed)
        self.action_buttons["reject"].setEnabled(S.REJECTED in allowed)
        self.action_buttons["withdraw"].setEnabled(S.WITHDRAWN in allowed)
        self.action_buttons["screening"].setEnabled(row is not None)
        self.add_button.setEnabled(self.course_id is not None)

    def _run_action(self, key: str) -> None:
        if key == "withdraw":
            self.withdraw_selected()
        elif key == "screening":
            self.open_screening()
        else:
            self.change_state(key)

    def change_state(self, action: str) -> None:
        """Accept, waitlist or reject the selected enrolment."""
        row = self.selected()
        if row is None:
            return
        if action == "accept":
            self.accept_enrolment(row)
            return
        fn = {"waitlist": enrolments.waitlist, "reject": enrolments.reject}[action]
        self.tasks.run(
            functools.partial(fn, row.id),
            label=self.tr("Lagrer …"),
            touches=ENROLMENT_AREAS,
            on_done=self._on_transition,
            parent=self,
        )

    def accept_enrolment(self, row: EnrolmentRow, *, ahead_of_queue: bool = False) -> None:
        """«Ta opp»; taking someone ahead of earlier people on the waiting list is asked first."""
        self.tasks.run(
            functools.partial(enrolments.accept, row.id, ahead_of_queue=ahead_of_queue),
            label=self.tr("Lagrer …"),
            touches=ENROLMENT_AREAS,
            on_done=self._on_transition,
            on_error=functools.partial(self._on_accept_refused, row),
            parent=self,
        )

    def _on_accept_refused(self, row: EnrolmentRow, exc: BaseException) -> None:
        if not isinstance(exc, NeedsConfirmation):
            report_error(self, exc)
            return
        question = self.tr("Vil du likevel ta opp %1 foran dem?").replace("%1", row.name)
        if messages.confirm(
            self,
            self.tr("Ta opp foran ventelisten"),
            exc.message + "\n\n" + question,
            self.tr("Ta opp likevel"),
        ):
            self.accept_enrolment(row, ahead_of_queue=True)

    def _on_transition(self, result: enrolments.TransitionResult) -> None:
        if result.waitlisted_instead or result.promotions or result.forfeited_ore:
            messages.show_info(self, result.message)

    def withdraw_selected(self) -> None:
        """Delete / «Trekk»: show what withdrawal does (forfeit, promotion) and ask first."""
        row = self.selected()
        if row is None or S.WITHDRAWN not in TRANSITIONS[row.state]:
            return
        self.tasks.run(
            functools.partial(enrolments.withdrawal_preview, row.id, dt.date.today()),
            label=self.tr("Sjekker …"),
            on_done=functools.partial(self._confirm_withdrawal, row),
            parent=self,
        )

    def _confirm_withdrawal(self, row: EnrolmentRow, preview: enrolments.WithdrawalPreview) -> None:
        if not messages.confirm(
            self,
            self.tr("Trekk påmeldingen"),
            preview.message + "\n\n" + self.tr("Vil du trekke påmeldingen?"),
            self.tr("Trekk påmeldingen"),
        ):
            return
        self.tasks.run(
            functools.partial(enrolments.withdraw, row.id, dt.date.today()),
            label=self.tr("Trekker påmeldingen …"),
            touches=ENROLMENT_AREAS,
            on_done=self._on_transition,
            parent=self,
        )

    # -- dialogs -----------------------------------------------------------------------------

    def add_person(self) -> None:
        """Find or create a person and enrol them on this course."""
        if self.overview is None:
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

    def open_screening(self, *_args: object) -> None:
        """The screening dialog for the selected enrolment (opening it is logged)."""
        row = self.selected()
        if row is None:
            return
        self.dialog = ScreeningDialog(self.tasks, row, self)
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
