"""Benchmark (a script, not a test): the excel layer against bare python-calamine and openpyxl.

    python tests/benchmarks/bench_excel_read_write.py [ROWS]

Prints, for one generated workbook of ROWS participants (default 10,000):
- read: safety checks + calamine + header detection + cell parsing, vs a bare calamine read;
- write: ``write_workbook`` with formats, widths and formula safety, vs bare openpyxl write-only
  appending the same values (goal ≤ 1.5×);
- hostile files: time and peak memory of each refusal, each in a fresh process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from coursekeeper.excel.participants import read_participants  # noqa: E402
from coursekeeper.excel.writing import ColumnSpec, SheetSpec, write_workbook  # noqa: E402
from tests.benchmarks.bench_common import (  # noqa: E402
    HEADERS,
    best_of,
    sample_participants,
    write_participants_xlsx,
)


def bench_read(folder: Path, count: int) -> None:
    import python_calamine

    path = write_participants_xlsx(folder / "deltakere.xlsx", sample_participants(count))

    def bare() -> None:
        with path.open("rb") as handle:
            wb = python_calamine.CalamineWorkbook.from_filelike(handle)
            wb.get_sheet_by_index(0).to_python()

    def full() -> None:
        parsed = read_participants(path)
        assert len(parsed.rows) == count and not parsed.errors, parsed.errors[:3]

    bare_t, full_t = best_of(bare, 5), best_of(full, 5)
    print(f"read {count} rows: full parse {full_t:.3f} s, bare calamine {bare_t:.3f} s, "
          f"ratio {full_t / bare_t:.1f}×")  # fmt: skip


def bench_write(folder: Path, count: int) -> None:
    from openpyxl import Workbook

    rows = [[*r[:4], f"+47{r[4]}", *r[5:9], 100000, r[10]] for r in sample_participants(count)]
    kinds = {"Fødselsdato": "date", "Betalt": "money"}
    columns = [ColumnSpec(h, kinds.get(h, "text")) for h in HEADERS]  # type: ignore[arg-type]

    def bare() -> None:
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Deltakere")
        sheet.append(HEADERS)
        for row in rows:
            sheet.append(row)
        book.save(folder / "bare.xlsx")

    def ours() -> None:
        write_workbook(folder / "ours.xlsx", [SheetSpec("Deltakere", columns, rows, totals=True)])

    bare_t, ours_t = best_of(bare, 3), best_of(ours, 3)
    print(f"write {count} rows: write_workbook {ours_t:.3f} s, bare openpyxl write-only {bare_t:.3f} s, "
          f"ratio {ours_t / bare_t:.2f}× (goal ≤ 1.5×)")  # fmt: skip


_HOSTILE = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from tests.unit.excel import hostile_files as h
from coursekeeper.excel.reading import read_sheet
path = getattr(h, {builder!r})(Path({path!r}))
start = time.perf_counter()
try:
    read_sheet(path)
    outcome = "read"
except Exception as exc:
    outcome = type(exc).__name__
print(json.dumps({{"outcome": outcome, "seconds": time.perf_counter() - start,
                  "size": path.stat().st_size,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def bench_hostile(folder: Path) -> None:
    builders = ["far_value_xlsx", "million_rows_xlsx", "zip_bomb_xlsx", "entity_bomb_xlsx",
                "lying_size_xlsx", "encrypted_xlsx", "ods_far_cell"]  # fmt: skip
    for builder in builders:
        code = _HOSTILE.format(root=str(ROOT), builder=builder, path=str(folder / f"{builder}.xlsx"))
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
        if done.returncode:
            print(f"{builder}: process failed ({done.returncode}): {done.stderr[-300:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"hostile {builder:18} {r['size'] / 1024:9.0f} kB → {r['outcome']:24} in {r['seconds']:.3f} s, "
              f"process peak {r['peak_mb']:.0f} MB (includes building the file)")  # fmt: skip


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bench_read(folder, count)
        bench_write(folder, count)
        bench_hostile(folder)


if __name__ == "__main__":
    main()
