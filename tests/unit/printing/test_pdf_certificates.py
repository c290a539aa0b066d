"""Certificates: written, read back with pypdf, and checked for what a participant must see."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from printing_samples import (
    make_certificate,
    make_logo,
    make_profile,
    page_texts,
    placed_text,
)
from pypdf import PdfReader

from coursekeeper.errors import Cancelled, CourseKeeperError, RuleError, ValidationError
from coursekeeper.printing import profile_warnings
from coursekeeper.printing.certificate_body import format_hours, organisers_sentence
from coursekeeper.printing.certificates import qr_payload, write_certificates

LONG_NAME = "Maximiliane Charlotte Henriette Ødegård-Kjærstad von Blomvågnes-Haugland"
LONG_TITLE = (
    "Kurs for treningskontakter og støttekontakter i Øygarden, Askøy og Alver – grunnkurs i "
    "fysisk aktivitet, psykisk helse og rus for frivillige og ansatte i kommunen"
)
A4_WIDTH_MM, A4_HEIGHT_MM = 210.0, 297.0


def write(tmp_path: Path, fonts_dir: Path, certs, **kwargs) -> Path:
    out = tmp_path / "kursbevis.pdf"
    write_certificates(certs, out, fonts_dir=fonts_dir, **kwargs)
    return out


def test_the_certificate_shows_the_participant_and_the_course(tmp_path, fonts_dir):
    out = write(tmp_path, fonts_dir, [make_certificate()])
    [text] = page_texts(out)
    for expected in (
        "KURSBEVIS",
        "Åse Ødegård Kjærstad",
        "født 09.04.1985",
        "Kurs for treningskontakter – Øygarden",
        "9.–11. april og 24.–25. april 2026, til sammen 15 timer",
        "Rollen som treningskontakt og taushetsplikt",
        "Kurset er arrangert av Hordaland Idrettskrets i samarbeid med Øygarden kommune, "
        "Stiftelsen Bergensklinikkene og Helse Bergen.",
        "Bergen, 12.05.2026",
        "Kari Nordmann",
        "Organisasjonssjef, Hordaland Idrettskrets",
        "HIK-2026-0007",
        "ABCD-EFGH-IJKL-MNOP",
    ):
        assert expected in text
    assert "Duplikat" not in text
    assert "TILBAKEKALT" not in text


def test_one_page_per_certificate(tmp_path, fonts_dir):
    certs = [make_certificate(number=f"HIK-2026-{n:04d}", first_name=f"Deltaker{n}") for n in (1, 2, 3)]
    texts = page_texts(write(tmp_path, fonts_dir, certs))
    assert len(texts) == 3
    for n, text in enumerate(texts, start=1):
        assert f"HIK-2026-{n:04d}" in text
        assert f"Deltaker{n} Ødegård Kjærstad" in text


def test_the_truetype_font_is_embedded(tmp_path, fonts_dir):
    out = write(tmp_path, fonts_dir, [make_certificate()])
    fonts = PdfReader(out).pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/FontDescriptor"].get_object() for f in fonts.values()]
    assert descriptors
    assert all("/FontFile2" in d for d in descriptors)  # embedded TrueType, not a viewer font
    assert any("DejaVuSans" in str(d["/FontName"]) for d in descriptors)


def test_a_duplicate_is_marked_with_its_date(tmp_path, fonts_dir):
    out = write(tmp_path, fonts_dir, [make_certificate(duplicate_on=dt.date(2027, 3, 12))])
    [text] = page_texts(out)
    assert "Duplikat utstedt 12.03.2027" in text
    assert "HIK-2026-0007" in text  # a duplicate keeps its number


def test_a_revoked_certificate_is_refused_and_nothing_is_written(tmp_path, fonts_dir):
    revoked = make_certificate(revoked=True, revoked_reason="Utstedt ved en feil.")
    with pytest.raises(RuleError) as caught:
        write(tmp_path, fonts_dir, [make_certificate(number="HIK-2026-0001"), revoked])
    assert "HIK-2026-0007" in caught.value.message
    assert "tilbakekalt" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_revoked_certificate_prints_only_as_a_marked_copy(tmp_path, fonts_dir):
    revoked = make_certificate(revoked=True, revoked_reason="Utstedt ved en feil.")
    out = write(tmp_path, fonts_dir, [revoked], allow_revoked_copy=True)
    [text] = page_texts(out)
    assert text.count("TILBAKEKALT – KOPI") >= 2  # the notice and the diagonal mark
    assert "Årsak: Utstedt ved en feil." in text
    assert "Åse Ødegård Kjærstad" in text


def test_cancelling_leaves_no_file_and_no_temporary_file(tmp_path, fonts_dir):
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done == 2:
            raise Cancelled()

    certs = [make_certificate(number=f"HIK-2026-{n:04d}") for n in range(5)]
    with pytest.raises(Cancelled):
        write(tmp_path, fonts_dir, certs, progress=progress)
    assert calls == [(0, 5), (1, 5), (2, 5)]
    assert list(tmp_path.iterdir()) == []


def test_cancelling_keeps_the_previous_pdf(tmp_path, fonts_dir):
    out = tmp_path / "kursbevis.pdf"
    out.write_bytes(b"%PDF-old")

    def progress(done: int, total: int) -> None:
        if done == 1:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_certificates([make_certificate()] * 2, out, fonts_dir=fonts_dir, progress=progress)
    assert out.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir()] == ["kursbevis.pdf"]


def test_progress_reaches_the_total(tmp_path, fonts_dir):
    calls: list[tuple[int, int]] = []
    write(tmp_path, fonts_dir, [make_certificate()] * 3, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_logo_is_embedded_once_per_file(tmp_path, fonts_dir):
    certs = [make_certificate(number=f"HIK-2026-{n:04d}") for n in range(20)]
    out = write(tmp_path, fonts_dir, certs)
    reader = PdfReader(out)
    drawn = set()
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        drawn |= {ref.idnum for ref in xobjects.values()}
    assert len(drawn) == 1  # twenty pages, one image object
    logo_size = len(make_logo())
    assert out.stat().st_size < logo_size + 20 * 8_000  # a few kB per page beyond fonts and logo


def test_a_profile_without_logo_or_signatory_still_prints(tmp_path, fonts_dir):
    profile = make_profile(logo=None, signatory_name="", signatory_title="")
    out = write(tmp_path, fonts_dir, [make_certificate(organisation=profile)])
    [text] = page_texts(out)
    assert "Underskrift for Hordaland Idrettskrets" in text
    assert "Hordaland Idrettskrets" in text
    assert "/XObject" not in PdfReader(out).pages[0]["/Resources"]
    warnings = profile_warnings(profile)
    assert "Logo mangler – utskriften får ingen logo." in warnings
    assert "Navn på den som signerer mangler." in warnings


def test_an_unreadable_logo_is_left_out_not_fatal(tmp_path, fonts_dir):
    profile = make_profile(logo=b"not an image at all")
    out = write(tmp_path, fonts_dir, [make_certificate(organisation=profile)])
    assert "Åse Ødegård Kjærstad" in page_texts(out)[0]
    assert any("Logoen kan ikke leses" in w for w in profile_warnings(profile))


def test_a_complete_profile_gives_no_warnings():
    assert profile_warnings(make_profile()) == []


def test_long_name_and_title_are_complete_and_inside_the_margins(tmp_path, fonts_dir):
    assert len(LONG_NAME) >= 70 and len(LONG_TITLE) >= 150
    cert = make_certificate(first_name=LONG_NAME[:31], last_name=LONG_NAME[32:], course_title=LONG_TITLE)
    out = write(tmp_path, fonts_dir, [cert])
    [text] = page_texts(out)
    assert LONG_NAME in text
    assert LONG_TITLE in text
    runs = placed_text(out)
    assert len(runs) > 20
    for run in runs:
        assert run.x >= 20, run  # inside the inner frame (11 mm) with room to spare
        assert run.x + run.width <= A4_WIDTH_MM - 20, run
        assert 15 <= run.y <= A4_HEIGHT_MM - 15, run


def test_many_topics_still_fit_one_page(tmp_path, fonts_dir):
    topics = [f"Emne nummer {n} om fysisk aktivitet og helse" for n in range(1, 121)]
    out = write(tmp_path, fonts_dir, [make_certificate(topics=topics)])
    [text] = page_texts(out)
    assert "emner til" in text  # says that topics were left out rather than drawing off the page
    assert "Emne nummer 1 om" in text
    for run in placed_text(out):
        assert run.y >= 15, run


def test_no_certificates_is_a_clear_refusal(tmp_path, fonts_dir):
    with pytest.raises(ValidationError, match="ingen kursbevis"):
        write(tmp_path, fonts_dir, [])


def test_a_missing_folder_is_a_clear_refusal(tmp_path, fonts_dir):
    with pytest.raises(CourseKeeperError, match="finnes ikke"):
        write_certificates([make_certificate()], tmp_path / "nope" / "x.pdf", fonts_dir=fonts_dir)


def test_missing_fonts_are_reported_in_norwegian(tmp_path):
    with pytest.raises(CourseKeeperError, match="Skrifttypene"):
        write_certificates([make_certificate()], tmp_path / "x.pdf", fonts_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (900, "15 timer"),
        (930, "15,5 timer"),
        (915, "15,25 timer"),
        (60, "1 time"),
        (920, "15 timer og 20 minutter"),
        (0, "0 timer"),
    ],
)
def test_hours_are_written_the_norwegian_way(minutes, text):
    assert format_hours(minutes) == text


def test_organisers_sentence_adapts_to_what_is_known():
    assert organisers_sentence("HIK", ["A", "B", "C"]) == (
        "Kurset er arrangert av HIK i samarbeid med A, B og C."
    )
    assert organisers_sentence("HIK", ["HIK"]) == "Kurset er arrangert av HIK."
    assert organisers_sentence("", ["A"]) == "Kurset er arrangert i samarbeid med A."
    assert organisers_sentence("", []) == ""


def test_the_qr_code_carries_the_verification_code(tmp_path, fonts_dir):
    zxingcpp = pytest.importorskip("zxingcpp")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from PIL import Image

    out = write(tmp_path, fonts_dir, [make_certificate(code="QRST-UVWX-YZ23-4567")])
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(out), str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(png))]
    assert decoded == ["QRST-UVWX-YZ23-4567"]
    assert qr_payload(" qrst-uvwx-yz23-4567 ") == "QRST-UVWX-YZ23-4567"
