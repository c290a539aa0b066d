"""A busy or lost database is waited for and retried, then reported in one sentence (DESIGN §8).

Every service function is one transaction, so a whole call can run again after a lock wait ran
out (SQLite ``database is locked``) or PostgreSQL chose it as the victim of a deadlock or a
serialization conflict: the failed attempt was rolled back and wrote nothing. The same holds when
the connection to a PostgreSQL server broke: the server rolls back what it had not committed, this
thread's connection is dropped, and the next try (or the next task) connects again. Only the
outermost call retries; inside a transaction the error goes up to the caller that owns it.

Imported by the task runner before the window is shown, so it imports neither peewee nor psycopg.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from coursekeeper.errors import ConnectionLostError, CourseKeeperError, DatabaseBusyError
from coursekeeper.i18n import tr

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

#: Tries of one call before the user is told; with SQLite's 5 s busy timeout about 15 s in all.
ATTEMPTS = 3
#: First pause between tries in seconds; doubled each time, with jitter so writers fall apart.
BACKOFF_S = 0.05

#: PostgreSQL SQLSTATEs after which the whole transaction may simply run again.
RETRYABLE_SQLSTATES = frozenset(
    {
        "40001",  # serialization_failure
        "40P01",  # deadlock_detected
        "55P03",  # lock_not_available
    }
)
_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")
#: SQLSTATEs of a server that went away: connection exceptions (08…) and shutdowns (57P01–57P03).
LOST_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not s for s in seen):
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def is_busy(exc: BaseException) -> bool:
    """True for a lock wait that ran out or a transaction the server rolled back to break a tie."""
    if isinstance(exc, CourseKeeperError):
        return False  # already said in words (a busy error from an inner call is not tried again)
    for current in _chain(exc):
        if getattr(current, "sqlstate", None) in RETRYABLE_SQLSTATES:
            return True
        if type(current).__name__ == "OperationalError" and str(current).startswith(_SQLITE_BUSY):
            return True
    return False


def is_connection_lost(exc: BaseException) -> bool:
    """True when the PostgreSQL connection broke or could not be made (the server is away)."""
    if isinstance(exc, CourseKeeperError):
        return False
    for current in _chain(exc):
        if not type(current).__module__.startswith("psycopg"):
            continue
        sqlstate = getattr(current, "sqlstate", None)
        if sqlstate is None and type(current).__name__ in ("OperationalError", "InterfaceError"):
            return True  # psycopg's own: "connection failed", "the connection is closed"
        if sqlstate and (sqlstate.startswith("08") or sqlstate in LOST_SQLSTATES):
            return True
    return False


def _drop_connection() -> None:
    """Forget this thread's broken connection; the next use connects again."""
    from coursekeeper.db.connection import database

    try:
        if database.obj is not None and not database.is_closed():
            database.close()
    except Exception:  # closing a dead connection may fail too; it is gone either way
        logger.debug("Closing the lost connection failed", exc_info=True)


def busy_error() -> DatabaseBusyError:
    """The one sentence the user reads when the database stayed busy."""
    return DatabaseBusyError(
        tr(
            "Databasen er opptatt fordi andre lagrer samtidig, og ingenting er lagret. "
            "Vent litt og prøv igjen."
        )
    )


def lost_error() -> ConnectionLostError:
    """The one sentence the user reads when the database server cannot be reached."""
    return ConnectionLostError(
        tr(
            "Forbindelsen til databasen er brutt, og ingenting er lagret. CourseKeeper kobler til igjen "
            "av seg selv når tjeneren svarer; prøv igjen om litt."
        )
    )


def retrying(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Call ``fn``; when the database is busy or away, try again a few times, then say so in words."""
    attempt = 1
    while True:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            lost = is_connection_lost(exc)
            if not lost and not is_busy(exc):
                raise
            if lost:
                _drop_connection()
            if attempt >= ATTEMPTS:
                logger.warning(
                    "Database still %s after %d tries: %s", "away" if lost else "busy", attempt, exc
                )
                raise (lost_error() if lost else busy_error()) from exc
            logger.info("Database %s (try %d of %d): %s", "away" if lost else "busy", attempt, ATTEMPTS, exc)
            time.sleep(BACKOFF_S * 2 ** (attempt - 1) * (1 + random.random()))
            attempt += 1
