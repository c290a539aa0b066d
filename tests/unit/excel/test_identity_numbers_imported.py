"""An imported cell holding a fødselsnummer is stripped with a warning naming row and column."""

from __future__ import annotations

from coursekeeper.domain.identity_numbers import contains_identity_number, identity_number_problem
from coursekeeper.excel.participants import parse_participants
from tests.unit.excel.test_participants import sheet

FNR = "19059325305"


def test_an_e_mail_made_of_an_identity_number_is_dropped_with_a_warning() -> None:
    parsed = parse_participants(
        sheet(
            [
                ["Fornavn", "Etternavn", "E-post", "Adresse"],
                ["Ola", "Nordmann", f"{FNR}@example.no", f"Storgata 1, {FNR}"],
                ["Kari", "Hansen", "kari@example.no", "Vei 2"],
            ]
        )
    )
    ola, kari = parsed.rows
    assert ola.email is None and not contains_identity_number(ola.address)
    warned = [i.describe() for i in ola.issues if i.severity == "warning"]
    assert (
        "Rad 2, kolonne «E-post»: E-postadressen inneholder et fødselsnummer og blir ikke lagret." in warned
    )
    assert any(w.startswith("Rad 2, kolonne «Adresse»") and "fødselsnummer" in w for w in warned)
    assert all(FNR not in w for w in warned)
    assert kari.email == "kari@example.no" and not kari.issues


def test_typed_text_is_checked_for_numbers_written_with_a_space_dot_or_dash() -> None:
    for text in (FNR, "190593 25305", "190593-25305", "190593.25305", f"ring {FNR}, takk", f"{FNR}@x.no"):
        assert contains_identity_number(text), text
        assert identity_number_problem(text).startswith("Teksten inneholder et fødselsnummer")
    for text in ("19059325306", "tlf 91234567", "+47 912 34 567", "kontonr 1234.56.78903", "", None):
        assert not contains_identity_number(text), text
        assert identity_number_problem(text) == ""
