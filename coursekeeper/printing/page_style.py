"""Shared A4 page style: sizes, colours, text that shrinks or wraps to fit, logo, QR, footer."""

from __future__ import annotations

import functools
import io
import logging
import math
from dataclasses import dataclass

import segno
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.printing.fonts import BOLD, REGULAR

logger = logging.getLogger(__name__)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm

INK = HexColor("#1b1f24")
MUTED = HexColor("#5a6270")
ACCENT = HexColor("#1f3d63")  # dark navy: reads as "official" and prints well in greyscale
RULE = HexColor("#b9c2cf")
TINT = HexColor("#f1f4f8")
WARNING_RED = HexColor("#b3261e")

ELLIPSIS = "…"


@dataclass(frozen=True)
class FittedText:
    """Text broken into lines at a font size that fits a given width."""

    lines: tuple[str, ...]
    font: str
    size: float
    leading: float

    @property
    def height(self) -> float:
        """Vertical space the lines take."""
        return self.leading * len(self.lines)


@functools.lru_cache(maxsize=16384)
def _unit_width(text: str, font: str) -> float:
    return stringWidth(text, font, 1.0)


def text_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points; cached per word, since widths scale with size and words repeat.

    Measuring dominates layout time in a batch of hundreds of pages with the same course text.
    """
    return _unit_width(text, font) * size


def _break_long_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Split a word wider than ``width`` (a long e-mail, a name without spaces) by characters."""
    pieces: list[str] = []
    current = ""
    for char in word:
        if current and stringWidth(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``; keeps explicit newlines."""
    space = text_width(" ", font, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current: list[str] = []
        current_width = 0.0
        for word in words:
            word_width = text_width(word, font, size)
            if word_width > width:
                if current:
                    lines.append(" ".join(current))
                pieces = _break_long_word(word, font, size, width)
                lines.extend(pieces[:-1])
                current, current_width = [pieces[-1]], text_width(pieces[-1], font, size)
                continue
            extra = word_width + (space if current else 0.0)
            if current and current_width + extra > width:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
            else:
                current.append(word)
                current_width += extra
        lines.append(" ".join(current))
    return lines


def fit_text(
    text: str,
    font: str,
    *,
    width: float,
    max_size: float,
    min_size: float,
    max_lines: int = 1,
    leading: float = 1.22,
    balance: bool = False,
) -> FittedText:
    """Largest size at which ``text`` fits ``width`` in ``max_lines``; shrinks first, then wraps.

    Never overflows sideways: if even ``min_size`` needs more lines than allowed, all the lines
    at ``min_size`` are returned and the caller makes room (text is never cut off silently).
    ``balance`` evens out the line lengths, for centred text.
    """
    step = 0.5
    # A name on one slightly smaller line reads better than the same name broken in two.
    single_line_floor = max(min_size, max_size * 0.78)
    if "\n" not in text:
        unit = _unit_width(text, font)
        size = max_size
        while size >= single_line_floor:
            if unit * size <= width:
                return FittedText((text,), font, size, size * leading)
            size -= step
    size = max_size
    while size > min_size:
        lines = wrap_text(text, font, size, width)
        if len(lines) <= max_lines:
            break
        size -= step
    size = max(size, min_size)
    lines = wrap_text(text, font, size, width)
    if balance and len(lines) > 1:
        lines = _balanced(text, font, size, width, len(lines))
    return FittedText(tuple(lines), font, size, size * leading)


def _balanced(text: str, font: str, size: float, width: float, count: int) -> list[str]:
    """The same number of lines at the narrowest width: no lonely last word under a long line."""
    low, high = width / count, width
    for _ in range(10):
        middle = (low + high) / 2
        if len(wrap_text(text, font, size, middle)) <= count:
            high = middle
        else:
            low = middle
    return wrap_text(text, font, size, high)


def truncate_to_width(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` (only for secondary lines like footers)."""
    if text_width(text, font, size) <= width:
        return text
    while text and stringWidth(text + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def draw_fitted(
    canvas: Canvas,
    fitted: FittedText,
    *,
    x: float,
    top: float,
    width: float,
    align: str = "left",
    color: Color = INK,
) -> float:
    """Draw ``fitted`` with its first line's top at ``top``; returns the y below the last line."""
    canvas.setFont(fitted.font, fitted.size)
    canvas.setFillColor(color)
    # The baseline sits about one ascent (0.93 em for DejaVu Sans) below the top of the line box.
    baseline = top - fitted.size * 0.93 - (fitted.leading - fitted.size) / 2
    for line in fitted.lines:
        if align == "center":
            canvas.drawCentredString(x + width / 2, baseline, line)
        elif align == "right":
            canvas.drawRightString(x + width, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
        baseline -= fitted.leading
    return top - fitted.height


class LogoCache:
    """One ``ImageReader`` per distinct logo, so a batch embeds each logo once, not per page."""

    def __init__(self) -> None:
        self._readers: dict[bytes, ImageReader | None] = {}

    def get(self, logo: bytes | None) -> ImageReader | None:
        """The reader for ``logo``, or None when there is none or it cannot be read."""
        if not logo:
            return None
        if logo not in self._readers:
            try:
                reader = ImageReader(io.BytesIO(logo))
                reader.getSize()  # forces decoding now, so a broken file is caught here
            except Exception:  # Pillow raises many kinds; a bad logo must never stop printing
                logger.warning("Logo could not be read; printing without it", exc_info=True)
                reader = None
            self._readers[logo] = reader
        return self._readers[logo]


def draw_logo(
    canvas: Canvas,
    reader: ImageReader,
    *,
    x: float,
    top: float,
    max_width: float,
    max_height: float,
    align: str = "left",
) -> tuple[float, float]:
    """Draw the logo scaled into the box (keeping its shape); returns the drawn width and height."""
    image_width, image_height = reader.getSize()
    scale = min(max_width / image_width, max_height / image_height)
    width, height = image_width * scale, image_height * scale
    if align == "center":
        x += (max_width - width) / 2
    elif align == "right":
        x += max_width - width
    canvas.drawImage(reader, x, top - height, width, height, mask="auto")
    return width, height


def qr_matrix(payload: str) -> tuple[bytearray, ...]:
    """Module rows (1 = dark) of a QR code carrying ``payload``, without the quiet zone."""
    return segno.make_qr(payload, error="q", boost_error=False).matrix


def draw_qr(canvas: Canvas, payload: str, *, x: float, y: float, size: float) -> None:
    """Draw a QR code for ``payload`` as vector squares, ``size`` wide, lower-left at (x, y).

    Vectors print sharp at any resolution and cost a fraction of rendering a PNG per page.
    The caller keeps four modules of white around it (the quiet zone scanners need).
    """
    matrix = qr_matrix(payload)
    count = len(matrix)
    module = size / count
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        row_y = y + size - (row_index + 1) * module
        start = None
        for col_index, dark in enumerate((*row, 0)):
            if dark and start is None:
                start = col_index
            elif not dark and start is not None:
                # One path for all runs: renderers fill it as one shape, with no hairline seams.
                path.rect(x + start * module, row_y, (col_index - start) * module, module)
                start = None
    canvas.setFillColor(INK)
    canvas.drawPath(path, stroke=0, fill=1)


def draw_footer(canvas: Canvas, left: str, right: str = "", *, margin: float = MARGIN) -> None:
    """A thin rule and one small grey line of text at the bottom of the page."""
    y = 12 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, y + 9, PAGE_WIDTH - margin, y + 9)
    canvas.setFillColor(MUTED)
    right_width = stringWidth(right, REGULAR, 7.5) if right else 0.0
    left_room = PAGE_WIDTH - 2 * margin - right_width - (6 * mm if right else 0)
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(margin, y, truncate_to_width(left, REGULAR, 7.5, left_room))
    if right:
        canvas.drawRightString(PAGE_WIDTH - margin, y, right)


def draw_watermark(canvas: Canvas, text: str, *, color: Color = WARNING_RED) -> None:
    """Big translucent diagonal text across the page (revoked copies)."""
    diagonal = (PAGE_WIDTH**2 + PAGE_HEIGHT**2) ** 0.5
    size = min(72.0, 0.62 * diagonal / max(stringWidth(text, BOLD, 1.0), 1.0))
    canvas.saveState()
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))  # along the diagonal
    canvas.setFillColor(color)
    canvas.setFillAlpha(0.22)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, text)
    canvas.restoreState()
