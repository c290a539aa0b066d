"""The backup rotation at its edges: 7 daily, 4 weekly, 12 monthly, the newest always."""

from __future__ import annotations

import datetime as dt

from coursekeeper.domain.backup_rotation import to_keep


def _days(first: dt.date, count: int) -> list[dt.datetime]:
    return [dt.datetime.combine(first + dt.timedelta(days=n), dt.time(9)) for n in range(count)]


def test_seven_days_keep_one_each_and_the_eighth_day_goes_unless_a_week_needs_it() -> None:
    taken = _days(dt.date(2026, 11, 29), 9)  # Sunday 29.11 (week 48) … Monday 07.12 (week 50)
    kept = to_keep(taken, daily=7, weekly=0, monthly=0)
    assert sorted(kept) == taken[2:]  # 01.12–07.12; the eighth and ninth newest days go
    kept = to_keep(taken, daily=7, weekly=4, monthly=0)
    assert sorted(kept) == [taken[0], *taken[2:]]  # 29.11 is the newest of week 48; 30.11 is not of 49


def test_several_on_one_day_keep_only_the_newest() -> None:
    morning, evening = dt.datetime(2026, 12, 7, 8), dt.datetime(2026, 12, 7, 17)
    yesterday = dt.datetime(2026, 12, 6, 17)
    assert to_keep([morning, evening, yesterday]) == {evening, yesterday}


def test_a_year_of_daily_backups_keeps_at_most_23() -> None:
    taken = _days(dt.date(2025, 12, 8), 365)
    kept = to_keep(taken)
    assert max(taken) in kept
    assert len(kept) <= 7 + 4 + 12
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12  # one per month for the last twelve months that have any
    assert min(kept) == dt.datetime(2026, 1, 31, 9)  # the newest of the twelfth newest month


def test_nothing_to_keep_from_nothing() -> None:
    assert to_keep([]) == set()
