"""A busy database on the command line: waited for, then one Norwegian sentence and exit 2."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from coursekeeper.db import connection
from coursekeeper.services import busy
from tests.cli.conftest import row_counts

Run = Callable[..., tuple[int, str, str]]
ADD = ("course-add", "--title", "Kurs på Stord", "--start", "2027-10-01", "--end", "2027-10-09")


@pytest.fixture
def locked(fresh_db: Path, monkeypatch: pytest.MonkeyPatch):
    """Another program holds the write lock of ``fresh_db``; lock waits are 100 ms."""
    monkeypatch.setitem(connection.SQLITE_PRAGMAS, "busy_timeout", 100)
    monkeypatch.setattr(busy, "BACKOFF_S", 0.01)
    other = sqlite3.connect(fresh_db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.close()


def test_a_database_that_stays_busy_exits_2_with_one_sentence(run: Run, fresh_db: Path, locked) -> None:
    code, out, err = run("--db", fresh_db, *ADD)
    locked.rollback()
    assert (code, out) == (2, "")
    assert err.startswith("Feil: Databasen er opptatt") and err.count("\n") == 1
    assert "Traceback" not in err and "locked" not in err
    assert row_counts(fresh_db)["course"] == 0


def test_a_short_busy_spell_is_waited_out(run: Run, fresh_db: Path, locked) -> None:
    threading.Timer(0.15, locked.rollback).start()
    code, _, err = run("--db", fresh_db, *ADD)
    assert code == 0, err
    assert row_counts(fresh_db)["course"] == 1
