"""Which automatic backups to keep: the newest of each of the last days, weeks and months."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def to_keep(
    taken: Iterable[dt.datetime], *, daily: int = DAILY, weekly: int = WEEKLY, monthly: int = MONTHLY
) -> set[dt.datetime]:
    """The backups to keep of those taken at ``taken``: the newest of each of the ``daily`` newest
    days that have one, of each of the ``weekly`` newest ISO weeks, and of each of the ``monthly``
    newest months (grandfather–father–son). The newest backup is always kept."""
    newest_first = sorted(set(taken), reverse=True)
    keep: set[dt.datetime] = set(newest_first[:1])
    for period, count in (
        (lambda t: t.date(), daily),
        (lambda t: t.isocalendar()[:2], weekly),
        (lambda t: (t.year, t.month), monthly),
    ):
        seen: list[object] = []
        for moment in newest_first:
            key = period(moment)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(moment)
    return keep
