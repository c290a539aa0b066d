"""The hash chain names the one row that was altered, removed or inserted, without a cascade."""

from __future__ import annotations

import datetime as dt

from coursekeeper.domain.chain import GENESIS, Break, BreakKind, ChainRow, link, walk


def _chain(n: int) -> list[ChainRow]:
    rows, prev = [], GENESIS
    for i in range(1, n + 1):
        facts = {"amount_ore": 100_000 * i, "entry_date": dt.date(2026, 4, i)}
        rows.append(ChainRow(i, facts, prev, link(prev, facts)))
        prev = rows[-1].chain_hash
    return rows


def _forged(row_id: int, prev: str) -> ChainRow:
    facts = {"amount_ore": -50_000, "entry_date": dt.date(2026, 1, 1)}
    return ChainRow(row_id, facts, prev, link(prev, facts))


def test_an_untouched_chain_has_no_breaks() -> None:
    assert walk(_chain(6)) == []


def test_an_edited_row_is_named_alone() -> None:
    rows = _chain(6)
    rows[2] = ChainRow(3, {**rows[2].facts, "amount_ore": 50_000}, rows[2].prev_hash, rows[2].chain_hash)
    assert walk(rows) == [Break(BreakKind.ALTERED, 3)]


def test_a_deleted_row_is_named_by_the_row_after_it() -> None:
    rows = _chain(6)
    del rows[3]
    assert walk(rows) == [Break(BreakKind.MISSING, 5)]


def test_a_row_inserted_in_the_middle_is_named() -> None:
    rows = _chain(6)
    rows.insert(3, _forged(35, rows[2].chain_hash))  # between 3 and 4, linked to 3
    assert walk(rows) == [Break(BreakKind.INSERTED, 35, (35,))]


def test_a_row_appended_that_links_back_is_named_not_the_rows_it_skips() -> None:
    rows = _chain(6)
    rows.append(_forged(7, rows[1].chain_hash))
    assert walk(rows) == [Break(BreakKind.INSERTED, 7, (7,))]


def test_a_row_without_hashes_is_unsealed() -> None:
    rows = _chain(3)
    rows.append(ChainRow(4, {"amount_ore": 1}, None, None))
    assert walk(rows) == [Break(BreakKind.UNSEALED, 4)]
