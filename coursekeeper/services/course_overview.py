"""A course's page in one go: enrolment rows with screening outcome, deposit, hours, certificate."""

from __future__ import annotations

from coursekeeper.db.models import Course


def has_courses() -> bool:
    """True when at least one course exists (first-start check)."""
    return Course.select(Course.id).exists()
