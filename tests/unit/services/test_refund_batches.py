"""Refunds for a selection are recorded in one transaction: all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.domain.deposits import EntryKind
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.services import deposits
from coursekeeper.services.refund_batches import record_refunds
from tests import part_b_data

DAY = dt.date(2026, 1, 15)


def test_records_one_refund_per_enrolment_with_the_held_amount(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    batch = record_refunds(
        enrolment_ids=[s.enrolments["Kari"], s.enrolments["Ola"]],
        refunded_on=DAY,
        method="Bank",
        reference="Utbetaling 17",
    )
    assert batch.total_ore == 200_000
    assert batch.message == "2 tilbakebetalinger registrert, til sammen 2 000 kr."
    refunds = [r for r in deposits.ledger(course_id=s.course_id) if r.kind == EntryKind.REFUND]
    assert {(r.person_name, r.amount_ore, r.entry_date, r.method, r.reference) for r in refunds} == {
        ("Kari Nordmann", 100_000, DAY, "Bank", "Utbetaling 17"),
        ("Ola Ødegård", 100_000, DAY, "Bank", "Utbetaling 17"),
    }
    assert deposits.balance_of(s.enrolments["Kari"]).held == 0


def test_one_refusal_rolls_back_the_whole_batch_and_names_the_person(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari")  # Per has paid nothing
    with pytest.raises(RuleError) as caught:
        record_refunds(enrolment_ids=[s.enrolments["Kari"], s.enrolments["Per"]], refunded_on=DAY)
    assert caught.value.message.startswith("Per Hansen: Det er ingen innbetalt egenandel")
    assert "Ingen tilbakebetalinger er registrert" in caught.value.message
    assert [r.kind for r in deposits.ledger(course_id=s.course_id)] == [EntryKind.PAYMENT]
    assert deposits.balance_of(s.enrolments["Kari"]).held == 100_000


def test_the_same_enrolment_twice_is_refunded_once(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari")
    batch = record_refunds(enrolment_ids=[s.enrolments["Kari"]] * 2, refunded_on=DAY)
    assert len(batch.entry_ids) == 1
    assert batch.message == "1 tilbakebetaling registrert, til sammen 1 000 kr."


def test_an_empty_selection_is_refused(db) -> None:
    with pytest.raises(ValidationError, match="Velg minst én"):
        record_refunds(enrolment_ids=[], refunded_on=DAY)
