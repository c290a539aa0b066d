"""DESIGN §8 / issue 11 item 5: the PostgreSQL server goes away during a save and comes back."""

from __future__ import annotations

import os
from urllib.parse import urlparse

import pytest

from coursekeeper.db.connection import close_database, database
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.errors import ConnectionLostError
from coursekeeper.services import busy, enrolments
from coursekeeper.services.database import prepare
from coursekeeper.services.enrolments import get_enrolment
from tests import factories as f
from tests.conftest import PG_ENV
from tests.tcp_proxy import CuttableProxy


@pytest.fixture
def proxy(db, monkeypatch: pytest.MonkeyPatch):
    """The program connected to PostgreSQL through a proxy the test can cut."""
    if not database.for_update:
        pytest.skip("a server that goes away is a PostgreSQL matter")
    monkeypatch.setattr(busy, "BACKOFF_S", 0.01)
    url = urlparse(os.environ[PG_ENV])
    cuttable = CuttableProxy((url.hostname or "localhost", url.port or 5432))
    close_database()
    prepare(url._replace(netloc=f"{url.username}:{url.password}@127.0.0.1:{cuttable.port}").geturl())
    yield cuttable
    close_database()
    cuttable.close()


def test_a_save_while_the_server_is_away_writes_nothing_and_says_so_then_reconnects(proxy) -> None:
    course = f.course(capacity=1)
    first, second = f.enrol(course), f.enrol(course)
    proxy.cut()
    with pytest.raises(ConnectionLostError) as caught:
        busy.retrying(enrolments.accept, first)
    assert caught.value.message.startswith("Forbindelsen til databasen er brutt, og ingenting er lagret.")
    assert "\n" not in str(caught.value)
    proxy.restore()
    assert get_enrolment(first).state == S.APPLIED  # connected again by itself; nothing half-written
    assert busy.retrying(enrolments.accept, second).state == S.ACCEPTED


def test_a_connection_broken_in_the_middle_of_a_transaction_leaves_nothing_behind(proxy) -> None:
    course = f.course(capacity=5)
    e = f.enrol(course)

    def accept_then_lose_the_server() -> None:
        with database.atomic():
            enrolments.accept(e)  # written inside the open transaction …
            proxy.cut()  # … and the server goes away before the commit
            database.execute_sql("SELECT 1")

    with pytest.raises(ConnectionLostError):
        busy.retrying(accept_then_lose_the_server)
    proxy.restore()
    assert get_enrolment(e).state == S.APPLIED
