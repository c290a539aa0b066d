"""Innstillinger → Ansatte: who may log in to the shared server, with which roles (administrators only)."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from coursekeeper.services import staff_accounts
from coursekeeper.services.staff_accounts import StaffMember
from coursekeeper.ui import labels, messages
from coursekeeper.ui.dialogs.staff_dialog import StaffDialog
from coursekeeper.ui.table_models import Column
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.rows_panel import RowsPanel

AREAS = frozenset({"staff"})


class StaffPanel(QGroupBox):
    """The staff list and «Legg til …», «Endre rolle …», «Deaktiver …»."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ansatte"), parent)
        self.setObjectName("staffPanel")
        self.tasks = tasks
        self.dialog: StaffDialog | None = None
        intro = QLabel(
            self.tr(
                "Alle som logger inn på den felles databasen. Databasen selv håndhever rollene, "
                "så en ansatt får ikke mer med et annet program enn her."
            )
        )
        intro.setWordWrap(True)
        self.rows = RowsPanel(
            tasks,
            [
                Column(self.tr("Brukernavn"), lambda m: m.name),
                Column(self.tr("Roller"), lambda m: ", ".join(labels.staff_role(r) for r in m.roles)),
                Column(
                    self.tr("Kommuner"), lambda m: ", ".join(m.municipalities), stretch=True
                ),  # may be many
                Column(self.tr("Status"), lambda m: self.tr("Aktiv") if m.active else self.tr("Deaktivert")),
            ],
        )
        self.rows.table.setMinimumHeight(180)
        self.add_button = QPushButton(self.tr("Legg til …"))
        self.add_button.clicked.connect(self.add)
        self.role_button = QPushButton(self.tr("Endre rolle …"))
        self.role_button.clicked.connect(self.change_role)
        self.disable_button = QPushButton(self.tr("Deaktiver …"))
        self.disable_button.setToolTip(
            self.tr("Brukeren kan ikke lenger logge inn; det de har gjort, blir stående")
        )
        self.disable_button.clicked.connect(self.disable)
        for button in (self.add_button, self.role_button, self.disable_button):
            self.rows.buttons.addWidget(button)
        self.rows.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.rows.table.doubleClicked.connect(self.change_role)
        self.rows.loaded.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rows)
        self._update_buttons()

    def reload(self) -> None:
        """Fetch the staff list on the worker."""
        self.rows.load(staff_accounts.staff_members, self.tr("Henter de ansatte …"))

    def selected(self) -> StaffMember | None:
        """The staff member under the cursor."""
        return self.rows.table.current_row()

    def _update_buttons(self, *_args: object) -> None:
        member = self.selected()
        self.role_button.setEnabled(member is not None)
        self.disable_button.setEnabled(member is not None and member.active)

    def add(self) -> None:
        """«Legg til ansatt»: name, first password, roles, municipalities."""
        self._ask(StaffDialog(None, self))

    def change_role(self, *_args: object) -> None:
        """«Endre rolle»: the selected member's roles and municipalities, replaced."""
        member = self.selected()
        if member is not None:
            self._ask(StaffDialog(member, self))

    def _ask(self, dialog: StaffDialog) -> None:
        """Save while the dialog stays open: a refusal is shown in it, with everything typed kept."""
        self.dialog = dialog
        dialog.run_when_accepted(
            self.tasks,
            staff_accounts.add_staff if dialog.adding else staff_accounts.set_roles,
            label=self.tr("Lagrer …"),
            touches=set(AREAS),
            on_done=self._done,
            stay_open=True,
        )

    def disable(self) -> None:
        """«Deaktiver»: after a confirmation, the member can no longer log in."""
        member = self.selected()
        if member is None or not messages.confirm(
            self,
            self.tr("Deaktiver %1").replace("%1", member.name),
            self.tr(
                "%1 kan ikke lenger logge inn. Det de har registrert, og loggen over det, blir stående. "
                "«Endre rolle» gir brukeren tilgang igjen."
            ).replace("%1", member.name),
            self.tr("Deaktiver"),
        ):
            return
        self.tasks.run(
            functools.partial(staff_accounts.disable_user, member.name),
            label=self.tr("Lagrer …"),
            touches=set(AREAS),
            on_done=self._done,
            parent=self,
        )

    def _done(self, message: str) -> None:
        messages.show_info(self, message)
        self.reload()
