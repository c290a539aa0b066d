"""Signing in to a shared PostgreSQL server: the login dialog, the saved password, the refusals."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit, urlunsplit

import pytest

from coursekeeper.errors import CourseKeeperError
from coursekeeper.services import server_login
from coursekeeper.ui.dialogs.login_dialog import LoginDialog
from tests.conftest import PG_ENV

PASSWORD = "Riktig-passord-1"


def test_the_dialog_signs_in_only_with_both_user_and_password(qtbot) -> None:
    dialog = LoginDialog("kursserver.kommune.no")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.user, "kari")
    assert not dialog.ok_button.isEnabled() and "brukernavn og passord" in dialog.error.text()
    qtbot.keyClicks(dialog.password, "hemmelig")
    assert dialog.ok_button.isEnabled()
    dialog.remember.setChecked(True)
    assert dialog.values() == server_login_values("kari", "hemmelig", remember=True)


def server_login_values(user: str, password: str, *, remember: bool):
    """The dialog's values for comparison."""
    from coursekeeper.ui.dialogs.login_dialog import Login

    return Login(user, password, remember)


def test_the_password_is_kept_in_the_credential_store_not_in_a_file(store) -> None:
    url = "postgresql://kursserver/kurs"
    assert server_login.needs_login(url) and not server_login.needs_login("sqlite:///C:/kurs.db")
    assert (
        server_login.with_login(url, "kari", "p@ss word") == "postgresql://kari:p%40ss%20word@kursserver/kurs"
    )
    server_login.remember_password(url, "kari", "p@ss word")
    assert server_login.saved_password(url, "kari") == "p@ss word"
    assert store.saved == {("CourseKeeper database", "kari@kursserver/kurs"): "p@ss word"}
    server_login.remember_password(url, "kari", None)
    assert server_login.saved_password(url, "kari") is None


@pytest.mark.skipif(not os.environ.get(PG_ENV), reason="needs the test PostgreSQL server")
def test_signing_in_retrying_a_wrong_password_and_a_refusal_in_one_sentence(
    desktops, qtbot, shown, store, monkeypatch
) -> None:
    from coursekeeper import app
    from coursekeeper.db.connection import close_database, database
    from coursekeeper.domain.staff import StaffRole
    from coursekeeper.services import screening, staff_accounts
    from coursekeeper.services.database import prepare
    from tests import factories as f
    from tests.pg import reset_postgres

    owner_url = os.environ[PG_ENV]
    reset_postgres(owner_url)
    prepare(owner_url)
    enrolment = f.enrol(f.course(municipality="Bergen"))
    staff_accounts.server_setup()
    user = f"{urlsplit(owner_url).path.strip('/')}_innlogging"
    staff_accounts.add_user(user, StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    close_database()
    parts = urlsplit(owner_url)
    shared = urlunsplit(parts._replace(netloc=f"{parts.hostname}:{parts.port or 5432}"))

    asked: list[str] = []
    answers = [("feil-passord", False), (PASSWORD, True)]

    def exec_dialog(dialog: LoginDialog) -> int:
        asked.append(dialog.error.text())
        password, remember = answers.pop(0)
        dialog.user.setText(user)
        dialog.password.setText(password)
        dialog.remember.setChecked(remember)
        return LoginDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", exec_dialog)
    try:
        desktop = app.start_desktop(shared)
        desktops.append(desktop)
        qtbot.waitUntil(lambda: desktop.database_open or desktop.exit_code is not None, timeout=20_000)
        assert desktop.database_open, shown
        assert asked == ["", "Feil brukernavn eller passord. Prøv igjen."]
        assert server_login.saved_password(shared, user) == PASSWORD
        desktop.tasks.run(lambda: screening.open_screening(enrolment), label="Vurdering")
        qtbot.waitUntil(lambda: bool(shown["error"]), timeout=10_000)
        assert shown["error"] == [
            "Databasen avviste handlingen: brukeren din har ikke tilgang til dette. "
            "Be en administrator om riktig rolle. Ingenting er lagret."
        ]
    finally:  # nothing may still be working as the user when the user is dropped
        desktop.window.close()
        desktop.tasks.wait_idle(10_000)
        desktop.tasks.shutdown()
        close_database()
        database.initialize(None)  # later tests' workers must not connect as the dropped user
        import psycopg

        with psycopg.connect(owner_url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{user}"')
            conn.execute(f'DROP ROLE "{user}"')


def test_a_server_that_cannot_be_reached_is_said_in_the_login_dialog_which_stays_for_another_try(
    desktops, qtbot, monkeypatch
) -> None:
    from coursekeeper import app

    with socket.socket() as probe:  # a port nobody listens on: the server is down
        probe.bind(("127.0.0.1", 0))
        down = f"postgresql://127.0.0.1:{probe.getsockname()[1]}/kurs"
    asked: list[tuple[str, str]] = []

    def exec_dialog(dialog: LoginDialog) -> int:
        asked.append((dialog.user.text(), dialog.error.text()))
        if len(asked) > 1:
            return LoginDialog.DialogCode.Rejected
        dialog.user.setText("kari")
        dialog.password.setText("hemmelig")
        return LoginDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", exec_dialog)
    desktop = app.start_desktop(down)
    desktops.append(desktop)
    qtbot.waitUntil(lambda: desktop.exit_code is not None, timeout=20_000)
    assert asked == [
        ("", ""),
        (
            "kari",
            "Får ikke kontakt med databaseserveren 127.0.0.1. Sjekk nettverket og at serveren kjører, "
            "og prøv igjen.",
        ),
    ]
    assert desktop.exit_code == 0  # the user cancelled the second try; no error, no quit by itself


def test_the_user_named_in_the_database_address_is_filled_in_over_the_last_one(
    desktops, qtbot, monkeypatch
) -> None:
    from PySide6.QtCore import QSettings

    from coursekeeper import app

    app.make_application()  # the program's settings names
    QSettings().setValue(app.SERVER_USER_KEY, "forrige.bruker")
    seen: list[str] = []

    def exec_dialog(dialog: LoginDialog) -> int:
        seen.append(dialog.user.text())
        return LoginDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", exec_dialog)
    desktops.append(app.start_desktop("postgresql://t2ny@kursserver.kommune.no/kurs"))
    desktops.append(app.start_desktop("postgresql://kursserver.kommune.no/kurs"))
    assert seen == ["t2ny", "forrige.bruker"]


def test_without_a_credential_store_the_password_cannot_be_ticked_and_nothing_warns(qtbot) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not server_login.credential_store_available()
        server_login.remember_password("postgresql://kursserver/kurs", "kari", None)  # no warning
        with pytest.raises(CourseKeeperError, match="passordlager er ikke tilgjengelig"):
            server_login.remember_password("postgresql://kursserver/kurs", "kari", "hemmelig")
    finally:
        keyring.set_keyring(previous)
    dialog = LoginDialog("kursserver.kommune.no", "kari", can_remember=False)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert dialog.remember.toolTip().startswith("Denne maskinen har ikke noe passordlager")


def test_with_a_credential_store_the_password_can_be_kept(store, qtbot) -> None:
    assert server_login.credential_store_available()
    dialog = LoginDialog("kursserver.kommune.no", "kari", "lagret")
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
