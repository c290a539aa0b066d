"""A view that shows a list, and in the same place one item's page with a way back."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from coursekeeper.ui.tasks import TaskRunner


class ListAndPageView(QWidget):
    """``list_page`` (filled by the subclass) and ``page`` stacked; the page's ``back_requested``
    calls ``show_list``."""

    def __init__(self, tasks: TaskRunner, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.stack = QStackedWidget()
        self.list_page = QWidget()
        self.page = page
        page.back_requested.connect(self.show_list)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def page_shown(self) -> bool:
        """True while an item's page (not the list) is showing."""
        return self.stack.currentWidget() is self.page

    def show_list(self) -> None:
        """Back to the list (each view says what else to do)."""
        self.stack.setCurrentWidget(self.list_page)
