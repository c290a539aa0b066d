"""Courses remember the day they were cancelled, so refunds due "as of" an earlier day leave them out."""

from peewee import DateField


def up(migrator, db):
    migrator.migrate(migrator.add_column("course", "cancelled_on", DateField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("course", "cancelled_on"))
