"""Refund letters: amount, assignment, six-month date, and the address in the envelope window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from printing_samples import make_letter, make_profile, page_texts, placed_text
from reportlab.lib.units import mm

from coursekeeper.errors import Cancelled, ValidationError
from coursekeeper.printing.refund_letters import (
    WINDOW_HEIGHT,
    WINDOW_LEFT,
    WINDOW_TOP,
    WINDOW_WIDTH,
    write_refund_letters,
)

A4_HEIGHT_MM = 297.0


def write(tmp_path: Path, fonts_dir: Path, letters, **kwargs) -> Path:
    out = tmp_path / "brev.pdf"
    write_refund_letters(letters, out, fonts_dir=fonts_dir, **kwargs)
    return out


def test_the_letter_says_what_is_paid_back_and_why(tmp_path, fonts_dir):
    [text] = page_texts(write(tmp_path, fonts_dir, [make_letter()]))
    for expected in (
        "Tilbakebetaling av egenandel",
        "Åse Ødegård Kjærstad",
        "Sjøvegen 14",
        "5353 Straume",
        "15.12.2026",
        "2026/1432-7",
        "1 000 kr",
        "Kurs for treningskontakter – Øygarden",
        "9.–11. april og 24.–25. april 2026",
        "Du startet i oppdrag som treningskontakt for Øygarden kommune 01.06.2026",
        "01.12.2026 hadde du vært i oppdraget i seks måneder",
        "Beløpet betales til kontonummer 1234.56.78903.",
        "Trude Håland",
        "Leder, Tildelingskontoret, Øygarden kommune",
    ):
        assert expected in text


def test_amounts_with_ore_are_shown_with_a_comma(tmp_path, fonts_dir):
    [text] = page_texts(write(tmp_path, fonts_dir, [make_letter(amount_ore=123_450)]))
    assert "1 234,50 kr" in text
    assert "1 000 kr" not in text


def test_the_recipient_address_sits_in_the_envelope_window(tmp_path, fonts_dir):
    out = write(tmp_path, fonts_dir, [make_letter()])
    runs = {run.text: run for run in placed_text(out)}
    left, right = WINDOW_LEFT / mm, (WINDOW_LEFT + WINDOW_WIDTH) / mm
    top = A4_HEIGHT_MM - WINDOW_TOP / mm
    bottom = top - WINDOW_HEIGHT / mm
    for line in ("Åse Ødegård Kjærstad", "Sjøvegen 14", "5353 Straume"):
        run = runs[line]
        assert left + 3 <= run.x and run.x + run.width <= right - 3, run
        assert bottom + 3 <= run.y <= top - 3, run
    # Nothing else of the letter's body shows through the window.
    heading = runs["Tilbakebetaling av egenandel"]
    assert heading.y < bottom


def test_a_long_recipient_address_stays_in_the_window(tmp_path, fonts_dir):
    name = "Maximiliane Charlotte Henriette Ødegård-Kjærstad von Blomvågnes-Haugland"
    address = ["c/o Familien Blomvågnes-Haugland", "Sjøvegen 14 B, leilighet H0203", "5353 Straume"]
    out = write(tmp_path, fonts_dir, [make_letter(recipient_name=name, recipient_address=address)])
    assert name in page_texts(out)[0]
    top = A4_HEIGHT_MM - WINDOW_TOP / mm
    bottom = top - WINDOW_HEIGHT / mm
    inside = [r for r in placed_text(out) if bottom <= r.y <= top and r.x < 120]
    assert len(inside) >= 6  # return address, the name on two lines, three address lines
    for run in inside:
        assert run.x + run.width <= (WINDOW_LEFT + WINDOW_WIDTH) / mm, run
        assert run.y >= bottom + 2, run


def test_missing_payment_method_and_signatory_read_sensibly(tmp_path, fonts_dir):
    sender = make_profile(name="Øygarden kommune", signatory_name="", signatory_title="")
    letter = make_letter(sender=sender, payment_method_text="  ")
    [text] = page_texts(write(tmp_path, fonts_dir, [letter]))
    assert "Vi tar kontakt med deg om hvordan beløpet skal betales." in text
    assert "Beløpet betales ." not in text
    assert "Med vennlig hilsen Øygarden kommune" in text


def test_the_letters_own_signatory_wins_over_the_profile(tmp_path, fonts_dir):
    letter = make_letter(signatory_name="Per Ås", signatory_title="Konsulent")
    [text] = page_texts(write(tmp_path, fonts_dir, [letter]))
    assert "Per Ås" in text
    assert "Konsulent, Øygarden kommune" in text
    assert "Trude Håland" not in text


def test_one_page_per_letter(tmp_path, fonts_dir):
    letters = [
        make_letter(recipient_name=f"Mottaker {n}", letter_date=dt.date(2026, 12, n)) for n in (1, 2, 3, 4)
    ]
    texts = page_texts(write(tmp_path, fonts_dir, letters))
    assert len(texts) == 4
    assert all(f"Mottaker {n}" in texts[n - 1] for n in (1, 2, 3, 4))


def test_cancelling_leaves_no_file(tmp_path, fonts_dir):
    def progress(done: int, total: int) -> None:
        if done == 1:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write(tmp_path, fonts_dir, [make_letter(), make_letter()], progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_no_letters_is_a_clear_refusal(tmp_path, fonts_dir):
    with pytest.raises(ValidationError, match="ingen brev"):
        write(tmp_path, fonts_dir, [])
