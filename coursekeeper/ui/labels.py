"""Translated display names for the domain's codes (states, outcomes, statuses)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coursekeeper.domain.deposits import DepositStatus
from coursekeeper.domain.states import CourseStatus, EnrolmentState, ScreeningOutcome


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def enrolment_state(state: str) -> str:
    """``accepted`` → «Tatt opp» (or the English translation)."""
    names = {
        EnrolmentState.APPLIED: _tr("Søkt"),
        EnrolmentState.WAITLISTED: _tr("Venteliste"),
        EnrolmentState.ACCEPTED: _tr("Tatt opp"),
        EnrolmentState.REJECTED: _tr("Avslått"),
        EnrolmentState.WITHDRAWN: _tr("Trukket"),
        EnrolmentState.NO_SHOW: _tr("Møtte ikke"),
        EnrolmentState.COMPLETED: _tr("Fullført"),
        EnrolmentState.NOT_COMPLETED: _tr("Ikke fullført"),
    }
    return names.get(state, str(state))


def course_status(status: str) -> str:
    """``open`` → «Åpen for påmelding»."""
    names = {
        CourseStatus.PLANNED: _tr("Planlagt"),
        CourseStatus.OPEN: _tr("Åpen for påmelding"),
        CourseStatus.RUNNING: _tr("Pågår"),
        CourseStatus.FINISHED: _tr("Avsluttet"),
        CourseStatus.CANCELLED: _tr("Avlyst"),
    }
    return names.get(status, str(status))


def screening_outcome(outcome: str) -> str:
    """``suitable`` → «Egnet»."""
    names = {
        ScreeningOutcome.PENDING: _tr("Ikke vurdert"),
        ScreeningOutcome.SUITABLE: _tr("Egnet"),
        ScreeningOutcome.FOLLOW_UP: _tr("Følges opp"),
        ScreeningOutcome.UNSUITABLE: _tr("Ikke egnet"),
    }
    return names.get(outcome, str(outcome))


def deposit_status(status: str) -> str:
    """``paid`` → «Betalt»."""
    names = {
        DepositStatus.UNPAID: _tr("Ikke betalt"),
        DepositStatus.PAID: _tr("Betalt"),
        DepositStatus.REFUND_DUE: _tr("Skal tilbakebetales"),
        DepositStatus.REFUNDED: _tr("Tilbakebetalt"),
        DepositStatus.FORFEITED: _tr("Beholdt"),
        DepositStatus.WAIVED: _tr("Fritatt"),
    }
    return names.get(status, str(status))
