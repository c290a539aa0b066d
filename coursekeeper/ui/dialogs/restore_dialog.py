"""«Gjenopprett fra sikkerhetskopi»: the backups by date, or another file; the password when needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coursekeeper.services.auto_backups import BackupFile
from coursekeeper.ui.table_models import Column, RowTableModel
from coursekeeper.ui.widgets.data_table import DataTable
from coursekeeper.ui.widgets.form_fields import ok_cancel_buttons


class RestoreDialog(QDialog):
    """Pick a backup from the list (newest first) or another file; ``chosen`` holds the path."""

    def __init__(self, backups: list[BackupFile], folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gjenopprett fra sikkerhetskopi"))
        self.folder = folder
        self.chosen: Path | None = None
        intro = QLabel(
            self.tr(
                "Velg sikkerhetskopien du vil gå tilbake til. Alt som er registrert etter den, "
                "erstattes; den nåværende databasen kopieres først til mappen for sikkerhetskopier."
            )
        )
        intro.setWordWrap(True)
        self.model: RowTableModel[BackupFile] = RowTableModel(
            [
                Column(self.tr("Tatt"), lambda b: b.label),
                Column(self.tr("Fil"), lambda b: b.path.name, stretch=True),
            ],
            self,
        )
        self.model.set_rows(backups)
        self.table = DataTable(self.model)
        self.table.setSortingEnabled(False)
        self.table.doubleClicked.connect(self._accept_selected)
        if backups:
            self.table.selectRow(0)
        empty = QLabel(self.tr("Ingen sikkerhetskopier i %1.").replace("%1", str(folder)))
        empty.setVisible(not backups)
        self.other = QPushButton(self.tr("Velg en annen fil …"))
        self.other.clicked.connect(self.choose_file)
        self.buttons, self.ok_button = ok_cancel_buttons(self.tr("Gjenopprett valgt"), self.tr("Avbryt"))
        self.ok_button.setEnabled(bool(backups))
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(self.buttons.StandardButton.Cancel).setDefault(True)  # the safe choice
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(self.other)
        layout.addWidget(self.buttons)
        self.resize(680, 380)

    def _accept_selected(self, *_args: object) -> None:
        row = self.table.current_row()
        if row is not None:
            self.chosen = row.path
            self.accept()

    def choose_file(self) -> None:
        """A backup file anywhere (a USB stick, another folder)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Gjenopprett fra sikkerhetskopi"),
            str(self.folder),
            self.tr("CourseKeeper-sikkerhetskopier (*.db *.ckbackup);;Alle filer (*)"),
        )
        if path:
            self.chosen = Path(path)
            self.accept()


def ask_password(parent: QWidget | None, title: str, text: str) -> str | None:
    """A password (hidden as typed), or None when the user cancels."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    label = QLabel(text)
    label.setWordWrap(True)
    field = QLineEdit()
    field.setObjectName("password")
    field.setEchoMode(QLineEdit.EchoMode.Password)
    buttons, ok = ok_cancel_buttons("OK", QCoreApplication.translate("RestoreDialog", "Avbryt"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(field)
    layout.addWidget(buttons)
    ok.setDefault(True)
    return field.text() if dialog.exec() == QDialog.DialogCode.Accepted and field.text() else None
