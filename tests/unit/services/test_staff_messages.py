"""What Innstillinger → Ansatte says after a save: roles by their names, and a login opened again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg import sql

from coursekeeper.db.connection import is_sqlite
from coursekeeper.domain.staff import StaffRole
from coursekeeper.services import staff_accounts
from tests.conftest import PG_ENV


@pytest.fixture
def staff_server(db) -> Iterator[str]:
    """The server's roles set up; the test's users (prefixed) dropped afterwards."""
    if is_sqlite(db):
        pytest.skip("staff accounts are a PostgreSQL matter")
    staff_accounts.server_setup()
    prefix = f"{urlsplit(os.environ[PG_ENV]).path.strip('/')}_melding_"
    yield prefix
    with psycopg.connect(os.environ[PG_ENV], autocommit=True) as conn:  # users are server-wide
        for (name,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (prefix.replace("_", r"\_") + "%",)
        ).fetchall():
            conn.execute(sql.SQL("DROP OWNED BY {0}; DROP ROLE {0}").format(sql.Identifier(name)))


def test_the_messages_name_roles_in_words_and_say_a_disabled_user_may_log_in_again(staff_server) -> None:
    name = staff_server + "kari"
    done = staff_accounts.add_staff(
        name=name, roles=[StaffRole.COURSE_STAFF], municipalities=[], password="Passord-123"
    )
    assert done == f"{name} er opprettet med rollen kursansatt."
    assert staff_accounts.set_roles(name, [StaffRole.MUNICIPAL], ["Bergen"]) == (
        f"{name} har nå rollen kommuneansatt (Bergen)."
    )
    staff_accounts.disable_user(name)
    assert staff_accounts.set_roles(name, [StaffRole.ADMIN, StaffRole.SCREENING]) == (
        f"{name} har nå rollene administrator, egnethetsvurdering. {name} kan logge inn igjen."
    )
    assert [m.active for m in staff_accounts.staff_members() if m.name == name] == [True]


def test_an_unknown_municipality_is_its_own_refusal(staff_server) -> None:
    with pytest.raises(staff_accounts.UnknownMunicipalityError, match="«Bergn»"):
        staff_accounts.add_staff(
            name=staff_server + "ola", roles=[StaffRole.MUNICIPAL], municipalities=["Bergn"], password="P-1"
        )
    assert staff_accounts.user_name_problem("T2Ny").startswith("Ugyldig brukernavn «T2Ny»")
    assert staff_accounts.user_name_problem("t2ny") == ""
