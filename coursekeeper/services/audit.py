"""The audit log: who did what and when, with the values before and after."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import threading
from dataclasses import dataclass

import peewee as pw
from playhouse.shortcuts import model_to_dict

from coursekeeper.db.models import AuditLog

_state = threading.local()
_default_actor: str | None = None


def set_actor(name: str | None) -> None:
    """Name recorded as the actor of changes made from now on (by every thread)."""
    global _default_actor
    _default_actor = name or None


def current_actor() -> str:
    """The actor for this change: the name set with ``set_actor`` or the operating-system user."""
    actor = getattr(_state, "actor", None) or _default_actor
    if actor:
        return actor
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a stripped-down environment
        return "ukjent"


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


def record(
    action: str,
    entity: str,
    entity_id: int | None,
    *,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditLog:
    """Append one audit entry (call inside the service's transaction)."""
    return AuditLog.create(
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=json.dumps(before, ensure_ascii=False, default=str) if before is not None else None,
        after=json.dumps(after, ensure_ascii=False, default=str) if after is not None else None,
    )


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
