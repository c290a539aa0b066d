"""Erasure (DESIGN §6): the ledger stays append-only, but a person's words in it may be blanked.

An entry's amount, kind, date, enrolment, correction link and who entered it can still never
change, and no entry can be deleted; the only update the guard lets through sets ``note`` and
``reference`` to empty text, which is what erasing a person does to their ledger entries.
"""

from peewee import *

UNCHANGED_SQLITE = """
    NEW.id = OLD.id AND NEW.enrolment_id = OLD.enrolment_id AND NEW.kind = OLD.kind
    AND NEW.amount_ore = OLD.amount_ore AND NEW.corrects_id IS OLD.corrects_id
    AND NEW.entry_date = OLD.entry_date AND NEW.method = OLD.method
    AND NEW.entered_by = OLD.entered_by AND NEW.entered_at = OLD.entered_at
    AND NEW.note = '' AND NEW.reference = ''
"""

SQLITE_UP = (
    "DROP TRIGGER ledger_entry_no_update",
    f"""CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
    WHEN NOT ({UNCHANGED_SQLITE})
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: add a correcting entry'); END""",
)
SQLITE_DOWN = (
    "DROP TRIGGER ledger_entry_no_update",
    """CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: add a correcting entry'); END""",
)

POSTGRES_UP = (
    """CREATE OR REPLACE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.id = OLD.id AND NEW.enrolment_id = OLD.enrolment_id AND NEW.kind = OLD.kind
           AND NEW.amount_ore = OLD.amount_ore AND NEW.corrects_id IS NOT DISTINCT FROM OLD.corrects_id
           AND NEW.entry_date = OLD.entry_date AND NEW.method = OLD.method
           AND NEW.entered_by = OLD.entered_by AND NEW.entered_at = OLD.entered_at
           AND NEW.note = '' AND NEW.reference = '' THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'ledger entries are append-only: add a correcting entry';
    END; $$ LANGUAGE plpgsql""",
)
POSTGRES_DOWN = (
    """CREATE OR REPLACE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'ledger entries are append-only: add a correcting entry';
    END; $$ LANGUAGE plpgsql""",
)


def _run(db, sqlite, postgres):
    for statement in sqlite if isinstance(db, SqliteDatabase) else postgres:
        db.execute_sql(statement)


def up(migrator, db):
    _run(db, SQLITE_UP, POSTGRES_UP)


def down(migrator, db):
    _run(db, SQLITE_DOWN, POSTGRES_DOWN)
