"""Backups that happen by themselves (SQLite): on the first start of a day and when the program closes.

Kept by a rotation (``domain.backup_rotation``: 7 daily, 4 weekly, 12 monthly) in the data folder
or a folder the user chooses (a OneDrive or network folder is typical), encrypted when a backup
password is saved in the operating system's credential store (``keyring``; never in a file).
Settings are per machine (settings.json), like the SQLite file they protect.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from coursekeeper import settings
from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.domain.backup_rotation import to_keep
from coursekeeper.domain.dates import format_datetime
from coursekeeper.errors import CourseKeeperError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import backup as backups
from coursekeeper.services import backup_crypto

logger = logging.getLogger(__name__)

AUTO_PREFIX = "coursekeeper-auto-"
SETTINGS_KEY = "auto_backup"
KEYRING_SERVICE, KEYRING_USER = "CourseKeeper", "backup-password"
STALE_AFTER = dt.timedelta(days=7)
_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})_(\d{6})")


@dataclass(frozen=True)
class AutoBackupSettings:
    """When and where automatic backups are taken."""

    enabled: bool = True
    on_close: bool = True
    folder: str = ""  # empty: the backups folder in the data folder


@dataclass(frozen=True)
class BackupFile:
    """One backup found in the folder, for the restore list."""

    path: Path
    taken_at: dt.datetime
    encrypted: bool
    automatic: bool

    @property
    def label(self) -> str:
        """``07.12.2026 09:14 · automatisk · passordbeskyttet``."""
        parts = [format_datetime(self.taken_at)]
        parts.append(tr("automatisk") if self.automatic else tr("manuell"))
        if self.encrypted:
            parts.append(tr("passordbeskyttet"))
        return " · ".join(parts)


@dataclass(frozen=True)
class AutoBackupResult:
    """A backup taken and the old ones the rotation removed."""

    path: Path
    removed: list[Path]

    @property
    def message(self) -> str:
        """One sentence for the log or the status bar."""
        return tr("Sikkerhetskopi tatt: «{name}».", name=self.path.name) + (
            " " + tr_n("{n} eldre kopi er fjernet.", "{n} eldre kopier er fjernet.", len(self.removed))
            if self.removed
            else ""
        )


def get_settings() -> AutoBackupSettings:
    """This machine's automatic-backup settings (defaults: on, at start of day and on close)."""
    stored = settings.read_settings().get(SETTINGS_KEY) or {}
    known = {k: v for k, v in stored.items() if k in AutoBackupSettings.__dataclass_fields__}
    return AutoBackupSettings(**known)


def save_settings(value: AutoBackupSettings) -> AutoBackupSettings:
    """Store the settings in settings.json; the folder must exist and be writable."""
    if value.folder:
        _check_folder(Path(value.folder))
    current = settings.read_settings()
    current[SETTINGS_KEY] = asdict(value)
    settings.write_settings(current)
    return value


def folder() -> Path:
    """Where automatic backups go."""
    chosen = get_settings().folder
    return Path(chosen) if chosen else settings.backups_dir()


def _check_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".{AUTO_PREFIX}probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise CourseKeeperError(
            tr(
                "Sikkerhetskopimappen «{folder}» kan ikke brukes ({reason}). "
                "Velg en annen mappe i Innstillinger.",
                folder=str(path),
                reason=exc.strerror or str(exc),
            )
        ) from exc


def backup_password() -> str | None:
    """The backup password saved in the credential store, or None (none saved, or no store)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER)
    except KeyringError as exc:
        logger.info("No credential store for the backup password: %s", exc)
        return None


def set_backup_password(password: str | None) -> None:
    """Save (or, with None, forget) the backup password in the operating system's credential store."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, KEYRING_USER, backup_crypto.check_password(password))
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, KEYRING_USER)
    except KeyringError as exc:
        raise CourseKeeperError(
            tr("Operativsystemets passordlager er ikke tilgjengelig, så passordet kan ikke lagres.")
        ) from exc


def _taken_at(path: Path) -> dt.datetime | None:
    match = _STAMP.search(path.name)
    if match is None:
        return None
    return dt.datetime.strptime(match.group(1) + match.group(2), "%Y-%m-%d%H%M%S")


def list_backups(where: Path | None = None) -> list[BackupFile]:
    """The backups in the folder (automatic and manual), newest first, by the time in their names."""
    where = where or folder()
    if not where.is_dir():
        return []
    found = []
    for path in where.iterdir():
        if not path.is_file() or not path.name.startswith("coursekeeper-"):
            continue
        if path.suffix not in (".db", backup_crypto.SUFFIX):
            continue
        taken = _taken_at(path)
        if taken is not None:
            found.append(
                BackupFile(
                    path, taken, path.suffix == backup_crypto.SUFFIX, path.name.startswith(AUTO_PREFIX)
                )
            )
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def due_at_start(now: dt.datetime | None = None) -> bool:
    """True when automatic backups are on and none was taken today (first start of the day)."""
    now = now or dt.datetime.now()
    if not is_sqlite(database) or not get_settings().enabled:  # a shared server's backups are pg_dump
        return False
    return not any(b.automatic and b.taken_at.date() == now.date() for b in list_backups())


def take_automatic(now: dt.datetime | None = None) -> AutoBackupResult:
    """Take an automatic backup now and apply the rotation; one sentence if the folder fails."""
    now = now or dt.datetime.now()
    where = folder()
    _check_folder(where)
    password = backup_password()
    suffix = backup_crypto.SUFFIX if password else ".db"
    target = where / f"{AUTO_PREFIX}{now:%Y-%m-%d_%H%M%S}{suffix}"
    try:
        backups.backup(target, password=password)
    except OSError as exc:
        raise CourseKeeperError(
            tr(
                "Sikkerhetskopien kunne ikke skrives til «{folder}» ({reason}).",
                folder=str(where),
                reason=str(exc),
            )
        ) from exc
    return AutoBackupResult(target, rotate(where))


def rotate(where: Path) -> list[Path]:
    """Remove automatic backups the rotation does not keep; manual ones are never touched."""
    automatic = [b for b in list_backups(where) if b.automatic]
    keep = to_keep(b.taken_at for b in automatic)
    removed = []
    for old in automatic:
        if old.taken_at not in keep:
            try:
                old.path.unlink()
                removed.append(old.path)
            except OSError as exc:
                logger.warning("Could not remove old backup %s: %s", old.path, exc)
    return removed


def stale_warning(now: dt.datetime | None = None) -> str | None:
    """A sentence for the window when the newest backup is older than a week (or there is none)."""
    if not is_sqlite(database):
        return None
    now = now or dt.datetime.now()
    newest = next(iter(list_backups()), None)
    if newest is None:
        return tr("Det er ikke tatt noen sikkerhetskopi av registeret ennå. Ta en nå under Innstillinger.")
    if now - newest.taken_at > STALE_AFTER:
        return tr(
            "Siste sikkerhetskopi er fra {date}, mer enn en uke siden. Ta en nå under Innstillinger.",
            date=format_datetime(newest.taken_at),
        )
    return None
