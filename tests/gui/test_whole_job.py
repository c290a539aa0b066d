"""The whole job from the window (issue 9): an empty database to a saved refund letter, as a user does it.

Every step uses only controls a user can see, found by the text on them or the label beside them
(``tests/gui/as_user.py``); no service is called. What the user gets is read back: the
certificate PDF's names and numbers, the refund letter's amount and six-month date. The same test
runs in Norwegian and in English (the English texts come from the translation file, so a missing
or wrong translation fails here too).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from coursekeeper import settings
from coursekeeper.domain.dates import add_months, format_date
from tests.gui.as_user import User, save_to

TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=270)  # two weekends long enough ago for six months in an assignment
DAYS = [FIRST, FIRST + dt.timedelta(days=1), FIRST + dt.timedelta(days=14), FIRST + dt.timedelta(days=15)]
ASSIGNMENT_START = DAYS[-1] + dt.timedelta(days=20)
SIX_MONTHS = add_months(ASSIGNMENT_START, 6)
assert SIX_MONTHS <= TODAY
PEOPLE = ["Kari Nordmann", "Ola Ødegård", "Per Hansen", "Åse Lie"]  # Åse applies last: waiting list


def _english() -> dict[str, str]:
    ts = settings.resources_dir() / "translations" / "coursekeeper_en.ts"
    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if source is None or translation is None:
            continue
        plural = [form.text for form in translation.iter("numerusform")]
        text = plural[-1] if plural else translation.text  # %n texts: the plural form
        if text:
            found.setdefault(source, text)
    return found


def _participant_list(path: Path) -> Path:
    """What a municipality sends: a title row, then the header, then three people."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Påmeldte treningskontaktkurs Øygarden"])
    sheet.append(["Fornavn", "Etternavn", "Fødselsdato", "E-post", "Telefon", "Kommune"])
    sheet.append(["Ola", "Ødegård", "12.03.1988", "ola@example.no", "912 34 567", "Øygarden"])
    sheet.append(["Per", "Hansen", "1979-12-24", "per@example.no", "+47 987 65 432", "Øygarden"])
    sheet.append(["Åse", "Lie", "5.6.95", "ase@example.no", "41234567", "Øygarden"])
    book.save(path)
    return path


@pytest.fixture(params=["nb", "en"])
def language(request, qapp):
    from PySide6.QtCore import QLocale

    from coursekeeper import i18n
    from coursekeeper.app import install_translators

    installed = install_translators(qapp, request.param)
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal))
    i18n.set_language("nb")


def test_the_whole_job_from_the_window(language, tasks, qtbot, shown, monkeypatch, tmp_path) -> None:
    from coursekeeper.ui import export_actions, printing_actions
    from coursekeeper.ui.dialogs import import_wizard
    from coursekeeper.ui.main_window import MainWindow

    english = _english() if language == "en" else {}

    def t(text: str) -> str:
        return english.get(text, text)

    monkeypatch.setattr(printing_actions, "open_file", lambda path: True)
    monkeypatch.setattr(export_actions, "open_file", lambda path: True)
    monkeypatch.setattr(
        import_wizard, "ask_open_path", lambda parent: _participant_list(tmp_path / "påmeldte.xlsx")
    )
    saved = save_to(monkeypatch, tmp_path)
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    user = User(qtbot, window, tasks)
    user.settle()

    # 1. The organiser's profile (certificate numbers need a prefix).
    user.go(t("Innstillinger"))
    user.type_into(t("&Navn:"), "Hordaland Idrettskrets")
    user.type_into(t("&Prefiks for kursbevisnummer:"), "HIK")
    user.type_into(t("&Underskriver:"), "Kari Leder")
    user.click(t("Lagre profilen"))
    user.settle()

    # 2. A course over two weekends, three seats.
    user.go(t("Kurs"))

    def fill_course(dialog) -> None:
        user.type_into(t("&Tittel:"), "Kurs for treningskontakter – Øygarden", within=dialog)
        user.type_into(t("&Vertskommune:"), "Øygarden", within=dialog)
        user.type_into(t("&Sted:"), "Straume idrettshall", within=dialog)
        user.type_into(t("&Plasser:"), "3", within=dialog)
        sessions = user.table(dialog)
        for _ in DAYS[1:]:
            user.click(t("Legg til økt"), within=dialog)
        for row, day in enumerate(DAYS):
            sessions.model().setData(sessions.model().index(row, 0), format_date(day))
            sessions.model().setData(sessions.model().index(row, 1), "09:00")
            sessions.model().setData(sessions.model().index(row, 2), "15:00")
        user.click(t("Lagre"), within=dialog)

    user.then(fill_course)
    user.click(t("Nytt kurs …"))
    user.settle()
    page = window.current_view().page
    assert page.title.text() == "Kurs for treningskontakter – Øygarden"

    # 3. One person typed in, three from the municipality's list.
    def new_person(dialog) -> None:
        user.type_into(t("&Fornavn:"), "Kari", within=dialog)
        user.type_into(t("&Etternavn:"), "Nordmann", within=dialog)
        user.type_into(t("Fø&dselsdato:"), "09.04.1985", within=dialog)
        user.type_into(t("E-&post:"), "kari@example.no", within=dialog)
        user.type_into(t("&Telefon:"), "90012345", within=dialog)
        user.click(t("Opprett og meld på"), within=dialog)

    user.then(new_person)
    user.click(t("Legg til person …"), within=page)
    user.settle()

    def import_list(wizard) -> None:
        user.click(t("&Velg fil …"), within=wizard)
        user.settle()
        user.click(t("&Neste >"), within=wizard)
        user.settle()
        user.click(t("Les inn &alle"), within=wizard)
        user.settle()
        user.click(t("Lukk"), within=wizard)

    user.then(import_list)
    user.click(t("Importer deltakerliste …"), within=page)
    user.settle()
    table = page.table
    assert sorted(r[t("Navn")] for r in user.rows(table)) == sorted(PEOPLE)

    # 4. Everyone screened «Egnet» at once, then accepted in one batch: the fourth is waitlisted.
    def screen_all(dialog) -> None:
        user.type_into(t("&Vurdering:"), t("Egnet"), within=dialog)
        user.type_into(t("&Intervjuet av:"), "Kari Leder", within=dialog)
        user.click(t("Lagre vurderingene"), within=dialog)

    user.select(table, PEOPLE)
    user.then(screen_all)
    user.click(t("Egnethetsvurdering …"), within=page)
    user.settle()
    user.select(table, PEOPLE)
    user.click(t("Ta opp"), within=page)
    user.settle()
    assert "Åse Lie" in shown["confirm"][-1]  # the confirmation says who goes to the waiting list
    states = {r[t("Navn")]: r[t("Status")] for r in user.rows(table)}
    assert states == {
        "Kari Nordmann": t("Tatt opp"),
        "Ola Ødegård": t("Tatt opp"),
        "Per Hansen": t("Tatt opp"),
        "Åse Lie": t("Venteliste"),
    }

    # 5. Attendance: everyone present at every session, then the course is closed.
    def attendance(dialog) -> None:
        user.settle()  # the grid loads on the worker after the dialog opens
        grid = user.table(dialog)
        for column in range(1, len(DAYS) + 1):
            grid.setCurrentIndex(grid.model().index(0, column))
            user.click(t("Alle til stede i valgt økt"), within=dialog)
            user.settle()
        user.click(t("Avslutt kurset …"), within=dialog)
        user.settle()
        user.click(t("Lukk"), within=dialog)

    user.then(attendance)
    user.click(t("Oppmøte …"), within=page)
    user.settle()
    done = ["Kari Nordmann", "Ola Ødegård", "Per Hansen"]
    assert {r[t("Navn")]: r[t("Status")] for r in user.rows(table) if r[t("Navn")] in done} == dict.fromkeys(
        done, t("Fullført")
    )

    # 6. The three pay their deposit (one dialog for all three).
    user.select(table, done)
    user.then(lambda dialog: user.click(t("Registrer innbetaling"), within=dialog))
    user.click(t("Registrer innbetaling …"), within=page)
    user.settle()

    # 7. Certificates for the course, saved as PDF; names and numbers read back from it.
    def issue(dialog) -> None:
        user.settle()
        shown["choice"].append(1)  # «Lagre som PDF …» when offered after issuing
        user.click(t("Utsted %n kursbevis").replace("%n", "3"), within=dialog)
        user.settle()
        user.click(t("Lukk"), within=dialog)

    user.then(issue)
    user.choose(t("Utskrift og eksport"), t("Utsted kursbevis …"), within=page)
    user.settle()
    certificate_pdf = saved[-1]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(certificate_pdf).pages)
    for name in done:
        assert name in text
    numbers = [f"HIK-{TODAY.year}-{n:04d}" for n in (1, 2, 3)]
    assert all(number in text for number in numbers)

    # 8. Kari takes an assignment; six months later her deposit is due back.
    user.double_click(table, "Kari Nordmann")
    user.settle()
    person = window.current_view().page

    def assignment(dialog) -> None:
        user.type_into(t("&Kommune:"), "Øygarden", within=dialog)
        user.type_into(t("&Startdato:"), format_date(ASSIGNMENT_START), within=dialog)
        user.click(t("Registrer oppdrag"), within=dialog)

    user.tab(t("Oppdrag"), within=person)
    user.then(assignment)
    user.click(t("Nytt oppdrag …"), within=person)
    user.settle()

    # 9. The refund letter for Kari, saved as PDF, says the amount and the six-month date.
    deposits = user.go(t("Egenandeler"))
    due = user.tab(t("Til tilbakebetaling"), within=deposits)
    letters = user.table(due)
    user.select(letters, ["Kari Nordmann"])
    user.click(t("Lagre brev til valgte (%1) …").replace("%1", "1"), within=due)
    user.settle()
    user.stop()
    letter = saved[-1]
    assert letter != certificate_pdf
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(letter).pages)
    assert "Kari Nordmann" in text and "1 000 kr" in text and format_date(SIX_MONTHS) in text
    assert shown["error"] == [] and shown["exception"] == []
    window.close()
