"""Everyone in a table a page at a time, searched and sorted by the database (æøå-aware): Personer
and the person picker."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from coursekeeper.services.people_pages import SORTS, PeoplePage, PeopleQuery, people_page
from coursekeeper.services.phone_display import display_phone
from coursekeeper.ui.table_models import CENTER, Column, identifying_column
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.rows_panel import RowsPanel


class PeopleList(RowsPanel):
    """Everyone (but ``leave_out``); the next page comes on scrolling, Ctrl+A fetches every match."""

    def __init__(
        self, tasks: TaskRunner, parent: QWidget | None = None, *, leave_out: int | None = None
    ) -> None:
        super().__init__(tasks, parent=parent)
        self.leave_out = leave_out

    def make_columns(self) -> list[Column]:
        """Name, birth date, contact, municipality, number of courses."""
        return [
            identifying_column(self.tr("Etternavn"), lambda r: r.last_name),
            identifying_column(self.tr("Fornavn"), lambda r: r.first_name),
            Column(self.tr("Født"), lambda r: r.birth_date, sort_key=lambda r: r.birth_date or dt.date.min),
            Column(self.tr("E-post"), lambda r: r.email, sort_key=lambda r: r.email),
            Column(self.tr("Telefon"), lambda r: display_phone(r.phone), sort_key=lambda r: r.phone_digits),
            Column(self.tr("Kommune"), lambda r: r.municipality, sort_key=lambda r: nb_key(r.municipality)),
            Column(self.tr("Kurs"), lambda r: r.courses, CENTER, lambda r: r.courses),
        ]

    def reload(self) -> None:
        """Read the first page again (same search and order); more come as the user scrolls."""
        self.load_pages(self.tr("Henter personer …"))

    def read_page(self, offset: int, limit: int | None) -> Callable[[], PeoplePage]:
        """Rows from ``offset`` in the order and with the search shown."""
        column, descending = self.order
        sort = SORTS[column] if column is not None else None
        query = PeopleQuery(tuple(self._terms), sort, descending, self.leave_out)
        return functools.partial(people_page, query, offset=offset, limit=limit)
