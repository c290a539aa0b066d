"""The wheel scrolls the page; it changes a choice only after the user clicked into it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QVBoxLayout, QWidget


def _wheel(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_choice_scrolls_the_page_instead(qapp, qtbot) -> None:
    from coursekeeper import app

    app.make_application()
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addSpacing(2000)
    combo = QComboBox()
    combo.addItems(["Norsk bokmål", "English"])
    layout.addWidget(combo)
    layout.addSpacing(2000)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    area.ensureWidgetVisible(combo)
    before = area.verticalScrollBar().value()
    _wheel(combo)
    assert combo.currentIndex() == 0  # the language stays
    assert area.verticalScrollBar().value() > before  # the page scrolled
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1  # clicked into: the wheel chooses
