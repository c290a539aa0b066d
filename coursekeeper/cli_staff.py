"""The command line's staff commands for a shared PostgreSQL server: ``server-setup``, ``user-add``."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from coursekeeper.domain.staff import StaffRole
from coursekeeper.i18n import tr

CommandFactory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: CommandFactory) -> None:
    """Add ``server-setup`` and ``user-add`` to the command line."""
    command("server-setup", tr("opprett roller, rettigheter og radtilgang på en felles PostgreSQL-database"))
    p = command("user-add", tr("legg til en ansatt med en rolle (felles PostgreSQL-database)"))
    p.add_argument("name", metavar=tr("NAVN"), help=tr("brukernavnet den ansatte logger inn med"))
    roles = [r.value for r in StaffRole]
    p.add_argument("--role", required=True, choices=roles, metavar=tr("ROLLE"), help=", ".join(roles))
    p.add_argument(
        "--municipality",
        action="append",
        default=[],
        metavar=tr("KOMMUNE"),
        help=tr("kommunens navn eller nummer (for municipal; kan gis flere ganger)"),
    )


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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "server-setup": cmd_server_setup,
    "user-add": cmd_user_add,
}
