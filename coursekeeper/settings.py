"""Where things are: the data folder, resources/, migrations/, and the database URL.

The desktop program imports this before its window is first shown, so ``json`` and
``platformdirs`` are imported where they are used (together ~5 ms at import time).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

APP_NAME = "CourseKeeper"
DB_ENV = "COURSEKEEPER_DB"
DATA_DIR_ENV = "COURSEKEEPER_DATA_DIR"
SETTINGS_FILE_NAME = "settings.json"
DATABASE_FILE_NAME = "coursekeeper.db"


def data_dir() -> Path:
    """The user's local (not roaming) data folder, e.g. ``%LOCALAPPDATA%\\CourseKeeper``."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def keep_files_private() -> None:
    """Make what this process writes readable by the user only, and tighten the data folder.

    On POSIX the umask becomes 077 (new files 0600, folders 0700) and the data folder and
    everything in it are set so; on Windows the per-user LocalAppData folder already is private.
    """
    if os.name != "posix":
        return
    os.umask(0o077)
    folder = data_dir()
    if not folder.is_dir():
        return
    for path in (folder, *folder.rglob("*")):
        try:
            if path.is_symlink() or path.stat().st_uid != os.getuid():
                continue
            path.chmod(0o700 if path.is_dir() else 0o600)
        except OSError as exc:
            logger.warning("Could not make %s private: %s", path, exc)


def backups_dir() -> Path:
    """Folder for automatic safety copies and backups made from the program."""
    return data_dir() / "backups"


def _bundle_root() -> Path:
    """The folder holding ``resources/`` and ``migrations/``: the install or the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    package_dir = Path(__file__).resolve().parent
    shipped = package_dir / "_data"
    if (shipped / "resources").is_dir():
        return shipped
    return package_dir.parent


def resources_dir() -> Path:
    """The ``resources/`` folder (icons, fonts, translations, municipalities)."""
    return _bundle_root() / "resources"


def migrations_dir() -> Path:
    """The ``migrations/`` folder with the playhouse.migrations scripts."""
    return _bundle_root() / "migrations"


def settings_file() -> Path:
    """The JSON settings file in the data folder."""
    return data_dir() / SETTINGS_FILE_NAME


def read_settings() -> dict:
    """The settings file's contents, or an empty dict when it is missing or unreadable."""
    import json

    path = settings_file()
    try:
        with path.open(encoding="utf-8") as fh:
            value = json.load(fh)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        logger.warning("Ignoring unreadable settings file %s: %s", path, exc)
        return {}
    return value if isinstance(value, dict) else {}


def write_settings(values: dict) -> None:
    """Write the settings file atomically."""
    import json

    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(values, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def default_database_url() -> str:
    """SQLite file in the user's data folder."""
    return sqlite_url(data_dir() / DATABASE_FILE_NAME)


def sqlite_url(path: Path | str) -> str:
    """A ``sqlite:///`` URL for a file path (absolute, forward slashes, Windows-safe)."""
    return "sqlite:///" + Path(path).resolve().as_posix()


def resolve_database_url(cli_value: str | None = None) -> str:
    """Database URL from, in order: ``--db``, ``COURSEKEEPER_DB``, the settings file, default.

    A plain file path is accepted wherever a URL is and means an SQLite file.
    """
    for candidate in (cli_value, os.environ.get(DB_ENV), read_settings().get("database_url")):
        if candidate:
            return candidate if "://" in candidate else sqlite_url(candidate)
    return default_database_url()
