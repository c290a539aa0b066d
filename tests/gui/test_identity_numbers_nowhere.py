"""No fødselsnummer is stored anywhere (DESIGN §6): one is typed into every free-text field and
imported in every column, then the SQLite file, its WAL, a backup, every export and the log
folder are searched for the 11 digits."""

from __future__ import annotations

import datetime as dt
import logging
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QLabel

from coursekeeper import settings
from coursekeeper.domain.identity_numbers import IdentityNumberRefused
from coursekeeper.services import (
    assignments,
    backup,
    certificates,
    courses,
    deposits,
    enrolments,
    exports,
    followup,
    imports,
    people,
    screening,
)
from tests import factories

FNR = "19059325305"  # valid check digits, born 19.05.1993
SPACED = "190593 25305"
FOUND_AS = (FNR.encode(), SPACED.encode(), FNR.encode("utf-16-le"))


def _refused(call, *args, **kwargs) -> str:
    with pytest.raises(IdentityNumberRefused) as caught:
        call(*args, **kwargs)
    assert FNR not in caught.value.message and "fødselsnummer" in caught.value.message
    return caught.value.field_label


def _type_into_every_field(course_id: int, enrolment_id: int, person_id: int, cert_id: int) -> set[str]:
    """Every typed free-text field refuses the number; returns the field labels named."""
    base = courses.CourseInput(
        title="Kurs",
        municipality="Øygarden",
        sessions=[courses.SessionInput(dt.date(2026, 4, 10), "09:00", "15:00")],
    )
    labels = set()
    for field, value in (
        ("title", f"Kurs {FNR}"),
        ("venue", f"Hallen, ref {SPACED}"),
        ("topics", [f"Tema {FNR}"]),
        ("co_organisers", [f"Lag {FNR}"]),
        ("notes", f"ring {FNR}"),
    ):
        data = courses.CourseInput(**{**base.__dict__, field: value})
        labels.add(_refused(courses.create_course, data))
        labels.add(_refused(courses.update_course, course_id, data))
    person = dict(first_name="Ola", last_name="Nordmann", birth_date=dt.date(1993, 5, 19))
    for field, value in (
        ("email", f"{FNR}@example.no"),
        ("address", f"Storgata 1 {FNR}"),
        ("city", f"Bergen {FNR}"),
        ("phone", SPACED),
    ):
        data = people.PersonInput(**person, **{field: value})
        for call, args in ((people.create_person, ()), (people.update_person, (person_id,))):
            with pytest.raises(people.PersonFieldsError) as caught:  # the people service names each field
                call(*args, data)
            assert list(caught.value.fields) == [field] and "fødselsnummer" in caught.value.message
            assert FNR not in caught.value.message and SPACED not in caught.value.message
    other = factories.person("Kari")
    labels.add(_refused(enrolments.enrol, course_id=course_id, person_id=other, notes=f"fnr {FNR}"))
    labels.add(_refused(screening.record_screening, enrolment_id=enrolment_id, outcome="suitable", notes=FNR))
    labels.add(
        _refused(screening.record_screening, enrolment_id=enrolment_id, outcome="suitable", interviewer=FNR)
    )
    day = dt.date(2026, 2, 2)
    labels.add(
        _refused(deposits.record_payment, enrolment_id=enrolment_id, amount_ore=100, paid_on=day, note=FNR)
    )
    labels.add(
        _refused(
            deposits.record_payment, enrolment_id=enrolment_id, amount_ore=100, paid_on=day, reference=FNR
        )
    )
    labels.add(_refused(deposits.record_refund, enrolment_id=enrolment_id, refunded_on=day, note=FNR))
    labels.add(_refused(assignments.add_assignment, person_id=person_id, start_date=day, note=f"Se {SPACED}"))
    labels.add(_refused(certificates.revoke, cert_id, f"Feil person, {FNR}"))
    return labels


def _import_with_numbers(course_id: int, folder: Path) -> imports.ImportResult:
    path = folder / f"påmeldte {FNR}.xlsx"  # the file name is kept with each enrolment
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Fornavn", "Etternavn", "Personnummer", "E-post", "Adresse", "Poststed", "Merknad"])
    sheet.append(["Per", "Berg", FNR, f"{FNR}@example.no", f"Vei 2 {FNR}", "Bergen", f"fnr {SPACED}"])
    sheet.append(["Liv", f"Dahl {FNR}", None, "liv@example.no", "Vei 3", f"Os {FNR}", "ok"])
    sheet.append(
        [None, "Hansen", FNR, f"{FNR}@example.no", f"Vei 4 {FNR}", "Os", f"fnr {FNR}"]
    )  # no first name
    book.save(path)
    preview = imports.preview_import(path, course_id=course_id)
    warned = " ".join(m for r in preview.rows for m in r.messages())
    assert "fødselsnummer" in warned and FNR not in warned
    result = imports.commit_import(preview, course_id=course_id, skip_invalid=True)
    assert result.error_workbook is not None and result.error_workbook.exists()
    return result


def _read_back_followup(course_id: int, folder: Path) -> None:
    out = folder / "oppfølging.xlsx"
    exports.export_followup(course_id, out)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows() if r[0].value == "ID")
    col = {c.value: c.column for c in header}
    row = header[0].row + 1
    sheet.cell(row, col["Oppdrag start"]).value = dt.date(2026, 6, 1)
    sheet.cell(row, col["Merknad"]).value = f"Kontakt {FNR}"
    book.save(out)
    followup.apply_followup(out)


def _files_holding_the_number(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        data = path.read_bytes()
        parts = [data]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                parts += [z.read(n) for n in z.namelist()]
        if any(needle in part for part in parts for needle in FOUND_AS):
            found.append(str(path))
    return found


def test_an_identity_number_typed_or_imported_is_found_nowhere(db, db_path: Path, tmp_path: Path) -> None:
    from coursekeeper.app import setup_logging

    setup_logging()
    try:
        factories.own_profile()
        course_id = factories.course()
        enrolment_id = factories.enrol(course_id)
        enrolments.accept(enrolment_id)
        factories.pay(enrolment_id)
        for s in courses.sessions(course_id):
            factories.present(enrolment_id=enrolment_id, session_id=s.id)
        cert = certificates.issue_certificate(enrolment_id, dt.date(2026, 4, 11))
        person_id = enrolments.get_enrolment(enrolment_id).person_id

        labels = _type_into_every_field(course_id, enrolment_id, person_id, cert.id)
        assert {"Kurstittel", "Kurssted", "Temaer", "Notater fra vurderingen"} <= labels
        assert {"Merknad", "Referanse", "Begrunnelsen", "Intervjuer", "Notater", "Medarrangører"} <= labels

        result = _import_with_numbers(course_id, tmp_path)
        assert result.created == 2
        imported = people.get_person(max(p.id for p in people.Person.select()))
        assert FNR not in f"{imported.last_name} {imported.city} {imported.email}"
        _read_back_followup(course_id, tmp_path)

        out = tmp_path / "eksport"
        out.mkdir()
        written = [
            exports.export_kind(k.value, course_id=course_id, out=out / f"{k.value}.xlsx").path
            for k in exports.ExportKind
        ]
        written.append(result.error_workbook)
        copy = backup.backup(settings.backups_dir() / "kopi.db")
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                handler.close()
                logging.getLogger().removeHandler(handler)
    stored = [db_path, db_path.with_name(db_path.name + "-wal"), copy, *written]
    logs = sorted((settings.data_dir() / "logs").glob("*"))
    assert logs, "the program's log folder exists"
    assert all(p.exists() for p in stored)
    assert _files_holding_the_number(stored + logs) == []


def test_the_dialogs_say_it_at_the_field_and_save_nothing(tasks, qtbot) -> None:
    from coursekeeper.db.models import Course, Screening
    from coursekeeper.domain.deposits import DepositStatus
    from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
    from coursekeeper.services.course_overview import EnrolmentRow
    from coursekeeper.ui.dialogs.assignment_dialog import AssignmentDialog
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog
    from coursekeeper.ui.dialogs.screening_dialog import ScreeningDialog

    course = CourseDialog(tasks, None)
    qtbot.addWidget(course)
    course.title.setText("Treningskontaktkurs")
    course.venue.setText(f"Hallen {SPACED}")
    venue = course.fields["venue"]
    assert venue.error.text().startswith("Teksten inneholder et fødselsnummer") and not venue.error.isHidden()
    course.submit()
    tasks.wait_idle()
    assert Course.select().count() == 0
    course.venue.setText("Straume idrettshall")
    assert venue.error.isHidden()

    course_id = factories.course()
    enrolment_id = factories.enrol(course_id)
    row = EnrolmentRow(
        enrolment_id, 1, "Åse Ødegård", "", EnrolmentState.APPLIED, dt.datetime(2026, 1, 1),
        ScreeningOutcome.PENDING, DepositStatus.UNPAID, 0, 0, "",
    )  # fmt: skip
    screening_dialog = ScreeningDialog(tasks, row)
    qtbot.addWidget(screening_dialog)
    tasks.wait_idle()
    screening_dialog.notes.setPlainText(f"Godt intervju.\nFnr: {FNR}")
    assert "fødselsnummer" in screening_dialog.notes_field.error.text()
    screening_dialog.submit()
    tasks.wait_idle()
    assert Screening.select().count() == 0

    assignment = AssignmentDialog(1, "Åse Ødegård", ["Øygarden"], "Øygarden")
    qtbot.addWidget(assignment)
    assignment.note.setText(f"Se {FNR}")
    assignment.ok_button.click()
    assert assignment.result() != assignment.DialogCode.Accepted
    shown_under = [w.text() for w in assignment.findChildren(QLabel, "fieldError") if not w.isHidden()]
    assert len(shown_under) == 1 and "fødselsnummer" in shown_under[0]


def test_from_the_window_a_course_venue_with_one_is_refused_at_the_field(tasks, qtbot) -> None:
    from coursekeeper.db.models import Course
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog
    from coursekeeper.ui.main_window import MainWindow
    from tests.gui.as_user import User

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.show()
    user = User(qtbot, window, tasks)
    try:
        user.go("Kurs")
        user.click("Nytt kurs", within=window)
        user.settle()
        (dialog,) = [d for d in window.findChildren(CourseDialog) if d.isVisible()]
        user.type_into("Tittel", "Treningskontaktkurs Øygarden høst 2026", within=dialog)
        user.type_into("Sted", f"Straume idrettshall {SPACED}", within=dialog)
        under = user.field("Sted", within=dialog).error
        assert under.text().startswith("Teksten inneholder et fødselsnummer") and under.isVisible()
        user.click("Lagre", within=dialog)
        user.settle()
        assert dialog.isVisible() and Course.select().count() == 0
        user.type_into("Sted", "Straume idrettshall", within=dialog)
        assert not under.isVisible()
        user.click("Lagre", within=dialog)
        user.settle()
        assert [c.venue for c in Course.select()] == ["Straume idrettshall"]
    finally:
        user.stop()
        window.close()
