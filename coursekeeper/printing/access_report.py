"""The access-request letter (innsyn): a plain A4 document to the person, as many pages as needed.

Text comes ready from the service (every sentence already worded for the reader); this module lays
it out: the organiser's logo and name, a heading, an introduction, then one section per kind of
data with a line on why it is kept, and the rows, wrapped and continued on new pages.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.printing.flow import PageFlow, write_document
from coursekeeper.printing.fonts import BOLD, ITALIC, REGULAR
from coursekeeper.printing.models import AccessReportPrint
from coursekeeper.printing.page_style import (
    ACCENT,
    MARGIN,
    MUTED,
    PAGE_WIDTH,
    RULE,
    LogoCache,
    truncate_to_width,
)


def write_access_report(report: AccessReportPrint, out: Path, *, fonts_dir: Path) -> None:
    """Write the letter to ``out`` atomically."""
    write_document(out, report, _draw, title=report.heading, fonts_dir=fonts_dir)


def _draw(canvas: Canvas, report: AccessReportPrint, logos: LogoCache) -> None:
    writer = PageFlow(canvas, report.footer)
    top = writer.y
    left, room = writer.letterhead(logos, report.organisation.logo, report.organisation.name)
    canvas.drawString(left, top - 21, truncate_to_width(report.made_on, REGULAR, 9.5, room))
    writer.y = top - 26 * mm
    writer.text(report.heading, font=BOLD, size=16, color=ACCENT)
    writer.y -= 2 * mm
    writer.text(report.intro)
    for section in report.sections:
        writer.y -= 4 * mm
        writer.need(30 * mm)  # a heading is never left alone at the bottom of a page
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, writer.y, PAGE_WIDTH - MARGIN, writer.y)
        writer.y -= 2 * mm
        writer.text(section.title, font=BOLD, size=12, color=ACCENT)
        writer.text(section.why, font=ITALIC, size=9, color=MUTED)
        writer.y -= 1 * mm
        for line in section.lines:
            writer.text(line, size=9.5, indent=3 * mm)
    writer.y -= 5 * mm
    writer.text(report.closing)
    writer.finish()
