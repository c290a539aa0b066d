"""Staff accounts on a shared PostgreSQL server (DESIGN §8): roles, grants and row-level security.

``server_setup`` creates four group roles named after the database (``<db>_admin``,
``<db>_course_staff``, ``<db>_screening``, ``<db>_municipal``), grants each what DESIGN §8 lists
and installs the policies; it can be run again at any time. ``add_user`` creates a login role for
one staff member (or gives an existing one another role). The database itself then refuses what a
role may not do, whatever client is used; the program's own tables stay owned by the user who
ran the migrations (the IT person), who is not bound by the policies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from peewee import fn
from psycopg import sql

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import Municipality, StaffMunicipality
from coursekeeper.domain.staff import StaffRole
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services.people import PERSON_FIELDS

_USER_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")

#: Tables every role reads whole: reference data and what the program checks at start.
REFERENCE = ("municipality", "organisation", "schema_migration")
#: Course work: read and written by course staff, read (row by row) by municipal staff.
COURSE_TABLES = ("course", "course_session", "course_organiser", "enrolment", "attendance", "person")
CHAINS = ("ledger_entry", "audit_log", "certificate_event")
SCREENING_PUBLIC = ("id", "enrolment_id", "date", "interviewer", "outcome", "updated_at")
#: The person's columns an editing role may change: the form's fields (by column) and the search key.
PERSON_EDITABLE = (*(f"{f}_id" if f == "municipality" else f for f in PERSON_FIELDS), "search_key")
#: Tables with row-level security; every role but municipal staff sees all of their rows.
RLS_TABLES = (*COURSE_TABLES, "assignment", "ledger_entry", "certificate", "certificate_event", "audit_log")


def _require_postgres() -> None:
    if is_sqlite(database):
        raise RuleError(
            tr(
                "Brukere og roller gjelder en felles PostgreSQL-database. "
                "En SQLite-fil på én maskin beskyttes av brukerkontoen i operativsystemet."
            )
        )


def role_name(role: StaffRole) -> str:
    """The group role for ``role`` in this database, e.g. ``coursekeeper_course_staff``."""
    base = re.sub(r"[^a-z0-9_]", "_", str(database.obj.database).lower())
    return f"{base}_{role.value.replace('-', '_')}"


def _execute(statement: sql.Composable | str) -> None:
    database.execute_sql(
        statement.as_string(database.connection()) if isinstance(statement, sql.Composable) else statement
    )


def _ident(name: str) -> sql.Identifier:
    return sql.Identifier(name)


def _grant(privileges: str, tables: Sequence[str], role: str) -> sql.Composed:
    return sql.SQL("GRANT {} ON {} TO {}").format(
        sql.SQL(privileges), sql.SQL(", ").join(map(_ident, tables)), _ident(role)
    )


def _columns(privilege: str, columns: Sequence[str]) -> str:
    return f"{privilege} ({', '.join(columns)})"


def _grants(roles: dict[StaffRole, str]) -> Iterator[sql.Composable]:
    admin, staff, screening, municipal = (roles[r] for r in StaffRole)
    everyone = list(roles.values())
    database_name = _ident(str(database.obj.database))
    for role in everyone:
        yield sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database_name, _ident(role))
        yield sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(_ident(role))
        yield sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(_ident(role))
        yield _grant("SELECT", REFERENCE, role)
        yield _grant("SELECT, INSERT", ("audit_log",), role)
        yield sql.SQL("GRANT EXECUTE ON FUNCTION chain_head(text) TO {}").format(_ident(role))
    # Administrators: everything, erasure included; the chains still only grow (triggers).
    yield sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(
        _ident(admin)
    )
    yield sql.SQL("REVOKE UPDATE, DELETE ON {} FROM {}").format(
        sql.SQL(", ").join(map(_ident, CHAINS)), _ident(admin)
    )
    yield _grant(_columns("UPDATE", ("note", "reference")), ("ledger_entry",), admin)
    yield _grant(_columns("UPDATE", ("before", "after")), ("audit_log",), admin)
    # Course staff: courses, enrolments, attendance, certificates and money; not the notes.
    yield _grant("SELECT, INSERT", COURSE_TABLES, staff)
    yield _grant("UPDATE", [t for t in COURSE_TABLES if t != "person"], staff)
    yield _grant(_columns("UPDATE", PERSON_EDITABLE), ("person",), staff)
    yield _grant("DELETE", ("course_session", "course_organiser", "attendance"), staff)
    yield _grant(
        "SELECT, INSERT, UPDATE", ("certificate", "assignment", "app_setting", "municipality"), staff
    )
    yield _grant("SELECT, INSERT", ("ledger_entry", "certificate_event"), staff)
    yield _grant("SELECT, INSERT, UPDATE", ("organisation",), staff)
    yield _grant(_columns("SELECT", SCREENING_PUBLIC), ("screening",), staff)
    yield _grant(_columns("INSERT", SCREENING_PUBLIC), ("screening",), staff)
    yield _grant(_columns("UPDATE", SCREENING_PUBLIC[2:]), ("screening",), staff)
    # Screening: the notes, and who they are about.
    yield _grant("SELECT, INSERT, UPDATE", ("screening",), screening)
    yield _grant("SELECT", ("course", "enrolment", "person"), screening)
    # Municipal staff: their courses and people (rows limited below), assignments and refunds.
    yield _grant("SELECT", (*COURSE_TABLES, "certificate", "ledger_entry"), municipal)
    yield _grant("SELECT, INSERT, UPDATE", ("assignment",), municipal)
    yield _grant("INSERT", ("ledger_entry",), municipal)
    yield _grant(_columns("SELECT", ("user_name", "municipality_id")), ("staff_municipality",), municipal)


def _policies(roles: dict[StaffRole, str]) -> Iterator[str]:
    others = ", ".join(f'"{roles[r]}"' for r in StaffRole if r != StaffRole.MUNICIPAL)
    municipal = f'"{roles[StaffRole.MUNICIPAL]}"'
    yield """CREATE OR REPLACE FUNCTION staff_courses() RETURNS SETOF integer AS $$
        SELECT c.id FROM course c
        JOIN municipality m ON TRUE
        JOIN staff_municipality s ON s.municipality_id = m.id AND s.user_name = session_user
        WHERE c.municipality_id = m.id
           OR EXISTS (SELECT 1 FROM course_organiser co JOIN organisation o ON o.id = co.organisation_id
                      WHERE co.course_id = c.id
                        AND lower(o.name) IN (lower(m.name), lower(m.name) || ' kommune'))
    $$ LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"""
    yield """CREATE OR REPLACE FUNCTION staff_municipalities() RETURNS SETOF integer AS $$
        SELECT municipality_id FROM staff_municipality WHERE user_name = session_user
    $$ LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"""
    mine = "course_id IN (SELECT staff_courses())"
    seen_enrolment = "enrolment_id IN (SELECT id FROM enrolment)"
    rules = {
        "course": "id IN (SELECT staff_courses())",
        "course_session": mine,
        "course_organiser": mine,
        "enrolment": mine,
        "attendance": seen_enrolment,
        "person": "id IN (SELECT person_id FROM enrolment) OR id IN (SELECT person_id FROM assignment)",
        "assignment": "municipality_id IN (SELECT staff_municipalities())",
        "certificate": seen_enrolment,
        "certificate_event": "certificate_id IN (SELECT id FROM certificate)",
        "ledger_entry": seen_enrolment,
        "audit_log": "actor = session_user",
    }
    for table in RLS_TABLES:
        yield f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"
        yield f"DROP POLICY IF EXISTS staff_all ON {table}"
        yield f"CREATE POLICY staff_all ON {table} TO {others} USING (true) WITH CHECK (true)"
        yield f"DROP POLICY IF EXISTS municipal_rows ON {table}"
        check = rules[table]
        if table == "ledger_entry":
            check = f"kind = 'refund' AND {seen_enrolment}"
        elif table == "audit_log":
            check = "true"
        yield (
            f"CREATE POLICY municipal_rows ON {table} TO {municipal} "
            f"USING ({rules[table]}) WITH CHECK ({check})"
        )


def server_setup() -> list[str]:
    """Create or bring up to date the roles, grants and policies; returns the group roles' names."""
    _require_postgres()
    roles = {role: role_name(role) for role in StaffRole}
    with database.atomic():
        for name in roles.values():
            _execute(
                sql.SQL(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {}) THEN "
                    "CREATE ROLE {} NOLOGIN; END IF; END $$"
                ).format(sql.Literal(name), _ident(name))
            )
        for statement in _grants(roles):
            _execute(statement)
        for statement in _policies(roles):
            _execute(statement)
    return list(roles.values())


def add_user(name: str, role: StaffRole, password: str | None, municipalities: Sequence[str] = ()) -> str:
    """Create a login for ``name`` (or give an existing one another role); returns what was done."""
    _require_postgres()
    if not _USER_NAME.match(name):
        raise ValidationError(
            tr(
                "Ugyldig brukernavn «{name}»: bruk små bokstaver, sifre, punktum, bindestrek eller "
                "understrek, høyst 63 tegn.",
                name=name,
            )
        )
    if role == StaffRole.MUNICIPAL and not municipalities:
        raise ValidationError(tr("Kommuneansatte må ha minst én kommune: bruk --municipality."))
    group = role_name(role)
    if not user_exists(group):
        raise RuleError(tr("Rollene finnes ikke ennå: kjør «coursekeeper server-setup» først."))
    places = [_municipality(m) for m in municipalities]
    known = user_exists(name)
    with database.atomic():
        if not known:
            if not password:
                raise ValidationError(tr("En ny bruker trenger et passord."))
            _execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(_ident(name), sql.Literal(password)))
        elif password:
            _execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(_ident(name), sql.Literal(password)))
        _execute(sql.SQL("GRANT {} TO {}").format(_ident(group), _ident(name)))
        for place in places:
            StaffMunicipality.insert(user_name=name, municipality=place).on_conflict_ignore().execute()
    where = f" ({', '.join(p.name for p in places)})" if places else ""
    if known:
        return tr("{name} har fått rollen {role}{where}.", name=name, role=role.value, where=where)
    return tr("{name} er opprettet med rollen {role}{where}.", name=name, role=role.value, where=where)


def user_exists(name: str) -> bool:
    """True when the server already has a role (user) with this name."""
    _require_postgres()
    return database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def _municipality(text: str) -> Municipality:
    found = Municipality.get_or_none(
        (Municipality.number == text.strip()) | (fn.lower(Municipality.name) == text.strip().lower())
    )
    if found is None:
        raise ValidationError(tr("Fant ingen kommune med navn eller nummer «{text}».", text=text))
    return found
