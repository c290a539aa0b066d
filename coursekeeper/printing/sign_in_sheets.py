"""Attendance sign-in sheets: one or more A4 pages per session, header repeated on each page."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.domain.dates import MONTH_NAMES
from coursekeeper.printing.batch import Progress, write_pdf
from coursekeeper.printing.fonts import BOLD, ITALIC, REGULAR
from coursekeeper.printing.models import SignInSheetPrint
from coursekeeper.printing.page_style import (
    ACCENT,
    INK,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TINT,
    LogoCache,
    draw_fitted,
    draw_footer,
    draw_logo,
    fit_text,
    truncate_to_width,
)

TITLE = "Oppmøteliste"
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

_LEFT = 15 * mm
_WIDTH = PAGE_WIDTH - 2 * _LEFT
_TABLE_TOP = PAGE_HEIGHT - 55 * mm  # a fixed header height keeps the rows per page predictable
_HEADER_ROW = 8 * mm
ROW_HEIGHT = 9.5 * mm  # enough for a signature written by hand
_TABLE_BOTTOM = 22 * mm
ROWS_PER_PAGE = int((_TABLE_TOP - _HEADER_ROW - _TABLE_BOTTOM) // ROW_HEIGHT)
# (heading, width); the signature column takes what is left.
_COLUMNS = (("Nr.", 11 * mm), ("Navn", 66 * mm), ("Kommune", 38 * mm))


def format_long_date(day: dt.date) -> str:
    """``Torsdag 9. april 2026``."""
    weekday = WEEKDAYS[day.weekday()]
    return f"{weekday.capitalize()} {day.day}. {MONTH_NAMES[day.month - 1]} {day.year}"


def format_time_span(start: dt.time | None, end: dt.time | None) -> str:
    """``kl. 17.00–21.00`` (Norwegian writes times with a full stop), or the known half."""
    if start and end:
        return f"kl. {start:%H.%M}–{end:%H.%M}"
    if start:
        return f"fra kl. {start:%H.%M}"
    if end:
        return f"til kl. {end:%H.%M}"
    return ""


def page_count(sheet: SignInSheetPrint) -> int:
    """Pages this sheet takes: participants plus blank rows, at least one page."""
    rows = len(sheet.participants) + max(sheet.blank_rows, 0)
    return max(1, math.ceil(rows / ROWS_PER_PAGE))


class _SheetPages:
    """Draws every page of one session's sheet; one logo reader per batch."""

    def __init__(self) -> None:
        self.logos = LogoCache()

    def __call__(self, canvas: Canvas, sheet: SignInSheetPrint) -> None:
        rows: list[tuple[str, str]] = [(p[0], p[1]) for p in sheet.participants]
        rows += [("", "")] * max(sheet.blank_rows, 0)
        pages = page_count(sheet)
        for page in range(pages):
            chunk = rows[page * ROWS_PER_PAGE : (page + 1) * ROWS_PER_PAGE]
            self._header(canvas, sheet)
            self._table(canvas, chunk, first_number=page * ROWS_PER_PAGE + 1)
            footer = " · ".join(
                p
                for p in (
                    sheet.organisation.name.strip(),
                    sheet.course_title.strip(),
                    format_long_date(sheet.session_date),
                )
                if p
            )
            if page == pages - 1:
                self._closing(canvas, len(chunk))
            draw_footer(canvas, footer, f"Side {page + 1} av {pages}", margin=_LEFT)
            canvas.showPage()

    def _header(self, canvas: Canvas, sheet: SignInSheetPrint) -> None:
        top = PAGE_HEIGHT - 15 * mm
        logo = self.logos.get(sheet.organisation.logo)
        text_width = _WIDTH
        if logo is not None:
            width, _ = draw_logo(
                canvas,
                logo,
                x=_LEFT + _WIDTH - 50 * mm,
                top=top,
                max_width=50 * mm,
                max_height=15 * mm,
                align="right",
            )
            text_width -= width + 6 * mm
        elif sheet.organisation.name.strip():
            org = fit_text(sheet.organisation.name, BOLD, width=60 * mm, max_size=10, min_size=7, max_lines=2)
            draw_fitted(
                canvas, org, x=_LEFT + _WIDTH - 60 * mm, top=top, width=60 * mm, align="right", color=ACCENT
            )
            text_width -= 66 * mm
        title = fit_text(TITLE, BOLD, width=text_width, max_size=20, min_size=12)
        y = draw_fitted(canvas, title, x=_LEFT, top=top, width=text_width, color=ACCENT)
        course = fit_text(
            sheet.course_title.strip(), BOLD, width=text_width, max_size=12.5, min_size=8, max_lines=2
        )
        y = draw_fitted(canvas, course, x=_LEFT, top=y - 2 * mm, width=text_width)
        details = [
            format_long_date(sheet.session_date),
            format_time_span(sheet.start_time, sheet.end_time),
            sheet.venue.strip(),
            sheet.session_label.strip(),
        ]
        info = fit_text(
            " · ".join(d for d in details if d), REGULAR, width=_WIDTH, max_size=10.5, min_size=7, max_lines=2
        )
        y = draw_fitted(canvas, info, x=_LEFT, top=y - 2.5 * mm, width=_WIDTH)
        hint = "Skriv under når du kommer. Står du ikke på listen, skriv navnet ditt på en tom linje."
        canvas.setFont(ITALIC, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(_LEFT, _TABLE_TOP + 3 * mm, truncate_to_width(hint, ITALIC, 8.5, _WIDTH))

    def _closing(self, canvas: Canvas, rows_on_page: int) -> None:
        """Lines for the head count and the course leader's signature, where the page has room."""
        y = _TABLE_TOP - _HEADER_ROW - rows_on_page * ROW_HEIGHT - 12 * mm
        if y < _TABLE_BOTTOM:
            return
        canvas.setFont(REGULAR, 9)
        canvas.setFillColor(INK)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        canvas.drawString(_LEFT, y, "Antall til stede:")
        canvas.line(_LEFT + 27 * mm, y - 1, _LEFT + 50 * mm, y - 1)
        canvas.drawString(_LEFT + 70 * mm, y, "Kursleder (signatur):")
        canvas.line(_LEFT + 105 * mm, y - 1, _LEFT + _WIDTH, y - 1)

    def _table(self, canvas: Canvas, rows: Sequence[tuple[str, str]], *, first_number: int) -> None:
        lefts = [_LEFT]
        for _, width in _COLUMNS:
            lefts.append(lefts[-1] + width)
        widths = [w for _, w in _COLUMNS] + [_LEFT + _WIDTH - lefts[-1]]
        headings = [h for h, _ in _COLUMNS] + ["Signatur"]
        top = _TABLE_TOP
        canvas.setFillColor(TINT)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(_LEFT, top - _HEADER_ROW, _WIDTH, _HEADER_ROW, stroke=1, fill=1)
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 9)
        for left, heading in zip(lefts, headings, strict=True):
            canvas.drawString(left + 2 * mm, top - _HEADER_ROW + 2.8 * mm, heading)
        y = top - _HEADER_ROW
        for index, (name, municipality) in enumerate(rows):
            self._row(canvas, y, lefts, widths, first_number + index, name, municipality)
            y -= ROW_HEIGHT
        # Vertical rules over the whole table, drawn once.
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for left in [*lefts[1:], _LEFT, _LEFT + _WIDTH]:
            canvas.line(left, top, left, y)

    def _row(self, canvas, y, lefts, widths, number: int, name: str, municipality: str) -> None:
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(_LEFT, y - ROW_HEIGHT, _LEFT + _WIDTH, y - ROW_HEIGHT)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 9)
        canvas.drawRightString(lefts[1] - 2.5 * mm, y - ROW_HEIGHT / 2 - 3.8, str(number))
        for column, text in ((1, name), (2, municipality)):
            if not text.strip():
                continue
            width = widths[column] - 4 * mm
            fitted = fit_text(
                text.strip(), REGULAR, width=width, max_size=10, min_size=6.5, max_lines=2, leading=1.15
            )
            # Centred vertically in the row, whether one line or two.
            top = y - (ROW_HEIGHT - fitted.height) / 2
            draw_fitted(canvas, fitted, x=lefts[column] + 2 * mm, top=top, width=width, color=INK)


def write_sign_in_sheets(
    sheets: Sequence[SignInSheetPrint],
    out: Path,
    *,
    fonts_dir: Path,
    progress: Progress | None = None,
) -> None:
    """Write the sign-in sheet of each session (one or more pages each) into the PDF ``out``."""
    titles = {s.course_title.strip() for s in sheets}
    write_pdf(
        out,
        list(sheets),
        _SheetPages(),
        fonts_dir=fonts_dir,
        progress=progress,
        title=f"{TITLE} – {titles.pop()}" if len(titles) == 1 else TITLE,
        nothing_message="Det er ingen økter å skrive ut oppmøteliste for.",
    )
