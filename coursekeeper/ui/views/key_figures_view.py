"""Nøkkeltall: the funnel, retention and reach as charts and tables, for a scope as of a date.

The scope is the whole register, one course year, one host municipality or one course. The
counting runs on the database worker (``services.key_figures``); this view only draws. «Lagre
rapport» writes the same numbers as a workbook with native Excel charts or as a PDF report.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.money import format_count
from coursekeeper.services.key_figures import STEPS, KeyFigures, Scope, key_figures, percent, rate, step_label
from coursekeeper.services.reports import MILESTONES, Funnel
from coursekeeper.ui import messages
from coursekeeper.ui.printing_actions import documents_folder, open_file
from coursekeeper.ui.table_models import RIGHT, Column, RowTableModel
from coursekeeper.ui.tasks import Progress, TaskRunner
from coursekeeper.ui.widgets.bar_chart import BarChart, Series
from coursekeeper.ui.widgets.data_table import DataTable
from coursekeeper.ui.widgets.form_fields import date_edit, date_of

if TYPE_CHECKING:
    from coursekeeper.services.key_figure_reports import ReportResult

ALL, YEAR, MUNICIPALITY, COURSE = "all", "year", "municipality", "course"


class TotalLastModel(RowTableModel):
    """The last row is the total, in bold."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Bold for the total row; everything else as the base model."""
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() == self.rowCount() - 1:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _cell(step: str, funnel: Funnel) -> str:
    """``47 · 55 %``: the count and its share of the registered (just the count for "registered")."""
    count = getattr(funnel, step)
    if step == "registered":
        return format_count(count)
    return f"{format_count(count)} · {percent(rate(count, funnel.registered))}"


def _two_lines(header: str) -> str:
    return header.replace(" ", "\n", 1)


def _step_columns(funnel_of=lambda row: row) -> list[Column]:
    """One column per funnel step; ``funnel_of`` finds the funnel in a row."""
    return [
        # Two-line headers ("12\nmåneder") keep the nine number columns narrow enough for 1280 px.
        Column(
            _two_lines(step_label(step)),
            lambda row, step=step: _cell(step, funnel_of(row)),
            RIGHT,
            sort_key=lambda row, step=step: getattr(funnel_of(row), step),  # by number, not «1 000 · …» text
        )
        for step in STEPS
    ]


class KeyFiguresView(QWidget):
    """Charts on top (funnel, retention per course year, municipalities per year), tables below."""

    areas = frozenset({"courses", "enrolments", "attendance", "certificates", "assignments", "deposits"})
    #: Emitted after the charts and tables were filled (tests wait on it).
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.figures: KeyFigures | None = None
        title = QLabel(self.tr("Nøkkeltall"))
        title.setObjectName("viewTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.reload)
        self.scope_kind = QComboBox()
        for text, kind in (
            (self.tr("Hele registeret"), ALL),
            (self.tr("Ett kursår"), YEAR),
            (self.tr("Én kommune"), MUNICIPALITY),
            (self.tr("Ett kurs"), COURSE),
        ):
            self.scope_kind.addItem(text, kind)
        self.scope_kind.currentIndexChanged.connect(self._fill_choices)
        self.scope_choice = QComboBox()
        self.scope_choice.setMinimumContentsLength(24)
        self.scope_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scope_choice.setVisible(False)
        self.scope_choice.activated.connect(self.reload)
        self.excel_button = QPushButton(self.tr("Lagre rapport som Excel …"))
        self.excel_button.setToolTip(self.tr("Arbeidsbok med tabeller, andeler som formler og diagrammer"))
        self.excel_button.clicked.connect(functools.partial(self.save_report, ".xlsx"))
        self.pdf_button = QPushButton(self.tr("Lagre rapport som PDF …"))
        self.pdf_button.setToolTip(
            self.tr("En kort rapport på én eller to A4-sider, til styret eller fylket")
        )
        self.pdf_button.clicked.connect(functools.partial(self.save_report, ".pdf"))

        bar = QHBoxLayout()
        for text, widget in ((self.tr("&Per dato:"), self.as_of), (self.tr("&Utvalg:"), self.scope_kind)):
            label = QLabel(text)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.scope_choice)
        bar.addStretch(1)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.pdf_button)

        self.summary = QLabel()
        self.summary.setObjectName("keyFiguresSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")
        self.funnel_chart = BarChart(horizontal=True)
        self.retention_chart = BarChart(horizontal=False)
        self.reach_chart = BarChart(horizontal=False)
        charts = QWidget()
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.funnel_chart, 5)
        row.addWidget(self.retention_chart, 4)
        row.addWidget(self.reach_chart, 3)

        self.per_course = TotalLastModel(
            [
                Column(self.tr("Kurs"), lambda r: r[0].title if r[0] else self.tr("Totalt"), stretch=True),
                Column(self.tr("År"), lambda r: str(r[0].start_date.year) if r[0] else ""),
                Column(self.tr("Kommune"), lambda r: r[0].municipality if r[0] else ""),
                *_step_columns(lambda row: row[1]),
            ],
            self,
        )
        self.per_municipality = TotalLastModel(
            [Column(self.tr("Kommune"), lambda f: f.label, stretch=True), *_step_columns()], self
        )
        self.per_year = TotalLastModel(
            [Column(self.tr("Kursår"), lambda f: f.label, stretch=True), *_step_columns()], self
        )
        self.tables = QTabWidget()
        for model, name, text in (
            (self.per_course, "perCourse", self.tr("Per kurs")),
            (self.per_municipality, "perMunicipality", self.tr("Per kommune")),
            (self.per_year, "perYear", self.tr("Per år")),
        ):
            table = DataTable(model)
            table.setObjectName(name)
            table.setSortingEnabled(False)  # the total row stays last
            self.tables.addTab(table, text)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(charts)
        splitter.addWidget(self.tables)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    # -- scope -------------------------------------------------------------------------------

    def scope(self) -> Scope:
        """The chosen scope."""
        kind, value = self.scope_kind.currentData(), self.scope_choice.currentData()
        if kind == YEAR and value is not None:
            return Scope(year=int(value))
        if kind == MUNICIPALITY and value is not None:
            return Scope(municipality=str(value))
        if kind == COURSE and value is not None:
            return Scope(course_id=int(value))
        return Scope()

    def _fill_choices(self) -> None:
        kind = self.scope_kind.currentData()
        self.scope_choice.clear()
        figures = self.figures
        if figures is not None and kind == YEAR:
            for year in figures.years:
                self.scope_choice.addItem(str(year), year)
        elif figures is not None and kind == MUNICIPALITY:
            for name in figures.municipalities:
                self.scope_choice.addItem(name, name)
        elif figures is not None and kind == COURSE:
            for info in figures.courses:
                self.scope_choice.addItem(f"{info.title} ({info.start_date.year})", info.id)
        self.scope_choice.setVisible(kind != ALL)
        self.reload()

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Count again for the chosen scope as of the chosen date (on the database worker)."""
        self.tasks.run(
            functools.partial(key_figures, as_of=date_of(self.as_of), scope=self.scope()),
            label=self.tr("Beregner nøkkeltall …"),
            on_done=self._on_loaded,
            parent=self,
        )

    def _on_loaded(self, figures: KeyFigures) -> None:
        self.figures = figures
        self.summary.setText(figures.summary())
        total = [(None, figures.funnel)] if len(figures.per_course) != 1 else []
        self.per_course.set_rows([*figures.per_course, *total])
        self.per_municipality.set_rows([*figures.per_municipality, figures.funnel])
        self.per_year.set_rows([*figures.per_year, figures.funnel])
        self._draw_charts(figures)
        self.loaded.emit()

    def _draw_charts(self, figures: KeyFigures) -> None:
        funnel = figures.funnel
        counts = [getattr(funnel, s) for s in STEPS]
        self.funnel_chart.set_data(
            self.tr("Fra påmeldt til tilbakebetalt – %1").replace("%1", figures.scope_label),
            [step_label(s) for s in STEPS],
            [
                Series(
                    self.tr("Personer"),
                    counts,
                    [f"{format_count(n)} ({percent(rate(n, funnel.registered))})" for n in counts],
                )
            ],
            self.tr("Ingen påmeldte i utvalget ennå."),
        )
        retention = figures.retention
        self.retention_chart.set_data(
            self.tr("Fortsatt i oppdrag, per kursår"),
            [str(r.year) for r in retention],
            [
                Series(
                    self.tr("%1 mnd").replace("%1", str(months)),
                    [r.share(months) or 0.0 for r in retention],  # «–» below: not measurable yet
                    [percent(r.share(months)) for r in retention],
                )
                for months in MILESTONES
            ],
            self.tr("Ingen i oppdrag ennå."),
        )
        reach = figures.active_municipalities
        self.reach_chart.set_data(
            self.tr("Kommuner med treningskontakter i oppdrag"),
            [str(year) for year, _ in reach],
            [Series(self.tr("Kommuner"), [count for _, count in reach], [str(count) for _, count in reach])],
            self.tr("Ingen oppdrag registrert ennå."),
        )

    # -- the report --------------------------------------------------------------------------

    def save_report(self, suffix: str, *_args: object) -> None:
        """Ask where, then write the workbook or PDF on the worker and offer to open it."""
        figures = self.figures
        name = self.tr("Nøkkeltall") + (f" {figures.scope_label}" if figures else "")
        default = documents_folder() / (_file_safe(name) + suffix)
        caption = self.tr("Lagre rapport")
        pattern = (
            self.tr("Excel-arbeidsbøker (*.xlsx)") if suffix == ".xlsx" else self.tr("PDF-filer (*.pdf)")
        )
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(default), pattern)
        if not chosen:
            return
        out = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
        self.tasks.run(
            functools.partial(_write_report, out=out, as_of=date_of(self.as_of), scope=self.scope()),
            label=self.tr("Skriver rapporten …"),
            on_done=self._on_saved,
            parent=self,
        )

    def _on_saved(self, result: ReportResult) -> None:
        if messages.confirm(
            self,
            self.tr("Rapporten er lagret"),
            result.message + "\n\n" + self.tr("Vil du åpne filen nå?"),
            self.tr("Åpne filen"),
            safe=True,
        ):
            open_file(result.path)


def _write_report(progress: Progress, *, out: Path, as_of: dt.date, scope: Scope) -> ReportResult:
    from coursekeeper.services import key_figure_reports  # openpyxl and reportlab: only when saving

    return key_figure_reports.write_report(out=out, as_of=as_of, scope=scope, progress=progress.update)


def _file_safe(name: str) -> str:
    return "".join(" " if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(" .")[:80]
