"""Settings (profile, language, backup and restore) and the desktop program's start-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from coursekeeper.services import courses, organisations
from coursekeeper.services.courses import CourseInput


@pytest.fixture
def settings_view(tasks, qtbot):
    from coursekeeper.ui.main_window import MainWindow

    window = MainWindow(tasks)
    qtbot.addWidget(window)
    view = window.show_view("settings")
    assert tasks.wait_idle()
    yield view
    window.close()


def test_profile_is_saved_with_inline_errors_first(settings_view, tasks, shown) -> None:
    view = settings_view
    assert view.backups.location.text().endswith("coursekeeper.db")
    view.save_profile()
    assert view.fields["name"].error.text() == "Skriv navnet på organisasjonen."
    assert view.fields["prefix"].error.text() == "Skriv 1–10 bokstaver eller sifre, for eksempel HIK."
    view.name.setText("Hordaland Idrettskrets")
    view.prefix.setText("hik")
    view.signatory_name.setText("Kari Nordmann")
    view.save_profile()
    assert tasks.wait_idle()
    assert view.saved_label.text() == "Lagret."
    profile = organisations.get_own_profile()
    assert (profile.name, profile.certificate_prefix, profile.signatory_name) == (
        "Hordaland Idrettskrets",
        "HIK",
        "Kari Nordmann",
    )


def test_logo_file_becomes_bytes(settings_view, tasks, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QPixmap

    pixmap = QPixmap(40, 20)
    pixmap.fill(QColor("navy"))
    logo = tmp_path / "logo.png"
    pixmap.save(str(logo))
    view = settings_view
    view.choose_logo_file = lambda: str(logo)
    view.choose_logo()
    view.name.setText("Hordaland Idrettskrets")
    view.prefix.setText("HIK")
    view.save_profile()
    assert tasks.wait_idle()
    assert organisations.get_own_profile().logo == logo.read_bytes()


def test_language_is_stored_for_next_start(settings_view) -> None:
    view = settings_view
    view.language.setCurrentIndex(view.language.findData("en"))
    assert QSettings().value("language") == "en"
    assert "neste gang" in view.language_note.text()


def test_backup_then_restore_brings_the_old_data_back(
    settings_view, tasks, shown, tmp_path: Path, qtbot, monkeypatch
) -> None:
    """Through the visible controls: a password-protected copy to a USB stick, then back from it."""
    from PySide6.QtWidgets import QFileDialog

    from coursekeeper.services import course_overview
    from tests.gui.as_user import User

    settings_view.window().show()
    user = User(qtbot, settings_view.window(), tasks)
    target = tmp_path / "minnepinne æøå" / "kopi.db"
    target.parent.mkdir()

    def fill_backup(dialog) -> None:
        user.type_into("backupPath", str(target), within=dialog)
        user.type_into("backupPassword", "kort", within=dialog)
        assert not user.button("Ta sikkerhetskopi", within=dialog).isEnabled()  # too short
        user.type_into("backupPassword", "riktig hest batteri", within=dialog)
        user.type_into("backupPasswordRepeat", "riktig hest batteri", within=dialog)
        user.click("Ta sikkerhetskopi", within=dialog)

    user.then(fill_backup)
    user.click("Ta sikkerhetskopi nå …")
    user.settle()
    saved = target.with_suffix(".ckbackup")  # a protected copy is named so
    assert saved.exists() and shown["info"][-1].startswith("Sikkerhetskopien er lagret i")
    courses.create_course(
        CourseInput(title="Kurs etter kopien", start_date=__import__("datetime").date(2026, 1, 1))
    )
    assert course_overview.has_courses()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    user.then(lambda dialog: user.click("Velg en annen fil …", within=dialog))

    def password(dialog) -> None:
        user.type_into("password", "riktig hest batteri", within=dialog)
        user.click("OK", within=dialog)

    user.then(password)
    user.click("Gjenopprett fra sikkerhetskopi …")
    user.settle()
    user.stop()
    assert "erstattes" in shown["confirm"][-1]
    assert shown["info"][-1].startswith("Databasen er gjenopprettet."), shown
    assert not course_overview.has_courses()


def test_unreadable_database_gives_one_message_and_exit_code_2(tmp_path: Path, monkeypatch, qapp) -> None:
    from coursekeeper import app
    from coursekeeper.ui import messages

    bad = tmp_path / "ikke-en-database.db"
    bad.write_text("dette er tekst", encoding="utf-8")
    seen: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text, details=None: seen.append(text))
    assert app.run_desktop(str(bad)) == 2
    assert len(seen) == 1 and "ikke en CourseKeeper-database" in seen[0]


def test_first_start_offers_the_demo(tasks, qtbot, shown, monkeypatch) -> None:
    from coursekeeper import app
    from coursekeeper.services import demo
    from coursekeeper.ui.main_window import MainWindow

    calls: list = []
    monkeypatch.setattr(demo, "build_demo", lambda: calls.append("demo"))
    window = MainWindow(tasks)
    qtbot.addWidget(window)
    app.offer_demo(window, tasks)
    assert tasks.wait_idle()
    assert len(shown["confirm"]) == 1 and calls == ["demo"]
    window.close()


def test_log_file_is_written_in_the_data_folder(_isolated_data_dir: Path) -> None:
    import logging

    from coursekeeper import app

    app.setup_logging()
    logging.getLogger("coursekeeper.test").warning("en linje i loggen")
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = _isolated_data_dir / "logs" / "coursekeeper.log"
    assert "en linje i loggen" in log.read_text(encoding="utf-8")
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "") == str(log):
            logging.getLogger().removeHandler(handler)
            handler.close()
