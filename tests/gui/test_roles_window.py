"""Who sees what, from the window, on the real PostgreSQL server (issue 13).

Municipal staff sign in through the login dialog and see only their municipality's course and
people, no screening, no erasure and no staff panel; an administrator sees everything and, in
Innstillinger → Ansatte, adds a staff member (who can then sign in), changes their role and
disables them (who then cannot). Only visible controls are used.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql
from PySide6.QtWidgets import QWidget

from tests.conftest import PG_ENV
from tests.gui.as_user import User

pytestmark = pytest.mark.skipif(not os.environ.get(PG_ENV), reason="needs the test PostgreSQL server")

PASSWORD = "Kommune-passord-7"


def _user(name: str) -> str:
    return f"{urlsplit(os.environ[PG_ENV]).path.strip('/')}_{name}"


def _shared_url() -> str:
    """The server's URL without a user: every staff member signs in."""
    parts = urlsplit(os.environ[PG_ENV])
    return urlunsplit(parts._replace(netloc=f"{parts.hostname}:{parts.port or 5432}"))


@pytest.fixture
def server() -> Iterator[None]:
    """Two courses (Bergen, Øygarden) with a screened participant each; a municipal and an admin user."""
    from coursekeeper.db.connection import close_database, database
    from coursekeeper.domain.staff import StaffRole
    from coursekeeper.services import courses, screening, staff_accounts
    from coursekeeper.services.database import prepare
    from tests import factories as f
    from tests.pg import reset_postgres

    owner = os.environ[PG_ENV]
    reset_postgres(owner)
    prepare(owner)
    for place in ("Bergen", "Øygarden"):
        course = courses.create_course(
            courses.CourseInput(
                title=f"Kurs i {place}",
                municipality=place,
                sessions=[courses.SessionInput(d, "09:00", "15:00") for d in f.SESSION_DAYS],
            )
        ).id
        enrolment = f.enrol(course, first=f"Deltaker {place}")
        screening.record_screening(enrolment_id=enrolment, outcome="suitable", notes=f"Fortrolig om {place}")
    staff_accounts.server_setup()
    staff_accounts.add_user(_user("bergen"), StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    staff_accounts.add_user(_user("leder"), StaffRole.ADMIN, PASSWORD)
    groups = [staff_accounts.role_name(r) for r in StaffRole]
    close_database()
    yield
    close_database()
    database.initialize(None)  # later tests' workers must not connect as a dropped user
    with psycopg.connect(owner, autocommit=True) as conn:
        for (name,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s AND NOT rolname = ANY(%s)",
            (_user("").replace("_", r"\_") + "%", groups),
        ).fetchall():
            conn.execute(sql.SQL("DROP OWNED BY {0}; DROP ROLE {0}").format(sql.Identifier(name)))


def _sign_in(qtbot, desktops, monkeypatch, name: str):
    """Start the program on the shared server and sign in as ``name`` through the login dialog."""
    from coursekeeper import app
    from coursekeeper.ui.dialogs.login_dialog import LoginDialog

    def fill(dialog: LoginDialog) -> int:
        typist = User(qtbot, dialog, None)
        typist.stop()
        typist.type_into("Brukernavn", name, within=dialog)
        typist.type_into("Passord", PASSWORD, within=dialog)
        assert dialog.ok_button.isEnabled()
        return LoginDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", fill)
    desktop = app.start_desktop(_shared_url())
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.database_open or desktop.exit_code is not None, timeout=20_000)
    assert desktop.database_open
    user = User(qtbot, desktop.window, desktop.tasks)
    user.settle()
    return desktop, user


def _close(desktop) -> None:
    from coursekeeper.db.connection import close_database

    desktop.window.close()
    desktop.tasks.wait_idle(10_000)
    desktop.tasks.shutdown()
    close_database()


def _column(user: User, header: str) -> list[str]:
    return [row[header] for row in user.rows(user.table())]


def test_municipal_staff_see_their_municipality_and_an_administrator_adds_staff(
    server, desktops, qtbot, shown, monkeypatch, store
) -> None:
    desktop, user = _sign_in(qtbot, desktops, monkeypatch, _user("bergen"))
    try:
        courses_view = user.go("Kurs")
        assert _column(user, "Tittel") == ["Kurs i Bergen"]
        new_course = user.button("Nytt kurs …", within=courses_view)
        assert not new_course.isEnabled() and new_course.toolTip().startswith("Din rolle kan ikke")
        user.double_click(user.table(), "Kurs i Bergen")
        user.settle()
        rows = user.rows(user.table())
        [participant] = [r["Navn"] for r in rows]
        assert participant.startswith("Deltaker Bergen")
        assert "Vurdering" not in rows[0]  # no screening column at all
        screen = user.button("Egnethetsvurdering …")
        assert not screen.isEnabled() and "vurderingsnotater" in screen.toolTip()
        assert not user.button("Rediger kurset …").isEnabled()
        user.go("Personer")
        first, last = participant.split(" ", 2)[:2], participant.split(" ", 2)[2]
        assert _column(user, "Fornavn") == [" ".join(first)] and _column(user, "Etternavn") == [last]
        user.double_click(user.table(), last)
        user.settle()
        entries = [a.text() for a in user.button("Personvern").menu().actions() if a.text()]
        assert entries and "Slett personen …" not in entries
        settings_view = user.go("Innstillinger")
        assert settings_view.findChild(QWidget, "staffPanel") is None
        assert not user.button("Lagre profilen").isEnabled()
        assert shown["error"] == [] and shown["exception"] == []
    finally:
        _close(desktop)

    desktop, user = _sign_in(qtbot, desktops, monkeypatch, _user("leder"))
    try:
        user.go("Kurs")
        assert sorted(_column(user, "Tittel")) == ["Kurs i Bergen", "Kurs i Øygarden"]
        assert user.button("Nytt kurs …").isEnabled()
        user.go("Innstillinger")
        panel = desktop.window.findChild(QWidget, "staffPanel")
        assert panel is not None and panel.isVisible()
        assert _column_in(user, panel, "Brukernavn") == [_user("bergen"), _user("leder")]
        new = _user("ny")

        def fill(dialog) -> None:
            user.type_into("Brukernavn", new, within=dialog)
            user.type_into("Passord", PASSWORD, within=dialog)
            user.type_into("Passord igjen", PASSWORD, within=dialog)
            user.button("Kommuneansatt", within=dialog).click()
            user.type_into("Kommuner", "Øygarden", within=dialog)
            user.click("Legg til", within=dialog)

        user.then(fill)
        user.click("Legg til …", within=panel)
        user.settle()
        assert shown["info"][-1] == f"{new} er opprettet med rollen kommuneansatt (Øygarden)."
        rows = {r["Brukernavn"]: r for r in user.rows(user.table(panel))}
        assert rows[new]["Roller"] == "Kommuneansatt" and rows[new]["Kommuner"] == "Øygarden"
        with psycopg.connect(_as(new)) as conn:  # the new staff member signs in and sees Øygarden only
            assert conn.execute("SELECT title FROM course").fetchall() == [("Kurs i Øygarden",)]

        def change(dialog) -> None:
            user.button("Kommuneansatt", within=dialog).click()
            user.button("Kursansatt", within=dialog).click()
            user.click("Lagre rollene", within=dialog)

        user.select(user.table(panel), [new])
        user.then(change)
        user.click("Endre rolle …", within=panel)
        user.settle()
        rows = {r["Brukernavn"]: r for r in user.rows(user.table(panel))}
        assert rows[new]["Roller"] == "Kursansatt" and rows[new]["Kommuner"] == ""
        user.select(user.table(panel), [new])
        user.click("Deaktiver …", within=panel)  # the confirmation is answered yes
        user.settle()
        rows = {r["Brukernavn"]: r for r in user.rows(user.table(panel))}
        assert rows[new]["Status"] == "Deaktivert"
        assert shown["error"] == [] and shown["exception"] == []
    finally:
        _close(desktop)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(_as(new))


def _as(name: str) -> str:
    parts = urlsplit(os.environ[PG_ENV])
    return urlunsplit(parts._replace(netloc=f"{name}:{PASSWORD}@{parts.hostname}:{parts.port or 5432}"))


def _column_in(user: User, within, header: str) -> list[str]:
    return [row[header] for row in user.rows(user.table(within))]


@pytest.fixture
def staffed(server) -> Iterator[dict[str, int]]:
    """Bergen's participant accepted and paid; a course-staff, a screening and the Bergen user."""
    from coursekeeper.db.connection import close_database
    from coursekeeper.db.models import Enrolment
    from coursekeeper.domain.staff import StaffRole
    from coursekeeper.services import deposits, enrolments, staff_accounts
    from coursekeeper.services.database import prepare

    prepare(os.environ[PG_ENV])
    ids = {e.person.first_name: e.id for e in Enrolment.select()}
    enrolments.accept(ids["Deltaker Bergen"])
    deposits.record_payment(
        enrolment_id=ids["Deltaker Bergen"], amount_ore=100_000, paid_on=dt.date(2026, 3, 2)
    )
    staff_accounts.add_user(_user("kurs"), StaffRole.COURSE_STAFF, PASSWORD)
    staff_accounts.add_user(_user("vurdering"), StaffRole.SCREENING, PASSWORD)
    close_database()
    yield ids


def _starting(user: User, prefix: str) -> str:
    """The first column's text of the row on screen that starts with ``prefix``."""
    model = user.table().model()
    cells = [str(model.data(model.index(r, 0))) for r in range(model.rowCount())]
    found = [c for c in cells if c.startswith(prefix)]
    assert found, f"no row starts with «{prefix}»: {cells}"
    return found[0]


def _open_person(user: User, first_name: str) -> None:
    """Personer: double-click the person with this first name."""
    [row] = [r for r in user.rows(user.table()) if r["Fornavn"] == first_name]
    user.double_click(user.table(), next(iter(row.values())))
    user.settle()


def _owner_reads(statement: str, *args: object) -> list[tuple]:
    with psycopg.connect(os.environ[PG_ENV]) as conn:
        return conn.execute(statement, args).fetchall()


def test_course_staff_save_a_persons_phone_from_the_window(
    staffed, desktops, qtbot, shown, monkeypatch
) -> None:
    desktop, user = _sign_in(qtbot, desktops, monkeypatch, _user("kurs"))
    try:
        user.go("Personer")
        _open_person(user, "Deltaker Bergen")

        def edit(dialog) -> None:
            user.type_into("Telefon", "912 34 567", within=dialog)
            user.click("Lagre endringer", within=dialog)

        user.then(edit)
        user.click("Endre opplysninger …")
        user.settle()
        assert shown["error"] == [] and shown["exception"] == []
    finally:
        _close(desktop)
    assert _owner_reads("SELECT phone FROM person WHERE first_name = 'Deltaker Bergen'") == [("+4791234567",)]


def test_screening_staff_open_a_course_and_record_an_outcome_with_a_note(
    staffed, desktops, qtbot, shown, monkeypatch, caplog
) -> None:
    desktop, user = _sign_in(qtbot, desktops, monkeypatch, _user("vurdering"))
    try:
        navigation = desktop.window.nav
        offered = [
            navigation.item(i).text() for i in range(navigation.count()) if not navigation.item(i).isHidden()
        ]
        assert offered == ["Kurs", "Personer", "Innstillinger"]  # no money, no certificate register
        user.go("Kurs")
        user.double_click(user.table(), "Kurs i Øygarden")
        user.settle()
        user.select(user.table(), [_starting(user, "Deltaker Øygarden")])

        def screen(dialog) -> None:
            qtbot.waitUntil(dialog.isEnabled, timeout=10_000)  # the notes are read first
            user.type_into("Notater", "Ringt opp igjen, fortsatt egnet.", within=dialog)
            user.click("Lagre", within=dialog)

        user.then(screen)
        user.click("Egnethetsvurdering …")
        user.settle()
        user.go("Personer")
        _open_person(user, "Deltaker Øygarden")
        tabs = desktop.window.current_view().page.tabs
        assert [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)] == [
            "Kurs (1)",
            "Oppdrag (0)",
        ]
        assert shown["error"] == [] and shown["exception"] == []
        assert "housekeeping failed" not in caplog.text  # no retention round for a role that cannot act
    finally:
        _close(desktop)
    notes = _owner_reads("SELECT notes FROM screening WHERE enrolment_id = %s", staffed["Deltaker Øygarden"])
    assert notes == [("Ringt opp igjen, fortsatt egnet.",)]


def test_municipal_staff_record_a_refund_for_their_municipality(
    staffed, desktops, qtbot, shown, monkeypatch
) -> None:
    desktop, user = _sign_in(qtbot, desktops, monkeypatch, _user("bergen"))
    try:
        user.go("Egenandeler")
        user.select(user.table(), [_starting(user, "Deltaker Bergen")])
        user.then(lambda dialog: user.click("Registrer tilbakebetaling", within=dialog))
        user.click("Tilbakebetal …")
        user.settle()
        assert shown["error"] == [] and shown["exception"] == []
    finally:
        _close(desktop)
    refunds = _owner_reads("SELECT amount_ore FROM ledger_entry WHERE kind = 'refund'")
    assert refunds == [(100_000,)]
