"""A table of rows loaded on the database worker, filtered in Python as the user types."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coursekeeper.domain.money import format_kr
from coursekeeper.domain.text import search_key
from coursekeeper.errors import Cancelled
from coursekeeper.ui.table_models import Column, PagedRowTableModel
from coursekeeper.ui.tasks import Progress, TaskRunner
from coursekeeper.ui.widgets.data_table import DataTable


def fold(text: str) -> str:
    """``search_key`` with a fast path for plain ASCII text (same result, a fraction of the time)."""
    if text.isascii():
        return " ".join(text.split()).lower().replace("aa", "a").replace("oe", "o")
    return search_key(text)


def _texts(rows: list[Any], text_of: Callable[[Any], str] | None) -> dict[int, str]:
    """Folded search text per row (by identity); worked out at the first search, not at each load."""
    if text_of is None:
        return {id(r): getattr(r, "search_text", "") for r in rows}
    return {id(r): fold(text_of(r)) for r in rows}


def row_identity(row: Any) -> tuple | None:
    """What names a listed row across reloads: its kind and its ids (None for rows without ids)."""
    ids = (getattr(row, "enrolment_id", None), getattr(row, "id", None))
    return None if ids == (None, None) else (type(row).__name__, *ids)


def _cached_key(key: Callable[[Any], Any], cache: dict[int, Any]) -> Callable[[Any], Any]:
    """A sort key computed once per row and column until new rows arrive (re-sorting is cheap)."""

    def cached(row: Any) -> Any:
        found = cache.get(id(row), cache)
        if found is cache:
            found = cache[id(row)] = key(row)
        return found

    return cached


class RowCount(QObject):
    """The count line under a table: ``1 rad``, ``12 av 1 000 rader``.

    A class of its own because Qt looks counted texts (``%n``) up under the class name of the
    object asking, and every RowsPanel subclass would otherwise ask under its own name.
    """

    def text(self, shown: int, total: int) -> str:
        """All rows, or how many of them the search shows."""
        if shown == total:
            return self.tr("%Ln rader", "", total)
        return self.tr("%1 av %Ln rader", "", total).replace("%1", QLocale().toString(shown))


class RowsPanel(QWidget):
    """Table + count line + a button row; ``load(fn)`` fetches rows on the worker."""

    #: Emitted after new rows are shown (tests wait on it).
    loaded = Signal()
    #: The table model class (a RowTableModel subclass may add colours).
    model_class: type[PagedRowTableModel] = PagedRowTableModel

    def __init__(
        self,
        tasks: TaskRunner,
        columns: Sequence[Column] | None = None,
        *,
        multi_select: bool = False,
        text_of: Callable[[Any], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._text_of = text_of
        self._texts: dict[int, str] = {}
        self._generation = 0
        self.page: Any = None  # paged: the last page read (rows, matching, total)
        self.order: tuple[int | None, bool] = (None, False)  # paged: column and descending
        self._terms: list[str] = []
        self._sort_caches: list[dict[int, Any]] = []
        self.model = self.model_class(self._with_cached_keys(columns or self.make_columns()), self)
        self.table = DataTable(self.model, multi_select=multi_select)
        self.count_label = QLabel()
        self._count = RowCount(self)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addLayout(self.buttons)
        layout.addLayout(bottom)

    def make_columns(self) -> list[Column]:
        """The table's columns, for subclasses that build them with ``self.tr``."""
        return []

    def _with_cached_keys(self, columns: Sequence[Column]) -> list[Column]:
        result = []
        for column in columns:
            if column.sort_key is not None:
                cache: dict[int, Any] = {}
                self._sort_caches.append(cache)
                column = dataclasses.replace(column, sort_key=_cached_key(column.sort_key, cache))
            result.append(column)
        return result

    def load(self, fn: Callable[[], list[Any]], label: str) -> None:
        """Fetch rows with ``fn`` on the database worker and show them.

        Several reloads asked for at once (a change announced to every open view, the change
        watcher, the user) run the query once: a load that a newer one replaced before the worker
        reached it is skipped, and rows that arrive after a newer load was asked for are dropped.
        """
        self._generation += 1
        generation = self._generation

        def fetch(progress: Progress) -> list[Any]:
            if generation != self._generation:
                raise Cancelled()  # replaced before it started: the newer load follows
            # A Cancel pressed while the query ran discards the rows instead of showing them late.
            progress.update(0, 1)
            rows = fn()
            progress.update(1, 1)
            return rows

        self.tasks.run(
            fetch, label=label, on_done=functools.partial(self._on_fetched, generation), parent=self
        )

    def show_rows(self, rows: list[Any]) -> None:
        """Show rows fetched elsewhere (whole: searched and sorted in Python)."""
        self.model.more = self.model.resort = self.model.fetch_all = None
        self.page = None
        self._generation += 1
        self._on_fetched(self._generation, rows)

    # -- paged -------------------------------------------------------------------------------
    # A big list is read a page at a time: the database searches, sorts and counts, the next
    # page comes when the user scrolls to it, and Ctrl+A first fetches every matching row.

    def paged(self) -> bool:
        """True when the rows are read a page at a time (``load_pages``)."""
        return getattr(self.model, "resort", None) is not None

    def read_page(self, offset: int, limit: int | None) -> Callable[[], Any]:
        """Paged panels: a function reading rows from ``offset`` (``limit`` None: one page).

        It uses ``self._terms`` and ``self.order`` as they are now; the page it returns has
        ``rows``, ``matching`` (rows matching the search) and ``total``.
        """
        raise NotImplementedError

    def load_pages(self, label: str) -> None:
        """Read the first page again (same search and order); more follow as the user scrolls."""
        self.model.more, self.model.resort, self.model.fetch_all = self._more, self._resort, self._fetch_all
        self.load(self.read_page(0, None), label)

    def _on_page(self, page: Any) -> None:
        kept = self.selected_identities()
        self.page = page
        self.model.set_page(page.rows, page.matching)
        self.reselect(kept)
        self._update_count()
        self.loaded.emit()

    def _read_more(self, limit: int | None, then: Callable[[], None] | None = None) -> None:
        generation = self._generation

        def shown(page: Any) -> None:
            if generation == self._generation:
                self.model.add_rows(page.rows)
                self.added(page)
                if then is not None:
                    then()

        fn = self.read_page(self.model.rowCount(), limit)
        self.tasks.run(
            fn, label=self.tr("Henter flere rader …"), on_done=shown, parent=self, dialog=then is not None
        )

    def added(self, page: Any) -> None:
        """A further page was shown (for panels that keep something of each page)."""

    def _more(self) -> None:
        self._read_more(None)

    def _fetch_all(self, then: Callable[[], None]) -> None:
        self._read_more(max(self.model.matching - self.model.rowCount(), 1), then)

    def _resort(self, column: int, order: Qt.SortOrder) -> None:
        self.order = (column, order == Qt.SortOrder.DescendingOrder)
        self.reload()  # type: ignore[attr-defined]  # paged panels define it

    def _on_fetched(self, generation: int, rows: Any) -> None:
        if generation != self._generation:
            return
        if self.paged():
            self._on_page(rows)
            return
        kept = self.selected_identities()
        for cache in self._sort_caches:
            cache.clear()
        # Cleared in place (the filter predicate in use holds this very dict); filled again when
        # the search needs it, so a load does not fold the text of 100,000 rows nobody searched.
        self._texts.clear()
        self.model.set_rows(rows)
        if self._terms:
            self._filter(self._terms)
        self.reselect(kept)
        self._update_count()
        self.loaded.emit()

    def selected_identities(self) -> set[tuple]:
        """What names the selected rows, to select them again after a reload (``reselect``)."""
        return {row_identity(row) for row in self.selected_rows()} - {None}

    def reselect(self, identities: set[tuple]) -> None:
        """Select the shown rows with these identities (runs of rows as one range each).

        A reload (after the user's own change, or one announced by another program instance)
        keeps the selection this way: the same entries are selected again if they are still listed.
        """
        model, selection = self.model, QItemSelection()
        last_column = model.columnCount() - 1
        numbers = [n for n, row in enumerate(model.rows()) if identities and row_identity(row) in identities]
        if not numbers:
            return
        start = previous = numbers[0]
        for n in [*numbers[1:], None]:
            if n is not None and n == previous + 1:
                previous = n
                continue
            selection.select(model.index(start, 0), model.index(previous, last_column))
            if n is not None:
                start = previous = n
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        self.table.selectionModel().setCurrentIndex(
            model.index(numbers[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )

    def search_texts(self) -> dict[int, str]:
        """The folded search text of every loaded row by ``id(row)`` (worked out on first use)."""
        if not self._texts:
            self._texts.update(_texts(self.model.all_rows(), self._text_of))
        return self._texts

    def set_search(self, text: str) -> None:
        """Show the rows whose folded text contains every word of ``text`` (æøå-aware)."""
        terms = search_key(text).split()
        if terms == self._terms:
            return
        self._terms = terms
        if self.paged():
            self.reload()  # type: ignore[attr-defined]  # paged panels reload: the database searches
            return
        self._filter(terms)
        self._update_count()

    def _filter(self, terms: list[str]) -> None:
        """Apply the search ``terms`` to the rows (all rows when there are none)."""
        if not terms:
            self.model.set_filter(None)
            return
        texts = self.search_texts()
        if len(terms) == 1:
            term = terms[0]
            self.model.set_filter(lambda r: term in texts.get(id(r), ""))
        else:
            self.model.set_filter(lambda r: all(t in texts.get(id(r), "") for t in terms))

    def counts(self) -> tuple[int, int]:
        """How many rows are shown (match the search) and how many there are."""
        if self.paged():
            return (self.page.matching, self.page.total) if self.page is not None else (0, 0)
        return self.model.rowCount(), len(self.model.all_rows())

    def _update_count(self) -> None:
        shown, total = self.counts()
        text = self._count.text(shown, total)
        extra = self.summary_suffix()
        self.count_label.setText(f"{text} · {extra}" if extra else text)

    def summary_suffix(self) -> str:
        """More to say after the row count (e.g. a total); empty by default."""
        return ""

    @staticmethod
    def batch_message(one: str, many: str, count: int, total_ore: int) -> str:
        """``one`` or ``many`` (translated by the caller) with %1 = the total and %2 = how many."""
        text = one if count == 1 else many
        return text.replace("%1", format_kr(total_ore)).replace("%2", str(count))

    def rows(self) -> list[Any]:
        """The rows shown, in display order."""
        return self.model.rows()

    def selected_rows(self) -> list[Any]:
        """The selected rows."""
        return self.table.selected_rows()
