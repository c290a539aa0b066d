"""Values as the database driver hands them over, for queries read without peewee's conversions.

Reading a large list through a raw cursor skips peewee's per-value conversion (the larger part of
the time at 100,000 rows); SQLite then gives dates and times as ISO text, PostgreSQL as objects.
"""

from __future__ import annotations

import datetime as dt


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a driver value (ISO text on SQLite)."""
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def as_datetime(value: dt.datetime | str | None) -> dt.datetime | None:
    """A date and time from a driver value (ISO text on SQLite)."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value
