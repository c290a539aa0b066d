"""Shared fixtures: a migrated SQLite template per session, copied for each test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data folder: settings, backups and default database go here."""
    data = tmp_path / "brukerdata"
    monkeypatch.setenv("COURSEKEEPER_DATA_DIR", str(data))
    monkeypatch.delenv("COURSEKEEPER_DB", raising=False)
    return data


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly migrated SQLite database, made once per test session."""
    from coursekeeper.db.connection import close_database
    from coursekeeper.services.database import prepare

    path = tmp_path_factory.mktemp("mal") / "mal.db"
    db = prepare("sqlite:///" + path.as_posix())
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database()
    return path


@pytest.fixture
def db_path(_template_db: Path, tmp_path: Path) -> Path:
    """A copy of the template database, in a folder whose name has æøå."""
    folder = tmp_path / "kursdata æøå"
    folder.mkdir()
    target = folder / "coursekeeper.db"
    shutil.copy(_template_db, target)
    return target


@pytest.fixture
def db(db_path: Path):
    """The services bound to a fresh migrated database (PostgreSQL when the env var says so)."""
    from coursekeeper.db.connection import close_database
    from coursekeeper.services.database import prepare

    url = os.environ.get("COURSEKEEPER_TEST_DATABASE_URL")
    if url:
        from tests.pg import reset_postgres

        reset_postgres(url)
        database = prepare(url)
    else:
        database = prepare("sqlite:///" + db_path.as_posix())
    yield database
    close_database()
