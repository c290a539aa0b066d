"""check() finds broken invariants; restore refuses strangers; the key-figures funnel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coursekeeper.db.models import Certificate, Enrolment
from coursekeeper.errors import ValidationError
from coursekeeper.services import (
    assignments,
    backup,
    certificates,
    deposits,
    enrolments,
    integrity,
    reports,
)
from coursekeeper.services import key_figures as figures
from tests import factories as f
from tests.unit.services.test_certificates import _ready


def test_check_passes_on_a_healthy_database(db) -> None:
    f.own_profile()
    certificates.issue_certificate(_ready(f.course()))
    report = integrity.check()
    assert report.ok, report.problems
    assert "Kursbevisnumre" in report.checked


def test_check_reports_gaps_in_certificate_numbers(db) -> None:
    f.own_profile()
    course = f.course()
    first = certificates.issue_certificate(_ready(course), dt.date(2026, 4, 11))
    Certificate.insert(
        enrolment=_ready(course),
        number="HIK-2026-0003",
        prefix="HIK",
        year=2026,
        sequence=3,
        issued_on=dt.date(2026, 4, 11),
        content="{}",
        code="X" * 19,
    ).execute()
    report = integrity.check()
    assert any("hull" in p and "HIK-2026-0002" in p for p in report.problems)
    assert first.number == "HIK-2026-0001"


def test_check_reports_capacity_overrun(db) -> None:
    course = f.course(capacity=1)
    a, b = f.enrol(course), f.enrol(course)
    enrolments.accept(a)
    Enrolment.update(state="accepted").where(Enrolment.id == b).execute()
    assert any("bare 1 plasser" in p for p in integrity.check().problems)


def test_restore_refuses_a_file_that_is_not_a_coursekeeper_database(sqlite_db, tmp_path: Path) -> None:
    stranger = tmp_path / "bilde.db"
    stranger.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    with pytest.raises(ValidationError, match="Kan ikke gjenopprette"):
        backup.restore(stranger)


def test_backup_and_restore_round_trip(sqlite_db, tmp_path: Path) -> None:
    course = f.course()
    copy = backup.backup(tmp_path / "kopi æøå.db")
    f.enrol(course)
    assert Enrolment.select().count() == 1
    saved = backup.restore(copy)
    assert saved.exists()
    assert Enrolment.select().count() == 0


def test_funnel_counts_each_step(db) -> None:
    f.own_profile()
    course = f.course(capacity=3)
    done = _ready(course)
    certificates.issue_certificate(done, dt.date(2026, 4, 11))
    f.enrol(course)  # registered only
    person = enrolments.get_enrolment(done).person_id
    assignments.add_assignment(person_id=person, start_date=dt.date(2026, 5, 1))
    deposits.record_refund(enrolment_id=done, refunded_on=dt.date(2026, 11, 2))
    row = next(
        r
        for _, r in figures.key_figures(as_of=dt.date(2027, 5, 1)).per_course
        if r.label.startswith("Kurs for")
    )
    assert (row.registered, row.accepted, row.attended, row.certified) == (2, 1, 1, 1)
    assert (row.in_assignment, row.reached_6, row.reached_12, row.reached_18) == (1, 1, 1, 0)
    assert row.refunded == 1
    from coursekeeper.services.key_figures import key_figures

    per_municipality = key_figures(as_of=dt.date(2027, 5, 1)).per_municipality
    assert [m.label for m in per_municipality] == ["Øygarden"]
    assert reports.summed("Totalt", per_municipality).registered == 2
