"""The mouse wheel scrolls the page, not a choice the pointer happens to pass over.

Scrolling Innstillinger with the wheel changed the language (and saved it) when the pointer
crossed the language box. A combo box, spin box or date field now takes the wheel only once the
user has clicked into it; otherwise the wheel goes to the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    """An application-wide event filter: wheel events over an unfocused choice scroll instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Pass the wheel to the nearest scroll area unless the choice under it has the focus."""
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QComboBox | QAbstractSpinBox):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app``; keep the returned object alive as long as the app."""
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
