"""A choice of course («Alle kurs» first), newest first, filled on the database worker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.errors import Cancelled
from coursekeeper.services import courses
from coursekeeper.services.courses import CourseRow
from coursekeeper.ui.tasks import TaskRunner


class CourseCombo(QComboBox):
    """Emits ``course_changed(course_id or None)`` when the user picks another course."""

    course_changed = Signal(object)
    #: Emitted after the list was (re)filled.
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, *, all_text: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._all_text = all_text
        self._wanted: int | None = None
        self._generation = 0
        self.setMinimumContentsLength(36)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.currentIndexChanged.connect(self._on_index_changed)
        if all_text is not None:
            self.addItem(all_text, None)

    def reload(self) -> None:
        """Fetch the course list again, keeping the current choice.

        Reloads asked for before the worker reached the previous one read the list once: the
        replaced fetch is skipped (as :meth:`RowsPanel.load` does).
        """
        self._generation += 1
        generation = self._generation

        def fetch() -> list[CourseRow]:
            if generation != self._generation:
                raise Cancelled()  # replaced before it started: the newer fetch follows
            return courses.list_courses()

        self.tasks.run(fetch, label=self.tr("Henter kurs …"), on_done=self.set_courses, parent=self)

    def set_courses(self, rows: list[CourseRow]) -> None:
        """Fill the list; the chosen (or a wanted, not yet listed) course is chosen when it exists."""
        before = self.currentData()
        current = before if self._wanted is None else self._wanted
        self._wanted = None
        self.blockSignals(True)
        self.clear()
        if self._all_text is not None:
            self.addItem(self._all_text, None)
        for row in rows:
            self.addItem(f"{row.title} ({format_date(row.start_date)})", row.id)
        index = self.findData(current)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        if self.currentData() != before:
            self.course_changed.emit(self.currentData())
        self.loaded.emit()

    def course_id(self) -> int | None:
        """The chosen course's id (None for «Alle kurs» or an empty list)."""
        return self.currentData()

    def choose(self, course_id: int | None) -> None:
        """Pick a course by id; before the list is filled, it is picked when the list arrives."""
        index = self.findData(course_id)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self._wanted = course_id

    def _on_index_changed(self, _index: int) -> None:
        self.course_changed.emit(self.currentData())
