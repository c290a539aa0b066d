"""Certificates: who qualifies, numbering, frozen content, verification and revocation."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from coursekeeper.db.models import Certificate
from coursekeeper.errors import RuleError
from coursekeeper.services import certificates, courses, enrolments
from coursekeeper.services.certificates import VerificationStatus
from tests import factories as f


def _attended(course_id: int, enrolment_id: int, sessions: int = 2) -> None:
    for s in courses.sessions(course_id)[:sessions]:
        f.present(enrolment_id=enrolment_id, session_id=s.id)


def _ready(course_id: int, *, pay: bool = True, sessions: int = 2) -> int:
    e = f.enrol(course_id)
    enrolments.accept(e)
    if pay:
        f.pay(e)
    _attended(course_id, e, sessions)
    return e


def test_certificate_numbers_count_per_year_and_are_never_reused(db) -> None:
    f.own_profile()
    course = f.course()
    first, second, third = (_ready(course) for _ in range(3))
    a = certificates.issue_certificate(first, dt.date(2026, 4, 11))
    b = certificates.issue_certificate(second, dt.date(2026, 4, 11))
    assert (a.number, b.number) == ("HIK-2026-0001", "HIK-2026-0002")
    certificates.revoke(b.id, "Utstedt ved en feil")
    c = certificates.issue_certificate(third, dt.date(2026, 4, 12))
    assert c.number == "HIK-2026-0003"
    again = certificates.issue_certificate(second, dt.date(2027, 1, 3))
    assert again.number == "HIK-2027-0001"


def test_no_certificate_below_the_required_hours(db) -> None:
    f.own_profile()
    course = f.course()
    e = _ready(course, sessions=1)
    with pytest.raises(RuleError, match="Mangler timer: 6 av 12"):
        certificates.issue_certificate(e)
    assert Certificate.select().count() == 0


def test_required_hours_can_be_lower_than_all_hours(db) -> None:
    f.own_profile()
    course = f.course(required_minutes=6 * 60)
    e = _ready(course, sessions=1)
    assert certificates.issue_certificate(e).number.startswith("HIK-")


def test_no_certificate_without_payment_unless_waived(db) -> None:
    f.own_profile()
    course = f.course()
    e = _ready(course, pay=False)
    with pytest.raises(RuleError, match="ikke betalt"):
        certificates.issue_certificate(e)
    waived_course = f.course(deposit_waived=True, title="Gratis kurs")
    w = _ready(waived_course, pay=False)
    assert certificates.issue_certificate(w).number


def test_eligibility_lists_reasons(db) -> None:
    f.own_profile()
    course = f.course(screening_required=False)
    ok = _ready(course)
    short = _ready(course, sessions=1, pay=False)
    rows = {r.enrolment_id: r for r in certificates.eligibility(course)}
    assert rows[ok].eligible and rows[ok].reasons == ()
    assert not rows[short].eligible
    assert any("Mangler timer" in r for r in rows[short].reasons)
    assert any("ikke betalt" in r for r in rows[short].reasons)


def test_verify_valid_revoked_unknown(db) -> None:
    f.own_profile()
    course = f.course()
    cert = certificates.issue_certificate(_ready(course))
    assert certificates.verify(cert.code).status == VerificationStatus.VALID
    assert certificates.verify(cert.code.lower().replace("-", "")).status == VerificationStatus.VALID
    assert certificates.verify("AAAA-BBBB-CCCC-DDDD").status == VerificationStatus.UNKNOWN
    certificates.revoke(cert.id, "Deltok ikke")
    result = certificates.verify(cert.code)
    assert result.status == VerificationStatus.REVOKED
    assert "Deltok ikke" in result.message


def test_altered_stored_name_does_not_verify(db) -> None:
    f.own_profile()
    course = f.course()
    cert = certificates.issue_certificate(_ready(course))
    content = certificates.content_of(cert)
    content["last_name"] = "Forfalsket"
    Certificate.update(content=json.dumps(content)).where(Certificate.id == cert.id).execute()
    assert certificates.verify(cert.code).status == VerificationStatus.UNKNOWN


@pytest.mark.parametrize(
    "stored",
    ["{not json", "", "[1, 2]", "null", '{"number": "HIK-2026-0001"}', '{"first_name": 7}'],
)
def test_damaged_stored_content_verifies_as_unknown(db, stored: str) -> None:
    f.own_profile()
    cert = certificates.issue_certificate(_ready(f.course()))
    Certificate.update(content=stored).where(Certificate.id == cert.id).execute()
    result = certificates.verify(cert.code)
    assert result.status == VerificationStatus.UNKNOWN
    assert result.message.startswith("Ukjent")


def test_content_is_frozen_at_issue(db) -> None:
    f.own_profile()
    course = f.course()
    cert = certificates.issue_certificate(_ready(course), dt.date(2026, 4, 11))
    data = courses.CourseInput(title="Nytt navn", municipality="Bergen", capacity=30)
    data.sessions = [courses.SessionInput(d, "09:00", "15:00") for d in f.SESSION_DAYS]
    courses.update_course(course, data)
    content = certificates.content_of(Certificate.get_by_id(cert.id))
    assert content["course_title"] == "Kurs for treningskontakter – Øygarden"
    assert content["session_dates"] == ["2026-04-10", "2026-04-11"]
    assert content["total_minutes"] == 720
    assert certificates.verify(cert.code).status == VerificationStatus.VALID


def test_duplicate_keeps_the_number_and_revoked_cannot_be_reprinted(db) -> None:
    f.own_profile()
    course = f.course()
    cert = certificates.issue_certificate(_ready(course))
    dup = certificates.record_duplicate(cert.id, dt.date(2027, 3, 12))
    assert dup.number == cert.number and dup.duplicate_count == 1
    assert dup.last_duplicate_on == dt.date(2027, 3, 12)
    certificates.revoke(cert.id, "Feil person")
    with pytest.raises(RuleError, match="tilbakekalt"):
        certificates.record_duplicate(cert.id)


def test_issue_needs_an_organisation_prefix(db) -> None:
    course = f.course()
    e = _ready(course)
    with pytest.raises(RuleError, match="prefiks"):
        certificates.issue_certificate(e)
