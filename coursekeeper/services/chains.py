"""Append rows to the three hash chains (ledger, audit log, certificate register) and read them back.

Call inside the caller's transaction: the chain's head is locked until commit (an advisory lock
on PostgreSQL, the write lock on SQLite), so rows appended at once form one chain.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import AuditLog, BaseModel, CertificateEvent, LedgerEntry
from coursekeeper.domain.chain import GENESIS, ChainRow, link


@dataclass(frozen=True)
class Chain:
    """A chained table and the fields its hash covers."""

    model: type[BaseModel]
    covered: tuple[str, ...]


LEDGER = Chain(
    LedgerEntry,
    ("enrolment", "kind", "amount_ore", "corrects", "entry_date", "method", "entered_by", "entered_at"),
)
AUDIT = Chain(AuditLog, ("at", "actor", "action", "entity", "entity_id", "body_hash"))
CERTIFICATES = Chain(CertificateEvent, ("certificate", "kind", "facts"))
CHAINS = {chain.model: chain for chain in (LEDGER, AUDIT, CERTIFICATES)}


def head(chain: Chain) -> str:
    """The hash the next row links to, locked for this transaction on PostgreSQL."""
    table = chain.model._meta.table_name
    if not is_sqlite(database):
        return database.execute_sql("SELECT chain_head(%s)", (table,)).fetchone()[0]
    # Take SQLite's write lock first (waiting for it like any write), so no other connection can
    # append between reading the head and inserting: a read first would make the insert fail.
    database.execute_sql(f'UPDATE "{table}" SET id = id WHERE 0')
    row = database.execute_sql(f'SELECT chain_hash FROM "{table}" ORDER BY id DESC LIMIT 1').fetchone()
    return row[0] if row and row[0] else GENESIS


def seal(chain: Chain, values: dict[str, object], prev_hash: str) -> dict[str, object]:
    """``values`` with ``prev_hash`` and ``chain_hash`` added, linked to ``prev_hash``."""
    facts = {name: values.get(name) for name in chain.covered}
    return {**values, "prev_hash": prev_hash, "chain_hash": link(prev_hash, facts)}


def append(row: BaseModel) -> BaseModel:
    """Seal a new row (defaults already filled in) to the end of its chain and insert it."""
    chain = CHAINS[type(row)]
    sealed = seal(chain, row.__data__, head(chain))
    row.prev_hash, row.chain_hash = sealed["prev_hash"], sealed["chain_hash"]
    row.save(force_insert=True)
    return row


def append_many(rows: Sequence[BaseModel]) -> None:
    """Seal new rows of one chained table to the end of its chain, in order, and insert them at once.

    One head read and one insert however many rows (their ids are not read back).
    """
    if not rows:
        return
    model = type(rows[0])
    chain = CHAINS[model]
    prev = head(chain)
    for row in rows:
        sealed = seal(chain, row.__data__, prev)
        row.prev_hash, row.chain_hash = sealed["prev_hash"], sealed["chain_hash"]
        prev = row.chain_hash
    model.insert_many([row.__data__ for row in rows]).execute()


def sealed_rows(chain: Chain, names: Sequence[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """Rows for a bulk insert with their hashes added, each linked to the one before."""
    prev = head(chain)
    out = []
    for row in rows:
        sealed = seal(chain, dict(zip(names, row, strict=True)), prev)
        prev = str(sealed["chain_hash"])
        out.append((*row, sealed["prev_hash"], prev))
    return [*names, "prev_hash", "chain_hash"], out


def stored(chain: Chain, *extra: str) -> Iterator[tuple[ChainRow, tuple]]:
    """Every row of the chain in id order, as read back, with the ``extra`` fields alongside."""
    model = chain.model
    fields = [model._meta.fields[name] for name in (*chain.covered, *extra)]
    query = model.select(model.id, model.prev_hash, model.chain_hash, *fields).order_by(model.id)
    width = len(chain.covered)
    for values in query.tuples().iterator():
        facts = dict(zip(chain.covered, values[3 : 3 + width], strict=True))
        yield ChainRow(values[0], facts, values[1], values[2]), values[3 + width :]
