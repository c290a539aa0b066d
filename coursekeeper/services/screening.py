"""Suitability screening: outcomes gate acceptance; notes are sensitive and every look is logged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coursekeeper.db.connection import database
from coursekeeper.db.models import Screening, now
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.domain.states import ScreeningOutcome, parse_choice
from coursekeeper.i18n import tr
from coursekeeper.services import audit
from coursekeeper.services.enrolments import get_enrolment
from coursekeeper.services.versions import check_version


@dataclass(frozen=True)
class ScreeningView:
    """A screening as the screening dialog shows it, notes included (opened on purpose)."""

    enrolment_id: int
    date: dt.date | None
    interviewer: str
    outcome: ScreeningOutcome
    notes: str
    version: int | None = None


def _redacted(row: Screening | None) -> dict | None:
    return audit.snapshot(row, redact=("notes",))


def record_screening(
    *,
    enrolment_id: int,
    outcome: str,
    date: dt.date | None = None,
    interviewer: str = "",
    notes: str = "",
    based_on: int | None = None,
) -> ScreeningView:
    """Create or change the screening of an enrolment (the change is logged, the notes hidden)."""
    result = parse_choice(ScreeningOutcome, outcome, tr("vurdering"))
    refuse_identity_numbers(interviewer, tr("Intervjuer"))
    refuse_identity_numbers(notes, tr("Notater fra vurderingen"))
    with database.atomic():
        enrolment = get_enrolment(enrolment_id)
        row = Screening.get_or_none(Screening.enrolment == enrolment)
        if row is not None:
            check_version(Screening, row.id, based_on, "screening")
            row = Screening.get_by_id(row.id)
        before = _redacted(row)
        if row is None:
            row = Screening(enrolment=enrolment)
        row.outcome, row.date = result, date
        row.interviewer, row.notes = interviewer.strip(), notes
        row.updated_at = now()
        row.save()
        audit.record("screening_change", "screening", row.id, before=before, after=_redacted(row))
    return ScreeningView(enrolment_id, date, row.interviewer, result, notes, row.version)


def open_screening(enrolment_id: int) -> ScreeningView:
    """The screening with its notes; opening it is recorded in the audit log."""
    with database.atomic():
        enrolment = get_enrolment(enrolment_id)
        row = Screening.get_or_none(Screening.enrolment == enrolment)
        audit.record(
            "screening_view",
            "screening",
            row.id if row else None,
            after={"enrolment": enrolment_id},
        )
    if row is None:  # version 0: a save from this form is refused once someone created one
        return ScreeningView(enrolment_id, None, "", ScreeningOutcome.PENDING, "", 0)
    return ScreeningView(
        enrolment_id, row.date, row.interviewer, ScreeningOutcome(row.outcome), row.notes, row.version
    )
