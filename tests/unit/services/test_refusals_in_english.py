"""In English, a refusal from every service module reads English: one trigger per module.

Each case names its module (``services/courses.py``) so a failure says whose messages still
bypass ``coursekeeper.i18n.tr``. The same trigger runs in Norwegian first: the two texts must
differ, and the English one must hold no Norwegian letters (the triggers use ASCII input).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from coursekeeper import i18n
from coursekeeper.errors import CourseKeeperError
from coursekeeper.services import (
    assignments,
    attendance,
    backup,
    certificate_batches,
    certificates,
    courses,
    deposit_batches,
    deposits,
    enrolments,
    exports,
    imports,
    organisations,
    people,
    person_overview,
    printout_rows,
    printouts,
    refund_batches,
    screening,
)
from coursekeeper.services.followup import FollowupResult
from tests import factories

MISSING = 987_654
DAY = dt.date(2026, 3, 1)


def _cancelled_course_import(tmp: Path) -> object:
    course_id = factories.course(title="Basic course")
    courses.set_status(course_id, "cancelled")
    book = openpyxl.Workbook()
    book.active.append(["Fornavn", "Etternavn", "E-post"])
    book.active.append(["Ola", "Hansen", "ola@example.no"])
    path = tmp / "list.xlsx"
    book.save(path)
    return imports.commit_import(imports.preview_import(path, course_id=course_id))


def _unknown_screening(tmp: Path) -> object:
    enrolment_id = factories.enrol(factories.course(title="Basic course"), first="Ola")
    return screening.record_screening(enrolment_id=enrolment_id, outcome="maybe")


CASES: dict[str, Callable[[Path], object]] = {
    "assignments": lambda tmp: assignments.end_assignment(assignment_id=MISSING, end_date=DAY),
    "attendance": lambda tmp: attendance.set_attendance(enrolment_id=MISSING, session_id=MISSING, minutes=60),
    "backup": lambda tmp: backup.restore(tmp / "no-such-backup.db"),
    "certificate_batches": lambda tmp: certificate_batches.issue_selected(enrolment_ids=[]),
    "certificates": lambda tmp: certificates.get_certificate(MISSING),
    "courses": lambda tmp: courses.get_course(MISSING),
    "deposit_batches": lambda tmp: deposit_batches.record_payments(enrolment_ids=[], paid_on=DAY),
    "deposits": lambda tmp: deposits.record_payment(enrolment_id=MISSING, amount_ore=-5, paid_on=DAY),
    "enrolments": lambda tmp: enrolments.get_enrolment(MISSING),
    "exports": lambda tmp: exports.export_kind("nonsense", course_id=MISSING, out=tmp / "x.xlsx"),
    "followup": lambda tmp: FollowupResult(created=1, refused=[], dry_run=True).message,
    "imports": _cancelled_course_import,
    "organisations": lambda tmp: organisations.save_own_profile(organisations.OwnProfile(name=" ")),
    "people": lambda tmp: people.get_person(MISSING),
    "person_overview": lambda tmp: person_overview.person_overview(MISSING),
    "printout_rows": lambda tmp: printout_rows.select_certificates(None, None),
    "printouts": lambda tmp: printouts.print_kind("nonsense", course_id=None, out=tmp / "x.pdf"),
    "refund_batches": lambda tmp: refund_batches.record_refunds(enrolment_ids=[], refunded_on=DAY),
    "screening": _unknown_screening,
}


def _text(trigger: Callable[[Path], object], tmp: Path) -> str:
    """The refusal's message (or, for a module whose word is a summary, that summary)."""
    try:
        result = trigger(tmp)
    except CourseKeeperError as refusal:
        return refusal.message
    assert isinstance(result, str), "the trigger neither refused nor returned a message"
    return result


@pytest.mark.parametrize("module", sorted(CASES), ids=lambda m: f"services/{m}.py")
def test_a_refusal_reads_english_when_english_is_chosen(module: str, db, tmp_path: Path) -> None:
    norwegian = _text(CASES[module], tmp_path)
    i18n.set_language("en")
    try:
        english = _text(CASES[module], tmp_path)
    finally:
        i18n.set_language("nb")
    assert english != norwegian, f"services/{module}.py still builds this in Norwegian: {norwegian!r}"
    assert not set("æøåÆØÅ") & set(english), f"services/{module}.py: Norwegian left in {english!r}"
