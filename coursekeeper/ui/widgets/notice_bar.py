"""Calm notices above the views: one line each, with an optional button and a close cross."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget


class Notice(QFrame):
    """One notice: the sentence, an action button (optional) and ×."""

    def __init__(
        self, key: str, text: str, action: tuple[str, Callable[[], None]] | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("notice")
        self.setStyleSheet(
            "QFrame#notice { background: #fff4ce; border: 1px solid #e0c96b; border-radius: 4px; }"
            " QFrame#notice QLabel { color: #3b3000; }"
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        if action is not None:
            self.button = QPushButton(action[0])
            self.button.clicked.connect(action[1])
            row.addWidget(self.button)
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Skjul meldingen"))
        close.setAutoRaise(True)
        close.clicked.connect(self.deleteLater)
        row.addWidget(close)


class NoticeBar(QWidget):
    """A column of notices; showing one with a key already shown replaces it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 4)
        self.column.setSpacing(4)

    def show_notice(
        self, key: str, text: str, action: tuple[str, Callable[[], None]] | None = None
    ) -> Notice:
        """Show ``text`` (replacing an earlier notice with the same key)."""
        self.hide_notice(key)
        notice = Notice(key, text, action, self)
        self.column.addWidget(notice)
        return notice

    def hide_notice(self, key: str) -> None:
        """Remove the notice with ``key`` if shown."""
        for notice in self.notices():
            if notice.key == key:
                notice.setParent(None)
                notice.deleteLater()

    def notices(self) -> list[Notice]:
        """The notices shown now."""
        return [n for n in self.findChildren(Notice) if n.parent() is self]
