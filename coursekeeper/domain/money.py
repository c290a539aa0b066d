"""Money is integer øre; shown the Norwegian way (``1 000 kr``, ``1 234,50 kr``)."""

from __future__ import annotations

import re

from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

ORE_PER_KRONE = 100
_THIN_GROUP = "\u00a0"  # no-break space keeps "1 000 kr" on one line


def kroner(amount: int) -> int:
    """Whole kroner to øre."""
    return amount * ORE_PER_KRONE


def _group(digits: str, separator: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_count(n: int) -> str:
    """A count of people or rows in groups of three: ``100 000`` (no-break space, as the window counts)."""
    return ("-" if n < 0 else "") + _group(str(abs(n)), _THIN_GROUP)


def format_kr(ore: int, *, separator: str = " ", suffix: bool = True) -> str:
    """Format øre as ``1 000 kr`` (``1 234,50 kr`` when there are øre; ``-500 kr`` when negative)."""
    sign = "-" if ore < 0 else ""
    whole, rest = divmod(abs(ore), ORE_PER_KRONE)
    text = sign + _group(str(whole), separator)
    if rest:
        text += f",{rest:02d}"
    return text + (" kr" if suffix else "")


_AMOUNT = re.compile(r"^(?P<sign>-)?(?P<whole>\d+)(?:[.,](?P<frac>\d{1,2}))?$")


def parse_kr(text: str | int | float) -> int:
    """Parse ``1000``, ``1 000 kr``, ``1.000,50``, ``kr 1000,-`` into øre; raises ValidationError."""
    if isinstance(text, bool):
        raise ValidationError(tr("Ugyldig beløp."))
    if isinstance(text, int):
        return text * ORE_PER_KRONE
    if isinstance(text, float):
        return round(text * ORE_PER_KRONE)
    cleaned = str(text).strip().lower()
    for token in ("nok", "kr.", "kr", ",-", ".-"):
        cleaned = cleaned.replace(token, "")
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", cleaned)
    # "1.000,50" → thousands dot; "1.000" alone is ambiguous but means a thousand in Norway.
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d{1,2})?", cleaned):
        cleaned = cleaned.replace(".", "")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise ValidationError(
            tr("«{text}» er ikke et gyldig beløp (skriv for eksempel 1000 eller 1 000 kr).", text=text)
        )
    ore = int(match["whole"]) * ORE_PER_KRONE
    if match["frac"]:
        ore += int(match["frac"].ljust(2, "0"))
    return -ore if match["sign"] else ore
