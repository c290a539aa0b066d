"""The command line (DESIGN §7). With no command it opens the desktop program.

Exit codes: 0 done, 1 refused because of the input (nothing written), 2 the file or database
could not be read. Options such as ``--db`` and ``--json`` go before or after the command; help
and argument errors are Norwegian (argparse's own texts go through the catalogue); output piped
into ``head`` ends quietly; every printed line has its control characters escaped, so a file name
with a newline cannot split a message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import coursekeeper
from coursekeeper import cli_records, cli_staff, settings
from coursekeeper.errors import CourseKeeperError, DatabaseUnavailableError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services.busy import retrying

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_INPUT, EXIT_UNREADABLE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a program ended by SIGPIPE
JSON_COMMANDS = ("courses", "refunds", "import", "followup")
PRINT_KINDS = ("certificates", "refund-letters", "attendance")
EXPORT_KINDS = ("participants", "attendance", "deposits", "certificates", "followup", "refunds")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: object) -> str:
    """``text`` with control characters (newlines included) written as escapes, e.g. ``\\n``."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], str(text))


def _say(text: str, *, err: bool = False) -> None:
    print(one_line(text), file=sys.stderr if err else sys.stdout)


def _argparse_text(english: str) -> str:
    """argparse's own text in the chosen language (Norwegian unless told otherwise)."""
    texts = {
        "usage: ": tr("bruk: "),
        "options": tr("valg"),
        "positional arguments": tr("argumenter"),
        "show this help message and exit": tr("vis denne hjelpen og avslutt"),
        "argument %(argument_name)s: %(message)s": tr("%(argument_name)s: %(message)s"),
        "unrecognized arguments: %s": tr("ukjente argumenter: %s"),
        "the following arguments are required: %s": tr("disse må oppgis: %s"),
        "expected one argument": tr("mangler en verdi"),
        "expected at most one argument": tr("tar høyst én verdi"),
        "expected at least one argument": tr("mangler minst én verdi"),
        "ambiguous option: %(option)s could match %(matches)s": tr(
            "tvetydig valg: %(option)s kan bety %(matches)s"
        ),
        "invalid %(type)s value: %(value)r": tr("ugyldig verdi: %(value)r"),
        "invalid choice: %(value)r (choose from %(choices)s)": tr(
            "ugyldig valg: %(value)r (velg blant %(choices)s)"
        ),
        "not allowed with argument %s": tr("kan ikke brukes sammen med %s"),
        "ignored explicit argument %r": tr("tar ikke imot verdien %r"),
        "one of the arguments %s is required": tr("ett av disse må oppgis: %s"),
        "unexpected option string: %s": tr("uventet valg: %s"),
    }
    return texts.get(english, english)


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return tr_n("mangler %s verdi", "mangler %s verdier", n)
    return singular if n == 1 else plural


@contextmanager
def _argparse_in_our_language() -> Iterator[None]:
    """argparse looks its texts up through module-level ``_``/``ngettext`` while it works."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _argparse_text, _argparse_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse in Norwegian that reports usage errors on one line with exit code 1."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        with _argparse_in_our_language():
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def parse_known_args(self, *args: object, **kwargs: object):  # type: ignore[override]
        """argparse's parsing, with its messages in our language."""
        with _argparse_in_our_language():
            return super().parse_known_args(*args, **kwargs)  # type: ignore[arg-type]

    def parse_args(self, *args: object, **kwargs: object):  # type: ignore[override]
        """argparse's parsing, with its messages (leftover arguments too) in our language."""
        with _argparse_in_our_language():
            return super().parse_args(*args, **kwargs)  # type: ignore[arg-type]

    def format_usage(self) -> str:
        """The usage line in our language."""
        with _argparse_in_our_language():
            return super().format_usage()

    def format_help(self) -> str:
        """The help text in our language."""
        with _argparse_in_our_language():
            return super().format_help()

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print the usage and one line saying what is wrong, then exit 1 (refused input)."""
        self.print_usage(sys.stderr)
        _say(tr("Feil i kommandoen: {melding}", melding=message), err=True)
        raise SystemExit(EXIT_INPUT)


class _VersionAction(argparse.Action):
    """``--version`` that looks the version up only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"CourseKeeper {coursekeeper.__version__}")
        parser.exit()


def _int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("«{tekst}» er ikke et heltall", tekst=text)) from None
    return value


def _shared_options(*, json_output: bool) -> argparse.ArgumentParser:
    """``--db`` (and ``--json``) for after the command; SUPPRESS keeps a value given before it."""
    options = _Parser(add_help=False)
    options.add_argument("--db", default=argparse.SUPPRESS, metavar="DB", help=_db_help())
    if json_output:
        options.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=_json_help())
    return options


def _db_help() -> str:
    return tr("databasefil eller adresse (ellers COURSEKEEPER_DB / standard)")


def _json_help() -> str:
    return tr("skriv ut resultatet som JSON")


def _one_of(kinds: Sequence[str]) -> str:
    return tr("en av: {valg}", valg=", ".join(kinds))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = _Parser(prog="coursekeeper", description=tr("CourseKeeper – kurs, egenandeler og kursbevis."))
    parser.add_argument("--db", metavar="DB", help=_db_help())
    parser.add_argument("--json", action="store_true", help=_json_help())
    parser.add_argument("--version", action=_VersionAction, help=tr("vis versjonen og avslutt"))
    sub = parser.add_subparsers(dest="command", metavar=tr("KOMMANDO"), parser_class=_Parser)
    plain, with_json = _shared_options(json_output=False), _shared_options(json_output=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_text, parents=[with_json if name in JSON_COMMANDS else plain])

    course_help = tr("kurs-id (se «coursekeeper courses»)")
    dry_run_help = tr("vis hva som ville skjedd, uten å lagre")
    date_help = tr("ÅÅÅÅ-MM-DD (standard: i dag)")

    command("demo", tr("fyll databasen med realistiske demodata (trygt å kjøre to ganger)"))
    command("courses", tr("list kurs med antall per status"))

    p = command("course-add", tr("opprett et kurs og skriv ut id-en"))
    p.add_argument("--title", required=True, metavar=tr("TITTEL"), help=tr("kursets tittel"))
    p.add_argument("--start", required=True, metavar=tr("DATO"), help=tr("første kursdag, ÅÅÅÅ-MM-DD"))
    p.add_argument("--end", required=True, metavar=tr("DATO"), help=tr("siste kursdag, ÅÅÅÅ-MM-DD"))
    p.add_argument("--capacity", type=_int, default=30, metavar="N", help=tr("antall plasser (standard 30)"))
    p.add_argument("--deposit", default="1000", metavar="KR", help=tr("egenandel i kroner (standard 1000)"))
    p.add_argument("--hours", default=None, metavar=tr("TIMER"), help=tr("påkrevde timer for fullført kurs"))
    p.add_argument("--municipality", default=None, metavar=tr("KOMMUNE"), help=tr("kommunen kurset holdes i"))

    p = command("refunds", tr("egenandeler som skal tilbakebetales"))
    p.add_argument("--as-of", default=None, metavar=tr("DATO"), help=date_help)

    p = command("verify", tr("kontroller en kursbeviskode (gyldig, tilbakekalt eller ukjent)"))
    p.add_argument("code", metavar=tr("KODE"))

    p = command("backup", tr("ta sikkerhetskopi"))
    p.add_argument("--out", required=True, metavar=tr("FIL"), help=tr("filen kopien skal skrives til"))
    p.add_argument(
        "--password", action="store_true", help=tr("krypter kopien med et passord (du blir spurt om det)")
    )
    p = command("restore", tr("gjenopprett fra sikkerhetskopi"))
    p.add_argument("file", metavar=tr("FIL"))
    command("check", tr("kontroller databasen"))

    p = command("print", tr("skriv ut kursbevis, tilbakebetalingsbrev eller oppmøtelister (PDF)"))
    p.add_argument("kind", choices=PRINT_KINDS, metavar=tr("TYPE"), help=_one_of(PRINT_KINDS))
    p.add_argument("--course", required=True, type=_int, metavar="ID", help=course_help)
    p.add_argument("--out", required=True, metavar=tr("FIL"), help=tr("PDF-filen som skal skrives"))
    p.add_argument(
        "--as-of",
        default=None,
        metavar=tr("DATO"),
        help=tr("for refund-letters: ÅÅÅÅ-MM-DD (standard: i dag)"),
    )

    p = command("import", tr("les inn en deltakerliste (xlsx, xlsm, xls, ods)"))
    p.add_argument("file", metavar=tr("FIL"))
    p.add_argument("--course", required=True, type=_int, metavar="ID", help=course_help)
    p.add_argument(
        "--sheet", default=None, metavar=tr("ARK"), help=tr("arket som skal leses når filen har flere")
    )
    p.add_argument("--dry-run", action="store_true", help=dry_run_help)
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help=tr("les inn de gyldige radene, lagre resten i en feilfil"),
    )

    p = command("export", tr("eksporter en kursliste til Excel"))
    p.add_argument("kind", choices=EXPORT_KINDS, metavar=tr("TYPE"), help=_one_of(EXPORT_KINDS))
    p.add_argument("--course", required=True, type=_int, metavar="ID", help=course_help)
    p.add_argument("--out", required=True, metavar=tr("FIL"), help=tr("xlsx-filen som skal skrives"))

    p = command("followup", tr("les inn en utfylt oppfølgingsliste"))
    p.add_argument("file", metavar=tr("FIL"))
    p.add_argument("--dry-run", action="store_true", help=dry_run_help)
    cli_records.add_parsers(command, date_help)
    cli_staff.add_parsers(command)
    return parser


def _open(args: argparse.Namespace):
    from coursekeeper.db.connection import sqlite_path
    from coursekeeper.services.database import prepare

    url = settings.resolve_database_url(args.db)
    path = sqlite_path(url)
    # Only the default location is created; a chosen one in a missing folder is most likely a typo.
    if path is not None and not path.parent.is_dir() and url != settings.default_database_url():
        raise DatabaseUnavailableError(
            tr(
                "Mappen «{mappe}» finnes ikke. Opprett den først, eller velg en annen plassering "
                "for databasen.",
                mappe=path.parent,
            )
        )
    return prepare(url)


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill the database with the demo data set."""
    from coursekeeper.services import demo

    _open(args)
    summary = demo.build_demo()
    _say(summary.message)
    return EXIT_OK


def cmd_courses(args: argparse.Namespace) -> int:
    """List courses with counts by state."""
    from coursekeeper.domain.dates import format_date
    from coursekeeper.domain.states import EnrolmentState
    from coursekeeper.services.courses import list_courses

    _open(args)
    rows = list_courses()
    if args.json:
        _print_json(
            {
                "courses": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "start": r.start_date.isoformat(),
                        "end": r.end_date.isoformat(),
                        "municipality": r.municipality,
                        "capacity": r.capacity,
                        "status": r.status,
                        "counts": {s.value: r.counts.get(s.value, 0) for s in EnrolmentState},
                    }
                    for r in rows
                ]
            }
        )
        return EXIT_OK
    if not rows:
        _say(tr("Ingen kurs ennå. Opprett ett med «coursekeeper course-add» eller prøv «coursekeeper demo»."))
    for r in rows:
        seats = tr(
            "{tatt} av {plasser} plasser · {venteliste} på venteliste",
            tatt=r.seats_taken,
            plasser=r.capacity,
            venteliste=r.waitlisted,
        )
        _say(
            f"{r.id:>4}  {format_date(r.start_date)}–{format_date(r.end_date)}  {r.title}"
            f"  ({r.municipality or tr('uten kommune')})  {seats}"
        )
    return EXIT_OK


def cmd_course_add(args: argparse.Namespace) -> int:
    """Create a course and print its id."""
    from coursekeeper.domain.dates import parse_iso_date
    from coursekeeper.domain.money import parse_kr
    from coursekeeper.errors import ValidationError
    from coursekeeper.services.courses import CourseInput, create_course

    start = parse_iso_date(args.start, field="startdato")
    end = parse_iso_date(args.end, field="sluttdato")
    deposit = parse_kr(args.deposit)
    if deposit < 0:
        raise ValidationError(tr("Egenandelen kan ikke være negativ."))
    minutes = None
    if args.hours is not None:
        try:
            hours = float(str(args.hours).replace(",", "."))
        except ValueError:
            raise ValidationError(tr("Ugyldig antall timer: «{timer}».", timer=args.hours)) from None
        if hours < 0:
            raise ValidationError(tr("Påkrevde timer kan ikke være negativt."))
        minutes = round(hours * 60)
    _open(args)
    course = create_course(
        CourseInput(
            title=args.title,
            start_date=start,
            end_date=end,
            capacity=args.capacity,
            deposit_ore=deposit,
            required_minutes=minutes,
            municipality=args.municipality,
        )
    )
    print(course.id)
    return EXIT_OK


def cmd_refunds(args: argparse.Namespace) -> int:
    """List deposits refundable on a date."""
    from coursekeeper.domain.dates import format_date, parse_iso_date
    from coursekeeper.domain.money import format_kr
    from coursekeeper.services.refunds import refunds_due

    as_of = parse_iso_date(args.as_of, field="dato") if args.as_of else dt.date.today()
    _open(args)
    due = refunds_due(as_of)
    if args.json:
        _print_json(
            {
                "as_of": as_of.isoformat(),
                "total_ore": sum(d.amount_ore for d in due),
                "refunds": [
                    {
                        "enrolment_id": d.enrolment_id,
                        "person": d.person_name,
                        "course_id": d.course_id,
                        "course": d.course_title,
                        "municipality": d.municipality,
                        "amount_ore": d.amount_ore,
                        "reason": d.reason.value,
                        "assignment_start": d.assignment_start.isoformat() if d.assignment_start else None,
                        "six_months_reached": d.reached_on.isoformat() if d.reached_on else None,
                    }
                    for d in due
                ],
            }
        )
        return EXIT_OK
    _say(
        tr(
            "Til tilbakebetaling per {dato}: {antall} ({sum})",
            dato=format_date(as_of),
            antall=len(due),
            sum=format_kr(sum(d.amount_ore for d in due)),
        )
    )
    for d in due:
        extra = tr(", seks måneder nådd {dato}", dato=format_date(d.reached_on)) if d.reached_on else ""
        _say(f"  {d.person_name} – {d.course_title}: {format_kr(d.amount_ore)} ({d.reason.label}{extra})")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """One line starting with Gyldig / Tilbakekalt / Ukjent; exit 0 only for a valid certificate."""
    from coursekeeper.services.certificates import VerificationStatus, verify

    _open(args)
    result = verify(args.code)
    _say(result.message)
    return EXIT_OK if result.status == VerificationStatus.VALID else EXIT_INPUT


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a consistent copy of the database."""
    from coursekeeper.services.backup import backup

    _open(args)
    password = cli_records.read_password(tr("Passord for kopien: "), twice=True) if args.password else None
    out = backup(Path(args.out), password=password)
    _say(tr("Sikkerhetskopi lagret: {fil}", fil=out))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup, keeping a copy of the current one."""
    from coursekeeper.services import backup_crypto
    from coursekeeper.services.backup import restore

    db = _open(args)
    password = None
    if backup_crypto.is_encrypted(Path(args.file)):
        password = cli_records.read_password(tr("Passordet til sikkerhetskopien: "))
    keep = restore(Path(args.file), password=password)
    db.close()
    _open(args)  # a backup from an older version is brought up to date
    _say(
        tr(
            "Gjenopprettet fra {fil}. Den forrige databasen er tatt vare på i {kopi}.",
            fil=args.file,
            kopi=keep,
        )
    )
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity and invariant check; exit 1 when problems are found."""
    from coursekeeper.services.integrity import check

    _open(args)
    report = check()
    for item in report.checked:
        _say(tr("Kontrollert: {hva}", hva=item))
    if report.partial:  # a role that sees only part of the chains: said, and never "all is well"
        _say(report.partial, err=True)
        if report.ok:
            return EXIT_UNREADABLE
    if report.ok:
        _say(tr("Alt i orden."))
        return EXIT_OK
    _say(tr_n("Fant {n} problem:", "Fant {n} problemer:", len(report.problems)))
    for problem in report.problems:
        _say(f"  • {problem}")
    return EXIT_INPUT


def _warn(text: str) -> None:
    _say(tr("Advarsel: {melding}", melding=text), err=True)


def cmd_print(args: argparse.Namespace) -> int:
    """Write a course's certificates, refund letters or sign-in sheets as one PDF."""
    from coursekeeper.domain.dates import parse_iso_date
    from coursekeeper.services import courses, printouts

    as_of = parse_iso_date(args.as_of, field="dato") if args.as_of else None
    _open(args)
    courses.get_course(args.course)  # an unknown course is refused before any warning
    warned = printouts.printing_warnings(args.kind)
    for warning in warned:
        _warn(warning)
    result = printouts.print_kind(args.kind, course_id=args.course, out=Path(args.out), as_of=as_of)
    for warning in result.warnings:
        if warning not in warned:
            _warn(warning)
    for note in result.skipped:
        _say(tr("Hoppet over: {melding}", melding=note), err=True)
    _say(result.message)
    return EXIT_OK


def _issue_lines(issues: list, prefix: str) -> None:
    for issue in issues:
        _say(f"{prefix}{issue.describe()}", err=True)


def cmd_import(args: argparse.Namespace) -> int:
    """Read a participant list into a course (all or nothing unless --skip-invalid)."""
    from coursekeeper.errors import ValidationError
    from coursekeeper.excel.errors import SheetChoiceNeeded
    from coursekeeper.services import courses, imports

    _open(args)
    courses.get_course(args.course)  # an unknown course is refused before the file is read
    source = Path(args.file)
    try:
        preview = imports.preview_import(source, course_id=args.course, sheet=args.sheet)
    except SheetChoiceNeeded as exc:
        raise ValidationError(exc.message + " " + tr("Oppgi arket med --sheet NAVN.")) from None
    refused = bool(preview.errors) and not args.skip_invalid
    if args.dry_run or refused:
        if args.json:
            _print_json(preview.summary() | {"dry_run": args.dry_run, "written": False})
        else:
            counts = {
                "nye": preview.count(imports.RowStatus.NEW),
                "oppdateres": preview.count(imports.RowStatus.UPDATE),
                "uendret": preview.count(imports.RowStatus.UNCHANGED),
                "feil": preview.count(imports.RowStatus.ERROR),
            }
            summary = tr("{nye} nye, {oppdateres} oppdateres, {uendret} uendret, {feil} med feil.", **counts)
            if args.dry_run:
                _say(tr("Prøvekjøring: {oversikt}", oversikt=summary))
            else:
                _say(tr("Ingenting er lest inn: {oversikt}", oversikt=summary))
            _issue_lines(preview.errors, tr("Feil: "))
            _issue_lines(preview.warnings, tr("Advarsel: "))
            if refused:
                _say(
                    tr(
                        "Rett feilene og prøv igjen, eller bruk --skip-invalid for å lese inn bare de "
                        "gyldige radene."
                    ),
                    err=True,
                )
        if preview.blocking:
            _say(tr("Feil: {melding}", melding=preview.blocking), err=True)
            return EXIT_INPUT
        return EXIT_INPUT if refused else EXIT_OK
    result = imports.commit_import(
        preview, skip_invalid=args.skip_invalid, error_workbook=imports.error_workbook_path(source)
    )
    if args.json:
        _print_json(result.to_dict())
    else:
        _say(result.message)
        _issue_lines(result.errors, tr("Ikke lest inn: "))
        _issue_lines(result.warnings, tr("Advarsel: "))
    if result.error_workbook is not None:
        _say(tr("Radene med feil er lagret i «{fil}».", fil=result.error_workbook), err=True)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write a course workbook (participants, attendance, deposits, certificates, followup, refunds)."""
    from coursekeeper.services import exports

    _open(args)
    try:
        result = exports.export_kind(args.kind, course_id=args.course, out=Path(args.out))
    except OSError as exc:
        _say(
            tr("Feil: Kunne ikke skrive «{fil}»: {grunn}", fil=args.out, grunn=exc.strerror or exc),
            err=True,
        )
        return EXIT_INPUT
    _say(result.message)
    return EXIT_OK


def cmd_followup(args: argparse.Namespace) -> int:
    """Read back a filled-in follow-up sheet: create or update assignments, report the rest."""
    from coursekeeper.services.followup import apply_followup

    _open(args)
    result = apply_followup(Path(args.file), dry_run=args.dry_run)
    if args.json:
        _print_json(result.to_dict())
        return EXIT_OK
    _say(result.message)
    for note in result.refused:
        _say(tr("Avvist: {melding}", melding=note.message), err=True)
    for note in result.conflicts:
        _say(tr("Konflikt: {melding}", melding=note.message), err=True)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "courses": cmd_courses,
    "course-add": cmd_course_add,
    "refunds": cmd_refunds,
    "verify": cmd_verify,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "print": cmd_print,
    "import": cmd_import,
    "export": cmd_export,
    "followup": cmd_followup,
    **cli_records.COMMANDS,
    **cli_staff.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (or open the desktop program) and return the exit code.

    Output piped into a reader that stops early (``| head``) ends quietly with 141, as a
    program ended by SIGPIPE would.
    """
    try:
        try:
            return _run(argv)
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from coursekeeper.app import run_desktop

        return run_desktop(args.db)
    if args.json and args.command not in JSON_COMMANDS:
        parser.error(tr("--json gjelder bare for {kommandoer}.", kommandoer=", ".join(JSON_COMMANDS)))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        from coursekeeper import temp_files

        temp_files.sweep()  # what a crash mid-write left (printing, backup, export, upgrade)
        return retrying(COMMANDS[args.command], args)
    except Exception as raised:
        from coursekeeper.services.server_login import as_refusal

        exc = as_refusal(raised)  # the server's "permission denied" in one sentence
        if not isinstance(exc, CourseKeeperError):
            raise
        _say(tr("Feil: {melding}", melding=exc.message), err=True)
        for detail in exc.details:
            _say(f"  • {detail}", err=True)
        return exc.exit_code
    finally:
        from coursekeeper.db.connection import close_database

        close_database()


def _discard_stdout() -> None:
    """Point stdout at the null device so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (e.g. captured in a test): nothing is flushed at exit
