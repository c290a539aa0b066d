"""A busy database is waited for and retried, then reported in one sentence (DESIGN §8).

Every service function is one transaction, so a whole call can run again after a lock wait ran
out (SQLite ``database is locked``) or PostgreSQL chose it as the victim of a deadlock or a
serialization conflict: the failed attempt was rolled back and wrote nothing. Only the outermost
call retries; inside a transaction the error goes up to the caller that owns it.

Imported by the task runner before the window is shown, so it imports neither peewee nor psycopg.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from coursekeeper.errors import CourseKeeperError, DatabaseBusyError
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


def is_busy(exc: BaseException) -> bool:
    """True for a lock wait that ran out or a transaction the server rolled back to break a tie."""
    if isinstance(exc, CourseKeeperError):
        return False  # already said in words (a busy error from an inner call is not tried again)
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) in RETRYABLE_SQLSTATES:
            return True
        if type(current).__name__ == "OperationalError" and str(current).startswith(_SQLITE_BUSY):
            return True
        current = current.__cause__ or current.__context__
    return False


def busy_error() -> DatabaseBusyError:
    """The one sentence the user reads when the database stayed busy."""
    return DatabaseBusyError(
        tr(
            "Databasen er opptatt fordi andre lagrer samtidig, og ingenting er lagret. "
            "Vent litt og prøv igjen."
        )
    )


def retrying(fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> R:
    """Call ``fn``; when the database is busy, try again a few times, then raise DatabaseBusyError."""
    attempt = 1
    while True:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if not is_busy(exc):
                raise
            if attempt >= ATTEMPTS:
                logger.warning("Database still busy after %d tries: %s", attempt, exc)
                raise busy_error() from exc
            logger.info("Database busy (try %d of %d): %s", attempt, ATTEMPTS, exc)
            time.sleep(BACKOFF_S * 2 ** (attempt - 1) * (1 + random.random()))
            attempt += 1
