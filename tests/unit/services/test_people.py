"""People corrected by hand: validation per field, swapping names, merging records, likely duplicates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coursekeeper import i18n
from coursekeeper.db.models import Assignment, AuditLog, Certificate, Enrolment, LedgerEntry, Person
from coursekeeper.domain.identity_numbers import contains_identity_number
from coursekeeper.errors import RuleError
from coursekeeper.services import assignments, certificates, enrolments, people
from coursekeeper.services.people import PersonFieldsError, PersonInput
from coursekeeper.services.person_merge import (
    SAME_EMAIL,
    SAME_NAME_AND_BIRTH_DATE,
    likely_duplicates,
    merge_people,
    merge_preview,
)
from coursekeeper.services.person_overview import municipality_choice, person_details
from tests import factories, part_b_data

IDENTITY_NUMBER = "01017010170"  # valid check digits, born 01.01.1970


def _refused(**fields: object) -> dict[str, str]:
    data = PersonInput("Kari", "Nordmann")
    for name, value in fields.items():
        setattr(data, name, value)
    with pytest.raises(PersonFieldsError) as caught:
        people.create_person(data)
    return caught.value.fields


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("first_name", " ", "Skriv fornavnet."),
        ("last_name", "", "Skriv etternavnet."),
        ("phone", "12 34", "Telefonnummeret «12 34» ser ikke riktig ut. Skriv for eksempel 912 34 567."),
        ("phone", "491 23 456", "Telefonnummeret «491 23 456» ser ikke riktig ut."),
        ("email", "kari@", "«kari@» er ikke en gyldig e-postadresse."),
        ("email", "kari@example.no; per@example.no", "Skriv bare én e-postadresse."),
        ("birth_date", "31.02.1985", "«31.02.1985» er ikke en dato."),
        ("birth_date", "01.01.2999", "Fødselsdatoen 01.01.2999 ligger fram i tid."),
        ("birth_date", dt.date(1899, 12, 31), "Fødselsdatoen 31.12.1899 er før 1900."),
        ("postal_code", "50031", "«50031» er ikke et postnummer."),
        ("municipality", "Bergn", "Fant ingen kommune som heter «Bergn»."),
        (
            "municipality",
            "Herøy",
            "Det finnes flere kommuner som heter «Herøy». Velg en av: Herøy (Møre og Romsdal), ",
        ),
        ("phone", "010170 10170", "Telefonnummeret ser ut til å inneholde et fødselsnummer."),
        ("address", f"Storgata 1 {IDENTITY_NUMBER}", "Adressen ser ut til å inneholde et fødselsnummer."),
        ("birth_date", IDENTITY_NUMBER, "Fødselsdatoen ser ut til å inneholde et fødselsnummer."),
        ("last_name", f"Nordmann {IDENTITY_NUMBER}", "Etternavnet ser ut til å inneholde et fødselsnummer."),
    ],
)
def test_each_field_is_checked_as_an_import_checks_it(db, field: str, value: object, expected: str) -> None:
    fields = _refused(**{field: value})
    assert list(fields) == [field]
    assert fields[field].startswith(expected)
    assert Person.select().count() == 0
    assert AuditLog.select().where(AuditLog.entity == "person").count() == 0


def test_several_wrong_fields_are_all_named_and_the_refusal_follows_the_language(db) -> None:
    fields = _refused(email="x@", phone="abc", postal_code="12")
    assert list(fields) == ["email", "phone", "postal_code"]
    i18n.set_language("en")
    try:
        fields = _refused(phone="12 34")
    finally:
        i18n.set_language("nb")
    assert fields["phone"] == "The phone number «12 34» does not look right. Write e.g. 912 34 567."


def test_values_are_stored_as_an_import_stores_them(db) -> None:
    person = people.create_person(
        PersonInput(
            " kari ",
            "Nordmann",
            "9.4.1985",
            " Kari@Example.NO ",
            "+47 912 34 567",
            "Storgata  1",
            "150",
            "Oslo",
            "bergen",
        )
    )
    row = Person.get_by_id(person.id)
    assert (row.first_name, row.birth_date, row.email, row.phone) == (
        "Kari",
        dt.date(1985, 4, 9),
        "kari@example.no",
        "+4791234567",
    )
    assert (row.address, row.postal_code, row.municipality.name) == ("Storgata 1", "0150", "Bergen")


def test_update_changes_every_field_and_writes_the_audit_log(db) -> None:
    person_id = factories.person("Kari", "Nordmann")
    people.update_person(
        person_id,
        PersonInput(
            "Kari Anne", "Berg", "24.12.1979", "kab@example.no", "55 00 00 00", "Vei 2", "5003", "Bergen"
        ),
    )
    row = Person.get_by_id(person_id)
    assert (row.first_name, row.last_name, row.birth_date, row.phone, row.city) == (
        "Kari Anne",
        "Berg",
        dt.date(1979, 12, 24),
        "+4755000000",
        "Bergen",
    )
    assert people.search_people("kari anne berg")[0].id == person_id
    entry = AuditLog.select().where(AuditLog.action == "update").get()
    assert (
        json.loads(entry.before)["last_name"] == "Nordmann" and json.loads(entry.after)["last_name"] == "Berg"
    )


def test_a_municipality_whose_name_repeats_is_offered_with_its_county(db) -> None:
    person_id = people.create_person(PersonInput("Kari", "Nordmann", municipality="Våler (Østfold)")).id
    details = person_details(person_id)
    assert details.municipality == "Våler"
    assert municipality_choice(details) == "Våler (Østfold)"
    people.update_person(
        person_id, PersonInput("Kari", "Nordmann", municipality=municipality_choice(details))
    )
    assert Person.get_by_id(person_id).municipality.county == "Østfold"


def test_swap_names_fixes_an_imported_last_name_first(db) -> None:
    person_id = people.create_person(PersonInput("Johansen", "Mats")).id
    people.swap_names(person_id)
    row = Person.get_by_id(person_id)
    assert (row.first_name, row.last_name) == ("Mats", "Johansen")
    assert [r.id for r in people.search_people("mats johansen")] == [person_id]
    entry = AuditLog.select().where(AuditLog.action == "swap_names").get()
    assert json.loads(entry.before)["first_name"] == "Johansen"


def test_contains_identity_number_finds_spaced_numbers_inside_text() -> None:
    assert contains_identity_number("010170 10170")
    assert contains_identity_number("fnr: 12 01017010170")
    assert contains_identity_number("010.170.101.70")
    assert not contains_identity_number("01017010171")  # wrong check digit
    assert not contains_identity_number("+47 912 34 567")
    assert not contains_identity_number("1010170101701")  # part of a longer number


def _duplicate_of_ola(s: part_b_data.Scenario) -> tuple[int, int]:
    """Ola's record with a payment, a certificate and an assignment; a second record on another course."""
    part_b_data.pay(s, "Ola")
    part_b_data.attend_fully(s, "Ola")
    certificates.issue_certificate(s.enrolments["Ola"], dt.date(2025, 4, 10))
    assignments.add_assignment(person_id=s.people["Ola"], start_date=dt.date(2025, 5, 1))
    keep = people.create_person(PersonInput("Odegaard", "Ola", None, None, "41 23 45 67")).id
    other_course = factories.course(title="Treningskontaktkurs Bergen høst 2026")
    enrolments.enrol(course_id=other_course, person_id=keep)
    return keep, s.people["Ola"]


def test_merge_moves_enrolments_payments_certificates_and_assignments(db) -> None:
    s = part_b_data.build()
    keep, other = _duplicate_of_ola(s)
    preview = merge_preview(keep, other)
    assert (preview.other.enrolments, preview.other.certificates) == (1, 1)
    assert (preview.other.ledger_entries, preview.other.assignments) == (1, 1)
    assert preview.shared_courses == []

    chosen = {"first_name", "last_name", "birth_date", "email", "municipality"}
    result = merge_people(keep_id=keep, other_id=other, take_from_other=chosen)

    assert Person.get_or_none(Person.id == other) is None
    row = Person.get_by_id(keep)
    # The chosen fields come from the other record; the kept record's phone stays.
    assert (row.first_name, row.last_name, row.birth_date) == ("Ola", "Ødegård", dt.date(1990, 1, 2))
    assert (row.email, row.phone, row.municipality.name) == ("ola@example.no", "+4741234567", "Øygarden")
    assert Enrolment.select().where(Enrolment.person == keep).count() == 2
    assert Assignment.select().where(Assignment.person == keep).count() == 1
    moved = Enrolment.get_by_id(s.enrolments["Ola"])
    assert moved.person_id == keep
    assert Certificate.select().where(Certificate.enrolment == moved.id).count() == 1
    assert LedgerEntry.select().where(LedgerEntry.enrolment == moved.id).count() == 1
    assert (result.enrolments, result.certificates, result.ledger_entries, result.assignments) == (1, 1, 1, 1)
    assert result.message == (
        "Slått sammen til Ola Ødegård. Flyttet: 1 påmelding, 1 kursbevis, 1 egenandelspost, 1 oppdrag."
    )
    entry = AuditLog.select().where(AuditLog.action == "merge").get()
    after = json.loads(entry.after)
    assert entry.entity_id == keep and after["merged_person_id"] == other
    assert after["moved"]["enrolments"] == [s.enrolments["Ola"]] and len(after["moved"]["assignments"]) == 1
    assert (
        AuditLog.select().where((AuditLog.action == "merged_into") & (AuditLog.entity_id == other)).count()
        == 1
    )


def test_merge_refused_when_both_are_on_the_same_course_and_nothing_is_written(db) -> None:
    s = part_b_data.build()
    keep, other = _duplicate_of_ola(s)
    enrolments.enrol(course_id=s.course_id, person_id=keep)
    audit_before = AuditLog.select().count()
    assert merge_preview(keep, other).shared_courses == ["Treningskontaktkurs Øygarden vår 2025"]
    with pytest.raises(RuleError, match="Begge er påmeldt kurset «Treningskontaktkurs Øygarden vår 2025»"):
        merge_people(keep_id=keep, other_id=other)
    assert Person.get_or_none(Person.id == other) is not None
    assert Enrolment.select().where(Enrolment.person == other).count() == 1
    assert Assignment.select().where(Assignment.person == other).count() == 1
    assert Person.get_by_id(keep).first_name == "Odegaard"
    assert AuditLog.select().count() == audit_before


def test_merge_by_default_keeps_filled_values_and_takes_only_missing_ones(db) -> None:
    keep = people.create_person(PersonInput("Kari", "Nordmann", None, "kari@example.no")).id
    other = people.create_person(PersonInput("Kari", "Nordman", "09.04.1985", "k@example.no")).id
    merge_people(keep_id=keep, other_id=other)
    row = Person.get_by_id(keep)
    assert (row.last_name, row.email, row.birth_date) == ("Nordmann", "kari@example.no", dt.date(1985, 4, 9))


def test_likely_duplicates_fold_names_and_match_email(db) -> None:
    born = dt.date(1985, 4, 9)
    odegard = people.create_person(PersonInput("Åse", "Ødegård", born)).id
    odegaard = people.create_person(PersonInput("ASE", "ODEGAARD", born)).id
    swapped = people.create_person(PersonInput("Odegard", "Aase", born)).id
    people.create_person(PersonInput("Åse", "Ødegård", dt.date(1986, 4, 9)))  # another birth date
    kari = people.create_person(PersonInput("Kari", "Nordmann", None, "kari@example.no")).id
    kari_anne = people.create_person(PersonInput("Kari Anne", "Berg", None, "KARI@example.no")).id
    people.create_person(PersonInput("Aase", "Berg", None, "aase@example.no"))
    people.create_person(PersonInput("Ase", "Berg", None, "ase@example.no"))  # another address
    people.create_person(PersonInput("Per", "Hansen", born))

    pairs = {(p.first.id, p.second.id): p.reason for p in likely_duplicates()}

    assert pairs == {
        (odegard, odegaard): SAME_NAME_AND_BIRTH_DATE,
        (odegard, swapped): SAME_NAME_AND_BIRTH_DATE,
        (odegaard, swapped): SAME_NAME_AND_BIRTH_DATE,
        (kari, kari_anne): SAME_EMAIL,
    }
