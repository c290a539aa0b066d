"""A form field with its own error line underneath, so validation shows next to the field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FieldWithError(QWidget):
    """Wraps an input widget and shows a red Norwegian message under it when invalid."""

    def __init__(self, field: QWidget, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setStyleSheet("color: palette(placeholder-text);")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        layout.addWidget(self.error)
        self.setFocusProxy(field)

    def set_error(self, text: str | None) -> None:
        """Show ``text`` under the field (or hide the line when None/empty)."""
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.field.setProperty("invalid", bool(text))
        self.field.setStyleSheet("border: 1px solid #b00020;" if text else "")

    def has_error(self) -> bool:
        """True while an error is shown."""
        return self.error.isVisible() or bool(self.error.text())
