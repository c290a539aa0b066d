"""Enrolment states, course statuses and screening outcomes, with the allowed transitions."""

from __future__ import annotations

from enum import StrEnum

from coursekeeper.errors import RuleError
from coursekeeper.i18n import N_, tr, tr_marked


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
        """The name shown to the user, in the chosen language."""
        return tr_marked(ENROLMENT_STATE_LABELS[self])


ENROLMENT_STATE_LABELS = {
    EnrolmentState.APPLIED: N_("Søkt"),
    EnrolmentState.WAITLISTED: N_("Venteliste"),
    EnrolmentState.ACCEPTED: N_("Tatt opp"),
    EnrolmentState.REJECTED: N_("Avslått"),
    EnrolmentState.WITHDRAWN: N_("Trukket"),
    EnrolmentState.NO_SHOW: N_("Møtte ikke"),
    EnrolmentState.COMPLETED: N_("Fullført"),
    EnrolmentState.NOT_COMPLETED: N_("Ikke fullført"),
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
        allowed = ", ".join(sorted(s.label for s in TRANSITIONS[current])) or tr("ingen")
        raise RuleError(
            tr(
                "Kan ikke endre status fra «{current}» til «{target}». "
                "Tillatte endringer fra «{current}»: {allowed}.",
                current=current.label,
                target=target.label,
                allowed=allowed,
            )
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
        """The name shown to the user, in the chosen language."""
        return tr_marked(COURSE_STATUS_LABELS[self])


COURSE_STATUS_LABELS = {
    CourseStatus.PLANNED: N_("Planlagt"),
    CourseStatus.OPEN: N_("Åpen for påmelding"),
    CourseStatus.RUNNING: N_("Pågår"),
    CourseStatus.FINISHED: N_("Avsluttet"),
    CourseStatus.CANCELLED: N_("Avlyst"),
}


class ScreeningOutcome(StrEnum):
    """Result of the suitability interview."""

    PENDING = "pending"
    SUITABLE = "suitable"
    FOLLOW_UP = "follow_up"
    UNSUITABLE = "unsuitable"

    @property
    def label(self) -> str:
        """The name shown to the user, in the chosen language."""
        return tr_marked(SCREENING_OUTCOME_LABELS[self])


SCREENING_OUTCOME_LABELS = {
    ScreeningOutcome.PENDING: N_("Ikke vurdert"),
    ScreeningOutcome.SUITABLE: N_("Egnet"),
    ScreeningOutcome.FOLLOW_UP: N_("Følges opp"),
    ScreeningOutcome.UNSUITABLE: N_("Ikke egnet"),
}


def parse_choice(enum_type: type[StrEnum], value: str, what: str) -> StrEnum:
    """The enum member for a code; RuleError naming the allowed codes otherwise."""
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise RuleError(
            tr(
                "Ukjent {what}: «{value}». Gyldige verdier: {allowed}.",
                what=what,
                value=value,
                allowed=allowed,
            )
        ) from None
