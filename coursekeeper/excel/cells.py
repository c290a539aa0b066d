"""Cell values as people type them → clean Python values, or a plain Norwegian reason."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat

from coursekeeper.domain.dates import MONTH_NAMES, format_date, parse_date
from coursekeeper.domain.identity_numbers import is_identity_number
from coursekeeper.domain.money import parse_kr
from coursekeeper.domain.text import normalise_name
from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (Excel's 1900 leap-year bug included)
_SERIAL_MIN, _SERIAL_MAX = 1, 73050  # 1900-01-01 … 2099-12-31: a date column's plausible serials
_D_M_Y = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$")
_TIME_TAIL = re.compile(r"[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$")
_PHONE_NOISE = re.compile(r"[\s.\-()/\u00a0]")
_MESSY_SPACE = re.compile(r"\s\s|[^\S ]")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_LABEL = r"[a-z0-9æøåäöü](?:[a-z0-9æøåäöü-]*[a-z0-9æøåäöü])?"
_EMAIL = re.compile(rf"^[^@\s\"(),:;<>\[\\\]]+@{_LABEL}(?:\.{_LABEL})*\.[a-z]{{2,}}$")
_ID_RUN = re.compile(r"(?<!\d)(?:\d{6}[ .-]?\d{5}|\d{10})(?!\d)")
_NON_DIGIT = re.compile(r"\D")
_WORD_START = re.compile(r"(^|[-'’])(\w)")
_ANGLE = re.compile(r"<([^<>]+)>")
_EMAIL_SEPARATORS = re.compile(r"[;,\s]+")
_THREE_DIGITS = re.compile(r"\d{3}")
_YES = {"ja", "j", "yes", "y", "x", "✓", "✔", "true", "sant", "betalt", "ok", "paid", "1"}
_NO = {"nei", "n", "no", "false", "usant", "ikke betalt", "ubetalt", "unpaid", "-", "0"}
_PARTICLES = {"van", "von", "de", "der", "den", "af", "av", "di", "da", "du", "des", "la", "le"}


_MONTHS = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    name[:3]: i + 1 for i, name in enumerate(MONTH_NAMES)
}


class CellValueError(ValueError):
    """A value that cannot be used; ``reason`` is a plain Norwegian sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def is_blank(value: object) -> bool:
    """True for an empty cell: None, '' or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: object) -> str:
    """A cell value quoted for a message, with identity numbers hidden."""
    if isinstance(value, dt.datetime | dt.date):
        text = format_date(value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value).strip()
    text = mask_identity_numbers(text)
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


def mask_identity_numbers(text: str) -> str:
    """``text`` with every possible fødselsnummer replaced by asterisks.

    Any 11-digit run is masked, and a 10-digit run too when a lost leading zero (a number cell)
    makes it a valid one.
    """
    if len(text) < 10 or not _ID_RUN.search(text):
        return text
    return _ID_RUN.sub(lambda m: "***********" if _is_id_run(m.group(0), strict=False) else m.group(0), text)


def scrub_identity_numbers(text: str) -> tuple[str, bool]:
    """Remove valid fødselsnummer from free text; returns the text and whether any were removed."""
    if len(text) < 10 or not _ID_RUN.search(text):
        return text, False  # no 10- or 11-digit run: nothing to look at (most texts)
    found = False

    def replace(match: re.Match[str]) -> str:
        nonlocal found
        if _is_id_run(match.group(0), strict=True):
            found = True
            return "[fødselsnummer fjernet]"
        return match.group(0)

    return _ID_RUN.sub(replace, text), found


def _is_id_run(run: str, *, strict: bool) -> bool:
    digits = _NON_DIGIT.sub("", run)
    if len(digits) == 10:
        return is_identity_number("0" + digits)
    return not strict or is_identity_number(digits)


def clean_text(value: object) -> str:
    """Any cell as trimmed, single-spaced NFC text ('' for blank); 5003.0 → '5003'."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        # Fast path: most cells are already NFC with single spaces (normalise_name is ~4× slower).
        # A printable text has no whitespace but the plain space, so "  " is the only mess left.
        if "  " not in text and text.isprintable() and unicodedata.is_normalized("NFC", text):
            return text
        if not _MESSY_SPACE.search(text) and unicodedata.is_normalized("NFC", text):
            return text
        return normalise_name(value)
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return format_date(value)
    return normalise_name(str(value))


def clean_name(value: object, *, fix_case: bool = True) -> str:
    """A trimmed NFC name; ALL CAPS or all lower case becomes ``Title Case`` (æøå kept)."""
    name = clean_text(value)
    if not fix_case or not name:
        return name
    if not (name.isupper() or name.islower()) or sum(1 for ch in name if ch.isalpha()) < 2:
        return name  # mixed case is how the person writes it: McDonald, van der Berg
    words = []
    for position, word in enumerate(name.lower().split(" ")):
        if position and word in _PARTICLES:
            words.append(word)
        else:
            words.append(_WORD_START.sub(_upper_initial, word))
    return " ".join(words)


def _upper_initial(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2).upper()


def split_full_name(value: object) -> tuple[str, str]:
    """``Etternavn, Fornavn`` or ``Fornavn Etternavn`` → (first, last); see docs/excel.md."""
    text = clean_text(value)
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    words = text.split(" ")
    if len(words) == 1:
        return words[0], ""
    # The last word is the last name, with particles before it (Ludwig van Beethoven). A
    # Norwegian double surname without hyphen (Kari Hansen Berg) cannot be told from a middle
    # name; the full name prints the same either way, and "Hansen Berg, Kari" is exact.
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def parse_date_cell(value: object, *, today: dt.date | None = None) -> dt.date | None:
    """Date cells, Excel serials and text dates → date; None for blank; else CellValueError."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellValueError(tr("{verdi} er ikke en dato.", verdi=shown(value)))
    if isinstance(value, int | float):
        if _SERIAL_MIN <= value <= _SERIAL_MAX and float(value).is_integer():
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellValueError(tr("{verdi} er ikke en dato. Skriv datoen som dd.mm.åååå.", verdi=shown(value)))
    text = _TIME_TAIL.sub("", str(value).strip())  # "09.04.1985 00:00" from some exports
    match = _D_M_Y.match(text)
    if match:
        text = ".".join(match.groups())
    else:
        named = _D_MONTH_Y.match(text.lower())
        if named and named.group(2) in _MONTHS:
            text = f"{named.group(1)}.{_MONTHS[named.group(2)]}.{named.group(3)}"
        elif not _ISO.match(text):
            raise CellValueError(
                tr(
                    "{verdi} er ikke en dato. Skriv datoen som dd.mm.åååå, for eksempel 09.04.1985.",
                    verdi=shown(value),
                )
            )
    try:
        return parse_date(text, today=today)
    except ValidationError:
        raise CellValueError(tr("{verdi} er ingen gyldig dato.", verdi=shown(value))) from None


def check_birth_date(day: dt.date, *, today: dt.date | None = None) -> None:
    """Refuse birth dates in the future or before 1900."""
    if day > (today or dt.date.today()):
        raise CellValueError(tr("Fødselsdatoen {dato} ligger fram i tid.", dato=format_date(day)))
    if day.year < 1900:
        raise CellValueError(tr("Fødselsdatoen {dato} er før 1900.", dato=format_date(day)))


def _wrong_phone(value: object) -> CellValueError:
    return CellValueError(tr("Telefonnummeret {verdi} ser ikke riktig ut.", verdi=shown(value)))


def _not_postal_code(value: object) -> CellValueError:
    return CellValueError(tr("{verdi} er ikke et postnummer (fire sifre).", verdi=shown(value)))


def parse_phone(value: object) -> str | None:
    """A phone number as E.164 (``+4791234567``); None for blank; else CellValueError."""
    if type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is int and (20_000_000 <= value < 80_000_000 or 90_000_000 <= value < 100_000_000):
        # A number cell with an 8-digit Norwegian number starting 2-7 or 9 (most lists): the
        # same answer as the steps below, without them.
        national = str(value)
        if not _valid_prefix(national[:2], value):
            raise _wrong_phone(value)
        return f"+47{national}"
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # A positive whole number has nothing for _PHONE_NOISE to take out.
    plain = type(value) is int and value >= 0
    digits = str(value) if plain else _PHONE_NOISE.sub("", str(value).strip())
    national = _norwegian_national(digits)
    if national is not None:
        if national[0] in "2345679":
            # Norwegian mobile and landline ranges are decided by the first two digits
            # (test_phone_validity_follows_the_first_two_digits checks this against the
            # library); asking phonenumbers once per prefix saves ~15 µs a row.
            if not _valid_prefix(national[:2], int(national)):
                raise _wrong_phone(value)
            return f"+47{national}"
        number = PhoneNumber(country_code=47, national_number=int(national))
    else:
        try:
            number = phonenumbers.parse(digits, "NO")
        except phonenumbers.NumberParseException:
            raise CellValueError(tr("{verdi} er ikke et telefonnummer.", verdi=shown(value))) from None
    if not phonenumbers.is_valid_number(number):
        raise _wrong_phone(value)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


_PREFIX_VALID: dict[str, bool] = {}


def _valid_prefix(prefix: str, national: int) -> bool:
    if prefix not in _PREFIX_VALID:
        number = PhoneNumber(country_code=47, national_number=national)
        _PREFIX_VALID[prefix] = phonenumbers.is_valid_number(number)
    return _PREFIX_VALID[prefix]


def _norwegian_national(digits: str) -> str | None:
    if len(digits) != 8:  # with a prefix the number is 10 to 12 characters long
        for prefix in ("+47", "0047", "47"):
            if digits.startswith(prefix) and len(digits) == len(prefix) + 8:
                digits = digits[len(prefix) :]
                break
    if len(digits) == 8 and digits.isdigit() and digits[0] != "0":
        return digits
    return None


def format_phone(e164: str | None) -> str:
    """``+4791234567`` → ``912 34 567`` (mobile), ``22 12 34 56`` (landline), foreign in full."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "NO")
    except phonenumbers.NumberParseException:
        return e164
    national = str(number.national_number)
    if number.country_code == 47:
        if len(national) == 8 and national[0] in "49":
            return f"{national[:3]} {national[3:5]} {national[5:]}"
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)


def parse_email(value: object) -> tuple[str | None, bool]:
    """Trimmed, lower-cased e-mail; (address, more_than_one); None for blank; else CellValueError."""
    if is_blank(value):
        return None, False
    text = unicodedata.normalize("NFC", str(value)).strip().lower()
    text = text.removeprefix("mailto:")
    angle = _ANGLE.search(text) if "<" in text else None  # "Ola Nordmann <ola@example.no>"
    if angle:
        text = angle.group(1).strip()
    if _EMAIL.match(text) and ".." not in text:
        return text, False  # one valid address (the common case): _EMAIL allows no separators
    parts = [p for p in _EMAIL_SEPARATORS.split(text) if p]
    address = parts[0] if parts else ""
    if not _EMAIL.match(address) or ".." in address:
        raise CellValueError(f"{shown(value)} er ikke en gyldig e-postadresse.")
    return address, len(parts) > 1


@dataclass(frozen=True)
class Payment:
    """What a "Betalt" cell says: paid or not, and maybe the amount and the day."""

    paid: bool | None = None
    amount_ore: int | None = None
    paid_on: dt.date | None = None


def parse_paid(value: object, *, today: dt.date | None = None) -> Payment:
    """ja/nei/x/yes/no/true/false/1/0, an amount (``1 000 kr``) or a payment date."""
    if is_blank(value):
        return Payment()
    if isinstance(value, bool):
        return Payment(paid=value)
    if isinstance(value, dt.datetime | dt.date):
        return Payment(paid=True, paid_on=parse_date_cell(value))
    if isinstance(value, int | float):
        if value in (0, 1):
            return Payment(paid=bool(value))
        return _amount(value, value)
    text = normalise_name(str(value)).lower()
    if text in _YES:
        return Payment(paid=True)
    if text in _NO:
        return Payment(paid=False)
    if _D_M_Y.match(text) or _ISO.match(text):
        return Payment(paid=True, paid_on=parse_date_cell(text, today=today))
    try:
        return _amount(parse_kr(text) / 100, value)
    except ValidationError:
        raise CellValueError(
            tr(
                "{verdi} er verken ja/nei, et beløp eller en dato. Skriv for eksempel ja, "
                "1000 eller 09.04.2026.",
                verdi=shown(value),
            )
        ) from None


def _amount(kroner: float, original: object) -> Payment:
    if kroner < 0:
        raise CellValueError(tr("Beløpet {verdi} er negativt.", verdi=shown(original)))
    ore = round(kroner * 100)
    return Payment(paid=ore > 0, amount_ore=ore)


def parse_postal_code(value: object) -> str:
    """Four digits as text; 150.0 (a number cell lost the zero) → ``0150``; else CellValueError."""
    if is_blank(value):
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 0 < value < 10000:
            return f"{int(value):04d}"
        raise _not_postal_code(value)
    text = "".join(str(value).split())
    if len(text) == 4 and text.isdigit():
        return text
    if _THREE_DIGITS.fullmatch(text):
        return "0" + text
    raise _not_postal_code(value)
