"""Key figures for a board or a county (DESIGN §9): the funnel for a scope, per year, retention, reach.

A scope is the whole register, one course year, one course or one host municipality. Everything
is counted as of a date through ``reports`` (the per-enrolment funnel), then grouped here, so the
numbers in the window, the workbook and the PDF report are the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import peewee as pw

from coursekeeper.db.models import Course, Municipality
from coursekeeper.domain.dates import add_months
from coursekeeper.domain.money import format_count
from coursekeeper.i18n import tr
from coursekeeper.services import reports
from coursekeeper.services.reports import MILESTONES, STEP_LABELS, Funnel

#: The funnel's steps in order (every counted Funnel field).
STEPS = list(STEP_LABELS)


@dataclass(frozen=True)
class Scope:
    """What to count: everything, one course year, one course, or one host municipality."""

    year: int | None = None
    course_id: int | None = None
    municipality: str | None = None


@dataclass(frozen=True)
class CourseInfo:
    """A course's identity for the tables: title with its year, host municipality."""

    id: int
    title: str
    start_date: dt.date
    municipality: str


@dataclass(frozen=True)
class Retention:
    """Of those certified on one year's courses, how many started and stayed in an assignment."""

    year: int
    certified: int
    in_assignment: int
    reached: dict[int, int]  # months → people still in an assignment after that many months
    measurable: frozenset[int] = frozenset(MILESTONES)  # milestones someone could have reached by now

    def share(self, months: int) -> float | None:
        """The share of those who started an assignment that were still in one after ``months``.

        None (shown «–») when nobody started one, or when no assignment from a course that year
        can have lasted ``months`` yet: a 0 % there would be a measurement not yet possible.
        """
        if not self.in_assignment or months not in self.measurable:
            return None
        return self.reached[months] / self.in_assignment


@dataclass
class KeyFigures:
    """Everything the view, the workbook and the PDF report show, for one scope as of one date."""

    as_of: dt.date
    scope: Scope
    scope_label: str
    funnel: Funnel
    per_course: list[tuple[CourseInfo, Funnel]]
    per_municipality: list[Funnel]
    per_year: list[Funnel]
    retention: list[Retention]
    active_municipalities: list[tuple[int, int]]  # (year, municipalities with someone in an assignment)
    years: list[int] = field(default_factory=list)  # every course year in the register, newest first
    municipalities: list[str] = field(default_factory=list)  # every host municipality, A–Z
    courses: list[CourseInfo] = field(default_factory=list)  # every course, newest first

    def summary(self) -> str:
        """The funnel in one or two sentences, as a board reads it."""
        f = self.funnel
        return tr(
            "Av {registered} påmeldte fikk {certified} kursbevis; {started} startet i oppdrag, "
            "{stayed} var fortsatt i oppdrag etter 12 måneder.",
            registered=format_count(f.registered),
            certified=format_count(f.certified),
            started=format_count(f.in_assignment),
            stayed=format_count(f.reached_12),
        )


def rate(part: int, whole: int) -> float | None:
    """``part / whole``, or None when nothing was registered (no 0 % for an empty course)."""
    return part / whole if whole else None


def step_label(step: str) -> str:
    """The funnel step's name in the chosen language."""
    return {
        "registered": tr("Påmeldt"),
        "accepted": tr("Tatt opp"),
        "attended": tr("Møtte"),
        "certified": tr("Kursbevis"),
        "in_assignment": tr("I oppdrag"),
        "reached_6": tr("6 måneder"),
        "reached_12": tr("12 måneder"),
        "reached_18": tr("18 måneder"),
        "refunded": tr("Tilbakebetalt"),
    }[step]


def percent(value: float | None) -> str:
    """``55 %``, or a dash when there is nothing to divide by."""
    return "–" if value is None else f"{round(value * 100)} %"


def courses() -> list[CourseInfo]:
    """Every course with its host municipality, newest first (one query)."""
    query = (
        Course.select(Course.id, Course.title, Course.start_date, Municipality.name)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .order_by(Course.start_date.desc(), Course.id.desc())
        .tuples()
    )
    return [CourseInfo(cid, title, start, name or "") for cid, title, start, name in query]


def key_figures(*, as_of: dt.date, scope: Scope | None = None) -> KeyFigures:
    """The key figures of ``scope`` (default: the whole register) as of ``as_of``."""
    scope = scope or Scope()
    infos = {c.id: c for c in courses()}
    started = reports.assignments_started(as_of)
    counts = reports.counts_per_course(as_of, started)
    every = [
        (info, reports.course_funnel(info.id, info.title, info.start_date, counts)) for info in infos.values()
    ]
    chosen = [
        (info, funnel)
        for info, funnel in every
        if (scope.year is None or info.start_date.year == scope.year)
        and (scope.course_id is None or info.id == scope.course_id)
        and (scope.municipality is None or info.municipality == scope.municipality)
    ]
    return KeyFigures(
        as_of=as_of,
        scope=scope,
        scope_label=_scope_label(scope, infos),
        funnel=reports.summed(tr("Totalt"), [f for _, f in chosen]),
        per_course=chosen,
        per_municipality=_grouped(chosen, lambda info: info.municipality or tr("Uten kommune")),
        per_year=_grouped(chosen, lambda info: str(info.start_date.year)),
        retention=_retention(chosen, as_of),
        active_municipalities=_active_municipalities(as_of, started),
        years=sorted({info.start_date.year for info, _ in every}, reverse=True),
        municipalities=sorted({info.municipality for info, _ in every if info.municipality}),
        courses=list(infos.values()),
    )


def _scope_label(scope: Scope, infos: dict[int, CourseInfo]) -> str:
    if scope.course_id is not None and scope.course_id in infos:
        info = infos[scope.course_id]
        return tr("{title} ({year})", title=info.title, year=info.start_date.year)
    if scope.year is not None:
        return tr("Kurs som startet i {year}", year=scope.year)
    if scope.municipality is not None:
        return tr("Kurs i {municipality}", municipality=scope.municipality)
    return tr("Hele registeret")


def _grouped(chosen: list[tuple[CourseInfo, Funnel]], key) -> list[Funnel]:
    groups: dict[str, list[Funnel]] = defaultdict(list)
    for info, funnel in chosen:
        groups[key(info)].append(funnel)
    return [reports.summed(label, groups[label]) for label in sorted(groups)]


def _retention(chosen: list[tuple[CourseInfo, Funnel]], as_of: dt.date) -> list[Retention]:
    by_year: dict[int, list[Funnel]] = defaultdict(list)
    for info, funnel in chosen:
        by_year[info.start_date.year].append(funnel)
    out = []
    for year in sorted(by_year):
        total = reports.summed(str(year), by_year[year])
        if not total.certified:
            continue  # a course year nobody has finished yet says nothing about staying
        reached = {months: getattr(total, f"reached_{months}") for months in MILESTONES}
        first_start = min(info.start_date for info, _ in chosen if info.start_date.year == year)
        measurable = frozenset(m for m in MILESTONES if add_months(first_start, m) <= as_of)
        out.append(Retention(year, total.certified, total.in_assignment, reached, measurable))
    return out


def _active_municipalities(as_of: dt.date, started: list[reports.Started]) -> list[tuple[int, int]]:
    """Per year up to ``as_of``: municipalities where someone was in an assignment that year."""
    active: dict[int, set[int]] = defaultdict(set)
    for _person, municipality, start, end in started:
        if municipality is None:
            continue
        last = min(end or as_of, as_of)
        for year in range(start.year, last.year + 1):
            active[year].add(municipality)
    if not active:
        return []
    return [(year, len(active.get(year, ()))) for year in range(min(active), as_of.year + 1)]
