"""Roles on a shared PostgreSQL server, proved by connecting as each staff member with plain SQL."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from coursekeeper import cli
from coursekeeper.db.connection import is_sqlite
from coursekeeper.db.models import AuditLog, Enrolment, Person
from coursekeeper.domain.staff import StaffRole
from coursekeeper.domain.states import ScreeningOutcome
from coursekeeper.errors import NotFoundError, RuleError
from coursekeeper.services import (
    assignments,
    course_overview,
    courses,
    deposits,
    enrolments,
    people,
    permissions,
    person_overview,
    screening,
    server_login,
    staff_accounts,
)
from coursekeeper.services.database import prepare
from tests import factories as f
from tests.conftest import PG_ENV

PASSWORD = "Hemmelig-æøå-42"


@pytest.fixture
def server(db) -> Iterator[dict[str, int]]:
    """Two courses (Bergen and Øygarden, Askøy co-organising Bergen's), screened, one paid each."""
    if is_sqlite(db):
        pytest.skip("staff accounts are a PostgreSQL matter")
    ids = {}
    for place, partners in (("Bergen", ["Askøy kommune"]), ("Øygarden", [])):
        course = courses.create_course(
            courses.CourseInput(
                title=f"Kurs i {place}",
                municipality=place,
                sessions=[courses.SessionInput(d, "09:00", "15:00") for d in f.SESSION_DAYS],
                co_organisers=partners,
            )
        ).id
        e = f.enrol(course, first=f"Deltaker {place}")
        screening.record_screening(
            enrolment_id=e, outcome=ScreeningOutcome.SUITABLE, notes=f"Fortrolig om {place}"
        )
        enrolments.accept(e)
        deposits.record_payment(enrolment_id=e, amount_ore=100_000, paid_on=dt.date(2026, 3, 2))
        ids[place] = course
    staff_accounts.server_setup()
    staff_accounts.server_setup()  # twice: nothing changes, nothing fails
    yield ids
    with psycopg.connect(os.environ[PG_ENV], autocommit=True) as conn:  # users are server-wide
        prefix = _user("").replace("_", r"\_")
        groups = [staff_accounts.role_name(r) for r in StaffRole]
        for (name,) in conn.execute(  # disabled users too (they cannot log in)
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s AND NOT rolname = ANY(%s)",
            (prefix + "%", groups),
        ).fetchall():
            conn.execute(sql.SQL("DROP OWNED BY {0}; DROP ROLE {0}").format(sql.Identifier(name)))


def _user(name: str) -> str:
    return f"{urlsplit(os.environ[PG_ENV]).path.strip('/')}_{name}"


@pytest.fixture
def connect() -> Iterator:
    """Connect as a staff member with their own password, as a SQL client would."""
    opened = []

    def _connect(name: str) -> psycopg.Connection:
        parts = urlsplit(os.environ[PG_ENV])
        netloc = f"{name}:{PASSWORD}@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        conn = psycopg.connect(urlunsplit(parts._replace(netloc=netloc)), autocommit=True)
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        conn.close()


def _refused(conn: psycopg.Connection, statement: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def _rows(conn: psycopg.Connection, statement: str) -> list[tuple]:
    return conn.execute(statement).fetchall()


def test_municipal_staff_see_their_courses_and_people_and_no_notes(server, connect) -> None:
    name = _user("kommune")
    staff_accounts.add_user(name, StaffRole.MUNICIPAL, PASSWORD, ["Askøy"])
    conn = connect(name)
    titles = _rows(conn, "SELECT municipality_id FROM course")
    assert len(titles) == 1  # Bergen's course, which Askøy co-organises; not Øygarden's
    people = [r[0] for r in _rows(conn, "SELECT first_name FROM person")]
    assert people == ["Deltaker Bergen"]
    assert len(_rows(conn, "SELECT id FROM ledger_entry")) == 1
    _refused(conn, "SELECT notes FROM screening")
    _refused(conn, "SELECT outcome FROM screening")
    assert _rows(conn, "SELECT session_user")[0][0] == name


def test_without_the_screening_role_notes_cannot_be_read_or_written(server, connect) -> None:
    staff, screener = _user("kurs"), _user("vurdering")
    staff_accounts.add_user(staff, StaffRole.COURSE_STAFF, PASSWORD)
    staff_accounts.add_user(screener, StaffRole.SCREENING, PASSWORD)
    conn = connect(staff)
    assert len(_rows(conn, "SELECT outcome FROM screening")) == 2  # the outcome, not the words
    _refused(conn, "SELECT notes FROM screening")
    _refused(conn, "SELECT * FROM screening")
    _refused(conn, "UPDATE screening SET notes = 'endret'")
    notes = sorted(r[0] for r in _rows(connect(screener), "SELECT notes FROM screening"))
    assert notes == ["Fortrolig om Bergen", "Fortrolig om Øygarden"]
    connect(screener).execute("UPDATE screening SET notes = 'Ny vurdering' WHERE notes LIKE '%Bergen'")


def test_only_an_administrator_erases_people_or_changes_roles(server, connect) -> None:
    staff, admin = _user("kurs"), _user("leder")
    staff_accounts.add_user(staff, StaffRole.COURSE_STAFF, PASSWORD)
    staff_accounts.add_user(admin, StaffRole.ADMIN, PASSWORD)
    conn = connect(staff)
    conn.execute("UPDATE person SET phone = '99887766'")  # ordinary edits are course work
    _refused(conn, "UPDATE person SET anonymised_at = now()")
    _refused(conn, "UPDATE audit_log SET after = NULL")
    _refused(conn, "UPDATE ledger_entry SET note = ''")
    _refused(conn, f'GRANT "{staff_accounts.role_name(StaffRole.ADMIN)}" TO "{staff}"')
    boss = connect(admin)
    boss.execute("UPDATE person SET anonymised_at = now()")
    boss.execute("UPDATE ledger_entry SET note = '', reference = ''")


@pytest.mark.parametrize("role", list(StaffRole))
def test_nobody_updates_or_deletes_ledger_or_audit_rows(server, connect, role: StaffRole) -> None:
    name = _user(f"r_{role.value.replace('-', '_')}")
    staff_accounts.add_user(name, role, PASSWORD, ["Bergen"] if role == StaffRole.MUNICIPAL else ())
    conn = connect(name)
    for statement in (
        "UPDATE ledger_entry SET amount_ore = 1",
        "DELETE FROM ledger_entry",
        "UPDATE audit_log SET actor = 'rektor'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ):
        with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.RaiseException)):
            conn.execute(statement)


def test_the_server_names_the_actor_whatever_the_client_says(server, connect) -> None:
    name = _user("kommune2")
    staff_accounts.add_user(name, StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    conn = connect(name)
    conn.execute(
        "INSERT INTO audit_log (at, actor, action, entity, prev_hash, chain_hash, body_hash) "
        "VALUES (now(), 'rektor', 'x', 'y', chain_head('audit_log'), 'f', 'f')"
    )
    assert _rows(conn, "SELECT actor FROM audit_log WHERE action = 'x'") == [(name,)]
    assert _rows(conn, "SELECT count(*) FROM audit_log")[0][0] == 1  # only their own entries


def test_user_add_from_the_command_line_and_its_refusals(server, capsys, monkeypatch) -> None:
    name = _user("ola")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    url = os.environ[PG_ENV]
    assert cli.main(["--db", url, "user-add", name, "--role", "municipal", "--municipality", "4601"]) == 0
    assert "opprettet med rollen kommuneansatt (Bergen)" in capsys.readouterr().out
    assert cli.main(["--db", url, "user-add", name, "--role", "municipal"]) == 1
    assert "minst én kommune" in capsys.readouterr().err
    assert cli.main(["--db", url, "server-setup"]) == 0


def test_sqlite_needs_no_accounts(sqlite_db) -> None:
    with pytest.raises(RuleError, match="SQLite-fil"):
        staff_accounts.server_setup()


def _members(conn: psycopg.Connection, name: str) -> set[str]:
    """The CourseKeeper group roles ``name`` holds, as the server records them."""
    return {
        r[0]
        for r in _rows(
            conn,
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            f"JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = '{name}'",
        )
    }


@pytest.mark.parametrize("role", [StaffRole.COURSE_STAFF, StaffRole.SCREENING, StaffRole.MUNICIPAL])
def test_only_administrators_change_roles_in_plain_sql(server, connect, role: StaffRole) -> None:
    name, other = _user(f"ikke_{role.value.replace('-', '_')}"), _user("annen")
    staff_accounts.add_user(name, role, PASSWORD, ["Bergen"] if role == StaffRole.MUNICIPAL else ())
    staff_accounts.add_user(other, StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    conn = connect(name)
    for statement in (
        f"SELECT staff_set_role('{other}', ARRAY['admin'], '{{}}')",
        f"SELECT staff_set_role('{name}', ARRAY['admin'], '{{}}')",
        f"SELECT staff_add('{_user('ny')}', 'x', 'admin', '{{}}')",
        f"SELECT staff_disable('{other}')",
        f"SELECT staff_guard('{other}')",
        f'GRANT "{staff_accounts.role_name(StaffRole.ADMIN)}" TO "{name}"',
        f'ALTER ROLE "{other}" NOLOGIN',
        "INSERT INTO staff_municipality (user_name, municipality_id) SELECT 'x', id FROM municipality",
    ):
        _refused(conn, statement)
    assert _members(conn, other) == {staff_accounts.role_name(StaffRole.MUNICIPAL)}
    assert _members(conn, name) == {staff_accounts.role_name(role)}


def test_an_administrator_adds_changes_and_disables_staff_in_plain_sql(server, connect) -> None:
    admin, kari = _user("sjef"), _user("kari")
    staff_accounts.add_user(admin, StaffRole.ADMIN, PASSWORD)
    boss = connect(admin)
    boss.execute(
        f"SELECT staff_add('{kari}', %s, 'municipal', ARRAY[(SELECT id FROM municipality "
        "WHERE name = 'Bergen')])",
        (PASSWORD,),
    )
    titles = _rows(connect(kari), "SELECT title FROM course")
    assert titles == [("Kurs i Bergen",)]
    boss.execute(f"SELECT staff_set_role('{kari}', ARRAY['course-staff', 'screening'], '{{}}')")
    assert _members(boss, kari) == {
        staff_accounts.role_name(StaffRole.COURSE_STAFF),
        staff_accounts.role_name(StaffRole.SCREENING),
    }
    assert len(_rows(connect(kari), "SELECT notes FROM screening")) == 2
    # Never the caller, a superuser, the owner or a login that is not CourseKeeper staff.
    for target in (admin, urlsplit(os.environ[PG_ENV]).username):
        _refused(boss, f"SELECT staff_set_role('{target}', ARRAY['admin'], '{{}}')")
    _refused(boss, f"SELECT staff_add('{staff_accounts.role_name(StaffRole.ADMIN)}', 'x', 'admin', '{{}}')")
    boss.execute(f"SELECT staff_disable('{kari}')")
    with pytest.raises(psycopg.OperationalError):
        connect(kari)


def test_set_roles_and_disable_through_the_service_and_the_command_line(server, capsys, monkeypatch) -> None:
    name = _user("per")
    url = os.environ[PG_ENV]
    staff_accounts.add_user(name, StaffRole.COURSE_STAFF, PASSWORD)
    assert (
        cli.main(
            [
                "--db",
                url,
                "user-role",
                name,
                "--role",
                "municipal",
                "--municipality",
                "Bergen",
                "--municipality",
                "Askøy",
            ]
        )
        == 0
    )
    assert f"{name} har nå rollen kommuneansatt (Bergen, Askøy)" in capsys.readouterr().out
    prepare(url)
    [member] = [m for m in staff_accounts.staff_members() if m.name == name]
    assert member == staff_accounts.StaffMember(name, (StaffRole.MUNICIPAL,), ("Askøy", "Bergen"), True)
    assert cli.main(["--db", url, "user-role", name, "--role", "municipal"]) == 1
    assert "minst én kommune" in capsys.readouterr().err
    assert cli.main(["--db", url, "user-disable", name]) == 0
    assert "kan ikke lenger logge inn" in capsys.readouterr().out
    assert cli.main(["--db", url, "user-disable", "finnes_ikke"]) == 1
    assert "er ikke en ansatt" in capsys.readouterr().err
    prepare(url)
    assert not next(m for m in staff_accounts.staff_members() if m.name == name).active
    logged = [
        (r.action, r.actor) for r in AuditLog.select().where(AuditLog.entity == "staff").order_by(AuditLog.id)
    ]
    owner = urlsplit(url).username
    assert logged == [("staff_add", owner), ("staff_role", owner), ("staff_disable", owner)]


def _signed_in(name: str) -> permissions.Permissions:
    """Open the program's database as ``name`` (as the login dialog does) and read its permissions."""
    prepare(server_login.with_login(os.environ[PG_ENV], name, PASSWORD))
    return permissions.current()


def test_the_program_asks_the_server_what_each_role_may_do(server) -> None:
    names = {role: _user(f"kan_{role.value.replace('-', '_')}") for role in StaffRole}
    for role, name in names.items():
        staff_accounts.add_user(
            name, role, PASSWORD, ["Askøy", "Bergen"] if role == StaffRole.MUNICIPAL else ()
        )
    try:
        admin, staff, screener, municipal = (_signed_in(names[r]) for r in StaffRole)
    finally:
        prepare(os.environ[PG_ENV])  # the fixture drops the users as the owner
    assert admin == permissions.Permissions(user=names[StaffRole.ADMIN], shared=True, can_back_up=False)
    assert staff.can_edit_courses and staff.can_pay and staff.can_see_screening and staff.can_write_settings
    assert not (staff.can_screen or staff.can_erase or staff.can_manage_staff or staff.scoped)
    assert screener.can_screen and not (screener.can_edit_courses or screener.can_pay or screener.can_erase)
    assert municipal.scoped and municipal.municipalities == ("Askøy", "Bergen")
    assert municipal.can_refund and municipal.can_assign
    assert not (
        municipal.can_pay
        or municipal.can_see_screening
        or municipal.can_screen
        or municipal.can_edit_courses
        or municipal.can_erase
        or municipal.can_manage_staff
    )


def test_on_sqlite_everything_is_allowed(sqlite_db) -> None:
    assert permissions.current() == permissions.EVERYTHING and not permissions.current().shared


def test_a_refusal_on_the_command_line_is_one_sentence(server, capsys) -> None:
    staff = _user("kursansatt")
    staff_accounts.add_user(staff, StaffRole.COURSE_STAFF, PASSWORD)
    as_staff = server_login.with_login(os.environ[PG_ENV], staff, PASSWORD)
    assert cli.main(["--db", as_staff, "user-disable", staff]) == 1
    assert capsys.readouterr().err.strip() == (
        "Feil: Databasen avviste handlingen: brukeren din har ikke tilgang til dette. "
        "Be en administrator om riktig rolle. Ingenting er lagret."
    )
    prepare(os.environ[PG_ENV])


def test_check_as_municipal_staff_raises_no_false_alarm_and_still_sees_an_altered_row(
    db, server, capsys
) -> None:
    from tests.unit.services.test_tamper_evidence import _triggers_dropped

    name, staff = _user("kontroll"), _user("kurskontroll")
    staff_accounts.add_user(name, StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    staff_accounts.add_user(staff, StaffRole.COURSE_STAFF, PASSWORD)
    as_municipal = server_login.with_login(os.environ[PG_ENV], name, PASSWORD)
    capsys.readouterr()
    assert cli.main(["--db", as_municipal, "check"]) == 2
    out, err = capsys.readouterr()
    assert "bare en administrator kan kontrollere hele den" in err
    assert "Fant" not in out and "Kontrollert: Seglene på radene du ser i egenandelsregnskapet" in out
    assert cli.main(["--db", server_login.with_login(os.environ[PG_ENV], staff, PASSWORD), "check"]) == 0
    assert "Alt i orden." in capsys.readouterr().out  # course staff see the whole chains
    prepare(os.environ[PG_ENV])
    with _triggers_dropped(db):
        db.execute_sql(
            "UPDATE ledger_entry SET amount_ore = 50000 WHERE enrolment_id IN "
            "(SELECT e.id FROM enrolment e JOIN course c ON c.id = e.course_id "
            "WHERE c.title = 'Kurs i Bergen')"
        )
    assert cli.main(["--db", as_municipal, "check"]) == 1
    out = capsys.readouterr().out
    assert "Egenandelsregnskapet: post" in out and "(innbetaling 500 kr" in out and "er endret" in out
    prepare(os.environ[PG_ENV])
    assert cli.main(["--db", os.environ[PG_ENV], "check"]) == 1  # the owner sees the whole chain


def test_a_row_level_security_refusal_becomes_one_sentence(server, connect) -> None:
    name = _user("rls")
    staff_accounts.add_user(name, StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    conn = connect(name)
    [(enrolment,)] = _rows(conn, "SELECT id FROM enrolment")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security") as raised:
        conn.execute(  # municipal staff may record refunds, not payments: the policy's WITH CHECK
            "INSERT INTO ledger_entry (enrolment_id, kind, amount_ore, entry_date, method, reference, note, "
            "entered_by, entered_at, prev_hash, chain_hash) VALUES (%s, 'payment', 100000, current_date, "
            "'', '', '', '', now(), chain_head('ledger_entry'), 'x')",
            (enrolment,),
        )
    refusal = server_login.as_refusal(raised.value)
    assert isinstance(refusal, RuleError) and refusal.message.startswith("Databasen avviste handlingen")


def _person_on(course_id: int) -> Person:
    return Person.select().join(Enrolment).where(Enrolment.course == course_id).get()


def test_course_staff_save_a_persons_phone(server) -> None:
    name = _user("kurstelefon")
    staff_accounts.add_user(name, StaffRole.COURSE_STAFF, PASSWORD)
    person = _person_on(server["Bergen"])
    form = people.PersonInput(person.first_name, person.last_name, phone="98765432", version=person.version)
    try:
        _signed_in(name)
        people.update_person(person.id, form)
    finally:
        prepare(os.environ[PG_ENV])
    saved = people.get_person(person.id)
    assert (saved.phone, saved.version) == ("+4798765432", person.version + 1)


def test_municipal_staff_refund_and_assign_for_their_municipality_only(server, connect) -> None:
    name = _user("refusjon")
    staff_accounts.add_user(name, StaffRole.MUNICIPAL, PASSWORD, ["Bergen"])
    ours, theirs = (Enrolment.get(Enrolment.course == server[p]).id for p in ("Bergen", "Øygarden"))
    person = _person_on(server["Bergen"]).id
    try:
        _signed_in(name)
        refund = deposits.record_refund(enrolment_id=ours, refunded_on=dt.date(2026, 4, 1))
        assignments.add_assignment(person_id=person, start_date=dt.date(2026, 5, 1), municipality="Bergen")
        with pytest.raises(NotFoundError):  # another municipality's enrolment is not even seen
            deposits.record_refund(enrolment_id=theirs, refunded_on=dt.date(2026, 4, 1))
    finally:
        prepare(os.environ[PG_ENV])
    assert refund.amount_ore == 100_000 and deposits.balance_of(theirs).held == 100_000
    conn = connect(name)  # the lock needs no UPDATE right: enrolments stay unchangeable for the role
    _refused(conn, f"UPDATE enrolment SET notes = 'endret' WHERE id = {ours}")
    with conn.transaction():
        assert _rows(conn, f"SELECT staff_lock('enrolment', {ours})") == [(True,)]
        assert _rows(conn, f"SELECT staff_lock('enrolment', {theirs})") == [(False,)]
    _refused(conn, f"SELECT staff_lock('course', {server['Bergen']})")


def test_screening_staff_open_a_course_and_a_person_and_record_an_outcome(server) -> None:
    name = _user("vurderer")
    staff_accounts.add_user(name, StaffRole.SCREENING, PASSWORD)
    enrolment = Enrolment.get(Enrolment.course == server["Bergen"]).id
    person = _person_on(server["Bergen"]).id
    try:
        allowed = _signed_in(name)
        page = course_overview.enrolment_rows(server["Bergen"])
        seen = person_overview.person_overview(person)
        stored = screening.open_screening(enrolment)
        screening.record_screening(
            enrolment_id=enrolment,
            outcome=ScreeningOutcome.SUITABLE,
            notes="Ringt opp igjen.",
            based_on=stored.version,
        )
    finally:
        prepare(os.environ[PG_ENV])
    assert not (allowed.can_see_money or allowed.can_see_certificates)
    assert [r.screening for r in page] == [ScreeningOutcome.SUITABLE] and page[0].certificate_number == ""
    assert len(seen.enrolments) == 1 and seen.ledger == [] and seen.certificates == []
    assert screening.open_screening(enrolment).notes == "Ringt opp igjen."
