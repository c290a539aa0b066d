"""Norwegian national identity numbers (fødselsnummer, D-nummer): detect, never store."""

from __future__ import annotations

import datetime as dt
import re

from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

_ELEVEN_DIGITS = re.compile(r"^\d{11}$")
_NOISE = re.compile(r"[\s.\-]")  # spaces, dots and dashes people type inside the number
_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _digits(value: object) -> str | None:
    """The 11 digits of ``value`` without spaces, dots and dashes, or None.

    Fast paths for the cells a sheet is made of (short text, names, phone numbers): they are
    refused without a regex. ``str.isdecimal`` is exactly what ``\\d`` matches in a str pattern.
    """
    kind = type(value)
    if kind is str:
        text = value.strip()  # type: ignore[attr-defined]
        size = len(text)
        if size < 11:
            return None  # taking characters out never makes a text longer
        if size == 11:
            return text if text.isdecimal() else None
        first, last = text[0], text[-1]
        if not (first.isdecimal() or first in ".-") or not (last.isdecimal() or last in ".-"):
            return None  # a letter at either end stays after the noise is taken out
        text = _NOISE.sub("", text)
        return text if len(text) == 11 and text.isdecimal() else None
    if kind is int or kind is float:  # not bool: type(True) is bool
        text = f"{int(value):011d}"  # type: ignore[call-overload]
        return text if len(text) == 11 and text.isdecimal() else None
    if value is None:
        return None
    text = _NOISE.sub("", str(value).strip())
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{int(value):011d}"
    return text if _ELEVEN_DIGITS.match(text) else None


def _birth_date(digits: str) -> dt.date | None:
    day, month = int(digits[0:2]), int(digits[2:4])
    if day > 40:  # D-nummer
        day -= 40
    if month > 40:  # test numbers from Skatteetaten (synthetic)
        month -= 80 if month > 80 else 40
    yy, individual = int(digits[4:6]), int(digits[6:9])
    if individual <= 499:
        century = 1900
    elif individual <= 749 and yy >= 54:
        century = 1800
    elif individual <= 999 and yy <= 39:
        century = 2000
    elif 900 <= individual <= 999 and yy >= 40:
        century = 1900
    else:
        return None
    try:
        return dt.date(century + yy, month, day)
    except ValueError:
        return None


def _check_digits_ok(digits: str) -> bool:
    nums = [int(c) for c in digits]
    k1 = 11 - sum(w * n for w, n in zip(_W1, nums[:9], strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    k2 = 11 - sum(w * n for w, n in zip(_W2, nums[:10], strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    if k1 != 10 and k2 != 10 and nums[9] == k1 and nums[10] == k2:
        return True
    # From 2032 the first check digit may be any value with sum ≡ 0, 1, 2 or 3 (mod 11)
    # weighted as before; the second stays mod 11.
    s1 = sum(w * n for w, n in zip((*_W1, 1), nums[:10], strict=True)) % 11
    return s1 in (0, 1, 2, 3) and k2 != 10 and nums[10] == k2


def is_identity_number(value: object) -> bool:
    """True for an 11-digit fødselsnummer/D-nummer with a real birth date and valid check digits."""
    digits = _digits(value)
    return bool(digits) and _birth_date(digits) is not None and _check_digits_ok(digits)


def birth_date_from_identity_number(value: object) -> dt.date | None:
    """The birth date encoded in a valid identity number, else None."""
    digits = _digits(value)
    if not digits or not _check_digits_ok(digits):
        return None
    return _birth_date(digits)


def looks_like_identity_column(values: list[object], threshold: float = 0.6) -> bool:
    """True when most filled cells of a column are valid identity numbers."""
    filled = [v for v in values if v not in (None, "")]
    if not filled:
        return False
    hits = sum(1 for v in filled if is_identity_number(v))
    return hits / len(filled) >= threshold


# Eleven digits, each pair maybe split by one space, dot or dash, not inside a longer digit run.
# A lookahead finds overlapping candidates, so "12 01017012345" still finds the number.
_CANDIDATE = re.compile(r"(?<!\d)(?=(\d(?:[ .\-]?\d){10})(?!\d))")


def contains_identity_number(text: str | None) -> bool:
    """True when typed free text holds a valid fødselsnummer/D-nummer anywhere (spaced or not)."""
    if not text or sum(ch.isdigit() for ch in text) < 11:
        return False
    return any(is_identity_number(m.group(1)) for m in _CANDIDATE.finditer(text))


def identity_number_problem(text: str | None) -> str:
    """The sentence a form shows under a field holding a fødselsnummer; '' when there is none."""
    if not contains_identity_number(text):
        return ""
    return tr("Teksten inneholder et fødselsnummer. Fødselsnummer skal ikke lagres; ta det bort.")


def refuse_identity_numbers(text: str | None, field_label: str) -> None:
    """Refuse typed text that holds an identity number (DESIGN §6), naming the field."""
    if contains_identity_number(text):
        raise IdentityNumberRefused(field_label)


class IdentityNumberRefused(ValidationError):
    """Typed text held a fødselsnummer; ``field_label`` names the field to show it at."""

    def __init__(self, field_label: str) -> None:
        super().__init__(
            tr(
                "{felt} inneholder et fødselsnummer. Fødselsnummer skal ikke lagres i CourseKeeper; "
                "ta det bort (fødselsdatoen kan stå i eget felt).",
                felt=field_label,
            )
        )
        self.field_label = field_label
