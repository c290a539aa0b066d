"""The official municipality list shipped in resources/, mirrored into the database."""

from __future__ import annotations

from functools import cache

from coursekeeper import settings
from coursekeeper.db.models import Municipality
from coursekeeper.domain.municipalities import MunicipalityInfo, MunicipalityRegistry


@cache
def registry() -> MunicipalityRegistry:
    """The official list (357 municipalities since 2024), loaded once."""
    return MunicipalityRegistry.from_csv(settings.resources_dir() / "municipalities.csv")


def sync_official_list() -> int:
    """Insert or rename municipalities to match the shipped list; returns rows changed."""
    existing = {m.number: m for m in Municipality.select()}
    changed = 0
    for info in registry().items:
        row = existing.get(info.number)
        if row is None:
            Municipality.create(number=info.number, name=info.name, county=info.county)
            changed += 1
        elif (row.name, row.county) != (info.name, info.county):
            row.name, row.county = info.name, info.county
            row.save()
            changed += 1
    return changed


def resolve(text: str) -> Municipality:
    """The database row for a municipality named or numbered ``text`` (suggestions on a miss)."""
    info: MunicipalityInfo = registry().resolve(text)
    return Municipality.get(Municipality.number == info.number)


def resolve_optional(text: str | None) -> Municipality | None:
    """Like ``resolve`` but empty text means no municipality."""
    return resolve(text) if text and text.strip() else None


def all_names() -> list[str]:
    """Display names for completion (``Herøy (Nordland)`` where a name repeats)."""
    items = registry().items
    counts: dict[str, int] = {}
    for m in items:
        counts[m.name] = counts.get(m.name, 0) + 1
    return [m.display if counts[m.name] > 1 else m.name for m in items]
