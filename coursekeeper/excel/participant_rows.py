"""One sheet row → ParticipantRow: the row and issue types and the builder that parses the cells."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from coursekeeper.domain.identity_numbers import (
    birth_date_from_identity_number,
    contains_identity_number,
    is_identity_number,
)
from coursekeeper.excel import cells
from coursekeeper.excel.headers import ColumnMapping, column_label
from coursekeeper.i18n import tr

Severity = Literal["error", "warning"]
_DIGIT_RUN = re.compile(r"\d{6}")  # cheap pre-check before the identity-number scrub


@dataclass(frozen=True)
class CellIssue:
    """A problem with one cell (or row): ``message`` is plain Norwegian, without row/column."""

    row: int
    column: str  # the header as written in the file, or "kolonne D"
    field: str
    message: str
    severity: Severity = "error"

    def describe(self) -> str:
        """``Rad 7, kolonne «Fødselsdato»: 31.02.1990 er ingen gyldig dato.``"""
        if not self.column:
            return tr("Rad {rad}: {melding}", rad=self.row, melding=self.message)
        if self.column.startswith(tr("kolonne {bokstav}", bokstav="")):  # a letter: «kolonne D»
            where = self.column
        else:
            where = tr("kolonne «{overskrift}»", overskrift=self.column)
        return tr("Rad {rad}, {kolonne}: {melding}", rad=self.row, kolonne=where, melding=self.message)


@dataclass
class ParticipantRow:
    """One person as read from the file; ``values`` are the original cells, identity numbers out."""

    excel_row: int
    first_name: str = ""
    last_name: str = ""
    birth_date: dt.date | None = None
    email: str | None = None
    phone: str | None = None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    municipality_text: str = ""
    paid: bool | None = None
    paid_amount_ore: int | None = None
    paid_on: dt.date | None = None
    note: str = ""
    duplicate_of: int | None = None  # Excel row of the first row with the same person
    issues: list[CellIssue] = field(default_factory=list)
    values: list[object] = field(default_factory=list, repr=False)

    @property
    def has_errors(self) -> bool:
        """True when the row cannot be imported as it is."""
        return any(issue.severity == "error" for issue in self.issues)


_CACHE_LIMIT = 4096  # distinct texts remembered per column (towns, «ja», first names repeat)
_NO_NAME = ("", False, "", False)
_DATE_TYPES = (dt.date, dt.datetime)  # exact types: calamine gives date, or datetime with a time


def _cached(cache: dict[str, tuple], parse: Callable[[object], tuple], value: object) -> tuple:
    """``parse(value)``, remembered for text cells (the parsers are pure; only ``str`` keys, so
    1, 1.0 and True never share an entry)."""
    if type(value) is not str:
        return parse(value)
    hit = cache.get(value)  # type: ignore[arg-type]
    if hit is None:
        hit = parse(value)
        if len(cache) < _CACHE_LIMIT:
            cache[value] = hit  # type: ignore[index]
    return hit


class RowBuilder:
    """Turns one row of cells into a ParticipantRow; holds the column plan for speed."""

    def __init__(self, mapping: ColumnMapping, identity: list[int], today: dt.date, fix_case: bool) -> None:
        self.mapping = mapping
        self.identity = set(identity)
        self.today = today
        self.fix_case = fix_case
        col = mapping.fields.get
        self.col = col
        self.labels = {name: mapping.label(name) for name in mapping.fields}
        birth = mapping.column("birth_date")
        self.birth_from = [birth] if birth is not None and birth not in self.identity else []
        self.birth_from += sorted(self.identity)  # fallback when the date cell is empty
        self.text_fields = [  # (slot in build's texts: address, city, municipality, note)
            (slot, name, index, {})
            for slot, name in enumerate(("address", "city", "municipality", "note"))
            if (index := col(name)) is not None
        ]
        self.first_col, self.last_col, self.full_col = col("first_name"), col("last_name"), col("full_name")
        self.email_col, self.phone_col = col("email"), col("phone")
        self.postal_col, self.paid_col = col("postal_code"), col("paid")
        # The date column when it comes first among the birth-date sources (not an identity column).
        self.date_col = birth if birth is not None and birth not in self.identity else None
        self.name_cache: dict[str, tuple] = {}
        self.postal_cache: dict[str, tuple] = {}
        self.paid_cache: dict[str, tuple] = {}

    def build(self, number: int, values: list[object]) -> ParticipantRow:
        size = len(values)
        issues: list[CellIssue] = []
        labels = self.labels

        def problem(name: str, message: str, severity: Severity = "error") -> None:
            issues.append(CellIssue(number, labels.get(name, ""), name, message, severity))

        # Remembered parses are looked up here rather than through _cached: a call less per cell.
        first, last = self._names(values, size, problem)
        birth = None
        index = self.date_col
        if index is not None and index < size and (kind := type(value := values[index])) in _DATE_TYPES:
            birth = value.date() if kind is dt.datetime else value  # a date cell, the common case
            if birth.year < 1900 or birth > self.today:  # type: ignore[union-attr, operator]
                birth = self._birth_date(number, values, size, issues, problem)
        elif self.birth_from:
            birth = self._birth_date(number, values, size, issues, problem)
        email = phone = None
        index = self.email_col
        if index is not None and index < size and (value := values[index]) is not None:
            try:
                email, several = cells.parse_email(value)
                if several:
                    problem("email", tr("Flere e-postadresser; bare den første er tatt med."), "warning")
                if contains_identity_number(email):  # 19059325305@example.no: never stored
                    email = None
                    problem(
                        "email",
                        tr("E-postadressen inneholder et fødselsnummer og blir ikke lagret."),
                        "warning",
                    )
            except cells.CellValueError as exc:
                problem("email", tr("{grunn} Den blir ikke lagret.", grunn=exc.reason), "warning")
        index = self.phone_col
        if index is not None and index < size and (value := values[index]) is not None:
            try:
                phone = cells.parse_phone(value)
            except cells.CellValueError as exc:
                problem("phone", tr("{grunn} Det blir ikke lagret.", grunn=exc.reason), "warning")
        postal_code = ""
        index = self.postal_col
        if index is not None and index < size:
            value = values[index]
            hit = self.postal_cache.get(value) if type(value) is str else None  # type: ignore[arg-type]
            postal_code, reason = hit or _cached(self.postal_cache, _postal_code, value)
            if reason:
                problem("postal_code", reason, "warning")
        paid = amount = paid_on = None
        index = self.paid_col
        if index is not None and index < size:
            value = values[index]
            hit = self.paid_cache.get(value) if type(value) is str else None  # type: ignore[arg-type]
            paid, amount, paid_on, reason = hit or _cached(self.paid_cache, self._paid, value)
            if reason:
                problem("paid", tr("{grunn} Betalingen er ikke registrert.", grunn=reason), "warning")
        texts = ["", "", "", ""]
        for slot, name, index, cache in self.text_fields:
            value = values[index] if index < size else None
            hit = cache.get(value) if type(value) is str else None  # type: ignore[arg-type]
            text, scrubbed = hit or _cached(cache, _text, value)
            texts[slot] = text
            if scrubbed:
                problem(name, tr("Et fødselsnummer i teksten er fjernet."), "warning")
        if not (email or phone or birth):
            problem(
                "",
                tr(
                    "Mangler både e-post, telefon og fødselsdato, så personen kan forveksles med andre med "
                    "samme navn."
                ),
                "warning",
            )
        address, city, municipality, note = texts
        return ParticipantRow(  # positional: the field order of ParticipantRow
            number,
            first,
            last,
            birth,
            email,
            phone,
            address,
            postal_code,
            city,
            municipality,
            paid,
            amount,
            paid_on,
            note,
            None,
            issues,
            self._safe_values(values),
        )

    def _name(self, value: object) -> tuple[str, bool, str, bool]:
        """(cleaned name, the cell is an identity number, the name scrubbed, whether it was)."""
        name = cells.clean_name(value, fix_case=self.fix_case)
        return name, is_identity_number(value), *cells.scrub_identity_numbers(name)

    def _names(self, values: list[object], size: int, problem: Callable) -> tuple[str, str]:
        first_col, last_col, full_col = self.first_col, self.last_col, self.full_col
        cache = self.name_cache
        first, first_id, first_safe, scrub1 = _NO_NAME
        if first_col is not None:
            value = values[first_col] if first_col < size else None
            hit = cache.get(value) if type(value) is str else None  # type: ignore[arg-type]
            first, first_id, first_safe, scrub1 = hit or _cached(cache, self._name, value)
        last, last_id, last_safe, scrub2 = _NO_NAME
        if last_col is not None:
            value = values[last_col] if last_col < size else None
            hit = cache.get(value) if type(value) is str else None  # type: ignore[arg-type]
            last, last_id, last_safe, scrub2 = hit or _cached(cache, self._name, value)
        if full_col is not None:
            full = values[full_col] if full_col < size else None
            if not first and not last:
                first, last = cells.split_full_name(cells.clean_name(full, fix_case=self.fix_case))
                first_safe, scrub1 = cells.scrub_identity_numbers(first)
                last_safe, scrub2 = cells.scrub_identity_numbers(last)
            if is_identity_number(full):
                first_id = True
        if first_id or last_id:
            first_safe, last_safe, scrub1, scrub2 = "", "", False, False  # never keep a number as a name
        first, last = first_safe, last_safe
        if not first and not last:
            field_name = "full_name" if full_col is not None else "first_name"
            problem(field_name, tr("Mangler navn."))
        elif not first:
            problem("first_name", tr("Mangler fornavn."), "warning")
        elif not last:
            problem("last_name", tr("Mangler etternavn."), "warning")
        if scrub1 or scrub2:
            problem("full_name", tr("Et fødselsnummer i navnet er fjernet."), "warning")
        return first, last

    def _birth_date(
        self, number: int, values: list[object], size: int, issues: list[CellIssue], problem: Callable
    ) -> dt.date | None:
        for index in self.birth_from:
            value = values[index] if index < size else None
            if cells.is_blank(value):
                continue
            if index in self.identity:
                day = birth_date_from_identity_number(value)
                if day is None:
                    issues.append(
                        CellIssue(
                            number,
                            column_label(self.mapping.headers, index),
                            "birth_date",
                            tr(
                                "{verdi} er ikke et gyldig fødselsnummer, så fødselsdatoen er ukjent.",
                                verdi=cells.shown(value),
                            ),
                            "warning",
                        )
                    )
                return day
            try:
                day = cells.parse_date_cell(value, today=self.today)
                if day is not None:
                    cells.check_birth_date(day, today=self.today)
                return day
            except cells.CellValueError as exc:
                problem("birth_date", exc.reason)
            return None
        return None

    def _paid(self, value: object) -> tuple[bool | None, int | None, dt.date | None, str]:
        try:
            payment = cells.parse_paid(value, today=self.today)
        except cells.CellValueError as exc:
            return None, None, None, exc.reason
        return payment.paid, payment.amount_ore, payment.paid_on, ""

    def _safe_values(self, values: list[object]) -> list[object]:
        """The original cells for an error workbook, with every identity number taken out."""
        safe = list(values)
        identity = self.identity
        for index, value in enumerate(values):
            kind = type(value)
            if index in identity:
                pass
            elif kind is str:
                size = len(value)  # type: ignore[arg-type]
                if size < 10:
                    continue  # the common case: too short for any number
                # A text starting with a letter keeps it when spaces, dots and dashes are taken
                # out, so it is no identity number (but may hold one: the digit-run check).
                if not (11 <= size <= 14 and not value[0].isalpha() and is_identity_number(value)):  # type: ignore[index]
                    if _DIGIT_RUN.search(value):  # type: ignore[arg-type]
                        safe[index] = cells.scrub_identity_numbers(value)[0]  # type: ignore[arg-type]
                    continue
            elif kind is int or kind is float:
                if not (1e9 <= value < 1e11 and is_identity_number(value)):  # type: ignore[operator]
                    continue
            else:
                continue  # dates, None, booleans
            # The birth date stands in for the number; anything else is masked.
            day = birth_date_from_identity_number(value)
            safe[index] = day or cells.mask_identity_numbers(cells.clean_text(value))
        return safe


def _postal_code(value: object) -> tuple[str, str]:
    try:
        return cells.parse_postal_code(value), ""
    except cells.CellValueError as exc:
        return cells.mask_identity_numbers(cells.clean_text(value)), exc.reason


def _text(value: object) -> tuple[str, bool]:
    return cells.scrub_identity_numbers(cells.clean_text(value))
