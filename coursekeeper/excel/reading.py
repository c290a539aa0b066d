"""Open .xlsx/.xlsm/.xls/.ods with python-calamine after the safety checks; rows with Excel numbers."""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import python_calamine as calamine

from coursekeeper.excel import safety
from coursekeeper.excel.cells import is_blank
from coursekeeper.excel.errors import SheetChoiceNeeded, UnreadableWorkbookError

logger = logging.getLogger(__name__)

CellValue = object  # str | int | float | bool | date | datetime | time | timedelta | None


@dataclass(frozen=True)
class SheetRows:
    """The non-blank rows of one sheet; values indexed from column A, rows numbered as in Excel."""

    file_name: str
    sheet: str
    rows: list[tuple[int, list[CellValue]]]

    @property
    def width(self) -> int:
        """The number of columns (from A to the last used one)."""
        return max((len(values) for _, values in self.rows), default=0)


class Workbook:
    """A checked, open workbook; use as a context manager or call ``close``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._inspection = safety.inspect_file(self.path)
        if self._inspection.kind == "ods" and self._inspection.sheet_problems:
            # calamine parses every table of an .ods when it opens it: refuse before that.
            problem = next(iter(self._inspection.sheet_problems.values()))
            raise type(problem)(problem.message)
        self._handle: BinaryIO | None = None
        self._sheets: dict[str, calamine.CalamineSheet] = {}
        try:
            # A file object lets calamine pick the reader by content, not by extension, so an
            # .xls that is really .xlsx (common in exports) still opens.
            self._handle = self.path.open("rb")
            self._book = _guarded(self.path, lambda: calamine.CalamineWorkbook.from_filelike(self._handle))
            metadata = _guarded(self.path, lambda: self._book.sheets_metadata)
        except BaseException:
            self.close()
            raise
        self._metadata = [m for m in metadata if m.typ == calamine.SheetTypeEnum.WorkSheet]

    @property
    def kind(self) -> str:
        """``xlsx`` (also .xlsm), ``ods`` or ``xls``, from the file's content."""
        return self._inspection.kind

    @property
    def sheet_names(self) -> list[str]:
        """All worksheet names, in workbook order (chart sheets left out)."""
        return [m.name for m in self._metadata]

    def sheets_with_data(self) -> list[str]:
        """Names of sheets holding at least one value; visible sheets first."""
        with_data = [m for m in self._metadata if self._has_data(m.name)]
        visible = [m.name for m in with_data if m.visible == calamine.SheetVisibleEnum.Visible]
        return visible or [m.name for m in with_data]

    def choose_sheet(self, sheet: str | None = None) -> str:
        """``sheet`` if given, else the only visible sheet with data; raises SheetChoiceNeeded."""
        if sheet is not None:
            if sheet not in self.sheet_names:
                names = ", ".join(f"«{n}»" for n in self.sheet_names)
                raise UnreadableWorkbookError(
                    f"«{self.path.name}» har ikke noe ark som heter «{sheet}». Arkene er: {names}."
                )
            return sheet
        candidates = self.sheets_with_data()
        if not candidates:
            raise UnreadableWorkbookError(f"«{self.path.name}» har ingen ark med data.")
        if len(candidates) > 1:
            raise SheetChoiceNeeded(self.path.name, candidates)
        return candidates[0]

    def read(self, sheet: str | None = None, *, max_rows: int | None = None) -> SheetRows:
        """Non-blank rows of ``sheet`` (chosen automatically when None), at most ``max_rows``."""
        name = self.choose_sheet(sheet)
        loaded = self._load(name)
        if loaded.height == 0:
            return SheetRows(self.path.name, name, [])
        start_row, start_col = loaded.start or (0, 0)
        grid = _guarded(self.path, lambda: loaded.to_python(skip_empty_area=True, nrows=max_rows))
        pad = [None] * start_col
        rows = []
        for offset, values in enumerate(grid):
            # Most rows have a value in their first cell; only the others are looked at whole.
            if not values or (is_blank(values[0]) and all(is_blank(v) for v in values)):
                continue
            rows.append((start_row + offset + 1, pad + values if start_col else values))
        return SheetRows(self.path.name, name, rows)

    def _has_data(self, name: str) -> bool:
        problem = self._inspection.sheet_problems.get(name)
        return bool(problem) or self._load(name).height > 0

    def _load(self, name: str) -> calamine.CalamineSheet:
        problem = self._inspection.sheet_problems.get(name)
        if problem:
            raise type(problem)(problem.message)
        if name not in self._sheets:
            loaded = _guarded(self.path, lambda: self._book.get_sheet_by_name(name))
            if loaded.height > safety.MAX_SHEET_ROWS:  # .xls cannot be pre-checked
                raise safety.too_many_rows(name)
            self._sheets[name] = loaded
        return self._sheets[name]

    def close(self) -> None:
        """Release the file (Windows keeps it locked while open)."""
        self._sheets.clear()
        book = getattr(self, "_book", None)
        if book is not None:
            with contextlib.suppress(calamine.CalamineError):
                book.close()
            self._book = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_workbook(path: str | Path) -> Workbook:
    """Check and open a workbook; raises an UnreadableWorkbookError subclass with the reason."""
    return Workbook(path)


def list_sheets(path: str | Path) -> list[str]:
    """The worksheet names of a workbook."""
    with Workbook(path) as book:
        return book.sheet_names


def read_sheet(path: str | Path, sheet: str | None = None, *, max_rows: int | None = None) -> SheetRows:
    """Open, choose the sheet (or raise SheetChoiceNeeded) and return its non-blank rows."""
    with Workbook(path) as book:
        return book.read(sheet, max_rows=max_rows)


def _guarded(path: Path, call):  # type: ignore[no-untyped-def]
    """Run a calamine call; anything it throws becomes one Norwegian message."""
    try:
        return call()
    except calamine.PasswordError:
        raise safety.password_protected() from None
    except UnreadableWorkbookError:
        raise
    except Exception as exc:
        logger.info("calamine could not read %s: %r", path, exc)
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise safety.password_protected() from None
        raise safety.damaged(path) from None
    except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException(BaseException)
        if type(exc).__name__ != "PanicException":
            raise
        logger.warning("calamine panicked on %s: %r", path, exc)
        raise safety.damaged(path) from None
