"""Small form parts shared by the deposit, certificate and assignment dialogs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from coursekeeper.domain.money import format_kr, parse_kr
from coursekeeper.errors import CourseKeeperError, ValidationError
from coursekeeper.ui import messages

#: Payment methods offered in the method field (free text is allowed too).
PAYMENT_METHODS = ("Bank", "Vipps", "Kontant", "Faktura")


def date_edit(day: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A date field shown as dd.mm.yyyy with a calendar pop-up."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumWidth(130)
    set_date(edit, day or dt.date.today())
    return edit


def set_date(edit: QDateEdit, day: dt.date) -> None:
    """Put a Python date into a date field."""
    edit.setDate(QDate(day.year, day.month, day.day))


def date_of(edit: QDateEdit) -> dt.date:
    """The Python date in a date field."""
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def method_combo(parent: QWidget | None = None) -> QComboBox:
    """An editable choice of payment method (Bank, Vipps, Kontant, Faktura or typed)."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems(list(PAYMENT_METHODS))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def municipality_combo(names: list[str], parent: QWidget | None = None) -> QComboBox:
    """An editable municipality field completing from the official list."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItem("")
    combo.addItems(names)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(names, combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    return combo


def parse_amount(text: str) -> int:
    """Øre from what the user typed; ValidationError (Norwegian) when it is not a positive amount."""
    ore = parse_kr(text)
    if ore <= 0:
        raise ValidationError("Beløpet må være større enn 0 kr.")
    return ore


def kr(ore: int) -> str:
    """``1 000 kr`` that never breaks across lines (for labels that wrap)."""
    return format_kr(ore).replace(" ", "\u00a0")


def amount_text(ore: int) -> str:
    """An amount as the user would type it (``1 000``)."""
    return format_kr(ore, suffix=False)


class ErrorLabel(QLabel):
    """Inline validation message in red under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None, *, reserve_lines: int = 0) -> None:
        """``reserve_lines``: keep room for that many lines while hidden, so nothing below moves."""
        super().__init__(parent)
        self.setStyleSheet("color: #b3261e;")
        self.setWordWrap(True)
        self._reserved = reserve_lines > 0
        if self._reserved:  # always there, empty while there is nothing to say
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.setMinimumHeight(self.fontMetrics().lineSpacing() * reserve_lines)
        else:
            self.hide()

    def show_message(self, text: str) -> None:
        """Show ``text``, or hide (empty, when its room is reserved) when empty."""
        self.setText(text)
        self.setVisible(bool(text) or self._reserved)


class FormErrorLabel(ErrorLabel):
    """What the service refused, in bold red above a dialog's buttons; hidden until there is something."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020; font-weight: 600;")

    def show_refusal(self, exc: BaseException) -> None:
        """A CourseKeeperError's message here; anything else in the exception dialog."""
        if isinstance(exc, CourseKeeperError):
            self.show_message(exc.message)
        else:
            messages.show_exception(self.window(), exc)


def ok_cancel_buttons(
    ok_text: str,
    cancel_text: str,
    accept: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok,
    *,
    destructive: bool = False,
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's button row with the action named on the OK (or ``accept``) button, not just «OK».

    OK is the default button (Enter), except for ``destructive`` actions, where Cancel is.
    """
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(accept)
    ok.setText(ok_text)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(cancel_text)
    (cancel if destructive else ok).setDefault(True)
    return buttons, ok
