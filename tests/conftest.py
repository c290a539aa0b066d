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


PG_ENV = "COURSEKEEPER_TEST_DATABASE_URL"
#: Test folders whose ``db`` tests also run against PostgreSQL when PG_ENV is set.
PG_FOLDERS = ("unit/services",)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the service tests on SQLite and, when a server is configured, on PostgreSQL too."""
    if "db" not in metafunc.fixturenames:
        return
    backends = ["sqlite"]
    path = metafunc.definition.path.as_posix()
    if os.environ.get(PG_ENV) and any(f"/tests/{folder}/" in path for folder in PG_FOLDERS):
        backends.append("postgresql")
    metafunc.parametrize("db", backends, indirect=True)


def _bind_sqlite(path: Path):
    from coursekeeper.services.database import prepare

    return prepare("sqlite:///" + path.as_posix())


@pytest.fixture
def db(request: pytest.FixtureRequest, db_path: Path):
    """The services bound to a fresh migrated database: SQLite, or PostgreSQL (param)."""
    from coursekeeper.db.connection import close_database
    from coursekeeper.services.database import prepare

    if getattr(request, "param", "sqlite") == "postgresql":
        from tests.pg import reset_postgres

        url = os.environ[PG_ENV]
        reset_postgres(url)
        database = prepare(url)
    else:
        database = _bind_sqlite(db_path)
    yield database
    close_database()


@pytest.fixture
def sqlite_db(db_path: Path):
    """Like ``db`` but always SQLite (backup, file checks, raw sqlite3 access)."""
    from coursekeeper.db.connection import close_database

    database = _bind_sqlite(db_path)
    yield database
    close_database()
