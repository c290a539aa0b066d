"""Helpers for running the service tests against a real PostgreSQL server."""

from __future__ import annotations

import psycopg


def reset_postgres(url: str) -> None:
    """Drop and recreate the public schema so each test starts from an empty database."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")
