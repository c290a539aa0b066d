"""The six-month rule: when a paid deposit becomes refundable through an assignment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coursekeeper.domain.dates import add_months

QUALIFYING_MONTHS = 6


@dataclass(frozen=True)
class AssignmentPeriod:
    """An assignment's start and (optional) end; ``end is None`` while it is running."""

    start: dt.date
    end: dt.date | None = None


def qualifying_date(start: dt.date, months: int = QUALIFYING_MONTHS) -> dt.date:
    """The date ``months`` calendar months after ``start`` (clamped to the month's end)."""
    return add_months(start, months)


def reached_on(period: AssignmentPeriod, months: int = QUALIFYING_MONTHS) -> dt.date | None:
    """The date the assignment reached ``months`` months, or None if it ended before that day.

    An assignment that ends on the qualifying day itself counts; one that ends the day before
    does not.
    """
    day = qualifying_date(period.start, months)
    if period.end is not None and period.end < day:
        return None
    return day


def refundable_since(
    periods: list[AssignmentPeriod], as_of: dt.date, months: int = QUALIFYING_MONTHS
) -> tuple[AssignmentPeriod, dt.date] | None:
    """The earliest assignment that had reached ``months`` months on or before ``as_of``."""
    best: tuple[AssignmentPeriod, dt.date] | None = None
    for period in periods:
        day = reached_on(period, months)
        if day is not None and day <= as_of and (best is None or day < best[1]):
            best = (period, day)
    return best
