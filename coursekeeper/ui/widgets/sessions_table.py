"""The course form's sessions: one row per day with date, from, to and hours; add and remove rows."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date, parse_date
from coursekeeper.errors import ValidationError
from coursekeeper.services.courses import SessionInput

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
DATE, START, END, HOURS = range(4)


def _minutes_between(start: str, end: str) -> int | None:
    a, b = _TIME.match(start.strip()), _TIME.match(end.strip())
    if not (a and b):
        return None
    return (int(b[1]) * 60 + int(b[2])) - (int(a[1]) * 60 + int(a[2]))


class SessionsTable(QWidget):
    """Editable like a spreadsheet: type a date, times; hours fill in from the times."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Dato"), self.tr("Fra"), self.tr("Til"), self.tr("Timer")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.Stretch)
        for column in (START, END, HOURS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(130)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton(self.tr("Legg til økt"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Fjern økt"))
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def add_row(self, session: SessionInput | None = None) -> None:
        """A new row; without a session it continues from the last row (next day, same times)."""
        row = self.table.rowCount()
        if not isinstance(session, SessionInput):
            previous = self.sessions_or_none()
            if previous:
                last = previous[-1]
                session = SessionInput(last.date + dt.timedelta(days=1), last.start_time, last.end_time)
            else:
                session = SessionInput(dt.date.today(), "09:00", "16:00")
        self.table.blockSignals(True)
        self.table.insertRow(row)
        hours = (
            session.minutes
            if session.minutes is not None
            else _minutes_between(session.start_time, session.end_time)
        )
        for column, text in (
            (DATE, format_date(session.date)),
            (START, session.start_time),
            (END, session.end_time),
            (HOURS, "" if hours is None else f"{hours / 60:g}".replace(".", ",")),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, DATE)

    def set_sessions(self, sessions: list[SessionInput]) -> None:
        """Replace the rows."""
        self.table.setRowCount(0)
        for s in sessions:
            self.add_row(s)

    def state(self) -> tuple[tuple[str, ...], ...]:
        """Every cell's text, row by row (what the user typed, readable or not)."""
        return tuple(
            tuple(self._text(row, column) for column in range(self.table.columnCount()))
            for row in range(self.table.rowCount())
        )

    def set_state(self, rows: tuple[tuple[str, ...], ...]) -> None:
        """Put back the cells ``state`` read."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row, texts in enumerate(rows):
            self.table.insertRow(row)
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)

    def shown(self) -> str:
        """The days, as a short text."""
        return ", ".join(texts[DATE] for texts in self.state())

    def remove_current(self) -> None:
        """Remove the row under the cursor."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in (START, END):
            minutes = _minutes_between(self._text(item.row(), START), self._text(item.row(), END))
            if minutes is not None and minutes > 0:
                self.table.blockSignals(True)
                self.table.item(item.row(), HOURS).setText(f"{minutes / 60:g}".replace(".", ","))
                self.table.blockSignals(False)

    def sessions_or_none(self) -> list[SessionInput] | None:
        """The rows as sessions, or None when a row cannot be read."""
        try:
            return self.sessions()
        except ValidationError:
            return None

    def sessions(self) -> list[SessionInput]:
        """The rows as sessions; ValidationError naming the row and column otherwise."""
        result = []
        for row in range(self.table.rowCount()):
            where = self.tr("Økt %1").replace("%1", str(row + 1))
            try:
                date = parse_date(self._text(row, DATE))
            except ValidationError:
                raise ValidationError(
                    where + ": " + self.tr("skriv datoen som dd.mm.åååå, for eksempel 09.04.2026.")
                ) from None
            start, end = self._text(row, START), self._text(row, END)
            for value in (start, end):
                if value and not _TIME.match(value):
                    raise ValidationError(
                        where
                        + ": "
                        + self.tr("«%1» er ikke et klokkeslett. Skriv TT:MM.").replace("%1", value)
                    )
            hours_text = self._text(row, HOURS).replace(",", ".")
            minutes = None
            if hours_text:
                try:
                    minutes = round(float(hours_text) * 60)
                except ValueError:
                    raise ValidationError(
                        where + ": " + self.tr("timer må være et tall, for eksempel 6 eller 7,5.")
                    ) from None
            between = _minutes_between(start, end)
            if between is not None and between <= 0:
                raise ValidationError(where + ": " + self.tr("sluttid må være etter starttid."))
            if minutes is None and between is None:
                raise ValidationError(
                    where + ": " + self.tr("oppgi klokkeslett fra og til, eller antall timer.")
                )
            if minutes is not None and minutes <= 0:
                raise ValidationError(where + ": " + self.tr("antall timer må være større enn null."))
            result.append(SessionInput(date, start, end, minutes))
        return result
