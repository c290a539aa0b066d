"""Edits carry the row's version: a save based on an old version is refused (DESIGN §8)."""

from peewee import SQL, IntegerField

TABLES = ("organisation", "course", "course_session", "person", "enrolment", "screening", "assignment")


def up(migrator, db):
    migrator.migrate(
        *(
            migrator.add_column(t, "version", IntegerField(default=1, constraints=[SQL("DEFAULT 1")]))
            for t in TABLES
        )
    )


def down(migrator, db):
    migrator.migrate(*(migrator.drop_column(t, "version") for t in TABLES))
