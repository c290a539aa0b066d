"""The only place that builds a QMessageBox: errors, information, confirmations, exceptions."""

from __future__ import annotations

import functools
import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

logger = logging.getLogger(__name__)


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    return box


def show_error(parent: QWidget | None, text: str, details: str | None = None) -> None:
    """A refusal or problem the user should read (plain Norwegian)."""
    box = _box(
        parent, QMessageBox.Icon.Warning, QCoreApplication.translate("messages", "Kan ikke fullføre"), text
    )
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, text: str) -> None:
    """A plain piece of information (e.g. who was promoted from the waiting list)."""
    box = _box(
        parent, QMessageBox.Icon.Information, QCoreApplication.translate("messages", "CourseKeeper"), text
    )
    box.exec()


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    ok_text: str,
    *,
    safe: bool = False,
    cancel_text: str | None = None,
) -> bool:
    """Ask before doing something; True when the user pressed ``ok_text``.

    Enter means Cancel unless going ahead is ``safe`` and expected (open the file just saved,
    load the demo into an empty database); Escape always means Cancel.
    """
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        cancel_text or QCoreApplication.translate("messages", "Avbryt"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(ok if safe else cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(parent: QWidget | None, title: str, text: str, choices: list[str], skip_text: str) -> int | None:
    """Offer ``choices`` beside ``skip_text`` (the default); the index pressed, or None for skip."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    skip = box.addButton(skip_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(skip)
    box.setEscapeButton(skip)
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), None)


def exception_details(exc: BaseException) -> str:
    """The traceback of ``exc`` as text for the details box and the log."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def copy_to_clipboard(text: str) -> None:
    """Put ``text`` on the clipboard."""
    QApplication.clipboard().setText(text)


def show_exception(parent: QWidget | None, exc: BaseException) -> None:
    """An unexpected error: logged with its traceback and shown with copyable details."""
    details = exception_details(exc)
    logger.error("Unexpected error: %s", details)
    box = _box(
        parent,
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("messages", "Uventet feil"),
        QCoreApplication.translate(
            "messages",
            "Det oppstod en uventet feil. Ingenting er lagret fra handlingen som feilet.\n\n"
            "Detaljene er skrevet til loggfilen. Kopier dem gjerne og send dem til den som "
            "hjelper deg med CourseKeeper.",
        ),
    )
    box.setInformativeText(f"{type(exc).__name__}: {exc}")
    box.setDetailedText(details)
    # QMessageBox closes on any button; this one copies the details first.
    copy = QPushButton(QCoreApplication.translate("messages", "Kopier detaljer og lukk"))
    copy.clicked.connect(functools.partial(copy_to_clipboard, details))
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
    box.exec()
