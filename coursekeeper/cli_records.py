"""Command-line twins of the register's own duties: key-figure reports (DESIGN §9), access requests,
erasure and retention (§6), and password-protected backups. ``cli`` adds these to its parser."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr

CommandFactory = Callable[[str, str], argparse.ArgumentParser]


def add_parsers(command: CommandFactory, date_help: str) -> None:
    """``report``, ``person export|erase`` and ``retention``, with their options."""
    p = command("report", tr("nøkkeltall som Excel-arbeidsbok eller PDF-rapport"))
    p.add_argument("--out", required=True, metavar=tr("FIL"), help=tr("FIL.xlsx eller FIL.pdf"))
    p.add_argument(
        "--year", type=int, default=None, metavar=tr("ÅR"), help=tr("bare kurs som startet dette året")
    )
    p.add_argument("--as-of", default=None, metavar=tr("DATO"), help=date_help)

    p = command("person", tr("innsyn og sletting for én person"))
    actions = p.add_subparsers(dest="person_command", metavar=tr("HANDLING"), required=True)
    export = actions.add_parser("export", help=tr("alt som er lagret om personen (PDF og JSON)"))
    export.add_argument("id", type=int, metavar="ID")
    export.add_argument(
        "--out", required=True, metavar=tr("FIL"), help=tr("FIL.pdf; JSON-filen legges ved siden av")
    )
    erase = actions.add_parser("erase", help=tr("slett personopplysningene (beløp og nummer blir stående)"))
    erase.add_argument("id", type=int, metavar="ID")
    erase.add_argument("--yes", action="store_true", help=tr("ikke spør før sletting"))
    erase.add_argument(
        "--despite-money",
        action="store_true",
        help=tr("slett selv om egenandel fortsatt holdes for personen"),
    )

    p = command("retention", tr("hva slettereglene ville slettet (--apply sletter det)"))
    p.add_argument("--apply", action="store_true", help=tr("slett det som står på listen"))
    p.add_argument("--as-of", default=None, metavar=tr("DATO"), help=date_help)


def _as_of(text: str | None):
    from coursekeeper.domain.dates import parse_iso_date

    return parse_iso_date(text, field="--as-of") if text else None


def cmd_report(args: argparse.Namespace) -> int:
    """Write the key-figures workbook or PDF."""
    from coursekeeper.cli import EXIT_OK, _open, _say
    from coursekeeper.services.key_figure_reports import write_report

    _open(args)
    result = write_report(out=Path(args.out), as_of=_as_of(args.as_of), year=args.year)
    _say(result.message)
    return EXIT_OK


def cmd_person(args: argparse.Namespace) -> int:
    """``person export ID --out FILE`` or ``person erase ID``."""
    from coursekeeper.cli import EXIT_INPUT, EXIT_OK, _open, _say
    from coursekeeper.services import erasure, person_data

    _open(args)
    if args.person_command == "export":
        _say(person_data.write_access_export(args.id, out=Path(args.out)).message)
        return EXIT_OK
    preview = erasure.erasure_preview(args.id)
    _say(preview.message)
    if not args.yes and not _confirmed(tr("Skriv JA for å slette {name}: ", name=preview.name)):
        _say(tr("Ingenting er slettet."))
        return EXIT_INPUT
    _say(erasure.erase_person(args.id, despite_money=args.despite_money).message)
    return EXIT_OK


def cmd_retention(args: argparse.Namespace) -> int:
    """Print what the retention rules would delete; ``--apply`` deletes it."""
    from coursekeeper.cli import EXIT_OK, _open, _say
    from coursekeeper.services import retention

    _open(args)
    plan = retention.plan(_as_of(args.as_of))
    _say(plan.summary())
    for line in plan.lines():
        _say(f"  • {line}")
    if args.apply and not plan.empty:
        _say(retention.apply(plan.as_of).message)
    return EXIT_OK


def _confirmed(prompt: str) -> bool:
    answer = input(prompt) if sys.stdin.isatty() else sys.stdin.readline()
    return answer.strip().upper() in ("JA", "YES")


def read_password(prompt: str, *, twice: bool = False) -> str:
    """A password from the terminal (hidden), or one line of standard input when scripted."""
    if sys.stdin.isatty():
        password = getpass.getpass(prompt)
        if twice and getpass.getpass(tr("Gjenta passordet: ")) != password:
            raise ValidationError(tr("Passordene er ikke like."))
    else:
        password = sys.stdin.readline().rstrip("\n")
    if not password:
        raise ValidationError(tr("Ingen passord oppgitt."))
    return password


COMMANDS = {"report": cmd_report, "person": cmd_person, "retention": cmd_retention}
