"""Calendar arithmetic and Norwegian date display."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

MONTH_NAMES = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months, clamped to the month's end (31.08 + 6 → 28./29.02)."""
    index = day.month - 1 + months
    year, month0 = divmod(index, 12)
    year += day.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def format_date(day: dt.date | None) -> str:
    """``09.04.2026``; empty text for no date."""
    return day.strftime("%d.%m.%Y") if day else ""


def format_datetime(moment: dt.datetime | None) -> str:
    """``09.04.2026 14:05``; empty text for no time."""
    return moment.strftime("%d.%m.%Y %H:%M") if moment else ""


def parse_iso_date(text: str, *, field: str = "dato") -> dt.date:
    """Parse ``YYYY-MM-DD`` (command line); raises a Norwegian ValidationError."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(
            tr(
                "Ugyldig {field}: «{text}». Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2026-04-09.",
                field=field,
                text=text,
            )
        ) from None


_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def parse_date(text: str, *, field: str = "dato", today: dt.date | None = None) -> dt.date:
    """Parse ``09.04.2026``, ``9.4.26`` or ``2026-04-09``; two-digit years are never in the future."""
    value = text.strip()
    match = _NORWEGIAN_DATE.match(value)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            if len(match.group(3)) == 2:
                this_year = (today or dt.date.today()).year
                year += 2000 if 2000 + year <= this_year else 1900
            return dt.date(year, month, day)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            tr(
                "Ugyldig {field}: «{text}». Skriv datoen som dd.mm.åååå, for eksempel 09.04.2026.",
                field=field,
                text=text,
            )
        ) from None


def format_day_ranges(days: list[dt.date]) -> str:
    """Dates as people write them: ``9.–11. april og 24.–25. april 2026``."""
    unique = sorted(set(days))
    if not unique:
        return ""
    runs: list[list[dt.date]] = [[unique[0]]]
    for day in unique[1:]:
        if (day - runs[-1][-1]).days == 1 and day.month == runs[-1][-1].month:
            runs[-1].append(day)
        else:
            runs.append([day])
    years = {d.year for d in unique}
    parts = []
    for run in runs:
        first, last = run[0], run[-1]
        text = f"{first.day}." if first == last else f"{first.day}.–{last.day}."
        text += f" {MONTH_NAMES[first.month - 1]}"
        if len(years) > 1:
            text += f" {first.year}"
        parts.append(text)
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]
    return joined if len(years) > 1 else f"{joined} {unique[0].year}"
