"""Backup, restore and the integrity check with CourseKeeper's own invariants."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import peewee as pw

from coursekeeper import settings, temp_files
from coursekeeper.db.connection import database, is_sqlite, sqlite_path
from coursekeeper.db.models import Certificate, Course, Enrolment
from coursekeeper.db.schema import HISTORY_TABLE, known_migrations, precheck_sqlite, safety_copy
from coursekeeper.domain.deposits import Balance
from coursekeeper.domain.states import SEAT_HOLDING
from coursekeeper.errors import DatabaseUnavailableError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, backup_crypto, deposits


@dataclass(frozen=True)
class CheckReport:
    """Findings of ``check``: an empty ``problems`` list means all is well."""

    problems: list[str]
    checked: list[str]

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.problems


def _require_sqlite() -> Path:
    if not is_sqlite(database):
        raise RuleError(
            tr(
                "Sikkerhetskopi og gjenoppretting her gjelder SQLite-databaser. En felles "
                "PostgreSQL-database sikkerhetskopieres med pg_dump av IT."
            )
        )
    return Path(database.obj.database)


class PasswordRequired(ValidationError):
    """The backup is password-protected: ask the user for the password and try again."""


def backup(out: Path, *, password: str | None = None) -> Path:
    """A consistent copy of the live database (SQLite backup API), written atomically.

    With ``password`` the copy is encrypted (``backup_crypto``): nothing readable is left on disk
    beside it, since the plain copy is made in memory.
    """
    _require_sqlite()
    out = Path(out)
    if out.suffix == "":
        out = out.with_suffix(backup_crypto.SUFFIX if password else ".db")
    if password:
        return _encrypted_backup(out, backup_crypto.check_password(password))
    out.parent.mkdir(parents=True, exist_ok=True)
    with temp_files.replacing(out) as tmp:  # never named like a finished backup; swept after a crash
        dest = sqlite3.connect(str(tmp))
        try:
            database.connection().backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dest.close()
    audit_entry = {"file": str(out)}
    with database.atomic():
        audit.record("backup", "database", None, after=audit_entry)
    return out


def _encrypted_backup(out: Path, password: str) -> Path:
    memory = sqlite3.connect(":memory:")
    try:
        database.connection().backup(memory)
        plain = memory.serialize()
    finally:
        memory.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    with temp_files.replacing(out) as tmp:
        tmp.write_bytes(backup_crypto.encrypt_bytes(plain, password))
    with database.atomic():
        audit.record("backup", "database", None, after={"file": str(out), "encrypted": True})
    return out


def restore(source: Path, *, password: str | None = None) -> Path:
    """Replace the current SQLite database with a backup; returns the safety copy of the old one.

    The file must be a CourseKeeper database this program can open; the current database is
    copied to the backups folder first. A password-protected backup needs its ``password``
    (``PasswordRequired`` without one; one sentence and nothing changed when it is wrong).
    """
    _require_sqlite()
    source = Path(source)
    if not source.is_file():
        raise ValidationError(tr("Fant ikke filen «{fil}».", fil=source))
    if backup_crypto.is_encrypted(source):
        if not password:
            raise PasswordRequired(tr("Sikkerhetskopien er beskyttet med passord. Skriv inn passordet."))
        plain = backup_crypto.decrypt_bytes(source.read_bytes(), password)
        settings.backups_dir().mkdir(parents=True, exist_ok=True)
        # Plain personal data: a temporary name the next start sweeps if this process is killed.
        decrypted = temp_files.temp_beside(settings.backups_dir() / "gjenoppretting.db")
        try:
            decrypted.write_bytes(plain)
            return _restore_plain(decrypted, shown=source)
        finally:
            temp_files.remove(decrypted)  # the file and SQLite's -journal/-wal/-shm beside it
    return _restore_plain(source, shown=source)


def _restore_plain(source: Path, *, shown: Path) -> Path:
    try:
        applied = precheck_sqlite(source, known_migrations(settings.migrations_dir()))
    except DatabaseUnavailableError as exc:
        raise ValidationError(tr("Kan ikke gjenopprette: {grunn}", grunn=exc.message)) from exc
    if not applied:
        raise ValidationError(
            tr("Kan ikke gjenopprette: «{fil}» er ikke en CourseKeeper-database.", fil=source)
        )
    keep = safety_copy(database.obj, settings.backups_dir(), "før-gjenoppretting")
    incoming = sqlite3.connect(f"file:{source.resolve().as_posix()}?mode=ro", uri=True)
    try:
        incoming.backup(database.connection())
    finally:
        incoming.close()
    with database.atomic():
        audit.record("restore", "database", None, after={"from": str(shown), "saved": str(keep)})
    return keep


def _sqlite_checks(problems: list[str], checked: list[str]) -> None:
    result = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    checked.append(tr("SQLite integritetssjekk"))
    if result != ["ok"]:
        problems.append(tr("SQLite fant skader i databasefilen: {skader}", skader="; ".join(result[:5])))
    fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    checked.append(tr("SQLite fremmednøkler"))
    if fk:
        problems.append(
            tr(
                "{n} rader peker til rader som ikke finnes (første: tabell {tabell}).",
                n=len(fk),
                tabell=fk[0][0],
            )
        )


def _ledger_checks(problems: list[str], checked: list[str]) -> None:
    checked.append(tr("Egenandelsregnskap"))
    for eid, bal in deposits.balances().items():
        if bal.paid < 0 or bal.refunded < 0 or bal.forfeited < 0 or bal.held < 0:
            problems.append(_ledger_problem(eid, bal))


def _ledger_problem(eid: int, bal: Balance) -> str:
    return tr(
        "Påmelding {id}: regnskapet går ikke opp (innbetalt {innbetalt} kr, tilbakebetalt "
        "{tilbakebetalt} kr, beholdt {beholdt} kr).",
        id=eid,
        innbetalt=f"{bal.paid / 100:g}",
        tilbakebetalt=f"{bal.refunded / 100:g}",
        beholdt=f"{bal.forfeited / 100:g}",
    )


def _certificate_checks(problems: list[str], checked: list[str]) -> None:
    checked.append(tr("Kursbevisnumre"))
    series: dict[tuple[str, int], list[int]] = defaultdict(list)
    for prefix, year, seq, number in Certificate.select(
        Certificate.prefix,
        Certificate.year,
        Certificate.sequence,
        Certificate.number,
    ).tuples():
        series[(prefix, year)].append(seq)
        if number != f"{prefix}-{year}-{seq:04d}":
            problems.append(
                tr("Kursbevis {nummer} har et nummer som ikke stemmer med løpenummeret.", nummer=number)
            )
    for (prefix, year), seqs in sorted(series.items()):
        seqs.sort()
        if len(set(seqs)) != len(seqs):
            problems.append(tr("Nummerserien {serie} har doble løpenumre.", serie=f"{prefix}-{year}"))
        missing = sorted(set(range(1, seqs[-1] + 1)) - set(seqs))
        if missing:
            shown = ", ".join(f"{prefix}-{year}-{m:04d}" for m in missing[:5])
            problems.append(
                tr("Nummerserien {serie} har hull: {numre}.", serie=f"{prefix}-{year}", numre=shown)
            )


def _capacity_checks(problems: list[str], checked: list[str]) -> None:
    checked.append(tr("Kapasitet"))
    taken = (
        Enrolment.select(Enrolment.course, pw.fn.COUNT(Enrolment.id))
        .where(Enrolment.state.in_(list(SEAT_HOLDING)))
        .group_by(Enrolment.course)
        .tuples()
    )
    capacity = dict(Course.select(Course.id, Course.capacity).tuples())
    titles = dict(Course.select(Course.id, Course.title).tuples())
    for course_id, n in taken:
        if n > capacity.get(course_id, 0):
            problems.append(
                tr(
                    "Kurset «{kurs}» har {n} deltakere med plass, men bare {plasser} plasser.",
                    kurs=titles[course_id],
                    n=n,
                    plasser=capacity[course_id],
                )
            )


def check() -> CheckReport:
    """SQLite integrity and foreign keys, plus ledger, certificate numbers and capacity."""
    problems: list[str] = []
    checked: list[str] = []
    if is_sqlite(database):
        _sqlite_checks(problems, checked)
    tables = set(database.get_tables())
    if HISTORY_TABLE not in tables:
        return CheckReport([tr("Databasen mangler CourseKeeper-tabellene.")], checked)
    _ledger_checks(problems, checked)
    _certificate_checks(problems, checked)
    _capacity_checks(problems, checked)
    return CheckReport(problems, checked)


def default_backup_path() -> Path:
    """A dated file name in the backups folder."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    return settings.backups_dir() / f"coursekeeper-{stamp}.db"


def database_location() -> str:
    """Where the database is, for the settings view (file path or server URL without password)."""
    path = sqlite_path("sqlite:///" + database.obj.database) if is_sqlite(database) else None
    if path:
        return str(path)
    params = getattr(database.obj, "connect_params", {})
    return f"PostgreSQL {params.get('host', 'localhost')}/{database.obj.database}"
