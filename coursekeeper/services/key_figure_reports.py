"""The key-figures report to hand on: a workbook with formulas and native charts, or a PDF (DESIGN §9).

``coursekeeper report --out FILE.xlsx|FILE.pdf [--year Y] [--as-of D]`` and the Nøkkeltall view's
«Lagre rapport» buttons both come here, so the file is the same whichever way it was made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coursekeeper.domain.dates import format_date
from coursekeeper.errors import ValidationError
from coursekeeper.excel.writing import ChartSpec, ColumnSpec, RateSpec, SheetSpec, write_workbook
from coursekeeper.i18n import tr
from coursekeeper.printing.models import ChartPrint, KeyFiguresPrint, TablePrint
from coursekeeper.services.key_figures import (
    STEPS,
    KeyFigures,
    Retention,
    Scope,
    key_figures,
    percent,
    rate,
    step_label,
)
from coursekeeper.services.reports import MILESTONES, Funnel

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportResult:
    """Where the report went and what it covers."""

    path: Path
    scope_label: str
    as_of: dt.date

    @property
    def message(self) -> str:
        """One sentence for the user."""
        return tr("Nøkkeltallrapporten er lagret i «{path}».", path=str(self.path))


def write_report(
    *,
    out: str | Path,
    as_of: dt.date | None = None,
    year: int | None = None,
    scope: Scope | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Write the report for ``scope`` (or ``year``) as of ``as_of`` to an .xlsx or .pdf file."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError(tr("Rapporten kan lagres som .xlsx eller .pdf, ikke «{name}».", name=path.name))
    as_of = as_of or dt.date.today()
    figures = key_figures(as_of=as_of, scope=scope or Scope(year=year))
    if suffix == ".xlsx":
        write_workbook(path, workbook_sheets(figures), progress=progress, exported_on=as_of)
    else:
        from coursekeeper.printing.key_figures_report import write_key_figures_report
        from coursekeeper.services.printouts import fonts_dir, own_profile

        report = report_print(figures, own_profile())
        write_key_figures_report(report, path, fonts_dir=fonts_dir(), progress=progress)
    return ReportResult(path, figures.scope_label, as_of)


# -- the workbook ------------------------------------------------------------------------------


def _step_columns() -> list[ColumnSpec]:
    return [ColumnSpec(step_label(step), "integer") for step in STEPS]


def _counts(funnel: Funnel) -> list[int]:
    return [getattr(funnel, step) for step in STEPS]


def _rates(offset: int) -> list[RateSpec]:
    """Shares as formulas: certified of registered, started of certified, stayed 12 months of started."""
    at = {step: offset + i for i, step in enumerate(STEPS)}
    return [
        RateSpec(tr("Andel med kursbevis"), at["certified"], at["registered"]),
        RateSpec(tr("Andel i oppdrag av dem med kursbevis"), at["in_assignment"], at["certified"]),
        RateSpec(tr("Andel i oppdrag etter 12 måneder"), at["reached_12"], at["in_assignment"]),
    ]


def workbook_sheets(figures: KeyFigures) -> list[SheetSpec]:
    """Funnel, per course, per municipality, per year, retention and reach, each with its chart."""
    subtitle = tr("{scope} · per {date}", scope=figures.scope_label, date=format_date(figures.as_of))
    funnel = figures.funnel
    steps = SheetSpec(
        title=tr("Trakt"),
        subtitle=subtitle,
        columns=[
            ColumnSpec(tr("Trinn")),
            ColumnSpec(tr("Antall"), "integer"),
            ColumnSpec(tr("Påmeldt"), "integer"),
        ],
        rows=[[step_label(s), getattr(funnel, s), funnel.registered] for s in STEPS],
        rates=[RateSpec(tr("Andel av de påmeldte"), 1, 2)],
        charts=[ChartSpec(tr("Fra påmeldt til tilbakebetalt"), 0, (1,), horizontal=True)],
    )
    course_columns = [ColumnSpec(tr("Kurs")), ColumnSpec(tr("År"), "integer"), ColumnSpec(tr("Kommune"))]
    per_course = SheetSpec(
        title=tr("Per kurs"),
        subtitle=subtitle,
        columns=[*course_columns, *_step_columns()],
        rows=[
            [info.title, info.start_date.year, info.municipality, *_counts(f)]
            for info, f in figures.per_course
        ],
        totals=True,
        rates=_rates(3),
    )
    per_municipality = SheetSpec(
        title=tr("Per kommune"),
        subtitle=subtitle,
        columns=[ColumnSpec(tr("Kommune")), *_step_columns()],
        rows=[[f.label, *_counts(f)] for f in figures.per_municipality],
        totals=True,
        rates=_rates(1),
    )
    per_year = SheetSpec(
        title=tr("Per år"),
        subtitle=subtitle,
        columns=[ColumnSpec(tr("År")), *_step_columns()],
        rows=[[f.label, *_counts(f)] for f in figures.per_year],
        totals=True,
        rates=_rates(1),
        charts=[ChartSpec(tr("Påmeldt, kursbevis og i oppdrag per kursår"), 0, (1, 4, 5))],
    )
    retention = SheetSpec(
        title=tr("Varighet i oppdrag"),
        subtitle=subtitle,
        columns=[
            ColumnSpec(tr("Kursår")),
            ColumnSpec(tr("Kursbevis"), "integer"),
            ColumnSpec(tr("I oppdrag"), "integer"),
            *[ColumnSpec(tr("Etter {months} måneder", months=m), "integer") for m in MILESTONES],
        ],
        rows=[[str(r.year), r.certified, r.in_assignment, *r.reached.values()] for r in figures.retention],
        rates=[
            RateSpec(tr("Andel etter {months} måneder", months=m), 3 + i, 2) for i, m in enumerate(MILESTONES)
        ],
        charts=[ChartSpec(tr("Fortsatt i oppdrag, andel av dem som startet"), 0, (6, 7, 8), percent=True)],
    )
    reach = SheetSpec(
        title=tr("Kommuner med oppdrag"),
        subtitle=tr(
            "Kommuner der minst én treningskontakt var i oppdrag i løpet av året · per {date}",
            date=format_date(figures.as_of),
        ),
        columns=[ColumnSpec(tr("År")), ColumnSpec(tr("Kommuner"), "integer")],
        rows=[[str(year), count] for year, count in figures.active_municipalities],
        charts=[ChartSpec(tr("Kommuner med treningskontakter i oppdrag"), 0, (1,))],
    )
    return [steps, per_course, per_municipality, per_year, retention, reach]


# -- the PDF -----------------------------------------------------------------------------------


def report_print(figures: KeyFigures, organisation) -> KeyFiguresPrint:
    """The PDF report's content: heading, period, summary, three charts and the key tables."""
    funnel = figures.funnel
    charts = [
        ChartPrint(
            tr("Fra påmeldt til tilbakebetalt"),
            [f"{step_label(s)} ({percent(rate(getattr(funnel, s), funnel.registered))})" for s in STEPS],
            [(tr("Personer"), [float(getattr(funnel, s)) for s in STEPS])],
        ),
        ChartPrint(
            tr("Fortsatt i oppdrag, per kursår"),
            [str(r.year) for r in figures.retention],
            [(tr("{months} mnd", months=m), [r.share(m) for r in figures.retention]) for m in MILESTONES],
            percent=True,
        ),
        ChartPrint(
            tr("Kommuner med treningskontakter i oppdrag (alle kurs)"),
            [str(year) for year, _ in figures.active_municipalities],
            [(tr("Kommuner"), [float(count) for _, count in figures.active_municipalities])],
        ),
    ]
    header = [tr("År"), *[step_label(s) for s in ("registered", "certified", "in_assignment", "reached_12")]]
    header += [tr("Andel med kursbevis"), tr("Andel i oppdrag etter 12 måneder")]
    measured = {str(r.year): r for r in figures.retention}
    rows = [_year_row(f, measured.get(f.label)) for f in figures.per_year]
    several = len(figures.per_year) > 1
    tables = [TablePrint(tr("Per kursår"), header, [*rows, _year_row(funnel)] if several else rows, several)]
    if len(figures.per_municipality) > 1:
        tables.append(
            TablePrint(
                tr("Per kommune"),
                [tr("Kommune"), *header[1:]],
                [*(_year_row(f) for f in figures.per_municipality), _year_row(funnel)],
            )
        )
    return KeyFiguresPrint(
        organisation=organisation,
        heading=tr("Nøkkeltall – {scope}", scope=figures.scope_label),
        period=tr("Per {date}", date=format_date(figures.as_of)),
        summary=figures.summary(),
        charts=charts,
        tables=tables,
        footer=tr("Nøkkeltall fra CourseKeeper · {date}", date=format_date(figures.as_of)),
    )


def _year_row(f: Funnel, retention: Retention | None = None) -> list[str]:
    """A table row; a course year whose 12 months cannot have passed yet shows «–», not «0 %»."""
    stayed = rate(f.reached_12, f.in_assignment)
    if retention is not None and 12 not in retention.measurable:
        stayed = None
    return [
        f.label,
        str(f.registered),
        str(f.certified),
        str(f.in_assignment),
        str(f.reached_12),
        percent(rate(f.certified, f.registered)),
        percent(stayed),
    ]
