"""«Legg til ansatt» and «Endre rolle»: a staff member's user name, password, roles and municipalities."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from coursekeeper.domain.staff import StaffRole
from coursekeeper.services.staff_accounts import StaffMember
from coursekeeper.ui import labels
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel


@dataclass(frozen=True)
class StaffChoice:
    """What the administrator entered (``password`` empty when changing roles)."""

    name: str
    roles: list[StaffRole]
    municipalities: list[str]
    password: str


class StaffDialog(FormDialog):
    """A new staff member (``member`` None) or another role for ``member``."""

    def __init__(self, member: StaffMember | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        adding = member is None
        self.adding = adding
        self.setWindowTitle(self.tr("Legg til ansatt") if adding else self.tr("Endre rolle"))
        self.setMinimumWidth(480)
        self.name = QLineEdit(member.name if member else "")
        self.name.setReadOnly(not adding)
        self.name.setPlaceholderText(self.tr("For eksempel kari.nordmann"))
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.roles: dict[StaffRole, QCheckBox] = {}
        boxes = QWidget()
        column = QVBoxLayout(boxes)
        column.setContentsMargins(0, 0, 0, 0)
        for role in StaffRole:
            box = QCheckBox(labels.staff_role(role))
            box.setChecked(member is not None and role in member.roles)
            box.toggled.connect(self._validate)
            self.roles[role] = box
            column.addWidget(box)
        self.municipalities = QLineEdit(", ".join(member.municipalities) if member else "")
        self.municipalities.setPlaceholderText(self.tr("Navn eller nummer, skilt med komma: Bergen, 4627"))
        self.error = ErrorLabel()
        self.form.addRow(self.tr("&Brukernavn:"), self.name)
        if adding:
            self.form.addRow(self.tr("&Passord:"), self.password)
            self.form.addRow(self.tr("Passord &igjen:"), self.again)
        self.form.addRow(self.tr("Roller:"), boxes)
        self.form.addRow(self.tr("&Kommuner:"), self.municipalities)
        self.form.addRow("", self.error)
        intro = self.tr(
            "Den ansatte logger inn med dette brukernavnet og passordet. Rollen bestemmer hva "
            "databasen lar dem se og endre; kommuneansatte ser bare kursene og personene i sine kommuner."
        )
        self.lay_out(self.tr("Legg til") if adding else self.tr("Lagre rollene"), intro)
        for edit in (self.name, self.password, self.again, self.municipalities):
            edit.textChanged.connect(self._validate)
        self._validate(initial=True)
        (self.name if adding else self.roles[StaffRole.ADMIN]).setFocus()

    def chosen_roles(self) -> list[StaffRole]:
        """The ticked roles, in the order DESIGN §8 lists them."""
        return [role for role, box in self.roles.items() if box.isChecked()]

    def _places(self) -> list[str]:
        return [p.strip() for p in self.municipalities.text().split(",") if p.strip()]

    def _validate(self, *_args: object, initial: bool = False) -> bool:
        municipal = self.roles[StaffRole.MUNICIPAL].isChecked()
        self.municipalities.setEnabled(municipal)
        message = ""
        if not self.name.text().strip():
            message = self.tr("Skriv brukernavnet.")
        elif self.adding and not self.password.text():
            message = self.tr("Skriv et passord den ansatte kan logge inn med første gang.")
        elif self.adding and self.password.text() != self.again.text():
            message = self.tr("De to passordene er ikke like.")
        elif not self.chosen_roles():
            message = self.tr("Velg minst én rolle.")
        elif municipal and not self._places():
            message = self.tr("Skriv minst én kommune for en kommuneansatt.")
        self.error.show_message("" if initial else message)
        self.ok_button.setEnabled(not message)
        return not message

    def values(self) -> StaffChoice:
        """The entered values (call after the dialog was accepted)."""
        municipal = StaffRole.MUNICIPAL in self.chosen_roles()
        return StaffChoice(
            self.name.text().strip(),
            self.chosen_roles(),
            self._places() if municipal else [],
            self.password.text() if self.adding else "",
        )
