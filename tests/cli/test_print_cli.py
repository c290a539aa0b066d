"""``coursekeeper print KIND --course ID --out FILE.pdf`` end to end on the demo database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from coursekeeper.db.connection import close_database
from coursekeeper.db.models import Certificate, Enrolment
from coursekeeper.services import courses
from coursekeeper.services.database import prepare
from coursekeeper.services.refunds import refunds_due

Run = Callable[..., tuple[int, str, str]]
AS_OF = dt.date(2026, 11, 24)


def course_id(run: Run, db: Path, place: str) -> int:
    """The demo course held in ``place``."""
    code, out, err = run("--db", db, "courses", "--json")
    assert code == 0, err
    return next(c["id"] for c in json.loads(out)["courses"] if c["title"].endswith(place))


def texts(pdf: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def facts(db: Path, course: int) -> dict:
    """What the PDFs should hold, read through the services."""
    prepare("sqlite:///" + db.as_posix())
    try:
        certs = list(Certificate.select().join(Enrolment).where(Enrolment.course == course))
        return {
            "valid": sorted(c.number for c in certs if c.revoked_at is None),
            "revoked": sorted(c.number for c in certs if c.revoked_at is not None),
            "sessions": [s.date for s in courses.sessions(course)],
            "letters": sorted(d.person_name for d in refunds_due(AS_OF, course_id=course)),
        }
    finally:
        close_database()


def test_certificates_for_a_course(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = course_id(run, demo_db, "Øygarden")
    expected = facts(demo_db, course)
    out = tmp_path / "Kursbevis – Øygarden.pdf"
    code, stdout, err = run("--db", demo_db, "print", "certificates", "--course", course, "--out", out)
    assert code == 0, err
    pages = texts(out)
    assert len(pages) == len(expected["valid"]) == 21
    assert sorted(next(n for n in expected["valid"] if n in t) for t in pages) == expected["valid"]
    assert all("KURSBEVIS" in t and "Kurs for treningskontakter – Øygarden" in t for t in pages)
    assert f"Skrev 21 kursbevis (21 sider) til {out}." in stdout
    assert "Advarsel: Logo mangler" in err  # the demo profile has no logo


def test_revoked_certificates_are_left_out_with_a_note(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = course_id(run, demo_db, "Bergen")
    expected = facts(demo_db, course)
    assert expected["revoked"]
    out = tmp_path / "bergen.pdf"
    code, _, err = run("--db", demo_db, "print", "certificates", "--course", course, "--out", out)
    assert code == 0, err
    text = " ".join(texts(out))
    assert len(texts(out)) == len(expected["valid"])
    for number in expected["revoked"]:
        assert number not in text
        assert f"Hoppet over: Kursbevis {number} er tilbakekalt" in err


def test_sign_in_sheets_for_every_session(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = course_id(run, demo_db, "Øygarden")
    sessions = facts(demo_db, course)["sessions"]
    out = tmp_path / "oppmøte.pdf"
    code, stdout, err = run("--db", demo_db, "print", "attendance", "--course", course, "--out", out)
    assert code == 0, err
    pages = texts(out)
    # 22 participants on the day plus 3 blank rows pass the 22 rows of a page: two pages per session.
    assert len(pages) == 2 * len(sessions) == 10
    for number, day in enumerate(sessions, start=1):
        page = pages[2 * (number - 1)]
        assert f"{day.day}. april 2026" in page and f"Dag {number} av {len(sessions)}" in page
        assert "Side 1 av 2" in page
    assert "Skrev 5 oppmøtelister (10 sider)" in stdout


def test_refund_letters_as_of_a_date(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = course_id(run, demo_db, "Øygarden")
    names = facts(demo_db, course)["letters"]
    assert names
    out = tmp_path / "brev.pdf"
    code, stdout, err = run(
        "--db", demo_db, "print", "refund-letters", "--course", course, "--out", out, "--as-of", AS_OF
    )
    assert code == 0, err
    pages = texts(out)
    assert sorted(next(n for n in names if n in t) for t in pages) == names
    assert all("Tilbakebetaling av egenandel" in t and "1 000 kr" in t for t in pages)
    assert f"Skrev {len(names)} brev" in stdout


REFUSED = {
    "unknown course": (["attendance", "--course", "99"], "Fant ikke kurs med id 99."),
    "course id not a number": (["attendance", "--course", "tre"], "ikke et heltall"),
    "unknown kind": (["diplom", "--course", "1"], "ugyldig valg"),
    "bad date": (["refund-letters", "--course", "1", "--as-of", "24.11.2026"], "ÅÅÅÅ-MM-DD"),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refusals_exit_1_and_write_nothing(run: Run, demo_db: Path, tmp_path: Path, case: str) -> None:
    args, expected = REFUSED[case]
    out = tmp_path / "ut.pdf"
    code, _, err = run("--db", demo_db, "print", *args, "--out", out)
    assert code == 1
    assert expected in err
    assert not out.exists()
    assert [p.name for p in tmp_path.rglob("*.part")] == []


def test_nothing_to_print_keeps_an_existing_file(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = course_id(run, demo_db, "Bjørnafjorden")  # planned: no certificates yet
    out = tmp_path / "kursbevis.pdf"
    out.write_bytes(b"old")
    code, _, err = run("--db", demo_db, "print", "certificates", "--course", course, "--out", out)
    assert code == 1
    assert "Ingen kursbevis å skrive ut for dette kurset." in err
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_missing_folder_is_refused(run: Run, demo_db: Path, tmp_path: Path) -> None:
    course = course_id(run, demo_db, "Øygarden")
    out = tmp_path / "finnes ikke" / "k.pdf"
    code, _, err = run("--db", demo_db, "print", "certificates", "--course", course, "--out", out)
    assert code == 1 and "finnes ikke" in err
    assert not out.parent.exists()


def test_an_unreadable_database_exits_2(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "ødelagt.db"
    db.write_bytes(b"dette er ikke en database" * 100)
    out = tmp_path / "k.pdf"
    code, _, err = run("--db", db, "print", "attendance", "--course", "1", "--out", out)
    assert code == 2 and err
    assert not out.exists()
