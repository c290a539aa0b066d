"""What the benchmark scripts share: a participant list as a municipality sends it, and best-of timing."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HEADERS = ["Fornavn", "Etternavn", "Fødselsdato", "E-post", "Mobil", "Adresse", "Postnr", "Poststed",
           "Kommune", "Betalt", "Merknad"]  # fmt: skip


def sample_participants(
    count: int, *, known_every: int = 0, municipalities: Sequence[str] = ("Bergen",)
) -> list[list[object]]:
    """``count`` rows under HEADERS; every ``known_every``-th e-mail (0: none) is ``kjent{i}@…``,
    the address of someone already in the benchmark's database."""
    first = ["Ola", "Kari", "Per", "Anne", "Øyvind", "Åse", "Lars", "Ingrid"]
    last = ["Nordmann", "Ødegård", "Hansen", "Berg", "Dahl", "Strand", "Aasen", "Lie"]
    rows = []
    for i in range(count):
        email = f"kjent{i}@example.no" if known_every and i % known_every == 0 else f"person{i}@example.no"
        rows.append([
            first[i % 8], f"{last[i % 7]}{i}", dt.date(1950, 1, 1) + dt.timedelta(days=i % 20000),
            email, 90000000 + i, f"Storgata {i % 200}", f"{5000 + i % 900:04d}", "Bergen",
            municipalities[i % len(municipalities)], "ja" if i % 3 else "1 000 kr",
            "" if i % 5 else "Vegetar",
        ])  # fmt: skip
    return rows


def write_participants_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A sheet «Påmeldte» with a title line, HEADERS and ``rows`` (openpyxl write-only)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Påmeldte")
    sheet.append(["Påmeldte til treningskontaktkurs"])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs of ``fn`` in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
