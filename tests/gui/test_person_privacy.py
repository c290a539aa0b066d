"""Personvern on the person page: the access request, who opened the notes, and erasure, as a user does it."""

from __future__ import annotations

import datetime as dt
import json

from coursekeeper.db.models import Person
from coursekeeper.services import courses, deposits, enrolments, people, screening
from tests import factories
from tests.gui.as_user import User, save_to


def _person_with_notes_and_money() -> int:
    factories.own_profile()
    course = courses.create_course(
        courses.CourseInput(
            title="Kurs for treningskontakter – Askøy",
            municipality="Askøy",
            screening_required=False,
            sessions=[courses.SessionInput(dt.date(2025, 3, 1), "09:00", "15:00")],
        )
    )
    person = people.create_person(
        people.PersonInput("Åse", "Ødegård", dt.date(1980, 2, 3), "ase@example.no", "912 34 567")
    )
    enrolment = enrolments.enrol(course_id=course.id, person_id=person.id)
    screening.record_screening(enrolment_id=enrolment.id, outcome="suitable", notes="Liker å gå tur")
    screening.open_screening(enrolment.id)
    enrolments.accept(enrolment.id)
    deposits.record_payment(enrolment_id=enrolment.id, amount_ore=100_000, paid_on=dt.date(2025, 2, 1))
    return person.id


def test_access_request_notes_log_and_erasure_from_the_person_page(
    tasks, qtbot, shown, monkeypatch, tmp_path
) -> None:
    from coursekeeper.ui import person_privacy
    from coursekeeper.ui.main_window import MainWindow

    opened: list = []
    monkeypatch.setattr(person_privacy, "open_file", lambda path: opened.append(path) or True)
    person_id = _person_with_notes_and_money()
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    user = User(qtbot, window, tasks)
    view = user.go("Personer") and window.current_view()
    user.double_click(user.table(view), "Ødegård")  # the list has Etternavn first
    user.settle()
    chosen = save_to(monkeypatch, tmp_path)

    user.choose("Personvern", "Innsyn: alt som er lagret (PDF og JSON) …")
    user.settle()
    assert chosen and chosen[0].exists() and chosen[0].with_suffix(".json").exists()
    data = json.loads(chosen[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert data["person"]["email"] == "ase@example.no" and data["screenings"][0]["notes"] == "Liker å gå tur"
    assert opened == [chosen[0]]

    def read_log(dialog) -> None:
        rows = user.rows(user.table(dialog))
        assert len(rows) == 1 and rows[0]["Kurs"] == "Kurs for treningskontakter – Askøy"
        user.click("Lukk", within=dialog)

    user.then(read_log)
    user.choose("Personvern", "Hvem har åpnet vurderingsnotatene …")
    user.settle()

    user.choose("Personvern", "Slett personen …")
    user.settle()
    user.stop()
    assert "Advarsel: 1 000 kr i egenandel holdes fortsatt" in shown["confirm"][-1]
    assert shown["info"][-1].startswith("Åse Ødegård er slettet")
    person = Person.get_by_id(person_id)
    assert (person.first_name, person.email, person.birth_date) == ("Slettet", None, None)
    assert deposits.balance_of(enrolments_of(person_id)).held == 100_000  # the money stays
    page = window.current_view().page
    assert page.name.text() == "Slettet person"
    window.close()


def enrolments_of(person_id: int) -> int:
    from coursekeeper.db.models import Enrolment

    return Enrolment.get(Enrolment.person == person_id).id
