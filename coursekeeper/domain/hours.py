"""Hours as people read them: «1 time», «7,5 timer» (English «1 hour», «7.5 hours»)."""

from __future__ import annotations

from coursekeeper import i18n
from coursekeeper.i18n import tr


def hours_number(minutes: int) -> str:
    """Minutes as hours (at most two decimals) with the language's decimal mark: «7,5» or «7.5»."""
    number = f"{round(minutes / 60, 2):g}"
    return number if i18n.language() == "en" else number.replace(".", ",")


def hours_text(minutes: int) -> str:
    """«1 time» for exactly one hour, otherwise «{n} timer» (also «0,5 timer»)."""
    if minutes == 60:
        return tr("1 time")
    return tr("{timer} timer", timer=hours_number(minutes))
