"""The big lists (people, deposit status, ledger) read a fixed number of queries whatever their size,
and give the same sums, statuses and search texts as the rules applied row by row."""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from coursekeeper.db.models import Course, Enrolment, LedgerEntry, Person
from coursekeeper.domain.deposits import DepositStatus, balance
from coursekeeper.domain.text import search_key
from coursekeeper.services import courses, deposits, people, refunds
from coursekeeper.services.deposit_batches import record_payments
from coursekeeper.services.deposit_overview import deposit_rows
from coursekeeper.services.deposit_pages import DepositQuery, deposit_page
from coursekeeper.services.ledger_pages import LedgerQuery, ledger_page
from coursekeeper.services.people_pages import PeopleQuery, people_page

DAY = dt.date(2026, 3, 2)
NAMES = [("Åse", "Ødegård"), ("Ola", "Aamodt"), ("Kari", "Nordmann"), ("Æsa", "Øverland"), ("Per", "Berg")]


def _course(title: str, municipality: str = "Øygarden") -> int:
    return courses.create_course(
        courses.CourseInput(
            title=title,
            municipality=municipality,
            capacity=10_000,
            screening_required=False,
            sessions=[courses.SessionInput(DAY, "09:00", "15:00")],
        )
    ).id


def _fill(course_id: int, n: int) -> list[int]:
    """``n`` people enrolled on the course, written in bulk (as an import of a big list would)."""
    rows = []
    for i in range(n):
        first, last = NAMES[i % len(NAMES)]
        last = f"{last}{i}"
        rows.append(
            {
                "first_name": first,
                "last_name": last,
                "birth_date": dt.date(1980, 1, 1) + dt.timedelta(days=i),
                "email": f"p{i}@example.no",
                "phone": f"9{i:07d}",
                "search_key": people.person_key(first, last),
            }
        )
    first_id = (Person.select(Person.id).order_by(Person.id.desc()).scalar() or 0) + 1
    for start in range(0, n, 500):
        Person.insert_many(rows[start : start + 500]).execute()
    ids = [pid for (pid,) in Person.select(Person.id).where(Person.id >= first_id).tuples()]
    for start in range(0, n, 500):
        Enrolment.insert_many(
            [{"course": course_id, "person": pid} for pid in ids[start : start + 500]]
        ).execute()
    return [eid for (eid,) in Enrolment.select(Enrolment.id).where(Enrolment.course == course_id).tuples()]


class Counter:
    """Counts the statements run on the database."""

    def __init__(self, database) -> None:
        self.database = database
        self.n = 0

    def __enter__(self) -> Counter:
        plain = self.database.execute_sql

        def counted(sql, params=None, *args, **kwargs):
            self.n += 1
            return plain(sql, params, *args, **kwargs)

        self.database.execute_sql = counted
        return self

    def __exit__(self, *exc: object) -> None:
        del self.database.execute_sql


def _queries(database, fn) -> int:
    with Counter(database) as counter:
        fn()
    return counter.n


def _money(enrolment_ids: list[int]) -> None:
    """Payments for all but the last in one batch; one refunded, one kept, one payment corrected away."""
    record_payments(enrolment_ids=enrolment_ids[:-1], amount_ore=100_000, paid_on=DAY, reference="KID")
    deposits.record_refund(enrolment_id=enrolment_ids[0], refunded_on=DAY)
    deposits.record_forfeit(enrolment_id=enrolment_ids[1], on=DAY)
    payment = LedgerEntry.get((LedgerEntry.enrolment == enrolment_ids[2]) & (LedgerEntry.kind == "payment"))
    deposits.record_correction(entry_id=payment.id, on=DAY, note="Feilført")


def test_a_big_list_takes_as_many_queries_as_a_small_one(db) -> None:
    small, big = _course("Kurs Ålesund"), _course("Kurs Bærum", municipality="Bærum")
    _money(_fill(small, 50))
    _money(_fill(big, 1_000))
    for fn in (
        lambda c: deposit_rows(course_id=c, as_of=DAY),
        lambda c: deposits.ledger(course_id=c),
        lambda c: refunds.refunds_due(DAY, course_id=c),
        lambda c: refunds.forfeit_candidates(DAY, course_id=c),
        lambda c: deposit_page(DepositQuery(course_id=c, terms=("berg",), sort="status"), as_of=DAY),
        lambda c: ledger_page(LedgerQuery(course_id=c, terms=("kid",), sort="name")),
    ):
        assert _queries(db, lambda fn=fn: fn(small)) == _queries(db, lambda fn=fn: fn(big))
    searched = PeopleQuery(("berg",), sort="courses")
    everyone = _queries(db, lambda: people_page(searched))
    assert people_page(PeopleQuery()).total == 1_050
    _fill(small, 1_000)
    assert _queries(db, lambda: people_page(searched)) == everyone == 3
    assert _queries(db, lambda: deposit_rows(as_of=DAY)) <= 6  # all courses: still a handful


def test_sums_and_statuses_are_those_of_the_rules_entry_by_entry(db) -> None:
    course = _course("Kurs Ørsta")
    ids = _fill(course, 6)
    _money(ids)
    deposits.record_refund(enrolment_id=ids[3], refunded_on=DAY, amount_ore=40_000)
    sums = deposits.balances()
    corrected = LedgerEntry.alias()
    for eid in ids:
        entries = (
            LedgerEntry.select(LedgerEntry.kind, LedgerEntry.amount_ore, corrected.kind)
            .join(corrected, on=(LedgerEntry.corrects == corrected.id), join_type=pw.JOIN.LEFT_OUTER)
            .where(LedgerEntry.enrolment == eid)
            .tuples()
        )
        assert sums.get(eid, balance([])) == balance(list(entries))
    statuses = {r.enrolment_id: (r.status, r.paid_ore, r.held_ore) for r in deposit_rows(course_id=course)}
    assert statuses == {
        ids[0]: (DepositStatus.REFUNDED, 100_000, 0),
        ids[1]: (DepositStatus.FORFEITED, 100_000, 0),
        ids[2]: (DepositStatus.UNPAID, 0, 0),
        ids[3]: (DepositStatus.PAID, 100_000, 60_000),
        ids[4]: (DepositStatus.PAID, 100_000, 100_000),
        ids[5]: (DepositStatus.UNPAID, 0, 0),
    }
    assert deposits.balances(course_id=course) == {e: b for e, b in sums.items() if e in ids}
    assert deposits.balances(as_of=DAY - dt.timedelta(days=1)) == {}


def test_search_texts_fold_as_the_whole_line_did(db) -> None:
    course = _course("Treningskontaktkurs Åfjord", municipality="Øygarden")
    _fill(course, 5)
    title = Course.get_by_id(course).title
    for row in deposit_rows(course_id=course):
        assert row.search_text.split() == search_key(f"{row.person_name} {title} {row.municipality}").split()


@pytest.mark.parametrize("kind", ["payment", "refund"])
def test_ledger_rows_carry_dates_and_times_as_objects(db, kind: str) -> None:
    course = _course("Kurs Tønsberg")
    ids = _fill(course, 4)
    _money(ids)
    rows = [r for r in deposits.ledger(course_id=course) if r.kind == kind]
    assert rows and all(r.entry_date == DAY for r in rows)
    assert all(isinstance(r.entered_at, dt.datetime) for r in rows)
    assert rows[0].course_title == "Kurs Tønsberg"
