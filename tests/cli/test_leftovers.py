"""No leftovers: a child process killed (SIGKILL) mid-write leaves only a temporary file, named
``~coursekeeper-*.tmp`` and never like a finished file, and the next start removes it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coursekeeper import temp_files

# The child does the real work and stops for good at a point where the file is half done: a
# progress callback (printing, export) or the final rename (backup, upgrade safety copy).
CHILD = r"""
import os, sys, time
from pathlib import Path

scenario, db, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])

def hang(*args, **kwargs):
    print("MIDT", flush=True)
    time.sleep(120)

def after(n):
    def progress(done, total):
        if done >= n:
            hang()
    return progress

from coursekeeper.services import database
from coursekeeper import settings
database.prepare("sqlite:///" + db)
course = int(os.environ["CK_COURSE"])
if scenario == "print":
    from coursekeeper.services import printouts
    printouts.print_kind("certificates", course_id=course, out=out / "kursbevis.pdf", progress=after(2))
elif scenario == "export":
    from coursekeeper.services import exports
    exports.export_kind("participants", course_id=course, out=out / "deltakere.xlsx", progress=after(1))
elif scenario == "backup":
    from coursekeeper.services import backup
    os.replace = hang
    backup.backup(out / "kopi.db")
elif scenario == "upgrade":
    from coursekeeper.db.connection import database as db_proxy
    from coursekeeper.db.schema import safety_copy
    os.replace = hang
    safety_copy(db_proxy.obj, settings.backups_dir(), "før-oppgradering")
"""


def _certified_course(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT e.course_id FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id "
            "GROUP BY e.course_id ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()[0]
    finally:
        con.close()


def _kill_mid_write(scenario: str, db: Path, out: Path, env: dict[str, str]) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, scenario, str(db), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "MIDT", child.stderr.read() if child.stderr else ""
    finally:
        child.kill()  # SIGKILL: no finally blocks, no atexit in the child
        child.communicate(timeout=30)


def _leftovers(*folders: Path) -> list[str]:
    return sorted(
        p.name for f in folders if f.is_dir() for p in f.iterdir() if p.name.startswith("~coursekeeper-")
    )


@pytest.fixture
def child_env(demo_db: Path, _isolated_data_dir: Path) -> dict[str, str]:
    _isolated_data_dir.mkdir(parents=True, exist_ok=True)  # the program has run here before
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    env["CK_COURSE"] = str(_certified_course(demo_db))
    return env


@pytest.mark.parametrize(
    "scenario, finished",
    [("print", "kursbevis.pdf"), ("export", "deltakere.xlsx"), ("backup", "kopi.db"), ("upgrade", None)],
)
def test_a_kill_mid_write_leaves_a_temporary_name_that_the_next_start_removes(
    demo_db: Path,
    tmp_path: Path,
    _isolated_data_dir: Path,
    child_env: dict[str, str],
    scenario: str,
    finished: str,
) -> None:
    out = tmp_path / "Utskrifter æøå"  # an output folder outside the data folder
    out.mkdir()
    backups = _isolated_data_dir / "backups"
    _kill_mid_write(scenario, demo_db, out, child_env)

    left = _leftovers(out, backups)
    assert left, "the child was stopped while the file was being written"
    assert all(name.endswith((".tmp", ".tmp-journal")) for name in left), left
    if finished:
        assert not (out / finished).exists()
    assert not list(backups.glob("coursekeeper-før-oppgradering-*.db")) if backups.is_dir() else True

    started = subprocess.run(
        [sys.executable, "-m", "coursekeeper", "--db", str(demo_db), "courses"],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert started.returncode == 0, started.stderr
    assert _leftovers(out, backups) == []
    assert sorted(p.name for p in out.iterdir()) == []


def test_the_desktop_start_sweeps_too_and_spares_a_running_write(
    demo_db: Path, tmp_path: Path, _isolated_data_dir: Path, child_env: dict[str, str]
) -> None:
    from coursekeeper.app import open_database
    from coursekeeper.db.connection import close_database

    out = tmp_path / "ut"
    out.mkdir()
    _kill_mid_write("print", demo_db, out, child_env)
    running = temp_files.temp_beside(out / "annen.pdf")  # this process is writing it right now
    assert len(_leftovers(out)) == 2
    try:
        open_database("sqlite:///" + demo_db.as_posix())
    finally:
        close_database()
    assert _leftovers(out) == [running.name]
    temp_files.remove(running)
