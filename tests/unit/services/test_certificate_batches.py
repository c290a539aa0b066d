"""Certificates for a chosen few: one transaction, numbers in order, nothing on a refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.services.certificate_batches import issue_selected
from coursekeeper.services.certificate_register import certificate_rows
from tests import part_b_data

DAY = dt.date(2025, 4, 10)


def test_issues_to_the_chosen_only(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari", "Ola")
    part_b_data.attend_fully(s, "Kari", "Ola")
    assert issue_selected(enrolment_ids=[s.enrolments["Ola"]], issued_on=DAY) == [
        ("HIK-2025-0001", "Ola Ødegård")
    ]
    assert [r.person_name for r in certificate_rows()] == ["Ola Ødegård"]


def test_one_refusal_issues_none(db) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Kari")
    part_b_data.attend_fully(s, "Kari")
    with pytest.raises(RuleError, match="Per Hansen kan ikke få kursbevis"):
        issue_selected(enrolment_ids=[s.enrolments["Kari"], s.enrolments["Per"]], issued_on=DAY)
    assert certificate_rows() == []


def test_nothing_chosen_is_refused(db) -> None:
    with pytest.raises(ValidationError):
        issue_selected(enrolment_ids=[])
