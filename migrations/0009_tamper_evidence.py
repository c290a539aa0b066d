"""Tamper evidence (DESIGN §8): the ledger, the audit log and the certificate register are chains.

Also the table that says which municipalities a municipal staff member on a shared server works
for (``coursekeeper user-add … --municipality``), read by the row-level security policies.

Every ledger entry, audit entry and certificate event carries ``prev_hash`` and ``chain_hash``
(``coursekeeper.domain.chain``); existing rows are sealed here in id order, and each existing
certificate gets its issue, duplicate and revoke events. Triggers then make the three chains
append-only: a new row must link to the last one, rows cannot be deleted, and the only updates
let through are erasure's (a ledger entry's note and reference, an audit entry's before/after,
which erasure records as a chained ``redact`` entry) and a certificate's revocation, duplicate
count, print date and erased content. On PostgreSQL the audit actor and the ledger's
``entered_by`` are the server's ``session_user``, whatever the client sends.
"""

import json
import runpy
from pathlib import Path

from peewee import *

from coursekeeper.domain.certificates import content_digest
from coursekeeper.domain.chain import GENESIS, body_digest, canonical, link

APPEND_ONLY = "append-only: {what} can only be added to, never changed or deleted"
LINK_SQLITE = f"""NEW.chain_hash IS NULL OR NEW.prev_hash IS NOT COALESCE(
    (SELECT chain_hash FROM {{table}} ORDER BY id DESC LIMIT 1), '{GENESIS}')"""

LEDGER_KEPT = """NEW.id = OLD.id AND NEW.enrolment_id = OLD.enrolment_id AND NEW.kind = OLD.kind
    AND NEW.amount_ore = OLD.amount_ore AND NEW.corrects_id IS {same} OLD.corrects_id
    AND NEW.entry_date = OLD.entry_date AND NEW.method = OLD.method
    AND NEW.entered_by = OLD.entered_by AND NEW.entered_at = OLD.entered_at
    AND NEW.prev_hash IS {same} OLD.prev_hash AND NEW.chain_hash IS {same} OLD.chain_hash
    AND NEW.note = '' AND NEW.reference = ''"""
AUDIT_KEPT = """NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor
    AND NEW.action = OLD.action AND NEW.entity = OLD.entity
    AND NEW.entity_id IS {same} OLD.entity_id AND NEW.body_hash IS {same} OLD.body_hash
    AND NEW.prev_hash IS {same} OLD.prev_hash AND NEW.chain_hash IS {same} OLD.chain_hash"""
CERTIFICATE_KEPT = """NEW.id = OLD.id AND NEW.enrolment_id = OLD.enrolment_id AND NEW.number = OLD.number
    AND NEW.prefix = OLD.prefix AND NEW.year = OLD.year AND NEW.sequence = OLD.sequence
    AND NEW.issued_on = OLD.issued_on AND NEW.code = OLD.code
    AND NEW.duplicate_count >= OLD.duplicate_count
    AND (OLD.revoked_at IS NULL OR (NEW.revoked_at IS {same} OLD.revoked_at
         AND NEW.revoked_reason IS {same} OLD.revoked_reason))"""

#: table -> (what, condition an UPDATE must meet or None when rows never change)
GUARDS = {
    "ledger_entry": ("ledger entries", LEDGER_KEPT),
    "audit_log": ("the audit log", AUDIT_KEPT),
    "certificate_event": ("certificate events", None),
}
CHAINED = ("ledger_entry", "audit_log", "certificate_event")


def _sqlite_guards():
    yield "DROP TRIGGER IF EXISTS ledger_entry_no_update"
    yield "DROP TRIGGER IF EXISTS ledger_entry_no_delete"
    for table, (what, kept) in GUARDS.items():
        message = APPEND_ONLY.format(what=what)
        when = f"WHEN NOT ({kept.format(same='')})" if kept else ""
        yield f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} {when}
            BEGIN SELECT RAISE(ABORT, '{message}'); END"""
        yield f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{message}'); END"""
        yield f"""CREATE TRIGGER {table}_chained BEFORE INSERT ON {table}
            WHEN {LINK_SQLITE.format(table=table)}
            BEGIN SELECT RAISE(ABORT, '{table} is a chain: a new row must link to the last one'); END"""
    message = APPEND_ONLY.format(what="certificates")
    yield f"""CREATE TRIGGER certificate_no_update BEFORE UPDATE ON certificate
        WHEN NOT ({CERTIFICATE_KEPT.format(same="")})
        BEGIN SELECT RAISE(ABORT, '{message}'); END"""
    yield f"""CREATE TRIGGER certificate_no_delete BEFORE DELETE ON certificate
        BEGIN SELECT RAISE(ABORT, '{message}'); END"""


def _postgres_guards():
    for table, (what, kept) in (*GUARDS.items(), ("certificate", ("certificates", CERTIFICATE_KEPT))):
        message = APPEND_ONLY.format(what=what)
        allowed = (
            f"IF TG_OP = 'UPDATE' AND {kept.format(same='NOT DISTINCT FROM')} THEN RETURN NEW; END IF;"
            if kept
            else ""
        )
        yield f"""CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$
        BEGIN
            {allowed}
            RAISE EXCEPTION '{message}';
        END; $$ LANGUAGE plpgsql"""
        yield f"""CREATE TRIGGER {table}_no_update BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"""
        yield f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"""
    # The last hash of a chain, whatever rows the caller may see; the lock holds until commit,
    # so two staff members appending at once form one chain, not a fork.
    yield f"""CREATE FUNCTION chain_head(chain text) RETURNS text AS $$
    DECLARE head text;
    BEGIN
        IF chain NOT IN {CHAINED} THEN
            RAISE EXCEPTION 'no chain named %', chain;
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext(chain));
        EXECUTE format('SELECT chain_hash FROM %I ORDER BY id DESC LIMIT 1', chain) INTO head;
        RETURN COALESCE(head, '{GENESIS}');
    END; $$ LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT"""
    yield """CREATE FUNCTION chain_link_last() RETURNS trigger AS $$
    BEGIN
        IF NEW.chain_hash IS NULL OR NEW.prev_hash IS DISTINCT FROM chain_head(TG_TABLE_NAME) THEN
            RAISE EXCEPTION '% is a chain: a new row must link to the last one', TG_TABLE_NAME;
        END IF;
        IF TG_TABLE_NAME = 'audit_log' THEN
            NEW.actor := session_user;
        ELSIF TG_TABLE_NAME = 'ledger_entry' THEN
            NEW.entered_by := session_user;
        END IF;
        RETURN NEW;
    END; $$ LANGUAGE plpgsql"""
    for table in CHAINED:
        yield f"""CREATE TRIGGER {table}_chained BEFORE INSERT ON {table}
            FOR EACH ROW EXECUTE FUNCTION chain_link_last()"""


def _sqlite_unguard():
    for table in CHAINED:
        for suffix in ("no_update", "no_delete", "chained"):
            yield f"DROP TRIGGER IF EXISTS {table}_{suffix}"
    yield "DROP TRIGGER IF EXISTS certificate_no_update"
    yield "DROP TRIGGER IF EXISTS certificate_no_delete"


def _postgres_unguard():
    for table in (*CHAINED, "certificate"):
        yield f"DROP FUNCTION IF EXISTS {table}_append_only() CASCADE"
    yield "DROP FUNCTION IF EXISTS chain_link_last() CASCADE"
    yield "DROP FUNCTION IF EXISTS chain_head(text)"


def _models(db):
    class Frozen(Model):
        class Meta:
            database = db

    class Certificate(Frozen):
        number = CharField()
        issued_on = DateField()
        content = TextField()
        code = CharField()
        revoked_at = DateTimeField(null=True)
        revoked_reason = TextField(default="")
        duplicate_count = IntegerField(default=0)
        last_duplicate_on = DateField(null=True)

        class Meta:
            table_name = "certificate"

    class CertificateEvent(Frozen):
        certificate = ForeignKeyField(Certificate, on_delete="RESTRICT")
        kind = CharField(max_length=16)
        facts = TextField()
        prev_hash = CharField(max_length=64, null=True)
        chain_hash = CharField(max_length=64, null=True)

        class Meta:
            table_name = "certificate_event"

    class LedgerEntry(Frozen):
        enrolment = IntegerField(column_name="enrolment_id")
        kind = CharField()
        amount_ore = IntegerField()
        corrects = IntegerField(column_name="corrects_id", null=True)
        entry_date = DateField()
        method = CharField()
        entered_by = CharField()
        entered_at = DateTimeField()
        prev_hash = CharField(max_length=64, null=True)
        chain_hash = CharField(max_length=64, null=True)

        class Meta:
            table_name = "ledger_entry"

    class AuditLog(Frozen):
        at = DateTimeField()
        actor = CharField()
        action = CharField()
        entity = CharField()
        entity_id = IntegerField(null=True)
        before = TextField(null=True)
        after = TextField(null=True)
        body_hash = CharField(max_length=64, null=True)
        prev_hash = CharField(max_length=64, null=True)
        chain_hash = CharField(max_length=64, null=True)

        class Meta:
            table_name = "audit_log"

    class Municipality(Frozen):
        class Meta:
            table_name = "municipality"

    class StaffMunicipality(Frozen):
        user_name = CharField(max_length=63)
        municipality = ForeignKeyField(Municipality, on_delete="CASCADE")

        class Meta:
            table_name = "staff_municipality"
            indexes = ((("user_name", "municipality"), True),)

    return Certificate, CertificateEvent, LedgerEntry, AuditLog, StaffMunicipality


def _seal(rows, covered):
    prev = GENESIS
    for row in rows:
        row.prev_hash = prev
        row.chain_hash = prev = link(prev, {name: row.__data__.get(name) for name in covered})
        row.save()


def _certificate_events(certificate):
    yield (
        "issue",
        {
            "number": certificate.number,
            "issued_on": certificate.issued_on,
            "code": certificate.code,
            "content": content_digest(json.loads(certificate.content)),
        },
    )
    if certificate.duplicate_count:
        yield "duplicate", {"count": certificate.duplicate_count, "on": certificate.last_duplicate_on}
    if certificate.revoked_at is not None:
        yield "revoke", {"at": certificate.revoked_at, "reason": certificate.revoked_reason}


def up(migrator, db):
    sqlite = isinstance(db, SqliteDatabase)
    for statement in _sqlite_unguard() if sqlite else _postgres_unguard():
        db.execute_sql(statement)
    hashes = {
        "prev_hash": CharField(max_length=64, null=True),
        "chain_hash": CharField(max_length=64, null=True),
    }
    migrator.migrate(migrator.add_column("audit_log", "body_hash", CharField(max_length=64, null=True)))
    for table in ("ledger_entry", "audit_log"):
        for name, field in hashes.items():
            migrator.migrate(migrator.add_column(table, name, field))
    certificate, event, ledger, audit, staff = _models(db)
    db.create_tables([event, staff])
    _seal(
        ledger.select().order_by(ledger.id),
        ("enrolment", "kind", "amount_ore", "corrects", "entry_date", "method", "entered_by", "entered_at"),
    )
    audits = list(audit.select().order_by(audit.id))
    for row in audits:
        row.body_hash = body_digest(row.before, row.after)
    _seal(audits, ("at", "actor", "action", "entity", "entity_id", "body_hash"))
    events = [
        event(certificate=cert.id, kind=kind, facts=canonical(facts).decode())
        for cert in certificate.select().order_by(certificate.id)
        for kind, facts in _certificate_events(cert)
    ]
    for row in events:
        row.save(force_insert=True)
    _seal(events, ("certificate", "kind", "facts"))
    for statement in _sqlite_guards() if sqlite else _postgres_guards():
        db.execute_sql(statement if sqlite else statement.replace("%", "%%"))  # psycopg placeholders


def down(migrator, db):
    sqlite = isinstance(db, SqliteDatabase)
    for statement in _sqlite_unguard() if sqlite else _postgres_unguard():
        db.execute_sql(statement)
    migrator.migrate(migrator.drop_table("certificate_event"), migrator.drop_table("staff_municipality"))
    for table in ("ledger_entry", "audit_log"):
        migrator.migrate(migrator.drop_column(table, "chain_hash"), migrator.drop_column(table, "prev_hash"))
    migrator.migrate(migrator.drop_column("audit_log", "body_hash"))
    for statement in _reinstate_0007(sqlite):
        db.execute_sql(statement)


def _reinstate_0007(sqlite):
    erasure = runpy.run_path(str(Path(__file__).with_name("0007_ledger_erasure.py")))
    if sqlite:
        yield """CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: add a correcting entry'); END"""
        yield erasure["SQLITE_UP"][1]
    else:
        yield erasure["POSTGRES_UP"][0]
        yield """CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()"""
        yield """CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only()"""
