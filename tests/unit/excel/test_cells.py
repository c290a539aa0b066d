"""Cell parsing: dates, phones, e-mail, names, payments, postal codes."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.excel import cells
from coursekeeper.excel.cells import CellValueError, Payment

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(1985, 4, 9), dt.date(1985, 4, 9)),
        (dt.datetime(1985, 4, 9, 0, 0), dt.date(1985, 4, 9)),
        ("09.04.1985", dt.date(1985, 4, 9)),
        ("9.4.1985", dt.date(1985, 4, 9)),
        ("9.4.85", dt.date(1985, 4, 9)),
        ("09.04.05", dt.date(2005, 4, 9)),
        ("1985-04-09", dt.date(1985, 4, 9)),
        (" 09.04.1985 ", dt.date(1985, 4, 9)),
        ("09/04/1985", dt.date(1985, 4, 9)),
        ("09-04-1985", dt.date(1985, 4, 9)),
        ("09.04.1985 00:00", dt.date(1985, 4, 9)),
        ("9. april 1985", dt.date(1985, 4, 9)),
        (31146.0, dt.date(1985, 4, 9)),
        (31146, dt.date(1985, 4, 9)),
        ("", None),
        (None, None),
        ("   ", None),
    ],
)
def test_dates(value: object, expected: dt.date | None) -> None:
    assert cells.parse_date_cell(value, today=TODAY) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31.02.1990", "«31.02.1990» er ingen gyldig dato."),
        ("30.13.1990", "«30.13.1990» er ingen gyldig dato."),
        ("1990-02-30", "«1990-02-30» er ingen gyldig dato."),
        ("snart", "«snart» er ikke en dato"),
        (91234567.0, "«91234567» er ikke en dato"),
        (31146.5, "er ikke en dato"),
        (True, "er ikke en dato"),
    ],
)
def test_impossible_dates_are_refused_in_plain_norwegian(value: object, reason: str) -> None:
    with pytest.raises(CellValueError) as caught:
        cells.parse_date_cell(value, today=TODAY)
    assert reason in caught.value.reason


def test_birth_date_plausibility() -> None:
    with pytest.raises(CellValueError, match="fram i tid"):
        cells.check_birth_date(dt.date(2030, 1, 1), today=TODAY)
    with pytest.raises(CellValueError, match="før 1900"):
        cells.check_birth_date(dt.date(1899, 12, 31), today=TODAY)
    cells.check_birth_date(dt.date(1985, 4, 9), today=TODAY)


@pytest.mark.parametrize(
    ("value", "e164", "shown"),
    [
        (91234567, "+4791234567", "912 34 567"),
        (91234567.0, "+4791234567", "912 34 567"),
        (4791234567.0, "+4791234567", "912 34 567"),
        ("4791234567", "+4791234567", "912 34 567"),
        ("+47 912 34 567", "+4791234567", "912 34 567"),
        ("0047 912 34 567", "+4791234567", "912 34 567"),
        ("912 34 567 ", "+4791234567", "912 34 567"),
        ("91 23 45 67", "+4791234567", "912 34 567"),
        ("22 12 34 56", "+4722123456", "22 12 34 56"),
        ("+46 70 123 45 67", "+46701234567", "+46 70 123 45 67"),
        (None, None, ""),
        ("", None, ""),
    ],
)
def test_phones(value: object, e164: str | None, shown: str) -> None:
    assert cells.parse_phone(value) == e164
    assert cells.format_phone(e164) == shown


@pytest.mark.parametrize("value", ["12345", "abc", "+47 123", "00000000"])
def test_bad_phones(value: object) -> None:
    with pytest.raises(CellValueError):
        cells.parse_phone(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" Ola.Nordmann@Example.NO ", ("ola.nordmann@example.no", False)),
        ("mailto:kari@x.no", ("kari@x.no", False)),
        ("Kari Nordmann <kari@x.no>", ("kari@x.no", False)),
        ("a@x.no; b@y.no", ("a@x.no", True)),
        ("per@bærum.kommune.no", ("per@bærum.kommune.no", False)),
        (None, (None, False)),
    ],
)
def test_email(value: object, expected: tuple[str | None, bool]) -> None:
    assert cells.parse_email(value) == expected


@pytest.mark.parametrize("value", ["ola", "ola@", "@x.no", "ola@x", "ola@@x.no", "ola..n@x.no", "ola@x..no"])
def test_bad_email(value: str) -> None:
    with pytest.raises(CellValueError, match="ikke en gyldig e-postadresse"):
        cells.parse_email(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Ola   Nordmann ", "Ola Nordmann"),
        ("OLA NORDMANN", "Ola Nordmann"),
        ("ola nordmann", "Ola Nordmann"),
        ("ØYVIND ÅSE-ÆRLIG", "Øyvind Åse-Ærlig"),
        ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
        ("McDonald", "McDonald"),
        ("O'BRIEN", "O'Brien"),
        ("A\u030asa", "Åsa"),  # decomposed å becomes one character (NFC)
    ],
)
def test_names(value: str, expected: str) -> None:
    assert cells.clean_name(value) == expected


def test_name_case_fix_can_be_turned_off() -> None:
    assert cells.clean_name("OLA", fix_case=False) == "OLA"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Nordmann, Ola", ("Ola", "Nordmann")),
        ("Hansen Berg, Kari Anne", ("Kari Anne", "Hansen Berg")),
        ("Ola Nordmann", ("Ola", "Nordmann")),
        ("Ola Martin Nordmann", ("Ola Martin", "Nordmann")),
        ("Kari Hansen-Berg", ("Kari", "Hansen-Berg")),
        ("Ludwig van Beethoven", ("Ludwig", "van Beethoven")),
        ("Cher", ("Cher", "")),
    ],
)
def test_split_full_name(value: str, expected: tuple[str, str]) -> None:
    assert cells.split_full_name(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", Payment(paid=True)), ("Ja ", Payment(paid=True)), ("x", Payment(paid=True)),
        ("X", Payment(paid=True)), ("yes", Payment(paid=True)), ("true", Payment(paid=True)),
        (True, Payment(paid=True)), (1, Payment(paid=True)), ("1", Payment(paid=True)),
        ("nei", Payment(paid=False)), ("no", Payment(paid=False)), ("false", Payment(paid=False)),
        (0, Payment(paid=False)), ("0", Payment(paid=False)), (False, Payment(paid=False)),
        (1000, Payment(paid=True, amount_ore=100000)),
        (1000.0, Payment(paid=True, amount_ore=100000)),
        ("1000", Payment(paid=True, amount_ore=100000)),
        ("1 000 kr", Payment(paid=True, amount_ore=100000)),
        ("kr 1000,-", Payment(paid=True, amount_ore=100000)),
        ("09.04.2026", Payment(paid=True, paid_on=dt.date(2026, 4, 9))),
        (dt.date(2026, 4, 9), Payment(paid=True, paid_on=dt.date(2026, 4, 9))),
        (dt.datetime(2026, 4, 9, 10, 0), Payment(paid=True, paid_on=dt.date(2026, 4, 9))),
        (None, Payment()), ("", Payment()),
    ],
)  # fmt: skip
def test_paid(value: object, expected: Payment) -> None:
    assert cells.parse_paid(value, today=TODAY) == expected


@pytest.mark.parametrize("value", ["kommer senere", "-500", "31.02.2026"])
def test_paid_not_understood(value: str) -> None:
    with pytest.raises(CellValueError):
        cells.parse_paid(value, today=TODAY)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5003", "5003"), (5003.0, "5003"), (150, "0150"), ("0150", "0150"), ("150", "0150")],
)
def test_postal_codes(value: object, expected: str) -> None:
    assert cells.parse_postal_code(value) == expected


def test_identity_numbers_are_masked_in_messages() -> None:
    assert cells.shown("01018512345") == "«***********»"
    assert cells.mask_identity_numbers("fnr 010185 12345 ok") == "fnr *********** ok"
    with pytest.raises(CellValueError) as caught:
        cells.parse_date_cell("01018512345")
    assert "01018512345" not in caught.value.reason


def test_text_cells() -> None:
    assert cells.clean_text(5003.0) == "5003"
    assert cells.clean_text(dt.date(2026, 4, 9)) == "09.04.2026"
    assert cells.clean_text("  a \t b ") == "a b"
    assert cells.clean_text(None) == ""


def test_phone_validity_follows_the_first_two_digits() -> None:
    """parse_phone asks phonenumbers once per two-digit prefix for 8-digit Norwegian numbers."""
    import random

    import phonenumbers

    rng = random.Random(47)
    for first in "2345679":
        for second in "0123456789":
            verdicts = {
                phonenumbers.is_valid_number(
                    phonenumbers.parse(f"{first}{second}{rng.randrange(10**6):06d}", "NO")
                )
                for _ in range(150)
            }
            assert len(verdicts) == 1, f"prefix {first}{second} is not decided by two digits"


@pytest.mark.parametrize("number", ["41234567", "42123456", "80012345", "81000123", "99999999"])
def test_phone_fast_path_agrees_with_phonenumbers(number: str) -> None:
    import phonenumbers

    valid = phonenumbers.is_valid_number(phonenumbers.parse(number, "NO"))
    if valid:
        assert cells.parse_phone(number) == "+47" + number
    else:
        with pytest.raises(CellValueError):
            cells.parse_phone(number)
