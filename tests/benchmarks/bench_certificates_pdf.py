"""Benchmark: 300 certificates in one PDF against a bare reportlab canvas drawing the same things.

Run with ``python tests/benchmarks/bench_certificates_pdf.py``. The bare canvas draws the same
strings at fixed places, the same logo from one reused ImageReader and the same QR code from
segno's matrix, with no layout work; the goal is that real certificates cost at most 1.5× that.
"""

from __future__ import annotations

import io
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import segno  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from coursekeeper.domain.dates import format_date, format_day_ranges  # noqa: E402
from coursekeeper.printing.certificate_body import format_hours, organisers_sentence  # noqa: E402
from coursekeeper.printing.certificates import write_certificates  # noqa: E402
from coursekeeper.printing.fonts import BOLD, REGULAR, register_fonts  # noqa: E402
from coursekeeper.printing.models import CertificatePrint  # noqa: E402
from tests.benchmarks.bench_common import best_of  # noqa: E402
from tests.unit.printing.printing_samples import FONTS_DIR, make_certificate  # noqa: E402

COUNT = 300
ROUNDS = 3


def make_certificates() -> list[CertificatePrint]:
    """COUNT copies of the printing tests' sample certificate, each with its own name, number and code."""
    sample = make_certificate()
    return [
        replace(sample, number=f"HIK-2026-{n:04d}", code=f"ABCD-EFGH-IJKL-{n:04d}", first_name=f"Åse {n}")
        for n in range(1, COUNT + 1)
    ]


def bare_canvas(certs: list[CertificatePrint], out: Path) -> None:
    """The floor: the same text, logo and QR drawn at fixed places with no layout decisions."""
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1, initialFontName=REGULAR)
    logo = ImageReader(io.BytesIO(certs[0].organisation.logo))
    for cert in certs:
        canvas.drawImage(logo, 200, 740, 180, 66, mask="auto")
        canvas.setFont(BOLD, 34)
        canvas.drawCentredString(297, 680, "KURSBEVIS")
        canvas.setFont(REGULAR, 12)
        canvas.drawCentredString(297, 640, "Dette bekrefter at")
        canvas.setFont(BOLD, 26)
        canvas.drawCentredString(297, 610, cert.full_name)
        canvas.setFont(REGULAR, 11)
        canvas.drawCentredString(297, 595, f"født {format_date(cert.birth_date)}")
        canvas.drawCentredString(297, 570, "har gjennomført")
        canvas.setFont(BOLD, 18)
        canvas.drawCentredString(297, 545, cert.course_title)
        canvas.setFont(REGULAR, 12)
        facts = f"{format_day_ranges(cert.session_dates)}, til sammen {format_hours(cert.total_minutes)}"
        canvas.drawCentredString(297, 525, facts)
        canvas.setFont(REGULAR, 10)
        for i, topic in enumerate(cert.topics):
            canvas.drawString(90, 490 - 14 * i, f"• {topic}")
        canvas.drawCentredString(297, 380, organisers_sentence(cert.organisation.name, cert.co_organisers))
        canvas.drawString(71, 210, f"{cert.place}, {format_date(cert.issued_on)}")
        canvas.drawString(330, 190, cert.organisation.signatory_name)
        canvas.drawString(156, 110, cert.number)
        canvas.drawString(156, 95, cert.code)
        canvas.drawString(156, 80, cert.verify_hint)
        matrix = segno.make_qr(cert.code, error="q").matrix
        module = 68 / len(matrix)
        path = canvas.beginPath()
        for r, row in enumerate(matrix):
            start = None  # horizontal runs of dark modules, as the real drawing does
            for c, dark in enumerate((*row, 0)):
                if dark and start is None:
                    start = c
                elif not dark and start is not None:
                    path.rect(71 + start * module, 125 - r * module, (c - start) * module, module)
                    start = None
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()


def main() -> None:
    """Time both ways in the same run and print the ratio and the size per certificate."""
    certs = make_certificates()
    register_fonts(FONTS_DIR)
    with tempfile.TemporaryDirectory() as folder:
        ours, bare = Path(folder) / "kursbevis.pdf", Path(folder) / "bare.pdf"
        bare_canvas(certs[:5], bare)  # warm-up: imports, font subsetting code paths
        write_certificates(certs[:5], ours, fonts_dir=FONTS_DIR)
        bare_time = best_of(lambda: bare_canvas(certs, bare), ROUNDS)
        our_time = best_of(lambda: write_certificates(certs, ours, fonts_dir=FONTS_DIR), ROUNDS)
        print(f"{COUNT} certificates in one PDF (best of {ROUNDS})")
        print(f"  bare reportlab canvas: {bare_time:.3f} s, {bare.stat().st_size / COUNT / 1024:.1f} kB each")
        print(f"  write_certificates:    {our_time:.3f} s, {ours.stat().st_size / COUNT / 1024:.1f} kB each")
        ratio = our_time / bare_time
        print(f"  ratio: {ratio:.2f}× (goal ≤ 1.5×) {'OK' if ratio <= 1.5 else 'OVER GOAL'}")
        print(f"  file: {ours.stat().st_size / 1024:.0f} kB for {COUNT} certificates")


if __name__ == "__main__":
    main()
