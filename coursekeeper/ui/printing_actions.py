"""«Lagre som PDF» and «Skriv ut» for certificates, refund letters and sign-in sheets.

Views call ``save_pdf`` or ``print_pdf``; both check the organisation profile first (on the
worker), then write the PDF on the worker with progress and Cancel. «Skriv ut» then opens the
system's print dialog and paints the pages, rendered by pdfium (``pypdfium2``), on the chosen
printer; without pdfium it hands the PDF to the system (docs/printing.md has the measurements).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from coursekeeper.errors import Cancelled, RuleError
from coursekeeper.services import printouts
from coursekeeper.services.printouts import PrintKind, PrintResult
from coursekeeper.ui import messages
from coursekeeper.ui.tasks import Progress, TaskRunner

logger = logging.getLogger(__name__)


def documents_folder() -> Path:
    """The user's Documents folder (the home folder if Qt knows none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def open_file(path: Path) -> bool:
    """Open a file in the program the system uses for it (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def ask_save_path(parent: QWidget | None, default: Path) -> Path | None:
    """Ask where to save the PDF; None when the user cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("printing_actions", "Lagre som PDF"),
        str(default),
        QCoreApplication.translate("printing_actions", "PDF-filer (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def _preflight(kind: str, course_id: int | None) -> tuple[list[str], str]:
    """On the worker: what the profile lacks, and the suggested file name."""
    return printouts.printing_warnings(kind), printouts.suggested_file_name(kind, course_id)


def _write(progress: Progress, *, kind: str, course_id: int | None, out: Path, options: dict) -> PrintResult:
    """On the worker: write the PDF, reporting progress (Cancel raises ``Cancelled``)."""
    return printouts.print_kind(kind, course_id=course_id, out=out, progress=progress.update, **options)


def _working_label(kind: PrintKind) -> str:
    if kind == PrintKind.CERTIFICATES:
        return QCoreApplication.translate("printing_actions", "Skriver kursbevis …")
    if kind == PrintKind.REFUND_LETTERS:
        return QCoreApplication.translate("printing_actions", "Skriver brev om tilbakebetaling …")
    return QCoreApplication.translate("printing_actions", "Skriver oppmøtelister …")


def _skipped_text(result: PrintResult) -> str:
    if not result.skipped:
        return ""
    heading = QCoreApplication.translate("printing_actions", "Ikke med i utskriften:")
    return "\n\n" + heading + "\n" + "\n".join(f"• {s}" for s in result.skipped)


class _PrintFlow:
    """One «Lagre som PDF» or «Skriv ut»: warnings, file name, the PDF on the worker, then open."""

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskRunner,
        kind: str,
        course_id: int | None,
        options: dict[str, Any],
        *,
        to_printer: bool,
    ) -> None:
        self.parent = parent
        self.tasks = tasks
        self.kind = PrintKind(kind)
        self.course_id = course_id
        self.options = options
        self.to_printer = to_printer

    def start(self) -> None:
        """Check the profile on the worker; the answer continues in ``_on_checked``."""
        self.tasks.run(
            functools.partial(_preflight, self.kind.value, self.course_id),
            label=QCoreApplication.translate("printing_actions", "Forbereder utskrift …"),
            on_done=self._on_checked,
            parent=self.parent,
        )

    def _on_checked(self, checked: tuple[list[str], str]) -> None:
        warnings, file_name = checked
        if warnings and not messages.confirm(
            self.parent,
            QCoreApplication.translate("printing_actions", "Organisasjonsprofilen er ufullstendig"),
            "\n".join(f"• {w}" for w in warnings)
            + "\n\n"
            + (
                QCoreApplication.translate(
                    "printing_actions", "Du kan fylle ut profilen under Innstillinger. Skriv ut likevel?"
                )
                if self.to_printer
                else QCoreApplication.translate(
                    "printing_actions", "Du kan fylle ut profilen under Innstillinger. Lagre PDF-en likevel?"
                )
            ),
            QCoreApplication.translate("printing_actions", "Skriv ut likevel")
            if self.to_printer
            else QCoreApplication.translate("printing_actions", "Lagre likevel"),
        ):
            return
        if self.to_printer:
            # A fresh folder per print: the PDF must outlive this call, the spooler reads it later.
            out = Path(tempfile.mkdtemp(prefix="coursekeeper-utskrift-")) / file_name
        else:
            chosen = ask_save_path(self.parent, documents_folder() / file_name)
            if chosen is None:
                return
            out = chosen
        # Certificates remember their first print, and a reprint is registered as a duplicate.
        touches = {"certificates", "audit"} if self.kind == PrintKind.CERTIFICATES else set()
        self.tasks.run(
            functools.partial(
                _write, kind=self.kind.value, course_id=self.course_id, out=out, options=self.options
            ),
            label=_working_label(self.kind),
            touches=touches,
            on_done=self._on_written,
            parent=self.parent,
        )

    def _on_written(self, result: PrintResult) -> None:
        if self.to_printer:
            send_to_printer(self.parent, self.tasks, result)
            return
        text = result.message + _skipped_text(result)
        if messages.confirm(
            self.parent,
            QCoreApplication.translate("printing_actions", "Lagret som PDF"),
            text + "\n\n" + QCoreApplication.translate("printing_actions", "Vil du åpne PDF-en nå?"),
            QCoreApplication.translate("printing_actions", "Åpne PDF"),
            safe=True,
        ):
            open_file(result.path)


def save_pdf(
    parent: QWidget | None,
    tasks: TaskRunner,
    *,
    kind: str,
    course_id: int | None = None,
    **options: Any,
) -> None:
    """«Lagre som PDF»: warn about the profile, ask for a file name, write it, offer to open it.

    ``options`` go to the service: ``certificate_ids``, ``duplicate``, ``reprints``,
    ``allow_revoked_copy`` for certificates; ``as_of``, ``enrolment_ids``, ``recorded``,
    ``sender``, ``payment_method_text`` for refund letters (``as_of`` defaults to today).
    """
    _PrintFlow(parent, tasks, kind, course_id, dict(options), to_printer=False).start()


def print_pdf(
    parent: QWidget | None,
    tasks: TaskRunner,
    *,
    kind: str,
    course_id: int | None = None,
    **options: Any,
) -> None:
    """«Skriv ut»: warn about the profile, write a temporary PDF and send it to a printer."""
    _PrintFlow(parent, tasks, kind, course_id, dict(options), to_printer=True).start()


# -- handing the PDF to a printer ---------------------------------------------------------------

#: Pages are rendered at the printer's resolution up to this many dots per inch: sharp text, while
#: a 1200 dpi A4 page would be a 100 MB bitmap (and a 21-page job 140 MB instead of 18 MB).
MAX_PRINT_DPI = 300


def renderer_available() -> bool:
    """True when pypdfium2 can render the PDF's pages for QPrinter."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def on_windows() -> bool:
    """True on Windows, where PDF readers register a «print» verb (tests replace this)."""
    return sys.platform == "win32"


def send_to_printer(parent: QWidget | None, tasks: TaskRunner, result: PrintResult) -> None:
    """Print the PDF: QPrintDialog when pdfium is there, else the system's print verb or PDF viewer."""
    if renderer_available():
        print_with_dialog(parent, tasks, result)
        return
    if on_windows():
        try:
            # The PDF reader's own print command: it prints to the default printer.
            os.startfile(str(result.path), "print")  # type: ignore[attr-defined]
        except OSError:
            logger.warning("No print verb for PDF files; opening %s instead", result.path, exc_info=True)
        else:
            messages.show_info(
                parent,
                QCoreApplication.translate(
                    "printing_actions", "Utskriften er sendt til standardskriveren.\n%1"
                ).replace("%1", result.message)
                + _skipped_text(result),
            )
            return
    open_file(result.path)
    messages.show_info(
        parent,
        QCoreApplication.translate(
            "printing_actions",
            "PDF-en er åpnet i PDF-leseren. Skriv den ut derfra (Fil → Skriv ut, eller Ctrl+P).\n%1",
        ).replace("%1", result.message)
        + _skipped_text(result),
    )


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog for ``printer``; True when the user pressed Print (tests replace this)."""
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def page_count(path: Path) -> int:
    """How many pages the PDF has (pdfium reads only the page tree: well under a millisecond)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def paint_pages(progress: Progress, *, path: Path, printer: QPrinter, first: int, last: int) -> int:
    """On the worker: render pages ``first``–``last`` (1-based) with pdfium onto ``printer``.

    Qt allows painting on a QPrinter outside the GUI thread, so the window stays responsive and
    Cancel works; a cancelled job is aborted, so nothing half-printed reaches the spooler.
    """
    import pypdfium2
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QImage, QPainter

    document = pypdfium2.PdfDocument(str(path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise RuleError(
                QCoreApplication.translate(
                    "printing_actions", "Skriveren kan ikke brukes. Velg en annen skriver og prøv igjen."
                )
            )
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        count = last - first + 1
        for done, index in enumerate(range(first - 1, last)):
            progress.update(done, count)
            if done:
                printer.newPage()
            bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(
                bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
            )
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            # Centred on the printable area, as a PDF reader's «fit to page» does.
            corner = QPoint(
                target.left() + (target.width() - size.width()) // 2,
                target.top() + (target.height() - size.height()) // 2,
            )
            painter.drawImage(QRect(corner, size), image)
        progress.update(count, count)
    except Cancelled:
        printer.abort()
        raise
    finally:
        if painter.isActive():
            painter.end()
        document.close()
    return count


def print_with_dialog(parent: QWidget | None, tasks: TaskRunner, result: PrintResult) -> None:
    """Let the user pick a printer and pages in QPrintDialog, then print them on the worker."""
    pages = page_count(result.path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(result.path.stem)
    printer.setFromTo(1, pages)
    if not ask_printer(parent, printer):
        return
    first = max(printer.fromPage() or 1, 1)
    last = min(printer.toPage() or pages, pages)
    tasks.run(
        functools.partial(paint_pages, path=result.path, printer=printer, first=first, last=last),
        label=QCoreApplication.translate("printing_actions", "Skriver ut …"),
        on_done=functools.partial(_on_printed, parent, result, printer),
        parent=parent,
    )


def _on_printed(parent: QWidget | None, result: PrintResult, printer: QPrinter, pages: int) -> None:
    name = printer.printerName() or printer.outputFileName()
    text = (
        QCoreApplication.translate("printing_actions", "%1 sider er sendt til %2.")
        if pages != 1
        else QCoreApplication.translate("printing_actions", "1 side er sendt til %2.")
    )
    messages.show_info(
        parent,
        text.replace("%1", str(pages)).replace("%2", name) + "\n" + result.message + _skipped_text(result),
    )
