"""Participant rows: names, identity numbers kept out, duplicates, issues with row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from coursekeeper.domain.identity_numbers import (
    birth_date_from_identity_number,
    is_identity_number,
    looks_like_identity_column,
)
from coursekeeper.errors import ValidationError
from coursekeeper.excel.headers import map_columns
from coursekeeper.excel.participants import parse_participants, read_participants
from coursekeeper.excel.reading import SheetRows

TODAY = dt.date(2026, 11, 24)
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def fnr(born: dt.date, individual: int = 123, *, rule_2032: bool = False) -> str:
    """A valid fødselsnummer made with the mod-11 rules (never a real person's on purpose)."""
    for ind in range(individual, individual + 200):
        if born.year >= 2000 and ind < 500:
            ind += 500
        base = f"{born:%d%m}{born.year % 100:02d}{ind:03d}"
        digits = [int(c) for c in base]
        if rule_2032:
            # 2032 rule: k1 is any digit making the sum with weights 3 7 6 1 8 9 4 5 2 1
            # ≡ 0, 1, 2 or 3 (mod 11); pick one that the classic rule would not give.
            s = sum(w * d for w, d in zip(_W1, digits, strict=True))
            options = [k for k in range(10) if (s + k) % 11 in (1, 2, 3)]
            if not options:
                continue
            k1 = options[0]
        else:
            k1 = (11 - sum(w * d for w, d in zip(_W1, digits, strict=True)) % 11) % 11
            if k1 == 10:
                continue
        digits.append(k1)
        k2 = (11 - sum(w * d for w, d in zip(_W2, digits, strict=True)) % 11) % 11
        if k2 == 10:
            continue
        return base + str(k1) + str(k2)
    raise AssertionError("no valid number found")


def sheet(rows: list[list[object]], name: str = "Ark1") -> SheetRows:
    return SheetRows("liste.xlsx", name, [(i + 1, r) for i, r in enumerate(rows)])


@pytest.mark.parametrize("rule_2032", [False, True])
@pytest.mark.parametrize("born", [dt.date(1985, 4, 9), dt.date(1999, 12, 31), dt.date(2004, 2, 29)])
def test_generated_identity_numbers_are_recognised(born: dt.date, rule_2032: bool) -> None:
    number = fnr(born, rule_2032=rule_2032)
    assert is_identity_number(number)
    assert is_identity_number(int(number))  # a number cell loses nothing but a leading zero
    assert birth_date_from_identity_number(number) == born
    wrong = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not is_identity_number(wrong)


def test_known_classic_example() -> None:
    assert is_identity_number("31129956715")
    assert birth_date_from_identity_number("31129956715") == dt.date(1899, 12, 31)


def test_identity_column_by_content_whatever_its_header() -> None:
    numbers = [fnr(dt.date(1980 + i, 1 + i % 12, 1 + i)) for i in range(10)]
    assert looks_like_identity_column([*numbers, "", None, "ukjent"])
    rows = [["Fornavn", "Etternavn", "ID"]] + [[f"P{i}", "Hansen", n] for i, n in enumerate(numbers)]
    rows.append(["Ola", "Uten", "ukjent"])
    parsed = parse_participants(sheet(rows), today=TODAY)
    assert parsed.identity_columns == [2]
    assert parsed.notices == [
        "Kolonne C («ID») inneholder fødselsnummer. Bare fødselsdatoen er tatt vare på; selve "
        "numrene blir ikke lagret."
    ]
    assert [r.birth_date for r in parsed.rows[:3]] == [
        dt.date(1980, 1, 1), dt.date(1981, 2, 2), dt.date(1982, 3, 3)
    ]  # fmt: skip


def test_identity_numbers_never_survive_anywhere() -> None:
    a, b, c = fnr(dt.date(1985, 4, 9)), fnr(dt.date(1990, 6, 1)), fnr(dt.date(1970, 1, 2), rule_2032=True)
    rows = [
        ["Navn", "Fødselsnummer", "Merknad", "Telefon", "E-post"],
        ["Ola Nordmann", a, f"fnr {a} oppgitt", int(b), "ola@x.no"],
        ["Kari Nordmann", int(b), "", c, "kari@x.no"],
        ["Per Hansen", "31.02.1990", "", "", "per@x.no"],  # text in the identity column
        [c, c, c, c, c],  # a number in every column
    ]
    parsed = parse_participants(sheet(rows), today=TODAY)
    everything = repr(parsed)  # every field, issue, value and notice of the whole result
    for number in (a, b, c):
        assert number not in everything
        assert str(int(number)) not in everything
    assert parsed.rows[0].birth_date == dt.date(1985, 4, 9)
    assert parsed.rows[0].note == "fnr [fødselsnummer fjernet] oppgitt"
    assert parsed.rows[1].birth_date == dt.date(1990, 6, 1)
    assert parsed.rows[3].first_name == "" and parsed.rows[3].has_errors


def test_messages_name_row_and_column() -> None:
    rows = [
        ["Deltakerliste"],
        ["Fornavn", "Etternavn", "Fødselsdato", "E-post", "Mobil", "Betalt"],
        ["Ola", "Nordmann", "31.02.1990", "ola(at)x.no", "12345", "kanskje"],
    ]
    parsed = parse_participants(sheet(rows), today=TODAY)
    assert parsed.header_row == 2
    described = [i.describe() for i in parsed.rows[0].issues]
    assert "Rad 3, kolonne «Fødselsdato»: «31.02.1990» er ingen gyldig dato." in described
    assert any(d.startswith("Rad 3, kolonne «E-post»:") for d in described)
    assert any(d.startswith("Rad 3, kolonne «Mobil»:") for d in described)
    assert any(d.startswith("Rad 3, kolonne «Betalt»:") for d in described)
    severities = {i.field: i.severity for i in parsed.rows[0].issues if i.field}
    assert severities == {"birth_date": "error", "email": "warning", "phone": "warning", "paid": "warning"}


def test_a_row_without_any_name_is_an_error_and_without_contact_a_warning() -> None:
    rows = [
        ["Fornavn", "Etternavn", "Telefon"],
        ["", "", "91234567"],
        ["Ola", "", ""],
        ["Ola", "Nordmann", ""],
    ]
    parsed = parse_participants(sheet(rows), today=TODAY)
    assert [i.message for i in parsed.rows[0].issues] == ["Mangler navn."]
    assert [i.severity for i in parsed.rows[0].issues] == ["error"]
    assert next(i.message for i in parsed.rows[1].issues) == "Mangler etternavn."
    assert not parsed.rows[1].has_errors
    assert parsed.rows[2].issues[0].severity == "warning"
    assert "Mangler både e-post, telefon og fødselsdato" in parsed.rows[2].issues[0].message


def test_single_name_column_both_ways_and_shouting() -> None:
    rows = [
        ["Navn", "Født"],
        ["Nordmann, Ola", "9.4.85"],
        ["KARI ØDEGÅRD", "1985-04-09"],
        ["per   hansen ", None],
    ]
    parsed = parse_participants(sheet(rows), today=TODAY)
    names = [(r.first_name, r.last_name) for r in parsed.rows]
    assert names == [("Ola", "Nordmann"), ("Kari", "Ødegård"), ("Per", "Hansen")]
    assert parsed.rows[0].birth_date == dt.date(1985, 4, 9)


def test_duplicates_inside_the_file() -> None:
    rows = [
        ["Fornavn", "Etternavn", "E-post", "Fødselsdato"],
        ["Ola", "Nordmann", "ola@x.no", "09.04.1985"],
        ["Kari", "Ødegård", "", "01.01.1990"],
        ["Ola", "Nordmann", "OLA@X.NO ", ""],
        ["kari", "Odegaard", "kari@y.no", "01.01.1990"],
        ["Kari", "Ødegård", "", ""],  # same name, no birth date: not enough to call it the same
    ]
    parsed = parse_participants(sheet(rows), today=TODAY)
    assert [r.duplicate_of for r in parsed.rows] == [None, None, 2, 3, None]
    assert parsed.rows[2].issues[-1].message == "Samme person som rad 2 (samme e-post)."
    assert parsed.rows[3].issues[-1].message == "Samme person som rad 3 (samme navn og fødselsdato)."


def test_values_for_every_field() -> None:
    mapping = map_columns(
        ["Etternavn", "Fornavn", "Adresse", "Postnr", "Poststed", "Kommune", "Betalt", "Merknad", "Mobil"]
    )
    rows = [
        mapping.headers,
        ["Nordmann ", "Ola", "Storgata 1 ", 150.0, "Oslo", "Oslo", "1 000 kr", " Vegetar ", 4791234567.0],
    ]
    row = parse_participants(sheet(rows), today=TODAY).rows[0]
    assert (row.first_name, row.last_name, row.address, row.postal_code, row.city) == (
        "Ola", "Nordmann", "Storgata 1", "0150", "Oslo"
    )  # fmt: skip
    assert (row.municipality_text, row.paid, row.paid_amount_ore, row.note) == (
        "Oslo",
        True,
        100000,
        "Vegetar",
    )
    assert row.phone == "+4791234567"


def test_no_name_column_is_refused_with_a_plain_message() -> None:
    with pytest.raises(ValidationError, match="Fant ingen kolonne med navn"):
        parse_participants(sheet([["E-post", "Telefon"], ["a@x.no", "91234567"]]), today=TODAY)


def test_user_mapping_overrides_detection() -> None:
    rows = [["Deltaker", "Kontakt", "E-post"], ["Ola Nordmann", "91234567", "ola@x.no"]]
    mapping = map_columns(rows[0])
    mapping.assign("phone", 1)
    row = parse_participants(sheet(rows), mapping=mapping, today=TODAY).rows[0]
    assert (row.first_name, row.last_name, row.phone) == ("Ola", "Nordmann", "+4791234567")


def test_read_participants_from_a_real_file(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Påmeldte treningskontaktkurs Øygarden"])
    ws.append([])
    ws.append(["Fornavn", "Etternavn", "Fødselsdato", "Mobil", "E-post"])
    ws.append(["Ola", "Nordmann", dt.datetime(1985, 4, 9), 91234567, "ola@x.no"])
    ws.append(["Kari", "Ødegård", "09.04.1985", "+47 412 34 567", "kari@x.no "])
    book.save(tmp_path / "liste.xlsx")
    parsed = read_participants(tmp_path / "liste.xlsx", today=TODAY)
    assert parsed.header_row == 3
    assert [r.excel_row for r in parsed.rows] == [4, 5]
    assert [r.birth_date for r in parsed.rows] == [dt.date(1985, 4, 9)] * 2
    assert [r.phone for r in parsed.rows] == ["+4791234567", "+4741234567"]
    assert parsed.errors == [] and parsed.warnings == []


def test_row_and_column_are_named_in_english_too() -> None:
    from coursekeeper import i18n
    from coursekeeper.excel.headers import column_label
    from coursekeeper.excel.participant_rows import CellIssue

    i18n.set_language("en")
    try:
        lettered = CellIssue(7, column_label([], 3), "", "x")
        assert lettered.describe() == "Row 7, column D: x"
        assert CellIssue(7, "Fødselsdato", "", "x").describe() == "Row 7, column «Fødselsdato»: x"
        assert CellIssue(7, "", "", "x").describe() == "Row 7: x"
    finally:
        i18n.set_language("nb")
    assert CellIssue(7, column_label([], 3), "", "x").describe() == "Rad 7, kolonne D: x"
