"""Open the database chosen by URL into the one ``DatabaseProxy`` the models use."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from playhouse.db_url import connect

from coursekeeper.errors import DatabaseUnavailableError, ServerRefusedError
from coursekeeper.i18n import tr

logger = logging.getLogger(__name__)

database = peewee.DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5_000,  # one lock wait; services.busy tries a call up to three times
    "synchronous": "normal",
}
#: Transactions take the write lock when they begin: a transaction that reads first and writes
#: later cannot wait for the lock (SQLite fails it at once), so a second writer would get
#: "database is locked" instead of waiting its turn (DESIGN §8).
SQLITE_LOCK_TYPE = "IMMEDIATE"
#: Seconds a PostgreSQL connect waits for a server that does not answer (a dropped network sends
#: nothing back, and the system's own wait is minutes); the URL's ``connect_timeout`` wins.
PG_CONNECT_TIMEOUT_S = 5
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: libpq's words when the server could not be reached at all (no answer, no such host).
_NO_CONTACT = (
    "Connection refused",
    "timeout expired",
    "could not translate host name",
    "Name or service not known",
    "No route to host",
    "Network is unreachable",
    "server closed the connection",
)


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for other databases and ``:memory:``."""
    parsed = urlparse(url)
    if parsed.scheme != "sqlite":
        return None
    raw = unquote(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else parsed.path
    if not raw or raw == ":memory:":
        return None
    # sqlite:///C:/Users/... on Windows; sqlite:////home/... on POSIX.
    return Path(raw if (len(raw) > 2 and raw[1] == ":") else "/" + raw.lstrip("/"))


def is_sqlite(db: peewee.Database | peewee.DatabaseProxy) -> bool:
    """True when the (initialised) database is SQLite."""
    target = db.obj if isinstance(db, peewee.DatabaseProxy) else db
    return isinstance(target, peewee.SqliteDatabase)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that exists but is not an SQLite database, without touching it."""
    if not path.exists():
        return
    if path.is_dir():
        raise DatabaseUnavailableError(tr("«{path}» er en mappe, ikke en databasefil.", path=path))
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseUnavailableError(
            tr("Kan ikke lese databasefilen «{path}»: {error}", path=path, error=exc)
        ) from exc
    if header and header != _SQLITE_MAGIC:
        raise DatabaseUnavailableError(
            tr("«{path}» er ikke en CourseKeeper-database (filen er ikke en SQLite-database).", path=path)
        )


def open_database(url: str, *, create: bool = True) -> peewee.Database:
    """Connect by URL, bind the models' proxy to it and return the database.

    SQLite gets WAL, foreign keys, a busy timeout and ``BEGIN IMMEDIATE``; PostgreSQL uses psycopg 3.
    """
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        if not path.exists():
            if not create:
                raise DatabaseUnavailableError(tr("Databasefilen «{path}» finnes ikke.", path=path))
            path.parent.mkdir(parents=True, exist_ok=True)
        db = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, lock_type=SQLITE_LOCK_TYPE)
        _register_functions(db)
    elif url.startswith(("postgres://", "postgresql://")):
        extra = {} if "connect_timeout=" in url else {"connect_timeout": PG_CONNECT_TIMEOUT_S}
        # The login dialog quotes the user and password into the URL (an «@» or «æ» in a password).
        db = connect(url, unquote_password=True, unquote_user=True, prefer_psycopg3=True, **extra)
    elif url.startswith("sqlite:"):
        db = peewee.SqliteDatabase(":memory:", pragmas=SQLITE_PRAGMAS, lock_type=SQLITE_LOCK_TYPE)
        _register_functions(db)
    else:
        raise DatabaseUnavailableError(
            tr("Ukjent databaseadresse «{url}». Bruk en filsti, sqlite:///STI eller postgresql://…", url=url)
        )
    try:
        db.connect(reuse_if_open=True)
    except peewee.DatabaseError as exc:
        if path is None and not url.startswith("sqlite:"):
            logger.warning("The database server refused the connection: %s", exc)
            raise ServerRefusedError(server_refusal(str(exc), url)) from exc
        raise DatabaseUnavailableError(tr("Kan ikke åpne databasen: {error}", error=exc)) from exc
    database.initialize(db)
    return db


def server_refusal(error: str, url: str) -> str:
    """The PostgreSQL server's refusal to connect (``error``, libpq's English) as one Norwegian sentence."""
    parts = urlparse(url)
    user = unquote(parts.username or "")
    server = parts.hostname or "localhost"
    if "password authentication failed" in error or "password is required" in error:
        return tr("Feil brukernavn eller passord. Prøv igjen.")
    if "not permitted to log in" in error:
        return tr(
            "Brukeren «{user}» er deaktivert og kan ikke logge inn. Be en administrator om å gi den "
            "tilgang igjen.",
            user=user,
        )
    if "role" in error and "does not exist" in error:
        return tr("Brukeren «{user}» finnes ikke på databaseserveren. Sjekk brukernavnet.", user=user)
    if "database" in error and "does not exist" in error:
        return tr(
            "Databasen «{name}» finnes ikke på {server}. Sjekk adressen med den som driver serveren.",
            name=parts.path.strip("/"),
            server=server,
        )
    if "pg_hba.conf" in error:
        return tr(
            "Databaseserveren {server} tar ikke imot «{user}» fra denne maskinen. Be den som driver "
            "serveren om tilgang.",
            server=server,
            user=user,
        )
    if any(sign in error for sign in _NO_CONTACT):
        return tr(
            "Får ikke kontakt med databaseserveren {server}. Sjekk nettverket og at serveren kjører, "
            "og prøv igjen.",
            server=server,
        )
    return tr(
        "Databaseserveren {server} avviste innloggingen. Prøv igjen om litt; hjelper ikke det, be den "
        "som driver serveren se i serverens logg.",
        server=server,
    )


def _register_functions(db: peewee.SqliteDatabase) -> None:
    from coursekeeper.db.text_sql import register_sqlite_functions  # it imports this module

    register_sqlite_functions(db)


def close_database() -> None:
    """Close this thread's connection, if the proxy is bound."""
    if database.obj is not None and not database.is_closed():
        database.close()
