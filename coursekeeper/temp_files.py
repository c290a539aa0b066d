"""Temporary files beside an output (PDF, workbook, backup), and sweeping them after a crash.

Every file CourseKeeper writes goes to a temporary name first and is renamed when complete, so
a user never sees a half-written file under the final name. The temporary names are
``~coursekeeper-<pid>-<random>.tmp`` (plus SQLite's ``-journal`` beside a backup): not a name a
user would take for a finished PDF or workbook. When a process is killed mid-write the file
stays behind, holding personal data; the next start of the desktop program or the command line
removes it (:func:`sweep`). The folders temporary files were made in are remembered in the data
folder, so a sweep also finds those in an export folder or on a USB stick.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

logger = logging.getLogger(__name__)

PREFIX = "~coursekeeper-"
SUFFIX = ".tmp"
_REGISTRY = "temporary-folders.txt"


def temp_beside(target: Path) -> Path:
    """A new empty file in ``target``'s folder under a temporary name owned by this process."""
    folder = Path(target).parent
    _remember(folder)
    handle, name = tempfile.mkstemp(prefix=f"{PREFIX}{os.getpid()}-", suffix=SUFFIX, dir=folder)
    os.close(handle)
    return Path(name)


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, moved over it when the block ends well, removed if not."""
    temporary = temp_beside(target)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        remove(temporary)
        raise


def remove(path: Path) -> None:
    """Remove a temporary file and SQLite's companions of it, ignoring what is already gone."""
    for name in (path.name, path.name + "-journal", path.name + "-wal", path.name + "-shm"):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


def sweep(folders: Iterable[Path] = ()) -> list[Path]:
    """Remove temporary files left by processes that no longer run; returns what was removed.

    Looks in the data folder, the backups folder, every folder a temporary file was made in,
    and ``folders``. A file of a process still running (another window, a command line job) is
    left alone.
    """
    from coursekeeper import settings  # here: printing and excel import this module, not settings

    registry = settings.data_dir() / _REGISTRY
    known = {settings.data_dir(), settings.backups_dir(), *(Path(f) for f in folders)}
    with contextlib.suppress(OSError):
        known |= {Path(line) for line in registry.read_text(encoding="utf-8").splitlines() if line}
    removed: list[Path] = []
    still: set[Path] = set()
    for folder in sorted(known):
        try:
            leftovers = [p for p in folder.glob(PREFIX + "*") if p.is_file()]
        except OSError:
            continue  # an unplugged USB stick: try again next time
        for path in leftovers:
            if _owner_running(path.name):
                still.add(folder)
                continue
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                still.add(folder)  # locked (Windows): next time
    if removed:
        logger.info("Removed %d temporary file(s) left by an interrupted write", len(removed))
    _rewrite_registry(registry, still)
    return removed


def _remember(folder: Path) -> None:
    """Note ``folder`` in the data folder's registry (one line per folder, appended).

    Only once the data folder exists (the program made it at its first start): writing a file
    must not create the folder as a side effect.
    """
    from coursekeeper import settings

    data = settings.data_dir()
    line = str(folder.resolve())
    registry = data / _REGISTRY
    try:
        if not data.is_dir() or folder.resolve() in (data.resolve(), settings.backups_dir().resolve()):
            return  # no data folder yet, or a folder every sweep looks in anyway
        if registry.exists() and line in registry.read_text(encoding="utf-8").splitlines():
            return
        with registry.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
    except OSError as exc:  # a read-only data folder must not stop the export itself
        logger.warning("Could not note a temporary folder: %s", exc)


def _rewrite_registry(registry: Path, folders: set[Path]) -> None:
    with contextlib.suppress(OSError):
        if folders:
            registry.write_text("".join(f"{f}\n" for f in sorted(folders)), encoding="utf-8")
        else:
            registry.unlink(missing_ok=True)


def _owner_running(name: str) -> bool:
    """True when the process id in a temporary file's name is a running process (not this one)."""
    pid_text = name[len(PREFIX) :].split("-", 1)[0]
    if not pid_text.isdecimal():
        return False  # not ours to judge by pid: old or foreign naming, remove
    pid = int(pid_text)
    if pid == os.getpid():
        return True  # a write of this very process is under way
    return _pid_alive(pid)


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return kernel32.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT: still running
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
