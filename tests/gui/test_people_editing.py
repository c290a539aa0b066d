"""Personer: a new person, every field edited from the person page, names swapped, duplicates merged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from coursekeeper.db.models import Person
from coursekeeper.services import enrolments, people
from coursekeeper.services.people import PersonInput
from coursekeeper.ui.dialogs.merge_people_dialog import MergePeopleDialog
from coursekeeper.ui.dialogs.person_dialog import PersonDialog
from tests import factories, part_b_data
from tests.gui.b_helpers import reload_on_change, select_rows, table_texts


def _drive(monkeypatch, tasks, cls: type, fill: Callable) -> list:
    """Replace ``cls.exec``: show the dialog, let ``fill`` work in it (it presses the buttons)."""
    opened: list = []

    def fake_exec(self) -> int:
        self.show()
        opened.append(self)
        fill(self)
        tasks.wait_idle()
        return self.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened


def _save(tasks, dialog) -> None:
    dialog.ok_button.click()
    tasks.wait_idle()


def _view(tasks, qtbot):
    from coursekeeper.ui.views.people_view import PeopleView

    view = PeopleView(tasks)
    qtbot.addWidget(view)
    reload_on_change(tasks, view)
    view.reload()
    tasks.wait_idle()
    return view


def _open(view, tasks, first_name: str) -> None:
    select_rows(view.people.table, lambda r: r.first_name == first_name)
    view.open_button.click()
    tasks.wait_idle()


def test_new_person_from_personer_opens_their_page(tasks, qtbot, shown, monkeypatch) -> None:
    view = _view(tasks, qtbot)

    def fill(dialog: PersonDialog) -> None:
        assert dialog.windowTitle() == "Ny person" and dialog.ok_button.text() == "Opprett person"
        qtbot.keyClicks(dialog.first_name, "Mats")
        qtbot.keyClicks(dialog.last_name, "Johansen")
        qtbot.keyClicks(dialog.birth_date, "9.4.1985")
        qtbot.keyClicks(dialog.phone, "+47 912 34 567")
        dialog.municipality.setCurrentText("Bergen")
        _save(tasks, dialog)

    opened = _drive(monkeypatch, tasks, PersonDialog, fill)
    view.new_button.click()
    tasks.wait_idle()
    assert opened and opened[0].result() == PersonDialog.DialogCode.Accepted
    assert view.page_shown()
    assert view.page.name.text() == "Mats Johansen"
    assert view.page.facts.text() == "Født 09.04.1985 · 912 34 567 · Bergen kommune"
    assert table_texts(view.people.model) == [
        ["Johansen", "Mats", "09.04.1985", "", "912 34 567", "Bergen", "0"]
    ]
    assert shown["error"] == [] and shown["exception"] == []


def test_edit_from_the_person_page_shows_a_bad_phone_at_the_field(tasks, qtbot, shown, monkeypatch) -> None:
    part_b_data.build()
    view = _view(tasks, qtbot)
    _open(view, tasks, "Kari")
    page = view.page

    def fill(dialog: PersonDialog) -> None:
        assert dialog.first_name.text() == "Kari" and dialog.phone.text() == "912 34 567"
        assert dialog.birth_date.text() == "09.04.1985" and dialog.municipality.currentText() == "Øygarden"
        dialog.phone.setText("12 34")
        dialog.postal_code.setText("01017010170")
        _save(tasks, dialog)
        assert dialog.isVisible(), "a refused save keeps the dialog open"
        phone_error = dialog.fields["phone"].error
        assert phone_error.isVisible()
        assert (
            phone_error.text() == "Telefonnummeret «12 34» ser ikke riktig ut. Skriv for eksempel 912 34 567."
        )
        assert (
            dialog.fields["postal_code"]
            .error.text()
            .startswith("Postnummeret ser ut til å inneholde et fødselsnummer.")
        )
        assert not dialog.fields["email"].error.isVisible()
        assert Person.get_by_id(page.person_id).phone == "+4791234567"  # nothing written
        dialog.phone.setText("41 23 45 67")
        dialog.postal_code.setText("5003")
        dialog.last_name.setText("Nordmann Berg")
        dialog.address.setText("Strandgaten 1")
        dialog.city.setText("Bergen")
        dialog.email.setText("kari.berg@example.no")
        dialog.birth_date.setText("10.04.1985")
        dialog.municipality.setCurrentText("Bergen")
        _save(tasks, dialog)
        assert not dialog.fields["phone"].error.isVisible()

    opened = _drive(monkeypatch, tasks, PersonDialog, fill)
    page.edit_button.click()
    tasks.wait_idle()
    assert opened[0].result() == PersonDialog.DialogCode.Accepted
    assert page.name.text() == "Kari Nordmann Berg"
    assert page.facts.text() == (
        "Født 10.04.1985 · kari.berg@example.no · 412 34 567 · Strandgaten 1, 5003 Bergen · Bergen kommune"
    )
    assert page.feedback.text() == "Endringene er lagret."
    assert shown["error"] == [] and shown["exception"] == []


def test_swap_names_in_one_click(tasks, qtbot, shown) -> None:
    people.create_person(PersonInput("Johansen", "Mats", dt.date(1990, 5, 1)))
    view = _view(tasks, qtbot)
    _open(view, tasks, "Johansen")
    assert view.page.name.text() == "Johansen Mats"
    view.page.swap_button.click()
    tasks.wait_idle()
    assert view.page.name.text() == "Mats Johansen"
    assert view.page.feedback.text() == "Fornavn og etternavn er byttet: Mats Johansen."
    assert table_texts(view.people.model)[0][:2] == ["Johansen", "Mats"]


def test_merge_from_the_duplicates_list(tasks, qtbot, shown, monkeypatch) -> None:
    s = part_b_data.build()
    part_b_data.pay(s, "Ola")
    twin = people.create_person(PersonInput("OLA", "ODEGAARD", dt.date(1990, 1, 2), None, "41 23 45 67")).id
    other_course = factories.course(title="Treningskontaktkurs Bergen høst 2026")
    enrolments.enrol(course_id=other_course, person_id=twin)
    view = _view(tasks, qtbot)
    assert view.tabs.tabText(1) == "Mulige duplikater (1)"
    assert table_texts(view.duplicates.model) == [
        [
            "Ola Ødegård",
            "02.01.1990",
            "ola@example.no",
            "Ola Odegaard",
            "02.01.1990",
            "",
            "Samme navn og fødselsdato",
        ]
    ]

    def fill(dialog: MergePeopleDialog) -> None:
        assert dialog.keep_buttons[0].text() == "Behold Ola Ødegård" and dialog.keep_buttons[0].isChecked()
        assert dialog.take_from_other() == set()  # both have a phone: the kept one's stays
        dialog.keep_buttons[1].click()  # keep the newer record …
        assert dialog.take_from_other() == {"email", "municipality"}  # … filling what it lacks
        dialog.choices["last_name"].button(0).click()  # … with the old record's spelling
        assert not dialog.choices["first_name"].button(0).isEnabled()  # the same on both
        assert dialog.take_from_other() == {"email", "municipality", "last_name"}
        _save(tasks, dialog)

    view.tabs.setCurrentIndex(1)
    select_rows(view.duplicates.table, lambda r: True)
    view.duplicates.table.setCurrentIndex(view.duplicates.model.index(0, 0))
    opened = _drive(monkeypatch, tasks, MergePeopleDialog, fill)
    view.merge_button.click()
    tasks.wait_idle()
    assert opened and opened[0].result() == MergePeopleDialog.DialogCode.Accepted
    assert shown["info"] == [
        "Slått sammen til Ola Ødegård. Flyttet: 1 påmelding, 0 kursbevis, 1 egenandelspost, 0 oppdrag."
    ]
    assert view.tabs.tabText(1) == "Mulige duplikater (0)"
    row = Person.get_by_id(twin)
    assert (row.first_name, row.last_name, row.email, row.phone) == (
        "Ola",
        "Ødegård",
        "ola@example.no",
        "+4741234567",
    )
    olas = [r for r in table_texts(view.people.model) if r[1] == "Ola"]
    assert olas == [["Ødegård", "Ola", "02.01.1990", "ola@example.no", "412 34 567", "Øygarden", "2"]]
    assert shown["error"] == [] and shown["exception"] == []


def test_merge_dialog_refuses_two_records_on_the_same_course(tasks, qtbot, shown, monkeypatch) -> None:
    s = part_b_data.build()
    twin = people.create_person(PersonInput("Kari", "Nordmann", None, "kari.nordmann@example.no")).id
    enrolments.enrol(course_id=s.course_id, person_id=twin)
    view = _view(tasks, qtbot)
    view.tabs.setCurrentIndex(1)
    view.duplicates.table.setCurrentIndex(view.duplicates.model.index(0, 0))

    def look(dialog: MergePeopleDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        assert dialog.shared.text() == (
            "Begge er påmeldt «Treningskontaktkurs Øygarden vår 2025». "
            "Meld den ene av kurset før du slår sammen."
        )
        dialog.reject()

    opened = _drive(monkeypatch, tasks, MergePeopleDialog, look)
    view.merge_selected()
    tasks.wait_idle()
    assert opened and Person.get_or_none(Person.id == twin) is not None


def test_merge_from_the_person_page_with_a_record_found_by_search(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper.ui.dialogs.pick_person_dialog import PickPersonDialog

    s = part_b_data.build()
    twin = people.create_person(PersonInput("Nordmann", "Kari", None, "kari@jobb.no")).id
    view = _view(tasks, qtbot)
    _open(view, tasks, "Nordmann")
    assert view.page.name.text() == "Nordmann Kari"

    def pick(dialog: PickPersonDialog) -> None:
        tasks.wait_idle()
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.search, "kari nordmann")
        qtbot.waitUntil(lambda: dialog.people.model.rowCount() == 1)
        select_rows(dialog.people.table, lambda r: True)
        dialog.ok_button.click()

    def merge(dialog: MergePeopleDialog) -> None:
        dialog.keep_buttons[1].click()  # keep the record with the course
        _save(tasks, dialog)

    _drive(monkeypatch, tasks, PickPersonDialog, pick)
    _drive(monkeypatch, tasks, MergePeopleDialog, merge)
    view.page.merge_button.click()
    tasks.wait_idle()
    assert shown["info"] == [
        "Slått sammen til Kari Nordmann. Flyttet: 0 påmeldinger, 0 kursbevis, 0 egenandelsposter, 0 oppdrag."
    ]
    assert view.page.person_id == s.people["Kari"] and view.page.name.text() == "Kari Nordmann"
    assert Person.get_or_none(Person.id == twin) is None
    assert [r[1] for r in table_texts(view.people.model)].count("Kari") == 1
