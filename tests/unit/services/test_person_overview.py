"""The people list (searched by the database), a person's page, deposit rows and the certificate register."""

from __future__ import annotations

import datetime as dt

from coursekeeper.domain.deposits import DepositStatus
from coursekeeper.domain.text import search_key
from coursekeeper.services import assignments, certificates
from coursekeeper.services.certificate_register import certificate_rows
from coursekeeper.services.deposit_overview import deposit_rows
from coursekeeper.services.people_pages import PeopleQuery, people_page
from coursekeeper.services.person_overview import person_overview
from tests import part_b_data


def _names(rows) -> list[str]:
    return [r.full_name for r in rows]


def test_the_list_has_everyone_with_course_counts_and_finds_by_email_phone_and_birth_date(db) -> None:
    part_b_data.build()
    rows = people_page(PeopleQuery()).rows
    assert _names(rows) == ["Per Hansen", "Kari Nordmann", "Ola Ødegård"]
    assert {r.courses for r in rows} == {1}
    assert rows[2].municipality == "Øygarden"

    def found(text: str) -> list[str]:
        return _names(people_page(PeopleQuery(tuple(search_key(text).split()))).rows)

    assert found("odegaard") == found("ØDEGÅRD") == ["Ola Ødegård"]
    assert found("kari.nordmann@") == found("912 34") == found("+47 912") == ["Kari Nordmann"]
    assert found("24.12.1979") == ["Per Hansen"]
    assert found("ola 1990") == ["Ola Ødegård"]
    assert found("ingen slik") == []
    assert len(found("  ")) == 3


def test_deposit_rows_derive_the_status_from_the_ledger(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari")
    rows = {r.person_name: r for r in deposit_rows(course_id=s.course_id)}
    assert rows["Kari Nordmann"].status == DepositStatus.PAID
    assert rows["Kari Nordmann"].held_ore == 100_000
    assert rows["Per Hansen"].status == DepositStatus.UNPAID
    assert rows["Per Hansen"].outstanding_ore == 100_000


def test_person_page_has_enrolments_certificates_ledger_and_assignments(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari")
    part_b_data.attend_fully(s, "Kari")
    certificates.issue_certificate(s.enrolments["Kari"], dt.date(2025, 4, 10))
    assignments.add_assignment(person_id=s.people["Kari"], start_date=dt.date(2025, 5, 1))
    page = person_overview(s.people["Kari"], as_of=dt.date(2025, 12, 1))
    assert page.details.full_name == "Kari Nordmann"
    assert [(e.course_title, e.status) for e in page.enrolments] == [
        ("Treningskontaktkurs Øygarden vår 2025", DepositStatus.REFUND_DUE)
    ]
    assert [c.number for c in page.certificates] == ["HIK-2025-0001"]
    assert [(r.kind, r.amount_ore) for r in page.ledger] == [("payment", 100_000)]
    assert [a.start_date for a in page.assignments] == [dt.date(2025, 5, 1)]


def test_register_shows_revoked_and_duplicates(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola")
    issued = certificates.issue_for_course(s.course_id, dt.date(2025, 4, 10))
    certificates.revoke(issued[0].id, "Feil person")
    certificates.record_duplicate(issued[1].id, dt.date(2025, 6, 1))
    rows = {r.number: r for r in certificate_rows()}
    first, second = rows[issued[0].number], rows[issued[1].number]
    assert not first.valid and first.revoked_reason == "Feil person"
    assert second.valid and second.duplicate_count == 1 and second.last_duplicate_on == dt.date(2025, 6, 1)
    assert certificate_rows(person_id=s.people["Per"]) == []
