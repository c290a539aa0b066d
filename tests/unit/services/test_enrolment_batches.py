"""Batches of enrolments: the plan before, all or nothing after, queue order and the money."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper import i18n
from coursekeeper.db.models import AuditLog, Screening
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.services import deposits, enrolment_batches, enrolments
from coursekeeper.services.enrolment_batches import describe, preview_batch, record_screenings, run_batch
from coursekeeper.services.enrolments import get_enrolment
from tests import factories as f

T0 = dt.datetime(2026, 1, 5, 9, 0)


def _states(ids: list[int]) -> list[S]:
    return [S(get_enrolment(e).state) for e in ids]


def _enrol(course: int, first: str, hours: int) -> int:
    person = f.person(first, "Ødegård")
    return enrolments.enrol(course_id=course, person_id=person, applied_at=T0 + dt.timedelta(hours=hours)).id


def _three(capacity: int = 2, **kw) -> tuple[int, list[int]]:
    course = f.course(capacity=capacity, **kw)
    return course, [_enrol(course, n, i) for i, n in enumerate("ABC")]


def test_the_preview_plans_the_waiting_list_and_writes_nothing(db) -> None:
    _course, ids = _three()
    audit_before = AuditLog.select().count()
    # Chosen last-to-first: the rules still take them in the order they applied.
    plan = preview_batch(action="accept", enrolment_ids=list(reversed(ids)))
    assert [(s.enrolment_id, s.state, s.waitlisted_instead) for s in plan.steps] == [
        (ids[0], S.ACCEPTED, False),
        (ids[1], S.ACCEPTED, False),
        (ids[2], S.WAITLISTED, True),
    ]
    assert _states(ids) == [S.APPLIED] * 3
    assert AuditLog.select().count() == audit_before
    text = describe(plan, before=True)
    assert text.startswith("Tas opp (2): A Ødegård")
    assert "Settes på venteliste fordi kurset er fullt (1): C Ødegård" in text


def test_run_does_what_the_plan_said(db) -> None:
    _course, ids = _three()
    plan = preview_batch(action="accept", enrolment_ids=ids)
    done = run_batch(action="accept", enrolment_ids=plan.doable_ids(), confirmed=plan)
    assert _states(ids) == [S.ACCEPTED, S.ACCEPTED, S.WAITLISTED]
    summary = describe(done, before=False)
    assert "Tatt opp (2):" in summary and "Satt på venteliste fordi kurset er fullt (1):" in summary


def test_one_refusal_rolls_back_the_whole_batch(db) -> None:
    course = f.course(capacity=5, screening_required=True)
    ids = [_enrol(course, n, i) for i, n in enumerate("ABC")]
    f.suitable(ids[0])
    f.suitable(ids[2])
    plan = preview_batch(action="accept", enrolment_ids=ids)
    assert [s.enrolment_id for s in plan.refused()] == [ids[1]]
    assert "egnethetsvurderingen" in plan.refused()[0].message
    assert "Blir ikke endret (1):\n• B Ødegård kan ikke tas opp før" in describe(plan, before=True)
    audit_before = AuditLog.select().count()
    with pytest.raises(RuleError, match=r"^B Ødegård kan ikke tas opp .* Ingenting er endret\.$"):
        run_batch(action="accept", enrolment_ids=ids)
    # A and C were accepted inside the transaction before B was refused: both are rolled back,
    # and so are their audit entries (the batch appends them together at its end).
    assert _states(ids) == [S.APPLIED] * 3
    assert AuditLog.select().count() == audit_before
    run_batch(action="accept", enrolment_ids=plan.doable_ids(), confirmed=plan)
    assert _states(ids) == [S.ACCEPTED, S.APPLIED, S.ACCEPTED]
    logged = AuditLog.select().order_by(AuditLog.id.desc()).limit(2)
    assert [(e.action, e.entity_id) for e in reversed(list(logged))] == [
        ("accept", ids[0]),
        ("accept", ids[2]),
    ]


def test_a_plan_overtaken_by_someone_else_writes_nothing(db) -> None:
    course, ids = _three(capacity=2)
    plan = preview_batch(action="accept", enrolment_ids=ids[:2])
    enrolments.accept(_enrol(course, "E", -24))  # someone else takes a seat
    with pytest.raises(RuleError, match="endret av noen andre"):
        run_batch(action="accept", enrolment_ids=plan.doable_ids(), confirmed=plan)
    assert _states(ids[:2]) == [S.APPLIED, S.APPLIED]


def test_withdrawing_several_promotes_and_states_the_money(db) -> None:
    course, ids = _three(capacity=2, binding_date=dt.date(2026, 3, 1))
    late = _enrol(course, "D", 24)
    run_batch(action="accept", enrolment_ids=[*ids, late])  # A, B seated; C, D waiting
    f.pay(ids[0])
    f.pay(ids[1])
    # B withdrawn after the binding date (kept), C withdrawn from the waiting list (so D gets B's seat).
    plan = preview_batch(action="withdraw", enrolment_ids=[ids[1], ids[2]], on=dt.date(2026, 3, 2))
    assert [s.enrolment_id for s in plan.steps] == [ids[2], ids[1]]
    text = describe(plan, before=True)
    assert "Trekkes fra kurset (2): C Ødegård, B Ødegård" in text
    assert "D Ødegård får plassen fra ventelisten." in text
    assert "Egenandelen beholdes fordi påmeldingen var bindende (1):\n• B Ødegård: 1 000 kr" in text
    done = run_batch(
        action="withdraw", enrolment_ids=plan.doable_ids(), on=dt.date(2026, 3, 2), confirmed=plan
    )
    assert _states([*ids, late]) == [S.ACCEPTED, S.WITHDRAWN, S.WITHDRAWN, S.ACCEPTED]
    assert deposits.balance_of(ids[1]).forfeited == 100_000
    assert "D Ødegård har fått plassen fra ventelisten." in describe(done, before=False)


def test_reject_and_no_show_say_what_is_due_back(db) -> None:
    _course, ids = _three(capacity=5)
    f.pay(ids[0])
    plan = run_batch(action="reject", enrolment_ids=ids[:2])
    assert "Egenandelen skal betales tilbake (1):\n• A Ødegård: 1 000 kr" in describe(plan, before=False)
    run_batch(action="accept", enrolment_ids=[ids[2]])
    done = run_batch(action="no_show", enrolment_ids=[ids[2]])
    assert done.steps[0].message == "C Ødegård er registrert som «Møtte ikke»."
    assert _states(ids) == [S.REJECTED, S.REJECTED, S.NO_SHOW]


def test_one_screening_outcome_for_all_keeps_earlier_notes(db) -> None:
    _course, ids = _three(capacity=5)
    f.suitable(ids[0])  # notes "Godt intervju"
    result = record_screenings(enrolment_ids=ids, outcome="unsuitable", interviewer="Kari", reject=True)
    assert result.rejected == ("A Ødegård", "B Ødegård", "C Ødegård")
    assert _states(ids) == [S.REJECTED] * 3
    assert Screening.get(Screening.enrolment == ids[0]).notes == "Godt intervju"
    assert Screening.get(Screening.enrolment == ids[1]).interviewer == "Kari"
    with pytest.raises(ValidationError, match="Ikke egnet"):
        record_screenings(enrolment_ids=ids, outcome="suitable", reject=True)


def test_nothing_chosen_and_english(db) -> None:
    with pytest.raises(ValidationError, match="Velg minst én"):
        run_batch(action="accept", enrolment_ids=[])
    _course, ids = _three(capacity=1)
    i18n.set_language("en")
    try:
        text = describe(preview_batch(action="accept", enrolment_ids=ids[:2]), before=True)
    finally:
        i18n.set_language("nb")
    assert text == (
        "Will be accepted (1): A Ødegård\n\n"
        "Will go on the waiting list because the course is full (1): B Ødegård"
    )


def test_certificates_of_the_selected(db) -> None:
    _course, ids = _three(capacity=5)
    with pytest.raises(RuleError, match="Ingen av de valgte"):
        enrolment_batches.certificate_ids_of(ids)


def test_accepting_ahead_of_the_waiting_list_is_shown_and_only_done_when_confirmed(db) -> None:
    _course, ids = _three(capacity=5)
    for e in ids:
        enrolments.waitlist(e)
    plan = preview_batch(action="accept", enrolment_ids=[ids[2]])
    assert plan.steps[0].ahead == "A Ødegård og B Ødegård står foran C Ødegård på ventelisten."
    assert "Tas opp foran andre på ventelisten (1):\n• A Ødegård og B Ødegård står foran" in describe(
        plan, before=True
    )
    with pytest.raises(RuleError, match="står foran"):  # not confirmed: nobody jumps the queue
        run_batch(action="accept", enrolment_ids=[ids[2]])
    run_batch(action="accept", enrolment_ids=[ids[2]], confirmed=plan)
    assert _states(ids) == [S.WAITLISTED, S.WAITLISTED, S.ACCEPTED]
