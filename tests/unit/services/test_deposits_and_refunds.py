"""The append-only ledger, corrections, the six-month rule, refunds due and forfeit candidates."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from coursekeeper.db.connection import database
from coursekeeper.db.models import LedgerEntry
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.services import assignments, courses, deposits, enrolments, refunds
from coursekeeper.services.refunds import RefundReason
from tests import factories as f
from tests.unit.services.test_certificates import _ready

D = dt.date


def test_raw_update_of_a_ledger_row_is_refused_by_the_database(db) -> None:
    e = f.enrol(f.course())
    f.pay(e)
    with pytest.raises(pw.DatabaseError, match="append-only"), database.atomic():
        database.execute_sql("UPDATE ledger_entry SET amount_ore = 1")
    assert LedgerEntry.get().amount_ore == 100_000


def test_raw_delete_of_a_ledger_row_is_refused_by_the_database(db) -> None:
    e = f.enrol(f.course())
    f.pay(e)
    with pytest.raises(pw.DatabaseError, match="append-only"), database.atomic():
        database.execute_sql("DELETE FROM ledger_entry")
    assert LedgerEntry.select().count() == 1


def test_a_mistake_is_corrected_by_a_reversing_entry(db) -> None:
    e = f.enrol(f.course())
    f.pay(e, 10_000)
    wrong = LedgerEntry.get()
    correction = deposits.record_correction(entry_id=wrong.id, on=D(2026, 2, 2), note="Feil beløp")
    assert correction.amount_ore == -10_000 and correction.corrects_id == wrong.id
    assert deposits.balance_of(e).paid == 0
    with pytest.raises(RuleError, match="allerede korrigert"):
        deposits.record_correction(entry_id=wrong.id, on=D(2026, 2, 2), note="igjen")
    assert LedgerEntry.select().count() == 2


def test_amounts_are_checked(db) -> None:
    e = f.enrol(f.course())
    with pytest.raises(ValidationError):
        deposits.record_payment(enrolment_id=e, amount_ore=-100, paid_on=D(2026, 1, 1))
    with pytest.raises(RuleError, match="ingen innbetalt"):
        deposits.record_refund(enrolment_id=e, refunded_on=D(2026, 1, 1))
    f.pay(e)
    with pytest.raises(RuleError, match="mer enn innbetalt"):
        deposits.record_refund(enrolment_id=e, refunded_on=D(2026, 1, 1), amount_ore=200_000)
    assert LedgerEntry.select().count() == 1


def _certified(deadline_months: int | None = None) -> tuple[int, int]:
    from coursekeeper.services import certificates

    f.own_profile()
    course = f.course(deadline_months=deadline_months)
    e = _ready(course)
    certificates.issue_certificate(e, D(2026, 4, 11))
    return course, e


def _person(enrolment_id: int) -> int:
    return enrolments.get_enrolment(enrolment_id).person_id


def test_refund_due_six_months_after_assignment_start(db) -> None:
    _, e = _certified()
    assignments.add_assignment(person_id=_person(e), start_date=D(2026, 8, 31), municipality="Øygarden")
    assert refunds.refunds_due(D(2027, 2, 27)) == []
    due = refunds.refunds_due(D(2027, 2, 28))
    assert len(due) == 1
    assert due[0].reached_on == D(2027, 2, 28) and due[0].amount_ore == 100_000
    assert due[0].reason == RefundReason.SIX_MONTHS
    assert due[0].assignment_start == D(2026, 8, 31)
    deposits.record_refund(enrolment_id=e, refunded_on=D(2027, 3, 1))
    assert refunds.refunds_due(D(2027, 3, 1)) == []


def test_assignment_ended_the_day_before_does_not_refund(db) -> None:
    _, e = _certified()
    assignments.add_assignment(person_id=_person(e), start_date=D(2026, 8, 31), end_date=D(2027, 2, 27))
    assert refunds.refunds_due(D(2027, 6, 1)) == []


def test_assignment_ended_on_the_day_refunds(db) -> None:
    _, e = _certified()
    assignments.add_assignment(person_id=_person(e), start_date=D(2026, 8, 31), end_date=D(2027, 2, 28))
    assert [d.enrolment_id for d in refunds.refunds_due(D(2027, 6, 1))] == [e]


def test_no_refund_without_a_certificate(db) -> None:
    course = f.course()
    e = f.enrol(course)
    f.pay(e)
    enrolments.accept(e)
    assignments.add_assignment(person_id=_person(e), start_date=D(2026, 5, 1))
    assert refunds.refunds_due(D(2027, 6, 1)) == []


def test_forfeit_candidates_after_the_deadline(db) -> None:
    course, e = _certified(deadline_months=3)
    deadline = refunds.assignment_deadline(courses.get_course(course))
    assert deadline == D(2026, 7, 11)
    assert refunds.forfeit_candidates(deadline) == []
    candidates = refunds.forfeit_candidates(deadline + dt.timedelta(days=1))
    assert [c.enrolment_id for c in candidates] == [e]
    # An assignment that started after the deadline does not count.
    assignments.add_assignment(person_id=_person(e), start_date=D(2026, 8, 1))
    assert refunds.refunds_due(D(2027, 3, 1)) == []
    assert [c.enrolment_id for c in refunds.forfeit_candidates(D(2027, 3, 1))] == [e]


def test_running_assignment_started_in_time_is_not_a_forfeit_candidate(db) -> None:
    _, e = _certified(deadline_months=3)
    assignments.add_assignment(person_id=_person(e), start_date=D(2026, 7, 1))
    assert refunds.forfeit_candidates(D(2026, 9, 1)) == []


def test_cancelled_course_and_rejection_make_deposits_due_at_once(db) -> None:
    course = f.course()
    rejected, withdrawn = f.enrol(course), f.enrol(course)
    f.pay(rejected)
    f.pay(withdrawn)
    enrolments.reject(rejected)
    enrolments.withdraw(withdrawn, D(2026, 1, 10))
    reasons = {d.enrolment_id: d.reason for d in refunds.refunds_due(dt.date.today())}
    assert reasons == {rejected: RefundReason.REJECTED, withdrawn: RefundReason.WITHDRAWN}
    other = f.course(title="Avlyst kurs")
    paid = f.enrol(other)
    f.pay(paid)
    courses.set_status(other, "cancelled")
    due = {d.enrolment_id: d.reason for d in refunds.refunds_due(dt.date.today())}
    assert due[paid] == RefundReason.CANCELLED
