"""report, person export|erase, retention, backup --password and restore on the command line."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import pytest


def _held_person(db) -> int:
    """A person for whom a deposit is still held (paid, neither refunded nor kept)."""
    con = sqlite3.connect(db)
    row = con.execute(
        """SELECT e.person_id FROM ledger_entry l JOIN enrolment e ON e.id = l.enrolment_id
           GROUP BY e.id HAVING SUM(CASE l.kind WHEN 'payment' THEN l.amount_ore ELSE -l.amount_ore END) > 0
           LIMIT 1"""
    ).fetchone()
    con.close()
    return row[0]


def test_report_as_workbook_and_pdf(run, demo_db, tmp_path) -> None:
    from pypdf import PdfReader

    code, out, _ = run(
        "report", "--db", demo_db, "--out", tmp_path / "nøkkeltall.xlsx", "--as-of", "2026-12-07"
    )
    assert code == 0 and "Nøkkeltallrapporten er lagret" in out
    with zipfile.ZipFile(tmp_path / "nøkkeltall.xlsx") as book:
        assert sum(name.startswith("xl/charts/chart") for name in book.namelist()) == 4
    code, out, _ = run("--db", demo_db, "report", "--out", tmp_path / "2025.pdf", "--year", "2025")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "2025.pdf").pages)
    assert code == 0 and "Nøkkeltall – Kurs som startet i 2025" in text
    code, _, err = run("--db", demo_db, "report", "--out", tmp_path / "rapport.docx")
    assert (
        code == 1 and err.strip() == "Feil: Rapporten kan lagres som .xlsx eller .pdf, ikke «rapport.docx»."
    )


def test_person_export_and_erase(run, demo_db, tmp_path, monkeypatch) -> None:
    person = _held_person(demo_db)
    code, out, _ = run("--db", demo_db, "person", "export", person, "--out", tmp_path / "innsyn.pdf")
    assert code == 0 and (tmp_path / "innsyn.pdf").exists()
    name = json.loads((tmp_path / "innsyn.json").read_text(encoding="utf-8"))["person"]["last_name"]
    monkeypatch.setattr("sys.stdin", io.StringIO("nei\n"))
    code, out, _ = run("--db", demo_db, "person", "erase", person)
    assert code == 1 and out.strip().endswith("Ingenting er slettet.")
    code, _, err = run("--db", demo_db, "person", "erase", person, "--yes")
    assert code == 1 and "holdes fortsatt" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("JA\n"))
    code, out, _ = run("--db", demo_db, "person", "erase", person, "--despite-money")
    assert code == 0 and "er slettet" in out
    con = sqlite3.connect(demo_db)
    assert con.execute("SELECT last_name FROM person WHERE id = ?", (person,)).fetchone() == ("person",)
    assert name not in {r[0] for r in con.execute("SELECT last_name FROM person")}
    con.close()


def test_retention_lists_then_applies(run, demo_db) -> None:
    code, out, _ = run("--db", demo_db, "retention", "--as-of", "2026-12-07")
    lines = out.splitlines()
    assert code == 0 and "egnethetsvurderinger skal slettes" in lines[0] and len(lines) > 1
    code, out, _ = run("--db", demo_db, "retention", "--as-of", "2026-12-07", "--apply")
    assert code == 0 and "slettet" in out.splitlines()[-1]
    code, out, _ = run("--db", demo_db, "retention", "--as-of", "2026-12-07")
    assert out.strip() == "Ingenting skal slettes etter reglene per 07.12.2026."


@pytest.mark.parametrize("wrong_first", [True, False])
def test_password_backup_and_restore(run, demo_db, tmp_path, monkeypatch, wrong_first) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("riktig hest batteri\n"))
    code, out, _ = run("--db", demo_db, "backup", "--out", tmp_path / "kopi", "--password")
    copy = tmp_path / "kopi.ckbackup"
    assert code == 0 and copy.exists() and b"Nordmann" not in copy.read_bytes()
    if wrong_first:
        monkeypatch.setattr("sys.stdin", io.StringIO("feil passord\n"))
        code, _, err = run("--db", demo_db, "restore", copy)
        assert code == 1 and err.strip() == "Feil: Feil passord, eller filen er skadet. Ingenting er endret."
    monkeypatch.setattr("sys.stdin", io.StringIO("riktig hest batteri\n"))
    code, out, _ = run("--db", demo_db, "restore", copy)
    assert code == 0 and out.startswith("Gjenopprettet fra")
