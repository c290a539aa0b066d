"""Course list filters, inline validation in the course form, forfeit preview, unsuitable screening."""

from __future__ import annotations

import datetime as dt

from coursekeeper.domain.money import kroner
from coursekeeper.services import courses, deposits, enrolments, people, screening
from coursekeeper.services.courses import CourseInput, SessionInput


def _course(title: str, municipality: str, day: dt.date, status: str = "open", **kw) -> int:
    data = CourseInput(
        title=title,
        municipality=municipality,
        status=status,
        sessions=[SessionInput(day, "09:00", "15:00")],
        **kw,
    )
    return courses.create_course(data).id


def test_course_list_filters_by_year_municipality_status_and_search(window, tasks) -> None:
    _course("Kurs Øygarden", "Øygarden", dt.date(2025, 4, 9))
    _course("Kurs Bergen", "Bergen", dt.date(2026, 4, 9), status="planned")
    _course("Kurs Askøy", "Askøy", dt.date(2026, 9, 1), status="cancelled")
    view = window.views["courses"]
    view.reload()
    assert tasks.wait_idle()
    titles = lambda: [view.model.display_text(r, 0) for r in range(view.model.rowCount())]  # noqa: E731
    assert titles() == ["Kurs Askøy", "Kurs Bergen", "Kurs Øygarden"]
    view.year.setCurrentIndex(view.year.findData(2026))
    assert titles() == ["Kurs Askøy", "Kurs Bergen"]
    view.status.setCurrentIndex(view.status.findData("planned"))
    assert titles() == ["Kurs Bergen"]
    assert view.count_label.text() == "Viser 1 av 3 kurs"
    view.year.setCurrentIndex(0)
    view.status.setCurrentIndex(0)
    view.municipality.setCurrentIndex(view.municipality.findData("Øygarden"))
    assert titles() == ["Kurs Øygarden"]
    view.municipality.setCurrentIndex(0)
    view.search.setText("oygarden")
    view.search._emit()
    assert titles() == ["Kurs Øygarden"]


def test_course_form_shows_problems_next_to_the_fields(window, tasks, shown) -> None:
    view = window.views["courses"]
    view.new_item()
    dialog = view.dialog
    dialog.municipality.setText("Bærgen")
    dialog.deposit.setText("tusen")
    dialog.binding_date.setText("31.02.2026")
    dialog.sessions.table.item(0, 1).setText("25:00")
    dialog.submit()
    assert tasks.wait_idle()
    errors = {k: f.error.text() for k, f in dialog.fields.items() if f.error.text()}
    assert errors["title"] == "Skriv en tittel på kurset."
    assert "Bergen" in errors["municipality"]  # the suggestion
    assert errors["deposit"] == "Skriv et beløp i kroner, for eksempel 1000."
    assert errors["binding_date"].startswith("Skriv datoen som dd.mm.åååå")
    assert errors["sessions"] == "Økt 1: «25:00» er ikke et klokkeslett. Skriv TT:MM."
    assert dialog.isVisible()
    assert courses.list_courses() == []


def test_withdrawal_after_binding_date_states_the_forfeit_first(window, tasks, shown) -> None:
    course_id = _course(
        "Kurs Øygarden", "Øygarden", dt.date.today() + dt.timedelta(days=30),
        capacity=5, screening_required=False, binding_date=dt.date.today() - dt.timedelta(days=1),
    )  # fmt: skip
    person = people.create_person(people.PersonInput("Kari", "Nordmann"))
    eid = enrolments.enrol(course_id=course_id, person_id=person.id).id
    enrolments.accept(eid)
    deposits.record_payment(enrolment_id=eid, amount_ore=kroner(1000), paid_on=dt.date.today())
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    page = view.page
    assert page.model.display_text(0, 4) == "Betalt"
    page.select_enrolment(eid)
    page.action_buttons["withdraw"].click()
    assert tasks.wait_idle()
    assert (
        "Egenandelen beholdes fordi påmeldingen var bindende (1):\n• Kari Nordmann: 1 000 kr"
        in shown["confirm"][0]
    )
    assert shown["info"] == ["Kari Nordmann er trukket fra kurset. Egenandelen på 1 000 kr er beholdt."]
    assert page.model.display_text(0, 2) == "Trukket"
    assert page.model.display_text(0, 4) == "Beholdt"


def test_unsuitable_screening_proposes_rejection(window, tasks, shown) -> None:
    course_id = _course("Kurs Bergen", "Bergen", dt.date(2026, 4, 9))
    person = people.create_person(people.PersonInput("Per", "Hansen"))
    eid = enrolments.enrol(course_id=course_id, person_id=person.id).id
    screening.record_screening(enrolment_id=eid, outcome="pending", notes="tidligere notat")
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    page = view.page
    page.select_enrolment(eid)
    page.open_screening()
    assert tasks.wait_idle()
    dialog = page.dialog
    assert dialog.notes.toPlainText() == "tidligere notat"
    dialog.outcome.setCurrentIndex(dialog.outcome.findText("Ikke egnet"))
    dialog.submit()
    assert tasks.wait_idle()
    assert shown["confirm"] == ["Per Hansen er vurdert som ikke egnet. Vil du avslå søknaden nå?"]
    assert page.model.display_text(0, 2) == "Avslått"
    assert page.model.display_text(0, 3) == "Ikke egnet"


def test_accept_requires_suitable_screening_message(window, tasks, shown) -> None:
    course_id = _course("Kurs Bergen", "Bergen", dt.date(2026, 4, 9))
    person = people.create_person(people.PersonInput("Per", "Hansen"))
    eid = enrolments.enrol(course_id=course_id, person_id=person.id).id
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    view.page.select_enrolment(eid)
    view.page.action_buttons["accept"].click()
    assert tasks.wait_idle()
    assert shown["error"] == [
        "Per Hansen kan ikke tas opp før egnethetsvurderingen er «Egnet» (nå: «Ikke vurdert»)."
    ]


def test_creating_a_person_whose_name_exists_asks_first(window, tasks, monkeypatch) -> None:
    from coursekeeper.ui import messages

    course_id = _course("Kurs Bergen", "Bergen", dt.date(2026, 4, 9))
    people.create_person(people.PersonInput("Kari", "Nordmann", email="kari@example.no"))
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, ok: asked.append(text) or False)
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    view.page.add_person()
    dialog = view.page.dialog
    dialog.first_name.setText("Kari")
    dialog.last_name.setText("Nordmann")
    dialog.create_button.click()
    assert tasks.wait_idle()
    assert "kari@example.no" in asked[0]
    assert dialog.isVisible() and dialog.model.rowCount() == 1  # the existing person, ready to pick
    assert len(people.search_people("Kari Nordmann")) == 1


def test_sign_in_sheets_are_saved_as_pdf(window, tasks, shown, monkeypatch, tmp_path) -> None:
    from coursekeeper.ui import printing_actions

    course_id = _course("Kurs Bergen", "Bergen", dt.date(2026, 4, 9), screening_required=False)
    person = people.create_person(people.PersonInput("Kari", "Nordmann"))
    enrolments.accept(enrolments.enrol(course_id=course_id, person_id=person.id).id)
    out = tmp_path / "oppmøte.pdf"
    monkeypatch.setattr(printing_actions, "ask_save_path", lambda parent, default: out)
    monkeypatch.setattr(printing_actions, "open_file", lambda path: True)
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    view.page.documents_button.sign_in_action.trigger()
    assert tasks.wait_idle(20_000)
    assert shown["error"] == []
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert shown["exception"] == []


def test_course_page_exports_to_excel_and_opens_the_import_wizard(
    window, tasks, shown, monkeypatch, tmp_path
) -> None:
    from openpyxl import load_workbook

    from coursekeeper.ui import export_actions
    from coursekeeper.ui.dialogs.import_wizard import ImportWizard

    course_id = _course("Kurs Bergen", "Bergen", dt.date(2026, 4, 9), screening_required=False)
    person = people.create_person(people.PersonInput("Kari", "Nordmann"))
    enrolments.enrol(course_id=course_id, person_id=person.id)
    out = tmp_path / "deltakere.xlsx"
    monkeypatch.setattr(export_actions, "ask_xlsx_path", lambda parent, default: out)
    monkeypatch.setattr(export_actions, "open_file", lambda path: True)
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    view.page.documents_button.export_actions["participants"].trigger()
    assert tasks.wait_idle(20_000)
    assert shown["error"] == [] and shown["exception"] == []
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "Nordmann" in cells or any("Nordmann" in str(c) for c in cells)
    view.page.import_button.click()
    assert isinstance(view.page.dialog, ImportWizard) and view.page.dialog.isVisible()
    view.page.dialog.reject()


def test_course_list_opens_the_follow_up_reader(window, tasks) -> None:
    from coursekeeper.ui.dialogs.followup_dialog import FollowupDialog

    view = window.views["courses"]
    view.followup_button.click()
    assert isinstance(view.dialog, FollowupDialog) and view.dialog.isVisible()
    view.dialog.reject()


def test_course_page_keeps_its_filter_when_it_loads_again_after_a_change(window, tasks) -> None:
    day = dt.date.today() + dt.timedelta(days=30)
    course_id = _course("Kurs Øygarden", "Øygarden", day, capacity=5, screening_required=False)
    for first in ("Kari", "Ola", "Åse"):
        person = people.create_person(people.PersonInput(first, "Nordmann"))
        enrolments.enrol(course_id=course_id, person_id=person.id)
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    page = view.page
    page.search.setText("nordmann")
    page.search._emit()
    page.state_filter.setCurrentIndex(page.state_filter.findData(enrolments.S.APPLIED))
    assert page.count_label.text() == "3 av 3 påmeldinger vises"
    ola = next(r.id for r in page.model.rows() if r.name == "Ola Nordmann")
    enrolments.accept(ola)
    page.reload()  # as after «Ta opp»: the rows are read again, the filter stays
    assert tasks.wait_idle()
    assert [r.name for r in page.model.rows()] == ["Kari Nordmann", "Åse Nordmann"]
    assert page.count_label.text() == "2 av 3 påmeldinger vises"


def test_a_change_behind_an_open_course_page_reads_the_page_and_the_list_only_on_going_back(
    window, tasks, db, monkeypatch
) -> None:
    course_id = _course("Kurs Øygarden", "Øygarden", dt.date(2026, 4, 9))
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    statements: list[str] = []
    plain = db.execute_sql

    def counted(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return plain(sql, params, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", counted)
    _course("Kurs Bergen", "Bergen", dt.date(2026, 9, 1))
    statements.clear()
    view.reload()  # a change announced while the page is open (saving a person, another program)
    assert tasks.wait_idle()
    page_only = len(statements)
    statements.clear()
    view.page.reload()
    assert tasks.wait_idle()
    assert page_only == len(statements) > 0
    assert view.page_shown()
    view.show_list()  # «Alle kurs»: the list is read now, with the course added meanwhile
    assert tasks.wait_idle()
    assert sorted(r.title for r in view.model.all_rows()) == ["Kurs Bergen", "Kurs Øygarden"]


def test_the_course_page_fits_a_half_screen_window_and_groups_its_counts(window, tasks, qtbot) -> None:
    day = dt.date.today() + dt.timedelta(days=30)
    course_id = _course("Kurs for treningskontakter – Bjørnafjorden", "Bjørnafjorden", day, capacity=1000)
    window.resize(960, 720)
    window.show()
    view = window.views["courses"]
    view.open_course(course_id)
    assert tasks.wait_idle()
    page = view.page
    qtbot.waitUntil(lambda: page.isVisible())
    assert window.minimumSizeHint().width() <= 960
    assert window.width() == 960
    for widget in (
        *page.action_buttons.values(),
        page.count_label,
        page.documents_button,
        page.import_button,
    ):
        right = widget.mapTo(page, widget.rect().topRight()).x()
        assert right <= page.width(), widget  # nothing cut off at the right edge
    assert page.capacity_label.text() == "0 av 1\u00a0000 plasser"  # grouped as the row counts are
    assert page.capacity_text(10, 1000, 99_990) == "10 av 1\u00a0000 plasser · 99\u00a0990 på venteliste"
