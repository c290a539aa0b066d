"""«Legg til ansatt» and «Endre rolle»: a staff member's user name, password, roles and municipalities."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from coursekeeper.domain.staff import StaffRole
from coursekeeper.services.staff_accounts import StaffMember, UnknownMunicipalityError, user_name_problem
from coursekeeper.ui import labels
from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_fields import ErrorLabel, FormErrorLabel


@dataclass(frozen=True)
class RoleChoice:
    """The roles and municipalities the administrator chose for ``name`` (``set_roles``' arguments)."""

    name: str
    roles: list[StaffRole]
    municipalities: list[str]


@dataclass(frozen=True)
class StaffChoice(RoleChoice):
    """A new staff member with their first password (``add_staff``'s arguments)."""

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
        self.name_error = ErrorLabel()
        self.places_error = ErrorLabel()
        self.error = ErrorLabel(reserve_lines=2)  # the hints come and go; the buttons stay put
        self.form_error = FormErrorLabel()
        self.form.addRow(self.tr("&Brukernavn:"), self.name)
        self.form.addRow("", self.name_error)
        if adding:
            self.form.addRow(self.tr("&Passord:"), self.password)
            self.form.addRow(self.tr("Passord &igjen:"), self.again)
        self.form.addRow(self.tr("Roller:"), boxes)
        self.form.addRow(self.tr("&Kommuner:"), self.municipalities)
        self.form.addRow("", self.places_error)
        self.form.addRow("", self.error)
        self.form.addRow("", self.form_error)
        intro = self.tr(
            "Den ansatte logger inn med dette brukernavnet og passordet. Rollen bestemmer hva "
            "databasen lar dem se og endre; kommuneansatte ser bare kursene og personene i sine kommuner."
        )
        above: list[QWidget | str] = [intro]
        if member is not None and not member.active:
            above.append(
                self.tr("%1 er deaktivert. Når du lagrer rollene, kan %1 logge inn igjen.").replace(
                    "%1", member.name
                )
            )
        self.lay_out(self.tr("Legg til") if adding else self.tr("Lagre rollene"), *above)
        self.municipalities.textChanged.connect(lambda: self.places_error.show_message(""))
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
        self.form_error.show_message("")
        name = self.name.text().strip()
        name_problem = user_name_problem(name) if name and self.adding else ""
        self.name_error.show_message(name_problem)  # at once, under the name
        if not name:
            message = self.tr("Skriv brukernavnet.")
        elif self.adding and not self.password.text():
            message = self.tr("Skriv et passord den ansatte kan logge inn med første gang.")
        elif self.adding and self.password.text() != self.again.text():
            message = self.tr("De to passordene er ikke like.")
        elif not self.chosen_roles():
            message = self.tr("Velg minst én rolle.")
        elif municipal and not self._places():
            message = self.tr("Skriv minst én kommune for en kommuneansatt.")
        self.error.show_message("" if initial or name_problem else message)
        ok = not message and not name_problem
        self.ok_button.setEnabled(ok)
        return ok

    def values(self) -> RoleChoice:
        """The entered values: a StaffChoice when adding, else a RoleChoice."""
        municipal = StaffRole.MUNICIPAL in self.chosen_roles()
        chosen = RoleChoice(
            self.name.text().strip(), self.chosen_roles(), self._places() if municipal else []
        )
        if self.adding:
            return StaffChoice(chosen.name, chosen.roles, chosen.municipalities, self.password.text())
        return chosen

    def refused(self, exc: BaseException) -> None:
        """An unknown municipality under its field, anything else above the buttons; all typed stays."""
        if isinstance(exc, UnknownMunicipalityError):
            self.places_error.show_message(exc.message)
            self.municipalities.setFocus()
        else:
            self.form_error.show_refusal(exc)
