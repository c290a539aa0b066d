"""Innstillinger → Database og sikkerhetskopier: take and restore backups, and the automatic ones."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coursekeeper.services import auto_backups, backup, backup_crypto
from coursekeeper.services.auto_backups import AutoBackupSettings, BackupFile
from coursekeeper.ui import messages, role_gate
from coursekeeper.ui.dialogs.backup_dialog import BackupDialog
from coursekeeper.ui.dialogs.restore_dialog import RestoreDialog, ask_password
from coursekeeper.ui.tasks import ALL_AREAS, TaskRunner


def _overview() -> tuple[str, list[BackupFile], AutoBackupSettings, bool]:
    """On the worker: where the database is, the backups, the settings, and whether a password is saved."""
    return (
        backup.database_location(),
        auto_backups.list_backups(),
        auto_backups.get_settings(),
        auto_backups.backup_password() is not None,
    )


class BackupPanel(QGroupBox):
    """The database's place, «Ta sikkerhetskopi nå», «Gjenopprett», and automatic backups."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Database og sikkerhetskopier"), parent)
        self.tasks = tasks
        self.backups: list[BackupFile] = []
        self.location = QLabel()
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setWordWrap(True)
        self.last = QLabel()
        self.backup_button = QPushButton(self.tr("Ta sikkerhetskopi nå …"))
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button = QPushButton(self.tr("Gjenopprett fra sikkerhetskopi …"))
        self.restore_button.clicked.connect(self.restore_backup)
        self.automatic = QCheckBox(
            self.tr("Ta sikkerhetskopi automatisk første gang programmet startes hver dag")
        )
        self.on_close = QCheckBox(self.tr("… og når programmet lukkes"))
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("Standard: mappen backups i CourseKeepers datamappe"))
        self.folder_button = QPushButton(self.tr("Velg mappe …"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.save_button = QPushButton(self.tr("Lagre valgene"))
        self.save_button.clicked.connect(self.save_settings)
        self.password = QLineEdit()
        self.password.setObjectName("autoBackupPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_button = QPushButton(self.tr("Lagre passordet"))
        self.password_button.clicked.connect(self.save_password)
        self.password_state = QLabel()
        self.password_state.setWordWrap(True)
        self.server_note = QLabel()
        self.server_note.setWordWrap(True)
        controls = (self.backup_button, self.restore_button, self.automatic, self.on_close, self.folder)
        controls += (self.folder_button, self.save_button, self.password, self.password_button)
        self.server_note.setVisible(not role_gate.gate("can_back_up", *controls))
        self.server_note.setText(role_gate.why("can_back_up"))

        form = QFormLayout(self)
        form.addRow(self.tr("Databasen ligger her:"), self.location)
        form.addRow(self.tr("Siste sikkerhetskopi:"), self.last)
        form.addRow("", self.server_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.automatic)
        form.addRow("", self.on_close)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.folder_button)
        form.addRow(self._buddy(self.tr("&Mappe for automatiske kopier:"), self.folder), where)
        form.addRow("", self._right(self.save_button))
        secret = QHBoxLayout()
        secret.addWidget(self.password, 1)
        secret.addWidget(self.password_button)
        form.addRow(self._buddy(self.tr("Pass&ord for automatiske kopier:"), self.password), secret)
        form.addRow("", self.password_state)

    @staticmethod
    def _buddy(text: str, field: QWidget) -> QLabel:
        """A row label whose &-letter jumps to ``field`` (a row holding a layout gets no buddy itself)."""
        label = QLabel(text)
        label.setBuddy(field)
        return label

    @staticmethod
    def _right(button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        return row

    def reload(self) -> None:
        """Load where the database is, the backups and the automatic settings."""
        self.tasks.run(
            _overview, label=self.tr("Henter sikkerhetskopiene …"), on_done=self._fill, parent=self
        )

    def _fill(self, found: tuple[str, list[BackupFile], AutoBackupSettings, bool]) -> None:
        location, self.backups, chosen, has_password = found
        self.location.setText(location)
        if not role_gate.allowed().can_back_up:  # a shared server: copies of some laptop's file say nothing
            self.last.setText(self.tr("Tas på serveren (se under)"))
        else:
            self.last.setText(self.backups[0].label if self.backups else self.tr("Ingen ennå"))
        self.automatic.setChecked(chosen.enabled)
        self.on_close.setChecked(chosen.on_close)
        self.folder.setText(chosen.folder)
        self.password_state.setText(
            self.tr(
                "Et passord er lagret i operativsystemets passordlager: de automatiske kopiene krypteres."
            )
            if has_password
            else self.tr("Uten passord er de automatiske kopiene ikke kryptert.")
        )

    # -- settings ----------------------------------------------------------------------------

    def choose_folder(self) -> None:
        """A folder for automatic backups (a OneDrive or network folder is typical)."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Mappe for automatiske kopier"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def save_settings(self) -> None:
        """Store the automatic-backup choices (the folder is checked on the worker)."""
        value = AutoBackupSettings(
            self.automatic.isChecked(), self.on_close.isChecked(), self.folder.text().strip()
        )
        self.tasks.run(
            functools.partial(auto_backups.save_settings, value),
            label=self.tr("Lagrer …"),
            on_done=lambda _saved: messages.show_info(
                self, self.tr("Valgene for sikkerhetskopier er lagret.")
            ),
            parent=self,
        )

    def save_password(self) -> None:
        """Save (or, when empty, forget) the password for automatic backups in the credential store."""
        password = self.password.text() or None
        self.password.clear()
        self.tasks.run(
            functools.partial(auto_backups.set_backup_password, password),
            label=self.tr("Lagrer passordet …"),
            on_done=lambda _none: self.reload(),
            parent=self,
        )

    # -- backup and restore ------------------------------------------------------------------

    def make_backup(self) -> None:
        """Ask where (and an optional password), then write the copy on the worker."""
        dialog = BackupDialog(backup.default_backup_path(), self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        path, password = dialog.values()
        self.tasks.run(
            functools.partial(backup.backup, path, password=password),
            label=self.tr("Tar sikkerhetskopi …"),
            touches={"audit"},
            on_done=self._on_backup_done,
            parent=self,
        )

    def _on_backup_done(self, path: Path) -> None:
        messages.show_info(self, self.tr("Sikkerhetskopien er lagret i %1").replace("%1", str(path)))
        self.reload()

    def restore_backup(self) -> None:
        """Pick a backup by date (or a file), confirm, ask the password if it has one, restore."""
        dialog = RestoreDialog(self.backups, auto_backups.folder(), self)
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.chosen is None:
            return
        path = dialog.chosen
        if not messages.confirm(
            self,
            self.tr("Gjenopprett fra sikkerhetskopi"),
            self.tr(
                "Alt som er registrert nå, erstattes med innholdet i\n%1\n\n"
                "Den nåværende databasen blir først kopiert til mappen for sikkerhetskopier."
            ).replace("%1", str(path)),
            self.tr("Gjenopprett"),
        ):
            return
        password = None
        if backup_crypto.is_encrypted(path):
            password = ask_password(
                self,
                self.tr("Passord"),
                self.tr("Sikkerhetskopien er beskyttet med passord. Skriv inn passordet."),
            )
            if password is None:
                return
        self.tasks.run(
            functools.partial(backup.restore, path, password=password),
            label=self.tr("Gjenoppretter …"),
            touches=ALL_AREAS,
            on_done=self._on_restored,
            parent=self,
        )

    def _on_restored(self, saved: Path) -> None:
        window = self.window()
        reload_all = getattr(window, "reload_all", None)
        if reload_all is not None:
            reload_all()
        messages.show_info(
            self,
            self.tr("Databasen er gjenopprettet. Den forrige databasen ble lagret som %1").replace(
                "%1", str(saved)
            ),
        )
        self.reload()
