"""Course certificates (kursbevis): one A4 page each, in one PDF per batch."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from coursekeeper.domain.dates import format_date
from coursekeeper.errors import RuleError
from coursekeeper.i18n import tr
from coursekeeper.printing.batch import Progress, write_pdf
from coursekeeper.printing.certificate_body import LEFT, REVOKED_MARK, WIDTH, draw_middle
from coursekeeper.printing.fonts import BOLD, ITALIC, REGULAR
from coursekeeper.printing.models import CertificatePrint
from coursekeeper.printing.page_style import (
    ACCENT,
    INK,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    WARNING_RED,
    LogoCache,
    draw_fitted,
    draw_logo,
    draw_qr,
    draw_watermark,
    fit_text,
    truncate_to_width,
)

_HEADER_TOP = PAGE_HEIGHT - 20 * mm
_SIGNATURE_LINE_Y = 72 * mm
_MIDDLE_BOTTOM = _SIGNATURE_LINE_Y + 16 * mm  # room above the line for a handwritten signature
_QR_SIZE = 24 * mm
_QR_Y = 20 * mm


def qr_payload(code: str) -> str:
    """What the QR code carries: the verification code exactly as printed beside it."""
    return code.strip().upper()


class _CertificatePage:
    """Draws certificates; keeps one logo reader per batch so the logo is embedded once."""

    def __init__(self) -> None:
        self.logos = LogoCache()

    def __call__(self, canvas: Canvas, cert: CertificatePrint) -> None:
        self._frame(canvas)
        header_bottom = self._header(canvas, cert)
        title_bottom = self._title(canvas, header_bottom - 7 * mm)
        if cert.duplicate_on:
            title_bottom = self._duplicate_stamp(canvas, cert, title_bottom - 5 * mm)
        draw_middle(canvas, cert, top=title_bottom - 8 * mm, bottom=_MIDDLE_BOTTOM)
        self._signatures(canvas, cert)
        self._verification(canvas, cert)
        if cert.revoked:
            draw_watermark(canvas, REVOKED_MARK)
        canvas.showPage()

    def _frame(self, canvas: Canvas) -> None:
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.4)
        canvas.rect(9 * mm, 9 * mm, PAGE_WIDTH - 18 * mm, PAGE_HEIGHT - 18 * mm)
        canvas.setLineWidth(0.5)
        canvas.rect(11 * mm, 11 * mm, PAGE_WIDTH - 22 * mm, PAGE_HEIGHT - 22 * mm)

    def _header(self, canvas: Canvas, cert: CertificatePrint) -> float:
        org = cert.organisation
        top = _HEADER_TOP
        logo = self.logos.get(org.logo)
        if logo is not None:
            _, height = draw_logo(
                canvas,
                logo,
                x=LEFT + 45 * mm,
                top=top,
                max_width=70 * mm,
                max_height=24 * mm,
                align="center",
            )
            top -= height + 3 * mm
            if org.name.strip():
                name = fit_text(org.name, REGULAR, width=WIDTH, max_size=10, min_size=7)
                top = draw_fitted(canvas, name, x=LEFT, top=top, width=WIDTH, align="center", color=MUTED)
        elif org.name.strip():
            # Without a logo the organiser's name carries the header on its own.
            name = fit_text(org.name, BOLD, width=WIDTH - 50 * mm, max_size=16, min_size=9, max_lines=2)
            top = draw_fitted(
                canvas,
                name,
                x=LEFT + 25 * mm,
                top=top - 4 * mm,
                width=WIDTH - 50 * mm,
                align="center",
                color=ACCENT,
            )
        return top

    def _title(self, canvas: Canvas, top: float) -> float:
        size, spacing, title = 34.0, 6.0, "KURSBEVIS"
        width = stringWidth(title, BOLD, size) + spacing * (len(title) - 1)
        text = canvas.beginText((PAGE_WIDTH - width) / 2, top - size * 0.8)
        text.setFont(BOLD, size)
        text.setCharSpace(spacing)
        text.setFillColor(ACCENT)
        text.textOut(title)
        text.setCharSpace(0)  # Tc outlives the text object in PDF; later text must not inherit it
        canvas.drawText(text)
        rule_y = top - size * 0.8 - 5 * mm
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1)
        canvas.line(PAGE_WIDTH / 2 - 20 * mm, rule_y, PAGE_WIDTH / 2 + 20 * mm, rule_y)
        return rule_y

    def _signatures(self, canvas: Canvas, cert: CertificatePrint) -> None:
        org = cert.organisation
        y = _SIGNATURE_LINE_Y
        left_width, right_left, right_width = 65 * mm, LEFT + 90 * mm, 70 * mm
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(LEFT, y, LEFT + left_width, y)
        canvas.line(right_left, y, right_left + right_width, y)
        place_date = ", ".join(p for p in (cert.place.strip(), format_date(cert.issued_on)) if p)
        fitted = fit_text(place_date, REGULAR, width=left_width, max_size=11, min_size=7)
        draw_fitted(canvas, fitted, x=LEFT, top=y + 2 * mm + fitted.leading, width=left_width)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(LEFT, y - 4 * mm, "Sted og dato")
        below = y - 1.5 * mm
        if org.signatory_name.strip():
            name = fit_text(org.signatory_name, BOLD, width=right_width, max_size=10, min_size=7)
            below = draw_fitted(canvas, name, x=right_left, top=below, width=right_width)
        role = ", ".join(p for p in (org.signatory_title.strip(), org.name.strip()) if p)
        if not org.signatory_name.strip():
            role = "Underskrift" + (f" for {org.name.strip()}" if org.name.strip() else "")
        if role:
            fitted = fit_text(role, REGULAR, width=right_width, max_size=8.5, min_size=6.5, max_lines=2)
            draw_fitted(canvas, fitted, x=right_left, top=below, width=right_width, color=MUTED)

    def _verification(self, canvas: Canvas, cert: CertificatePrint) -> None:
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, _QR_Y + _QR_SIZE + 5 * mm, LEFT + WIDTH, _QR_Y + _QR_SIZE + 5 * mm)
        draw_qr(canvas, qr_payload(cert.code), x=LEFT, y=_QR_Y, size=_QR_SIZE)
        x = LEFT + _QR_SIZE + 6 * mm
        width = LEFT + WIDTH - x
        top = _QR_Y + _QR_SIZE
        for label, value in (("Kursbevis nr.", cert.number), ("Kontrollkode", cert.code)):
            canvas.setFont(REGULAR, 9)
            canvas.setFillColor(MUTED)
            canvas.drawString(x, top - 8, label)
            canvas.setFont(BOLD, 10.5)
            canvas.setFillColor(INK)
            canvas.drawString(x + 28 * mm, top - 8, value)
            top -= 5.5 * mm
        lines = [cert.verify_hint.strip()] if cert.verify_hint.strip() else []
        org = cert.organisation
        address = ", ".join(p for p in (org.address.strip(), org.postal_line()) if p)
        contact = " · ".join(p for p in (org.name.strip(), address, org.contact_line()) if p)
        canvas.setFont(ITALIC, 8)
        canvas.setFillColor(MUTED)
        for line in lines:
            canvas.drawString(x, top - 8, truncate_to_width(line, ITALIC, 8, width))
            top -= 4.2 * mm
        if contact:
            fitted = fit_text(contact, REGULAR, width=width, max_size=7.5, min_size=6, max_lines=2)
            draw_fitted(canvas, fitted, x=x, top=_QR_Y + fitted.height, width=width, color=MUTED)

    def _duplicate_stamp(self, canvas: Canvas, cert: CertificatePrint, top: float) -> float:
        text = f"Duplikat utstedt {format_date(cert.duplicate_on)}"
        size, height = 9.0, 7 * mm
        width = stringWidth(text, BOLD, size) + 8 * mm
        left = (PAGE_WIDTH - width) / 2
        canvas.setStrokeColor(WARNING_RED)
        canvas.setFillColor(WARNING_RED)
        canvas.setLineWidth(0.9)
        canvas.roundRect(left, top - height, width, height, 1.2 * mm)
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(PAGE_WIDTH / 2, top - height / 2 - size * 0.35, text)
        return top - height


def check_printable(certs: Sequence[CertificatePrint], *, allow_revoked_copy: bool) -> None:
    """Refuse revoked certificates unless a marked copy was asked for on purpose."""
    revoked = [c for c in certs if c.revoked]
    if not revoked or allow_revoked_copy:
        return
    if len(revoked) == 1:
        cert = revoked[0]
        message = tr(
            "Kursbevis {number} for {name} er tilbakekalt og kan ikke skrives ut "
            "som gyldig kursbevis. Det kan bare skrives ut som en merket kopi.",
            number=cert.number,
            name=cert.full_name,
        )
    else:
        message = tr(
            "{n} av kursbevisene er tilbakekalt og kan ikke skrives ut som gyldige "
            "kursbevis. De kan bare skrives ut som merkede kopier.",
            n=len(revoked),
        )
    raise RuleError(message, details=[f"{c.number} {c.full_name}" for c in revoked])


def write_certificates(
    certs: Sequence[CertificatePrint],
    out: Path,
    *,
    fonts_dir: Path,
    progress: Progress | None = None,
    allow_revoked_copy: bool = False,
) -> None:
    """Write one certificate per A4 page into the PDF ``out`` (atomically; cancellable)."""
    check_printable(certs, allow_revoked_copy=allow_revoked_copy)
    titles = {c.course_title.strip() for c in certs}
    title = f"Kursbevis – {titles.pop()}" if len(titles) == 1 else "Kursbevis"
    write_pdf(
        out,
        list(certs),
        _CertificatePage(),
        fonts_dir=fonts_dir,
        progress=progress,
        title=title,
        nothing_message=tr("Det er ingen kursbevis å skrive ut."),
    )
