"""DESIGN §3: the waiting list is a queue, and dates make sense (each rule at its edge)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest

from coursekeeper import i18n
from coursekeeper.db.models import AuditLog, Course
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.errors import NeedsConfirmation, RuleError
from coursekeeper.services import attendance, certificates, course_overview, courses, enrolments, screening
from coursekeeper.services.enrolments import get_enrolment
from tests import factories as f

T0 = dt.datetime(2026, 1, 5, 9, 0)
FIRST_DAY, LAST_DAY = f.SESSION_DAYS


def _waitlisted(course: int, hours: int, *, first: str, outcome: str | None = "suitable") -> int:
    e = f.enrol(course, applied_at=T0 + dt.timedelta(hours=hours), first=first)
    if outcome:
        screening.record_screening(enrolment_id=e, outcome=outcome)
    enrolments.waitlist(e)
    return e


def _set_capacity(course_id: int, capacity: int) -> courses.CourseUpdate:
    data = course_overview.course_input(course_id)
    data.capacity = capacity
    return courses.update_course(course_id, data)


def _actions(entity: str, entity_id: int) -> list[str]:
    query = AuditLog.select(AuditLog.action).where(
        (AuditLog.entity == entity) & (AuditLog.entity_id == entity_id)
    )
    return [a for (a,) in query.tuples()]


# -- the queue ---------------------------------------------------------------------------------


def test_raising_capacity_1_to_30_promotes_everyone_who_may_be_accepted_in_order(db) -> None:
    course = f.course(capacity=1, screening_required=True)
    seated = f.enrol(course, applied_at=T0)
    f.suitable(seated)
    enrolments.accept(seated)
    anna = _waitlisted(course, 1, first="Anna")
    blocked = _waitlisted(course, 2, first="Bjørn", outcome="follow_up")
    unscreened = _waitlisted(course, 3, first="Cato", outcome=None)
    dina = _waitlisted(course, 4, first="Dina")
    update = _set_capacity(course, 30)
    assert [p.enrolment_id for p in update.promotions] == [anna, dina]
    assert update.message.startswith("Anna ") and " og Dina " in update.message
    assert "fått plass fra ventelisten" in update.message
    assert [get_enrolment(e).state for e in (anna, blocked, unscreened, dina)] == [
        S.ACCEPTED,
        S.WAITLISTED,
        S.WAITLISTED,
        S.ACCEPTED,
    ]
    assert _actions("enrolment", anna)[-1] == "promote"


def test_two_freed_seats_take_the_two_earliest(db) -> None:
    course = f.course(capacity=2)
    for i in range(2):
        enrolments.accept(f.enrol(course, applied_at=T0 + dt.timedelta(minutes=i)))
    late = _waitlisted(course, 9, first="Sen")
    first = _waitlisted(course, 5, first="Først")
    second = _waitlisted(course, 6, first="Nest")
    update = _set_capacity(course, 4)
    assert [p.enrolment_id for p in update.promotions] == [first, second]
    assert get_enrolment(late).state == S.WAITLISTED
    assert _set_capacity(course, 4).promotions == ()


def test_lowering_or_keeping_capacity_promotes_nobody(db) -> None:
    course = f.course(capacity=1)
    enrolments.accept(f.enrol(course, applied_at=T0))
    waiting = _waitlisted(course, 1, first="Venter")
    assert _set_capacity(course, 1).promotions == ()
    assert get_enrolment(waiting).state == S.WAITLISTED


def test_withdrawal_fills_every_free_seat_and_names_who(db) -> None:
    course = f.course(capacity=1)
    seated = f.enrol(course, applied_at=T0)
    enrolments.accept(seated)
    early = _waitlisted(course, 1, first="Tidlig")
    result = enrolments.withdraw(seated, dt.date(2026, 2, 1))
    assert result.promotions == (enrolments.Promotion(early, result.promotions[0].person_name),)
    assert "Tidlig" in result.message and "ventelisten" in result.message


def test_withdrawal_preview_names_who_will_get_the_seat(db) -> None:
    course = f.course(capacity=1)
    seated = f.enrol(course, applied_at=T0)
    enrolments.accept(seated)
    _waitlisted(course, 1, first="Neste")
    preview = enrolments.withdrawal_preview(seated, dt.date(2026, 2, 1))
    assert preview.would_promote is not None and preview.would_promote.startswith("Neste")


def test_rejecting_an_applicant_or_a_no_show_frees_no_seat(db) -> None:
    course = f.course(capacity=1)
    seated = f.enrol(course, applied_at=T0)
    enrolments.accept(seated)
    applicant = f.enrol(course, applied_at=T0 + dt.timedelta(hours=1))
    waiting = _waitlisted(course, 2, first="Venter")
    assert enrolments.reject(applicant).promoted is None
    assert enrolments.mark_no_show(seated).promoted is None
    assert get_enrolment(waiting).state == S.WAITLISTED


def test_accepting_ahead_of_the_queue_is_refused_then_allowed_on_purpose(db) -> None:
    course = f.course(capacity=5)
    early = _waitlisted(course, 1, first="Tidlig")
    middle = _waitlisted(course, 2, first="Midt")
    late = _waitlisted(course, 3, first="Sen")
    with pytest.raises(NeedsConfirmation, match=r"^Tidlig\S* \S+ og Midt\S* \S+ står foran Sen"):
        enrolments.accept(late)
    assert get_enrolment(late).state == S.WAITLISTED
    result = enrolments.accept(late, ahead_of_queue=True)
    assert result.state == S.ACCEPTED
    assert _actions("enrolment", late)[-1] == "accept_ahead_of_queue"
    assert enrolments.accept(early).state == S.ACCEPTED
    assert _actions("enrolment", early)[-1] == "accept"
    assert enrolments.accept(middle).state == S.ACCEPTED


def test_a_screening_blocked_person_is_not_ahead_in_the_queue(db) -> None:
    course = f.course(capacity=5, screening_required=True)
    _waitlisted(course, 1, first="Usikker", outcome="follow_up")
    ready = _waitlisted(course, 2, first="Klar")
    assert enrolments.accept(ready).state == S.ACCEPTED
    assert _actions("enrolment", ready)[-1] == "accept"


def test_accept_ahead_flag_does_not_beat_a_full_course(db) -> None:
    course = f.course(capacity=1)
    enrolments.accept(f.enrol(course, applied_at=T0))
    _waitlisted(course, 1, first="Tidlig")
    late = _waitlisted(course, 2, first="Sen")
    with pytest.raises(RuleError, match=r"fullt \(1 plass\)"):
        enrolments.accept(late, ahead_of_queue=True)


# -- dates: certificates -----------------------------------------------------------------------


def test_certificate_dated_the_day_before_the_last_session_is_refused(db) -> None:
    f.own_profile()
    course = f.course()
    e = f.ready_for_certificate(course)
    with pytest.raises(RuleError, match=r"dato 10\.04\.2026, før kursets siste økt 11\.04\.2026"):
        certificates.issue_certificate(e, LAST_DAY - dt.timedelta(days=1))
    assert certificates.issue_certificate(e, LAST_DAY).issued_on == LAST_DAY


def test_issuing_for_a_course_refuses_an_early_date_and_issues_none(db) -> None:
    f.own_profile()
    course = f.course()
    f.ready_for_certificate(course)
    with pytest.raises(RuleError, match="før kursets siste økt"):
        certificates.issue_for_course(course, FIRST_DAY)
    assert certificates.issue_for_course(course, LAST_DAY)


def test_default_issue_date_is_today_or_the_last_session_if_later(db) -> None:
    course = f.course()
    assert certificates.default_issue_date(course, LAST_DAY - dt.timedelta(days=30)) == LAST_DAY
    assert certificates.default_issue_date(course, LAST_DAY) == LAST_DAY
    later = LAST_DAY + dt.timedelta(days=3)
    assert certificates.default_issue_date(course, later) == later


# -- dates: attendance -------------------------------------------------------------------------


def test_attendance_waits_for_the_session_to_start(db) -> None:
    course = f.course()
    e = f.enrol(course)
    enrolments.accept(e)
    first = courses.sessions(course)[0]  # 10.04.2026 09:00
    for too_early in (dt.datetime(2026, 4, 9, 23, 59), dt.datetime(2026, 4, 10, 8, 59)):
        with pytest.raises(RuleError, match=r"10\.04\.2026 kl\. 09:00 har ikke begynt"):
            f.present(enrolment_id=e, session_id=first.id, at=too_early)
        with pytest.raises(RuleError, match="har ikke begynt"):
            attendance.mark_all_present(first.id, at=too_early)
    assert attendance.attended_minutes(course) == {}
    attendance.set_attendance(
        enrolment_id=e, session_id=first.id, minutes=60, at=dt.datetime(2026, 4, 10, 9, 0)
    )
    assert attendance.attended_minutes(course) == {e: 60}


@pytest.mark.parametrize(
    ("start", "at", "started"),
    [
        ("09:00", dt.datetime(2026, 4, 10, 8, 59), False),
        ("09:00", dt.datetime(2026, 4, 10, 9, 0), True),
        ("09:00", dt.datetime(2026, 4, 9, 12, 0), False),
        ("09:00", dt.datetime(2026, 4, 11, 0, 0), True),
        ("", dt.datetime(2026, 4, 10, 0, 0), True),
        ("", dt.datetime(2026, 4, 9, 23, 59), False),
    ],
)
def test_has_started_at_its_edges(start: str, at: dt.datetime, started: bool) -> None:
    assert attendance.has_started(FIRST_DAY, start, at) is started


# -- dates: finishing a course -----------------------------------------------------------------


def test_finishing_the_day_before_the_last_session_needs_confirming(db) -> None:
    course = f.course()
    seated = f.enrol(course)
    enrolments.accept(seated)
    day_before = LAST_DAY - dt.timedelta(days=1)
    with pytest.raises(NeedsConfirmation, match=r"økter igjen \(siste økt 11\.04\.2026\)"):
        attendance.complete_course(course, today=day_before)
    assert get_enrolment(seated).state == S.ACCEPTED
    with pytest.raises(NeedsConfirmation):
        courses.set_status(course, "finished", today=day_before)
    assert Course.get_by_id(course).status == "planned"
    summary = attendance.complete_course(course, today=day_before, before_last_session=True)
    assert summary.no_show == [seated]
    assert Course.get_by_id(course).status == "finished"
    assert _actions("course", course)[-1] == "finish_before_last_session"


def test_finishing_on_the_last_session_day_needs_no_confirmation(db) -> None:
    course = f.course()
    attendance.complete_course(course, today=LAST_DAY)
    assert Course.get_by_id(course).status == "finished"
    assert _actions("course", course)[-1] == "status"


def test_the_course_form_cannot_finish_early_without_confirming(db) -> None:
    course = f.course()
    data = course_overview.course_input(course)
    data.status = "finished"
    with pytest.raises(NeedsConfirmation):
        courses.update_course(course, data, today=FIRST_DAY)
    assert Course.get_by_id(course).status == "planned"
    courses.update_course(course, data, today=FIRST_DAY, before_last_session=True)
    assert Course.get_by_id(course).status == "finished"
    assert _actions("course", course)[-1] == "update_finish_before_last_session"


# -- English -----------------------------------------------------------------------------------


@pytest.fixture
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.SOURCE_LANGUAGE)


def test_refusals_of_each_module_follow_english(db, english) -> None:
    f.own_profile()
    course = f.course(capacity=5)
    _waitlisted(course, 1, first="Early")
    late = _waitlisted(course, 2, first="Late")
    with pytest.raises(NeedsConfirmation, match="is ahead of Late"):
        enrolments.accept(late)
    with pytest.raises(NeedsConfirmation, match="has sessions left"):
        courses.set_status(course, "finished", today=FIRST_DAY)
    with pytest.raises(RuleError, match="has not started yet"):
        attendance.mark_all_present(courses.sessions(course)[0].id, at=T0)
    with pytest.raises(RuleError, match=r"before the course's last session on 11\.04\.2026"):
        certificates.issue_certificate(late, FIRST_DAY)


# -- several staff at once ---------------------------------------------------------------------


def test_simultaneous_accepts_never_exceed_capacity(db) -> None:
    if db.for_update is False:
        pytest.skip("PostgreSQL row lock; SQLite's writer lock refuses a write on a stale count")
    course = f.course(capacity=2)
    ids = [f.enrol(course, applied_at=T0 + dt.timedelta(minutes=i)) for i in range(6)]
    barrier = threading.Barrier(len(ids))
    errors: list[BaseException] = []

    def accept(eid: int) -> None:
        db.connect(reuse_if_open=True)
        try:
            barrier.wait()
            enrolments.accept(eid)
        except BaseException as exc:
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=accept, args=(eid,)) for eid in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    states = sorted(get_enrolment(e).state for e in ids)
    assert states == [S.ACCEPTED] * 2 + [S.WAITLISTED] * 4


def test_a_cancelled_course_takes_nobody_from_the_queue(db) -> None:
    course = f.course(capacity=1)
    seated = f.enrol(course, applied_at=T0)
    enrolments.accept(seated)
    waiting = _waitlisted(course, 1, first="Venter")
    courses.set_status(course, "cancelled")
    assert enrolments.withdrawal_preview(seated, dt.date(2026, 2, 1)).would_promote is None
    assert enrolments.withdraw(seated, dt.date(2026, 2, 1)).promotions == ()
    assert get_enrolment(waiting).state == S.WAITLISTED
