"""The demo data set: realistic, complete, consistent, built through the services, safe to run twice."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from coursekeeper.db.connection import close_database
from coursekeeper.db.models import (
    MODELS,
    Assignment,
    AuditLog,
    Certificate,
    Course,
    Enrolment,
    LedgerEntry,
    Person,
    Screening,
)
from coursekeeper.domain.dates import add_months
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
from coursekeeper.services import (
    certificates,
    courses,
    demo,
    integrity,
    key_figures,
    organisations,
    people,
    refunds,
)
from coursekeeper.services.certificates import VerificationStatus
from coursekeeper.services.database import prepare
from coursekeeper.services.refunds import RefundReason

AS_OF = dt.date(2026, 11, 30)


@pytest.fixture
def summary(db) -> demo.DemoSummary:
    return demo.build_demo(today=AS_OF)


def _row_counts() -> dict[str, int]:
    return {model.__name__: model.select().count() for model in MODELS}


def test_summary_reports_what_was_added(summary: demo.DemoSummary) -> None:
    assert summary.created
    assert summary.courses == Course.select().count() >= 3
    assert summary.people == Person.select().count()
    assert summary.enrolments == Enrolment.select().count() == sum(summary.by_state.values())
    assert summary.certificates == Certificate.select().count()
    assert summary.ledger_entries == LedgerEntry.select().count()
    assert summary.assignments == Assignment.select().count()
    assert f"{summary.courses} kurs" in summary.message
    assert f"{summary.people} personer" in summary.message
    assert "Per 30.11.2026" in summary.message


def test_courses_in_several_municipalities_from_2024_to_2026(summary: demo.DemoSummary) -> None:
    rows = courses.list_courses()
    assert len(rows) >= 3
    assert len({r.municipality for r in rows if r.municipality}) >= 3
    assert {2024, 2025, 2026} <= {r.start_date.year for r in rows}
    assert {"finished", "cancelled", "open"} <= {r.status for r in rows}


def test_the_oygarden_course_looks_like_the_real_thing(summary: demo.DemoSummary) -> None:
    course = Course.get(Course.title == "Kurs for treningskontakter – Øygarden")
    assert course.municipality.name == "Øygarden"
    assert (course.capacity, course.deposit_ore) == (30, 100_000)
    assert course.binding_date is not None and course.binding_date < course.start_date
    assert courses.co_organiser_names(course.id) == [
        "Øygarden kommune",
        "Stiftelsen Bergensklinikkene",
        "Helse Bergen",
    ]
    assert "Taushetsplikt og etikk" in courses.topics(course)
    days = [s.date for s in courses.sessions(course.id)]
    # Two weekends: every session on a Friday, Saturday or Sunday, in two separate weeks.
    assert {d.weekday() for d in days} <= {4, 5, 6}
    assert len({d.isocalendar().week for d in days}) == 2
    assert 15 * 60 <= courses.total_minutes(course.id) <= 40 * 60


def test_about_eighty_people_with_norwegian_names_and_example_addresses(summary: demo.DemoSummary) -> None:
    persons = list(Person.select())
    assert 70 <= len(persons) <= 90
    assert all(p.email.endswith("@example.no") for p in persons)
    assert len({p.email for p in persons}) == len(persons)
    assert len({(p.first_name, p.last_name) for p in persons}) == len(persons)
    names = " ".join(f"{p.first_name} {p.last_name}" for p in persons)
    assert all(letter in names for letter in "æøåÅØ")
    assert all(dt.date(1955, 1, 1) <= p.birth_date <= dt.date(2004, 12, 31) for p in persons)
    assert all(p.phone.startswith("+47") and p.municipality_id for p in persons)
    # Some people came back for a later course.
    assert Enrolment.select().count() > len(persons)


def test_every_enrolment_state_and_screening_outcome_is_present(summary: demo.DemoSummary) -> None:
    states = Counter(e.state for e in Enrolment.select())
    assert set(states) == {s.value for s in EnrolmentState}
    assert dict(states) == {k: v for k, v in summary.by_state.items() if v}
    outcomes = {s.outcome for s in Screening.select()}
    assert outcomes == {o.value for o in ScreeningOutcome}


def test_a_revoked_certificate_verifies_as_revoked_and_a_valid_one_as_valid(
    summary: demo.DemoSummary,
) -> None:
    revoked = list(Certificate.select().where(Certificate.revoked_at.is_null(False)))
    assert len(revoked) == summary.revoked >= 1
    assert revoked[0].revoked_reason.strip()
    result = certificates.verify(revoked[0].code)
    assert result.status == VerificationStatus.REVOKED
    assert result.number == revoked[0].number
    valid = Certificate.select().where(Certificate.revoked_at.is_null()).first()
    assert certificates.verify(valid.code.lower().replace("-", "")).status == VerificationStatus.VALID
    # The revoked one was replaced by a new number, which is valid.
    replacement = (
        Certificate.select()
        .where((Certificate.enrolment == revoked[0].enrolment) & Certificate.revoked_at.is_null())
        .get()
    )
    assert replacement.number != revoked[0].number
    assert certificates.verify(replacement.code).status == VerificationStatus.VALID
    assert Certificate.select().where(Certificate.duplicate_count > 0).count() >= 1


def test_certificates_only_for_completed_enrolments(summary: demo.DemoSummary) -> None:
    states = {c.enrolment.state for c in Certificate.select()}
    assert states == {EnrolmentState.COMPLETED.value}
    # A completed participant who never paid has no certificate.
    unpaid_completed = [
        e
        for e in Enrolment.select().where(Enrolment.state == EnrolmentState.COMPLETED)
        if not LedgerEntry.select().where(LedgerEntry.enrolment == e).exists()
    ]
    assert unpaid_completed
    assert not Certificate.select().where(Certificate.enrolment.in_(unpaid_completed)).exists()


def test_money_refunds_due_refunds_recorded_forfeits_and_a_correction(summary: demo.DemoSummary) -> None:
    due = refunds.refunds_due(AS_OF)
    assert due
    assert {d.reason for d in due} == set(RefundReason)
    assert all(d.amount_ore == 100_000 for d in due)
    kinds = Counter(e.kind for e in LedgerEntry.select())
    assert set(kinds) == {k.value for k in EntryKind}
    # A forfeit from a withdrawal after the binding date.
    late = [
        e
        for e in LedgerEntry.select().where(LedgerEntry.kind == EntryKind.FORFEIT)
        if e.enrolment.state == EnrolmentState.WITHDRAWN
    ]
    assert late
    assert late[0].entry_date > late[0].enrolment.course.binding_date
    # A withdrawal before the binding date with the deposit due back.
    assert any(d.reason == RefundReason.WITHDRAWN and d.course_title.endswith("Øygarden") for d in due)
    # Refunds were recorded for people whose assignment reached six months.
    refunded = {e.enrolment_id for e in LedgerEntry.select().where(LedgerEntry.kind == EntryKind.REFUND)}
    six_months = [
        e
        for e in Enrolment.select().where(Enrolment.id.in_(list(refunded)))
        if Assignment.select().where(Assignment.person == e.person_id).exists()
    ]
    assert len(six_months) >= 3
    assert refunds.forfeit_candidates(AS_OF)


def test_assignments_that_did_and_did_not_reach_six_months(summary: demo.DemoSummary) -> None:
    rows = list(Assignment.select())
    day_before = [a for a in rows if a.end_date == add_months(a.start_date, 6) - dt.timedelta(days=1)]
    assert day_before
    running_not_yet = [a for a in rows if a.end_date is None and add_months(a.start_date, 6) > AS_OF]
    assert running_not_yet
    total = key_figures.key_figures(as_of=AS_OF).funnel
    assert total.reached_6 >= 5
    assert total.reached_12 >= 1
    assert total.reached_18 >= 1
    assert total.refunded >= 5
    assert total.registered == summary.enrolments


def test_the_database_checks_out(summary: demo.DemoSummary) -> None:
    report = integrity.check()
    assert report.ok, report.problems


def test_built_through_the_services_so_the_audit_log_has_it(summary: demo.DemoSummary) -> None:
    created = Counter(
        (a.entity, a.action) for a in AuditLog.select().where(AuditLog.action.in_(["create", "issue"]))
    )
    assert created[("person", "create")] == summary.people
    assert created[("enrolment", "create")] == summary.enrolments
    assert created[("certificate", "issue")] == summary.certificates
    assert AuditLog.select().where(AuditLog.entity == "ledger_entry").count() == summary.ledger_entries


def test_a_second_run_changes_nothing(summary: demo.DemoSummary) -> None:
    before = _row_counts()
    again = demo.build_demo(today=AS_OF)
    assert not again.created
    assert "allerede" in again.message and "Ingenting er endret" in again.message
    assert again.courses == again.people == 0
    # Not even an audit entry: the second run is read-only.
    assert _row_counts() == before


def test_adds_alongside_the_users_own_data(db) -> None:
    organisations.save_own_profile(
        organisations.OwnProfile(name="Sunnfjord idrettsråd", certificate_prefix="SIR")
    )
    own_course = courses.create_course(
        courses.CourseInput("Eget kurs", dt.date(2026, 5, 1), dt.date(2026, 5, 2), municipality="Sunnfjord")
    )
    own_person = people.create_person(people.PersonInput("Åsmund", "Øvrebø", email="asmund@example.no"))
    before = _row_counts()
    result = demo.build_demo(today=AS_OF)
    assert result.created
    assert _row_counts()["Course"] == before["Course"] + result.courses
    assert _row_counts()["Person"] == before["Person"] + result.people
    assert organisations.get_own_profile().name == "Sunnfjord idrettsråd"
    assert {c.prefix for c in Certificate.select()} == {"SIR"}
    assert courses.get_course(own_course.id).title == "Eget kurs"
    assert people.get_person(own_person.id).last_name == "Øvrebø"
    assert integrity.check().ok


def test_sets_up_the_organisation_profile_when_there_is_none(summary: demo.DemoSummary) -> None:
    profile = organisations.get_own_profile()
    assert profile.name == "Hordaland Idrettskrets"
    assert profile.certificate_prefix == "HIK"
    assert profile.signatory_name
    assert Certificate.select().where(Certificate.number == "HIK-2024-0001").exists()


def test_a_failure_half_way_leaves_nothing_behind(db, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _row_counts()

    def broken(self) -> None:
        raise RuntimeError("stopp midt i")

    monkeypatch.setattr(demo._Builder, "aftermath", broken)
    with pytest.raises(RuntimeError):
        demo.build_demo(today=AS_OF)
    assert _row_counts() == before
    assert not demo.is_loaded()


def _fingerprint() -> list[tuple]:
    persons = [(p.first_name, p.last_name, p.birth_date, p.email, p.phone) for p in Person.select()]
    ledger = [(e.kind, e.amount_ore, e.entry_date) for e in LedgerEntry.select().order_by(LedgerEntry.id)]
    certs = [(c.number, c.issued_on) for c in Certificate.select().order_by(Certificate.id)]
    return [*persons, *ledger, *certs]


def test_the_demo_is_the_same_whichever_day_it_is_built(
    sqlite_db, _template_db: Path, tmp_path: Path
) -> None:
    demo.build_demo(today=dt.date(2026, 1, 1))
    first = _fingerprint()
    close_database()
    other = tmp_path / "annen dag.db"
    shutil.copy(_template_db, other)
    prepare("sqlite:///" + other.as_posix())
    demo.build_demo(today=dt.date(2031, 6, 15))
    assert _fingerprint() == first
