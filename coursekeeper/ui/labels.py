"""Translated display names for the domain's codes (states, outcomes, statuses)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coursekeeper.domain.deposits import DepositStatus
from coursekeeper.domain.staff import StaffRole
from coursekeeper.domain.states import CourseStatus, EnrolmentState, ScreeningOutcome


def enrolment_state(state: str) -> str:
    """``accepted`` → «Tatt opp» (or the English translation)."""
    names = {
        EnrolmentState.APPLIED: QCoreApplication.translate("labels", "Søkt"),
        EnrolmentState.WAITLISTED: QCoreApplication.translate("labels", "Venteliste"),
        EnrolmentState.ACCEPTED: QCoreApplication.translate("labels", "Tatt opp"),
        EnrolmentState.REJECTED: QCoreApplication.translate("labels", "Avslått"),
        EnrolmentState.WITHDRAWN: QCoreApplication.translate("labels", "Trukket"),
        EnrolmentState.NO_SHOW: QCoreApplication.translate("labels", "Møtte ikke"),
        EnrolmentState.COMPLETED: QCoreApplication.translate("labels", "Fullført"),
        EnrolmentState.NOT_COMPLETED: QCoreApplication.translate("labels", "Ikke fullført"),
    }
    return names.get(state, str(state))


def course_status(status: str) -> str:
    """``open`` → «Åpen for påmelding»."""
    names = {
        CourseStatus.PLANNED: QCoreApplication.translate("labels", "Planlagt"),
        CourseStatus.OPEN: QCoreApplication.translate("labels", "Åpen for påmelding"),
        CourseStatus.RUNNING: QCoreApplication.translate("labels", "Pågår"),
        CourseStatus.FINISHED: QCoreApplication.translate("labels", "Avsluttet"),
        CourseStatus.CANCELLED: QCoreApplication.translate("labels", "Avlyst"),
    }
    return names.get(status, str(status))


def screening_outcome(outcome: str) -> str:
    """``suitable`` → «Egnet»."""
    names = {
        ScreeningOutcome.PENDING: QCoreApplication.translate("labels", "Ikke vurdert"),
        ScreeningOutcome.SUITABLE: QCoreApplication.translate("labels", "Egnet"),
        ScreeningOutcome.FOLLOW_UP: QCoreApplication.translate("labels", "Følges opp"),
        ScreeningOutcome.UNSUITABLE: QCoreApplication.translate("labels", "Ikke egnet"),
    }
    return names.get(outcome, str(outcome))


def deposit_status(status: str) -> str:
    """``paid`` → «Betalt»."""
    names = {
        DepositStatus.UNPAID: QCoreApplication.translate("labels", "Ikke betalt"),
        DepositStatus.PAID: QCoreApplication.translate("labels", "Betalt"),
        DepositStatus.REFUND_DUE: QCoreApplication.translate("labels", "Skal tilbakebetales"),
        DepositStatus.REFUNDED: QCoreApplication.translate("labels", "Tilbakebetalt"),
        DepositStatus.FORFEITED: QCoreApplication.translate("labels", "Beholdt"),
        DepositStatus.WAIVED: QCoreApplication.translate("labels", "Fritatt"),
    }
    return names.get(status, str(status))


def staff_role(role: str) -> str:
    """``course-staff`` → «Kursansatt»: a staff role on a shared server (DESIGN §8)."""
    return StaffRole(role).label
