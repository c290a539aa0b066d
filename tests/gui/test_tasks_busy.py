"""The task runner waits for a busy database and then shows one sentence, never a driver error."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coursekeeper.db.connection import database
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.services import busy, enrolments
from tests import factories as f


def test_a_busy_database_is_one_sentence_and_nothing_is_written(
    db_path: Path, tasks, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(busy, "BACKOFF_S", 0.01)
    tasks.run(lambda: database.execute_sql("PRAGMA busy_timeout = 100"), label="Kort ventetid")
    e = f.enrol(f.course())
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    done: list = []
    try:
        tasks.run(lambda: enrolments.reject(e), label="Avslag", touches={"enrolments"}, on_done=done.append)
        assert tasks.wait_idle(10_000)
    finally:
        other.rollback()
        other.close()
    assert done == [] and shown["exception"] == []
    assert [m.split(" fordi")[0] for m in shown["error"]] == ["Databasen er opptatt"]
    assert enrolments.get_enrolment(e).state == S.APPLIED
