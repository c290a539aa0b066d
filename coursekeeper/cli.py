"""The command line (DESIGN §7). With no command it opens the desktop program.

Exit codes: 0 done, 1 refused because of the input (nothing written), 2 the file or database
could not be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import coursekeeper
from coursekeeper import cli_staff, settings
from coursekeeper.errors import CourseKeeperError

logger = logging.getLogger(__name__)

EXIT_OK, EXIT_INPUT, EXIT_UNREADABLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Norwegian with exit code 1."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Feil i kommandoen: {message}", file=sys.stderr)
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
        raise argparse.ArgumentTypeError(f"«{text}» er ikke et heltall") from None
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    parser = _Parser(prog="coursekeeper", description="CourseKeeper – kurs, egenandeler og kursbevis.")
    parser.add_argument("--db", help="databasefil eller adresse (ellers COURSEKEEPER_DB / standard)")
    parser.add_argument("--version", action=_VersionAction, help="vis versjonen og avslutt")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    sub.add_parser("demo", help="fyll databasen med realistiske demodata (trygt å kjøre to ganger)")

    p = sub.add_parser("courses", help="list kurs")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("course-add", help="opprett et kurs")
    p.add_argument("--title", required=True)
    p.add_argument("--start", required=True, help="ÅÅÅÅ-MM-DD")
    p.add_argument("--end", required=True, help="ÅÅÅÅ-MM-DD")
    p.add_argument("--capacity", type=_int, default=30)
    p.add_argument("--deposit", default="1000", help="egenandel i kroner (standard 1000)")
    p.add_argument("--hours", default=None, help="påkrevde timer for fullført kurs")
    p.add_argument("--municipality", default=None)

    p = sub.add_parser("refunds", help="egenandeler som skal tilbakebetales")
    p.add_argument("--as-of", default=None, help="ÅÅÅÅ-MM-DD (standard: i dag)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("verify", help="kontroller en kursbeviskode")
    p.add_argument("code")

    p = sub.add_parser("backup", help="ta sikkerhetskopi")
    p.add_argument("--out", required=True)
    p = sub.add_parser("restore", help="gjenopprett fra sikkerhetskopi")
    p.add_argument("file")
    sub.add_parser("check", help="kontroller databasen")

    p = sub.add_parser("print", help="skriv ut kursbevis, tilbakebetalingsbrev eller oppmøtelister (PDF)")
    p.add_argument("kind", choices=("certificates", "refund-letters", "attendance"), metavar="KIND")
    p.add_argument("--course", required=True, type=_int, help="kurs-id (se «coursekeeper courses»)")
    p.add_argument("--out", required=True, help="PDF-filen som skal skrives")
    p.add_argument("--as-of", default=None, help="for refund-letters: ÅÅÅÅ-MM-DD (standard: i dag)")

    p = sub.add_parser("import", help="les inn en deltakerliste (xlsx, xlsm, xls, ods)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--course", required=True, type=_int, help="kurs-id (se «coursekeeper courses»)")
    p.add_argument("--sheet", default=None, help="arket som skal leses når filen har flere")
    p.add_argument("--dry-run", action="store_true", help="vis hva som ville skjedd, uten å lagre")
    p.add_argument(
        "--skip-invalid", action="store_true", help="les inn de gyldige radene, lagre resten i en feilfil"
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="eksporter en kursliste til Excel")
    p.add_argument(
        "kind",
        metavar="KIND",
        choices=("participants", "attendance", "deposits", "certificates", "followup", "refunds"),
    )
    p.add_argument("--course", required=True, type=_int, help="kurs-id (se «coursekeeper courses»)")
    p.add_argument("--out", required=True, help="xlsx-filen som skal skrives")

    p = sub.add_parser("followup", help="les inn en utfylt oppfølgingsliste")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="vis hva som ville skjedd, uten å lagre")
    p.add_argument("--json", action="store_true")
    cli_staff.add_parsers(sub)
    return parser


def _open(args: argparse.Namespace):
    from coursekeeper.services.database import prepare

    return prepare(settings.resolve_database_url(args.db))


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill the database with the demo data set."""
    from coursekeeper.services import demo

    _open(args)
    summary = demo.build_demo()
    print(summary.message)
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
        print("Ingen kurs ennå. Opprett ett med «coursekeeper course-add» eller prøv «coursekeeper demo».")
    for r in rows:
        print(
            f"{r.id:>4}  {format_date(r.start_date)}–{format_date(r.end_date)}  {r.title}"
            f"  ({r.municipality or 'uten kommune'})  {r.seats_taken} av {r.capacity} plasser"
            f" · {r.waitlisted} på venteliste"
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
        raise ValidationError("Egenandelen kan ikke være negativ.")
    minutes = None
    if args.hours is not None:
        try:
            hours = float(str(args.hours).replace(",", "."))
        except ValueError:
            raise ValidationError(f"Ugyldig antall timer: «{args.hours}».") from None
        if hours < 0:
            raise ValidationError("Påkrevde timer kan ikke være negativt.")
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
    print(
        f"Til tilbakebetaling per {format_date(as_of)}: {len(due)} "
        f"({format_kr(sum(d.amount_ore for d in due))})"
    )
    for d in due:
        extra = f", seks måneder nådd {format_date(d.reached_on)}" if d.reached_on else ""
        print(f"  {d.person_name} – {d.course_title}: {format_kr(d.amount_ore)} ({d.reason.label}{extra})")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Print valid / revoked / unknown for a code."""
    from coursekeeper.services.certificates import verify

    _open(args)
    result = verify(args.code)
    print(result.status.value)
    print(result.message)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a consistent copy of the database."""
    from coursekeeper.services.backup import backup

    _open(args)
    out = backup(Path(args.out))
    print(f"Sikkerhetskopi lagret: {out}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup, keeping a copy of the current one."""
    from coursekeeper.services.backup import restore

    db = _open(args)
    keep = restore(Path(args.file))
    db.close()
    _open(args)  # a backup from an older version is brought up to date
    print(f"Gjenopprettet fra {args.file}. Den forrige databasen er tatt vare på i {keep}.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity and invariant check; exit 1 when problems are found."""
    from coursekeeper.services.integrity import check

    _open(args)
    report = check()
    for item in report.checked:
        print(f"Kontrollert: {item}")
    if report.ok:
        print("Alt i orden.")
        return EXIT_OK
    print(f"Fant {len(report.problems)} problem(er):")
    for problem in report.problems:
        print(f"  • {problem}")
    return EXIT_INPUT


def cmd_print(args: argparse.Namespace) -> int:
    """Write a course's certificates, refund letters or sign-in sheets as one PDF."""
    from coursekeeper.domain.dates import parse_iso_date
    from coursekeeper.services import courses, printouts

    as_of = parse_iso_date(args.as_of, field="dato") if args.as_of else None
    _open(args)
    courses.get_course(args.course)  # an unknown course is refused before any warning
    warned = printouts.printing_warnings(args.kind)
    for warning in warned:
        print(f"Advarsel: {warning}", file=sys.stderr)
    result = printouts.print_kind(args.kind, course_id=args.course, out=Path(args.out), as_of=as_of)
    for warning in result.warnings:
        if warning not in warned:
            print(f"Advarsel: {warning}", file=sys.stderr)
    for note in result.skipped:
        print(f"Hoppet over: {note}", file=sys.stderr)
    print(result.message)
    return EXIT_OK


def _issue_lines(issues: list, prefix: str = "") -> None:
    for issue in issues:
        print(f"{prefix}{issue.describe()}", file=sys.stderr)


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
        raise ValidationError(exc.message + " Oppgi arket med --sheet NAVN.") from None
    refused = bool(preview.errors) and not args.skip_invalid
    if args.dry_run or refused:
        if args.json:
            _print_json(preview.summary() | {"dry_run": args.dry_run, "written": False})
        else:
            print(
                f"{'Prøvekjøring' if args.dry_run else 'Ingenting er lest inn'}: "
                f"{preview.count(imports.RowStatus.NEW)} nye, {preview.count(imports.RowStatus.UPDATE)} "
                f"oppdateres, {preview.count(imports.RowStatus.UNCHANGED)} uendret, "
                f"{preview.count(imports.RowStatus.ERROR)} med feil."
            )
            _issue_lines(preview.errors, "Feil: ")
            _issue_lines(preview.warnings, "Advarsel: ")
            if refused:
                print(
                    "Rett feilene og prøv igjen, eller bruk --skip-invalid for å lese inn bare de "
                    "gyldige radene.",
                    file=sys.stderr,
                )
        if preview.blocking:
            print(f"Feil: {preview.blocking}", file=sys.stderr)
            return EXIT_INPUT
        return EXIT_INPUT if refused else EXIT_OK
    result = imports.commit_import(
        preview, skip_invalid=args.skip_invalid, error_workbook=imports.error_workbook_path(source)
    )
    if args.json:
        _print_json(result.to_dict())
    else:
        print(result.message)
        _issue_lines(result.errors, "Ikke lest inn: ")
        _issue_lines(result.warnings, "Advarsel: ")
    if result.error_workbook is not None:
        print(f"Radene med feil er lagret i «{result.error_workbook}».", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write a course workbook (participants, attendance, deposits, certificates, followup, refunds)."""
    from coursekeeper.services import exports

    _open(args)
    try:
        result = exports.export_kind(args.kind, course_id=args.course, out=Path(args.out))
    except OSError as exc:
        print(f"Feil: Kunne ikke skrive «{args.out}»: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT
    print(result.message)
    return EXIT_OK


def cmd_followup(args: argparse.Namespace) -> int:
    """Read back a filled-in follow-up sheet: create or update assignments, report the rest."""
    from coursekeeper.services.followup import apply_followup

    _open(args)
    result = apply_followup(Path(args.file), dry_run=args.dry_run)
    if args.json:
        _print_json(result.to_dict())
        return EXIT_OK
    print(result.message)
    for note in result.refused:
        print(f"Avvist: {note.message}", file=sys.stderr)
    for note in result.conflicts:
        print(f"Konflikt: {note.message}", file=sys.stderr)
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
    **cli_staff.COMMANDS,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (or open the desktop program) and return the exit code."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from coursekeeper.app import run_desktop

        return run_desktop(args.db)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args)
    except CourseKeeperError as exc:
        print(f"Feil: {exc}", file=sys.stderr)
        return exc.exit_code
    finally:
        from coursekeeper.db.connection import close_database

        close_database()
