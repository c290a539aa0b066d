"""Open the database for the program: pre-check, migrate, seed reference data, bind the models."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import peewee as pw

from coursekeeper import settings
from coursekeeper.db.connection import close_database, database, open_database, sqlite_path
from coursekeeper.db.models import AppSetting
from coursekeeper.db.schema import known_migrations, migrate, precheck_sqlite
from coursekeeper.errors import DatabaseBusyError, DatabaseUnavailableError
from coursekeeper.i18n import tr
from coursekeeper.services import permissions
from coursekeeper.services.busy import retrying
from coursekeeper.services.municipalities import sync_official_list

logger = logging.getLogger(__name__)

SECRET_KEY = "certificate_secret"


def prepare(url: str, *, create: bool = True) -> pw.Database:
    """Open ``url``, apply pending migrations (after a safety copy) and seed reference data.

    Foreign, corrupt or newer databases raise DatabaseUnavailableError before anything is written.
    """
    settings.keep_files_private()  # DESIGN §6: the database, backups and exports are the user's only
    migrations = settings.migrations_dir()
    path = sqlite_path(url)
    if path is not None:
        precheck_sqlite(path, known_migrations(migrations))
    db = open_database(url, create=create)
    try:
        retrying(_migrate_and_seed, db, migrations)
    except pw.DatabaseError as exc:
        close_database()
        raise DatabaseUnavailableError(tr("Databasen kan ikke brukes: {error}", error=exc)) from exc
    except DatabaseBusyError:
        close_database()
        raise
    permissions.load()
    return db


def _migrate_and_seed(db: pw.Database, migrations: Path) -> None:
    migrate(db, migrations, settings.backups_dir())
    with db.atomic():
        sync_official_list()
        if _may_sign(db):
            ensure_secret()


def _may_sign(db: pw.Database) -> bool:
    """False for a staff role on a shared server that may not see the certificate secret."""
    if isinstance(db, pw.SqliteDatabase):
        return True
    return bool(db.execute_sql("SELECT has_table_privilege('app_setting', 'SELECT')").fetchone()[0])


def ensure_secret() -> bytes:
    """The secret that signs certificate codes; created once, kept in the database."""
    row = AppSetting.get_or_none(AppSetting.key == SECRET_KEY)
    if row is None:
        row = AppSetting.create(key=SECRET_KEY, value=secrets.token_hex(32))
    return bytes.fromhex(row.value)


def get_setting(key: str, default: str | None = None) -> str | None:
    """A value from the database's key/value settings."""
    row = AppSetting.get_or_none(AppSetting.key == key)
    return row.value if row else default


def set_setting(key: str, value: str) -> None:
    """Store a value in the database's key/value settings."""
    with database.atomic():
        AppSetting.insert(key=key, value=value).on_conflict(
            conflict_target=[AppSetting.key], update={AppSetting.value: value}
        ).execute()
