"""Round trips (DESIGN §8, Latency): what a screen or a save sends does not grow with the data.

Over a network every statement is a round trip, so the screens load with a fixed number of
queries whatever the register holds: 3 courses or 30, 2 participants or 20, 2 people or 20.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import peewee as pw
import pytest

from coursekeeper.db.models import AuditLog, Person
from coursekeeper.services import (
    assignments,
    certificates,
    courses,
    enrolment_batches,
    enrolments,
    integrity,
    key_figures,
    refunds,
    retention,
)
from coursekeeper.services.course_overview import course_overview
from tests import factories as f

AS_OF = dt.date.today()


def _statements(db: pw.Database, monkeypatch: pytest.MonkeyPatch, action: Callable[[], object]) -> list[str]:
    """The statements ``action`` sends to the database."""
    plain = db.execute_sql
    statements: list[str] = []

    def logged(sql: str, params: object = None, *args: object, **kwargs: object) -> object:
        statements.append(sql)
        return plain(sql, params, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(db, "execute_sql", logged)
        action()
    return statements


def sent(db: pw.Database, monkeypatch: pytest.MonkeyPatch, action: Callable[[], object]) -> int:
    """How many statements ``action`` sends to the database."""
    return len(_statements(db, monkeypatch, action))


def _courses_with_participants(n_courses: int, per_course: int) -> list[int]:
    """Courses, each with participants at every step up to attendance (some accepted, some not)."""
    made = []
    for number in range(n_courses):
        course_id = f.course(title=f"Kurs {number}", municipality=("Bergen", "Askøy", None)[number % 3])
        first_session = courses.sessions(course_id)[0].id
        for index in range(per_course):
            enrolment = f.enrol(course_id)
            f.pay(enrolment)
            if index % 2 == 0:
                enrolments.accept(enrolment)
                f.present(enrolment_id=enrolment, session_id=first_session)
        made.append(course_id)
    return made


def test_key_figures_send_as_many_queries_for_30_courses_as_for_3(db, monkeypatch) -> None:
    _courses_with_participants(3, 2)
    few = sent(db, monkeypatch, lambda: key_figures.key_figures(as_of=AS_OF))
    _courses_with_participants(27, 2)
    many = sent(db, monkeypatch, lambda: key_figures.key_figures(as_of=AS_OF))
    assert key_figures.key_figures(as_of=AS_OF).funnel.registered == 60
    assert few == many <= 6


def test_the_course_page_sends_as_many_queries_for_20_participants_as_for_2(db, monkeypatch) -> None:
    small, large = _courses_with_participants(1, 2)[0], _courses_with_participants(1, 20)[0]
    few = sent(db, monkeypatch, lambda: course_overview(small, as_of=AS_OF))
    many = sent(db, monkeypatch, lambda: course_overview(large, as_of=AS_OF))
    assert len(course_overview(large, as_of=AS_OF).enrolments) == 20
    assert few == many <= 8


def test_the_retention_plan_sends_as_many_queries_for_20_people_as_for_2(db, monkeypatch) -> None:
    later = dt.date(2040, 1, 1)  # everyone inactive for years by then: each one is looked at
    _courses_with_participants(1, 2)
    few = sent(db, monkeypatch, lambda: retention.plan(later))
    _courses_with_participants(1, 18)
    many = sent(db, monkeypatch, lambda: retention.plan(later))
    assert len(retention.plan(later).people) == Person.select().count() == 20
    assert few == many <= 4  # the two periods, the notes due, the people due


def test_accepting_reads_the_enrolment_course_and_person_together(db, monkeypatch) -> None:
    course_id = f.course(capacity=30)
    applicants = [f.enrol(course_id) for _ in range(11)]
    enrolments.accept(applicants[0])  # the first audit entry on this connection asks who is signed in
    one = sent(db, monkeypatch, lambda: enrolments.accept(applicants[1]))
    ten = sent(db, monkeypatch, lambda: [enrolments.accept(e) for e in applicants[2:]])
    assert ten == 9 * one
    # Lock the course; read the enrolment with its course, person and the seats taken (locking
    # it); write the state; find the audit chain's head and append the entry. (SQLite locks
    # nothing, but takes its writer lock in one more statement before it reads the chain's head.)
    assert one <= 5


def _refund_candidates(n: int) -> None:
    """A course where ``n`` paid participants withdrew, ``n`` were certified and assigned, ``n`` neither."""
    course_id = f.course(deadline_months=12)
    for _ in range(n):
        withdrawn, idle = f.enrol(course_id), f.enrol(course_id)
        f.pay(withdrawn)
        enrolments.withdraw(withdrawn, dt.date(2026, 2, 2))
        f.pay(idle)
        enrolments.accept(idle)
        certified = f.ready_for_certificate(course_id)
        certificates.issue_certificate(certified, certificates.default_issue_date(course_id))
        person = enrolments.get_enrolment(certified).person_id
        assignments.add_assignment(person_id=person, start_date=dt.date(2026, 9, 1))


def test_the_refund_lists_send_as_many_queries_for_20_candidates_as_for_2(db, monkeypatch) -> None:
    later = dt.date(2031, 1, 1)  # every assignment has run six months; every course deadline passed

    def lists() -> None:
        refunds.refunds_due(later)
        refunds.forfeit_candidates(later)

    f.own_profile()
    _refund_candidates(1)
    few = sent(db, monkeypatch, lists)
    _refund_candidates(10)
    many = sent(db, monkeypatch, lists)
    reasons = sorted(d.reason for d in refunds.refunds_due(later))
    assert reasons == sorted([refunds.RefundReason.WITHDRAWN, refunds.RefundReason.SIX_MONTHS] * 11)
    assert len(refunds.forfeit_candidates(later)) == 11
    # Refunds: the held deposits with course, person, sums and certificate; their assignments.
    # Forfeits: the courses past their deadline first, then the same two.
    assert few == many <= 5


def _ta_opp(ids: list[int]) -> None:
    """«Ta opp» as the course page does it: the plan shown first (rolled back), then the run."""
    seen = {e: "applied" for e in ids}
    plan = enrolment_batches.preview_batch(action="accept", enrolment_ids=ids, seen=seen)
    enrolment_batches.run_batch(action="accept", enrolment_ids=plan.doable_ids(), confirmed=plan, seen=seen)


def test_a_batch_locks_once_and_reads_the_audit_chain_head_once_per_pass(db, monkeypatch) -> None:
    f.own_profile()
    course_id = f.course(capacity=30, screening_required=True)
    applicants = [f.enrol(course_id) for _ in range(11)]
    for e in applicants:
        f.suitable(e)
    _ta_opp([applicants[0]])  # the first audit entry on this connection asks who is signed in
    entries = AuditLog.select().count()
    one = _statements(db, monkeypatch, lambda: _ta_opp([applicants[1]]))
    nine = _statements(db, monkeypatch, lambda: _ta_opp(applicants[2:]))
    assert AuditLog.select().count() == entries + 10
    assert integrity.check().ok
    assert enrolments.get_enrolment(applicants[-1]).state == "accepted"
    # Each enrolment: the enrolment read with its course, person, seats and screening, and its
    # state written; in the preview also its rule's savepoint and its release (the run is all or
    # nothing). Locks, the chain's head and the audit entries go once per pass, however many.
    assert len(nine) - len(one) == 8 * (4 + 2)
    heads = [sql for sql in nine if "chain_head" in sql or "ORDER BY id DESC LIMIT 1" in sql]
    assert len(heads) == 2
