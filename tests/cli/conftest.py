"""Fixtures for the command line end to end: a demo database built once, copied per test."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from coursekeeper import cli
from coursekeeper.db.models import MODELS


@pytest.fixture(scope="session")
def demo_template(_template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the demo in it, built once through ``coursekeeper demo``."""
    folder = tmp_path_factory.mktemp("demomal")
    path = folder / "demo.db"
    shutil.copy(_template_db, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COURSEKEEPER_DATA_DIR", str(folder / "brukerdata"))
        mp.delenv("COURSEKEEPER_DB", raising=False)
        assert cli.main(["--db", str(path), "demo"]) == 0
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A copy of the demo database at a path with æøå and spaces."""
    folder = tmp_path / "Kursdata æøå ÆØÅ"
    folder.mkdir()
    target = folder / "min kursdatabase.db"
    shutil.copy(demo_template, target)
    return target


@pytest.fixture
def fresh_db(_template_db: Path, tmp_path: Path) -> Path:
    """An empty migrated database at a path with æøå."""
    target = tmp_path / "Kursdata æøå" / "ny.db"
    target.parent.mkdir()
    shutil.copy(_template_db, target)
    return target


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``coursekeeper.cli.main`` in-process; returns (exit code, stdout, stderr)."""

    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def row_counts(path: Path) -> dict[str, int]:
    """Rows per CourseKeeper table, read without writing to the file."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {
            m._meta.table_name: con.execute(f'SELECT COUNT(*) FROM "{m._meta.table_name}"').fetchone()[0]
            for m in MODELS
        }
    finally:
        con.close()


def checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so its bytes say everything."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
