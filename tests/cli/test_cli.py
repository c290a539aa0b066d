"""The command line end to end, in-process, on temporary databases (DESIGN §7)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from coursekeeper.db.connection import close_database
from coursekeeper.db.models import Certificate
from coursekeeper.domain.states import EnrolmentState
from coursekeeper.services import refunds
from coursekeeper.services.database import prepare
from tests.cli.conftest import checkpoint, row_counts

Run = Callable[..., tuple[int, str, str]]
STATES = {s.value for s in EnrolmentState}


def _courses_json(run: Run, db: Path) -> list[dict]:
    code, out, err = run("--db", db, "courses", "--json")
    assert code == 0, err
    return json.loads(out)["courses"]


def _codes(db: Path) -> tuple[str, str]:
    """A valid and a revoked verification code, read through the models."""
    prepare("sqlite:///" + db.as_posix())
    try:
        valid = Certificate.select().where(Certificate.revoked_at.is_null()).first().code
        revoked = Certificate.select().where(Certificate.revoked_at.is_null(False)).first().code
    finally:
        close_database()
    return valid, revoked


# --- demo and courses -----------------------------------------------------------------------


def test_demo_twice_on_a_new_database(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "ny mappe æøå" / "kurs.db"
    db.parent.mkdir()
    code, out, err = run("--db", db, "demo")
    assert code == 0, err
    assert "Demodata er lagt inn" in out
    counts = row_counts(db)
    assert 70 <= counts["person"] <= 90
    code, out, _ = run("--db", db, "demo")
    assert code == 0
    assert "allerede" in out and "Ingenting er endret" in out
    assert row_counts(db) == counts


def test_courses_lists_the_demo_in_norwegian(run: Run, demo_db: Path) -> None:
    code, out, _ = run("--db", demo_db, "courses")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == row_counts(demo_db)["course"]
    oygarden = next(line for line in lines if "Øygarden" in line)
    assert "10.04.2026–25.04.2026" in oygarden
    assert "av 30 plasser" in oygarden


def test_courses_json_counts_by_state(run: Run, demo_db: Path) -> None:
    rows = _courses_json(run, demo_db)
    assert len(rows) == row_counts(demo_db)["course"] >= 3
    for row in rows:
        assert set(row["counts"]) == STATES
    totals = {s: sum(r["counts"][s] for r in rows) for s in STATES}
    assert all(totals[s] > 0 for s in STATES), totals
    assert sum(totals.values()) == row_counts(demo_db)["enrolment"]
    oygarden = next(r for r in rows if r["title"] == "Kurs for treningskontakter – Øygarden")
    assert oygarden["municipality"] == "Øygarden"
    assert (oygarden["start"], oygarden["end"], oygarden["capacity"]) == ("2026-04-10", "2026-04-25", 30)
    assert oygarden["status"] == "finished"
    assert oygarden["counts"]["completed"] == 21
    assert {r["status"] for r in rows} >= {"finished", "cancelled", "open", "planned"}


def test_courses_on_an_empty_database_says_how_to_start(run: Run, tmp_path: Path) -> None:
    code, out, _ = run("--db", tmp_path / "tom.db", "courses")
    assert code == 0
    assert "Ingen kurs ennå" in out
    code, out, _ = run("--db", tmp_path / "tom.db", "courses", "--json")
    assert json.loads(out) == {"courses": []}


# --- course-add -------------------------------------------------------------------------------


def test_course_add_prints_the_new_id(run: Run, demo_db: Path) -> None:
    before = row_counts(demo_db)["course"]
    code, out, err = run(
        "--db", demo_db, "course-add",
        "--title", "Kurs for treningskontakter – Øygarden høst",
        "--start", "2027-10-01", "--end", "2027-10-09",
        "--capacity", "25", "--deposit", "1 000", "--hours", "24,5",
        "--municipality", "Øygarden",
    )  # fmt: skip
    assert code == 0, err
    new_id = int(out.strip())
    assert row_counts(demo_db)["course"] == before + 1
    row = next(r for r in _courses_json(run, demo_db) if r["id"] == new_id)
    assert row["title"] == "Kurs for treningskontakter – Øygarden høst"
    assert (row["municipality"], row["capacity"], row["start"]) == ("Øygarden", 25, "2027-10-01")
    con = sqlite3.connect(demo_db)
    deposit, minutes = con.execute(
        "SELECT deposit_ore, required_minutes FROM course WHERE id = ?", (new_id,)
    ).fetchone()
    con.close()
    assert (deposit, minutes) == (100_000, 1470)


BAD_COURSES = {
    "unknown municipality": (["--municipality", "Øygardn"], "Ukjent kommune"),
    "end before start": (["--start", "2026-04-25", "--end", "2026-04-10"], "før startdato"),
    "negative capacity": (["--capacity", "-5"], "minst 1"),
    "zero capacity": (["--capacity", "0"], "minst 1"),
    "capacity not a number": (["--capacity", "tretti"], "ikke et heltall"),
    "negative deposit": (["--deposit", "-100"], "negativ"),
    "deposit not an amount": (["--deposit", "tusen"], "gyldig beløp"),
    "Norwegian date format": (["--start", "10.04.2026"], "ÅÅÅÅ-MM-DD"),
    "impossible date": (["--end", "2026-02-30"], "Ugyldig sluttdato"),
    "negative hours": (["--hours", "-3"], "negativt"),
    "empty title": (["--title", "   "], "Kurstittel mangler"),
}


@pytest.mark.parametrize("case", list(BAD_COURSES))
def test_course_add_refuses_bad_input_and_writes_nothing(run: Run, demo_db: Path, case: str) -> None:
    overrides, expected = BAD_COURSES[case]
    values = {
        "--title": "Prøvekurs",
        "--start": "2026-04-10",
        "--end": "2026-04-25",
        "--municipality": "Øygarden",
    }
    args: list[str] = []
    for i in range(0, len(overrides), 2):
        values[overrides[i]] = overrides[i + 1]
    for key, value in values.items():
        args += [key, value]
    checkpoint(demo_db)
    before = row_counts(demo_db)
    code, out, err = run("--db", demo_db, "course-add", *args)
    assert code == 1
    assert out == ""
    assert expected in err
    assert "Traceback" not in err
    assert row_counts(demo_db) == before


def test_unknown_municipality_suggests_close_matches(run: Run, demo_db: Path) -> None:
    code, _, err = run(
        "--db", demo_db, "course-add", "--title", "X", "--start", "2026-04-10", "--end", "2026-04-11",
        "--municipality", "Øygardn",
    )  # fmt: skip
    assert code == 1
    assert "Mente du" in err and "Øygarden (Vestland)" in err


def test_municipality_spelt_without_norwegian_letters_is_found(run: Run, demo_db: Path) -> None:
    code, out, err = run(
        "--db", demo_db, "course-add", "--title", "Bjornafjorden-kurs", "--start", "2027-01-08",
        "--end", "2027-01-09", "--municipality", "bjornafjorden",
    )  # fmt: skip
    assert code == 0, err
    row = next(r for r in _courses_json(run, demo_db) if r["id"] == int(out))
    assert row["municipality"] == "Bjørnafjorden"


# --- refunds and verify ---------------------------------------------------------------------


def test_refunds_json_as_of_a_date(run: Run, demo_db: Path) -> None:
    code, out, err = run("--db", demo_db, "refunds", "--as-of", "2026-11-30", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"as_of", "total_ore", "refunds"}
    assert data["as_of"] == "2026-11-30"
    items = data["refunds"]
    assert items
    assert {
        "enrolment_id", "person", "course_id", "course", "municipality", "amount_ore", "reason",
        "assignment_start", "six_months_reached",
    } == set(items[0])  # fmt: skip
    assert all(isinstance(i["amount_ore"], int) and i["amount_ore"] == 100_000 for i in items)
    assert data["total_ore"] == sum(i["amount_ore"] for i in items) == 100_000 * len(items)
    assert {i["reason"] for i in items} == {r.value for r in refunds.RefundReason}
    for item in items:
        if item["reason"] == "six_months":
            assert item["assignment_start"] < item["six_months_reached"] <= "2026-11-30"
        else:
            assert item["assignment_start"] is None and item["six_months_reached"] is None
    # A day earlier, the assignment that reaches six months on 30.11 or later is not listed yet.
    code, out, _ = run("--db", demo_db, "refunds", "--as-of", "2026-03-01", "--json")
    earlier = json.loads(out)["refunds"]
    assert len(earlier) < len(items)


def test_refunds_in_plain_text(run: Run, demo_db: Path) -> None:
    code, out, _ = run("--db", demo_db, "refunds", "--as-of", "2026-11-30")
    assert code == 0
    first, *rest = out.strip().splitlines()
    assert first.startswith("Til tilbakebetaling per 30.11.2026:")
    assert "kr" in first
    assert any("seks måneder nådd" in line for line in rest)


def test_refunds_refuses_a_bad_date(run: Run, demo_db: Path) -> None:
    code, out, err = run("--db", demo_db, "refunds", "--as-of", "30.11.2026")
    assert (code, out) == (1, "")
    assert "ÅÅÅÅ-MM-DD" in err


def test_verify_valid_revoked_and_unknown(run: Run, demo_db: Path) -> None:
    valid, revoked = _codes(demo_db)
    code, out, _ = run("--db", demo_db, "verify", valid)
    assert code == 0
    assert out.splitlines() == [out.strip()]
    assert out.startswith("Gyldig: kursbevis HIK-")
    code, out, _ = run("--db", demo_db, "verify", valid.lower().replace("-", " "))
    assert (code, out.split(":")[0]) == (0, "Gyldig")
    code, out, _ = run("--db", demo_db, "verify", revoked)
    assert (code, out.split(":")[0]) == (1, "Tilbakekalt")
    assert "Feil fødselsdato" in out
    code, out, _ = run("--db", demo_db, "verify", "ABCD-EFGH-JKLM-NPQR")
    assert (code, out.split(":")[0]) == (1, "Ukjent")


# --- backup, check, restore -----------------------------------------------------------------


def test_backup_check_and_restore(run: Run, demo_db: Path, tmp_path: Path, _isolated_data_dir: Path) -> None:
    copy = tmp_path / "sikkerhets kopi æøå" / "kopi 1.db"
    code, out, err = run("--db", demo_db, "backup", "--out", copy)
    assert code == 0, err
    assert "Sikkerhetskopi lagret" in out
    assert copy.read_bytes().startswith(b"SQLite format 3\x00")
    code, out, _ = run("--db", copy, "check")
    assert code == 0
    assert "Alt i orden." in out
    saved = row_counts(copy)

    code, out, _ = run(
        "--db", demo_db, "course-add", "--title", "Etter kopien",
        "--start", "2027-01-08", "--end", "2027-01-09",
    )  # fmt: skip
    assert code == 0
    assert row_counts(demo_db)["course"] == saved["course"] + 1

    code, out, err = run("--db", demo_db, "restore", copy)
    assert code == 0, err
    assert "Gjenopprettet" in out
    after = row_counts(demo_db)
    assert after["course"] == saved["course"]
    assert after["person"] == saved["person"]
    # The database as it was before the restore was kept.
    kept = list((_isolated_data_dir / "backups").glob("*gjenoppretting*.db"))
    assert len(kept) == 1
    assert row_counts(kept[0])["course"] == saved["course"] + 1
    assert run("--db", demo_db, "check")[0] == 0


def test_restore_refuses_a_file_that_is_not_a_database(
    run: Run, demo_db: Path, tmp_path: Path, _isolated_data_dir: Path
) -> None:
    notes = tmp_path / "notater.db"
    notes.write_text("Dette er ikke en database.\n", encoding="utf-8")
    checkpoint(demo_db)
    before_bytes, before_counts = demo_db.read_bytes(), row_counts(demo_db)
    code, out, err = run("--db", demo_db, "restore", notes)
    assert (code, out) == (1, "")
    assert "Kan ikke gjenopprette" in err
    checkpoint(demo_db)
    assert row_counts(demo_db) == before_counts
    assert demo_db.read_bytes() == before_bytes
    assert notes.read_text(encoding="utf-8") == "Dette er ikke en database.\n"
    assert not list((_isolated_data_dir / "backups").glob("*gjenoppretting*"))


def test_restore_refuses_a_missing_file(run: Run, demo_db: Path, tmp_path: Path) -> None:
    code, _, err = run("--db", demo_db, "restore", tmp_path / "finnes ikke.db")
    assert code == 1
    assert "Fant ikke filen" in err


def test_check_reports_a_broken_invariant(run: Run, demo_db: Path) -> None:
    con = sqlite3.connect(demo_db)
    with con:
        con.execute("UPDATE course SET capacity = 5 WHERE title LIKE '%Øygarden'")
    con.close()
    code, out, _ = run("--db", demo_db, "check")
    assert code == 1
    assert "deltakere med plass, men bare 5 plasser" in out


# --- databases that cannot be used ----------------------------------------------------------


def test_a_text_file_as_database_is_refused_and_left_alone(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "Mine notater æøå" / "kurs.db"
    path.parent.mkdir()
    path.write_bytes("Påmeldte: Åse Ødegård, Bjørn Sæther\n".encode())
    before = path.read_bytes()
    code, out, err = run("--db", path, "courses")
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "ikke en CourseKeeper-database" in lines[0]
    assert str(path) in lines[0]
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["kurs.db"]


def test_a_database_from_a_newer_program_is_refused_and_left_alone(
    run: Run, demo_db: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "nyere versjon.db"
    shutil.copy(demo_db, newer)
    con = sqlite3.connect(newer)
    with con:
        con.execute(
            "INSERT INTO schema_migration (name, applied) VALUES ('0099_future', '2030-01-01 00:00:00')"
        )
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = newer.read_bytes()
    for command in (
        ["courses"],
        ["demo"],
        ["course-add", "--title", "X", "--start", "2027-01-01", "--end", "2027-01-02"],
    ):
        code, out, err = run("--db", newer, *command)
        assert (code, out) == (2, ""), command
        assert "nyere versjon av CourseKeeper" in err
        assert "0099_future" in err
        assert len(err.strip().splitlines()) == 1
        assert newer.read_bytes() == before


# --- which database -------------------------------------------------------------------------


def test_db_option_wins_over_the_environment(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "fra miljø æøå.db"
    from_option = tmp_path / "fra valg æøå.db"
    monkeypatch.setenv("COURSEKEEPER_DB", str(from_env))
    add = ["course-add", "--title", "Kurs", "--start", "2027-01-08", "--end", "2027-01-09"]
    assert run("--db", from_option, *add)[0] == 0
    assert row_counts(from_option)["course"] == 1
    assert not from_env.exists()
    assert run(*add)[0] == 0
    assert row_counts(from_env)["course"] == 1
    assert row_counts(from_option)["course"] == 1


def test_without_option_or_environment_the_data_folder_is_used(run: Run, _isolated_data_dir: Path) -> None:
    add = ["course-add", "--title", "Kurs", "--start", "2027-01-08", "--end", "2027-01-09"]
    assert run(*add)[0] == 0
    assert row_counts(_isolated_data_dir / "coursekeeper.db")["course"] == 1


# --- the command line itself: option order, language, pipes, names (DESIGN §7) ----------------


def test_db_and_json_go_before_or_after_the_command(run: Run, demo_db: Path) -> None:
    expected = _courses_json(run, demo_db)
    for args in (
        ["courses", "--json", "--db", demo_db],
        ["courses", "--db", demo_db, "--json"],
        ["--json", "courses", "--db", demo_db],
        ["--db", demo_db, "--json", "courses"],
    ):
        code, out, err = run(*args)
        assert code == 0, (args, err)
        assert json.loads(out)["courses"] == expected, args


def test_demo_with_db_after_the_command(run: Run, tmp_path: Path, _isolated_data_dir: Path) -> None:
    code, out, err = run("demo", "--db", tmp_path / "x.db")
    assert code == 0, err
    assert "Demodata er lagt inn" in out
    assert row_counts(tmp_path / "x.db")["course"] >= 3
    assert not (_isolated_data_dir / "coursekeeper.db").exists()


def test_db_after_the_command_wins_over_before(run: Run, demo_db: Path, tmp_path: Path) -> None:
    code, out, _ = run("--db", tmp_path / "tom.db", "courses", "--json", "--db", demo_db)
    assert code == 0
    assert len(json.loads(out)["courses"]) == row_counts(demo_db)["course"]


def test_json_for_a_command_without_json_is_refused(run: Run, demo_db: Path) -> None:
    code, out, err = run("--json", "check", "--db", demo_db)
    assert (code, out) == (1, "")
    assert "--json gjelder bare for courses, refunds, import, followup." in err
    code, _, err = run("check", "--json", "--db", demo_db)
    assert code == 1
    assert "ukjente argumenter: --json" in err


def test_help_is_norwegian(run: Run) -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert out.startswith("bruk: coursekeeper ")
    assert "vis denne hjelpen og avslutt" in out
    assert "\nvalg:\n" in out and "KOMMANDO" in out
    for english in ("usage:", "show this help", "options:", "positional arguments"):
        assert english not in out
    code, out, _ = run("import", "--help")
    assert code == 0
    assert out.startswith("bruk: coursekeeper import ")
    assert "--course ID" in out and "FIL" in out and "--db DB" in out and "--json" in out
    assert "les inn de gyldige radene" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eksporter"], "Feil i kommandoen: KOMMANDO: ugyldig valg: 'eksporter' (velg blant 'demo',"),
        (["import", "liste.xlsx"], "Feil i kommandoen: disse må oppgis: --course"),
        (["print", "diplom", "--course", "1", "--out", "x.pdf"], "TYPE: ugyldig valg: 'diplom'"),
        (["courses", "--sort"], "Feil i kommandoen: ukjente argumenter: --sort"),
        (["verify"], "Feil i kommandoen: disse må oppgis: KODE"),
        (["backup", "--out"], "--out: mangler en verdi"),
        (["course-add", "--title", "X", "--start", "1", "--end", "2", "--capacity", "tretti"], "«tretti»"),
    ],
)
def test_argument_errors_are_one_norwegian_line_and_exit_1(run: Run, args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (1, "")
    assert message in err
    assert err.startswith("bruk: coursekeeper")
    assert len([line for line in err.splitlines() if line.startswith("Feil")]) == 1
    for english in ("usage:", "error:", "invalid choice", "required", "expected", "unrecognized"):
        assert english not in err


def test_help_follows_the_catalogue_in_english(run: Run) -> None:
    from coursekeeper import i18n

    i18n.set_language("en")
    try:
        code, out, _ = run("--help")
        _, _, err = run("eksporter")
    finally:
        i18n.set_language("nb")
    assert code == 0
    assert out.startswith("usage: coursekeeper ") and "show this help message and exit" in out
    assert "invalid choice: 'eksporter'" in err


def test_a_db_in_a_missing_folder_is_refused_and_nothing_is_created(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "finnes ikke æøå" / "undermappe"
    for args in (["--db", missing / "kurs.db", "courses"], ["demo", "--db", missing / "kurs.db"]):
        code, out, err = run(*args)
        assert (code, out) == (2, "")
        assert err.splitlines() == [
            f"Feil: Mappen «{missing}» finnes ikke. Opprett den først, eller velg en annen plassering "
            "for databasen."
        ]
    assert list(tmp_path.iterdir()) == []


def test_the_default_location_is_created(run: Run, _isolated_data_dir: Path) -> None:
    assert not _isolated_data_dir.exists()
    code, out, _ = run("courses")
    assert code == 0
    assert "Ingen kurs ennå" in out
    assert (_isolated_data_dir / "coursekeeper.db").is_file()


def test_a_newline_in_a_file_name_does_not_split_the_message(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = next(c for c in _courses_json(run, demo_db) if c["status"] == "open")
    odd = tmp_path / "liste\nDeltakere.xlsx"
    odd.write_bytes(b"PK\x03\x04 ikke en ekte arbeidsbok")
    code, out, err = run("--db", demo_db, "import", odd, "--course", course["id"])
    assert code in (1, 2)
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert "liste\\nDeltakere.xlsx" in err


def test_one_line_escapes_control_characters() -> None:
    from coursekeeper.cli import one_line

    assert one_line("a\nb\r\tc\x1b[31m\u2028d") == "a\\nb\\r\\tc\\x1b[31m\\u2028d"
    assert one_line("Åse Ødegård – «kurs»") == "Åse Ødegård – «kurs»"
