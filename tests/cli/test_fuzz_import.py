"""Fuzzing ``coursekeeper import``: every damaged or hostile workbook ends in one Norwegian line.

At least 300 files by default (each hostile kind once, the four formats whole, the rest seeded
byte flips, truncations, zeroed blocks, junk and splices); ``COURSEKEEPER_FUZZ_FILES=3000`` runs
more and ``COURSEKEEPER_FUZZ_SEED`` picks another corpus. The hostile kinds run through
``python -m coursekeeper`` one process each (its peak memory from ``wait4``); the damaged files
through two runner processes calling ``cli.main`` per file (tests/cli/fuzz_files.py). For each:
exit 0/1/2, one line (or a summary line plus one line per row issue), Norwegian, under 10 s,
under 500 MB, and nothing written to the database or beside the file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.cli.conftest import checkpoint, row_counts
from tests.cli.fuzz_files import build_corpus
from tests.cli.test_import_export_cli import new_course

ROOT = Path(__file__).resolve().parents[2]
FUZZ_FILES = int(os.environ.get("COURSEKEEPER_FUZZ_FILES", "300"))
SEED = int(os.environ.get("COURSEKEEPER_FUZZ_SEED", "20261207"))
SECONDS = 10.0
PEAK_MB = 500.0
RUNNERS = 2
NORWEGIAN = re.compile(r"[æøåÆØÅ«»]|\b(er|ikke|og|nye|med|kan|Feil|Finner|Advarsel|Rad|Mangler)\b")
FOREIGN = ("Traceback", "panicked", "Error", "Exception", "error:", "Warning", "WARNING")
ISSUE_LINES = ("Feil: ", "Advarsel: ", "Rett feilene")


def _cli(db: Path, course: int, path: Path, env: dict[str, str]) -> dict[str, object]:
    """``python -m coursekeeper import PATH --dry-run`` in its own process; peak memory from wait4."""
    process = subprocess.Popen(
        [sys.executable, "-m", "coursekeeper", "--db", str(db), "import", str(path), "--course", str(course),
         "--dry-run"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )  # fmt: skip
    timer = threading.Timer(60, process.kill)  # a hang fails on time below instead of blocking the suite
    timer.start()
    started = os.times().elapsed
    stdout, stderr = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = os.times().elapsed - started
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]
    return {
        "path": str(path),
        "code": process.returncode,
        "stdout": stdout.decode("utf-8", "replace"),
        "stderr": stderr.decode("utf-8", "replace"),
        "seconds": seconds,
        "children_peak_mb": usage.ru_maxrss / 1024,  # the process, or its reading child if bigger
        "self_peak_mb": 0.0,
    }


def _runners(db: Path, course: int, files: list[Path], folder: Path, env: dict[str, str]) -> list[dict]:
    """The damaged files split over RUNNERS processes of tests/cli/fuzz_files.py."""
    processes = []
    for number in range(RUNNERS):
        share = [str(p) for p in files[number::RUNNERS]]
        results = folder / f"resultater-{number}.jsonl"
        command = [sys.executable, "-m", "tests.cli.fuzz_files", str(results), str(db), str(course), *share]
        processes.append((subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.PIPE), results))
    found = []
    for process, results in processes:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr.decode("utf-8", "replace")[-3000:]
        found += [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    return found


def _problems(result: dict, words: str) -> list[str]:
    """What is wrong with one run; empty when it behaved."""
    found = []
    stdout_lines = [line for line in result["stdout"].splitlines() if line.strip()]
    stderr_lines = [line for line in result["stderr"].splitlines() if line.strip()]
    lines = stdout_lines + stderr_lines
    if result["code"] not in (0, 1, 2):
        found.append(f"exit {result['code']}")
    if result["seconds"] >= SECONDS:
        found.append(f"{result['seconds']:.1f} s")
    if max(result["children_peak_mb"], result["self_peak_mb"]) >= PEAK_MB:
        found.append(f"{result['children_peak_mb']:.0f}/{result['self_peak_mb']:.0f} MB")
    summary = len(stdout_lines) == 1 and stdout_lines[0].startswith("Prøvekjøring: ")
    if summary:  # the file was read: a summary, then one line per row issue
        if not all(line.startswith(ISSUE_LINES) for line in stderr_lines):
            found.append("stray output after the summary")
    elif len(lines) != 1 or not lines[0].startswith("Feil: "):
        found.append(f"{len(lines)} lines instead of one «Feil: …»")
    for line in lines[:1] + stderr_lines:
        if not NORWEGIAN.search(line) or any(word in line for word in FOREIGN):
            found.append(f"not Norwegian: {line[:120]!r}")
    if words and not any(words in line for line in lines):
        found.append(f"no «{words}»")
    if found:
        found.append(f"output: {(lines or [''])[0][:200]!r}")
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, wait4 and resource are POSIX only")
def test_every_damaged_or_hostile_file_ends_in_one_norwegian_line(
    run: Callable[..., tuple[int, str, str]], fresh_db: Path, tmp_path: Path
) -> None:
    course = new_course(run, fresh_db)
    checkpoint(fresh_db)
    before = row_counts(fresh_db)
    folder = tmp_path / "innboks"
    named, damaged = build_corpus(folder, FUZZ_FILES, SEED)
    listing = sorted(os.listdir(folder))
    assert len(named) + len(damaged) >= min(FUZZ_FILES, 300)
    env = os.environ | {"PYTHONPATH": str(ROOT), "COURSEKEEPER_DATA_DIR": str(tmp_path / "brukerdata")}
    env.pop("COURSEKEEPER_DB", None)

    with ThreadPoolExecutor(max_workers=1) as pool:  # beside the two runners: three processes at most
        hostile = pool.map(lambda item: (_cli(fresh_db, course, item[0], env), item[1]), named)
        results = [(result, "") for result in _runners(fresh_db, course, damaged, tmp_path, env)]
        results += list(hostile)

    failures = {Path(r["path"]).name: p for r, words in results if (p := _problems(r, words))}
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)[:6000]
    assert len(results) == len(named) + len(damaged)
    assert row_counts(fresh_db) == before  # nothing written
    assert sorted(os.listdir(folder)) == listing  # no error workbook or temporary file beside them
    slowest = max(results, key=lambda item: item[0]["seconds"])[0]
    biggest = max(results, key=lambda item: max(item[0]["children_peak_mb"], item[0]["self_peak_mb"]))[0]
    print(
        f"\nfuzz: {len(results)} files; slowest {slowest['seconds']:.2f} s ({Path(slowest['path']).name}); "
        f"largest peak {max(biggest['children_peak_mb'], biggest['self_peak_mb']):.0f} MB "
        f"({Path(biggest['path']).name}, or a file before it in the same runner)"
    )
