"""Text fitting, QR payloads, atomic output and the printing layer's import boundaries."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from printing_samples import FONTS_DIR, make_logo

from coursekeeper.errors import CourseKeeperError
from coursekeeper.printing import batch
from coursekeeper.printing.batch import atomic_output
from coursekeeper.printing.fonts import BOLD, REGULAR, register_fonts
from coursekeeper.printing.models import logo_is_readable
from coursekeeper.printing.page_style import (
    LogoCache,
    fit_text,
    qr_matrix,
    stringWidth,
    truncate_to_width,
    wrap_text,
)

register_fonts(FONTS_DIR)
# Widths are measured per word at 1 pt and scaled; allow for the float rounding that brings.


def test_wrap_keeps_every_word_and_respects_the_width():
    text = "Kurs for treningskontakter og støttekontakter i Øygarden, Askøy og Alver " * 3
    lines = wrap_text(text, REGULAR, 12, 200)
    assert len(lines) > 3
    assert " ".join(lines).split() == text.split()
    assert all(stringWidth(line, REGULAR, 12) <= 200 + 1e-6 for line in lines)


def test_a_word_wider_than_the_line_is_broken_not_lost():
    word = "Blomvågnes-Haugland-Ødegård-Kjærstad-von-Maximiliane"
    lines = wrap_text(word, BOLD, 20, 120)
    assert len(lines) > 1
    assert "".join(lines) == word
    assert all(stringWidth(line, BOLD, 20) <= 120 + 1e-6 for line in lines)


def test_fit_shrinks_a_little_before_it_wraps():
    fitted = fit_text("Åse Ødegård Kjærstad", BOLD, width=280, max_size=26, min_size=10, max_lines=2)
    assert fitted.lines == ("Åse Ødegård Kjærstad",)
    assert 20 <= fitted.size < 26


def test_fit_wraps_when_shrinking_is_not_enough_and_never_overflows():
    name = "Maximiliane Charlotte Henriette Ødegård-Kjærstad von Blomvågnes-Haugland"
    fitted = fit_text(name, BOLD, width=300, max_size=26, min_size=10, max_lines=2)
    assert len(fitted.lines) == 2
    assert " ".join(fitted.lines) == name
    assert all(stringWidth(line, BOLD, fitted.size) <= 300 + 1e-6 for line in fitted.lines)


def test_fit_returns_more_lines_at_the_minimum_rather_than_cutting_text():
    text = "ord " * 200
    fitted = fit_text(text, REGULAR, width=100, max_size=12, min_size=8, max_lines=2)
    assert fitted.size == 8
    assert len(fitted.lines) > 2
    assert " ".join(fitted.lines).split() == text.split()


def test_balanced_lines_leave_no_lonely_last_word():
    text = "Kurset er arrangert av Hordaland Idrettskrets i samarbeid med Helse Bergen."
    width = stringWidth(text, REGULAR, 10) * 0.9
    greedy = fit_text(text, REGULAR, width=width, max_size=10, min_size=10, max_lines=3)
    balanced = fit_text(text, REGULAR, width=width, max_size=10, min_size=10, max_lines=3, balance=True)
    assert len(greedy.lines) == len(balanced.lines) == 2
    assert len(greedy.lines[1].split()) == 1
    assert len(balanced.lines[1].split()) >= 4


def test_truncate_marks_what_it_cut():
    assert truncate_to_width("kort", REGULAR, 8, 100) == "kort"
    cut = truncate_to_width("lang tekst " * 20, REGULAR, 8, 100)
    assert cut.endswith("…")
    assert stringWidth(cut, REGULAR, 8) <= 100 + 1e-6


def test_the_qr_matrix_decodes_to_the_payload():
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    matrix = qr_matrix("ABCD-EFGH-IJKL-MNOP")
    scale, quiet = 8, 4
    side = (len(matrix) + 2 * quiet) * scale
    image = Image.new("L", (side, side), 255)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                x, y = (col_index + quiet) * scale, (row_index + quiet) * scale
                image.paste(0, (x, y, x + scale, y + scale))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == ["ABCD-EFGH-IJKL-MNOP"]


def test_the_logo_reader_is_shared_and_bad_logos_give_none():
    cache = LogoCache()
    logo = make_logo()
    assert cache.get(logo) is cache.get(bytes(logo))
    assert cache.get(b"garbage") is None
    assert cache.get(None) is None
    assert logo_is_readable(logo)
    assert not logo_is_readable(b"garbage")


def test_atomic_output_removes_the_temporary_file_on_error(tmp_path):
    out = tmp_path / "a.pdf"
    with pytest.raises(RuntimeError), atomic_output(out) as temporary:
        temporary.write_bytes(b"half")
        assert temporary.parent == tmp_path
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_a_locked_target_gives_a_norwegian_message_and_no_leftovers(tmp_path, monkeypatch):
    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(batch.os, "replace", locked)
    refused = pytest.raises(CourseKeeperError, match="åpen i et annet program")
    with refused, atomic_output(tmp_path / "a.pdf") as temporary:
        temporary.write_bytes(b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_printing_stays_above_the_domain_and_loads_reportlab_lazily():
    code = textwrap.dedent(
        """
        import sys
        import coursekeeper.printing as printing
        assert "reportlab" not in sys.modules, "importing the package must stay cheap"
        printing.write_certificates, printing.write_refund_letters, printing.write_sign_in_sheets
        assert "reportlab" in sys.modules
        bad = [m for m in sys.modules if m.startswith(
            ("PySide6", "coursekeeper.db", "coursekeeper.excel", "coursekeeper.services",
             "coursekeeper.settings"))]
        assert not bad, bad
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
