"""Nøkkeltall: the funnel registered → certified → in assignment → refunded, per course and municipality."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from coursekeeper.services import reports
from coursekeeper.services.reports import STEP_LABELS, Funnel
from coursekeeper.ui.table_models import RIGHT, Column, RowTableModel
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets import status_labels
from coursekeeper.ui.widgets.data_table import DataTable
from coursekeeper.ui.widgets.form_fields import date_edit, date_of

#: The funnel's steps in order (every Funnel field but the label).
STEPS = list(STEP_LABELS)


def funnels(as_of: dt.date) -> tuple[list[Funnel], list[Funnel]]:
    """Per course and per municipality, each with its total row last."""
    per_course = reports.funnel_per_course(as_of)
    per_municipality = reports.funnel_per_municipality(as_of)
    return [*per_course, reports.total(per_course)], [*per_municipality, reports.total(per_municipality)]


class FunnelModel(RowTableModel):
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


class KeyFiguresView(QWidget):
    """Two tables (per course, per municipality) as of a chosen date; charts come later."""

    areas = frozenset({"courses", "enrolments", "attendance", "certificates", "assignments", "deposits"})
    #: Emitted after the tables were filled (tests wait on it).
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        title = QLabel(self.tr("Nøkkeltall"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.reload)
        explain = QLabel(
            self.tr(
                "Antall personer på hvert trinn: påmeldt, tatt opp, møtte, fikk kursbevis, startet oppdrag, "
                "var fortsatt i oppdrag etter 6, 12 og 18 måneder, og fikk egenandelen tilbake. "
                "Hold musen over et tall for å se andelen av de påmeldte."
            )
        )
        explain.setWordWrap(True)
        self.per_course = FunnelModel(self._columns(self.tr("Kurs")), self)
        self.per_municipality = FunnelModel(self._columns(self.tr("Kommune")), self)
        self.course_table = DataTable(self.per_course)
        self.municipality_table = DataTable(self.per_municipality)
        for table in (self.course_table, self.municipality_table):
            table.setSortingEnabled(False)  # the total row stays last
        self.tabs = QTabWidget()
        self.tabs.addTab(self.course_table, self.tr("Per kurs"))
        self.tabs.addTab(self.municipality_table, self.tr("Per kommune"))

        bar = QHBoxLayout()
        label = QLabel(self.tr("&Per dato:"))
        label.setBuddy(self.as_of)
        bar.addWidget(label)
        bar.addWidget(self.as_of)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(explain)
        layout.addWidget(self.tabs, 1)

    def _columns(self, first: str) -> list[Column]:
        columns: list[Column] = [Column(first, self._label, stretch=True)]
        for step in STEPS:
            columns.append(
                Column(
                    status_labels.funnel_step(step),
                    functools.partial(_count, step),
                    RIGHT,
                    tooltip=functools.partial(self._share, step),
                )
            )
        return columns

    def _label(self, funnel: Funnel) -> str:
        if funnel.label == "Totalt":
            return self.tr("Totalt")
        if funnel.label == "Uten kommune":
            return self.tr("Uten kommune")
        return funnel.label

    def _share(self, step: str, funnel: Funnel) -> str:
        if not funnel.registered:
            return ""
        percent = round(100 * getattr(funnel, step) / funnel.registered)
        return self.tr("%1 % av de påmeldte").replace("%1", str(percent))

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Count again as of the chosen date (on the database worker)."""
        self.tasks.run(
            functools.partial(funnels, date_of(self.as_of)),
            label=self.tr("Beregner nøkkeltall …"),
            on_done=self._on_loaded,
            parent=self,
        )

    def _on_loaded(self, result: tuple[list[Funnel], list[Funnel]]) -> None:
        per_course, per_municipality = result
        self.per_course.set_rows(per_course)
        self.per_municipality.set_rows(per_municipality)
        self.loaded.emit()


def _count(step: str, funnel: Funnel) -> int:
    return getattr(funnel, step)
