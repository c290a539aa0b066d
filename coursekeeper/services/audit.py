"""The audit log: who did what and when, with the values before and after."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import peewee as pw
from playhouse.shortcuts import model_to_dict

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import AuditLog
from coursekeeper.domain.chain import body_digest
from coursekeeper.services import chains

#: The action of the chained entry that records an erasure blanking another entry's before/after.
REDACT = "redact"

_state = threading.local()
_default_actor: str | None = None


def set_actor(name: str | None) -> None:
    """Name recorded as the actor of changes made from now on (by every thread)."""
    global _default_actor
    _default_actor = name or None


def current_actor() -> str:
    """The actor for this change: on PostgreSQL the server's ``session_user`` (the database sets it
    on every audit and ledger row); on SQLite the name set with ``set_actor`` or the OS user."""
    if not is_sqlite(database):
        return _session_user()
    actor = getattr(_state, "actor", None) or _default_actor
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a stripped-down environment
        return "ukjent"


def _session_user() -> str:
    """The server's ``session_user``, asked once per connection (it cannot change within one)."""
    connection = database.connection()
    known = getattr(_state, "session_user", None)
    if known is None or known[0] is not connection:
        known = (connection, database.execute_sql("SELECT session_user").fetchone()[0])
        _state.session_user = known
    return known[1]


def plain_value(value: object) -> object:
    """A stored value as JSON can hold it: dates as ISO text, binary data as its size."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return f"<{len(bytes(value))} byte>"
    return value


def snapshot(instance: pw.Model | None, *, redact: tuple[str, ...] = ()) -> dict | None:
    """A JSON-ready dict of a row's own columns (foreign keys as ids); ``redact`` hides values."""
    if instance is None:
        return None
    data = model_to_dict(instance, recurse=False)
    result = {}
    for key, value in data.items():
        if key in redact or key in ("logo",):
            result[key] = "<skjult>" if value else ""
        else:
            result[key] = plain_value(value)
    return result


def _text(value: dict | None) -> str | None:
    return json.dumps(value, ensure_ascii=False, default=str) if value is not None else None


def encode(before: dict | None, after: dict | None) -> tuple[str | None, str | None, str]:
    """The before/after values as stored (JSON text) and the digest the chain covers."""
    before_text, after_text = _text(before), _text(after)
    return before_text, after_text, body_digest(before_text, after_text)


def record(
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditLog:
    """Append one audit entry to the chain (call inside the service's transaction)."""
    before_text, after_text, body = encode(before, after)
    entry = AuditLog(
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before_text,
        after=after_text,
        body_hash=body,
    )
    pending = getattr(_state, "pending", None)
    if pending is not None:
        pending.append(entry)
        return entry
    return chains.append(entry)


@contextmanager
def appended_together() -> Iterator[None]:
    """Inside a transaction: the entries recorded in the block join the chain together at its end.

    One chain-head read and one insert for a batch instead of two statements (three on SQLite)
    per entry; the entries keep their own time and order. When the block raises, nothing is
    appended (the caller's transaction rolls back). Code in the block must not read its own
    entries back. A block inside another appends with the outer one.
    """
    if getattr(_state, "pending", None) is not None:
        yield
        return
    pending: list[AuditLog] = []
    _state.pending = pending
    try:
        yield
    finally:
        _state.pending = None
    chains.append_many(pending)


@dataclass(frozen=True)
class AuditRow:
    """One audit entry for display."""

    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    before: dict | None
    after: dict | None


def entries(*, entity: str | None = None, entity_id: int | None = None, limit: int = 500) -> list[AuditRow]:
    """Newest audit entries first, optionally for one entity."""
    query = AuditLog.select().order_by(AuditLog.id.desc()).limit(limit)
    if entity is not None:
        query = query.where(AuditLog.entity == entity)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    return [
        AuditRow(
            e.at,
            e.actor,
            e.action,
            e.entity,
            e.entity_id,
            json.loads(e.before) if e.before else None,
            json.loads(e.after) if e.after else None,
        )
        for e in query
    ]
