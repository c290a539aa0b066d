"""DESIGN §8: several staff at once. Writers released together by a barrier, each on its own
connection, on SQLite and on PostgreSQL: rules hold, and a busy database is one sentence."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from coursekeeper.db.connection import database
from coursekeeper.db.models import Assignment, AuditLog, Certificate, Enrolment, LedgerEntry, Person
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.errors import DatabaseBusyError, RuleError
from coursekeeper.services import (
    assignments,
    busy,
    certificates,
    course_overview,
    courses,
    deposits,
    enrolments,
)
from coursekeeper.services.enrolments import get_enrolment
from coursekeeper.services.imports import commit_import
from tests import factories as f
from tests.conftest import PG_ENV
from tests.unit.services.test_imports import write_messy

ROUNDS = 3
T0 = dt.datetime(2026, 1, 5, 9, 0)


def together(*calls: Callable[[], object]) -> list[object]:
    """Run each call on its own thread and connection, released at once; results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int, call: Callable[[], object]) -> None:
        database.connect(reuse_if_open=True)
        try:
            barrier.wait()
            results[i] = call()
        except Exception as exc:
            results[i] = exc
        finally:
            database.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def errors(results: list[object]) -> list[Exception]:
    """The exceptions among ``results``."""
    return [r for r in results if isinstance(r, Exception)]


def test_accept_and_reject_at_once_exactly_one_wins(db) -> None:
    course = f.course(capacity=5)
    for _ in range(ROUNDS):
        e = f.enrol(course)
        results = together(lambda e=e: enrolments.accept(e), lambda e=e: enrolments.reject(e))
        [refusal] = errors(results)
        assert isinstance(refusal, RuleError) and refusal.message.startswith("Kan ikke endre status fra")
        [winner] = [r for r in results if not isinstance(r, Exception)]
        assert get_enrolment(e).state == winner.state


def test_five_accepts_into_three_seats_accept_three_and_queue_two(db) -> None:
    course = f.course(capacity=3)
    ids = [f.enrol(course, applied_at=T0 + dt.timedelta(minutes=i)) for i in range(5)]
    results = together(*(lambda e=e: enrolments.accept(e) for e in ids))
    assert errors(results) == []
    assert sorted(get_enrolment(e).state for e in ids) == [S.ACCEPTED] * 3 + [S.WAITLISTED] * 2


def test_parallel_certificate_issuing_has_no_gaps_no_duplicates_no_errors(db) -> None:
    f.own_profile()
    course = f.course(capacity=30)
    for _ in range(ROUNDS):
        ids = [f.ready_for_certificate(course) for _ in range(5)]
        results = together(*(lambda e=e: certificates.issue_certificate(e, f.SESSION_DAYS[-1]) for e in ids))
        assert errors(results) == []
    sequences = sorted(s for (s,) in Certificate.select(Certificate.sequence).tuples())
    assert sequences == list(range(1, 5 * ROUNDS + 1))


def test_the_same_list_imported_twice_at_once_creates_each_person_once(db, tmp_path: Path) -> None:
    rows = [[f"Deltaker{i} Ødegård", dt.date(1980, 1, 1 + i), f"d{i}@example.no"] for i in range(25)]
    path = write_messy(tmp_path / "liste.xlsx", rows, ["Navn", "Født", "E-mail"])
    for new_people in [25] + [0] * (ROUNDS - 1):
        course = f.course(capacity=30)
        results = together(*(lambda c=course: commit_import(path, course_id=c) for _ in range(2)))
        assert errors(results) == []
        assert sorted(r.created for r in results) == [0, new_people]
        assert Enrolment.select().where(Enrolment.course == course).count() == 25
    assert Person.select().count() == 25


def test_a_deposit_is_refunded_once(db) -> None:
    course = f.course(capacity=30)
    for _ in range(ROUNDS):
        e = f.enrol(course)
        f.pay(e)
        results = together(
            *(
                lambda e=e: deposits.record_refund(enrolment_id=e, refunded_on=dt.date(2026, 3, 1))
                for _ in range(3)
            )
        )
        assert len(errors(results)) == 2
        assert all(isinstance(x, RuleError) for x in errors(results))
        refunds = LedgerEntry.select().where(
            (LedgerEntry.enrolment == e) & (LedgerEntry.kind == EntryKind.REFUND)
        )
        assert [r.amount_ore for r in refunds] == [100_000]
        assert deposits.balance_of(e).held == 0


def _promotions(enrolment_id: int) -> int:
    return (
        AuditLog.select()
        .where(
            (AuditLog.entity == "enrolment")
            & (AuditLog.entity_id == enrolment_id)
            & (AuditLog.action == "promote")
        )
        .count()
    )


def _queue(course: int, first: str, minutes: int) -> int:
    e = f.enrol(course, applied_at=T0 + dt.timedelta(minutes=minutes), first=first)
    enrolments.waitlist(e)
    return e


def test_two_withdrawals_at_once_promote_the_two_earliest_exactly_once(db) -> None:
    for _ in range(ROUNDS):
        course = f.course(capacity=2)
        seated = [f.enrol(course, applied_at=T0 + dt.timedelta(minutes=i)) for i in range(2)]
        for e in seated:
            enrolments.accept(e)
        queue = [_queue(course, name, 10 + i) for i, name in enumerate(("Cato", "Dina", "Eirik"))]
        results = together(*(lambda e=e: enrolments.withdraw(e) for e in seated))
        assert errors(results) == []
        assert [get_enrolment(e).state for e in queue] == [S.ACCEPTED, S.ACCEPTED, S.WAITLISTED]
        assert [_promotions(e) for e in queue] == [1, 1, 0]


def test_a_withdrawal_and_a_capacity_raise_at_once_promote_each_once(db) -> None:
    for _ in range(ROUNDS):
        course = f.course(capacity=1)
        seated = f.enrol(course, applied_at=T0)
        enrolments.accept(seated)
        queue = [_queue(course, name, 10 + i) for i, name in enumerate(("Cato", "Dina", "Eirik"))]

        def raise_to_two(course: int = course) -> object:
            data = course_overview.course_input(course)
            data.capacity = 2
            return courses.update_course(course, data)

        results = together(lambda e=seated: enrolments.withdraw(e), raise_to_two)
        assert errors(results) == []
        assert [get_enrolment(e).state for e in queue] == [S.ACCEPTED, S.ACCEPTED, S.WAITLISTED]
        assert [_promotions(e) for e in queue] == [1, 1, 0]


def test_the_same_assignment_registered_twice_at_once_is_made_once(db) -> None:
    for round_ in range(ROUNDS):
        person = f.person(f"Åse{round_}")

        def register(person: int = person) -> object:
            return assignments.add_assignment(
                person_id=person, start_date=dt.date(2026, 3, 1), municipality="Bergen"
            )

        results = together(register, register, register)
        refusals = errors(results)
        assert len(refusals) == 2 and all(isinstance(r, RuleError) for r in refusals)
        assert "har allerede et oppdrag i Bergen fra 01.03.2026" in refusals[0].message
        assert Assignment.select().where(Assignment.person == person).count() == 1


# -- a busy database ---------------------------------------------------------------------------


def _hold_write_lock(db) -> Callable[[], None]:
    """Another program holding what the next write needs (for 200 ms waits); returns "let go"."""
    if database.for_update:
        other = psycopg.connect(os.environ[PG_ENV])
        other.execute("SELECT id FROM course FOR UPDATE")
        db.execute_sql("SET lock_timeout = '200ms'")
    else:
        other = sqlite3.connect(db.database, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        db.execute_sql("PRAGMA busy_timeout = 200")

    def release() -> None:
        other.rollback()
        other.close()

    return release


def test_a_database_that_stays_busy_is_one_norwegian_sentence_and_nothing_written(
    db, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(busy, "BACKOFF_S", 0.01)
    e = f.enrol(f.course())
    release = _hold_write_lock(db)
    try:
        with pytest.raises(DatabaseBusyError) as caught:
            busy.retrying(enrolments.reject, e)
    finally:
        release()
    assert caught.value.message.startswith("Databasen er opptatt")
    assert "\n" not in str(caught.value) and "locked" not in str(caught.value)
    assert get_enrolment(e).state == S.APPLIED


def test_a_short_busy_spell_is_waited_out(db, monkeypatch: pytest.MonkeyPatch) -> None:
    e = f.enrol(f.course())
    release = _hold_write_lock(db)
    threading.Timer(0.3, release).start()
    assert busy.retrying(enrolments.reject, e).state == S.REJECTED
