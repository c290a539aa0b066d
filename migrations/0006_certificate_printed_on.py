"""Certificates remember when their original was first printed, so a later print is a duplicate."""

from peewee import DateField


def up(migrator, db):
    migrator.migrate(migrator.add_column("certificate", "printed_on", DateField(null=True)))


def down(migrator, db):
    migrator.migrate(migrator.drop_column("certificate", "printed_on"))
