"""Printouts: certificates, refund letters and sign-in sheets from the database, written as PDF.

Qt-free: the command line and the desktop program (on its worker thread) call the same functions.
Each writes one PDF through ``coursekeeper.printing`` (atomically; ``progress`` may raise
``Cancelled``) and returns a ``PrintResult`` with what was printed and what was left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from coursekeeper import settings
from coursekeeper.db.connection import database
from coursekeeper.db.models import Certificate
from coursekeeper.domain.dates import format_date
from coursekeeper.errors import RuleError, ValidationError
from coursekeeper.i18n import N_, tr, tr_marked, tr_n
from coursekeeper.printing import (
    CertificatePrint,
    OrganisationProfile,
    RefundLetterPrint,
    SignInSheetPrint,
    profile_warnings,
)
from coursekeeper.services import certificates, courses, organisations
from coursekeeper.services.printout_rows import (
    certificate_print,
    course_dates,
    participants_for_sheet,
    recipient_addresses,
    select_certificates,
    session_time,
)
from coursekeeper.services.refunds import RefundDue, refunds_due

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

NO_PROFILE = N_(
    "Organisasjonsprofilen er ikke fylt ut. Fyll den ut under Innstillinger – ellers mangler "
    "utskriftene navn, logo og avsender."
)


class PrintKind(StrEnum):
    """The documents CourseKeeper prints; the values are the command-line KIND names."""

    CERTIFICATES = "certificates"
    REFUND_LETTERS = "refund-letters"
    ATTENDANCE = "attendance"

    @property
    def label(self) -> str:
        """Norwegian name of the document, as used in file names and messages."""
        return {
            PrintKind.CERTIFICATES: "Kursbevis",
            PrintKind.REFUND_LETTERS: "Tilbakebetaling av egenandel",
            PrintKind.ATTENDANCE: "Oppmøteliste",
        }[self]


class RefundSender(StrEnum):
    """Who signs the refund letters."""

    ORGANISER = "organiser"
    MUNICIPALITY = "municipality"


@dataclass(frozen=True)
class PrintResult:
    """What a print run wrote: the file, documents and pages, and what was left out and why."""

    path: Path
    count: int
    pages: int
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    kind: PrintKind | None = None
    #: How many of the certificates were reprints, stamped and registered as duplicates.
    duplicates: int = 0

    @property
    def message(self) -> str:
        """One line for the user: ``Skrev 12 kursbevis (12 sider) til Kursbevis.pdf.``."""
        pages = tr_n("{n} side", "{n} sider", self.pages)
        if self.kind == PrintKind.CERTIFICATES:
            what = tr_n("{n} kursbevis", "{n} kursbevis", self.count)
        elif self.kind == PrintKind.REFUND_LETTERS:
            what = tr_n("{n} brev", "{n} brev", self.count)
        elif self.kind == PrintKind.ATTENDANCE:
            what = tr_n("{n} oppmøteliste", "{n} oppmøtelister", self.count)
        else:
            what = tr_n("{n} dokument", "{n} dokumenter", self.count)
        text = tr("Skrev {what} ({pages}) til {path}.", what=what, pages=pages, path=self.path)
        if self.duplicates:
            text += " " + tr_n(
                "{n} er skrevet ut før og er merket og registrert som duplikat.",
                "{n} er skrevet ut før og er merket og registrert som duplikater.",
                self.duplicates,
            )
        if self.skipped:
            text += " " + tr("{n} ble hoppet over.", n=len(self.skipped))
        return text


def fonts_dir() -> Path:
    """The shipped TrueType fonts the PDFs embed."""
    return settings.resources_dir() / "fonts"


def default_file_name(kind: str, course_title: str) -> str:
    """``Kursbevis – Kurs for treningskontakter.pdf``, safe as a Windows file name."""
    title = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", course_title)
    title = re.sub(r"\s+", " ", title).strip(" .")[:80].strip()
    label = PrintKind(kind).label
    return f"{label} – {title}.pdf" if title else f"{label}.pdf"


def suggested_file_name(kind: str, course_id: int | None) -> str:
    """The default file name for this kind of printout of a course (NotFoundError if unknown)."""
    title = courses.get_course(course_id).title if course_id is not None else ""
    return default_file_name(kind, title)


def own_profile() -> OrganisationProfile:
    """The organiser's profile (settings) as the printed documents take it."""
    own = organisations.get_own_profile()
    return OrganisationProfile(
        name=own.name,
        address=own.address,
        postal_code=own.postal_code,
        city=own.city,
        email=own.email,
        phone=own.phone,
        signatory_name=own.signatory_name,
        signatory_title=own.signatory_title,
        logo=own.logo,
    )


def printing_warnings(kind: str | None = None) -> list[str]:
    """What is missing from the organisation profile for this kind of printout, to show first."""
    if organisations.own_organisation() is None:
        return [tr_marked(NO_PROFILE)]
    profile = own_profile()
    # Fill in what a document does not show, so only warnings that matter for it remain.
    if kind == PrintKind.ATTENDANCE:
        profile = dataclasses.replace(
            profile, signatory_name="-", signatory_title="-", address="-", postal_code="-", email="-"
        )
    elif kind == PrintKind.CERTIFICATES:
        profile = dataclasses.replace(profile, address="-", postal_code="-", email="-")
    return profile_warnings(profile)


# -- certificates ---------------------------------------------------------------------------------


def print_certificates(
    *,
    course_id: int | None = None,
    certificate_ids: list[int] | None = None,
    out: Path,
    duplicate: bool = False,
    reprints: bool = False,
    allow_revoked_copy: bool = False,
    duplicate_on: dt.date | None = None,
    progress: Progress | None = None,
) -> PrintResult:
    """Certificates of a course (all unrevoked) or the given ones, from their frozen content.

    ``duplicate`` records a reprint of each (same number, stamped "Duplikat utstedt …");
    ``reprints`` does so only for those whose original was printed before (the desktop
    program's prints). The first print of an original is remembered either way. Revoked ones
    are left out unless ``allow_revoked_copy`` prints them as marked copies. A cancelled or
    failed run writes no file and records nothing.
    """
    from coursekeeper.printing import write_certificates

    duplicate_on = duplicate_on or dt.date.today()
    with database.atomic():
        chosen = select_certificates(course_id, certificate_ids)
        profile = own_profile()
        items: list[CertificatePrint] = []
        skipped: list[str] = []
        duplicates = 0
        for cert in chosen:
            revoked = cert.revoked_at is not None
            if revoked and not allow_revoked_copy:
                skipped.append(
                    tr(
                        "Kursbevis {number} er tilbakekalt og kan bare skrives ut som merket kopi.",
                        number=cert.number,
                    )
                )
                continue
            stamp = None
            if not revoked and (duplicate or (reprints and cert.printed_on is not None)):
                cert = certificates.record_duplicate(cert.id, duplicate_on)
                stamp = duplicate_on
                duplicates += 1
            elif not revoked and cert.printed_on is None:
                Certificate.update(printed_on=duplicate_on).where(Certificate.id == cert.id).execute()
            items.append(certificate_print(cert, profile, duplicate_on=stamp))
        if not items:
            if skipped:
                raise RuleError(tr("Ingen kursbevis å skrive ut."), details=skipped)
            raise RuleError(
                tr("Ingen kursbevis å skrive ut for dette kurset.")
                if certificate_ids is None
                else tr("Ingen kursbevis å skrive ut.")
            )
        write_certificates(
            items, out, fonts_dir=fonts_dir(), progress=progress, allow_revoked_copy=allow_revoked_copy
        )
    return PrintResult(
        Path(out),
        len(items),
        len(items),
        printing_warnings(PrintKind.CERTIFICATES),
        skipped,
        PrintKind.CERTIFICATES,
        duplicates,
    )


# -- refund letters ----------------------------------------------------------------------------


def _sender_for(due: RefundDue, sender: RefundSender, own: OrganisationProfile) -> OrganisationProfile:
    if sender == RefundSender.MUNICIPALITY and due.municipality:
        # Only the municipality's name is stored; its address and contact are not known here.
        return OrganisationProfile(name=f"{due.municipality} kommune")
    return own


def print_refund_letters(
    *,
    course_id: int | None = None,
    enrolment_ids: list[int] | None = None,
    as_of: dt.date,
    out: Path,
    sender: str = RefundSender.ORGANISER,
    payment_method_text: str = "",
    letter_date: dt.date | None = None,
    recorded: Sequence[RefundDue] | None = None,
    progress: Progress | None = None,
) -> PrintResult:
    """One letter per deposit refundable on ``as_of`` (for a course, some enrolments, or all).

    Six-month letters give the assignment and the date six months were reached; refunds due at
    once (withdrawn, rejected, cancelled course) say why instead. ``payment_method_text``
    completes "Beløpet betales …"; empty, the letter says the organiser will get in touch.
    ``recorded``: letters for refunds just recorded, from the rows as they were due then (once
    paid back they are no longer due, so they cannot be looked up again).
    """
    from coursekeeper.printing import write_refund_letters

    try:
        chosen_sender = RefundSender(sender)
    except ValueError:
        raise ValidationError(
            tr("Ukjent avsender «{sender}». Velg organiser eller municipality.", sender=sender)
        ) from None
    letter_date = letter_date or dt.date.today()
    if course_id is not None:
        courses.get_course(course_id)
    due = list(recorded) if recorded is not None else refunds_due(as_of, course_id=course_id)
    skipped: list[str] = []
    if enrolment_ids is not None:
        wanted = set(enrolment_ids)
        missing = sorted(wanted - {d.enrolment_id for d in due})
        skipped += [
            tr(
                "Påmelding {id}: egenandelen skal ikke tilbakebetales per {date}.",
                id=eid,
                date=format_date(as_of),
            )
            for eid in missing
        ]
        due = [d for d in due if d.enrolment_id in wanted]
    if not due:
        raise RuleError(
            tr(
                "Ingen brev om tilbakebetaling å skrive ut for dette kurset per {date}.",
                date=format_date(as_of),
            )
            if course_id is not None
            else tr("Ingen brev om tilbakebetaling å skrive ut per {date}.", date=format_date(as_of)),
            details=skipped,
        )
    own = own_profile()
    addresses = recipient_addresses([d.person_id for d in due])
    dates = course_dates({d.course_id for d in due})
    warnings = printing_warnings(PrintKind.REFUND_LETTERS)
    if chosen_sender == RefundSender.MUNICIPALITY:
        warnings.append(
            tr(
                "Kommunens adresse og kontaktinformasjon er ikke registrert – brevene får bare "
                "kommunens navn som avsender."
            )
        )
    letters = []
    for d in due:
        address = addresses.get(d.person_id, [])
        if len(address) < 2:  # a street (or PO box) and a postal line, or the post cannot deliver it
            warnings.append(
                tr(
                    "{name} mangler postadresse – brevet kan ikke sendes i vinduskonvolutt.",
                    name=d.person_name,
                )
            )
        letters.append(
            RefundLetterPrint(
                sender=_sender_for(d, chosen_sender, own),
                recipient_name=d.person_name,
                recipient_address=address,
                letter_date=letter_date,
                reference=f"Egenandel {d.course_id}-{d.enrolment_id}",
                amount_ore=d.amount_ore,
                course_title=d.course_title,
                course_dates=dates.get(d.course_id, []),
                assignment_municipality=d.assignment_municipality,
                assignment_start=d.assignment_start,
                six_months_reached_on=d.reached_on,
                payment_method_text=payment_method_text,
                reason=d.reason.value,
            )
        )
    write_refund_letters(letters, out, fonts_dir=fonts_dir(), progress=progress)
    return PrintResult(Path(out), len(letters), len(letters), warnings, skipped, PrintKind.REFUND_LETTERS)


# -- sign-in sheets --------------------------------------------------------------------------------


def print_sign_in_sheets(*, course_id: int, out: Path, progress: Progress | None = None) -> PrintResult:
    """One sign-in sheet per session: participants with a seat, by last name, with municipality."""
    from coursekeeper.printing import write_sign_in_sheets
    from coursekeeper.printing.sign_in_sheets import page_count

    course = courses.get_course(course_id)
    sessions = courses.sessions(course_id)
    if not sessions:
        raise RuleError(tr("Kurset har ingen kursdager. Legg inn øktene før du skriver ut oppmøtelister."))
    participants = participants_for_sheet(course_id)
    if not participants:
        raise RuleError(tr("Ingen deltakere med plass på dette kurset – ingen oppmøteliste å skrive ut."))
    profile = own_profile()
    sheets = [
        SignInSheetPrint(
            course_title=course.title,
            venue=course.venue,
            session_date=s.date,
            start_time=session_time(s.start_time),
            end_time=session_time(s.end_time),
            organisation=profile,
            participants=participants,
            session_label=f"Dag {i} av {len(sessions)}",
        )
        for i, s in enumerate(sessions, start=1)
    ]
    write_sign_in_sheets(sheets, out, fonts_dir=fonts_dir(), progress=progress)
    pages = sum(page_count(s) for s in sheets)
    return PrintResult(
        Path(out), len(sheets), pages, printing_warnings(PrintKind.ATTENDANCE), [], PrintKind.ATTENDANCE
    )


def print_kind(
    kind: str,
    *,
    course_id: int | None,
    out: Path,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
    **options: object,
) -> PrintResult:
    """Print one kind of document (the command line's ``print KIND``); ``options`` go to its function.

    Refund letters default to those due today; sign-in sheets need a course.
    """
    try:
        chosen = PrintKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in PrintKind)
        raise ValidationError(
            tr("Ukjent utskrift «{kind}». Velg en av: {names}.", kind=kind, names=names)
        ) from None
    if chosen == PrintKind.CERTIFICATES:
        return print_certificates(course_id=course_id, out=out, progress=progress, **options)  # type: ignore[arg-type]
    if chosen == PrintKind.REFUND_LETTERS:
        return print_refund_letters(
            course_id=course_id,
            as_of=as_of or dt.date.today(),
            out=out,
            progress=progress,
            **options,  # type: ignore[arg-type]
        )
    if course_id is None:
        raise ValidationError(tr("Velg kurset oppmøtelistene skal skrives ut for."))
    return print_sign_in_sheets(course_id=course_id, out=out, progress=progress, **options)  # type: ignore[arg-type]
