"""A form field with its own error line underneath, so validation shows next to the field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from coursekeeper.domain.identity_numbers import identity_number_problem


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
        self._identity_shown = False

    def set_error(self, text: str | None) -> None:
        """Show ``text`` under the field (or hide the line when None/empty)."""
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        self.field.setProperty("invalid", bool(text))
        self.field.setStyleSheet("border: 1px solid #b00020;" if text else "")
        if text:
            _make_room(self.window())

    def has_error(self) -> bool:
        """True while an error is shown."""
        return self.error.isVisible() or bool(self.error.text())

    def refuse_identity_numbers(self) -> FieldWithError:
        """Say under the field, while it is typed, that a fødselsnummer in it will not be saved."""
        self.field.textChanged.connect(self._check_identity_number)  # type: ignore[attr-defined]
        return self

    def identity_problem(self) -> str:
        """The sentence for a fødselsnummer in the field's text, or ''."""
        field = self.field
        text = (
            field.toPlainText()
            if isinstance(field, QPlainTextEdit)
            else field.text()
            if isinstance(field, QLineEdit)
            else ""
        )
        return identity_number_problem(text)

    def _check_identity_number(self, *_args: object) -> None:
        problem = self.identity_problem()
        if problem or self._identity_shown:  # never clears another check's message
            self._identity_shown = bool(problem)
            self.set_error(problem)


def _make_room(window: QWidget) -> None:
    """Grow a dialog to fit a line that just appeared, so the fields are not squashed to thin strips.

    A dialog given a minimum width has no minimum height from its layout, so Qt squeezes instead.
    """
    if isinstance(window, QDialog) and window.isVisible():
        window.layout().activate()
        window.resize(window.size().expandedTo(window.sizeHint()))
