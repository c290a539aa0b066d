"""Plain data the printed documents are made from; services map database rows onto these.

This module imports no reportlab, so building the data (and warning about a thin organisation
profile) stays cheap; the PDF writers load reportlab on first use.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import NamedTuple

from coursekeeper.i18n import tr


@dataclass(frozen=True)
class OrganisationProfile:
    """The organiser (or municipality) whose name, logo and signatory appear on the paper."""

    name: str
    address: str = ""
    postal_code: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    logo: bytes | None = None  # PNG or JPEG

    def postal_line(self) -> str:
        """``5020 Bergen``, or whichever half is known."""
        return " ".join(p for p in (self.postal_code.strip(), self.city.strip()) if p)

    def contact_line(self) -> str:
        """``post@example.no · 55 00 00 00``, or whichever is known."""
        return " · ".join(p for p in (self.email.strip(), self.phone.strip()) if p)


@dataclass(frozen=True)
class CertificatePrint:
    """One course certificate (kursbevis), with the facts frozen when it was issued."""

    number: str
    code: str
    issued_on: dt.date
    place: str
    first_name: str
    last_name: str
    birth_date: dt.date | None
    course_title: str
    session_dates: list[dt.date]
    total_minutes: int
    topics: list[str]
    co_organisers: list[str]
    organisation: OrganisationProfile
    duplicate_on: dt.date | None = None
    revoked: bool = False
    revoked_reason: str = ""
    verify_hint: str = "Kontroller kursbeviset med kontrollkoden i CourseKeeper."

    @property
    def full_name(self) -> str:
        """First and last name as printed."""
        return " ".join(p for p in (self.first_name.strip(), self.last_name.strip()) if p)


@dataclass(frozen=True)
class RefundLetterPrint:
    """A letter telling a participant that their deposit (egenandel) is paid back."""

    sender: OrganisationProfile
    recipient_name: str
    recipient_address: list[str]  # street, then "5353 Straume"; shown in the envelope window
    letter_date: dt.date
    reference: str
    amount_ore: int
    course_title: str
    course_dates: list[dt.date]
    assignment_municipality: str = ""
    assignment_start: dt.date | None = None  # None for refunds due at once (see ``reason``)
    six_months_reached_on: dt.date | None = None
    payment_method_text: str = ""  # completes "Beløpet betales …": "til kontonummer 1234.56.78903"
    signatory_name: str = ""  # empty: the sender's signatory
    signatory_title: str = ""
    reason: str = "six_months"  # or "withdrawn", "rejected", "cancelled": due back at once


class SignInParticipant(NamedTuple):
    """One row on a sign-in sheet; a plain ``(name, municipality)`` tuple works as well."""

    name: str
    municipality: str = ""


@dataclass(frozen=True)
class SignInSheetPrint:
    """The attendance sheet for one session, signed by each participant on the day."""

    course_title: str
    venue: str
    session_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    organisation: OrganisationProfile
    participants: list[SignInParticipant | tuple[str, str]] = field(default_factory=list)
    blank_rows: int = 3  # for walk-ins and late registrations
    session_label: str = ""  # e.g. "Dag 2 av 5"


def logo_is_readable(logo: bytes | None) -> bool:
    """True when ``logo`` is a PNG or JPEG image Pillow can open."""
    if not logo:
        return False
    from PIL import Image, UnidentifiedImageError  # lazily: only needed when there is a logo

    try:
        with Image.open(io.BytesIO(logo)) as image:
            image.verify()
            return image.format in {"PNG", "JPEG"}
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False


def profile_warnings(profile: OrganisationProfile) -> list[str]:
    """What is missing from the profile, in the chosen language, to show before printing (never fatal)."""
    warnings: list[str] = []
    if not profile.name.strip():
        warnings.append(tr("Navn på organisasjonen mangler."))
    if profile.logo is None or not profile.logo:
        warnings.append(tr("Logo mangler – utskriften får ingen logo."))
    elif not logo_is_readable(profile.logo):
        warnings.append(tr("Logoen kan ikke leses (bruk PNG eller JPEG) – utskriften får ingen logo."))
    if not profile.signatory_name.strip():
        warnings.append(tr("Navn på den som signerer mangler."))
    if not profile.signatory_title.strip():
        warnings.append(tr("Tittel for den som signerer mangler."))
    if not profile.address.strip() or not profile.postal_line():
        warnings.append(tr("Postadresse mangler – brevene skrives ut uten full avsenderadresse."))
    if not profile.contact_line():
        warnings.append(tr("E-post og telefon mangler – mottakerne ser ikke hvordan de kan nå dere."))
    return warnings


@dataclass(frozen=True)
class ChartPrint:
    """A bar chart for the report: categories, and one or more named series of values."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # None: nothing to measure yet (no bar, «–»)
    percent: bool = False  # values are shares 0–1, labelled as percents


@dataclass(frozen=True)
class TablePrint:
    """A small table for the report: a heading, column headers and rows of display text."""

    title: str
    header: list[str]
    rows: list[list[str]]
    total_last: bool = True  # the last row is a total, set off by a rule


@dataclass(frozen=True)
class KeyFiguresPrint:
    """The key-figures report for a board or a county: one or two A4 pages (all texts ready)."""

    organisation: OrganisationProfile
    heading: str
    period: str
    summary: str
    charts: list[ChartPrint]
    tables: list[TablePrint]
    footer: str


@dataclass(frozen=True)
class AccessSection:
    """A part of the access report: a heading, a sentence on why it is kept, and its lines."""

    title: str
    why: str
    lines: list[str]


@dataclass(frozen=True)
class AccessReportPrint:
    """The access-request letter (innsyn) to one person: what is stored, why and since when."""

    organisation: OrganisationProfile
    heading: str
    made_on: str
    intro: str
    sections: list[AccessSection]
    closing: str
    footer: str
