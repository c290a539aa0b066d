"""The database worker thread's own connection (peewee connections are per thread)."""

from __future__ import annotations

from coursekeeper.db.connection import database


def connect_worker() -> None:
    """Open this thread's connection if the database is bound and it is not open yet."""
    if database.obj is not None:
        database.connect(reuse_if_open=True)


def disconnect_worker() -> None:
    """Close this thread's connection, if any."""
    if database.obj is not None and not database.is_closed():
        database.close()
