"""The official list of municipalities: lookup by number or name, with suggestions on a miss."""

from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coursekeeper.domain.text import search_key
from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr


@dataclass(frozen=True)
class MunicipalityInfo:
    """One official municipality: number kept as text (``0301``), name, county, other names."""

    number: str
    name: str
    county: str
    other_names: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """``Herøy (Nordland)`` style label that is unique even where names repeat."""
        return f"{self.name} ({self.county})"


class MunicipalityRegistry:
    """Finds municipalities by number, name, ``Name (County)`` or an other official name."""

    def __init__(self, items: Iterable[MunicipalityInfo]) -> None:
        self.items = sorted(items, key=lambda m: search_key(m.name))
        self._by_number = {m.number: m for m in self.items}
        self._by_key: dict[str, list[MunicipalityInfo]] = {}
        for m in self.items:
            for name in (m.name, m.display, *m.other_names):
                self._by_key.setdefault(search_key(name), []).append(m)
            self._by_key.setdefault(search_key(m.name + " kommune"), []).append(m)

    @classmethod
    def from_csv(cls, path: Path) -> MunicipalityRegistry:
        """Load ``number,name,county,other_names`` (other names separated by ``|``)."""
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return cls(
            MunicipalityInfo(
                number=row["number"].strip().zfill(4),
                name=row["name"].strip(),
                county=row["county"].strip(),
                other_names=tuple(n for n in (row.get("other_names") or "").split("|") if n),
            )
            for row in rows
        )

    def by_number(self, number: str) -> MunicipalityInfo | None:
        """The municipality with this number (``301`` and ``0301`` both work)."""
        return self._by_number.get(number.strip().zfill(4))

    def suggestions(self, text: str, limit: int = 3) -> list[MunicipalityInfo]:
        """Closest names to ``text``, best first."""
        keys = list(self._by_key)
        close = difflib.get_close_matches(search_key(text), keys, n=limit * 2, cutoff=0.5)
        seen: list[MunicipalityInfo] = []
        for key in close:
            for m in self._by_key[key]:
                if m not in seen:
                    seen.append(m)
        return seen[:limit]

    def resolve(self, text: str) -> MunicipalityInfo:
        """The one municipality meant by ``text``; ValidationError with suggestions otherwise."""
        value = (text or "").strip()
        if not value:
            raise ValidationError(tr("Kommune mangler."))
        if value.isdigit():
            found = self.by_number(value)
            if found:
                return found
        matches = self._by_key.get(search_key(value), [])
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            options = ", ".join(m.display for m in matches)
            raise ValidationError(
                tr(
                    "Det finnes flere kommuner som heter «{value}». Velg en av: {options}.",
                    value=value,
                    options=options,
                )
            )
        hints = self.suggestions(value)
        hint = " " + tr("Mente du: {names}?", names=", ".join(m.display for m in hints)) if hints else ""
        raise ValidationError(tr("Ukjent kommune: «{value}».", value=value) + hint)
