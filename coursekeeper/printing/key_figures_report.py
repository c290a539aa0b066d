"""The key-figures report as PDF: the organiser's name and logo, the period, a summary, charts, tables.

Charts are reportlab's own graphics (vector, sharp in print), in the Okabe–Ito colours with the
number written at every bar so they read in black and white too. Text comes ready from the
service (in the chosen language); this module only lays it out on A4 pages.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.printing.batch import Progress
from coursekeeper.printing.flow import BOTTOM, WIDTH, PageFlow, write_document
from coursekeeper.printing.fonts import BOLD, REGULAR
from coursekeeper.printing.models import ChartPrint, KeyFiguresPrint, TablePrint
from coursekeeper.printing.page_style import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    PAGE_WIDTH,
    RULE,
    TINT,
    LogoCache,
    text_width,
    truncate_to_width,
    wrap_text,
)

#: Okabe–Ito (colour-blind safe), as in the program's charts.
SERIES_COLOURS = [HexColor(c) for c in ("#0072B2", "#E69F00", "#009E73", "#D55E00")]
_CHART_HEIGHT = 62 * mm
_ROW = 5.2 * mm


def write_key_figures_report(
    report: KeyFiguresPrint, out: Path, *, fonts_dir: Path, progress: Progress | None = None
) -> None:
    """Write the report to ``out`` atomically (one or two pages, more only for very long tables)."""
    write_document(out, report, _draw, title=report.heading, fonts_dir=fonts_dir, progress=progress)


def _draw(canvas: Canvas, report: KeyFiguresPrint, logos: LogoCache) -> None:
    page = PageFlow(canvas, report.footer)
    _header(page, report, logos)
    page.text(report.summary, size=11)
    page.y -= 4 * mm
    charts = list(report.charts)
    if charts:
        page.need(_CHART_HEIGHT)
        _chart(canvas, charts[0], MARGIN, page.y - _CHART_HEIGHT, WIDTH, _CHART_HEIGHT, horizontal=True)
        page.y -= _CHART_HEIGHT + 5 * mm
    pairs = charts[1:]
    if pairs:
        page.need(_CHART_HEIGHT)
        half = (WIDTH - 6 * mm) / 2
        for index, chart in enumerate(pairs[:2]):
            x = MARGIN + index * (half + 6 * mm)
            _chart(canvas, chart, x, page.y - _CHART_HEIGHT, half, _CHART_HEIGHT, horizontal=False)
        page.y -= _CHART_HEIGHT + 5 * mm
    for table in report.tables:
        _table(page, table)
    page.finish()


def _header(page: PageFlow, report: KeyFiguresPrint, logos: LogoCache) -> None:
    canvas = page.canvas
    top = page.y
    text_left, room = page.letterhead(logos, report.organisation.logo, report.organisation.name)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 18)
    canvas.drawString(text_left, top - 30, truncate_to_width(report.heading, BOLD, 18, room))
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 10)
    canvas.drawString(text_left, top - 45, truncate_to_width(report.period, REGULAR, 10, room))
    page.y = top - 22 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, page.y + 3 * mm, PAGE_WIDTH - MARGIN, page.y + 3 * mm)
    page.y -= 3 * mm


def _label(value: float | None, percent: bool) -> str:
    if value is None:
        return "–"
    return f"{round(value * 100)} %" if percent else f"{value:.0f}"


def values_of(chart: ChartPrint) -> list[float]:
    """Every measured value of the chart (None, «not yet measurable», left out)."""
    return [v for _, values in chart.series for v in values if v is not None]


def _chart(
    canvas: Canvas, chart: ChartPrint, x: float, y: float, width: float, height: float, *, horizontal: bool
) -> None:
    drawing = Drawing(width, height)
    title_lines = wrap_text(chart.title, BOLD, 10, width)[:2]
    for n, line in enumerate(title_lines):
        drawing.add(String(0, height - 11 - 12 * n, line, fontName=BOLD, fontSize=10, fillColor=INK))
    height -= 12 * (len(title_lines) - 1)  # the plot starts below a wrapped title
    if not chart.categories or not any(values_of(chart)):
        drawing.add(String(0, height / 2, "–", fontName=REGULAR, fontSize=10, fillColor=MUTED))
        renderPDF.draw(drawing, canvas, x, y)
        return
    bars = HorizontalBarChart() if horizontal else VerticalBarChart()
    legend_room = 14 if len(chart.series) > 1 else 0
    label_room = 34 * mm if horizontal else 0
    bars.x, bars.y = label_room + 2, 16 if not horizontal else 4
    bars.width = width - label_room - (16 * mm if horizontal else 4)
    bars.height = height - 18 - legend_room - bars.y
    bars.data = [values for _, values in chart.series]
    bars.categoryAxis.categoryNames = chart.categories
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.reverseDirection = horizontal  # the funnel's first step on top
    bars.valueAxis.visible = False
    bars.valueAxis.valueMin = 0
    top = max(values_of(chart), default=1) or 1
    bars.valueAxis.valueMax = 1.0 if chart.percent else top * 1.15
    bars.barLabelFormat = lambda v: _label(v, chart.percent)
    bars.barLabels.fontName = REGULAR
    bars.barLabels.fontSize = 7.5
    bars.barLabels.boxAnchor = "w" if horizontal else "s"
    bars.barLabels.dx = 3 if horizontal else 0
    bars.barLabels.dy = 0 if horizontal else 2
    bars.groupSpacing = 6
    bars.barSpacing = 1
    if horizontal:
        bars.categoryAxis.labels.boxAnchor = "e"
        bars.categoryAxis.labels.dx = -3
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        bars.bars[index].strokeColor = INK
        bars.bars[index].strokeWidth = 0.3
    drawing.add(bars)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = 0, height - 20
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName, legend.fontSize = REGULAR, 8
        legend.boxAnchor = "nw"
        legend.deltax = 62
        legend.dx, legend.dy = 7, 7
        legend.colorNamePairs = [
            (SERIES_COLOURS[i % len(SERIES_COLOURS)], name) for i, (name, _) in enumerate(chart.series)
        ]
        legend.columnMaximum = 1
        legend.variColumn = 1
        drawing.add(legend)
    renderPDF.draw(drawing, canvas, x, y)


def _table(page: PageFlow, table: TablePrint) -> None:
    canvas = page.canvas
    columns = len(table.header)
    longest = max((text_width(row[0], REGULAR, 8) for row in table.rows if row), default=0.0)
    first = min(max(longest + 8, 22 * mm), WIDTH * 0.4)
    rest = (WIDTH - first) / max(columns - 1, 1)
    widths = [first] + [rest] * (columns - 1)
    page.need(12 * mm + 2 * _ROW)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 11)
    canvas.drawString(MARGIN, page.y - 11, table.title)
    page.y -= 6 * mm

    def header() -> None:
        canvas.setFillColor(TINT)
        canvas.rect(MARGIN, page.y - _ROW * 2.4, WIDTH, _ROW * 2.4, stroke=0, fill=1)
        _cells(canvas, table.header, widths, page.y, BOLD, 7.5, header=True)
        page.y -= _ROW * 2.4

    header()
    for index, row in enumerate(table.rows):
        if page.y - _ROW < BOTTOM:
            page.need(_ROW * 3)
            header()
        if table.total_last and index == len(table.rows) - 1 and index > 0:
            canvas.setStrokeColor(RULE)
            canvas.line(MARGIN, page.y, MARGIN + WIDTH, page.y)
        _cells(canvas, row, widths, page.y, REGULAR, 8)
        page.y -= _ROW
    page.y -= 5 * mm


def _cells(
    canvas: Canvas,
    texts: list[str],
    widths: list[float],
    top: float,
    font: str,
    size: float,
    *,
    header: bool = False,
) -> None:
    canvas.setFillColor(INK)
    x = MARGIN
    for index, (text, width) in enumerate(zip(texts, widths, strict=False)):
        if header:  # up to three lines: a header must never lose its meaning
            lines = wrap_text(text, font, size, width - 4)[:3]
        else:
            lines = [truncate_to_width(text, font, size, width - 4)]
        canvas.setFont(font, size)
        for n, line in enumerate(lines):
            baseline = top - size - 2 - n * (size + 1.5)
            if index == 0:
                canvas.drawString(x + 2, baseline, line)
            else:
                canvas.drawRightString(x + width - 2, baseline, line)
        x += width
