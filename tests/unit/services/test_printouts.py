"""Printouts from the database: the right facts reach the PDF, and nothing is left half-written."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from coursekeeper import i18n
from coursekeeper.db.models import Certificate, Course, Person
from coursekeeper.errors import Cancelled, NotFoundError, RuleError, ValidationError
from coursekeeper.services import (
    assignments,
    certificates,
    courses,
    enrolments,
    exports,
    organisations,
    people,
    printouts,
)
from coursekeeper.services.printout_rows import norwegian_sort_key
from tests import factories as f

D = dt.date
DAYS = (D(2026, 4, 9), D(2026, 4, 10), D(2026, 4, 11), D(2026, 4, 24), D(2026, 4, 25))
_emails = itertools.count(1)


def texts(pdf: Path) -> list[str]:
    """Each page's text with whitespace folded."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


def leftovers(folder: Path) -> list[str]:
    """Temporary files the PDF writer would leave behind after a failure."""
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def png_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), (31, 61, 99)).save(buffer, "PNG")
    return buffer.getvalue()


def two_weekend_course(title: str = "Kurs for treningskontakter – Øygarden", **changes) -> int:
    """9.–11. and 24.–25. April 2026, three hours each, with co-organisers and topics."""
    values = dict(
        title=title,
        municipality="Øygarden",
        venue="Frivilligsentralen, Straume",
        screening_required=False,
        sessions=[courses.SessionInput(d, "17:00", "20:00") for d in DAYS],
        co_organisers=["Øygarden kommune", "Helse Bergen"],
        topics=["Rollen som treningskontakt", "Taushetsplikt og etikk"],
    )
    values.update(changes)
    return courses.create_course(courses.CourseInput(**values)).id


def participant(
    course_id: int, first: str = "Åse", last: str = "Ødegård-Kjærstad", **extra
) -> tuple[int, int]:
    """A person with an address in Øygarden, enrolled on the course: (person id, enrolment id)."""
    values = dict(
        birth_date=D(1985, 4, 9),
        email=f"deltaker{next(_emails)}@example.no",
        address="Stølsvegen 18",
        postal_code="5360",
        city="Kolltveit",
        municipality="Øygarden",
    )
    values.update(extra)
    pid = people.create_person(people.PersonInput(first, last, **values)).id
    return pid, enrolments.enrol(course_id=course_id, person_id=pid).id


def certified(course_id: int, first: str = "Åse", last: str = "Ødegård-Kjærstad", **extra) -> Certificate:
    """Accepted, paid, present every day, certified on 25 April 2026."""
    _, eid = participant(course_id, first, last, **extra)
    enrolments.accept(eid)
    f.pay(eid)
    for s in courses.sessions(course_id):
        f.present(enrolment_id=eid, session_id=s.id)
    return certificates.issue_certificate(eid, D(2026, 4, 25))


# -- certificates -------------------------------------------------------------------------------


def test_certificates_print_the_facts_frozen_at_issue(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    cert = certified(course)
    # Later edits to the course and the person must not change a printed certificate.
    Course.update(title="Nytt navn på kurset").where(Course.id == course).execute()
    Person.update(last_name="Endret").execute()
    out = tmp_path / "kursbevis æøå.pdf"
    result = printouts.print_certificates(course_id=course, out=out)
    [text] = texts(out)
    for expected in (
        "Åse Ødegård-Kjærstad",
        "født 09.04.1985",
        "Kurs for treningskontakter – Øygarden",
        "9.–11. april og 24.–25. april 2026, til sammen 15 timer",
        "Taushetsplikt og etikk",
        "Øygarden kommune og Helse Bergen",
        "Øygarden, 25.04.2026",
        "Kari Nordmann",
        cert.number,
        cert.code,
    ):
        assert expected in text
    assert "Nytt navn" not in text and "Endret" not in text
    assert "Duplikat" not in text
    assert (result.path, result.count, result.pages, result.skipped) == (out, 1, 1, [])
    assert result.message.startswith("Skrev 1 kursbevis (1 side)")


def test_course_batch_is_in_norwegian_alphabetical_order(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    for last in ("Åsheim", "Zahl", "Ødegård", "Aas"):
        certified(course, "Ola", last)
    out = tmp_path / "alle.pdf"
    assert printouts.print_certificates(course_id=course, out=out).pages == 4
    order = [next(n for n in ("Aas", "Zahl", "Ødegård", "Åsheim") if n in t) for t in texts(out)]
    assert order == ["Aas", "Zahl", "Ødegård", "Åsheim"]
    assert sorted(["å", "æ", "z", "ø", "a"], key=norwegian_sort_key) == ["a", "z", "æ", "ø", "å"]


def test_a_duplicate_is_stamped_and_counted(db, tmp_path: Path) -> None:
    f.own_profile()
    cert = certified(two_weekend_course())
    out = tmp_path / "duplikat.pdf"
    printouts.print_certificates(
        certificate_ids=[cert.id], out=out, duplicate=True, duplicate_on=D(2027, 3, 12)
    )
    [text] = texts(out)
    assert "Duplikat utstedt 12.03.2027" in text and cert.number in text
    assert Certificate.get_by_id(cert.id).duplicate_count == 1
    printouts.print_certificates(certificate_ids=[cert.id], out=out, duplicate=True)
    stored = Certificate.get_by_id(cert.id)
    assert (stored.duplicate_count, stored.last_duplicate_on) == (2, dt.date.today())


def test_revoked_certificates_are_left_out_or_printed_as_marked_copies(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    kept = certified(course, "Kari", "Berg")
    revoked = certified(course, "Per", "Ås")
    certificates.revoke(revoked.id, "Utstedt ved en feil")
    out = tmp_path / "kurs.pdf"
    result = printouts.print_certificates(course_id=course, out=out)
    assert result.count == 1 and kept.number in texts(out)[0]
    assert result.skipped == [
        f"Kursbevis {revoked.number} er tilbakekalt og kan bare skrives ut som merket kopi."
    ]

    alone = tmp_path / "tilbakekalt.pdf"
    with pytest.raises(RuleError, match="Ingen kursbevis") as refused:
        printouts.print_certificates(certificate_ids=[revoked.id], out=alone)
    assert revoked.number in str(refused.value)
    assert not alone.exists()

    result = printouts.print_certificates(course_id=course, out=out, allow_revoked_copy=True, duplicate=True)
    pages = texts(out)
    assert result.count == 2 and result.skipped == []
    copy = next(t for t in pages if revoked.number in t)
    assert "TILBAKEKALT" in copy and "Utstedt ved en feil" in copy and "Duplikat" not in copy
    assert Certificate.get_by_id(revoked.id).duplicate_count == 0
    assert Certificate.get_by_id(kept.id).duplicate_count == 1


def test_nothing_to_print_is_refused_and_writes_nothing(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    out = tmp_path / "tom.pdf"
    with pytest.raises(RuleError, match="Ingen kursbevis å skrive ut for dette kurset"):
        printouts.print_certificates(course_id=course, out=out)
    with pytest.raises(NotFoundError, match="Fant ikke kurs med id 999"):
        printouts.print_certificates(course_id=999, out=out)
    with pytest.raises(NotFoundError, match="Fant ikke kursbevis med id 999"):
        printouts.print_certificates(certificate_ids=[999], out=out)
    with pytest.raises(ValidationError):
        printouts.print_certificates(out=out)
    assert not out.exists() and leftovers(tmp_path) == []


def test_a_reprint_after_the_first_print_is_a_registered_duplicate(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    first, second = certified(course, "Ola", "Berg"), certified(course, "Kari", "Dahl")
    out = tmp_path / "kursbevis.pdf"
    result = printouts.print_certificates(
        certificate_ids=[first.id], out=out, reprints=True, duplicate_on=D(2026, 5, 2)
    )
    assert result.duplicates == 0 and "Duplikat" not in texts(out)[0]
    assert Certificate.get_by_id(first.id).printed_on == D(2026, 5, 2)

    result = printouts.print_certificates(
        course_id=course, out=out, reprints=True, duplicate_on=D(2026, 6, 1)
    )
    by_name = {("Ola" in t): t for t in texts(out)}
    assert "Duplikat utstedt 01.06.2026" in by_name[True]
    assert "Duplikat" not in by_name[False]  # Kari's original had never been printed
    assert result.duplicates == 1
    assert "1 er skrevet ut før og er merket og registrert som duplikat." in result.message
    stored = {c.id: c for c in Certificate.select()}
    assert (stored[first.id].duplicate_count, stored[first.id].printed_on) == (1, D(2026, 5, 2))
    assert (stored[second.id].duplicate_count, stored[second.id].printed_on) == (0, D(2026, 6, 1))


def test_cancelling_leaves_no_file_and_records_no_duplicate(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    ids = [certified(course, "Ola", last).id for last in ("Berg", "Dahl", "Lie")]
    out = tmp_path / "avbrutt.pdf"

    def cancel_after_first(done: int, total: int) -> None:
        if done == 1:
            raise Cancelled()

    with pytest.raises(Cancelled):
        printouts.print_certificates(course_id=course, out=out, duplicate=True, progress=cancel_after_first)
    assert not out.exists() and leftovers(tmp_path) == []
    assert [Certificate.get_by_id(i).duplicate_count for i in ids] == [0, 0, 0]

    with pytest.raises(Cancelled):
        printouts.print_sign_in_sheets(course_id=course, out=out, progress=cancel_after_first)
    assert not out.exists() and leftovers(tmp_path) == []


# -- refund letters -----------------------------------------------------------------------------


def test_refund_letters_state_the_amount_the_assignment_and_the_six_months(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course(binding_date=D(2026, 3, 1))
    cert = certified(course)
    person_id = cert.enrolment.person_id
    assignments.add_assignment(person_id=person_id, start_date=D(2026, 5, 4), municipality="Øygarden")
    _, early = participant(course, "Nils", "Brekke")
    f.pay(early)
    enrolments.withdraw(early, D(2026, 2, 1))  # before the binding date: due back at once

    out = tmp_path / "brev.pdf"
    result = printouts.print_refund_letters(
        course_id=course,
        as_of=D(2026, 12, 1),
        out=out,
        payment_method_text="til kontonummer 1234.56.78903",
        letter_date=D(2026, 12, 2),
    )
    pages = texts(out)
    assert len(pages) == 2
    text = next(t for t in pages if "Åse" in t)
    for expected in (
        "Tilbakebetaling av egenandel",
        "Åse Ødegård-Kjærstad",
        "Stølsvegen 18",
        "5360 Kolltveit",
        "02.12.2026",
        f"Egenandel {course}-{cert.enrolment_id}",
        "1 000 kr",
        "Øygarden, fra 04.05.2026",
        "04.11.2026",
        "Beløpet betales til kontonummer 1234.56.78903.",
        "Kari Nordmann",
    ):
        assert expected in text
    assert result.count == 2 and result.skipped == []
    # A deposit due back at once gets a letter that says why, without an assignment.
    withdrawn = next(t for t in pages if "Nils Brekke" in t)
    assert "Du trakk deg fra kurset før påmeldingen ble bindende." in withdrawn
    assert "1 000 kr" in withdrawn and "Seks måneder nådd" not in withdrawn


def test_letters_for_refunds_just_recorded_come_from_the_rows_as_they_were_due(db, tmp_path: Path) -> None:
    from coursekeeper.services.refund_batches import record_refunds
    from coursekeeper.services.refunds import refunds_due

    f.own_profile()
    course = two_weekend_course()
    cert = certified(course)
    assignments.add_assignment(
        person_id=cert.enrolment.person_id, start_date=D(2026, 5, 4), municipality="Øygarden"
    )
    due = refunds_due(D(2026, 12, 1), course_id=course)
    record_refunds(enrolment_ids=[d.enrolment_id for d in due], refunded_on=D(2026, 12, 1))
    assert refunds_due(D(2026, 12, 1), course_id=course) == []
    out = tmp_path / "brev.pdf"
    result = printouts.print_refund_letters(as_of=D(2026, 12, 1), out=out, recorded=due)
    [text] = texts(out)
    assert result.count == 1
    for expected in ("Åse Ødegård-Kjærstad", "1 000 kr", "Øygarden, fra 04.05.2026", "04.11.2026"):
        assert expected in text


def test_refund_letters_for_chosen_enrolments_and_from_the_municipality(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    first, second = certified(course, "Kari", "Berg"), certified(course, "Per", "Dahl", address="")
    for cert in (first, second):
        assignments.add_assignment(person_id=cert.enrolment.person_id, start_date=D(2026, 5, 4))
    out = tmp_path / "brev.pdf"
    result = printouts.print_refund_letters(
        enrolment_ids=[second.enrolment_id, 12345], as_of=D(2026, 12, 1), out=out, sender="municipality"
    )
    [text] = texts(out)
    assert "Per Dahl" in text and "Kari Berg" not in text and "Øygarden kommune" in text
    assert result.skipped == ["Påmelding 12345: egenandelen skal ikke tilbakebetales per 01.12.2026."]
    assert any("mangler postadresse" in w for w in result.warnings)
    assert any("Kommunens adresse" in w for w in result.warnings)
    with pytest.raises(ValidationError, match="Ukjent avsender"):
        printouts.print_refund_letters(as_of=D(2026, 12, 1), out=out, sender="kommunen")


def test_no_refund_due_is_refused(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    cert = certified(course)
    assignments.add_assignment(person_id=cert.enrolment.person_id, start_date=D(2026, 5, 4))
    out = tmp_path / "brev.pdf"
    with pytest.raises(RuleError, match="Ingen brev om tilbakebetaling å skrive ut for dette kurset per"):
        printouts.print_refund_letters(course_id=course, as_of=D(2026, 11, 3), out=out)
    assert not out.exists()


# -- sign-in sheets -----------------------------------------------------------------------------


def test_sign_in_sheets_list_the_participants_with_a_seat_for_each_session(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    for last in ("Åsheim", "Zahl", "Ødegård"):
        enrolments.accept(participant(course, "Ola", last)[1])
    participant(course, "Søker", "Venter")  # applied only: no seat, not on the sheet
    _, gone = participant(course, "Trukket", "Borte")
    enrolments.accept(gone)
    enrolments.withdraw(gone, D(2026, 2, 1))
    certified(course, "Kari", "Aas", municipality="Askøy")

    out = tmp_path / "oppmøte.pdf"
    result = printouts.print_sign_in_sheets(course_id=course, out=out)
    pages = texts(out)
    assert (result.count, result.pages, len(pages)) == (5, 5, 5)
    first = pages[0]
    assert "Torsdag 9. april 2026" in first and "kl. 17.00–20.00" in first
    assert "Frivilligsentralen, Straume" in first and "Dag 1 av 5" in first
    assert "Aas, Kari Askøy" in first and "Zahl, Ola Øygarden" in first
    names = ["Aas, Kari", "Zahl, Ola", "Ødegård, Ola", "Åsheim, Ola"]
    assert [first.index(n) for n in names] == sorted(first.index(n) for n in names)
    assert "Venter" not in first and "Borte" not in first
    assert "Fredag 24. april 2026" in pages[3] and "Dag 4 av 5" in pages[3]


def test_sign_in_sheets_need_sessions_and_participants(db, tmp_path: Path) -> None:
    f.own_profile()
    empty = two_weekend_course()
    out = tmp_path / "oppmøte.pdf"
    with pytest.raises(RuleError, match="Ingen deltakere med plass"):
        printouts.print_sign_in_sheets(course_id=empty, out=out)
    with pytest.raises(NotFoundError, match="Fant ikke kurs med id 999"):
        printouts.print_sign_in_sheets(course_id=999, out=out)
    assert not out.exists()


# -- warnings, kinds and names ------------------------------------------------------------------


def test_printing_warnings_come_from_the_profile(db) -> None:
    assert printouts.printing_warnings() == [printouts.NO_PROFILE]
    organisations.save_own_profile(
        organisations.OwnProfile(name="Hordaland Idrettskrets", certificate_prefix="HIK")
    )
    warnings = printouts.printing_warnings(printouts.PrintKind.CERTIFICATES)
    assert "Logo mangler – utskriften får ingen logo." in warnings
    assert "Navn på den som signerer mangler." in warnings
    assert not any("Postadresse" in w for w in warnings)
    assert any("Postadresse" in w for w in printouts.printing_warnings(printouts.PrintKind.REFUND_LETTERS))
    attendance_warnings = printouts.printing_warnings(printouts.PrintKind.ATTENDANCE)
    assert attendance_warnings == ["Logo mangler – utskriften får ingen logo."]

    organisations.save_own_profile(
        organisations.OwnProfile(
            name="Hordaland Idrettskrets",
            certificate_prefix="HIK",
            address="Demovegen 1",
            postal_code="5003",
            city="Bergen",
            email="kurs@example.no",
            signatory_name="Kari Nordmann",
            signatory_title="daglig leder",
            logo=png_logo(),
        )
    )
    assert printouts.printing_warnings() == []


def test_result_carries_the_profile_warnings(db, tmp_path: Path) -> None:
    organisations.save_own_profile(
        organisations.OwnProfile(name="Hordaland Idrettskrets", certificate_prefix="HIK")
    )
    course = two_weekend_course()
    certified(course)
    result = printouts.print_certificates(course_id=course, out=tmp_path / "k.pdf")
    assert "Navn på den som signerer mangler." in result.warnings


def test_print_kind_dispatches_and_refuses_unknown_kinds(db, tmp_path: Path) -> None:
    f.own_profile()
    course = two_weekend_course()
    certified(course)
    out = tmp_path / "k.pdf"
    assert (
        printouts.print_kind("attendance", course_id=course, out=out).kind == printouts.PrintKind.ATTENDANCE
    )
    assert printouts.print_kind("certificates", course_id=course, out=out).pages == 1
    with pytest.raises(ValidationError, match="Ukjent utskrift «diplom»"):
        printouts.print_kind("diplom", course_id=course, out=out)


def test_default_file_names_are_safe_on_windows() -> None:
    assert printouts.default_file_name("certificates", "Kurs: Øygarden/Askøy?") == (
        "Kursbevis – Kurs Øygarden Askøy.pdf"
    )
    assert printouts.default_file_name("attendance", "") == "Oppmøteliste.pdf"
    assert printouts.default_file_name("refund-letters", "Kurs.") == "Tilbakebetaling av egenandel – Kurs.pdf"


def test_default_file_names_follow_the_chosen_language() -> None:
    """An English user was offered «Tilbakebetaling av egenandel – ….pdf» and «Deltakerliste – ….xlsx»."""
    i18n.set_language("en")
    try:
        assert printouts.default_file_name("refund-letters", "Kurs") == "Deposit refund – Kurs.pdf"
        assert printouts.default_file_name("attendance", "") == "Sign-in sheet.pdf"
        assert [kind.label for kind in exports.ExportKind] == [
            "Participant list",
            "Attendance",
            "Deposits",
            "Refunds",
            "Certificate register",
            "Follow-up",
        ]
    finally:
        i18n.set_language("nb")
