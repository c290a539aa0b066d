"""The database worker thread's own connection (peewee connections are per thread).

peewee is imported here only when a task first runs, on the worker thread, so that importing the
task runner (and so the main window) does not import peewee — nor psycopg, which peewee imports
when it is installed — before the window is on screen.
"""

from __future__ import annotations

import sys

_CONNECTION_MODULE = "coursekeeper.db.connection"


def connect_worker() -> None:
    """Open this thread's connection if the database is bound and it is not open yet."""
    from coursekeeper.db.connection import database

    if database.obj is not None:
        database.connect(reuse_if_open=True)


def disconnect_worker() -> None:
    """Close this thread's connection, if any (without importing peewee when nothing ever ran)."""
    connection = sys.modules.get(_CONNECTION_MODULE)
    if connection is None:
        return
    database = connection.database
    if database.obj is not None and not database.is_closed():
        database.close()
