"""Files at rest (DESIGN §6): private files, password-protected backups, and automatic backups."""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading

import pytest

from coursekeeper import settings
from coursekeeper.db.models import Person
from coursekeeper.errors import CourseKeeperError, ValidationError
from coursekeeper.services import auto_backups, backup, integrity, people
from coursekeeper.services.auto_backups import AutoBackupSettings
from coursekeeper.services.backup_crypto import MAGIC


@pytest.fixture
def memory_keyring():
    """A credential store in memory, as the operating system's would be."""
    import keyring
    from keyring.backend import KeyringBackend

    stored: dict = {}

    class Memory(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return stored.get((service, username))

        def set_password(self, service, username, password):
            stored[(service, username)] = password

        def delete_password(self, service, username):
            stored.pop((service, username), None)

    before = keyring.get_keyring()
    keyring.set_keyring(Memory())
    yield stored
    keyring.set_keyring(before)


@pytest.mark.skipif(os.name != "posix", reason="Windows keeps LocalAppData private per user")
def test_data_folder_and_everything_written_are_the_users_only(sqlite_db, tmp_path) -> None:
    data = settings.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    loose = data / "gammel.db"
    loose.write_bytes(b"x")
    loose.chmod(0o644)
    settings.keep_files_private()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700 and stat.S_IMODE(loose.stat().st_mode) == 0o600
    copy = backup.backup(settings.backups_dir() / "kopi.db")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    export = tmp_path / "eksport.txt"
    export.write_text("x")
    assert stat.S_IMODE(export.stat().st_mode) == 0o600  # the umask holds for exports and PDFs too


def test_password_protected_backup_restores_only_with_the_password(sqlite_db, tmp_path) -> None:
    people.create_person(people.PersonInput("Kari", "Nordmann", email="kari@example.no"))
    out = backup.backup(tmp_path / "minnepinne" / "kopi", password="riktig hest batteri")
    assert out.suffix == ".ckbackup" and out.read_bytes().startswith(MAGIC)
    assert b"Nordmann" not in out.read_bytes() and b"kari@example.no" not in out.read_bytes()
    assert not list(out.parent.glob("*.tmp"))
    people.create_person(people.PersonInput("Ola", "Etterpå"))
    with pytest.raises(backup.PasswordRequired):
        backup.restore(out)
    with pytest.raises(ValidationError, match="Feil passord"):
        backup.restore(out, password="feil passord her")
    assert {p.last_name for p in Person.select()} == {"Nordmann", "Etterpå"}  # unchanged
    backup.restore(out, password="riktig hest batteri")
    assert {p.last_name for p in Person.select()} == {"Nordmann"}
    assert not list(settings.backups_dir().glob(".gjenoppretting-*"))
    with pytest.raises(ValidationError, match="minst 8 tegn"):
        backup.backup(tmp_path / "kort", password="kort")


def test_automatic_backups_once_a_day_with_rotation(sqlite_db) -> None:
    start = dt.datetime(2026, 11, 20, 8, 0)
    assert auto_backups.due_at_start(start)
    for day in range(18):
        moment = start + dt.timedelta(days=day)
        assert auto_backups.due_at_start(moment)
        auto_backups.take_automatic(moment)
        assert not auto_backups.due_at_start(moment + dt.timedelta(hours=3))  # once a day at start
    taken = auto_backups.list_backups()
    # 01.–07.12 (7 days), the newest of ISO weeks 48 and 47 (29.11, 22.11) and of November (30.11).
    assert len(taken) == 7 + 2 + 1
    assert taken[0].taken_at == start + dt.timedelta(days=17) and all(b.automatic for b in taken)
    manual = backup.backup(backup.default_backup_path())
    auto_backups.take_automatic(start + dt.timedelta(days=18))
    assert manual.exists()  # the rotation never touches backups made by hand
    assert "Sikkerhetskopi" not in (auto_backups.stale_warning(start + dt.timedelta(days=19)) or "")


def test_stale_and_missing_backups_are_told(sqlite_db) -> None:
    assert "ikke tatt noen sikkerhetskopi" in auto_backups.stale_warning()
    auto_backups.take_automatic(dt.datetime(2026, 11, 30, 9))
    assert auto_backups.stale_warning(dt.datetime(2026, 12, 7, 9)) is None  # exactly a week
    warning = auto_backups.stale_warning(dt.datetime(2026, 12, 7, 9, 1))
    assert warning.startswith("Siste sikkerhetskopi er fra 30.11.2026 09:00, mer enn en uke siden")


def test_an_unreachable_folder_is_one_sentence_and_the_program_goes_on(sqlite_db, tmp_path) -> None:
    blocked = tmp_path / "ikke-en-mappe"
    blocked.write_text("en fil der mappen skulle vært")
    with pytest.raises(CourseKeeperError, match="kan ikke brukes"):
        auto_backups.save_settings(AutoBackupSettings(folder=str(blocked / "OneDrive")))
    settings.write_settings({"auto_backup": {"enabled": True, "folder": str(blocked / "OneDrive")}})
    with pytest.raises(CourseKeeperError) as refused:
        auto_backups.take_automatic()
    assert (
        "\n" not in refused.value.message and "Velg en annen mappe i Innstillinger" in refused.value.message
    )
    people.create_person(people.PersonInput("Går", "Videre"))  # the database is still in use


def test_automatic_backups_are_encrypted_when_a_password_is_saved(sqlite_db, memory_keyring) -> None:
    auto_backups.set_backup_password("et langt passord")
    assert list(memory_keyring.values()) == ["et langt passord"]
    written = [p for p in settings.data_dir().rglob("*") if p.is_file() and p.suffix != ".db"]
    assert not any(b"et langt passord" in p.read_bytes() for p in written)  # never in a file
    result = auto_backups.take_automatic(dt.datetime(2026, 12, 7, 9))
    assert result.path.suffix == ".ckbackup" and auto_backups.list_backups()[0].encrypted
    assert "passordbeskyttet" in auto_backups.list_backups()[0].label
    auto_backups.set_backup_password(None)
    assert auto_backups.backup_password() is None


def test_a_backup_taken_while_another_connection_writes_passes_check(sqlite_db, db_path) -> None:
    import sqlite3

    stop = threading.Event()

    def writer() -> None:
        other = sqlite3.connect(db_path, timeout=10)
        n = 0
        while not stop.is_set():
            other.execute("INSERT INTO app_setting (key, value) VALUES (?, ?)", (f"last-{n}", "x"))
            other.commit()
            n += 1
            stop.wait(0.002)  # another person saving now and then, not a tight loop that starves us
        other.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = auto_backups.take_automatic(dt.datetime(2026, 12, 7, 9))
    finally:
        stop.set()
        thread.join()
    from coursekeeper.services.database import prepare

    prepare(settings.sqlite_url(result.path))
    assert integrity.check().ok
