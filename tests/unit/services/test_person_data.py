"""Access request and erasure (DESIGN §6): every stored value out, then every personal value gone."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from coursekeeper.db.models import AuditLog, Certificate, LedgerEntry, Person
from coursekeeper.errors import RuleError
from coursekeeper.services import (
    assignments,
    attendance,
    certificates,
    courses,
    deposits,
    enrolments,
    key_figures,
    people,
    screening,
)
from coursekeeper.services.erasure import erase_person, erasure_preview
from coursekeeper.services.person_data import collect, write_access_export
from tests import factories


@dataclass
class Someone:
    person_id: int
    enrolment_id: int
    certificate_code: str
    words: list[str]  # every personal value typed for this person


def _enrol(course_id: int, sessions: list[int], first: str, last: str, tag: str) -> tuple[int, int]:
    """One person on the course with notes, screening, attendance and a payment carrying ``tag``."""
    person = people.create_person(
        people.PersonInput(
            first,
            last,
            dt.date(1984, 7, 21) if tag == "A" else dt.date(1991, 11, 3),
            f"{first.lower()}.{tag.lower()}@eksempel.no",
            "912 34 567" if tag == "A" else "987 65 432",
            address=f"Fjellveien {tag}7",
            postal_code="5003" if tag == "A" else "5145",
            city="Bergen" if tag == "A" else "Fyllingsdalen",
            municipality="Bergen",
        )
    )
    enrolment = enrolments.enrol(course_id=course_id, person_id=person.id)
    enrolments.accept(enrolment.id)
    from coursekeeper.db.models import Enrolment

    Enrolment.update(notes=f"Trenger skyss {tag}-merknad").where(Enrolment.id == enrolment.id).execute()
    screening.record_screening(
        enrolment_id=enrolment.id,
        outcome="suitable",
        date=dt.date(2025, 2, 20),
        interviewer="Kari Vurderer",
        notes=f"Rolig og trygg, liker svømming {tag}-notat",
    )
    screening.open_screening(enrolment.id)
    for session in sessions:
        factories.present(enrolment_id=enrolment.id, session_id=session)
    deposits.record_payment(
        enrolment_id=enrolment.id,
        amount_ore=100_000,
        paid_on=dt.date(2025, 2, 15),
        method="Vipps",
        reference=f"VIPPS-{tag}-4711",
        note=f"Betalt av mor {tag}-betaling",
    )
    return person.id, enrolment.id


def _finish(person_id: int, enrolment_id: int, first: str, last: str, tag: str) -> Someone:
    """After the course: the certificate and an assignment; every personal value typed, listed."""
    cert = certificates.issue_certificate(enrolment_id, dt.date(2025, 3, 10))
    assignments.add_assignment(
        person_id=person_id,
        start_date=dt.date(2025, 4, 1),
        municipality="Bergen",
        note=f"Svømming {tag}-oppdrag",
    )
    words = [
        first,
        last,
        f"{first.lower()}.{tag.lower()}@eksempel.no",
        "912 34 567" if tag == "A" else "987 65 432",
        f"Fjellveien {tag}7",
        "1984-07-21" if tag == "A" else "1991-11-03",
        f"{tag}-merknad",
        f"{tag}-notat",
        f"{tag}-betaling",
        f"VIPPS-{tag}-4711",
        f"{tag}-oppdrag",
    ]
    return Someone(person_id, enrolment_id, cert.code, words)


def _register() -> tuple[Someone, Someone]:
    factories.own_profile()
    course = courses.create_course(
        courses.CourseInput(
            title="Kurs for treningskontakter – Bergen",
            municipality="Bergen",
            screening_required=False,
            sessions=[
                courses.SessionInput(d, "09:00", "15:00") for d in (dt.date(2025, 3, 1), dt.date(2025, 3, 2))
            ],
        )
    )
    sessions = [s.id for s in courses.sessions(course.id)]
    a = _enrol(course.id, sessions, "Åsmund", "Ødegården", "A")
    b = _enrol(course.id, sessions, "Berit", "Lie", "B")
    attendance.complete_course(course.id)
    return _finish(*a, "Åsmund", "Ødegården", "A"), _finish(*b, "Berit", "Lie", "B")


def _stored_values(obj: object) -> list[str]:
    if isinstance(obj, dict):
        return [v for value in obj.values() for v in _stored_values(value)]
    if isinstance(obj, list):
        return [v for value in obj for v in _stored_values(value)]
    return [] if obj in (None, "") else [str(obj)]


def test_access_export_holds_every_stored_value_and_no_one_elses(db, tmp_path) -> None:
    a, b = _register()
    record = collect(a.person_id)  # every row of A's, read straight from the database
    result = write_access_export(a.person_id, out=tmp_path / "innsyn Åsmund.pdf")
    exported = result.json_path.read_text(encoding="utf-8")
    data = json.loads(exported)
    # Every non-empty value stored in a row of A's is in the export.
    for kind in ("enrolments", "screenings", "attendance", "certificates", "ledger", "assignments", "audit"):
        assert getattr(record, kind), f"the test register has no {kind} for A"
    for value in _stored_values(record.as_json()):
        assert value in exported or json.dumps(value, ensure_ascii=False)[1:-1] in exported, value
    assert data["person"]["email"] == "åsmund.a@eksempel.no"
    assert "Rolig og trygg, liker svømming A-notat" in exported
    assert any(e["action"] == "screening_view" for e in data["audit_log"])
    for word in b.words:
        assert word not in exported, word
    # The PDF for the person says it in words.
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(result.pdf_path).pages)
    assert "Innsyn: dette har vi lagret om deg, Åsmund Ødegården" in text
    assert "Hvem som har åpnet notatene:" in text and "Rolig og trygg, liker svømming A-notat" in text
    assert "Fødselsdato: 21.07.1984" in text and "1 000 kr" in text
    assert "Berit" not in text


def _file_bytes(path: Path) -> bytes:
    found = b""
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.exists():
            found += candidate.read_bytes()
    return found


def test_erasure_removes_every_personal_value_and_keeps_the_numbers(sqlite_db, db_path, tmp_path) -> None:
    a, _ = _register()
    totals_before = deposits.balances()
    numbers_before = sorted(Certificate.select(Certificate.number).tuples())
    funnel_before = key_figures.key_figures(as_of=dt.date(2026, 1, 1)).funnel
    backup = tmp_path / "før.db"
    from coursekeeper.services import backup as backups

    backups.backup(backup)
    with pytest.raises(RuleError, match="holdes fortsatt"):
        erase_person(a.person_id)
    assert Person.get_by_id(a.person_id).first_name == "Åsmund"  # refused: nothing written
    preview = erasure_preview(a.person_id)
    assert preview.held_ore == 100_000 and "Advarsel: 1 000 kr" in preview.message
    result = erase_person(a.person_id, despite_money=True)
    assert "Sikkerhetskopier tatt før i dag inneholder fortsatt opplysningene" in result.message
    raw = _file_bytes(db_path)
    for word in a.words:
        for encoded in {word.encode(), word.encode("utf-16-le")}:
            assert encoded not in raw, word
    assert b"Berit" in raw  # someone else is untouched
    logs = sorted((Path(db_path).parent.parent / "brukerdata").rglob("*.log"))
    for log in logs:
        assert not any(word in log.read_text(encoding="utf-8", errors="replace") for word in a.words)
    assert deposits.balances() == totals_before
    assert sorted(Certificate.select(Certificate.number).tuples()) == numbers_before
    funnel_after = key_figures.key_figures(as_of=dt.date(2026, 1, 1)).funnel
    assert funnel_after == funnel_before
    verified = certificates.verify(a.certificate_code)
    assert verified.status == "valid" and verified.name == ""
    assert "Personopplysningene er slettet" in verified.message
    assert LedgerEntry.select().where(LedgerEntry.enrolment == a.enrolment_id).count() == 1
    assert AuditLog.select().where(AuditLog.action == "erase").count() == 1
    erase_entry = AuditLog.get(AuditLog.action == "erase")
    assert not any(word in (erase_entry.after or "") for word in a.words)
    assert "Ødegården".encode() in backup.read_bytes()  # backups taken before are not touched
    with pytest.raises(RuleError, match="allerede slettet"):
        erase_person(a.person_id)


def test_an_erased_certificate_cannot_be_forged(sqlite_db) -> None:
    a, _ = _register()
    erase_person(a.person_id, despite_money=True)
    cert = Certificate.get(Certificate.code == a.certificate_code)
    content = json.loads(cert.content)
    content["course_title"] = "Et annet kurs"
    Certificate.update(content=json.dumps(content)).where(Certificate.id == cert.id).execute()
    assert certificates.verify(a.certificate_code).status == "unknown"


def test_ledger_amounts_stay_append_only_after_the_erasure_migration(db) -> None:
    a, _ = _register()
    entry = LedgerEntry.get(LedgerEntry.enrolment == a.enrolment_id)
    with pytest.raises(Exception, match="append-only"):
        LedgerEntry.update(amount_ore=1).where(LedgerEntry.id == entry.id).execute()
    with pytest.raises(Exception, match="append-only"):
        LedgerEntry.update(note="endret").where(LedgerEntry.id == entry.id).execute()
    with pytest.raises(Exception, match="append-only"):
        LedgerEntry.delete().where(LedgerEntry.id == entry.id).execute()
    LedgerEntry.update(note="", reference="").where(LedgerEntry.id == entry.id).execute()  # erasure may
    assert LedgerEntry.get_by_id(entry.id).amount_ore == 100_000
