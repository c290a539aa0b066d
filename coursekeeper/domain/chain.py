"""Hash chains that make the ledger, the audit log and the certificate register tamper-evident.

Each row carries ``prev_hash`` (the hash of the row before it) and ``chain_hash``, the SHA-256 of
the previous hash and the row's covered facts as canonical JSON. The format below is stored in
every database: never change it, add a new chain instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

#: The ``prev_hash`` of the first row of every chain.
GENESIS = "0" * 64


def plain(value: object) -> object:
    """Dates and times as ISO text; everything else as it is (ints, text, None)."""
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical(facts: Mapping[str, object]) -> bytes:
    """Facts as canonical JSON bytes: sorted keys, no whitespace, dates as ISO text."""
    data = {key: plain(value) for key, value in facts.items()}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def link(prev_hash: str, facts: Mapping[str, object]) -> str:
    """The hash of a row: SHA-256 over the previous row's hash and the row's covered facts."""
    return hashlib.sha256(prev_hash.encode() + b"|" + canonical(facts)).hexdigest()


def body_digest(before: str | None, after: str | None) -> str:
    """SHA-256 of an audit entry's before/after texts (kept apart so erasure can blank them)."""
    return hashlib.sha256(json.dumps([before, after], ensure_ascii=False).encode()).hexdigest()


class BreakKind(StrEnum):
    """How a chain was broken at a row."""

    UNSEALED = "unsealed"  # written without a hash: inserted outside the program
    ALTERED = "altered"  # the covered facts no longer give the stored hash
    MISSING = "missing"  # the row it links to is gone
    INSERTED = "inserted"  # rows stand between this one and the row it links to


@dataclass(frozen=True)
class ChainRow:
    """One stored row as read back: its id, covered facts and the two stored hashes."""

    id: int
    facts: Mapping[str, object]
    prev_hash: str | None
    chain_hash: str | None


@dataclass(frozen=True)
class Break:
    """A place where the chain does not hold at row ``row_id``; ``inserted`` lists inserted rows."""

    kind: BreakKind
    row_id: int
    inserted: tuple[int, ...] = ()


def seal_break(row: ChainRow) -> Break | None:
    """The row's own seal, checked without its neighbours: unsealed, altered, or None when intact."""
    if not row.chain_hash or not row.prev_hash:
        return Break(BreakKind.UNSEALED, row.id)
    if link(row.prev_hash, row.facts) != row.chain_hash:
        return Break(BreakKind.ALTERED, row.id)
    return None


def walk(rows: Iterable[ChainRow]) -> list[Break]:
    """Every break, row by row in id order; one tampered row gives one break, not a cascade.

    Where a row links to an earlier row than the one before it, the chain forks there: of the
    two branches, the shorter one (fewer rows until the next break) is the one inserted.
    """
    breaks: list[Break] = []
    seen: dict[str, int] = {GENESIS: 0}  # hash -> how many rows came up to and including it
    order: list[int] = []
    forks: list[int] = []  # positions in ``breaks`` of the INSERTED breaks, settled below
    last = GENESIS
    for row in rows:
        broken = seal_break(row)
        if broken is not None:
            breaks.append(broken)
        elif row.prev_hash != last:
            if row.prev_hash in seen:
                forks.append(len(breaks))
                breaks.append(Break(BreakKind.INSERTED, row.id, tuple(order[seen[row.prev_hash] :])))
            else:
                breaks.append(Break(BreakKind.MISSING, row.id))
        order.append(row.id)
        if row.chain_hash:
            seen[row.chain_hash] = len(order)
            last = row.chain_hash
    for index in forks:
        breaks[index] = _settle(breaks[index], order, {b.row_id for b in breaks})
    return breaks


def _settle(fork: Break, order: list[int], broken: set[int]) -> Break:
    """Blame the shorter branch of a fork: the rows skipped, or the row that skips and its run."""
    start = order.index(fork.row_id)
    run = [fork.row_id]
    for row_id in order[start + 1 :]:
        if row_id in broken:
            break
        run.append(row_id)
    inserted = tuple(run) if len(run) < len(fork.inserted) else fork.inserted
    return Break(BreakKind.INSERTED, inserted[0], inserted)
