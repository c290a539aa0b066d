"""A PostgreSQL server's refusal to connect is one Norwegian sentence, whatever the reason."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from coursekeeper.db.connection import close_database, open_database, server_refusal
from coursekeeper.errors import ServerRefusedError
from tests.conftest import PG_ENV

pytestmark = pytest.mark.skipif(not os.environ.get(PG_ENV), reason="needs the test PostgreSQL server")


def _url(netloc: str, path: str | None = None) -> str:
    parts = urlsplit(os.environ[PG_ENV])
    return urlunsplit(parts._replace(netloc=netloc, path=path if path is not None else parts.path))


def _host() -> str:
    parts = urlsplit(os.environ[PG_ENV])
    return f"{parts.hostname}:{parts.port or 5432}"


def _refusal(url: str) -> str:
    with pytest.raises(ServerRefusedError) as caught:
        open_database(url)
    return caught.value.message


@pytest.fixture
def disabled_role():
    """A role that exists with a password but may not log in (an «Deaktiver»-ed staff member)."""
    owner = os.environ[PG_ENV]
    name = f"{urlsplit(owner).path.strip('/')}_deaktivert"
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{name}"')
        conn.execute(f"CREATE ROLE \"{name}\" NOLOGIN PASSWORD 'Riktig-1'")
    yield name
    with psycopg.connect(owner, autocommit=True) as conn:
        conn.execute(f'DROP ROLE "{name}"')


def test_each_refusal_is_one_norwegian_sentence_naming_what_to_do(disabled_role: str) -> None:
    owner = urlsplit(os.environ[PG_ENV])
    server = owner.hostname
    wrong = _refusal(_url(f"{owner.username}:feil-passord@{_host()}"))
    assert wrong == "Feil brukernavn eller passord. Prøv igjen."
    assert _refusal(_url(f"finnes_ikke_login:noe@{_host()}")) == wrong  # the server does not tell which
    assert _refusal(_url(f"{disabled_role}:Riktig-1@{_host()}")) == (
        f"Brukeren «{disabled_role}» er deaktivert og kan ikke logge inn. "
        "Be en administrator om å gi den tilgang igjen."
    )
    assert _refusal(_url(f"{owner.username}:{owner.password}@{_host()}", "/ingen_slik_base")) == (
        f"Databasen «ingen_slik_base» finnes ikke på {server}. Sjekk adressen med den som driver serveren."
    )
    with socket.socket() as probe:  # a port nobody listens on: the server is "down"
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    assert _refusal(f"postgresql://{owner.username}:x@127.0.0.1:{free}/kurs") == (
        "Får ikke kontakt med databaseserveren 127.0.0.1. Sjekk nettverket og at serveren kjører, "
        "og prøv igjen."
    )
    close_database()


def test_a_server_that_trusts_the_machine_says_which_user_is_unknown() -> None:
    error = 'connection failed: FATAL:  role "kari" does not exist'
    assert server_refusal(error, "postgresql://kari@kurs.kommune.no/kurs") == (
        "Brukeren «kari» finnes ikke på databaseserveren. Sjekk brukernavnet."
    )
    assert server_refusal("FATAL:  sorry, too many clients already", "postgresql://k@s/kurs") == (
        "Databaseserveren s avviste innloggingen. Prøv igjen om litt; hjelper ikke det, be den som "
        "driver serveren se i serverens logg."
    )
