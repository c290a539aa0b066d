"""Key figures (DESIGN §9) on a register built by hand: every number as of three dates, and the reports."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass

import pytest

from coursekeeper.services import (
    assignments,
    attendance,
    certificates,
    courses,
    deposits,
    enrolments,
    people,
)
from coursekeeper.services.key_figure_reports import write_report
from coursekeeper.services.key_figures import STEPS, Scope, key_figures
from tests import factories

D1, D2, D3 = dt.date(2025, 3, 5), dt.date(2025, 12, 31), dt.date(2026, 12, 31)


@dataclass
class Register:
    bergen: int
    oygarden: int


def _course(title: str, municipality: str, days: tuple[dt.date, dt.date]) -> tuple[int, list[int]]:
    created = courses.create_course(
        courses.CourseInput(
            title=title,
            municipality=municipality,
            capacity=30,
            screening_required=False,
            sessions=[courses.SessionInput(d, "09:00", "15:00") for d in days],
        )
    )
    return created.id, [s.id for s in courses.sessions(created.id)]


def _participant(course_id: int, sessions: list[int], first: str, applied: dt.date, *, attend: bool) -> int:
    person = people.create_person(people.PersonInput(first, "Testesen", dt.date(1990, 1, 1)))
    enrolment = enrolments.enrol(
        course_id=course_id, person_id=person.id, applied_at=dt.datetime.combine(applied, dt.time(12))
    )
    if attend:
        enrolments.accept(enrolment.id)
        for session in sessions:
            factories.present(enrolment_id=enrolment.id, session_id=session)
    return enrolment.id


def build() -> Register:
    """Bergen 2025 (three accepted, two certified, one refunded) and Øygarden 2026 (one of two)."""
    factories.own_profile()
    bergen, b_sessions = _course(
        "Kurs for treningskontakter", "Bergen", (dt.date(2025, 3, 1), dt.date(2025, 3, 2))
    )
    a1 = _participant(bergen, b_sessions, "Anne", dt.date(2025, 1, 10), attend=True)
    a2 = _participant(bergen, b_sessions, "Bjørn", dt.date(2025, 1, 10), attend=True)
    a3 = _participant(bergen, b_sessions, "Cecilie", dt.date(2025, 1, 10), attend=False)
    enrolments.accept(a3)
    oygarden, o_sessions = _course(
        "Kurs for treningskontakter", "Øygarden", (dt.date(2026, 3, 1), dt.date(2026, 3, 2))
    )
    b1 = _participant(oygarden, o_sessions, "Dag", dt.date(2026, 1, 10), attend=True)
    _participant(oygarden, o_sessions, "Eva", dt.date(2026, 1, 10), attend=False)
    attendance.complete_course(bergen)
    attendance.complete_course(oygarden)
    for enrolment, paid in (
        (a1, dt.date(2025, 2, 15)),
        (a2, dt.date(2025, 2, 15)),
        (b1, dt.date(2026, 2, 1)),
    ):
        deposits.record_payment(enrolment_id=enrolment, amount_ore=100_000, paid_on=paid)
    for enrolment, issued in (
        (a1, dt.date(2025, 3, 10)),
        (a2, dt.date(2025, 3, 10)),
        (b1, dt.date(2026, 3, 10)),
    ):
        certificates.issue_certificate(enrolment, issued)
    person = {e: enrolments.get_enrolment(e).person_id for e in (a1, a2, b1)}
    assignments.add_assignment(person_id=person[a1], start_date=dt.date(2025, 4, 1), municipality="Bergen")
    assignments.add_assignment(
        person_id=person[a2],
        start_date=dt.date(2025, 6, 1),
        end_date=dt.date(2025, 9, 1),
        municipality="Bergen",
    )
    assignments.add_assignment(person_id=person[b1], start_date=dt.date(2026, 4, 1), municipality="Øygarden")
    deposits.record_refund(enrolment_id=a1, refunded_on=dt.date(2025, 10, 5))
    return Register(bergen, oygarden)


def _counts(funnel) -> list[int]:
    return [getattr(funnel, step) for step in STEPS]


#: registered, accepted, attended, certified, in assignment, 6, 12, 18 months, refunded
EXPECTED = {
    D1: {"bergen": [3, 3, 2, 0, 0, 0, 0, 0, 0], "oygarden": [0, 0, 0, 0, 0, 0, 0, 0, 0], "active": []},
    D2: {
        "bergen": [3, 3, 2, 2, 2, 1, 0, 0, 1],
        "oygarden": [0, 0, 0, 0, 0, 0, 0, 0, 0],
        "active": [(2025, 1)],
    },
    D3: {
        "bergen": [3, 3, 2, 2, 2, 1, 1, 1, 1],
        "oygarden": [2, 1, 1, 1, 1, 1, 0, 0, 0],
        "active": [(2025, 1), (2026, 2)],
    },
}


@pytest.mark.parametrize("as_of", [D1, D2, D3], ids=str)
def test_every_number_as_of_three_dates(db, as_of: dt.date) -> None:
    register = build()
    figures = key_figures(as_of=as_of)
    by_course = {info.id: funnel for info, funnel in figures.per_course}
    expected = EXPECTED[as_of]
    assert _counts(by_course[register.bergen]) == expected["bergen"]
    assert _counts(by_course[register.oygarden]) == expected["oygarden"]
    total = [b + o for b, o in zip(expected["bergen"], expected["oygarden"], strict=True)]
    assert _counts(figures.funnel) == total
    assert {f.label: _counts(f) for f in figures.per_municipality} == {
        "Bergen": expected["bergen"],
        "Øygarden": expected["oygarden"],
    }
    assert {f.label: _counts(f) for f in figures.per_year} == {
        "2025": expected["bergen"],
        "2026": expected["oygarden"],
    }
    assert figures.active_municipalities == expected["active"]


def test_rates_summary_and_scopes(db) -> None:
    register = build()
    figures = key_figures(as_of=D3)
    assert figures.summary() == (
        "Av 5 påmeldte fikk 3 kursbevis; 3 startet i oppdrag, 1 var fortsatt i oppdrag etter 12 måneder."
    )
    retention = {r.year: r for r in figures.retention}
    assert retention[2025].in_assignment == 2 and retention[2025].share(6) == 0.5
    assert retention[2026].share(6) == 1.0
    assert retention[2026].share(12) is None  # 01.03.2026 + 12 months is after 31.12.2026: not yet «0 %»
    year = key_figures(as_of=D3, scope=Scope(year=2026))
    assert _counts(year.funnel) == EXPECTED[D3]["oygarden"] and year.scope_label == "Kurs som startet i 2026"
    course = key_figures(as_of=D3, scope=Scope(course_id=register.bergen))
    assert _counts(course.funnel) == EXPECTED[D3]["bergen"]
    assert course.scope_label == "Kurs for treningskontakter (2025)"  # the same title, told apart by year
    place = key_figures(as_of=D3, scope=Scope(municipality="Øygarden"))
    assert [info.id for info, _ in place.per_course] == [register.oygarden]
    assert figures.years == [2026, 2025] and figures.municipalities == ["Bergen", "Øygarden"]


def test_an_empty_register_divides_by_nothing(db) -> None:
    figures = key_figures(as_of=D3)
    assert _counts(figures.funnel) == [0] * len(STEPS)
    assert figures.retention == [] and figures.active_municipalities == []


def test_workbook_has_formulas_for_the_rates_and_native_charts(db, tmp_path) -> None:
    from openpyxl import load_workbook

    build()
    out = tmp_path / "nøkkeltall.xlsx"
    write_report(out=out, as_of=D3)
    book = load_workbook(out)
    assert book.sheetnames == [
        "Trakt",
        "Per kurs",
        "Per kommune",
        "Per år",
        "Varighet i oppdrag",
        "Kommuner med oppdrag",
    ]
    funnel = book["Trakt"]
    assert [funnel.cell(row, 1).value for row in range(6, 15)][:2] == ["Påmeldt", "Tatt opp"]
    assert funnel["B9"].value == 3 and funnel["C9"].value == 5  # certified of registered
    assert funnel["D9"].value == '=IF(C9=0,"",B9/C9)' and funnel["D9"].number_format == "0%"
    per_year = book["Per år"]
    assert [per_year.cell(row, 1).value for row in (6, 7)] == ["2025", "2026"]
    assert per_year["K6"].value == '=IF(B6=0,"",E6/B6)'  # share certified
    with zipfile.ZipFile(out) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        xml = archive.read("xl/charts/chart1.xml").decode()
    assert len(charts) == 4  # funnel, per year, retention, municipalities
    assert "<barChart>" in xml and '<barDir val="bar" />' in xml  # horizontal bars
    assert "'Trakt'!$B$6:$B$14" in xml and "Fra påmeldt til tilbakebetalt" in xml


def test_pdf_report_reads_as_a_summary(db, tmp_path) -> None:
    from pypdf import PdfReader

    build()
    out = tmp_path / "nøkkeltall.pdf"
    write_report(out=out, as_of=D3, year=None)
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Hordaland Idrettskrets" in text and "Nøkkeltall – Hele registeret" in text
    assert "Per 31.12.2026" in text
    assert (
        "Av 5 påmeldte fikk 3 kursbevis; 3 startet i oppdrag, 1 var fortsatt i oppdrag etter 12 måneder."
        in text
    )
    assert "Kursbevis (60 %)" in text  # the funnel chart's label with the share
    assert "Kommuner med treningskontakter i oppdrag" in text


def test_report_refuses_other_file_kinds(db, tmp_path) -> None:
    from coursekeeper.errors import ValidationError

    with pytest.raises(ValidationError, match=r"xlsx eller \.pdf"):
        write_report(out=tmp_path / "rapport.docx", as_of=D3)
    assert not (tmp_path / "rapport.docx").exists()


def test_the_summary_groups_big_counts_like_money() -> None:
    from coursekeeper.services.key_figures import KeyFigures
    from coursekeeper.services.reports import Funnel

    funnel = Funnel("Hele registeret", registered=100_000, certified=1_234)
    figures = KeyFigures(dt.date(2026, 12, 7), Scope(), "Hele registeret", funnel, [], [], [], [], [])
    assert figures.summary().startswith("Av 100\u00a0000 påmeldte fikk 1\u00a0234 kursbevis;")
