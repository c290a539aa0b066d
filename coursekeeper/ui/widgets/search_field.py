"""A search box with a clear button and a short delay, so typing stays smooth."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchField(QLineEdit):
    """Emits ``search(text)`` shortly after the user stops typing (and at once on Enter)."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None, delay_ms: int = 150) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(240)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._emit)
        self.textChanged.connect(self._on_text_changed)
        self.returnPressed.connect(self._emit)

    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    def _emit(self) -> None:
        self._timer.stop()
        self.search.emit(self.text())
