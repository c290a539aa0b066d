"""Tampering by SQL with the ledger, the audit log and the certificate register is refused by the
database, and what gets past by dropping its triggers is named by ``coursekeeper check`` (exit 1)."""

from __future__ import annotations

import datetime as dt
import json
import os
import runpy
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playhouse.migrations import Runner

from coursekeeper import cli, settings
from coursekeeper.db.connection import is_sqlite
from coursekeeper.db.models import AuditLog, Certificate, CertificateEvent, LedgerEntry, now
from coursekeeper.db.schema import HISTORY_TABLE
from coursekeeper.services import certificates, chains, deposits, integrity
from coursekeeper.services.certificates import VerificationStatus
from coursekeeper.services.erasure import erase_person
from tests import factories as f
from tests.conftest import PG_ENV
from tests.unit.services.test_certificates import _ready

MIGRATION = runpy.run_path(str(settings.migrations_dir() / "0009_tamper_evidence.py"))


@contextmanager
def _triggers_dropped(db) -> Iterator[None]:
    """What someone with the database owner's password can do: drop the guards, then put them back."""
    sqlite = is_sqlite(db)
    for statement in MIGRATION["_sqlite_unguard" if sqlite else "_postgres_unguard"]():
        db.execute_sql(statement)
    yield
    for statement in MIGRATION["_sqlite_guards" if sqlite else "_postgres_guards"]():
        db.execute_sql(statement if sqlite else statement.replace("%", "%%"))


def _check(db, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``coursekeeper --db … check`` on this database: exit code and what it printed."""
    url = db.database if is_sqlite(db) else os.environ[PG_ENV]
    capsys.readouterr()
    code = cli.main(["--db", url, "check"])
    return code, capsys.readouterr().out


def _refused(db, query) -> None:
    with pytest.raises(Exception, match=r"append-only|chain"), db.atomic():
        query.execute()


def _payments(n: int) -> list[LedgerEntry]:
    course = f.course(capacity=n + 1)
    return [
        deposits.record_payment(enrolment_id=f.enrol(course), amount_ore=100_000, paid_on=dt.date(2026, 3, 2))
        for _ in range(n)
    ]


def test_a_healthy_database_passes_with_every_chain_walked(db, capsys) -> None:
    _payments(2)
    f.own_profile()
    certificates.revoke(certificates.issue_certificate(_ready(f.course())).id, "Feil navn")
    code, out = _check(db, capsys)
    assert code == 0, out
    for chain in ("Kjeden i egenandelsregnskapet", "Kjeden i loggen", "Kjeden i kursbevisregisteret"):
        assert f"Kontrollert: {chain}" in out


def test_a_forged_refund_is_refused_and_one_forced_in_is_named(db, capsys) -> None:
    paid = _payments(2)[0]
    forged = LedgerEntry.insert(
        enrolment=paid.enrolment_id,
        kind="refund",
        amount_ore=100_000,
        entry_date=dt.date(2026, 4, 1),
        entered_at=now(),
    )
    _refused(db, forged)  # no hash, or one that does not link to the last entry
    with _triggers_dropped(db):
        forged_id = forged.execute()
    code, out = _check(db, capsys)
    assert code == 1
    assert f"post {forged_id} (tilbakebetaling 1 000 kr, 01.04.2026) er lagt inn utenom CourseKeeper" in out
    assert f"post {forged_id} (tilbakebetaling 1 000 kr, 01.04.2026) står ikke i loggen" in out


def test_halved_and_deleted_payments_behind_dropped_triggers_are_named(db, capsys) -> None:
    p = _payments(6)
    _refused(db, LedgerEntry.update(amount_ore=50_000).where(LedgerEntry.id == p[0].id))
    _refused(db, LedgerEntry.delete().where(LedgerEntry.id == p[1].id))
    with _triggers_dropped(db):
        LedgerEntry.update(amount_ore=50_000).where(LedgerEntry.id.in_([p[0].id, p[2].id, p[4].id])).execute()
        LedgerEntry.delete().where(LedgerEntry.id.in_([p[3].id, p[5].id])).execute()
    code, out = _check(db, capsys)
    assert code == 1
    for entry in (p[0], p[2], p[4]):
        assert f"post {entry.id} (innbetaling 500 kr, 02.03.2026) er endret etter at den ble skrevet" in out
        assert f"der den står som post {entry.id} (innbetaling 1 000 kr, 02.03.2026)" in out
    for entry in (p[3], p[5]):  # the last one too: its audit entry is still there
        assert f"post {entry.id} (innbetaling 1 000 kr, 02.03.2026) står i loggen" in out
    assert "e+0" not in out


def test_a_deleted_row_in_the_middle_of_each_chain_is_named_by_the_row_after_it(db, capsys) -> None:
    p = _payments(3)
    f.own_profile()
    course = f.course()
    first, second = (certificates.issue_certificate(_ready(course)) for _ in range(2))
    certificates.record_duplicate(first.id)
    audits = list(AuditLog.select().order_by(AuditLog.id))
    events = list(CertificateEvent.select().order_by(CertificateEvent.id))
    with _triggers_dropped(db):
        LedgerEntry.delete().where(LedgerEntry.id == p[1].id).execute()
        AuditLog.delete().where(AuditLog.id == audits[3].id).execute()
        CertificateEvent.delete().where(CertificateEvent.id == events[1].id).execute()
    code, out = _check(db, capsys)
    assert code == 1
    assert f"Egenandelsregnskapet: en eller flere rader foran post {p[2].id} " in out
    assert f"Loggen: en eller flere rader foran oppføring {audits[4].id} " in out
    assert f"Kursbevisregisteret: en eller flere rader foran hendelse {events[2].id} " in out
    assert f"kursbevis {second.number} er lagt inn utenom CourseKeeper" in out  # its issue event is gone


def test_a_row_forged_into_the_middle_of_each_chain_is_named(db, capsys) -> None:
    p = _payments(4)
    f.own_profile()
    cert = certificates.issue_certificate(_ready(f.course()))
    certificates.record_duplicate(cert.id)
    certificates.record_duplicate(cert.id)
    forged = {}
    with _triggers_dropped(db):  # each forged row links properly to an early row, hash and all
        for chain, values in (
            (chains.LEDGER, {**p[0].__data__, "kind": "refund", "id": None}),
            (chains.AUDIT, {**AuditLog.get_by_id(2).__data__, "action": "delete", "id": None}),
            (chains.CERTIFICATES, {**CertificateEvent.get().__data__, "kind": "revoke", "id": None}),
        ):
            second = chain.model.select().order_by(chain.model.id).offset(1).get()
            values.pop("id")
            forged[chain.model] = chain.model.insert(**chains.seal(chain, values, second.prev_hash)).execute()
    code, out = _check(db, capsys)
    assert code == 1
    assert f"Egenandelsregnskapet: post {forged[LedgerEntry]} (tilbakebetaling 1 000 kr" in out
    assert f"Loggen: oppføring {forged[AuditLog]} (delete " in out
    assert f"Kursbevisregisteret: hendelse {forged[CertificateEvent]} (revoke, kursbevis-id {cert.id})" in out
    assert out.count("er lagt inn i ettertid, utenom kjeden") == 3


def test_an_edited_issue_date_neither_verifies_nor_passes_check(db, capsys) -> None:
    f.own_profile()
    cert = certificates.issue_certificate(_ready(f.course()), dt.date(2026, 4, 11))
    _refused(db, Certificate.update(issued_on=dt.date(2020, 1, 1)).where(Certificate.id == cert.id))
    with _triggers_dropped(db):
        Certificate.update(issued_on=dt.date(2020, 1, 1)).where(Certificate.id == cert.id).execute()
    result = certificates.verify(cert.code)
    assert result.issued_on == dt.date(2026, 4, 11)  # the date the code covers, not the column
    assert "11.04.2026" in result.message and "2020" not in result.message
    code, out = _check(db, capsys)
    assert code == 1
    assert f"kursbevis {cert.number} er endret utenom CourseKeeper (utstedelsesdato)" in out


def test_un_revoking_by_sql_still_verifies_as_revoked_and_is_named(db, capsys) -> None:
    f.own_profile()
    cert = certificates.issue_certificate(_ready(f.course()))
    certificates.revoke(cert.id, "Utstedt ved en feil", at=dt.datetime(2026, 5, 2, 9, 30))
    _refused(db, Certificate.update(revoked_at=None).where(Certificate.id == cert.id))
    with _triggers_dropped(db):
        Certificate.update(revoked_at=None, revoked_reason="").where(Certificate.id == cert.id).execute()
    result = certificates.verify(cert.code)
    assert result.status == VerificationStatus.REVOKED
    assert result.revoked_reason == "Utstedt ved en feil"
    code, out = _check(db, capsys)
    assert code == 1
    assert f"kursbevis {cert.number} ble tilbakekalt 02.05.2026, men er gjort gyldig igjen" in out


def test_the_audit_log_cannot_be_edited_and_edits_forced_in_are_named(db, capsys) -> None:
    _payments(3)
    entries = list(AuditLog.select().order_by(AuditLog.id))
    _refused(db, AuditLog.update(actor="rektor").where(AuditLog.id == entries[1].id))
    _refused(db, AuditLog.delete().where(AuditLog.id == entries[1].id))
    with _triggers_dropped(db):
        AuditLog.update(actor="rektor").where(AuditLog.id == entries[1].id).execute()
        after = json.loads(entries[2].after)
        AuditLog.update(after=json.dumps({**after, "title": "Et annet kurs"})).where(
            AuditLog.id == entries[2].id
        ).execute()
    code, out = _check(db, capsys)
    assert code == 1
    assert (
        f"Loggen: oppføring {entries[1].id} (" in out and "rektor) er endret etter at den ble skrevet" in out
    )
    assert f"Loggen: innholdet i oppføring {entries[2].id} (" in out


def test_erasure_blanks_words_and_the_chains_still_hold(db, capsys) -> None:
    f.own_profile()
    enrolment = _ready(f.course())
    cert = certificates.issue_certificate(enrolment)
    person = certificates.get_certificate(cert.id).enrolment.person_id
    erase_person(person, despite_money=True)
    assert integrity.check().ok, integrity.check().problems
    assert certificates.verify(cert.code).status == VerificationStatus.VALID
    redacted = AuditLog.select().where(AuditLog.action == "redact").first()
    with _triggers_dropped(db):  # a later edit of an erased entry is not covered by the erasure
        AuditLog.update(after='{"first_name": "Ny"}').where(AuditLog.id == redacted.entity_id).execute()
    code, out = _check(db, capsys)
    assert code == 1
    assert f"Loggen: innholdet i oppføring {redacted.entity_id} (" in out


def test_rows_written_before_the_migration_are_sealed_in_order(sqlite_db) -> None:
    f.own_profile()
    _payments(2)
    cert = certificates.issue_certificate(_ready(f.course()))
    certificates.record_duplicate(cert.id, dt.date(2026, 6, 1))
    certificates.revoke(cert.id, "Feil")
    runner = Runner(sqlite_db, str(settings.migrations_dir()), table_name=HISTORY_TABLE)
    runner.down("0007_ledger_erasure")
    assert "chain_hash" not in {c.name for c in sqlite_db.get_columns("ledger_entry")}
    runner.up()
    assert integrity.check().ok, integrity.check().problems
    kinds = [e.kind for e in CertificateEvent.select().order_by(CertificateEvent.id)]
    assert kinds == ["issue", "duplicate", "revoke"]
    assert certificates.verify(cert.code).status == VerificationStatus.REVOKED
    deposits.record_payment(
        enrolment_id=_payments(1)[0].enrolment_id, amount_ore=5_000, paid_on=dt.date(2026, 3, 3)
    )
    assert integrity.check().ok


def test_two_staff_members_paying_at_once_form_one_chain(db) -> None:
    if is_sqlite(db):
        pytest.skip("SQLite has one writer at a time; the server is where two write at once")
    course = f.course(capacity=40)
    enrolled = [f.enrol(course) for _ in range(30)]
    errors: list[BaseException] = []

    def pay(part: list[int]) -> None:
        try:
            with db.connection_context():
                for enrolment in part:
                    deposits.record_payment(
                        enrolment_id=enrolment, amount_ore=100_000, paid_on=dt.date(2026, 3, 2)
                    )
        except BaseException as exc:  # reported below
            errors.append(exc)

    writers = [threading.Thread(target=pay, args=(enrolled[i::3],)) for i in range(3)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    assert not errors
    assert LedgerEntry.select().count() == 30
    assert integrity.check().ok, integrity.check().problems
