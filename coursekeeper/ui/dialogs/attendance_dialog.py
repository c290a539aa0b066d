"""Attendance for a course: participants × sessions, usable from the keyboard."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date
from coursekeeper.domain.hours import hours_text
from coursekeeper.errors import CourseKeeperError
from coursekeeper.services import attendance, course_overview
from coursekeeper.services.course_overview import AttendanceSheet
from coursekeeper.ui import messages
from coursekeeper.ui.attendance_model import AttendanceModel
from coursekeeper.ui.tasks import TaskRunner


class AttendanceDialog(QDialog):
    """Every tick or typed number is saved at once on the worker; totals update as you type."""

    def __init__(self, tasks: TaskRunner, course_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course_id = course_id
        self.setWindowTitle(self.tr("Oppmøte"))
        self.resize(900, 560)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        help_text = QLabel(
            self.tr(
                "Piltastene flytter. Mellomrom krysser av for hele økten. Skriv et tall for timer "
                "(for eksempel 3,5). Endringer lagres med en gang."
            )
        )
        help_text.setWordWrap(True)
        self.model = AttendanceModel(self)
        self.model.minutes_changed.connect(self._save_cell)
        self.model.rejected.connect(self._show_problem)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.all_present = QPushButton(self.tr("Alle til stede i valgt økt"))
        self.all_present.setToolTip(
            self.tr("Krysser av alle som er tatt opp, for økten markøren står i (Ctrl+T)")
        )
        self.all_present.clicked.connect(self.mark_current_session)
        QShortcut(QKeySequence("Ctrl+T"), self, self.mark_current_session)
        self.session_label = QLabel()
        self.complete_button = QPushButton(self.tr("Avslutt kurset …"))
        self.complete_button.setToolTip(
            self.tr("Sett Fullført, Ikke fullført eller Møtte ikke for alle som er tatt opp, ut fra timene")
        )
        self.complete_button.clicked.connect(self.complete_course)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020; font-weight: 600;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_present)
        row.addWidget(self.session_label, 1)
        row.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(help_text)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Fetch the sheet on the worker."""
        self.tasks.run(
            functools.partial(course_overview.attendance_sheet, self.course_id),
            label=self.tr("Henter oppmøte …"),
            on_done=self._on_loaded,
            parent=self,
        )

    def _on_loaded(self, sheet: AttendanceSheet) -> None:
        self.model.set_sheet(sheet)
        needed = hours_text(sheet.course.required_minutes)
        self.heading.setText(
            self.tr("%1 – fullført krever %2").replace("%1", sheet.course.title).replace("%2", needed)
        )
        if not sheet.participants:
            self.problem.setText(self.tr("Ingen deltakere er tatt opp på kurset ennå."))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if sheet.participants and sheet.sessions:
            self.table.setCurrentIndex(self.model.index(0, 1))
        self.table.setFocus()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        session = self.model.session_at(current.column())
        self.all_present.setEnabled(session is not None and session.id in self.model.started)
        self.session_label.setText(
            self.tr("Valgt økt: %1").replace("%1", format_date(session.date)) if session else ""
        )

    def _save_cell(self, enrolment_id: int, session_id: int, minutes: int, was: int | None) -> None:
        self.problem.clear()
        self.tasks.run(
            functools.partial(
                attendance.set_attendance,
                enrolment_id=enrolment_id,
                session_id=session_id,
                minutes=minutes,
                was=was,
            ),
            label=self.tr("Lagrer oppmøte …"),
            touches={"attendance"},
            on_error=self._on_save_error,
            parent=self,
        )

    def mark_current_session(self) -> None:
        """«Alle til stede» for the session the cursor is in."""
        session = self.model.session_at(self.table.currentIndex().column())
        if session is None or session.id not in self.model.started:
            return
        was = self.model.mark_all_present(session.id)
        self.tasks.run(
            functools.partial(attendance.mark_all_present, session.id, was=was),
            label=self.tr("Lagrer oppmøte …"),
            touches={"attendance"},
            on_error=self._on_save_error,
            parent=self,
        )

    def complete_course(self) -> None:
        """Close attendance: everyone accepted becomes completed, not completed or no-show."""
        sheet = self.model.sheet
        if sheet is None:
            return
        text = self.tr(
            "Alle som er tatt opp, får status ut fra timene sine: «Fullført» med minst %1, "
            "ellers «Ikke fullført», eller «Møtte ikke» uten oppmøte. Dette kan ikke angres."
        ).replace("%1", hours_text(sheet.course.required_minutes))
        ok_text = self.tr("Avslutt kurset")
        last = self.model.last_session_ahead(dt.date.today())
        if last is not None:
            early = self.tr("Kurset har økter igjen: siste økt er %1.").replace("%1", format_date(last))
            text = early + "\n\n" + text
            ok_text = self.tr("Avslutt likevel")
        if not messages.confirm(self, self.tr("Avslutt kurset"), text, ok_text):
            return
        self.tasks.run(
            functools.partial(
                attendance.complete_course, self.course_id, before_last_session=last is not None
            ),
            label=self.tr("Avslutter kurset …"),
            touches={"enrolments", "attendance", "courses", "certificates"},
            on_done=self._on_completed,
            parent=self,
        )

    def _on_completed(self, summary: attendance.CompletionSummary) -> None:
        messages.show_info(
            self,
            self.tr("%1 fullførte, %2 fullførte ikke, %3 møtte ikke.")
            .replace("%1", str(len(summary.completed)))
            .replace("%2", str(len(summary.not_completed)))
            .replace("%3", str(len(summary.no_show))),
        )
        self.reload()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _on_save_error(self, exc: BaseException) -> None:
        if isinstance(exc, CourseKeeperError):
            self.problem.setText(exc.message)
        else:
            messages.show_exception(self, exc)
        self.reload()  # show what is really stored
