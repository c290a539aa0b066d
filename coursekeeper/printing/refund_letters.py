"""Letters telling participants their deposit (egenandel) is paid back: one A4 page each.

The recipient's address sits where the window of a C5/E65 window envelope is (NS 4129-style:
about 20 mm from the left edge and 45–90 mm from the top), so the letter can be folded and sent
without printing an envelope.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.domain.dates import format_date, format_day_ranges
from coursekeeper.domain.money import format_kr
from coursekeeper.printing.batch import Progress, write_pdf
from coursekeeper.printing.fonts import BOLD, REGULAR
from coursekeeper.printing.models import OrganisationProfile, RefundLetterPrint
from coursekeeper.printing.page_style import (
    ACCENT,
    INK,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TINT,
    FittedText,
    LogoCache,
    draw_fitted,
    draw_footer,
    draw_logo,
    fit_text,
    truncate_to_width,
    wrap_text,
)

HEADING = "Tilbakebetaling av egenandel"

# The envelope window (from the page's top-left corner) and the text inset inside it.
WINDOW_LEFT = 20 * mm
WINDOW_TOP = 45 * mm
WINDOW_WIDTH = 90 * mm
WINDOW_HEIGHT = 45 * mm
_WINDOW_INSET = 5 * mm

_BODY_LEFT = 25 * mm
_BODY_WIDTH = PAGE_WIDTH - _BODY_LEFT - 20 * mm
_BODY_TOP = PAGE_HEIGHT - 102 * mm
_BODY_BOTTOM = 24 * mm  # clear of the footer
_SCALES = (1.0, 0.94, 0.88, 0.82, 0.76, 0.7)


def _paragraph(text: str, font: str, size: float, width: float = _BODY_WIDTH) -> FittedText:
    return FittedText(tuple(wrap_text(text, font, size, width)), font, size, size * 1.38)


#: Why a deposit is paid back at once, without an assignment (DESIGN §3).
AT_ONCE_REASONS = {
    "withdrawn": "Du trakk deg fra kurset før påmeldingen ble bindende.",
    "rejected": "Du ble ikke tatt opp på kurset.",
    "cancelled": "Kurset ble avlyst.",
}


def _is_six_months(letter: RefundLetterPrint) -> bool:
    return letter.assignment_start is not None and letter.six_months_reached_on is not None


def letter_paragraphs(letter: RefundLetterPrint) -> tuple[list[str], list[str]]:
    """The body before and after the fact box, in plain Norwegian."""
    amount = format_kr(letter.amount_ore)
    dates = format_day_ranges(letter.course_dates)
    course = f"kurset «{letter.course_title.strip()}»" + (f" {dates}" if dates else "")
    if _is_six_months(letter):
        before = [
            f"Du deltok på {course} og betalte en egenandel på {amount}. Egenandelen betales "
            "tilbake til deltakere som tar oppdrag som treningskontakt og blir i oppdraget i minst "
            "seks måneder."
        ]
        municipality = letter.assignment_municipality.strip()
        where = f" for {municipality}" if municipality else ""
        after = [
            f"Du startet i oppdrag som treningskontakt{where} {format_date(letter.assignment_start)}, "
            f"og {format_date(letter.six_months_reached_on)} hadde du vært i oppdraget i seks "
            f"måneder. Du får derfor tilbake egenandelen på {amount}."
        ]
    else:
        before = [f"Du meldte deg på {course} og betalte en egenandel på {amount}."]
        reason = AT_ONCE_REASONS.get(letter.reason, "")
        after = [f"{reason} Du får derfor tilbake egenandelen på {amount}.".strip()]
    method = letter.payment_method_text.strip().rstrip(".")
    if method:
        after.append(f"Beløpet betales {method}.")
    else:
        after.append("Vi tar kontakt med deg om hvordan beløpet skal betales.")
    contact = letter.sender.contact_line().replace(" · ", " eller ")
    after.append(
        f"Ta kontakt med oss på {contact} hvis noe ikke stemmer."
        if contact
        else "Ta kontakt med oss hvis noe ikke stemmer."
    )
    if _is_six_months(letter):
        after.append("Takk for at du er treningskontakt!")
    return before, after


def letter_facts(letter: RefundLetterPrint) -> list[tuple[str, str]]:
    """Label and value rows of the fact box."""
    facts = [
        ("Beløp", format_kr(letter.amount_ore)),
        ("Kurs", letter.course_title.strip()),
        ("Kursdager", format_day_ranges(letter.course_dates)),
    ]
    if not _is_six_months(letter):
        return [*facts, ("Grunn", AT_ONCE_REASONS.get(letter.reason, "").rstrip("."))]
    assignment = ", ".join(
        p
        for p in (letter.assignment_municipality.strip(), f"fra {format_date(letter.assignment_start)}")
        if p
    )
    return [
        *facts,
        ("Oppdrag", assignment),
        ("Seks måneder nådd", format_date(letter.six_months_reached_on)),
    ]


class _LetterPage:
    """Draws refund letters; one logo reader per batch so each logo is embedded once."""

    def __init__(self) -> None:
        self.logos = LogoCache()

    def __call__(self, canvas: Canvas, letter: RefundLetterPrint) -> None:
        sender = letter.sender
        self._letterhead(canvas, sender)
        self._window(canvas, letter)
        self._references(canvas, letter)
        self._body(canvas, letter)
        address = ", ".join(p for p in (sender.address.strip(), sender.postal_line()) if p)
        draw_footer(
            canvas,
            " · ".join(p for p in (sender.name.strip(), address) if p),
            sender.contact_line(),
        )
        canvas.showPage()

    def _letterhead(self, canvas: Canvas, sender: OrganisationProfile) -> None:
        top = PAGE_HEIGHT - 15 * mm
        x = WINDOW_LEFT
        logo = self.logos.get(sender.logo)
        if logo is not None:
            width, _ = draw_logo(canvas, logo, x=x, top=top, max_width=55 * mm, max_height=18 * mm)
            x += width + 6 * mm
        if sender.name.strip():
            room = PAGE_WIDTH - 20 * mm - x
            name = fit_text(sender.name, BOLD, width=room, max_size=14, min_size=8, max_lines=2)
            # Level with the middle of an 18 mm logo, or at the top without one.
            name_top = top - (9 * mm - name.height / 2 if logo is not None else 0)
            draw_fitted(canvas, name, x=x, top=name_top, width=room, color=ACCENT)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(WINDOW_LEFT, top - 22 * mm, PAGE_WIDTH - 20 * mm, top - 22 * mm)

    def _window(self, canvas: Canvas, letter: RefundLetterPrint) -> None:
        sender = letter.sender
        left = WINDOW_LEFT + _WINDOW_INSET
        width = WINDOW_WIDTH - 2 * _WINDOW_INSET
        top = PAGE_HEIGHT - WINDOW_TOP - 3 * mm
        # The return address in small type at the top of the window, as the post expects.
        return_address = ", ".join(
            p for p in (sender.name.strip(), sender.address.strip(), sender.postal_line()) if p
        )
        if return_address:
            canvas.setFont(REGULAR, 6.5)
            canvas.setFillColor(MUTED)
            canvas.drawString(left, top - 6, truncate_to_width(return_address, REGULAR, 6.5, width))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.4)
            canvas.line(left, top - 8.5, left + width, top - 8.5)
        top -= 6 * mm
        lines = [letter.recipient_name.strip(), *(a.strip() for a in letter.recipient_address)]
        lines = [line for line in lines if line]
        bottom = PAGE_HEIGHT - WINDOW_TOP - WINDOW_HEIGHT + 3 * mm
        size = 11.0
        while True:
            # One size for the whole address: the post office reads it as one block.
            fitted = [
                FittedText(tuple(wrap_text(line, REGULAR, size, width)), REGULAR, size, size * 1.2)
                for line in lines
            ]
            if size <= 7 or top - sum(f.height for f in fitted) >= bottom:
                break
            size -= 0.5
        for fitted_line in fitted:
            top = draw_fitted(canvas, fitted_line, x=left, top=top, width=width)

    def _references(self, canvas: Canvas, letter: RefundLetterPrint) -> None:
        left, width = 125 * mm, PAGE_WIDTH - 20 * mm - 125 * mm
        top = PAGE_HEIGHT - WINDOW_TOP - 3 * mm
        rows = [("Dato", format_date(letter.letter_date))]
        if letter.reference.strip():
            rows.append(("Vår referanse", letter.reference.strip()))
        for label, value in rows:
            canvas.setFont(REGULAR, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(left, top - 8, label)
            fitted = fit_text(value, REGULAR, width=width, max_size=10.5, min_size=7, max_lines=2)
            top = draw_fitted(canvas, fitted, x=left, top=top - 10, width=width) - 3 * mm

    def _body(self, canvas: Canvas, letter: RefundLetterPrint) -> None:
        room = _BODY_TOP - _BODY_BOTTOM
        for scale in _SCALES:
            layout = self._layout(letter, scale)
            if sum(gap + height for gap, height, _ in layout) <= room:
                break
        y = _BODY_TOP
        for gap, _, draw in layout:
            y -= gap
            y = draw(canvas, y)

    def _layout(self, letter: RefundLetterPrint, scale: float) -> list:
        """(gap above, height, draw(canvas, top) → bottom) for each piece of the body."""
        size = 10.5 * scale
        pieces: list = []

        def text(gap: float, fitted: FittedText, color=INK) -> None:
            def draw(canvas: Canvas, top: float) -> float:
                return draw_fitted(canvas, fitted, x=_BODY_LEFT, top=top, width=_BODY_WIDTH, color=color)

            pieces.append((gap, fitted.height, draw))

        heading = fit_text(HEADING, BOLD, width=_BODY_WIDTH, max_size=15 * scale, min_size=10)
        text(0, heading, ACCENT)
        before, after = letter_paragraphs(letter)
        for paragraph in before:
            text(5 * mm * scale, _paragraph(paragraph, REGULAR, size))
        pieces.append(self._fact_box(letter_facts(letter), size, 5 * mm * scale))
        for paragraph in after:
            text(4 * mm * scale, _paragraph(paragraph, REGULAR, size))
        text(7 * mm * scale, _paragraph("Med vennlig hilsen", REGULAR, size))
        sender = letter.sender
        name = letter.signatory_name.strip() or sender.signatory_name.strip()
        title = letter.signatory_title.strip() or sender.signatory_title.strip()
        if name:
            # Room for a handwritten signature above the printed name.
            text(14 * mm * scale, _paragraph(name, BOLD, size))
            role = ", ".join(p for p in (title, sender.name.strip()) if p)
        else:
            role = sender.name.strip()
        if role:
            text(0.5 * mm, _paragraph(role, REGULAR, size * 0.92), MUTED)
        return pieces

    def _fact_box(self, facts: list[tuple[str, str]], size: float, gap: float) -> tuple:
        label_width = 42 * mm
        value_width = _BODY_WIDTH - label_width - 10 * mm
        rows = [
            (
                _paragraph(label, REGULAR, size, label_width),
                _paragraph(value, BOLD if label == "Beløp" else REGULAR, size, value_width),
            )
            for label, value in facts
            if value
        ]
        padding = 3.5 * mm
        height = sum(max(a.height, b.height) + 1.2 * mm for a, b in rows) + 2 * padding - 1.2 * mm

        def draw(canvas: Canvas, top: float) -> float:
            canvas.setFillColor(TINT)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.roundRect(_BODY_LEFT, top - height, _BODY_WIDTH, height, 2 * mm, fill=1)
            y = top - padding
            for label, value in rows:
                draw_fitted(canvas, label, x=_BODY_LEFT + 5 * mm, top=y, width=label_width, color=MUTED)
                bottom = draw_fitted(
                    canvas, value, x=_BODY_LEFT + 5 * mm + label_width, top=y, width=value_width
                )
                y = min(bottom, y - label.height) - 1.2 * mm
            return top - height

        return gap, height, draw


def write_refund_letters(
    letters: Sequence[RefundLetterPrint],
    out: Path,
    *,
    fonts_dir: Path,
    progress: Progress | None = None,
) -> None:
    """Write one refund letter per A4 page into the PDF ``out`` (atomically; cancellable)."""
    write_pdf(
        out,
        list(letters),
        _LetterPage(),
        fonts_dir=fonts_dir,
        progress=progress,
        title=HEADING,
        nothing_message="Det er ingen brev om tilbakebetaling å skrive ut.",
    )
