"""Foreign, broken and newer databases are refused untouched; upgrades make a safety copy first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from coursekeeper import settings
from coursekeeper.db.connection import close_database, open_database
from coursekeeper.db.schema import migrate
from coursekeeper.errors import DatabaseUnavailableError
from coursekeeper.services.database import prepare


def _url(path: Path) -> str:
    return "sqlite:///" + path.as_posix()


def test_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notater æøå.db"
    path.write_text("Dette er ikke en database", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailableError, match="ikke en CourseKeeper-database"):
        prepare(_url(path))
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "annen.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseUnavailableError, match="andre tabeller"):
        prepare(_url(path))
    assert path.read_bytes() == before


def test_newer_database_is_refused_and_left_alone(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0099_future', '2030-01-01')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseUnavailableError, match="nyere versjon"):
        prepare(_url(db_path))
    assert db_path.read_bytes() == before


def test_pending_migration_runs_after_a_safety_copy(db_path: Path, tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(settings.migrations_dir(), migrations)
    (migrations / "0002_add_probe.py").write_text(
        '"""Test migration."""\nfrom peewee import TextField\n\n\ndef up(migrator, db):\n'
        "    migrator.migrate(migrator.add_column('app_setting', 'probe', TextField(default='')))\n",
        encoding="utf-8",
    )
    db = open_database(_url(db_path))
    try:
        db.execute_sql("INSERT INTO app_setting (key, value) VALUES ('marker', 'før')")
        backups = tmp_path / "backups"
        assert migrate(db, migrations, backups) == ["0002_add_probe"]
        copies = list(backups.glob("*.db"))
        assert len(copies) == 1
        old = sqlite3.connect(copies[0])
        assert old.execute("SELECT value FROM app_setting WHERE key='marker'").fetchone() == ("før",)
        columns = [r[1] for r in old.execute("PRAGMA table_info(app_setting)")]
        old.close()
        assert "probe" not in columns
        assert migrate(db, migrations, backups) == []
    finally:
        close_database()


def test_sqlite_is_opened_with_wal_foreign_keys_and_busy_timeout(db) -> None:
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_database_url_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSEKEEPER_DATA_DIR", str(tmp_path / "data"))
    assert settings.resolve_database_url().endswith("/data/coursekeeper.db")
    settings.write_settings({"database_url": "postgresql://kontor/ck"})
    assert settings.resolve_database_url() == "postgresql://kontor/ck"
    monkeypatch.setenv("COURSEKEEPER_DB", str(tmp_path / "miljø.db"))
    assert settings.resolve_database_url().endswith("/miljø.db")
    assert settings.resolve_database_url(str(tmp_path / "valgt.db")).endswith("/valgt.db")
