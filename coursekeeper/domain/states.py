"""Enrolment states, course statuses and screening outcomes, with the allowed transitions."""

from __future__ import annotations

from enum import StrEnum

from coursekeeper.errors import RuleError


class EnrolmentState(StrEnum):
    """An enrolment's state; stored as the English code, shown in Norwegian."""

    APPLIED = "applied"
    WAITLISTED = "waitlisted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_SHOW = "no_show"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"

    @property
    def label(self) -> str:
        """Norwegian name shown to the user."""
        return ENROLMENT_STATE_LABELS[self]


ENROLMENT_STATE_LABELS = {
    EnrolmentState.APPLIED: "Søkt",
    EnrolmentState.WAITLISTED: "Venteliste",
    EnrolmentState.ACCEPTED: "Tatt opp",
    EnrolmentState.REJECTED: "Avslått",
    EnrolmentState.WITHDRAWN: "Trukket",
    EnrolmentState.NO_SHOW: "Møtte ikke",
    EnrolmentState.COMPLETED: "Fullført",
    EnrolmentState.NOT_COMPLETED: "Ikke fullført",
}

S = EnrolmentState
TRANSITIONS: dict[EnrolmentState, frozenset[EnrolmentState]] = {
    S.APPLIED: frozenset({S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.ACCEPTED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset({S.WITHDRAWN, S.NO_SHOW, S.COMPLETED, S.NOT_COMPLETED}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.NO_SHOW: frozenset(),
    S.COMPLETED: frozenset(),
    S.NOT_COMPLETED: frozenset(),
}

#: States that hold a seat on the course.
SEAT_HOLDING = frozenset({S.ACCEPTED, S.COMPLETED, S.NOT_COMPLETED, S.NO_SHOW})


def check_transition(current: EnrolmentState, target: EnrolmentState) -> None:
    """Raise RuleError unless ``current → target`` is allowed."""
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.label for s in TRANSITIONS[current])) or "ingen"
        raise RuleError(
            f"Kan ikke endre status fra «{current.label}» til «{target.label}». "
            f"Tillatte endringer fra «{current.label}»: {allowed}."
        )


class CourseStatus(StrEnum):
    """A course's life cycle."""

    PLANNED = "planned"
    OPEN = "open"
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Norwegian name shown to the user."""
        return COURSE_STATUS_LABELS[self]


COURSE_STATUS_LABELS = {
    CourseStatus.PLANNED: "Planlagt",
    CourseStatus.OPEN: "Åpen for påmelding",
    CourseStatus.RUNNING: "Pågår",
    CourseStatus.FINISHED: "Avsluttet",
    CourseStatus.CANCELLED: "Avlyst",
}


class ScreeningOutcome(StrEnum):
    """Result of the suitability interview."""

    PENDING = "pending"
    SUITABLE = "suitable"
    FOLLOW_UP = "follow_up"
    UNSUITABLE = "unsuitable"

    @property
    def label(self) -> str:
        """Norwegian name shown to the user."""
        return SCREENING_OUTCOME_LABELS[self]


SCREENING_OUTCOME_LABELS = {
    ScreeningOutcome.PENDING: "Ikke vurdert",
    ScreeningOutcome.SUITABLE: "Egnet",
    ScreeningOutcome.FOLLOW_UP: "Følges opp",
    ScreeningOutcome.UNSUITABLE: "Ikke egnet",
}


def parse_choice(enum_type: type[StrEnum], value: str, what: str) -> StrEnum:
    """The enum member for a code; RuleError naming the allowed codes otherwise."""
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise RuleError(f"Ukjent {what}: «{value}». Gyldige verdier: {allowed}.") from None
