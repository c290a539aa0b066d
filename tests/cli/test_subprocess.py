"""``python -m coursekeeper`` as a real process: paths with æøå and spaces, exit codes, output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import row_counts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: own data folder, no COURSEKEEPER_DB, the source tree importable."""
    values = {k: v for k, v in os.environ.items() if not k.startswith("COURSEKEEPER_")}
    values["COURSEKEEPER_DATA_DIR"] = str(tmp_path / "brukerdata æøå")
    values["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    values["PYTHONIOENCODING"] = "utf-8"
    return values


def _coursekeeper(env: dict[str, str], *args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coursekeeper", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_demo_twice_then_courses_json(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "Kurs i Øygarden æøå" / "min database.db"
    db.parent.mkdir()
    first = _coursekeeper(env, "--db", db, "demo")
    assert first.returncode == 0, first.stderr
    assert "Demodata er lagt inn" in first.stdout
    counts = row_counts(db)
    second = _coursekeeper(env, "--db", db, "demo")
    assert second.returncode == 0, second.stderr
    assert "Ingenting er endret" in second.stdout
    assert row_counts(db) == counts
    listed = _coursekeeper(env, "--db", db, "courses", "--json")
    assert listed.returncode == 0, listed.stderr
    courses = json.loads(listed.stdout)["courses"]
    assert len(courses) == counts["course"]
    assert any(c["title"] == "Kurs for treningskontakter – Øygarden" for c in courses)
    # Nothing went to the default database in the data folder.
    assert not (Path(env["COURSEKEEPER_DATA_DIR"]) / "coursekeeper.db").exists()


def test_a_text_file_as_database_exits_2_and_is_left_alone(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "Mine filer æøå" / "kurs liste.db"
    db.parent.mkdir()
    db.write_text("Navn;E-post\nÅse Ødegård;aase.odegard@example.no\n", encoding="utf-8")
    before = db.read_bytes()
    result = _coursekeeper(env, "--db", db, "courses")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "ikke en CourseKeeper-database" in lines[0]
    assert db.read_bytes() == before


def test_environment_variable_chooses_the_database(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "fra miljøet æøå" / "kurs.db"
    db.parent.mkdir()
    env["COURSEKEEPER_DB"] = str(db)
    added = _coursekeeper(
        env, "course-add", "--title", "Kurs for treningskontakter – Askøy", "--start", "2027-02-05",
        "--end", "2027-02-13", "--municipality", "Askøy",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().isdigit()
    assert row_counts(db)["course"] == 1
    refused = _coursekeeper(env, "course-add", "--title", "X", "--start", "2027-02-05", "--end", "2027-02-01")
    assert refused.returncode == 1
    assert "før startdato" in refused.stderr
    assert row_counts(db)["course"] == 1


@pytest.mark.parametrize("command", [["courses"], ["--help"], ["refunds", "--as-of", "2027-12-31"]])
def test_output_into_a_closed_pipe_ends_quietly(
    env: dict[str, str], demo_db: Path, command: list[str]
) -> None:
    """As ``coursekeeper courses | head -1`` when head has already gone: no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "coursekeeper", "--db", str(demo_db), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    err = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert process.wait(timeout=120) in (0, 141)
    assert err == ""


def test_piped_into_head_in_a_shell(env: dict[str, str], demo_db: Path) -> None:
    shell = shutil.which("sh")
    if shell is None:
        pytest.skip("no POSIX shell here")
    script = f'"{sys.executable}" -m coursekeeper courses --db "$1" | head -1'
    result = subprocess.run(
        [shell, "-c", script, "sh", str(demo_db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
    assert "plasser" in result.stdout
