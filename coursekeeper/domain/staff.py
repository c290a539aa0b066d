"""The staff roles of a shared server (DESIGN §8), as ``user-add --role`` names them."""

from __future__ import annotations

from enum import StrEnum


class StaffRole(StrEnum):
    """Administrator, course staff, screening, municipal staff."""

    ADMIN = "admin"
    COURSE_STAFF = "course-staff"
    SCREENING = "screening"
    MUNICIPAL = "municipal"
