"""The staff roles of a shared server (DESIGN §8), as ``user-add --role`` names them."""

from __future__ import annotations

from enum import StrEnum

from coursekeeper.i18n import N_, tr_marked


class StaffRole(StrEnum):
    """Administrator, course staff, screening, municipal staff."""

    ADMIN = "admin"
    COURSE_STAFF = "course-staff"
    SCREENING = "screening"
    MUNICIPAL = "municipal"

    @property
    def label(self) -> str:
        """The name shown to the user («Kursansatt»), in the chosen language; never the code."""
        return tr_marked(STAFF_ROLE_LABELS[self])


STAFF_ROLE_LABELS = {
    StaffRole.ADMIN: N_("Administrator"),
    StaffRole.COURSE_STAFF: N_("Kursansatt"),
    StaffRole.SCREENING: N_("Egnethetsvurdering"),
    StaffRole.MUNICIPAL: N_("Kommuneansatt"),
}
