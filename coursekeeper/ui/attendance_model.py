"""The attendance grid's model: participants × sessions, tick present or type hours."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from coursekeeper.domain.dates import format_date
from coursekeeper.domain.states import EnrolmentState
from coursekeeper.services.attendance import has_started
from coursekeeper.services.course_overview import AttendanceSheet
from coursekeeper.ui.table_models import format_hours

_Index = QModelIndex | QPersistentModelIndex
NAME = 0


def parse_hours(text: str) -> int | None:
    """``6``, ``7,5`` or ``7.5`` hours → minutes; None when it is not a number."""
    cleaned = text.strip().replace(",", ".").removesuffix("t").strip()
    if not cleaned:
        return 0
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return round(value * 60) if value >= 0 else None


class AttendanceModel(QAbstractTableModel):
    """Column 0 names, then one column per session, then attended hours and completion."""

    #: ``(enrolment_id, session_id, minutes, was)`` after the user changed a cell; ``was`` is what
    #: the cell showed before (None: empty), so a save over someone else's entry can be refused.
    minutes_changed = Signal(int, int, int, object)
    #: A Norwegian message when typed hours could not be used.
    rejected = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.sheet: AttendanceSheet | None = None
        self.minutes: dict[tuple[int, int], int] = {}
        self.started: frozenset[int] = frozenset()

    def set_sheet(self, sheet: AttendanceSheet) -> None:
        """Show a course's sheet; sessions that have not begun yet are shown but cannot be ticked."""
        self.beginResetModel()
        self.sheet = sheet
        self.minutes = dict(sheet.minutes)
        self.started = frozenset(s.id for s in sheet.sessions if has_started(s.date, s.start_time))
        self.endResetModel()

    # -- shape -------------------------------------------------------------------------------

    def _sessions(self) -> tuple:
        return self.sheet.sessions if self.sheet else ()

    def _participants(self) -> tuple:
        return self.sheet.participants if self.sheet else ()

    @property
    def total_column(self) -> int:
        """Column with attended hours."""
        return 1 + len(self._sessions())

    @property
    def done_column(self) -> int:
        """Column with «Fullført ja/nei»."""
        return 2 + len(self._sessions())

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """One row per participant."""
        return 0 if parent.isValid() else len(self._participants())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Name, sessions, hours, completion."""
        return 0 if parent.isValid() or self.sheet is None else 3 + len(self._sessions())

    def session_at(self, column: int):
        """The session shown in ``column``, or None for the other columns."""
        sessions = self._sessions()
        return sessions[column - 1] if 1 <= column <= len(sessions) else None

    def attended(self, row: int) -> int:
        """Minutes attended by the participant in ``row``, as typed so far."""
        eid = self._participants()[row].id
        return sum(self.minutes.get((eid, s.id), 0) for s in self._sessions())

    def is_complete(self, row: int) -> bool:
        """Attended hours reach the course's required hours."""
        return self.sheet is not None and self.attended(row) >= self.sheet.course.required_minutes > 0

    # -- data --------------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Session dates as headers (with times in the tooltip)."""
        if orientation != Qt.Orientation.Horizontal or self.sheet is None:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        session = self.session_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME:
                return self.tr("Deltaker")
            if session is not None:
                hours = self.tr("%1 t").replace("%1", format_hours(session.minutes))
                if session.id not in self.started:
                    hours += "\n" + self.tr("ikke begynt")
                return f"{format_date(session.date)}\n{hours}"
            if section == self.total_column:
                return self.tr("Timer")
            if section == self.done_column:
                return self.tr("Fullført")
        if role == Qt.ItemDataRole.ToolTipRole and session is not None:
            times = f"{session.start_time}–{session.end_time}"
            return (
                times if session.id in self.started else times + "\n" + self.tr("Økten har ikke begynt ennå")
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Cells of sessions that have begun are checkable and editable (type hours)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        session = self.session_at(index.column())
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if session is not None and session.id in self.started:
            return base | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Names, ticks with hours, totals and completion."""
        if not index.isValid() or self.sheet is None or not (0 <= index.row() < self.rowCount()):
            return None
        row, column = index.row(), index.column()
        person = self._participants()[row]
        session = self.session_at(column)
        if session is not None:
            minutes = self.minutes.get((person.id, session.id))
            if role == Qt.ItemDataRole.CheckStateRole:
                if session.id not in self.started:
                    return None  # no box to tick before the session begins
                if not minutes:
                    return Qt.CheckState.Unchecked
                full = minutes >= session.minutes
                return Qt.CheckState.Checked if full else Qt.CheckState.PartiallyChecked
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return "" if minutes is None else format_hours(minutes)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
            if role == Qt.ItemDataRole.ToolTipRole and session.id not in self.started:
                return self.tr("Økten har ikke begynt ennå")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return person.name
            if column == self.total_column:
                return format_hours(self.attended(row))
            if column == self.done_column:
                return self.tr("Ja") if self.is_complete(row) else self.tr("Nei")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.total_column, self.done_column):
            return int(Qt.AlignmentFlag.AlignCenter.value)
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick (full session or absent) or typed hours; announces the change for saving."""
        session = self.session_at(index.column()) if index.isValid() else None
        if session is None or self.sheet is None or session.id not in self.started:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
            minutes = session.minutes if checked != Qt.CheckState.Unchecked else 0
        elif role == Qt.ItemDataRole.EditRole:
            minutes = parse_hours(str(value))
            if minutes is None or minutes > session.minutes:
                self.rejected.emit(
                    self.tr("Skriv timer mellom 0 og %1 for økten %2.")
                    .replace("%1", format_hours(session.minutes))
                    .replace("%2", format_date(session.date))
                )
                return False
        else:
            return False
        return self.set_minutes(index.row(), session.id, minutes)

    def set_minutes(self, row: int, session_id: int, minutes: int, *, announce: bool = True) -> bool:
        """Change one cell and the row's totals."""
        eid = self._participants()[row].id
        was = self.minutes.get((eid, session_id))
        if was == minutes:
            return True
        self.minutes[(eid, session_id)] = minutes
        column = next(i for i, s in enumerate(self._sessions(), start=1) if s.id == session_id)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))
        self.dataChanged.emit(self.index(row, self.total_column), self.index(row, self.done_column))
        if announce:
            self.minutes_changed.emit(eid, session_id, minutes, was)
        return True

    def last_session_ahead(self, today: dt.date) -> dt.date | None:
        """The last session's date when it is after ``today`` (the course has sessions left)."""
        last = max((s.date for s in self._sessions()), default=None)
        return last if last is not None and last > today else None

    def mark_all_present(self, session_id: int) -> dict[int, int | None]:
        """Everyone accepted present for the session, in the grid (the caller saves it in one go).

        Returns each of their cells as it was before (None: empty), for the save to check.
        """
        session = next(s for s in self._sessions() if s.id == session_id)
        was = {}
        for row, person in enumerate(self._participants()):
            if person.state == EnrolmentState.ACCEPTED:
                was[person.id] = self.minutes.get((person.id, session_id))
                self.set_minutes(row, session_id, session.minutes, announce=False)
        return was
