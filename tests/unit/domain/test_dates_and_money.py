"""Calendar-month arithmetic, Norwegian formats and amounts."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.domain.dates import add_months, format_date, format_day_ranges, parse_date
from coursekeeper.domain.money import format_kr, parse_kr
from coursekeeper.errors import ValidationError

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 8, 31), 6, D(2027, 2, 28)),  # clamps to February's end
        (D(2027, 8, 31), 6, D(2028, 2, 29)),  # leap year
        (D(2026, 3, 31), 6, D(2026, 9, 30)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 7, 15), 6, D(2027, 1, 15)),  # year rollover
        (D(2026, 12, 31), 12, D(2027, 12, 31)),
        (D(2026, 2, 28), 6, D(2026, 8, 28)),
    ],
)
def test_add_months_clamps_to_the_month_end(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_norwegian_date_formats() -> None:
    assert format_date(D(2026, 4, 9)) == "09.04.2026"
    assert parse_date("9.4.85", today=D(2026, 1, 1)) == D(1985, 4, 9)
    assert parse_date("09.04.2026") == D(2026, 4, 9)
    assert parse_date("2026-04-09") == D(2026, 4, 9)
    with pytest.raises(ValidationError, match=r"31\.02\.1990"):
        parse_date("31.02.1990")


def test_day_ranges_read_as_people_write_them() -> None:
    days = [D(2026, 4, 9), D(2026, 4, 10), D(2026, 4, 11), D(2026, 4, 24), D(2026, 4, 25)]
    assert format_day_ranges(days) == "9.–11. april og 24.–25. april 2026"
    assert format_day_ranges([D(2026, 4, 9)]) == "9. april 2026"


@pytest.mark.parametrize(
    ("ore", "text"),
    [
        (100_000, "1 000 kr"),
        (0, "0 kr"),
        (123_450, "1 234,50 kr"),
        (-50_000, "-500 kr"),
        (100_000_000, "1 000 000 kr"),
    ],
)
def test_format_kr(ore: int, text: str) -> None:
    assert format_kr(ore) == text


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("1000", 100_000),
        ("1 000 kr", 100_000),
        ("1.000,50", 100_050),
        ("kr 1000,-", 100_000),
        (1000, 100_000),
        ("12,5", 1250),
    ],
)
def test_parse_kr(text: str | int, ore: int) -> None:
    assert parse_kr(text) == ore


def test_parse_kr_refuses_text() -> None:
    with pytest.raises(ValidationError, match="gyldig beløp"):
        parse_kr("tusen")


@pytest.mark.parametrize(
    ("minutes", "norwegian", "english"),
    [
        (60, "1 time", "1 hour"),
        (59, "0,98 timer", "0.98 hours"),
        (30, "0,5 timer", "0.5 hours"),
        (90, "1,5 timer", "1.5 hours"),
        (0, "0 timer", "0 hours"),
        (840, "14 timer", "14 hours"),
    ],
)
def test_hours_read_right_in_both_languages(minutes: int, norwegian: str, english: str) -> None:
    from coursekeeper import i18n
    from coursekeeper.domain.hours import hours_text

    assert hours_text(minutes) == norwegian
    i18n.set_language("en")
    try:
        assert hours_text(minutes) == english
    finally:
        i18n.set_language("nb")
