"""Bar charts painted with Qt's own QPainter: the funnel, retention and reach in the key figures.

Chosen on measurement over QtCharts (PySide6-Addons), pyqtgraph and matplotlib: no extra install,
nothing imported at start-up, and a paint of the largest chart takes well under a millisecond
(``tests/benchmarks/bench_key_figures.py``). Colours are the Okabe–Ito palette, safe for the
common kinds of colour blindness, and every series also has its own fill pattern and every bar
its number written beside it, so a chart printed in black and white still reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Okabe–Ito: blue, orange, bluish green, vermilion (distinct for deuteranopia and protanopia).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00")
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense4Pattern,
)


@dataclass(frozen=True)
class Series:
    """One series: its name (legend) and a value per category; ``texts`` are written on the bars."""

    name: str
    values: list[float]
    texts: list[str]


class BarChart(QWidget):
    """Horizontal bars (one series, long category names: the funnel) or grouped vertical bars."""

    def __init__(self, *, horizontal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.title = ""
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self.setAccessibleName("chart")

    def set_data(self, title: str, categories: list[str], series: list[Series], empty_text: str) -> None:
        """Show ``series`` over ``categories``; ``empty_text`` when there is nothing to draw."""
        self.title, self.categories, self.series, self.empty_text = title, categories, series, empty_text
        self.setAccessibleDescription(
            "; ".join(
                f"{category}: " + ", ".join(s.texts[i] for s in self.series)
                for i, category in enumerate(categories)
            )
        )
        self.update()

    def sizeHint(self) -> QSize:
        """Room for the bars and their labels."""
        return QSize(480, 260)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Title, legend, axis line and the bars with their numbers."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text_pen = QPen(palette.text().color())
        painter.setPen(text_pen)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        used = painter.boundingRect(area, flags, self.title)
        painter.drawText(area, flags, self.title)
        painter.setFont(self.font())
        area.setTop(area.top() + max(used.height(), line) + 6)
        top = max((max(s.values, default=0) for s in self.series), default=0)
        if not self.categories or top <= 0:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        if len(self.series) > 1:
            area.setTop(self._legend(painter, area, metrics) + 4)
        if self.horizontal:
            self._horizontal(painter, area, metrics, top)
        else:
            self._vertical(painter, area, metrics, top)
        painter.end()

    def _brush(self, index: int) -> QBrush:
        brush = QBrush(QColor(PALETTE[index % len(PALETTE)]), PATTERNS[index % len(PATTERNS)])
        return brush

    def _bar(self, painter: QPainter, rect: QRectF, index: int) -> None:
        colour = QColor(PALETTE[index % len(PALETTE)])
        painter.fillRect(rect, QColor(colour.red(), colour.green(), colour.blue(), 60))
        painter.fillRect(rect, self._brush(index))
        painter.setPen(QPen(colour.darker(130), 1))
        painter.drawRect(rect)
        painter.setPen(QPen(self.palette().text().color()))

    def _legend(self, painter: QPainter, area: QRectF, metrics: QFontMetrics) -> float:
        x, y = area.left(), area.top()
        box = metrics.height() - 4
        for index, series in enumerate(self.series):
            width = box + 6 + metrics.horizontalAdvance(series.name) + 16
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + metrics.height() + 2
            self._bar(painter, QRectF(x, y + 2, box, box), index)
            painter.drawText(QRectF(x + box + 6, y, width, metrics.height()), series.name)
            x += width
        return y + metrics.height()

    def _horizontal(self, painter: QPainter, area: QRectF, metrics: QFontMetrics, top: float) -> None:
        label_width = min(max(metrics.horizontalAdvance(c) for c in self.categories) + 10, area.width() * 0.4)
        text_width = max(metrics.horizontalAdvance(t) for s in self.series for t in s.texts) + 8
        plot = QRectF(area.left() + label_width, area.top(), area.width() - label_width - text_width, 0)
        rows = len(self.categories)
        step = min(area.height() / rows, metrics.height() * 2.2)
        bar = step * 0.7
        for row, category in enumerate(self.categories):
            y = area.top() + row * step
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(label_width - 10))
            painter.drawText(
                QRectF(area.left(), y, label_width - 10, step),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            series = self.series[0]
            length = plot.width() * series.values[row] / top
            rect = QRectF(plot.left(), y + (step - bar) / 2, max(length, 1), bar)
            self._bar(painter, rect, 0)
            painter.drawText(
                QRectF(rect.right() + 4, y, text_width, step),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                series.texts[row],
            )
        painter.drawLine(plot.left(), area.top(), plot.left(), area.top() + rows * step)

    def _vertical(self, painter: QPainter, area: QRectF, metrics: QFontMetrics, top: float) -> None:
        line = metrics.height()
        plot = QRectF(area.left() + 4, area.top() + line, area.width() - 8, area.height() - 2 * line - 6)
        groups = len(self.categories)
        group_width = plot.width() / groups
        count = len(self.series)
        bar = min(group_width * 0.8 / count, 80)
        baseline = plot.bottom()
        for group, category in enumerate(self.categories):
            left = plot.left() + group * group_width + (group_width - bar * count) / 2
            for index, series in enumerate(self.series):
                height = plot.height() * series.values[group] / top
                rect = QRectF(left + index * bar, baseline - height, bar - 2, max(height, 1))
                self._bar(painter, rect, index)
                painter.drawText(
                    QRectF(rect.left() - 20, rect.top() - line - 1, bar + 38, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    series.texts[group],
                )
            painter.drawText(
                QRectF(plot.left() + group * group_width, baseline + 3, group_width, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(group_width)),
            )
        painter.drawLine(plot.left(), baseline, plot.right(), baseline)
