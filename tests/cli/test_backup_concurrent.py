"""A backup taken while another connection writes is a consistent copy that passes ``check``."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from coursekeeper.domain.chain import GENESIS, body_digest, link
from tests.cli.conftest import row_counts

Run = Callable[..., tuple[int, str, str]]
WRITE_SECONDS = 1.5


def _append_audit(con: sqlite3.Connection, n: int) -> None:
    """An audit row sealed to the end of the chain, as the program writes it (under the write lock)."""
    facts = {
        "at": "2026-11-24 12:00:00",
        "actor": "test",
        "action": "samtidig",
        "entity": "person",
        "entity_id": n,
        "body_hash": body_digest(None, None),
    }
    head = con.execute("SELECT chain_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = head[0] if head else GENESIS
    con.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, body_hash, prev_hash, chain_hash)"
        " VALUES (:at, :actor, :action, :entity, :entity_id, :body_hash, :prev, :hash)",
        {**facts, "prev": prev, "hash": link(prev, facts)},
    )


def _writer(path: Path, started: threading.Event, stop: threading.Event, state: dict) -> None:
    """Insert a person and a matching audit row per transaction until told to stop (bounded)."""
    con = sqlite3.connect(path, timeout=10)
    try:
        deadline = time.monotonic() + WRITE_SECONDS * 2
        n = 0
        while not stop.is_set() and time.monotonic() < deadline:
            with con:
                con.execute(
                    "INSERT INTO person (first_name, last_name, address, postal_code, city, search_key,"
                    " created_at) VALUES ('Samtidig', ?, '', '', '', ?, '2026-11-24 12:00:00')",
                    (f"Skriver {n}", f"samtidig skriver {n}"),
                )
                _append_audit(con, n)
            n += 1
            state["written"] = n
            started.set()
    except Exception as exc:  # reported by the test
        state["error"] = exc
    finally:
        started.set()
        con.close()


def _pairs(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        persons = con.execute("SELECT COUNT(*) FROM person WHERE first_name = 'Samtidig'").fetchone()[0]
        audits = con.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'samtidig'").fetchone()[0]
    finally:
        con.close()
    return persons, audits


def test_backup_while_another_connection_writes(run: Run, demo_db: Path, tmp_path: Path) -> None:
    base = row_counts(demo_db)["person"]
    started, stop, state = threading.Event(), threading.Event(), {"written": 0}
    thread = threading.Thread(target=_writer, args=(demo_db, started, stop, state), daemon=True)
    thread.start()
    assert started.wait(10)
    copies: list[tuple[Path, int, int]] = []
    end = time.monotonic() + WRITE_SECONDS
    try:
        while time.monotonic() < end or len(copies) < 3:
            out = tmp_path / "kopier æøå" / f"kopi {len(copies) + 1}.db"
            before = state["written"]
            code, _, err = run("--db", demo_db, "backup", "--out", out)
            assert code == 0, err
            copies.append((out, before, state["written"]))
            if len(copies) >= 20:
                break
    finally:
        stop.set()
        thread.join(10)
    assert "error" not in state, state.get("error")
    assert state["written"] > 0
    # The writer really was writing while copies were taken.
    assert any(after > before for _, before, after in copies)
    for out, before, after in copies:
        persons, audits = _pairs(out)
        # Each writer transaction is in the copy entirely or not at all.
        assert persons == audits
        assert before <= persons <= after + 1  # the counter is bumped just after each commit
        assert row_counts(out)["person"] == base + persons
        code, text, _ = run("--db", out, "check")
        assert code == 0, text
        assert "Alt i orden." in text
