"""Locks taken inside a caller's transaction before a rule counts and then writes (DESIGN §8).

SQLite needs none of them: every transaction begins with ``BEGIN IMMEDIATE`` and so holds the one
writer lock from its first read. PostgreSQL runs READ COMMITTED, where each statement sees what
others committed before it: after the lock, the rule reads the current truth.
"""

from __future__ import annotations

import zlib

import peewee as pw
from peewee import fn

from coursekeeper.db.connection import database
from coursekeeper.db.models import BaseModel
from coursekeeper.services import permissions

#: The tables a role without UPDATE rights on them (municipal staff) locks through ``staff_lock``.
LOCKED_BY_FUNCTION = ("enrolment", "person")


def lock_row(model: type[BaseModel], row_id: int | pw.SelectQuery) -> None:
    """Hold ``model``'s row ``row_id`` (or the one a subquery selects) until the transaction ends.

    A role without UPDATE rights on enrolments and people (municipal staff) may not lock them with
    ``FOR UPDATE``; it locks the ones it may see through the server's ``staff_lock`` function.
    """
    if not database.for_update:
        return
    table = model._meta.table_name
    if permissions.current().locks_rows or table not in LOCKED_BY_FUNCTION:
        model.select(model.id).where(model.id == row_id).for_update().execute()
    else:
        pw.Select(columns=[fn.staff_lock(table, row_id)]).bind(database).execute()


def lock_name(name: str) -> None:
    """Hold a lock on ``name`` (e.g. certificate numbers) until the transaction ends."""
    if database.for_update:
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (zlib.crc32(name.encode()),))
