"""What the signed-in staff member may do, as the database server says (DESIGN §8).

On a shared PostgreSQL server the answer comes from the server itself, from the grants and role
memberships ``server-setup`` and the administrators made (``has_table_privilege``,
``has_column_privilege``, ``pg_has_role``), so the program cannot drift from what the database
enforces. On SQLite (one laptop, no login) everything is allowed. ``load`` runs on the worker when
the database is opened; ``current`` is read by the window to hide or disable what is not allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.domain.staff import StaffRole

#: The function an administrator changes roles with (``staff_accounts.server_setup`` creates it).
SET_ROLE_FUNCTION = "staff_set_role(text,text[],integer[])"


@dataclass(frozen=True)
class Permissions:
    """The capabilities of the signed-in user; ``scoped``: municipal staff, only ``municipalities``."""

    user: str = ""
    shared: bool = False
    scoped: bool = False
    can_edit_courses: bool = True
    can_edit_people: bool = True
    can_see_screening: bool = True
    can_screen: bool = True
    can_pay: bool = True
    can_refund: bool = True
    can_assign: bool = True
    can_erase: bool = True
    can_write_settings: bool = True
    can_manage_staff: bool = True
    can_check_all: bool = True
    can_see_money: bool = True  # deposits and the ledger (not the screening role)
    can_see_certificates: bool = True  # the certificate register (not the screening role)
    can_back_up: bool = True  # the program backs up a SQLite file; a shared server's is pg_dump
    locks_rows: bool = True  # may ``SELECT … FOR UPDATE`` enrolments and people (else: ``staff_lock``)
    municipalities: tuple[str, ...] = ()


EVERYTHING = Permissions()
_current = EVERYTHING


def group_role(role: StaffRole) -> str:
    """The server's group role for ``role`` in the bound database, e.g. ``coursekeeper_course_staff``."""
    base = re.sub(r"[^a-z0-9_]", "_", str(database.obj.database).lower())
    return f"{base}_{role.value.replace('-', '_')}"


_ASK = """
SELECT session_user,
       has_table_privilege('course', 'UPDATE'),
       has_table_privilege('person', 'INSERT'),
       has_column_privilege('screening', 'outcome', 'SELECT'),
       has_column_privilege('screening', 'notes', 'SELECT'),
       has_table_privilege('ledger_entry', 'INSERT'),
       has_table_privilege('assignment', 'INSERT'),
       has_column_privilege('person', 'anonymised_at', 'UPDATE'),
       has_table_privilege('organisation', 'UPDATE'),
       COALESCE(has_function_privilege(to_regprocedure(%s), 'EXECUTE'), false),
       has_table_privilege('ledger_entry', 'SELECT') AND has_table_privilege('audit_log', 'SELECT')
       AND has_table_privilege('certificate_event', 'SELECT') AND has_table_privilege('certificate', 'SELECT')
       AND has_table_privilege('app_setting', 'SELECT'),
       has_any_column_privilege('enrolment', 'UPDATE') AND has_any_column_privilege('person', 'UPDATE'),
       has_table_privilege('ledger_entry', 'SELECT'),
       has_table_privilege('certificate', 'SELECT')
"""
_MEMBER = "SELECT rolname FROM pg_roles WHERE rolname = ANY(%s) AND pg_has_role(session_user, oid, 'MEMBER')"
_MINE = (
    "SELECT m.name FROM staff_municipality s JOIN municipality m ON m.id = s.municipality_id "
    "WHERE s.user_name = session_user ORDER BY m.name"
)


def ask_server() -> Permissions:
    """Ask the bound database what this session may do (everything on SQLite)."""
    if is_sqlite(database):
        return EVERYTHING
    row = database.execute_sql(_ASK, (SET_ROLE_FUNCTION,)).fetchone()
    (
        user,
        edit,
        people,
        outcome,
        notes,
        ledger,
        assign,
        erase,
        settings,
        staff,
        chains,
        locks,
        money,
        register,
    ) = row
    groups = {group_role(role): role for role in StaffRole}
    held = {groups[name] for (name,) in database.execute_sql(_MEMBER, (list(groups),)).fetchall()}
    member = {role: role in held for role in StaffRole}
    # Municipal staff are bound to their municipalities unless another role gives them more
    # (the policies for the other roles let them see every row).
    scoped = member[StaffRole.MUNICIPAL] and not any(member[r] for r in StaffRole if r != StaffRole.MUNICIPAL)
    places = tuple(r[0] for r in database.execute_sql(_MINE).fetchall()) if scoped else ()
    return Permissions(
        user=str(user),
        shared=True,
        can_edit_courses=bool(edit),
        can_edit_people=bool(people),
        can_see_screening=bool(outcome),
        can_screen=bool(notes),
        can_pay=bool(ledger) and not scoped,
        can_refund=bool(ledger),
        can_assign=bool(assign),
        can_erase=bool(erase),
        can_write_settings=bool(settings),
        can_manage_staff=bool(staff),
        can_check_all=bool(chains) and not scoped,  # municipal staff see only part of each chain
        can_see_money=bool(money),
        can_see_certificates=bool(register),
        can_back_up=False,
        locks_rows=bool(locks),
        scoped=scoped,
        municipalities=places,
    )


def load() -> Permissions:
    """Ask the server (on the worker, after the database was opened) and keep the answer."""
    global _current
    _current = ask_server()
    return _current


def current() -> Permissions:
    """What the signed-in user may do, as last loaded (everything before a server was asked)."""
    return _current
