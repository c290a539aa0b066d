"""The command line's staff commands for a shared PostgreSQL server.

``server-setup`` (the owner), ``user-add``, ``user-role`` and ``user-disable`` (the owner or an
administrator).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from coursekeeper.domain.staff import StaffRole
from coursekeeper.i18n import tr

CommandFactory = Callable[[str, str], argparse.ArgumentParser]


def _name(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar=tr("NAVN"), help=tr("brukernavnet den ansatte logger inn med"))


def _role(p: argparse.ArgumentParser, *, several: bool) -> None:
    roles = [r.value for r in StaffRole]
    shown = ", ".join(roles) + (tr(" (kan gis flere ganger)") if several else "")
    action = "append" if several else "store"
    p.add_argument("--role", required=True, choices=roles, action=action, metavar=tr("ROLLE"), help=shown)
    p.add_argument(
        "--municipality",
        action="append",
        default=[],
        metavar=tr("KOMMUNE"),
        help=tr("kommunens navn eller nummer (for municipal; kan gis flere ganger)"),
    )


def add_parsers(command: CommandFactory) -> None:
    """Add ``server-setup``, ``user-add``, ``user-role`` and ``user-disable`` to the command line."""
    command("server-setup", tr("opprett roller, rettigheter og radtilgang på en felles PostgreSQL-database"))
    p = command("user-add", tr("legg til en ansatt med en rolle (felles PostgreSQL-database)"))
    _name(p)
    _role(p, several=False)
    p = command("user-role", tr("gi en ansatt nye roller og kommuner i stedet for de gamle (administrator)"))
    _name(p)
    _role(p, several=True)
    p = command("user-disable", tr("steng en ansatt ute: brukeren kan ikke lenger logge inn (administrator)"))
    _name(p)


def cmd_server_setup(args: argparse.Namespace) -> int:
    """Create or update the roles, grants and row-level security policies."""
    from coursekeeper.cli import EXIT_OK, _open, _say
    from coursekeeper.services.staff_accounts import server_setup

    _open(args)
    _say(tr("Rollene er på plass: {roller}.", roller=", ".join(server_setup())))
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    """Add a staff member, or give an existing one another role."""
    from coursekeeper.cli import EXIT_OK, _open, _say
    from coursekeeper.cli_records import read_password
    from coursekeeper.services.staff_accounts import add_user, user_exists

    _open(args)
    prompt = tr("Passord for {navn}: ", navn=args.name)
    password = None if user_exists(args.name) else read_password(prompt, twice=True)
    _say(add_user(args.name, StaffRole(args.role), password, args.municipality))
    return EXIT_OK


def cmd_user_role(args: argparse.Namespace) -> int:
    """Replace a staff member's roles and municipalities."""
    from coursekeeper.cli import EXIT_OK, _open, _say
    from coursekeeper.services.staff_accounts import set_roles

    _open(args)
    _say(set_roles(args.name, [StaffRole(r) for r in args.role], args.municipality))
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Stop a staff member from logging in."""
    from coursekeeper.cli import EXIT_OK, _open, _say
    from coursekeeper.services.staff_accounts import disable_user

    _open(args)
    _say(disable_user(args.name))
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "server-setup": cmd_server_setup,
    "user-add": cmd_user_add,
    "user-role": cmd_user_role,
    "user-disable": cmd_user_disable,
}
