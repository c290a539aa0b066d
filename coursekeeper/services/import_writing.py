"""Bulk writes for an import: one executemany per table instead of a peewee save per row.

Measured here: 10,000 people with ``save()`` ~1.7 s, ``insert_many`` ~0.45 s, a raw
``executemany`` ~0.05 s. Call inside the caller's ``database.atomic()``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence

import peewee as pw

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import AuditLog, BaseModel, now
from coursekeeper.services import audit, chains

AUDIT_COLUMNS = ("at", "actor", "action", "entity", "entity_id", "before", "after", "body_hash")

_BATCH = 1000  # rows per multi-row INSERT … RETURNING on PostgreSQL
_CHUNK = 5000  # rows built and sent per executemany


def sql_value(value: object) -> object:
    """A date or timestamp as the text sqlite3's own adapter would store, converted once.

    The default adapters are Python functions called per value: 40,000 timestamps of one import
    cost ~0.03 s. Other databases get the value unchanged.
    """
    if not is_sqlite(database):
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _columns(model: type[BaseModel], names: Sequence[str]) -> list[str]:
    return [model._meta.fields[name].column_name for name in names]


def insert_rows(model: type[BaseModel], names: Sequence[str], rows: Iterable[tuple]) -> list[int]:
    """Insert ``rows`` (values in ``names`` order) and return their new ids, in the same order.

    Rows are consumed in chunks, so a generator never has all its tuples in memory at once.
    """
    ids: list[int] = []
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, _CHUNK)):
        ids += _insert_chunk(model, names, chunk)
    return ids


def _insert_chunk(model: type[BaseModel], names: Sequence[str], rows: list[tuple]) -> list[int]:
    names, rows = _with_defaults(model, names, rows)
    chain = chains.CHAINS.get(model)
    if chain is not None:  # the ledger and the audit log: each row linked to the one before
        names, rows = chains.sealed_rows(chain, names, rows)
    if not is_sqlite(database):
        fields = [model._meta.fields[name] for name in names]
        ids: list[int] = []
        for start in range(0, len(rows), _BATCH):
            query = model.insert_many(rows[start : start + _BATCH], fields=fields).returning(
                model._meta.primary_key
            )
            ids.extend(row[0] for row in query.tuples().execute())
        return ids
    table = model._meta.table_name
    columns = ", ".join(f'"{c}"' for c in _columns(model, names))
    marks = ", ".join("?" for _ in names)
    cursor = database.cursor()
    cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', rows)
    # The first INSERT took SQLite's write lock, held until commit, and a rowid table without
    # AUTOINCREMENT hands out max(id) + 1: the last len(rows) ids are ours, in insertion order.
    last = database.execute_sql(f'SELECT id FROM "{table}" ORDER BY id DESC LIMIT ?', (len(rows),)).fetchall()
    ids = [row[0] for row in reversed(last)]
    if len(ids) != len(rows):
        raise pw.IntegrityError(f"expected {len(rows)} new rows in {table}, found {len(ids)}")
    return ids


def _with_defaults(model: type[BaseModel], names: Sequence[str], rows: list[tuple]) -> tuple[list[str], list]:
    """Add the columns left out with the model's defaults (peewee applies them in Python, not SQL)."""
    extra_names, extra_values = [], []
    for f in model._meta.sorted_fields:
        if f.primary_key or f.name in names or f.default is None:
            continue
        extra_names.append(f.name)
        extra_values.append(f.default() if callable(f.default) else f.default)
    if not extra_names:
        return list(names), rows
    tail = tuple(extra_values)
    return [*names, *extra_names], [(*row, *tail) for row in rows]


def update_rows(model: type[BaseModel], names: Sequence[str], rows: list[tuple]) -> None:
    """``UPDATE … SET names = ? WHERE id = ?`` for each row (values, then the id last)."""
    if not rows:
        return
    mark = database.param
    sets = ", ".join(f'"{c}" = {mark}' for c in _columns(model, names))
    database.cursor().executemany(f'UPDATE "{model._meta.table_name}" SET {sets} WHERE id = {mark}', rows)


def audit_rows(entries: list[tuple[str, str, int | None, dict | None, dict | None]]) -> None:
    """Append audit entries ``(action, entity, entity_id, before, after)`` in one statement."""
    actor, at = audit.current_actor(), sql_value(now())
    rows = []
    for action, entity, entity_id, before, after in entries:
        before_text, after_text, body = audit.encode(before, after)
        rows.append((at, actor, action, entity, entity_id, before_text, after_text, body))
    insert_rows(AuditLog, AUDIT_COLUMNS, rows)
