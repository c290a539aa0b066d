"""Sign-in sheets: every participant once, header on every page, and "Side n av m"."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from printing_samples import make_participants, make_profile, make_sheet, page_texts, placed_text

from coursekeeper.errors import Cancelled, ValidationError
from coursekeeper.printing.sign_in_sheets import (
    ROWS_PER_PAGE,
    format_long_date,
    format_time_span,
    page_count,
    write_sign_in_sheets,
)


def write(tmp_path: Path, fonts_dir: Path, sheets, **kwargs) -> Path:
    out = tmp_path / "oppmote.pdf"
    write_sign_in_sheets(sheets, out, fonts_dir=fonts_dir, **kwargs)
    return out


def test_forty_five_participants_span_numbered_pages_with_the_header_on_each(tmp_path, fonts_dir):
    sheet = make_sheet(participants=make_participants(45), blank_rows=3)
    texts = page_texts(write(tmp_path, fonts_dir, [sheet]))
    expected_pages = -(-48 // ROWS_PER_PAGE)
    assert len(texts) == expected_pages >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Side {number} av {expected_pages}" in text
        assert "Oppmøteliste" in text
        assert "Kurs for treningskontakter – Øygarden" in text
        assert "Torsdag 9. april 2026 · kl. 17.00–21.00 · Sotra Arena, møterom 2, Straume" in text
        assert "Navn Kommune Signatur" in text
    everything = " ".join(texts)
    for participant in make_participants(45):
        # The number suffix makes each name unique; "… 4" must not match inside "… 45".
        assert len(re.findall(rf"{re.escape(participant.name)}(?!\d)", everything)) == 1


def test_rows_are_numbered_on_across_pages_and_blank_rows_follow(tmp_path, fonts_dir):
    sheet = make_sheet(participants=make_participants(45), blank_rows=3)
    out = write(tmp_path, fonts_dir, [sheet])
    last_page = page_count(sheet) - 1
    numbers = [r.text for r in placed_text(out, last_page) if r.text.isdigit() and r.x < 30]
    assert numbers[-3:] == ["46", "47", "48"]
    first = [r.text for r in placed_text(out, 0) if r.text.isdigit() and r.x < 30]
    assert first == [str(n) for n in range(1, ROWS_PER_PAGE + 1)]


def test_each_session_gets_its_own_page_numbers(tmp_path, fonts_dir):
    first = make_sheet(participants=make_participants(45))
    second = make_sheet(
        session_date=dt.date(2026, 4, 10), participants=make_participants(5), session_label="Dag 2 av 5"
    )
    texts = page_texts(write(tmp_path, fonts_dir, [first, second]))
    assert len(texts) == page_count(first) + 1
    assert "Side 1 av 1" in texts[-1]
    assert "Fredag 10. april 2026" in texts[-1]
    assert "Dag 2 av 5" in texts[-1]


def test_plain_tuples_and_a_sheet_without_logo_work(tmp_path, fonts_dir):
    sheet = make_sheet(
        participants=[("Bjørn Øvrebø", "Askøy")], blank_rows=0, organisation=make_profile(logo=None)
    )
    [text] = page_texts(write(tmp_path, fonts_dir, [sheet]))
    assert "Bjørn Øvrebø Askøy" in text
    assert "Hordaland Idrettskrets" in text


def test_a_long_name_stays_in_its_column(tmp_path, fonts_dir):
    name = "Maximiliane Charlotte Henriette Ødegård-Kjærstad von Blomvågnes-Haugland"
    out = write(tmp_path, fonts_dir, [make_sheet(participants=[(name, "Bjørnafjorden")])])
    assert name in page_texts(out)[0]
    name_runs = [r for r in placed_text(out) if r.text and r.text.split()[0] in name.split()]
    assert name_runs
    for run in name_runs:
        assert run.x >= 26 and run.x + run.width <= 15 + 11 + 66, run  # the Navn column


def test_an_empty_session_still_gives_a_sheet_to_fill_in(tmp_path, fonts_dir):
    texts = page_texts(write(tmp_path, fonts_dir, [make_sheet(participants=[], blank_rows=10)]))
    assert len(texts) == 1
    assert "Side 1 av 1" in texts[0]
    assert "10" in texts[0].split("Signatur", 1)[1]


def test_cancelling_leaves_no_file(tmp_path, fonts_dir):
    def progress(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        write(tmp_path, fonts_dir, [make_sheet()], progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_no_sessions_is_a_clear_refusal(tmp_path, fonts_dir):
    with pytest.raises(ValidationError, match="ingen økter"):
        write(tmp_path, fonts_dir, [])


def test_dates_and_times_are_written_the_norwegian_way():
    assert format_long_date(dt.date(2026, 4, 11)) == "Lørdag 11. april 2026"
    assert format_time_span(dt.time(9, 0), dt.time(15, 30)) == "kl. 09.00–15.30"
    assert format_time_span(dt.time(9, 0), None) == "fra kl. 09.00"
    assert format_time_span(None, None) == ""
