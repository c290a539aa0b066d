"""The migrations produce exactly the models' schema (SQLite and PostgreSQL)."""

from __future__ import annotations

from playhouse.schema_diff import diff_models

from coursekeeper.db.models import MODELS


def test_migrated_database_matches_the_models(db) -> None:
    diff = diff_models(db, MODELS)
    assert not diff, f"Model changed without a migration: {diff}"
