"""Payments and forfeits for a selection: outstanding amounts by default, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.errors import RuleError
from coursekeeper.services import deposits
from coursekeeper.services.deposit_batches import outstanding_ore, record_forfeits, record_payments
from tests import part_b_data

DAY = dt.date(2025, 3, 10)


def test_payments_default_to_what_is_outstanding(db) -> None:
    s = part_b_data.build()
    deposits.record_payment(enrolment_id=s.enrolments["Kari"], amount_ore=40_000, paid_on=DAY)
    batch = record_payments(
        enrolment_ids=[s.enrolments["Kari"], s.enrolments["Ola"]], paid_on=DAY, method="Vipps", reference="V1"
    )
    assert batch.total_ore == 60_000 + 100_000
    assert outstanding_ore(s.enrolments["Kari"]) == 0
    rows = deposits.ledger(course_id=s.course_id)
    assert [(r.person_name, r.amount_ore, r.method) for r in rows[1:]] == [
        ("Kari Nordmann", 60_000, "Vipps"),
        ("Ola Ødegård", 100_000, "Vipps"),
    ]


def test_paying_someone_who_has_paid_refuses_the_whole_batch(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Ola")
    with pytest.raises(RuleError, match=r"^Ola Ødegård: Egenandelen er allerede betalt"):
        record_payments(enrolment_ids=[s.enrolments["Kari"], s.enrolments["Ola"]], paid_on=DAY)
    assert deposits.balance_of(s.enrolments["Kari"]).paid == 0


def test_a_given_amount_is_used_for_everyone(db) -> None:
    s = part_b_data.build()
    batch = record_payments(enrolment_ids=[s.enrolments["Per"]], paid_on=DAY, amount_ore=50_000)
    assert batch.total_ore == 50_000


def test_forfeits_keep_what_is_held(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    batch = record_forfeits(enrolment_ids=[s.enrolments["Kari"], s.enrolments["Ola"]], on=DAY, note="Frist")
    assert batch.total_ore == 200_000
    assert deposits.balance_of(s.enrolments["Ola"]).held == 0
    with pytest.raises(RuleError, match=r"^Per Hansen: "):
        record_forfeits(enrolment_ids=[s.enrolments["Per"]], on=DAY)
