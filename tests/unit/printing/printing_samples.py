"""Realistic Norwegian sample data and PDF-reading helpers for the printing tests."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from coursekeeper.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from coursekeeper.printing.models import (
    CertificatePrint,
    OrganisationProfile,
    RefundLetterPrint,
    SignInParticipant,
    SignInSheetPrint,
)

FONTS_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

SESSIONS = [
    dt.date(2026, 4, 9),
    dt.date(2026, 4, 10),
    dt.date(2026, 4, 11),
    dt.date(2026, 4, 24),
    dt.date(2026, 4, 25),
]

TOPICS = [
    "Rollen som treningskontakt og taushetsplikt",
    "Fysisk aktivitet og psykisk helse",
    "Rus, avhengighet og motivasjon",
    "Kommunikasjon og relasjonsbygging",
    "Aktivitetstilbud i nærmiljøet",
    "Praktiske økter: styrke, svømming og tur",
]

CO_ORGANISERS = ["Øygarden kommune", "Stiftelsen Bergensklinikkene", "Helse Bergen"]


def make_logo(lines: tuple[str, str] = ("Hordaland", "Idrettskrets"), width: int = 700) -> bytes:
    """A transparent PNG logo: a navy ring with a red dot and a two-line wordmark."""
    height = 220
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, height - 10, height - 10), outline=(31, 61, 99, 255), width=18)
    draw.ellipse((60, 60, height - 60, height - 60), fill=(196, 42, 46, 255))
    font = ImageFont.truetype(str(FONTS_DIR / "DejaVuSans-Bold.ttf"), 64)
    draw.text((height + 10, 40), lines[0], font=font, fill=(31, 61, 99, 255))
    draw.text((height + 10, 115), lines[1], font=font, fill=(31, 61, 99, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def make_profile(**changes) -> OrganisationProfile:
    """Hordaland Idrettskrets with a logo and a signatory."""
    profile = OrganisationProfile(
        name="Hordaland Idrettskrets",
        address="Postboks 5123 Majorstuen",
        postal_code="5020",
        city="Bergen",
        email="post@hordaland-ik.no",
        phone="55 00 12 34",
        signatory_name="Kari Nordmann",
        signatory_title="Organisasjonssjef",
        logo=make_logo(),
    )
    return replace(profile, **changes)


def make_certificate(**changes) -> CertificatePrint:
    """Åse Ødegård Kjærstad's certificate from the Øygarden course."""
    cert = CertificatePrint(
        number="HIK-2026-0007",
        code="ABCD-EFGH-IJKL-MNOP",
        issued_on=dt.date(2026, 5, 12),
        place="Bergen",
        first_name="Åse",
        last_name="Ødegård Kjærstad",
        birth_date=dt.date(1985, 4, 9),
        course_title="Kurs for treningskontakter – Øygarden",
        session_dates=list(SESSIONS),
        total_minutes=15 * 60,
        topics=list(TOPICS),
        co_organisers=list(CO_ORGANISERS),
        organisation=make_profile(),
    )
    return replace(cert, **changes)


def make_letter(**changes) -> RefundLetterPrint:
    """A refund letter from Øygarden kommune to Åse."""
    letter = RefundLetterPrint(
        sender=make_profile(
            name="Øygarden kommune",
            address="Postboks 33",
            postal_code="5331",
            city="Rong",
            email="postmottak@oygarden.kommune.no",
            phone="56 31 50 00",
            signatory_name="Trude Håland",
            signatory_title="Leder, Tildelingskontoret",
            logo=make_logo(("Øygarden", "kommune"), width=620),
        ),
        recipient_name="Åse Ødegård Kjærstad",
        recipient_address=["Sjøvegen 14", "5353 Straume"],
        letter_date=dt.date(2026, 12, 15),
        reference="2026/1432-7",
        amount_ore=100_000,
        course_title="Kurs for treningskontakter – Øygarden",
        course_dates=list(SESSIONS),
        assignment_municipality="Øygarden kommune",
        assignment_start=dt.date(2026, 6, 1),
        six_months_reached_on=dt.date(2026, 12, 1),
        payment_method_text="til kontonummer 1234.56.78903",
    )
    return replace(letter, **changes)


PARTICIPANT_NAMES = [
    "Åse Ødegård Kjærstad",
    "Ola Nordmann",
    "Kari Hansen",
    "Bjørn Øvrebø",
    "Siri Ågotnes",
    "Magnus Bærheim",
    "Ingrid Sæle",
    "Jonas Fjæreide",
    "Nora Blomvågnes",
    "Emil Håvardsholm",
]
MUNICIPALITIES = ["Øygarden", "Bergen", "Askøy", "Alver", "Bjørnafjorden"]


def make_participants(count: int) -> list[SignInParticipant]:
    """``count`` distinct participants, numbered so each row can be found in the text."""
    return [
        SignInParticipant(
            f"{PARTICIPANT_NAMES[i % len(PARTICIPANT_NAMES)]} {i + 1}",
            MUNICIPALITIES[i % len(MUNICIPALITIES)],
        )
        for i in range(count)
    ]


def make_sheet(**changes) -> SignInSheetPrint:
    """The sign-in sheet for the first session in Øygarden."""
    sheet = SignInSheetPrint(
        course_title="Kurs for treningskontakter – Øygarden",
        venue="Sotra Arena, møterom 2, Straume",
        session_date=dt.date(2026, 4, 9),
        start_time=dt.time(17, 0),
        end_time=dt.time(21, 0),
        organisation=make_profile(),
        participants=make_participants(12),
        session_label="Dag 1 av 5",
    )
    return replace(sheet, **changes)


# --- reading the PDFs back -------------------------------------------------------------------


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, with runs of whitespace folded to one space."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]


@dataclass(frozen=True)
class Placed:
    """One run of text as drawn: where it starts, how wide it is, at what size (in mm)."""

    text: str
    x: float
    y: float
    width: float
    size: float


def _face(base_font: str) -> str:
    if "Oblique" in base_font:
        return ITALIC
    return BOLD if "Bold" in base_font else REGULAR


def placed_text(pdf: Path, page_index: int = 0) -> list[Placed]:
    """Every horizontal text run on a page with its position; rotated text is left out."""
    register_fonts(FONTS_DIR)  # the widths come from the same font files
    runs: list[Placed] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text.strip() or not font_dict or tm[1] or tm[2] or cm[1] or cm[2]:
            return
        size = font_size * tm[0] * cm[0]
        x = cm[0] * tm[4] + cm[4]
        y = cm[3] * tm[5] + cm[5]
        width = stringWidth(text.rstrip("\n"), _face(str(font_dict["/BaseFont"])), size)
        runs.append(Placed(text.strip(), x / mm, y / mm, width / mm, size))

    PdfReader(pdf).pages[page_index].extract_text(visitor_text=visit)
    return runs


def image_xobjects(pdf: Path) -> set[int]:
    """Object numbers of the distinct images the pages draw (a logo drawn twice counts once)."""
    found: set[int] = set()
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            if ref.get_object().get("/Subtype") == "/Image":
                found.add(ref.idnum)
    return found
