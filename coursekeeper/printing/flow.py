"""Documents that flow down A4 pages: blocks placed top to bottom, a new page (with the footer) when
one does not fit. The key-figures report and the access-request letter are written this way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.printing.batch import Progress, write_pdf
from coursekeeper.printing.fonts import REGULAR
from coursekeeper.printing.page_style import (
    INK,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    LogoCache,
    draw_footer,
    draw_logo,
    truncate_to_width,
    wrap_text,
)

WIDTH = PAGE_WIDTH - 2 * MARGIN
BOTTOM = 22 * mm  # clear of the footer
T = TypeVar("T")


class PageFlow:
    """Where the next block goes on the current page; ``need`` starts a new page when it does not fit."""

    def __init__(self, canvas: Canvas, footer: str) -> None:
        self.canvas = canvas
        self.footer = footer
        self.number = 1
        self.y = PAGE_HEIGHT - MARGIN

    def need(self, height: float) -> None:
        """Make room for ``height`` points: finish this page and start the next if needed."""
        if self.y - height < BOTTOM:
            self.finish()
            self.number += 1
            self.y = PAGE_HEIGHT - MARGIN

    def finish(self) -> None:
        """The footer with the page number, and the page is done."""
        draw_footer(self.canvas, self.footer, str(self.number))
        self.canvas.showPage()

    def letterhead(self, logos: LogoCache, logo: bytes | None, sender: str) -> tuple[float, float]:
        """The logo at the top left and the sender's name beside it (muted, one line).

        Returns where text beside the logo starts and how wide it may be.
        """
        top, left, canvas = self.y, MARGIN, self.canvas
        reader = logos.get(logo)
        if reader is not None:
            width, _ = draw_logo(canvas, reader, x=MARGIN, top=top, max_width=40 * mm, max_height=18 * mm)
            left += width + 6 * mm
        room = PAGE_WIDTH - MARGIN - left
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 9.5)
        canvas.drawString(left, top - 9, truncate_to_width(sender, REGULAR, 9.5, room))
        return left, room

    def text(
        self, text: str, *, font: str = REGULAR, size: float = 10, color: Color = INK, indent: float = 0
    ) -> None:
        """A wrapped paragraph, continued on the next page when it runs off this one."""
        leading = size * 1.35
        for line in wrap_text(text, font, size, WIDTH - indent) or [""]:
            self.need(leading)
            self.canvas.setFont(font, size)
            self.canvas.setFillColor(color)
            self.canvas.drawString(MARGIN + indent, self.y - size, line)
            self.y -= leading


def write_document(
    out: Path,
    document: T,
    draw: Callable[[Canvas, T, LogoCache], None],
    *,
    title: str,
    fonts_dir: Path,
    progress: Progress | None = None,
) -> None:
    """Write one flowing document to ``out`` atomically (the logo embedded once)."""
    logos = LogoCache()
    write_pdf(
        out,
        [document],
        lambda canvas, item: draw(canvas, item, logos),
        fonts_dir=fonts_dir,
        progress=progress,
        title=title,
        nothing_message=title,
    )
