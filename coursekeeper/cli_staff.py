"""The command line's staff commands for a shared PostgreSQL server: ``server-setup``, ``user-add``."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from coursekeeper import settings
from coursekeeper.domain.staff import StaffRole
from coursekeeper.errors import ValidationError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add ``server-setup`` and ``user-add`` to the command line."""
    sub.add_parser(
        "server-setup", help="opprett roller, rettigheter og radtilgang på en felles PostgreSQL-database"
    )
    p = sub.add_parser("user-add", help="legg til en ansatt med en rolle (felles PostgreSQL-database)")
    p.add_argument("name", metavar="NAME", help="brukernavnet den ansatte logger inn med")
    p.add_argument("--role", required=True, choices=[r.value for r in StaffRole], metavar="ROLE")
    p.add_argument(
        "--municipality", action="append", default=[], metavar="M", help="kommunens navn eller nummer"
    )


def _open(args: argparse.Namespace) -> None:
    from coursekeeper.services.database import prepare

    prepare(settings.resolve_database_url(args.db))


def _password(name: str) -> str:
    """Asked twice at a terminal; one line from standard input in a script."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"Passord for {name}: ")
    if first != getpass.getpass("Gjenta passordet: "):
        raise ValidationError("Passordene er ikke like. Ingen bruker er endret.")
    return first


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Create or update the roles, grants and row-level security policies."""
    from coursekeeper.services.staff_accounts import server_setup

    _open(args)
    roles = server_setup()
    print(f"Rollene er på plass: {', '.join(roles)}.")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a staff member, or give an existing one another role."""
    from coursekeeper.services.staff_accounts import add_user, user_exists

    _open(args)
    password = None if user_exists(args.name) else _password(args.name)
    print(add_user(args.name, StaffRole(args.role), password, args.municipality))
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "server-setup": cmd_server_setup,
    "user-add": cmd_user_add,
}
