"""Logg inn: a staff member's own user name and password for the shared database server."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel


@dataclass(frozen=True)
class Login:
    """What the user entered."""

    user: str
    password: str
    remember: bool


class LoginDialog(FormDialog):
    """User name, password and whether to keep the password in the system's credential store.

    ``can_remember`` False: the machine has no credential store, so «Husk passordet» is greyed out.
    """

    def __init__(
        self,
        server: str,
        user: str = "",
        password: str | None = None,
        message: str = "",
        *,
        can_remember: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Logg inn – CourseKeeper"))
        self.setMinimumWidth(440)
        self.user = QLineEdit(user)
        self.password = QLineEdit(password or "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Husk passordet på denne maskinen"))
        self.remember.setChecked(can_remember and password is not None)
        self.remember.setEnabled(can_remember)
        self.remember.setToolTip(
            self.tr("Passordet lagres i operativsystemets passordlager, aldri i en fil.")
            if can_remember
            else self.tr(
                "Denne maskinen har ikke noe passordlager, så passordet kan ikke huskes. "
                "Skriv det hver gang du logger inn."
            )
        )
        self.error = ErrorLabel()
        self.form.addRow(self.tr("&Brukernavn:"), self.user)
        self.form.addRow(self.tr("&Passord:"), self.password)
        self.form.addRow("", self.remember)
        self.form.addRow("", self.error)
        intro = self.tr("Databasen på %1 deles med kollegene dine. Logg inn med din egen bruker.").replace(
            "%1", server
        )
        self.lay_out(self.tr("Logg inn"), intro)
        if message:
            self.error.show_message(message)
        self.user.textChanged.connect(self._validate)
        self.password.textChanged.connect(self._validate)
        (self.password if user else self.user).setFocus()
        self.ok_button.setEnabled(bool(user and password))

    def _validate(self, *_args: object) -> bool:
        ok = bool(self.user.text().strip() and self.password.text())
        self.error.show_message("" if ok else self.tr("Skriv brukernavn og passord."))
        self.ok_button.setEnabled(ok)
        return ok

    def values(self) -> Login:
        """The entered values (call after the dialog was accepted)."""
        return Login(self.user.text().strip(), self.password.text(), self.remember.isChecked())
