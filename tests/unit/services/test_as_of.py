"""Lists "as of" a date count only what had happened by then (DESIGN §3): each fact dated on the
day counts, the same fact dated one day later does not."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.services import (
    assignments,
    certificates,
    courses,
    deposits,
    enrolments,
    key_figures,
    refunds,
    reports,
)
from coursekeeper.services.refunds import RefundReason
from tests import factories as f
from tests.unit.services.test_certificates import _attended

D = dt.date
REACHED = D(2026, 11, 1)  # six months after an assignment started 01.05.2026
PAID = D(2026, 2, 1)
ISSUED = D(2026, 4, 11)
APPLIED = dt.datetime(2026, 1, 15, 10, 0)
EDGES = pytest.mark.parametrize("offset, counted", [(0, True), (1, False)], ids=["on-as-of", "day-after"])


def _completed(course_id: int, *, paid_on: D | None = PAID) -> int:
    """An accepted participant who attended every hour; paid on ``paid_on``."""
    e = f.enrol(course_id, applied_at=APPLIED)
    enrolments.accept(e)
    if paid_on is not None:
        f.pay(e, on=paid_on)
    _attended(course_id, e, 2)
    return e


def _six_months(*, paid_on: D = PAID, issued_on: D = ISSUED) -> int:
    """A certified participant whose assignment reaches six months on REACHED."""
    f.own_profile()
    e = _completed(f.course(), paid_on=paid_on)
    certificates.issue_certificate(e, issued_on)
    person = enrolments.get_enrolment(e).person_id
    assignments.add_assignment(person_id=person, start_date=D(2026, 5, 1))
    return e


def _due_ids(as_of: D) -> set[int]:
    return {d.enrolment_id for d in refunds.refunds_due(as_of)}


@EDGES
def test_refunds_due_count_a_payment_only_from_its_date(db, offset: int, counted: bool) -> None:
    e = _six_months(paid_on=REACHED + dt.timedelta(days=offset))
    assert (e in _due_ids(REACHED)) is counted


@EDGES
def test_refunds_due_count_a_certificate_only_from_its_issue_date(db, offset: int, counted: bool) -> None:
    e = _six_months(issued_on=REACHED + dt.timedelta(days=offset))
    assert (e in _due_ids(REACHED)) is counted


@EDGES
def test_refunds_due_count_a_withdrawal_only_from_its_date(db, offset: int, counted: bool) -> None:
    course = f.course(binding_date=D(2026, 3, 1))
    e = f.enrol(course, applied_at=APPLIED)
    f.pay(e, on=D(2026, 2, 1))
    as_of = D(2026, 2, 19)
    enrolments.withdraw(e, as_of + dt.timedelta(days=offset))
    due = {d.enrolment_id: d.reason for d in refunds.refunds_due(as_of)}
    assert due == ({e: RefundReason.WITHDRAWN} if counted else {})


def test_a_refund_recorded_after_as_of_still_leaves_the_deposit_due_then(db) -> None:
    e = _six_months()
    deposits.record_refund(enrolment_id=e, refunded_on=REACHED + dt.timedelta(days=1))
    assert e in _due_ids(REACHED)
    assert e not in _due_ids(REACHED + dt.timedelta(days=1))


@EDGES
def test_forfeit_candidates_count_a_payment_only_from_its_date(db, offset: int, counted: bool) -> None:
    course = f.course(deadline_months=3)  # assignments must start by 11.07.2026
    as_of = D(2026, 9, 1)
    e = _completed(course, paid_on=as_of + dt.timedelta(days=offset))
    found = {c.enrolment_id for c in refunds.forfeit_candidates(as_of)}
    assert (e in found) is counted


@EDGES
def test_forfeit_candidates_count_a_withdrawal_only_from_its_date(db, offset: int, counted: bool) -> None:
    course = f.course(deadline_months=3, binding_date=D(2026, 9, 30))
    as_of = D(2026, 9, 1)
    e = _completed(course)
    enrolments.withdraw(e, as_of + dt.timedelta(days=offset))
    candidates = {c.enrolment_id for c in refunds.forfeit_candidates(as_of)}
    # Withdrawn (before the binding date) by as_of: due back, not a forfeit; withdrawn later:
    # as of that day still a participant past the deadline without an assignment.
    assert (e in candidates) is not counted
    assert (e in _due_ids(as_of)) is counted


def _funnel(as_of: D) -> reports.Funnel:
    (funnel,) = [f for _, f in key_figures.key_figures(as_of=as_of).per_course]
    return funnel


@EDGES
def test_key_figures_count_a_certificate_only_from_its_issue_date(db, offset: int, counted: bool) -> None:
    f.own_profile()
    e = _completed(f.course())
    as_of = D(2026, 5, 1)
    certificates.issue_certificate(e, as_of + dt.timedelta(days=offset))
    assert _funnel(as_of).certified == int(counted)


@EDGES
def test_key_figures_count_an_assignment_only_from_its_start(db, offset: int, counted: bool) -> None:
    e = _six_months()
    as_of = D(2026, 6, 1)
    person = enrolments.get_enrolment(e).person_id
    assignments.Assignment.delete().execute()
    assignments.add_assignment(person_id=person, start_date=as_of + dt.timedelta(days=offset))
    funnel = _funnel(as_of)
    assert (funnel.certified, funnel.in_assignment) == (1, int(counted))


@EDGES
def test_key_figures_count_a_withdrawal_only_from_its_date(db, offset: int, counted: bool) -> None:
    course = f.course()
    e = f.enrol(course, applied_at=APPLIED)
    enrolments.accept(e)
    as_of = D(2026, 3, 1)
    enrolments.withdraw(e, as_of + dt.timedelta(days=offset))
    funnel = _funnel(as_of)
    assert (funnel.registered, funnel.accepted) == (1, 0 if counted else 1)


@EDGES
def test_key_figures_count_a_refund_only_from_its_date(db, offset: int, counted: bool) -> None:
    e = _six_months()
    deposits.record_refund(enrolment_id=e, refunded_on=REACHED + dt.timedelta(days=offset))
    funnel = _funnel(REACHED)
    assert (funnel.reached_6, funnel.refunded) == (1, int(counted))


def test_key_figures_leave_out_enrolments_made_after_as_of(db) -> None:
    course = f.course()
    f.enrol(course, applied_at=dt.datetime(2026, 3, 1, 23, 59))
    f.enrol(course, applied_at=dt.datetime(2026, 3, 2, 0, 0))
    assert _funnel(D(2026, 3, 1)).registered == 1
    assert _funnel(D(2026, 3, 2)).registered == 2


@EDGES
def test_refunds_due_count_a_cancellation_only_from_its_day(db, offset: int, counted: bool) -> None:
    course = f.course()
    e = f.enrol(course, applied_at=APPLIED)
    f.pay(e, on=D(2026, 2, 1))
    as_of = D(2026, 3, 1)
    courses.set_status(course, "cancelled", today=as_of + dt.timedelta(days=offset))
    due = {d.enrolment_id: d.reason for d in refunds.refunds_due(as_of)}
    assert due == ({e: RefundReason.CANCELLED} if counted else {})
    courses.set_status(course, "planned")
    assert courses.get_course(course).cancelled_on is None  # taken back: no longer cancelled
