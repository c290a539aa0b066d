"""Open .xlsx/.xlsm/.xls/.ods: cheap checks here, python-calamine in a child process with limits.

``safety.inspect_file`` runs in the program's own process and refuses what it can see from the
bytes. The parsing itself runs in a spawned child process with a memory limit and a time limit,
so a native abort (calamine is Rust), an allocation of gigabytes or an endless parse ends the
child, not the program or an open import wizard. The child sends back plain rows, or one refusal.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import python_calamine as calamine

from coursekeeper.errors import CourseKeeperError
from coursekeeper.excel import safety
from coursekeeper.excel.errors import SheetChoiceNeeded, UnreadableWorkbookError
from coursekeeper.i18n import tr

logger = logging.getLogger(__name__)

CellValue = object  # str | int | float | bool | date | datetime | time | timedelta | None

# The child's limits. Measured in the child: 100,000 rows × 6 columns ~190 MB; the largest list
# the checks let through, 100,000 rows × 20 columns of distinct text, 340 MB (~10 s on 2 busy
# cores). POSIX limits the address space, Windows the process's committed memory.
CHILD_MEMORY_BYTES = 400 * safety.MB
CHILD_SECONDS = 60.0


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


def list_sheets(path: str | Path) -> list[str]:
    """The worksheet names of a workbook."""
    return _isolated(path, "names")


def read_sheet(path: str | Path, sheet: str | None = None, *, max_rows: int | None = None) -> SheetRows:
    """Check, open, choose the sheet (or raise SheetChoiceNeeded) and return its non-blank rows."""
    return _isolated(path, "read", sheet, max_rows)


def read_sheets_with_data(path: str | Path) -> list[SheetRows]:
    """The rows of every sheet holding data, visible sheets first."""
    return _isolated(path, "all")


class Workbook:
    """A checked, open workbook in this process; only the reading child process uses it."""

    def __init__(self, path: str | Path, inspection: safety.Inspection | None = None) -> None:
        self.path = Path(path)
        self._inspection = inspection or safety.inspect_file(self.path)
        if self._inspection.kind == "ods" and self._inspection.sheet_problems:
            # calamine parses every table of an .ods when it opens it: refuse before that.
            problem = next(iter(self._inspection.sheet_problems.values()))
            raise type(problem)(problem.message)
        self._handle: BinaryIO | None = None
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
        name = safety.display_name(self.path)
        if sheet is not None:
            if sheet not in self.sheet_names:
                names = ", ".join(f"«{n}»" for n in self.sheet_names)
                raise UnreadableWorkbookError(
                    tr(
                        "«{fil}» har ikke noe ark som heter «{ark}». Arkene er: {navn}.",
                        fil=name,
                        ark=sheet,
                        navn=names,
                    )
                )
            return sheet
        candidates = self.sheets_with_data()
        if not candidates:
            raise UnreadableWorkbookError(tr("«{fil}» har ingen ark med data.", fil=name))
        if len(candidates) > 1:
            raise SheetChoiceNeeded(name, candidates)
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
            if not values or (_blank(values[0]) and all(_blank(v) for v in values)):
                continue
            rows.append((start_row + offset + 1, pad + values if start_col else values))
        return SheetRows(self.path.name, name, rows)

    def _has_data(self, name: str) -> bool:
        if name in self._inspection.sheet_problems:
            return True
        if self._inspection.sheets_with_values is not None:  # seen in the XML: nothing to load
            return name in self._inspection.sheets_with_values
        return self._load(name).height > 0  # .xls: calamine has parsed every sheet at open anyway

    def _load(self, name: str) -> calamine.CalamineSheet:
        problem = self._inspection.sheet_problems.get(name)
        if problem:
            raise type(problem)(problem.message)
        loaded = _guarded(self.path, lambda: self._book.get_sheet_by_name(name))
        if loaded.height > safety.MAX_SHEET_ROWS:
            raise safety.too_many_rows(name)
        return loaded

    def close(self) -> None:
        """Release the file (Windows keeps it locked while open)."""
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


def _blank(value: object) -> bool:
    # cells.is_blank, without importing cells (phonenumbers) into every reading child.
    return value is None or (isinstance(value, str) and not value.strip())


_JOBS: dict[str, Callable[..., object]] = {
    "names": lambda book: book.sheet_names,
    "read": lambda book, sheet, max_rows: book.read(sheet, max_rows=max_rows),
    "all": lambda book: [book.read(name) for name in book.sheets_with_data()],
}


def _isolated(path: str | Path, job: str, *args: object):  # type: ignore[no-untyped-def]
    """Check ``path`` here, then run ``job`` on it in a limited child; its result or one refusal."""
    path = Path(path)
    inspection = safety.inspect_file(path)
    refused = _refusal_known_here(inspection, job, args)
    if refused is not None:
        raise type(refused)(refused.message)
    context = multiprocessing.get_context("spawn")  # the same on Linux as on Windows
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main,
        args=(sender, str(path), inspection, job, args, CHILD_MEMORY_BYTES),
        name="coursekeeper-read",
        daemon=True,
    )
    child.start()
    sender.close()
    outcome, value = "slow", None
    try:
        if receiver.poll(CHILD_SECONDS):  # also true when the child dies: recv fails then
            try:
                outcome, value = receiver.recv()
            except (EOFError, OSError):
                outcome = "died"
    finally:
        receiver.close()
        child.join(timeout=0 if outcome == "slow" else 5)
        if child.is_alive():
            child.kill()
            child.join()
    if outcome == "ok":
        return value
    if outcome == "refused":
        raise value
    # info, not warning: the user reads the message; the command line prints warnings too.
    logger.info("Reading %s in the child: %s %s (exit %s)", path, outcome, value or "", child.exitcode)
    if outcome == "failed":
        raise safety.damaged(path)
    raise child_failed(path, outcome)


def _refusal_known_here(
    inspection: safety.Inspection, job: str, args: tuple
) -> UnreadableWorkbookError | None:
    """The refusal the child would give anyway, when the checks already decide it: no child then."""
    problems = inspection.sheet_problems
    if not problems or job == "names":
        return None
    if inspection.kind == "ods":  # Workbook refuses an .ods with any problem table
        return next(iter(problems.values()))
    wanted = args[0] if job == "read" else None
    if wanted is not None:
        return problems.get(wanted)
    valued = inspection.sheets_with_values or set()
    if len(problems) == 1 and valued <= problems.keys():  # the only sheet with values is refused
        return next(iter(problems.values()))
    return None


def _child_main(
    sender: Connection, path: str, inspection: safety.Inspection, job: str, args: tuple, memory: int
) -> None:
    """In the child: limit it, silence native output, run the job and send one outcome."""
    _silence_output()
    # Should the limit not take (a Windows without job objects), the child still keeps a crash
    # or a runaway allocation away from the program; only the memory cap is lost.
    with contextlib.suppress(Exception):  # OSError, ctypes.ArgumentError, ValueError from setrlimit
        _limit_memory(memory)
    try:
        with Workbook(path, inspection) as book:
            result = _JOBS[job](book, *args)
        sender.send(("ok", result))
    except CourseKeeperError as exc:  # the refusals: UnreadableWorkbookError, SheetChoiceNeeded
        sender.send(("refused", exc))
    except MemoryError:
        sender.send(("memory", None))
    except BaseException as exc:  # a bug or a Rust panic: the parent logs it and says "damaged"
        sender.send(("failed", repr(exc)[:500]))
    finally:
        sender.close()


def _silence_output() -> None:
    """A Rust panic or calamine's warnings must not reach the user's console."""
    for stream in (sys.stdout, sys.stderr):  # None in the windowed Windows program
        if stream is not None:
            stream.flush()
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)


def _limit_memory(limit: int) -> None:
    """Cap the child's memory: the address space on POSIX, a job object's limit on Windows."""
    if sys.platform == "win32":
        _limit_windows_job(limit)
        return
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _limit_windows_job(limit: int) -> None:
    """Put this process in a job object whose process memory limit is ``limit`` bytes."""
    import ctypes
    from ctypes import wintypes

    class Basic(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class Extended(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", Basic),
            ("IoInfo", ctypes.c_uint64 * 6),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    handle, dword = wintypes.HANDLE, wintypes.DWORD
    kernel32.SetInformationJobObject.argtypes = [handle, ctypes.c_int, ctypes.c_void_p, dword]
    kernel32.AssignProcessToJobObject.argtypes = [handle, handle]
    job = kernel32.CreateJobObjectW(None, None)  # kept open: the job lives as long as this process
    info = Extended()
    info.BasicLimitInformation.LimitFlags = 0x100  # JOB_OBJECT_LIMIT_PROCESS_MEMORY
    info.ProcessMemoryLimit = limit
    extended = 9  # JobObjectExtendedLimitInformation
    if not (
        job
        and kernel32.SetInformationJobObject(job, extended, ctypes.byref(info), ctypes.sizeof(info))
        and kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess())
    ):
        raise OSError(ctypes.get_last_error(), "could not limit the reading process")  # type: ignore[attr-defined]


def child_failed(path: Path, outcome: str) -> UnreadableWorkbookError:
    """The message when the child ran past the time limit (``slow``), out of memory or crashed."""
    name = safety.display_name(path)
    if outcome == "slow":
        text = tr(
            "«{fil}» tok mer enn {sekunder} sekunder å lese og ble stoppet. Åpne filen i Excel, "
            "lagre den på nytt som .xlsx og prøv igjen.",
            fil=name,
            sekunder=f"{CHILD_SECONDS:.0f}",
        )
    else:
        text = tr(
            "«{fil}» trenger mye mer minne enn en deltakerliste, eller er skadet, og blir ikke lest. "
            "Åpne filen i Excel, lagre den på nytt som .xlsx og prøv igjen.",
            fil=name,
        )
    return UnreadableWorkbookError(text)


def _guarded(path: Path, call):  # type: ignore[no-untyped-def]
    """Run a calamine call; anything it throws becomes one Norwegian message."""
    try:
        return call()
    except calamine.PasswordError:
        raise safety.password_protected() from None
    except UnreadableWorkbookError:
        raise
    except MemoryError:
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
