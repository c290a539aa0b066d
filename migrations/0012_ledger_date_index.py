"""An index on the ledger's date order, so Posteringer's first page is read without sorting the ledger.

Posteringer lists entries oldest first a page at a time (``services.ledger_pages``). Without the
index the database sorts every entry to find the first 500: on 110,000 entries ~68 ms on
PostgreSQL and ~40 ms on SQLite; with it, a few milliseconds.
"""


def up(migrator, db):
    migrator.migrate(migrator.add_index("ledger_entry", ("entry_date", "id"), False))


def down(migrator, db):
    migrator.migrate(migrator.drop_index("ledger_entry", "ledger_entry_entry_date_id"))
