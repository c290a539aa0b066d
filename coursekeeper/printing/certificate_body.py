"""The middle of a certificate: who, what course, when, topics, organisers; shrunk to fit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.domain.dates import format_date, format_day_ranges
from coursekeeper.printing.fonts import BOLD, REGULAR
from coursekeeper.printing.models import CertificatePrint
from coursekeeper.printing.page_style import (
    ACCENT,
    INK,
    MUTED,
    PAGE_WIDTH,
    RULE,
    TINT,
    WARNING_RED,
    FittedText,
    draw_fitted,
    fit_text,
    wrap_text,
)

REVOKED_MARK = "TILBAKEKALT – KOPI"

LEFT = 25 * mm
WIDTH = PAGE_WIDTH - 2 * LEFT
_SCALES = (1.0, 0.93, 0.86, 0.79, 0.72, 0.65, 0.58)
_COLUMN_GAP = 8 * mm
_BULLET_INDENT = 4 * mm


def format_hours(total_minutes: int) -> str:
    """``15 timer``, ``15,5 timer``, ``1 time``, or ``15 timer og 20 minutter``."""
    hours, minutes = divmod(max(total_minutes, 0), 60)
    if minutes == 0:
        return f"{hours} {'time' if hours == 1 else 'timer'}"
    if minutes % 15 == 0:
        decimals = f"{minutes / 60:.2f}"[1:].rstrip("0").replace(".", ",")
        return f"{hours}{decimals} timer"
    return f"{hours} {'time' if hours == 1 else 'timer'} og {minutes} minutter"


def join_names(names: Sequence[str]) -> str:
    """``A``, ``A og B``, ``A, B og C``."""
    kept = [n.strip() for n in names if n and n.strip()]
    if len(kept) <= 1:
        return "".join(kept)
    return ", ".join(kept[:-1]) + " og " + kept[-1]


def organisers_sentence(organisation: str, co_organisers: Sequence[str]) -> str:
    """``Kurset er arrangert av X i samarbeid med A, B og C.`` (parts left out when unknown)."""
    partners = join_names([c for c in co_organisers if c.strip() != organisation.strip()])
    if organisation.strip() and partners:
        return f"Kurset er arrangert av {organisation.strip()} i samarbeid med {partners}."
    if organisation.strip():
        return f"Kurset er arrangert av {organisation.strip()}."
    if partners:
        return f"Kurset er arrangert i samarbeid med {partners}."
    return ""


@dataclass
class _Block:
    """One piece of the middle of the page: text lines, the topics box or the revoked notice."""

    gap: float
    kind: str
    text: FittedText | None = None
    color: object = INK
    columns: list[list[FittedText]] | None = None
    heading: FittedText | None = None

    @property
    def height(self) -> float:
        if self.kind == "text":
            return self.text.height
        if self.kind == "revoked":
            return self.heading.height + self.text.height + 8 * mm
        column_heights = [sum(t.height + 1.5 * mm for t in col) for col in self.columns]
        return self.heading.height + 2 * mm + max(column_heights, default=0) + 7 * mm


def _topics_block(topics: Sequence[str], scale: float, gap: float) -> _Block:
    two_columns = len(topics) > 6
    inner = WIDTH - 12 * mm
    column_width = (inner - _COLUMN_GAP) / 2 if two_columns else inner
    # One size for every topic (a list in mixed sizes looks careless); long ones wrap instead.
    size = max(10 * scale, 6.5)
    items = [
        FittedText(
            tuple(wrap_text(t.strip(), REGULAR, size, column_width - _BULLET_INDENT)),
            REGULAR,
            size,
            size * 1.22,
        )
        for t in topics
        if t.strip()
    ]
    # Fill the left column first, as people read a list down, not across.
    half = (len(items) + 1) // 2 if two_columns else len(items)
    columns = [items[:half], items[half:]] if two_columns else [items]
    heading = fit_text("Kursinnhold", BOLD, width=inner, max_size=10.5 * scale, min_size=7)
    return _Block(gap, "topics", columns=columns, heading=heading)


def _middle_blocks(cert: CertificatePrint, scale: float, topics: Sequence[str]) -> list[_Block]:
    def text(gap: float, value: str, font: str, size: float, *, lines: int = 1, color=INK):
        fitted = fit_text(
            value,
            font,
            width=WIDTH,
            max_size=size * scale,
            min_size=7,
            max_lines=lines,
            balance=True,
        )
        return _Block(gap * scale, "text", fitted, color)

    blocks: list[_Block] = []
    if cert.revoked:
        reason = cert.revoked_reason.strip() or "ikke oppgitt"
        notice = fit_text(
            f"Kursbeviset er tilbakekalt og gjelder ikke. Årsak: {reason}",
            REGULAR,
            width=WIDTH - 10 * mm,
            max_size=9.5,
            min_size=7,
            max_lines=3,
        )
        heading = fit_text(REVOKED_MARK, BOLD, width=WIDTH - 10 * mm, max_size=11, min_size=8)
        blocks.append(_Block(0, "revoked", notice, WARNING_RED, heading=heading))
    blocks.append(text(6 * mm if cert.revoked else 0, "Dette bekrefter at", REGULAR, 12, color=MUTED))
    blocks.append(text(3 * mm, cert.full_name, BOLD, 26, lines=2))
    if cert.birth_date:
        blocks.append(text(1.5 * mm, f"født {format_date(cert.birth_date)}", REGULAR, 11, color=MUTED))
    blocks.append(text(6 * mm, "har gjennomført", REGULAR, 12, color=MUTED))
    blocks.append(text(3 * mm, cert.course_title.strip(), BOLD, 18, lines=3, color=ACCENT))
    facts = [format_day_ranges(cert.session_dates)]
    if cert.total_minutes > 0:
        facts.append(f"til sammen {format_hours(cert.total_minutes)}")
    facts_text = ", ".join(f for f in facts if f)
    if facts_text:
        blocks.append(text(3 * mm, facts_text[0].upper() + facts_text[1:], REGULAR, 12, lines=3))
    if topics:
        blocks.append(_topics_block(topics, scale, 8 * mm * scale))
    sentence = organisers_sentence(cert.organisation.name, cert.co_organisers)
    if sentence:
        blocks.append(text(7 * mm, sentence, REGULAR, 10, lines=4))
    return blocks


def _fit_middle(cert: CertificatePrint, room: float) -> list[_Block]:
    """The largest scale at which the middle fits ``room``; drops topics only as a last resort."""
    all_topics = topics = [t for t in cert.topics if t.strip()]
    for scale in _SCALES:
        blocks = _middle_blocks(cert, scale, topics)
        if sum(b.gap + b.height for b in blocks) <= room:
            return blocks
    while topics:
        # A certificate with forty topics still has to fit one page; say how many were left out.
        kept = topics[: len(topics) - 2] if len(topics) > 2 else []
        left_out = len(all_topics) - len(kept)
        topics = [*kept, f"… og {left_out} emner til"] if kept else []
        blocks = _middle_blocks(cert, _SCALES[-1], topics)
        if sum(b.gap + b.height for b in blocks) <= room:
            return blocks
        topics = kept
    return _middle_blocks(cert, _SCALES[-1], [])


def draw_middle(canvas: Canvas, cert: CertificatePrint, *, top: float, bottom: float) -> None:
    """Draw everything between the title and the signatures, as large as fits."""
    room = top - bottom
    blocks = _fit_middle(cert, room)
    used = sum(b.gap + b.height for b in blocks)
    # Short content sits a little above the centre of the free space, as a designer would.
    y = top - max(0.0, (room - used) * 0.4)
    for block in blocks:
        y -= block.gap
        if block.kind == "text":
            y = draw_fitted(canvas, block.text, x=LEFT, top=y, width=WIDTH, align="center", color=block.color)
        elif block.kind == "revoked":
            y = _draw_revoked_box(canvas, block, y)
        else:
            y = _draw_topics_box(canvas, block, y)


def _draw_revoked_box(canvas: Canvas, block: _Block, top: float) -> float:
    height = block.height
    canvas.setStrokeColor(WARNING_RED)
    canvas.setLineWidth(1.2)
    canvas.rect(LEFT, top - height, WIDTH, height)
    y = draw_fitted(
        canvas, block.heading, x=LEFT, top=top - 4 * mm, width=WIDTH, align="center", color=WARNING_RED
    )
    draw_fitted(
        canvas,
        block.text,
        x=LEFT + 5 * mm,
        top=y,
        width=WIDTH - 10 * mm,
        align="center",
        color=WARNING_RED,
    )
    return top - height


def _draw_topics_box(canvas: Canvas, block: _Block, top: float) -> float:
    height = block.height
    canvas.setFillColor(TINT)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.roundRect(LEFT, top - height, WIDTH, height, 2 * mm, stroke=1, fill=1)
    inner_left, inner = LEFT + 6 * mm, WIDTH - 12 * mm
    y = draw_fitted(canvas, block.heading, x=inner_left, top=top - 3.5 * mm, width=inner, color=ACCENT)
    y -= 2 * mm
    column_width = (inner - _COLUMN_GAP) / 2 if len(block.columns) > 1 else inner
    for index, column in enumerate(block.columns):
        x = inner_left + index * (column_width + _COLUMN_GAP)
        column_y = y
        for item in column:
            canvas.setFont(REGULAR, item.size)
            canvas.setFillColor(ACCENT)
            canvas.drawString(x, column_y - item.size * 0.93 - item.size * 0.11, "•")
            column_y = draw_fitted(
                canvas, item, x=x + _BULLET_INDENT, top=column_y, width=column_width - _BULLET_INDENT
            )
            column_y -= 1.5 * mm
    return top - height
