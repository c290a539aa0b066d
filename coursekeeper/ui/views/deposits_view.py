"""Egenandeler: deposit status, the ledger, refunds due and forfeit candidates, per course or all."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from coursekeeper.ui import messages
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.deposit_status_panel import DepositStatusPanel
from coursekeeper.ui.views.forfeit_candidates_panel import ForfeitCandidatesPanel
from coursekeeper.ui.views.ledger_panel import LedgerPanel
from coursekeeper.ui.views.refunds_due_panel import RefundsDuePanel
from coursekeeper.ui.widgets.course_combo import CourseCombo
from coursekeeper.ui.widgets.rows_panel import RowsPanel
from coursekeeper.ui.widgets.search_field import SearchField


class DepositsView(QWidget):
    """Four tabs over one course choice; only the tab on screen is loaded."""

    areas = frozenset({"deposits", "enrolments", "courses", "certificates", "assignments", "people"})

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        title = QLabel(self.tr("Egenandeler"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.course = CourseCombo(tasks, all_text=self.tr("Alle kurs"))
        self.course.course_changed.connect(self._on_course_changed)
        self.search = SearchField(self.tr("Søk etter navn, kurs eller referanse (Ctrl+F)"))
        self.search.search.connect(self._on_search)
        self.feedback = QLabel()
        self.feedback.setStyleSheet("color: #1b5e20;")

        self.status_panel = DepositStatusPanel(tasks)
        self.ledger_panel = LedgerPanel(tasks)
        self.refunds_panel = RefundsDuePanel(tasks)
        self.forfeit_panel = ForfeitCandidatesPanel(tasks)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.status_panel, self.tr("Deltakere"))
        self.tabs.addTab(self.ledger_panel, self.tr("Posteringer"))
        self.tabs.addTab(self.refunds_panel, self.tr("Til tilbakebetaling"))
        self.tabs.addTab(self.forfeit_panel, self.tr("Kan beholdes"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._stale: set[RowsPanel] = set(self.panels())
        self._shown = False  # nothing is loaded before the main window first shows the view
        for panel in self.panels():
            panel.recorded.connect(self.feedback.setText)

        bar = QHBoxLayout()
        course_label = QLabel(self.tr("&Kurs:"))
        course_label.setBuddy(self.course)
        bar.addWidget(course_label)
        bar.addWidget(self.course, 2)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.feedback)

    def panels(self) -> list:
        """The four tab panels."""
        return [self.status_panel, self.ledger_panel, self.refunds_panel, self.forfeit_panel]

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Refresh the course list and the tab on screen; the others when they are shown."""
        self._shown = True
        self.course.reload()
        self._stale = set(self.panels())
        self._load_current()

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N: record a payment for the selected participants (on the «Deltakere» tab)."""
        self.tabs.setCurrentWidget(self.status_panel)
        if not self.status_panel.selected_rows():
            messages.show_info(
                self,
                self.tr("Velg først deltakerne som har betalt i listen «Deltakere», og trykk Ctrl+N igjen."),
            )
            return
        self.status_panel.pay()

    def show_course(self, course_id: int | None, tab: int = 0) -> None:
        """Open the view on one course and a tab (0 Deltakere, 1 Posteringer, 2 Til tilbakebetaling)."""
        self.course.choose(course_id)
        self.tabs.setCurrentIndex(tab)

    # -- internals ---------------------------------------------------------------------------

    def _on_course_changed(self, course_id: int | None) -> None:
        self.status_panel.set_course(course_id)
        self.ledger_panel.set_source(course_id=course_id)
        self.refunds_panel.set_course(course_id)
        self.forfeit_panel.set_course(course_id)
        self._stale = set(self.panels())
        self._load_current()

    def _on_tab_changed(self, _index: int) -> None:
        self._load_current()

    def _load_current(self) -> None:
        if not self._shown:
            return
        panel = self.tabs.currentWidget()
        if panel in self._stale:
            self._stale.discard(panel)
            panel.reload()
        panel.set_search(self.search.text())

    def _on_search(self, text: str) -> None:
        self.tabs.currentWidget().set_search(text)
