"""Capacity, the waiting list, screening gates and withdrawal at the binding date."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.errors import RuleError
from coursekeeper.services import deposits, enrolments, screening
from coursekeeper.services.enrolments import get_enrolment
from tests import factories as f

T0 = dt.datetime(2026, 1, 5, 9, 0)


def test_accepting_into_a_full_course_waitlists(db) -> None:
    course = f.course(capacity=2)
    ids = [f.enrol(course, applied_at=T0 + dt.timedelta(hours=i)) for i in range(3)]
    results = [enrolments.accept(e) for e in ids]
    assert [r.state for r in results] == [S.ACCEPTED, S.ACCEPTED, S.WAITLISTED]
    assert results[2].waitlisted_instead
    assert "venteliste" in results[2].message
    assert get_enrolment(ids[2]).state == S.WAITLISTED


def test_waitlisted_cannot_be_accepted_while_full(db) -> None:
    course = f.course(capacity=1)
    first, second = f.enrol(course), f.enrol(course)
    enrolments.accept(first)
    enrolments.waitlist(second)
    with pytest.raises(RuleError, match="fullt"):
        enrolments.accept(second)


def test_withdrawal_promotes_the_earliest_waitlisted(db) -> None:
    course = f.course(capacity=1)
    seated = f.enrol(course, applied_at=T0)
    late = f.enrol(course, applied_at=T0 + dt.timedelta(days=2), first="Sen")
    early = f.enrol(course, applied_at=T0 + dt.timedelta(days=1), first="Tidlig")
    enrolments.accept(seated)
    enrolments.waitlist(late)
    enrolments.waitlist(early)
    result = enrolments.withdraw(seated, dt.date(2026, 2, 1))
    assert result.promoted is not None and result.promoted.enrolment_id == early
    assert result.promoted.person_name.startswith("Tidlig")
    assert "Tidlig" in result.message
    assert get_enrolment(early).state == S.ACCEPTED
    assert get_enrolment(late).state == S.WAITLISTED


def test_withdrawal_after_the_binding_date_forfeits(db) -> None:
    course = f.course(binding_date=dt.date(2026, 3, 1))
    e = f.enrol(course)
    f.pay(e)
    enrolments.accept(e)
    preview = enrolments.withdrawal_preview(e, dt.date(2026, 3, 2))
    assert preview.after_binding_date and preview.forfeit_ore == 100_000
    assert "1 000 kr beholdes" in preview.message
    result = enrolments.withdraw(e, dt.date(2026, 3, 2))
    assert result.forfeited_ore == 100_000
    assert deposits.balance_of(e).forfeited == 100_000
    assert deposits.balance_of(e).held == 0


def test_withdrawal_on_the_binding_date_keeps_the_refund_due(db) -> None:
    course = f.course(binding_date=dt.date(2026, 3, 1))
    e = f.enrol(course)
    f.pay(e)
    enrolments.accept(e)
    preview = enrolments.withdrawal_preview(e, dt.date(2026, 3, 1))
    assert not preview.after_binding_date and preview.refund_due_ore == 100_000
    result = enrolments.withdraw(e, dt.date(2026, 3, 1))
    assert result.forfeited_ore == 0
    assert deposits.balance_of(e).held == 100_000


def test_screening_gates_acceptance_when_required(db) -> None:
    course = f.course(screening_required=True)
    e = f.enrol(course)
    with pytest.raises(RuleError, match="Egnet"):
        enrolments.accept(e)
    screening.record_screening(enrolment_id=e, outcome="follow_up")
    with pytest.raises(RuleError, match="Følges opp"):
        enrolments.accept(e)
    screening.record_screening(enrolment_id=e, outcome="suitable")
    assert enrolments.accept(e).state == S.ACCEPTED


def test_promotion_skips_waitlisted_who_are_not_suitable(db) -> None:
    course = f.course(capacity=1, screening_required=True)
    seated = f.enrol(course, applied_at=T0)
    unsure = f.enrol(course, applied_at=T0 + dt.timedelta(hours=1))
    ready = f.enrol(course, applied_at=T0 + dt.timedelta(hours=2))
    f.suitable(seated)
    f.suitable(ready)
    enrolments.accept(seated)
    enrolments.waitlist(unsure)
    enrolments.waitlist(ready)
    result = enrolments.withdraw(seated, dt.date(2026, 1, 10))
    assert result.promoted is not None and result.promoted.enrolment_id == ready


def test_illegal_state_change_is_refused_and_writes_nothing(db) -> None:
    course = f.course()
    e = f.enrol(course)
    enrolments.reject(e)
    with pytest.raises(RuleError, match="Avslått"):
        enrolments.accept(e)
    assert get_enrolment(e).state == S.REJECTED


def test_enrolling_twice_is_refused(db) -> None:
    course = f.course()
    e = f.enrol(course)
    person_id = get_enrolment(e).person_id
    with pytest.raises(RuleError, match="allerede påmeldt"):
        enrolments.enrol(course_id=course, person_id=person_id)
