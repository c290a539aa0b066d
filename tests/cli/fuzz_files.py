"""A corpus of damaged and hostile workbooks, and a runner that imports them one by one.

``build_corpus`` makes the files from code (seeded, so a failure can be rebuilt): each named
hostile kind once, the four accepted formats whole, and the rest byte flips, truncations,
zeroed blocks, inserted junk and splices of the whole ones. ``python -m tests.cli.fuzz_files
RESULTS DB COURSE FILE...`` runs ``coursekeeper import FILE --course COURSE --dry-run`` in this
one process for each file (``cli.main``, the reading child included) and writes one JSON line
per file: exit code, the output of both streams, seconds, and the peak memory so far of this
process and of its reading children.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.unit.excel import hostile_files as h

HEADER = ["Fornavn", "Etternavn", "E-post", "Fødselsdato", "Mobil", "Kommune"]
PEOPLE = [
    [f"Deltaker{i}", f"Ødegård{i}", f"deltaker{i}@example.no", dt.date(1980, 1 + i % 12, 1 + i % 28),
     f"9{i:07d}", "Øygarden"]
    for i in range(30)
]  # fmt: skip
FORMATS = ("xlsx", "xlsm", "xls", "ods")


def _xlsx(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Påmeldte"
    book.active.append(HEADER)
    for row in PEOPLE:
        book.active.append(row)
    book.save(path)
    return path


def _xlsm(path: Path) -> Path:
    text_rows = [[v.isoformat() if isinstance(v, dt.date) else v for v in row] for row in PEOPLE]
    return h.build_xlsx(path, {"Ark1": h.sheet_xml(h.rows_xml([HEADER, *text_rows]))}, main_type=h.XLSM_MAIN)


def _xls(path: Path) -> Path:
    return h.xls(
        path, [HEADER, *[[v.isoformat() if isinstance(v, dt.date) else v for v in r] for r in PEOPLE]]
    )


def _ods(path: Path) -> Path:
    return h.ods(path, {"Ark1": [HEADER, *PEOPLE]})


BASES: dict[str, Callable[[Path], Path]] = {"xlsx": _xlsx, "xlsm": _xlsm, "xls": _xls, "ods": _ods}


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _half(build: Callable[[Path], Path]) -> Callable[[Path], Path]:
    def truncated(path: Path) -> Path:
        whole = build(path).read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
        return path

    return truncated


def _renamed(build: Callable[[Path], Path], suffix: str) -> Callable[[Path], Path]:
    def renamed(path: Path) -> Path:
        made = build(path.with_name(path.stem + "-kilde." + suffix))
        return made.rename(path)

    return renamed


# name, extension, builder, words the one line must hold (empty: any Norwegian line)
NAMED: list[tuple[str, str, Callable[[Path], Path], str]] = [
    ("far-cell-single-quotes", "xlsx", h.far_value_odd_quotes_xlsx, "langt utenfor"),
    ("far-cell-spaces", "xlsx", lambda p: h.far_value_odd_quotes_xlsx(p, '"', " "), "langt utenfor"),
    ("far-cell", "xlsx", h.far_value_xlsx, "langt utenfor"),
    ("far-row-without-references", "xlsx", h.far_row_without_references_xlsx, "minne"),
    ("shared-string-bomb", "xlsx", h.shared_string_bomb_xlsx, "gjentar lang tekst"),
    ("twenty-sheets", "xlsx", h.many_sheets_xlsx, "flere ark med data"),
    ("xls-iv65536", "xls", h.xls_far_cell, "langt utenfor"),
    ("ods-zip-version", "ods", h.zip_version_ods, "skadet"),
    ("ods-far-cell", "ods", h.ods_far_cell, "langt utenfor"),
    ("xls-truncated", "xls", _half(_xls), ""),
    ("xlsx-truncated", "xlsx", _half(_xlsx), "skadet"),
    ("ods-truncated", "ods", _half(_ods), "skadet"),
    ("zip-bomb", "xlsx", h.zip_bomb_xlsx, "zip-bombe"),
    ("laughs-shared-strings", "xlsx", h.entity_bomb_xlsx, "DTD"),
    ("laughs-sheet", "xlsm", lambda p: h.entity_bomb_xlsx(p, "sheet"), "DTD"),
    ("lying-sizes", "xlsx", h.lying_size_xlsx, "skadet"),
    ("encrypted", "xlsx", h.encrypted_xlsx, "passordbeskyttet"),
    ("encrypted-as-xls", "xls", h.encrypted_xlsx, "passordbeskyttet"),
    ("text-renamed", "xlsx", h.text_file, "tekstfil"),
    ("png-renamed", "xls", h.png_file, "ikke et regneark"),
    ("docx-renamed", "xlsx", h.docx_file, "ikke et regneark"),
    ("xlsx-named-ods", "ods", _renamed(_xlsx, "xlsx"), "Prøvekjøring"),
    ("ods-named-xlsx", "xlsx", _renamed(_ods, "ods"), "Prøvekjøring"),
    ("xls-named-xlsm", "xlsm", _renamed(_xls, "xls"), "Prøvekjøring"),
    ("empty", "xlsx", h.empty_file, "er tom"),
    ("empty-ods", "ods", h.empty_file, "er tom"),
    ("folder", "xlsx", _folder, "mappe"),
    ("fifo", "xlsx", h.fifo, "vanlig fil"),
    ("newline\nin-name", "xlsx", _half(_xlsx), "skadet"),
    ("newline\nvalid", "xls", _xls, "Prøvekjøring"),
    ("million-rows", "xlsx", lambda p: h.million_rows_xlsx(p, 150_000), "100 000 rader"),
]


def _mutate(data: bytes, rng: random.Random, other: bytes) -> tuple[str, bytes]:
    """One seeded damage to a valid file: its name and the damaged bytes."""
    kind = rng.choice(["flip", "flip", "flips", "truncate", "zero", "junk", "splice"])
    out = bytearray(data)
    if kind in ("flip", "flips"):
        for _ in range(1 if kind == "flip" else rng.randint(2, 64)):
            out[rng.randrange(len(out))] ^= rng.randint(1, 255)
    elif kind == "truncate":
        out = out[: rng.randrange(1, len(out))]
    elif kind == "zero":
        start = rng.randrange(len(out))
        out[start : start + rng.randint(1, 512)] = bytes(min(512, len(out) - start))
    elif kind == "junk":
        start = rng.randrange(len(out))
        out[start:start] = rng.randbytes(rng.randint(1, 256))
    else:
        start, length = rng.randrange(len(out)), rng.randint(16, 1024)
        source = rng.randrange(max(len(other) - length, 1))
        out[start : start + length] = other[source : source + length]
    return kind, bytes(out)


def build_corpus(folder: Path, count: int, seed: int) -> tuple[list[tuple[Path, str]], list[Path]]:
    """(named hostile file, words) pairs and ``count - len(named)`` whole or damaged files."""
    folder.mkdir(parents=True, exist_ok=True)
    named = [(build(folder / f"{name}.{suffix}"), words) for name, suffix, build, words in NAMED]
    bases = {fmt: make(folder / f"hel.{fmt}").read_bytes() for fmt, make in BASES.items()}
    damaged = [folder / f"hel.{fmt}" for fmt in FORMATS]
    rng = random.Random(seed)
    for number in range(max(count - len(named) - len(damaged), 0)):
        fmt = FORMATS[number % len(FORMATS)]
        kind, data = _mutate(bases[fmt], rng, bases[rng.choice(FORMATS)])
        suffix = fmt if rng.random() > 0.1 else rng.choice(FORMATS)  # some renamed too
        path = folder / f"{number:04d}-{kind}-{fmt}.{suffix}"
        path.write_bytes(data)
        damaged.append(path)
    return named, damaged


def _run_one(db: str, course: str, path: str) -> dict[str, object]:
    """``coursekeeper import PATH --course COURSE --dry-run`` here, with fds 1 and 2 captured."""
    from coursekeeper import cli

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        saved = os.dup(1), os.dup(2)
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        start = time.perf_counter()
        try:
            code: object = cli.main(["--db", db, "import", path, "--course", course, "--dry-run"])
        except SystemExit as exc:
            code = exc.code
        except BaseException as exc:  # reported, and the test fails on it
            code = f"crash: {exc!r}"
        finally:
            seconds = time.perf_counter() - start
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
        out.seek(0)
        err.seek(0)
        return {
            "path": path,
            "code": code,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
            "seconds": seconds,
            "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            "self_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }


def main(argv: list[str]) -> None:
    """RESULTS DB COURSE FILE...: import each file as a dry run; one JSON line each in RESULTS."""
    results, db, course, *files = argv
    with open(results, "w", encoding="utf-8") as sink:
        for path in files:
            sink.write(json.dumps(_run_one(db, course, path)) + "\n")
            sink.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
