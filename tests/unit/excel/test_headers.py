"""Header detection and column mapping, table-driven at the edges."""

from __future__ import annotations

import pytest

from coursekeeper.errors import ValidationError
from coursekeeper.excel.headers import (
    ColumnMapping,
    detect_header,
    header_at,
    header_key,
    header_signature,
    map_columns,
    match_header,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Fornavn", "first_name"), ("FORNAVN ", "first_name"), ("First name", "first_name"),
        ("first_name", "first_name"), ("Etternavn", "last_name"), ("Surname", "last_name"),
        ("Last Name", "last_name"), ("Navn", "full_name"), ("Fullt navn", "full_name"),
        ("Name", "full_name"), ("Etternavn, fornavn", "full_name"),
        ("E-post", "email"), ("Epost", "email"), ("E-postadresse", "email"), ("Email", "email"),
        ("e-mail", "email"), ("Mail", "email"), ("E-postadresse (privat)", "email"),
        ("Telefon", "phone"), ("Mobil", "phone"), ("Tlf.", "phone"), ("Mobilnummer", "phone"),
        ("Phone", "phone"), ("Tlf nr", "phone"),
        ("Fødselsdato", "birth_date"), ("Foedselsdato", "birth_date"), ("Fodselsdato", "birth_date"),
        ("Født", "birth_date"), ("Fodt", "birth_date"), ("Fødselsdag", "birth_date"),
        ("Date of birth", "birth_date"), ("Birth date", "birth_date"),
        ("Fødselsdato (dd.mm.åååå)", "birth_date"),
        ("Fødselsnummer", "identity_number"), ("Personnummer", "identity_number"),
        ("Fnr", "identity_number"), ("Adresse", "address"), ("Address", "address"),
        ("Postnr", "postal_code"), ("Postnummer", "postal_code"), ("Post nr.", "postal_code"),
        ("Zip", "postal_code"), ("Poststed", "city"), ("Sted", "city"), ("City", "city"),
        ("Kommune", "municipality"), ("Municipality", "municipality"),
        ("Bostedskommune", "municipality"), ("Betalt", "paid"), ("Paid", "paid"),
        ("Egenandel", "paid"), ("Merknad", "note"), ("Kommentar", "note"), ("Notes", "note"),
    ],
)  # fmt: skip
def test_header_names_and_variants(header: str, field: str) -> None:
    assert match_header(header)[0] == field


@pytest.mark.parametrize("header", ["", "Kurs", "Dato for kurs", "Kjønn", "Sted for kurset"])
def test_unknown_headers_do_not_match(header: str) -> None:
    assert match_header(header)[0] in (None, "city")
    assert match_header("Kjønn")[0] is None


def test_folding_of_norwegian_letters() -> None:
    assert header_key("Fødselsdato") == header_key("Foedselsdato") == header_key("FODSELSDATO")
    assert header_key("Poststed") == "poststed"
    assert header_key("Påmeldt") == header_key("Paameldt") == header_key("pameldt")
    assert header_key("Ærend") == header_key("aerend")


@pytest.mark.parametrize(
    ("rows", "expected_row"),
    [
        ([(1, ["Fornavn", "Etternavn", "E-post"])], 1),
        ([(1, ["Deltakerliste Øygarden 2026"]), (2, ["Fornavn", "Etternavn", "Epost"])], 2),
        ([(1, ["Kursliste"]), (2, ["Sendt 09.04.2026"]), (4, ["Navn", "Født", "Mobil"])], 4),
        ([(1, ["Navn: treningskontakter"]), (3, ["Name", "Email", "Phone"])], 3),
    ],
)
def test_header_row_found_below_title_rows(rows: list, expected_row: int) -> None:
    assert detect_header(rows).excel_row == expected_row


def test_no_header_found_is_a_plain_message() -> None:
    with pytest.raises(ValidationError, match="Fant ikke overskriftsraden"):
        detect_header([(1, ["a", "b"]), (2, [1, 2])])


def test_header_deeper_than_the_scan_window_is_not_found() -> None:
    rows = [(i, [f"tittel {i}"]) for i in range(1, 17)] + [(17, ["Fornavn", "Etternavn"])]
    with pytest.raises(ValidationError):
        detect_header(rows)
    assert header_at(rows, 17).mapping.fields == {"first_name": 0, "last_name": 1}


def test_mapping_of_a_typical_municipal_sheet() -> None:
    mapping = map_columns(
        ["Etternavn", "Fornavn", "Fødselsdato", "Adresse", "Postnr", "Poststed", "Mobil",
         "E-postadresse", "Betalt egenandel", "Merknad", None, "Kommune"]
    )  # fmt: skip
    assert mapping.fields == {
        "last_name": 0, "first_name": 1, "birth_date": 2, "address": 3, "postal_code": 4,
        "city": 5, "phone": 6, "email": 7, "paid": 8, "note": 9, "municipality": 11,
    }  # fmt: skip
    assert mapping.label("email") == "E-postadresse"


def test_exact_beats_partial_and_leftmost_wins() -> None:
    mapping = map_columns(["E-postadresse jobb", "E-post", "Telefon", "Mobil"])
    assert mapping.column("email") == 1
    assert mapping.column("phone") == 2


def test_navn_beside_first_and_last_is_not_the_name_column() -> None:
    mapping = map_columns(["Fornavn", "Etternavn", "Navn"])
    assert mapping.column("full_name") is None


def test_user_changes_and_the_signature_remembers_them() -> None:
    headers = ["Deltaker", "Kontakt", "Dag"]
    mapping = map_columns(headers)
    assert mapping.fields == {"full_name": 0}
    mapping.assign("phone", 1)
    mapping.assign("birth_date", 2)
    mapping.assign("phone", 1)  # idempotent
    saved = (mapping.signature, mapping.to_dict())
    again = map_columns([" deltaker", "KONTAKT", "Dag", None])
    assert again.signature == saved[0]  # same headers → same key, despite case and spaces
    restored = ColumnMapping.from_dict(again.headers, saved[1])
    assert restored.fields == {"full_name": 0, "phone": 1, "birth_date": 2}
    assert header_signature(["Navn", "Dag"]) != header_signature(["Dag", "Navn"])


def test_assign_moves_a_column_between_fields() -> None:
    mapping = map_columns(["Navn", "Mobil"])
    mapping.assign("note", 1)
    assert mapping.fields == {"full_name": 0, "note": 1}
    mapping.assign("note", None)
    assert mapping.fields == {"full_name": 0}
    with pytest.raises(ValueError):
        mapping.assign("shoe_size", 0)


def test_from_dict_drops_what_no_longer_fits() -> None:
    restored = ColumnMapping.from_dict(["Navn"], {"full_name": 0, "phone": 5, "bogus": 0})
    assert restored.fields == {"full_name": 0}
