"""Formatted, formula-safe .xlsx files with openpyxl's write-only mode."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Literal

from openpyxl.cell import Cell
from openpyxl.styles.cell_style import StyleArray

from coursekeeper import temp_files
from coursekeeper.domain.dates import format_date
from coursekeeper.excel.safety import column_letters
from coursekeeper.i18n import tr

Kind = Literal["text", "date", "datetime", "money", "number", "integer", "hours"]
Progress = Callable[[int, int], None]  # (rows written, rows in all); may raise Cancelled

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
# "#,##0": Excel shows its user's digit grouping (a space in Norwegian), so this reads
# "1 000 kr" in Norway; a literal "# ##0" would break above a million ("1000 000 kr").
MONEY_FORMAT = '#,##0 "kr"'
MONEY_FORMAT_ORE = '#,##0.00 "kr"'
HOURS_FORMAT = "0.0"
INTEGER_FORMAT = "0"
_FORMATS = {"date": DATE_FORMAT, "datetime": DATETIME_FORMAT, "hours": HOURS_FORMAT}
_TOTALLED = {"money", "number", "integer", "hours"}
# A cell starting with one of these would be (or become, on edit) a formula or DDE call.
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_ERROR_CODES = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
_MAX_WIDTH, _MIN_WIDTH = 50, 6
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_PROGRESS_EVERY = 500


@dataclass(frozen=True)
class ColumnSpec:
    """One column: header text, kind of value (sets the number format) and optional width."""

    header: str
    kind: Kind = "text"
    width: float | None = None


@dataclass(frozen=True)
class RateSpec:
    """A share column written as a formula: ``numerator / denominator`` of the same row, as a percent."""

    header: str
    numerator: int  # column index among ``SheetSpec.columns``
    denominator: int


@dataclass(frozen=True)
class ChartSpec:
    """A native Excel bar chart over the sheet's data rows: one category column, value columns."""

    title: str
    category: int  # column index of the category labels
    values: tuple[int, ...]  # column indexes of the series (among columns, then rates)
    horizontal: bool = False
    percent: bool = False  # the series are rates (0–1), shown as percents


@dataclass
class SheetSpec:
    """One sheet: a title row, the export date, a frozen header with a filter, the rows."""

    title: str
    columns: list[ColumnSpec]
    rows: Sequence[Sequence[object]]
    subtitle: str = ""
    totals: bool = False  # a "Sum" row with =SUM() under money/number/hours columns
    name: str | None = None  # the sheet tab (default: the title, shortened)
    money_in_ore: bool = True  # money values are integer øre (CourseKeeper's money type)
    rates: Sequence[RateSpec] = ()  # share columns after the data columns, as formulas
    charts: Sequence[ChartSpec] = ()  # native charts placed to the right of the table


@dataclass
class WrittenSheet:
    """Where things landed in a written sheet, for tests and follow-up reading."""

    name: str
    header_row: int
    first_data_row: int
    last_data_row: int
    totals_row: int | None = None
    formulas: list[str] = field(default_factory=list)


def safe_text(value: str) -> str:
    """Strip characters XML cannot hold (a NUL from a copy-paste would break the file)."""
    return _ILLEGAL.sub("", value) if _ILLEGAL.search(value) else value


def is_risky_text(value: str) -> bool:
    """True when Excel could read ``value`` as a formula, DDE call or error code."""
    return value.startswith(_RISKY_START) or value.strip() in _ERROR_CODES


def sheet_name(title: str, used: set[str]) -> str:
    """A valid, unique sheet tab name: ≤ 31 characters, none of []:*?/\\."""
    base = _SHEET_NAME_BAD.sub("-", title).strip("' ") or tr("Ark")
    base = base[:31]
    name, counter = base, 2
    while name.casefold() in used:
        suffix = f" ({counter})"
        name, counter = base[: 31 - len(suffix)] + suffix, counter + 1
    used.add(name.casefold())
    return name


def write_workbook(
    path: str | Path,
    sheets: Sequence[SheetSpec],
    *,
    progress: Progress | None = None,
    exported_on: dt.date | None = None,
) -> list[WrittenSheet]:
    """Write ``sheets`` to ``path`` atomically (temp file, then replace); Cancelled leaves nothing."""
    from openpyxl import Workbook

    target = Path(path)
    total = sum(len(s.rows) for s in sheets) or 1
    done = 0
    temp = temp_files.temp_beside(target)
    book = Workbook(write_only=True)
    try:
        styles = _Styles(book)
        used: set[str] = set()
        written = []
        for spec in sheets:
            name = sheet_name(spec.name or spec.title, used)
            sheet = book.create_sheet(title=name)

            def tick(rows: int) -> None:
                nonlocal done
                done += rows
                if progress:
                    progress(min(done, total), total)

            written.append(_write_sheet(sheet, name, spec, styles, exported_on, tick))
        if progress:
            progress(total, total)
        book.save(temp)
        os.replace(temp, target)
    except BaseException:
        _discard(book)
        temp_files.remove(temp)
        raise
    return written


def _discard(book: object) -> None:
    """Close half-written sheets and remove openpyxl's own temporary files after a cancel."""
    for ws in getattr(book, "_sheets", []):
        with contextlib.suppress(Exception):
            if not ws.closed:
                ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


class _Styles:
    """Named styles registered once per workbook (per-cell Font objects are slow)."""

    def __init__(self, book: object) -> None:
        from openpyxl.cell import Cell
        from openpyxl.styles import Alignment, Font, NamedStyle

        probe_sheet = SimpleNamespace(parent=book)  # all a cell needs to resolve styles

        def add(name: str, **kw: object) -> StyleArray:
            style = NamedStyle(name=name, **kw)
            book.add_named_style(style)  # type: ignore[attr-defined]
            # Resolve the style to its array once; each cell then gets a copy of the array
            # instead of a by-name lookup (~3× cheaper per formatted cell).
            probe = Cell(probe_sheet)
            probe.style = name
            return probe._style

        self._probe = lambda base: Cell(probe_sheet, style_array=base)
        self._quoted: dict[bytes, StyleArray] = {}

        self.title = add("ck_title", font=Font(bold=True, size=14))
        self.subtitle = add("ck_subtitle", font=Font(italic=True, color="555555"))
        self.header = add(
            "ck_header", font=Font(bold=True), alignment=Alignment(wrap_text=True, vertical="top")
        )
        self.total_label = add("ck_total", font=Font(bold=True))
        self.number = {
            kind: add(f"ck_{kind}", number_format=fmt)
            for kind, fmt in (
                ("date", DATE_FORMAT),
                ("datetime", DATETIME_FORMAT),
                ("money", MONEY_FORMAT),
                ("money_ore", MONEY_FORMAT_ORE),
                ("hours", HOURS_FORMAT),
                ("integer", INTEGER_FORMAT),
            )
        }
        self.total_number = {
            kind: add(f"ck_total_{kind}", font=Font(bold=True), number_format=fmt)
            for kind, fmt in (
                ("money", MONEY_FORMAT),
                ("money_ore", MONEY_FORMAT_ORE),
                ("hours", HOURS_FORMAT),
                ("integer", INTEGER_FORMAT),
                ("number", "General"),
            )
        }
        self.percent = add("ck_percent", number_format="0%")
        self.plain = StyleArray()

    def quoted(self, base: StyleArray | None) -> StyleArray:
        """``base`` with quotePrefix set: Excel keeps such a cell text even when it is edited."""
        base = self.plain if base is None else base
        key = base.tobytes()
        if key not in self._quoted:
            probe = self._probe(base)
            probe.quotePrefix = True
            self._quoted[key] = probe._style
        return self._quoted[key]


def _write_sheet(
    sheet: object,
    name: str,
    spec: SheetSpec,
    styles: _Styles,
    exported_on: dt.date | None,
    tick: Callable[[int], None],
) -> WrittenSheet:
    ws = sheet  # openpyxl WriteOnlyWorksheet
    columns = spec.columns
    money_kind = "money" if all(_whole_kroner(r, columns, spec) for r in spec.rows) else "money_ore"
    kinds = [money_kind if c.kind == "money" else c.kind for c in columns]
    for index, width in enumerate(_widths(spec)):
        ws.column_dimensions[column_letters(index)].width = width
    for index, rate in enumerate(spec.rates, start=len(columns)):
        longest = max(len(word) for word in rate.header.split())
        ws.column_dimensions[column_letters(index)].width = float(max(longest + 2, _MIN_WIDTH + 2))

    def styled(value: object, style: StyleArray) -> Cell:
        return Cell(ws, row=1, column=1, value=value, style_array=style)

    header_row = 5 if spec.subtitle else 4
    first = header_row + 1
    last = first + len(spec.rows) - 1
    # Write-only sheets emit their view and filter settings with the first row: set them now.
    ws.freeze_panes = f"A{first}"
    if columns:
        right = column_letters(len(columns) + len(spec.rates) - 1)
        ws.auto_filter.ref = f"A{header_row}:{right}{max(last, first)}"
    # Titles and subtitles carry user text (course titles, file names): guarded like any cell.
    ws.append([_text_cell(ws, safe_text(spec.title), styles, styles.title)])
    if spec.subtitle:
        ws.append([_text_cell(ws, safe_text(spec.subtitle), styles, styles.subtitle)])
    exported = tr("Eksportert {dato}", dato=format_date(exported_on or dt.date.today()))
    ws.append([styled(exported, styles.subtitle)])
    ws.append([])
    headers = [c.header for c in columns] + [r.header for r in spec.rates]
    ws.append([_text_cell(ws, safe_text(h), styles, styles.header) for h in headers])
    number_styles = styles.number
    money_scale = 100 if spec.money_in_ore else 1
    pending = 0
    result_formulas: list[str] = []
    for row, values in enumerate(spec.rows, start=first):
        out: list[object] = []
        for index, value in enumerate(values):
            kind = kinds[index] if index < len(kinds) else "text"
            out.append(_cell(ws, value, kind, number_styles, money_scale, styles))
        if spec.rates:
            out.extend(_rate_cells(ws, spec, row, styles, result_formulas))
        ws.append(out)
        pending += 1
        if pending == _PROGRESS_EVERY:
            tick(pending)
            pending = 0
    tick(pending)
    result = WrittenSheet(name, header_row, first, max(last, header_row), formulas=result_formulas)
    for chart in spec.charts:
        _add_chart(ws, spec, chart, header_row, first, last)
    if spec.totals and spec.rows:
        cells: list[object] = [styled(tr("Sum"), styles.total_label)]
        for index, kind in enumerate(kinds[1:], start=1):
            if columns[index].kind in _TOTALLED:
                letter = column_letters(index)
                formula = f"=SUM({letter}{first}:{letter}{last})"  # the only formulas we write
                cells.append(styled(formula, styles.total_number.get(kind, styles.total_label)))
                result.formulas.append(formula)
            else:
                cells.append(None)
        ws.append(cells)
        result.totals_row = last + 1
    return result


def _rate_cells(ws: object, spec: SheetSpec, row: int, styles: _Styles, formulas: list[str]) -> list[object]:
    """The share formulas of one row: empty when the denominator is 0 (no "#DIV/0!")."""
    cells = []
    for rate in spec.rates:
        top, bottom = column_letters(rate.numerator), column_letters(rate.denominator)
        formula = f'=IF({bottom}{row}=0,"",{top}{row}/{bottom}{row})'  # our own formula
        formulas.append(formula)
        cells.append(Cell(ws, row=1, column=1, value=formula, style_array=styles.percent))
    return cells


def _add_chart(
    ws: object, spec: SheetSpec, chart_spec: ChartSpec, header_row: int, first: int, last: int
) -> None:
    """A native bar chart over the data rows, anchored right of the table (copyable in Excel)."""
    from openpyxl.chart import BarChart, Reference

    if last < first:
        return
    chart = BarChart()
    chart.type = "bar" if chart_spec.horizontal else "col"
    chart.title = safe_text(chart_spec.title)
    chart.style = 10
    chart.height, chart.width = 7.5, 16
    chart.legend = None if len(chart_spec.values) == 1 else chart.legend
    for column in chart_spec.values:
        data = Reference(ws, min_col=column + 1, min_row=header_row, max_row=last)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=chart_spec.category + 1, min_row=first, max_row=last))
    if chart_spec.horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # the first step on top, as in the table
    if chart_spec.percent:
        chart.y_axis.numFmt = "0%"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    width = len(spec.columns) + len(spec.rates) + 1
    ws.add_chart(chart, f"{column_letters(width)}{header_row + 16 * spec.charts.index(chart_spec)}")


def _cell(
    ws: object,
    value: object,
    kind: str,
    number_styles: dict[str, StyleArray],
    money_scale: int,
    styles: _Styles,
) -> object:
    """A value as written: numbers and dates typed and formatted, risky text forced to text."""
    if value is None:
        return None
    if isinstance(value, str):
        return _text_cell(ws, safe_text(value), styles, None)
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, dt.datetime):
        return _styled_cell(ws, value, number_styles["datetime" if kind == "datetime" else "date"])
    if isinstance(value, dt.date):
        return _styled_cell(ws, value, number_styles["date"])
    if isinstance(value, int | float):
        if kind in ("money", "money_ore"):
            amount = value / money_scale
            return _styled_cell(ws, int(amount) if amount == int(amount) else amount, number_styles[kind])
        if kind in ("hours", "integer"):
            return _styled_cell(ws, value, number_styles[kind])
        return value
    return _text_cell(ws, safe_text(str(value)), styles, None)


def _styled_cell(ws: object, value: object, style: StyleArray) -> object:
    return Cell(ws, row=1, column=1, value=value, style_array=style)


def _text_cell(ws: object, value: str, styles: _Styles, style: StyleArray | None) -> object:
    """Plain text, or for risky text a cell forced to an inline string with quotePrefix."""
    if not is_risky_text(value):
        return value if style is None else Cell(ws, row=1, column=1, value=value, style_array=style)
    cell = Cell(ws, row=1, column=1, value=value, style_array=styles.quoted(style))
    cell.data_type = "s"  # never "f" or "e": written as <is><t>…</t></is>, no <f> element
    return cell


def _whole_kroner(values: Sequence[object], columns: list[ColumnSpec], spec: SheetSpec) -> bool:
    if not spec.money_in_ore:
        return all(
            not isinstance(v, float) or v.is_integer()
            for v, c in zip(values, columns, strict=False)
            if c.kind == "money"
        )
    return all(
        not isinstance(v, int | float) or v % 100 == 0
        for v, c in zip(values, columns, strict=False)
        if c.kind == "money"
    )


def _widths(spec: SheetSpec) -> list[float]:
    """Column widths from the header and the first 1,000 rows, capped at 50 characters."""
    widths = []
    for index, column in enumerate(spec.columns):
        if column.width is not None:
            widths.append(column.width)
            continue
        longest = max((len(word) for word in column.header.split()), default=0)
        for values in spec.rows[:1000]:
            if index < len(values):
                longest = max(longest, _shown_length(values[index], column.kind))
        widths.append(float(min(max(longest + 2, _MIN_WIDTH), _MAX_WIDTH)))
    return widths


def _shown_length(value: object, kind: str) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    if kind == "money" and isinstance(value, int | float):
        return len(f"{value / 100:,.0f}") + 3
    return len(str(value))
