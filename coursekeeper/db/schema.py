"""Bring a database to the program's schema with the scripts in ``migrations/``.

A database that is not CourseKeeper's, or that was migrated by a newer program, is refused before
anything is written to it. Pending migrations on an existing SQLite file run after a safety copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

import peewee
from playhouse.migrations import Migration, Runner

from coursekeeper import temp_files
from coursekeeper.db.connection import check_sqlite_file, is_sqlite, sqlite_path
from coursekeeper.errors import DatabaseUnavailableError
from coursekeeper.i18n import tr

logger = logging.getLogger(__name__)

HISTORY_TABLE = "schema_migration"


def known_migrations(migrations_dir: Path) -> list[str]:
    """Names of the migration scripts this program ships, in order."""
    return [m.name for m in Migration.load_directory(str(migrations_dir))]


def _read_only_tables(path: Path) -> tuple[set[str], list[str]]:
    """Tables and applied migration names of an SQLite file, read without writing to it."""
    uri = path.resolve().as_uri().replace("file://", "file:", 1) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied: list[str] = []
            if HISTORY_TABLE in tables:
                applied = [r[0] for r in conn.execute(f"SELECT name FROM {HISTORY_TABLE}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailableError(
            tr(
                "«{path}» kan ikke leses som en database; filen er skadet eller ikke en "
                "CourseKeeper-database ({error}). Ingenting er endret.",
                path=path,
                error=exc,
            )
        ) from exc
    return tables, applied


def check_compatible(tables: set[str], applied: list[str], known: list[str], where: str) -> None:
    """Refuse foreign and newer databases with one clear message (exit code 2)."""
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables and HISTORY_TABLE not in user_tables:
        raise DatabaseUnavailableError(
            tr(
                "«{where}» er ikke en CourseKeeper-database (den inneholder andre tabeller). "
                "Ingenting er endret.",
                where=where,
            )
        )
    unknown = sorted(set(applied) - set(known))
    if unknown:
        raise DatabaseUnavailableError(
            tr(
                "Databasen «{where}» er laget av en nyere versjon av CourseKeeper ({migrations}). "
                "Oppdater programmet. Ingenting er endret.",
                where=where,
                migrations=", ".join(unknown),
            )
        )


def precheck_sqlite(path: Path, known: list[str]) -> list[str]:
    """Check an existing SQLite file before it is opened for writing; return applied names."""
    check_sqlite_file(path)
    if not path.exists() or path.stat().st_size == 0:
        return []
    tables, applied = _read_only_tables(path)
    check_compatible(tables, applied, known, str(path))
    return applied


def safety_copy(db: peewee.SqliteDatabase, backups_dir: Path, reason: str) -> Path:
    """Consistent copy of a live SQLite database into ``backups_dir`` (SQLite backup API)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"coursekeeper-{reason}-{stamp}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"coursekeeper-{reason}-{stamp}-{counter}.db"
    # Written to a temporary name, checked, then renamed: a copy under the final name is whole.
    with temp_files.replacing(target) as temporary:
        dest = sqlite3.connect(str(temporary))
        try:
            db.connection().backup(dest)
            verdict = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if verdict != "ok":
            raise DatabaseUnavailableError(
                tr(
                    "Sikkerhetskopien før endringen ble ikke hel ({feil}). Ingenting er endret.",
                    feil=verdict,
                )
            )
    return target


def migrate(db: peewee.Database, migrations_dir: Path, backups_dir: Path | None = None) -> list[str]:
    """Apply pending migrations; returns their names. Refuses foreign and newer databases."""
    known = known_migrations(migrations_dir)
    runner = Runner(db, str(migrations_dir), table_name=HISTORY_TABLE)
    tables = set(db.get_tables())
    applied = list(runner.applied())
    check_compatible(tables, applied, known, _describe(db))
    pending = [name for name in known if name not in applied]
    if not pending:
        return []
    if applied and backups_dir is not None and is_sqlite(db):
        copy = safety_copy(db, backups_dir, "før-oppgradering")
        logger.info("Safety copy before migrating: %s", copy)
    done = runner.up()
    logger.info("Applied migrations: %s", ", ".join(done))
    return done


def _describe(db: peewee.Database) -> str:
    path = sqlite_path("sqlite:///" + db.database) if is_sqlite(db) else None
    return str(path) if path else str(db.database)
