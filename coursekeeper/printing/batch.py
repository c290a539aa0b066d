"""Writing a batch of pages into one PDF: progress, cancelling, and no half-written files."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from reportlab.pdfgen.canvas import Canvas

from coursekeeper import temp_files
from coursekeeper.errors import CourseKeeperError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.printing.fonts import REGULAR, register_fonts
from coursekeeper.printing.page_style import PAGE_HEIGHT, PAGE_WIDTH

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
T = TypeVar("T")


@contextlib.contextmanager
def atomic_output(out: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; on success it replaces ``out``, on any error it goes.

    The temporary file lives in the same folder so ``os.replace`` is a rename, never a copy: the
    user sees either the old PDF or the complete new one, never a half-written file.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise CourseKeeperError(
            tr("Mappen {folder} finnes ikke. Velg en annen plassering.", folder=out.parent)
        )
    try:
        temporary = temp_files.temp_beside(out)
    except OSError as exc:
        raise CourseKeeperError(
            tr("Kan ikke skrive i mappen {folder}: {error}.", folder=out.parent, error=exc.strerror)
        ) from exc
    try:
        yield temporary
        try:
            os.replace(temporary, out)
        except PermissionError as exc:
            # On Windows a PDF open in a reader is locked; that is the usual cause.
            raise CourseKeeperError(
                tr(
                    "Kan ikke lagre {name}: filen er kanskje åpen i et annet program "
                    "(for eksempel en PDF-leser). Lukk den og prøv igjen.",
                    name=out.name,
                )
            ) from exc
    except BaseException:
        temp_files.remove(temporary)
        raise


def write_pdf(
    out: Path,
    items: Sequence[T],
    draw: Callable[[Canvas, T], None],
    *,
    fonts_dir: Path,
    progress: Progress | None,
    title: str,
    nothing_message: str,
) -> None:
    """Draw every item (each ends its own pages with ``showPage``) into one PDF at ``out``.

    ``progress(done, total)`` is called before the first item and after each one; if it raises
    ``Cancelled`` the temporary file is removed and the exception goes on to the caller.
    """
    if not items:
        raise ValidationError(nothing_message)
    register_fonts(fonts_dir)
    total = len(items)
    with atomic_output(out) as temporary:
        canvas = Canvas(
            str(temporary),
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            pageCompression=1,
            # Without this every page also refers to Helvetica, a font the viewer must supply.
            initialFontName=REGULAR,
            lang="nb-NO",
        )
        canvas.setTitle(title)
        canvas.setCreator("CourseKeeper")
        canvas.setAuthor("CourseKeeper")
        if progress is not None:
            progress(0, total)
        for done, item in enumerate(items, start=1):
            draw(canvas, item)
            if progress is not None:
                progress(done, total)
        try:
            canvas.save()
        except OSError as exc:
            logger.exception("Could not save %s", out)
            raise CourseKeeperError(
                tr("Kunne ikke skrive {name}: {error}.", name=out.name, error=exc.strerror)
            ) from exc
