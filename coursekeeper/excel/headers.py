"""Find the header row and match its columns to fields, by Norwegian and English names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coursekeeper.errors import ValidationError
from coursekeeper.excel.safety import column_letters
from coursekeeper.i18n import tr

HEADER_SCAN_ROWS = 15  # title rows people put above the header: one or two, rarely more

FIELD_LABELS = {
    "first_name": "Fornavn",
    "last_name": "Etternavn",
    "full_name": "Navn",
    "email": "E-post",
    "phone": "Telefon",
    "birth_date": "Fødselsdato",
    "identity_number": "Fødselsnummer",
    "address": "Adresse",
    "postal_code": "Postnummer",
    "city": "Poststed",
    "municipality": "Kommune",
    "paid": "Betalt",
    "note": "Merknad",
}

# Written as people write them; matched after header_key() folding, so "E-post", "Epost" and
# "e post" are one entry, and so are "Fødselsdato"/"Foedselsdato" and "Født"/"Fodt".
_SYNONYMS = {
    "first_name": ["Fornavn", "Fornamn", "Førenamn", "First name", "Firstname", "Given name",
                   "Forename", "Fornavn og mellomnavn"],
    "last_name": ["Etternavn", "Etternamn", "Slektsnavn", "Last name", "Lastname", "Surname",
                  "Family name"],
    "full_name": ["Navn", "Namn", "Fullt navn", "Fullstendig navn", "Deltaker", "Deltakar",
                  "Deltagar", "Deltakernavn", "Name", "Full name", "Participant",
                  "Etternavn, fornavn", "Fornavn etternavn"],
    "email": ["E-post", "E-postadresse", "Epostadresse", "Mail", "E-mail", "Email",
              "Mailadresse", "Email address", "E-mail address"],
    "phone": ["Telefon", "Telefonnummer", "Tlf", "Tlf nr", "Telefonnr", "Mobil", "Mobilnummer",
              "Mobilnr", "Mobiltelefon", "Phone", "Phone number", "Mobile", "Cell", "Telephone"],
    "birth_date": ["Fødselsdato", "Født", "Fødd", "Fødselsdag", "Fødselsår og dato", "Date of birth",
                   "Birth date", "Birthdate", "Birthday", "DOB", "Født dato"],
    "identity_number": ["Fødselsnummer", "Fødselsnr", "Personnummer", "Personnr", "Fnr",
                        "Pnr", "Personal number", "National identity number", "ID-nummer",
                        "D-nummer"],
    "address": ["Adresse", "Gateadresse", "Postadresse", "Bostedsadresse", "Address",
                "Street address", "Street"],
    "postal_code": ["Postnr", "Postnummer", "Post nr", "Zip", "Zip code", "Postal code",
                    "Postcode"],
    "city": ["Poststed", "Sted", "By", "City", "Town", "Post town"],
    "municipality": ["Kommune", "Bostedskommune", "Hjemkommune", "Municipality"],
    "paid": ["Betalt", "Betalt egenandel", "Egenandel", "Egenandel betalt", "Innbetalt",
             "Betaling", "Paid", "Payment", "Deposit"],
    "note": ["Merknad", "Merknader", "Kommentar", "Kommentarer", "Notat", "Anmerkning",
             "Note", "Notes", "Comment", "Comments", "Remarks"],
}  # fmt: skip


def header_key(text: object) -> str:
    """Fold a header for matching: case, spaces, punctuation, (…) and æ/ae, ø/o/oe, å/aa."""
    value = unicodedata.normalize("NFC", str(text or "")).casefold()
    value = re.sub(r"\(.*?\)", "", value)  # "Fødselsdato (dd.mm.åååå)"
    value = value.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    value = value.replace("oe", "o").replace("aa", "a").replace("ä", "ae").replace("ö", "o")
    value = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in value if ch.isalnum())


_EXACT = {header_key(name): f for f, names in _SYNONYMS.items() for name in names}
# Longest first, so "E-postadresse (jobb)" is e-mail and not address.
_PARTIAL = sorted(((key, f) for key, f in _EXACT.items() if len(key) >= 4), key=lambda kf: -len(kf[0]))


def match_header(text: object) -> tuple[str | None, float]:
    """The field a header names and how sure: 1.0 exact, 0.6 begins/ends with a known name."""
    key = header_key(text)
    if not key:
        return None, 0.0
    if key in _EXACT:
        return _EXACT[key], 1.0
    for known, name in _PARTIAL:
        if key.startswith(known) or key.endswith(known):
            return name, 0.6
    return None, 0.0


def column_label(headers: Sequence[str], index: int) -> str:
    """The header as written in the file, or the column letter when the header is empty."""
    text = headers[index].strip() if index < len(headers) else ""
    return text or tr("kolonne {bokstav}", bokstav=column_letters(index))


@dataclass
class ColumnMapping:
    """Field → column index (0 = column A), with the file's header texts; the UI may change it."""

    headers: list[str]
    fields: dict[str, int] = field(default_factory=dict)

    def column(self, name: str) -> int | None:
        """The column index mapped to field ``name``, or None."""
        return self.fields.get(name)

    def label(self, name: str) -> str:
        """How to name field ``name``'s column to the user (its header, or its letter)."""
        index = self.fields.get(name)
        return FIELD_LABELS.get(name, name) if index is None else column_label(self.headers, index)

    def assign(self, name: str, index: int | None) -> None:
        """Map ``name`` to column ``index`` (None unmaps it); a column serves one field only."""
        if name not in FIELD_LABELS:
            raise ValueError(f"unknown field {name!r}")
        for other, col in list(self.fields.items()):
            if col == index or other == name:
                del self.fields[other]
        if index is not None:
            self.fields[name] = index

    @property
    def signature(self) -> str:
        """A stable key for these headers, to remember a mapping the user fixed."""
        return header_signature(self.headers)

    def to_dict(self) -> dict[str, int]:
        """Field → column index, for storage by the caller."""
        return dict(self.fields)

    @classmethod
    def from_dict(cls, headers: list[str], data: dict[str, int]) -> ColumnMapping:
        """A remembered mapping applied to ``headers``; unknown fields and columns are dropped."""
        mapping = cls(headers=list(headers))
        for name, index in data.items():
            if name in FIELD_LABELS and isinstance(index, int) and 0 <= index < len(headers):
                mapping.assign(name, index)
        return mapping


def header_signature(headers: Iterable[object]) -> str:
    """``h1:`` + a hash of the folded header texts in order (trailing empties ignored)."""
    keys = [header_key(h) for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    digest = hashlib.sha256("\x1f".join(keys).encode()).hexdigest()
    return "h1:" + digest[:20]


def map_columns(headers: Sequence[object]) -> ColumnMapping:
    """Best field per column: exact matches beat partial ones, then the leftmost column wins."""
    texts = [_header_text(h) for h in headers]
    candidates = []
    for index, text in enumerate(texts):
        name, score = match_header(text)
        if name:
            candidates.append((-score, index, name))
    mapping = ColumnMapping(headers=texts)
    for _, index, name in sorted(candidates):
        if name not in mapping.fields:
            mapping.fields[name] = index
    if "full_name" in mapping.fields and {"first_name", "last_name"} <= mapping.fields.keys():
        del mapping.fields["full_name"]  # a "Navn" beside Fornavn/Etternavn is something else
    return mapping


@dataclass(frozen=True)
class HeaderDetection:
    """Where the header is and how its columns map."""

    position: int  # index into the rows given to detect_header
    excel_row: int
    mapping: ColumnMapping


def detect_header(rows: Sequence[tuple[int, list[object]]]) -> HeaderDetection:
    """Find the header among the first rows: the one naming most known fields (at least two)."""
    best: tuple[int, float, int] | None = None
    for position, (_, values) in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[str, float] = {}
        for value in values:
            if isinstance(value, str):
                name, score = match_header(value)
                if name:
                    found[name] = max(found.get(name, 0.0), score)
        count, total = len(found), sum(found.values())
        if count >= 2 and (best is None or (count, total) > best[:2]):
            best = (count, total, position)
    if best is None:
        raise ValidationError(
            tr(
                "Fant ikke overskriftsraden. En av de første radene må ha kolonnenavn som Fornavn, "
                "Etternavn (eller Navn), E-post, Telefon og Fødselsdato."
            )
        )
    position = best[2]
    excel_row, values = rows[position]
    return HeaderDetection(position, excel_row, map_columns(values))


def header_at(rows: Sequence[tuple[int, list[object]]], excel_row: int) -> HeaderDetection:
    """Use the row the user chose as the header."""
    for position, (number, values) in enumerate(rows):
        if number == excel_row:
            return HeaderDetection(position, number, map_columns(values))
    raise ValidationError(
        tr("Rad {rad} er tom eller finnes ikke, og kan ikke være overskrift.", rad=excel_row)
    )


def _header_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()
