"""Staff accounts on a shared PostgreSQL server (DESIGN §8): roles, grants and row-level security.

``server_setup`` creates four group roles named after the database (``<db>_admin``,
``<db>_course_staff``, ``<db>_screening``, ``<db>_municipal``), grants each what DESIGN §8 lists
and installs the policies; it can be run again at any time. The database itself then refuses what
a role may not do, whatever client is used; the program's own tables stay owned by the user who
ran the migrations (the IT person), who is not bound by the policies.

Staff are added, given roles and disabled through three SECURITY DEFINER functions owned by that
owner (``staff_add``, ``staff_set_role``, ``staff_disable``), which only administrators (and the
owner) may execute and which check ``pg_has_role(session_user, <db>_admin)`` again inside. They
change only CourseKeeper staff: never a superuser, the owner, a group role or the caller. This
was chosen over giving administrators ``CREATEROLE``: on PostgreSQL 15 and older that lets a role
alter any non-superuser role on the server and grant itself any role (``pg_read_server_files``,
other databases' users); the functions can do exactly these three things and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import peewee as pw
from peewee import fn
from psycopg import sql

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import Municipality, Person, StaffMunicipality
from coursekeeper.domain.staff import StaffRole
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit, permissions
from coursekeeper.services.people import EDITED_FIELDS
from coursekeeper.services.server_login import as_refusal

_USER_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")

#: Tables every role reads whole: reference data and what the program checks at start.
REFERENCE = ("municipality", "organisation", "schema_migration")
#: Course work: read and written by course staff, read (row by row) by municipal staff.
COURSE_TABLES = ("course", "course_session", "course_organiser", "enrolment", "attendance", "person")
CHAINS = ("ledger_entry", "audit_log", "certificate_event")
SCREENING_PUBLIC = ("id", "enrolment_id", "date", "interviewer", "outcome", "updated_at")
#: The person's columns an editing role may change: what an edit writes, and the version it counts up.
PERSON_EDITABLE = (*(Person._meta.fields[f].column_name for f in EDITED_FIELDS), "version")
#: The function municipal staff lock a row with (they may not ``SELECT … FOR UPDATE``).
LOCK_FUNCTION = "staff_lock(text,integer)"
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


role_name = permissions.group_role


def _execute(statement: sql.Composable | str) -> None:
    text = statement.as_string(database.connection()) if isinstance(statement, sql.Composable) else statement
    database.execute_sql(text.replace("%", "%%"))  # no parameters: a literal % (plpgsql's %ROWTYPE) doubled


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
    # Screening: the notes, and the courses and people they are about (read only; no money, no register).
    yield _grant("SELECT, INSERT, UPDATE", ("screening",), screening)
    yield _grant("SELECT", (*COURSE_TABLES, "assignment"), screening)
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


def _lock_function(roles: dict[StaffRole, str]) -> Iterator[sql.Composable]:
    """``staff_lock``: municipal staff lock one of their enrolments or people without UPDATE rights.

    ``SELECT … FOR UPDATE`` needs the UPDATE privilege, which would let the role change the rows;
    a refund or an assignment only has to make a second one wait. The function locks the row for
    the caller's transaction when it is one the caller's municipalities may see; false otherwise.
    """
    yield sql.SQL(
        """CREATE OR REPLACE FUNCTION staff_lock(tbl text, row_id integer) RETURNS boolean AS $$
        BEGIN
            IF tbl = 'enrolment' THEN
                PERFORM 1 FROM enrolment WHERE id = row_id AND course_id IN (SELECT staff_courses())
                    FOR UPDATE;
            ELSIF tbl = 'person' THEN
                PERFORM 1 FROM person WHERE id = row_id AND (
                    id IN (SELECT person_id FROM enrolment WHERE course_id IN (SELECT staff_courses()))
                    OR id IN (SELECT person_id FROM assignment
                              WHERE municipality_id IN (SELECT staff_municipalities()))) FOR UPDATE;
            ELSE
                RAISE EXCEPTION 'staff_lock does not lock %', tbl USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN FOUND;
        END $$ LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"""
    )
    yield sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(sql.SQL(LOCK_FUNCTION))
    yield sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
        sql.SQL(LOCK_FUNCTION), _ident(roles[StaffRole.MUNICIPAL])
    )


#: The SQL functions an administrator changes staff with; only their owner and administrators run them.
STAFF_FUNCTIONS = (
    "staff_add(text,text,text,integer[])",
    permissions.SET_ROLE_FUNCTION,
    "staff_disable(text)",
)


def _staff_functions(roles: dict[StaffRole, str]) -> Iterator[sql.Composable]:
    """The SECURITY DEFINER functions behind ``add_user``, ``set_roles`` and ``disable_user``."""
    groups = sql.SQL("ARRAY[{}]::text[]").format(sql.SQL(", ").join(sql.Literal(n) for n in roles.values()))
    group_of = sql.SQL("(CASE role {} END)").format(
        sql.SQL(" ").join(
            sql.SQL("WHEN {} THEN {}").format(sql.Literal(r.value), sql.Literal(n)) for r, n in roles.items()
        )
    )
    definer = sql.SQL(
        "LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
    )
    # The caller must be an administrator (or the owner); the target must be new or CourseKeeper
    # staff, and never a superuser, the owner, a group role or the caller. True: the target exists.
    yield sql.SQL(
        """CREATE OR REPLACE FUNCTION staff_guard(target text) RETURNS boolean AS $$
        DECLARE
            target_role pg_roles%ROWTYPE;
            owner text := (SELECT pg_get_userbyid(datdba) FROM pg_database
                           WHERE datname = current_database());
        BEGIN
            IF NOT (pg_has_role(session_user, {admin}, 'MEMBER') OR session_user = owner) THEN
                RAISE EXCEPTION 'only an administrator changes staff'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF target !~ {pattern} THEN
                RAISE EXCEPTION 'invalid user name %', target USING ERRCODE = 'invalid_parameter_value';
            END IF;
            SELECT * INTO target_role FROM pg_roles WHERE rolname = target;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            IF target = session_user OR target = owner OR target = ANY({groups}) OR target_role.rolsuper
               OR target_role.rolcreaterole OR target_role.rolbypassrls OR target_role.rolreplication
               OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                              WHERE m.member = target_role.oid AND g.rolname = ANY({groups})) THEN
                RAISE EXCEPTION '% is not staff that may be changed here', target
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            RETURN true;
        END $$ {definer}"""
    ).format(
        admin=sql.Literal(roles[StaffRole.ADMIN]),
        pattern=sql.Literal(_USER_NAME.pattern),
        groups=groups,
        definer=definer,
    )
    places = sql.SQL(
        "INSERT INTO staff_municipality (user_name, municipality_id) "
        "SELECT target, p FROM unnest(places) AS p ON CONFLICT DO NOTHING;"
    )
    yield sql.SQL(
        """CREATE OR REPLACE FUNCTION staff_add(target text, password text, role text, places integer[])
        RETURNS boolean AS $$
        DECLARE
            known boolean := staff_guard(target);
        BEGIN
            IF {group_of} IS NULL THEN
                RAISE EXCEPTION 'unknown role %', role USING ERRCODE = 'invalid_parameter_value';
            ELSIF NOT known AND coalesce(password, '') = '' THEN
                RAISE EXCEPTION 'a new user needs a password' USING ERRCODE = 'invalid_parameter_value';
            ELSIF NOT known THEN
                EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', target, password);
            ELSIF coalesce(password, '') <> '' THEN
                EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', target, password);
            ELSE
                EXECUTE format('ALTER ROLE %I LOGIN', target);
            END IF;
            EXECUTE format('GRANT %I TO %I', {group_of}, target);
            {places}
            RETURN NOT known;
        END $$ {definer}"""
    ).format(group_of=group_of, places=places, definer=definer)
    yield sql.SQL(
        """CREATE OR REPLACE FUNCTION staff_set_role(target text, wanted text[], places integer[])
        RETURNS void AS $$
        DECLARE
            role text;
            grp text;
        BEGIN
            IF NOT staff_guard(target) THEN
                RAISE EXCEPTION 'no user %', target USING ERRCODE = 'undefined_object';
            END IF;
            IF cardinality(wanted) = 0 THEN
                RAISE EXCEPTION 'give at least one role' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            FOREACH role IN ARRAY wanted LOOP
                IF {group_of} IS NULL THEN
                    RAISE EXCEPTION 'unknown role %', role USING ERRCODE = 'invalid_parameter_value';
                END IF;
            END LOOP;
            FOREACH grp IN ARRAY {groups} LOOP
                IF pg_has_role(target, grp, 'MEMBER') THEN
                    EXECUTE format('REVOKE %I FROM %I', grp, target);
                END IF;
            END LOOP;
            FOREACH role IN ARRAY wanted LOOP
                EXECUTE format('GRANT %I TO %I', {group_of}, target);
            END LOOP;
            EXECUTE format('ALTER ROLE %I LOGIN', target);
            DELETE FROM staff_municipality WHERE user_name = target;
            {places}
        END $$ {definer}"""
    ).format(group_of=group_of, groups=groups, places=places, definer=definer)
    yield sql.SQL(
        """CREATE OR REPLACE FUNCTION staff_disable(target text) RETURNS void AS $$
        BEGIN
            IF NOT staff_guard(target) THEN
                RAISE EXCEPTION 'no user %', target USING ERRCODE = 'undefined_object';
            END IF;
            EXECUTE format('ALTER ROLE %I NOLOGIN', target);
        END $$ {definer}"""
    ).format(definer=definer)
    yield sql.SQL("REVOKE ALL ON FUNCTION staff_guard(text) FROM PUBLIC")
    for signature in STAFF_FUNCTIONS:
        yield sql.SQL("REVOKE ALL ON FUNCTION {} FROM PUBLIC").format(sql.SQL(signature))
        yield sql.SQL("GRANT EXECUTE ON FUNCTION {} TO {}").format(
            sql.SQL(signature), _ident(roles[StaffRole.ADMIN])
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
        for statement in (
            *_grants(roles),
            *_policies(roles),
            *_lock_function(roles),
            *_staff_functions(roles),
        ):
            _execute(statement)
    return list(roles.values())


@dataclass(frozen=True)
class StaffMember:
    """One staff member on the server: user name, roles, municipalities, whether they may log in."""

    name: str
    roles: tuple[StaffRole, ...]
    municipalities: tuple[str, ...]
    active: bool


def staff_members() -> list[StaffMember]:
    """Every login that holds a CourseKeeper role on this database, by name (disabled ones too)."""
    _require_postgres()
    groups = {role_name(r): r for r in StaffRole}
    rows = database.execute_sql(
        "SELECT r.rolname, r.rolcanlogin, array_agg(g.rolname ORDER BY g.rolname) FROM pg_roles r "
        "JOIN pg_auth_members m ON m.member = r.oid JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE g.rolname = ANY(%s) GROUP BY r.rolname, r.rolcanlogin ORDER BY r.rolname",
        (list(groups),),
    ).fetchall()
    places: dict[str, list[str]] = {}
    for user, place in (
        StaffMunicipality.select(StaffMunicipality.user_name, Municipality.name)
        .join(Municipality)
        .order_by(Municipality.name)
        .tuples()
    ):
        places.setdefault(user, []).append(place)
    order = list(StaffRole)
    return [
        StaffMember(
            name,
            tuple(sorted((groups[g] for g in held), key=order.index)),
            tuple(places.get(name, ())),
            bool(active),
        )
        for name, active, held in rows
    ]


def _call(function: str, *args: object) -> object:
    """Run one of the staff functions; the server's refusal becomes one Norwegian sentence."""
    try:
        return database.execute_sql(f"SELECT {function}", args).fetchone()[0]
    except pw.DatabaseError as exc:
        refusal = as_refusal(exc)
        if refusal is exc:
            raise
        raise refusal from exc


class UnknownMunicipalityError(ValidationError):
    """A municipality typed for a staff member that is not in the official list."""


def user_name_problem(name: str) -> str:
    """Why ``name`` cannot be a user name on the server (one Norwegian sentence), or empty text."""
    if _USER_NAME.match(name):
        return ""
    return tr(
        "Ugyldig brukernavn «{name}»: bruk små bokstaver, sifre, punktum, bindestrek eller "
        "understrek, høyst 63 tegn.",
        name=name,
    )


def _checked_name(name: str) -> str:
    problem = user_name_problem(name)
    if problem:
        raise ValidationError(problem)
    if not _functions_exist():
        raise RuleError(tr("Rollene finnes ikke ennå: kjør «coursekeeper server-setup» først."))
    return name


def _functions_exist() -> bool:
    return database.execute_sql("SELECT to_regprocedure(%s) IS NOT NULL", (STAFF_FUNCTIONS[1],)).fetchone()[0]


def _existing_member(name: str) -> StaffMember:
    found = next((m for m in staff_members() if m.name == name), None)
    if found is None:
        raise ValidationError(tr("«{name}» er ikke en ansatt i CourseKeeper på denne serveren.", name=name))
    if name == permissions.current().user:
        raise RuleError(tr("Du kan ikke endre eller deaktivere din egen bruker; be en annen administrator."))
    return found


def _places(roles: Sequence[StaffRole], municipalities: Sequence[str]) -> list[Municipality]:
    if StaffRole.MUNICIPAL in roles and not municipalities:
        raise ValidationError(tr("Kommuneansatte må ha minst én kommune: bruk --municipality."))
    return [_municipality(m) for m in municipalities]


def _audit(action: str, name: str, **facts: object) -> None:
    audit.record(action, "staff", None, after={"user": name, **facts})


def add_user(name: str, role: StaffRole, password: str | None, municipalities: Sequence[str] = ()) -> str:
    """Create a login for ``name`` (or give an existing one another role); returns what was done."""
    _require_postgres()
    _checked_name(name)
    places = _places([role], municipalities)
    known = user_exists(name)
    if known:
        _existing_member(name)
    elif not password:
        raise ValidationError(tr("En ny bruker trenger et passord."))
    with database.atomic():
        _call("staff_add(%s, %s, %s, %s)", name, password or "", role.value, [p.id for p in places])
        _audit("staff_add", name, role=role.value, municipalities=[p.name for p in places])
    where = f" ({', '.join(p.name for p in places)})" if places else ""
    if known:
        return tr("{name} har fått rollen {role}{where}.", name=name, role=role.label.lower(), where=where)
    return tr(
        "{name} er opprettet med rollen {role}{where}.", name=name, role=role.label.lower(), where=where
    )


def add_staff(*, name: str, roles: Sequence[StaffRole], municipalities: Sequence[str], password: str) -> str:
    """A new staff member with these roles (Innstillinger → Ansatte); a name in use is refused."""
    _require_postgres()
    if user_exists(name):
        raise ValidationError(
            tr("Brukernavnet «{name}» finnes allerede; velg et annet, eller bruk «Endre rolle».", name=name)
        )
    if not roles:
        raise ValidationError(tr("Velg minst én rolle for {name}.", name=name))
    with database.atomic():
        done = add_user(name, roles[0], password, municipalities)
        return set_roles(name, roles, municipalities) if len(roles) > 1 else done


def set_roles(name: str, roles: Sequence[StaffRole], municipalities: Sequence[str] = ()) -> str:
    """Give ``name`` exactly these roles (and municipalities), and let a disabled one log in again."""
    _require_postgres()
    _checked_name(name)
    if not roles:
        raise ValidationError(tr("Velg minst én rolle for {name}.", name=name))
    places = _places(roles, municipalities)
    was_disabled = not _existing_member(name).active
    with database.atomic():
        _call("staff_set_role(%s, %s, %s)", name, [r.value for r in roles], [p.id for p in places])
        _audit("staff_role", name, roles=[r.value for r in roles], municipalities=[p.name for p in places])
    where = f" ({', '.join(p.name for p in places)})" if places else ""
    done = tr_n(
        "{name} har nå rollen {roles}{where}.",
        "{name} har nå rollene {roles}{where}.",
        len(roles),
        name=name,
        roles=", ".join(StaffRole(r).label.lower() for r in roles),
        where=where,
    )
    return done + " " + tr("{name} kan logge inn igjen.", name=name) if was_disabled else done


def disable_user(name: str) -> str:
    """Stop ``name`` from logging in (their roles and history stay); returns what was done."""
    _require_postgres()
    _checked_name(name)
    _existing_member(name)
    with database.atomic():
        _call("staff_disable(%s)", name)
        _audit("staff_disable", name)
    return tr("{name} kan ikke lenger logge inn.", name=name)


def user_exists(name: str) -> bool:
    """True when the server already has a role (user) with this name."""
    _require_postgres()
    return database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is not None


def _municipality(text: str) -> Municipality:
    found = Municipality.get_or_none(
        (Municipality.number == text.strip()) | (fn.lower(Municipality.name) == text.strip().lower())
    )
    if found is None:
        raise UnknownMunicipalityError(tr("Fant ingen kommune med navn eller nummer «{text}».", text=text))
    return found
